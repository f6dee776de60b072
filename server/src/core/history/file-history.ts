// What a file's git history says about its key results: the file as it was when its period started
// (for target-moved and baseline-moved), the commit that last set each target and baseline, and the
// values `current` took over commits (check-ins the author never wrote as check-ins). Pure: the host
// runs git and hands in the revisions' texts; this parses them.
import { handleOf, type KeyResult, type Objective, type OkrDocument } from '../model';
import { parseOkrDocument } from '../parse';

export interface CommitInfo {
  /** Full object name. */
  sha: string;
  /** Committer date, UTC, ISO 8601 (2026-10-15T09:30:00.000Z). */
  date: string;
  author?: string;
}

/** The file's text at a commit. */
export interface Revision extends CommitInfo {
  text: string;
}

/** A value `current` took, from the commit that first committed it. */
export interface HistoryValue {
  /** YYYY-MM-DD (UTC) of the commit. */
  date: string;
  value: number;
  sha: string;
}

export interface KeyResultHistory {
  /** `current` over the commits, oldest first, one point per change. */
  values: HistoryValue[];
  /** The commit that set the target the newest revision has, and that value. */
  target?: { value: number | undefined; commit: CommitInfo };
  baseline?: { value: number | undefined; commit: CommitInfo };
}

export interface FileHistory {
  /** The day the history was gathered for (the period's start): a new period needs a new history. */
  periodStartDate?: string;
  /** The file at the last commit before the period started; absent when it did not exist then. */
  periodStart?: { commit: CommitInfo; doc: OkrDocument };
  /** By `objective/key-result` handle (handleOf). */
  keyResults: Map<string, KeyResultHistory>;
  /** The newest commit read. */
  head?: CommitInfo;
  /** How many revisions were read (the host bounds it, e.g. 200). */
  revisions: number;
}

/** The key a key result's history is filed under. */
export function historyKey(o: Objective, kr: KeyResult): string {
  return `${handleOf(o, 'objective')}/${handleOf(kr, 'kr')}`;
}

export function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/**
 * Builds a FileHistory one revision at a time, oldest first, so a host can spread the parsing over
 * turns of its event loop. Consecutive revisions with the same text are parsed once.
 */
export class FileHistoryBuilder {
  private readonly keyResults = new Map<string, KeyResultHistory>();
  private lastText: string | undefined;
  private head: CommitInfo | undefined;
  private count = 0;
  private start: FileHistory['periodStart'];

  constructor(private readonly periodStartDate?: string) {}

  /** The file as it was when the period started (read once; it need not be among the revisions). */
  setPeriodStart(rev: Revision): void {
    this.start = { commit: commitOf(rev), doc: parseOkrDocument(rev.text, `git:${rev.sha}`, 0) };
  }

  add(rev: Revision): void {
    this.count++;
    this.head = commitOf(rev);
    if (rev.text === this.lastText) return;
    this.lastText = rev.text;
    const doc = parseOkrDocument(rev.text, `git:${rev.sha}`, 0);
    const day = rev.date.slice(0, 10);
    for (const o of doc.objectives) {
      for (const kr of o.keyResults) {
        const key = historyKey(o, kr);
        let h = this.keyResults.get(key);
        if (!h) this.keyResults.set(key, (h = { values: [] }));
        const last = h.values[h.values.length - 1];
        if (kr.current !== undefined && kr.current !== last?.value) h.values.push({ date: day, value: kr.current, sha: rev.sha });
        if (!h.target || h.target.value !== kr.target) h.target = { value: kr.target, commit: commitOf(rev) };
        if (!h.baseline || h.baseline.value !== kr.baseline) h.baseline = { value: kr.baseline, commit: commitOf(rev) };
      }
    }
  }

  result(): FileHistory {
    return { periodStartDate: this.periodStartDate, periodStart: this.start, keyResults: this.keyResults, head: this.head, revisions: this.count };
  }
}

function commitOf(rev: CommitInfo): CommitInfo {
  return rev.author === undefined ? { sha: rev.sha, date: rev.date } : { sha: rev.sha, date: rev.date, author: rev.author };
}

/** Revisions (oldest first) and the period-start revision to a FileHistory in one go (the CLI's path). */
export function buildFileHistory(revisions: readonly Revision[], periodStart?: Revision, periodStartDate?: string): FileHistory {
  const b = new FileHistoryBuilder(periodStartDate);
  if (periodStart) b.setPeriodStart(periodStart);
  for (const r of revisions) b.add(r);
  return b.result();
}
