// Reads the git history of .okr files for the core's FileHistory: the file at the last commit before
// its period started, and its texts at the last (at most 200) commits touching it. Two git commands
// for any number of files (one log, one cat-file batch), plus one per distinct period start.
import { FileHistoryBuilder, type CommitInfo, type FileHistory, type Revision } from '../core/history/file-history';
import { commitBefore, commitsTouching, readBlobs, type Repo } from './repo';

/** How many commits of a file's history are read: bounded cost per file. */
export const MAX_HISTORY_COMMITS = 200;

export interface HistoryRequest {
  /** Top-relative path of the file in HEAD. */
  path: string;
  /** The first day of the file's period, when it has one. */
  periodStart?: string;
}

export interface HistoryOptions {
  /** At most this many commits per file (default MAX_HISTORY_COMMITS). */
  max?: number;
  /**
   * Called between parsed revisions; a host with an event loop returns a promise that yields when
   * its time slice is used up, so parsing 200 revisions never holds a keystroke.
   */
  pause?: () => Promise<void> | undefined;
}

export async function readHistories(repo: Repo, files: readonly HistoryRequest[], options: HistoryOptions = {}): Promise<Map<string, FileHistory>> {
  const max = options.max ?? MAX_HISTORY_COMMITS;
  const starts = new Map<string, CommitInfo | undefined>();
  for (const f of files) if (f.periodStart && !starts.has(f.periodStart)) starts.set(f.periodStart, await commitBefore(repo, f.periodStart));
  // Many files: only the commits since the earliest period start (the walk ends there); one file:
  // its last `max` commits, for the trend.
  const days = files.map((f) => f.periodStart);
  const since = files.length > 1 && days.every((d) => d !== undefined) ? days.reduce((a, b) => (a! < b! ? a : b)) : undefined;
  const commits = await commitsTouching(
    repo,
    files.map((f) => f.path),
    max,
    since,
  );
  const specs: Array<{ rev: string; path: string }> = [];
  for (const f of files) {
    const start = f.periodStart ? starts.get(f.periodStart) : undefined;
    if (start) specs.push({ rev: start.sha, path: f.path });
    for (const c of commits.get(f.path) ?? []) specs.push({ rev: c.sha, path: f.path });
  }
  const texts = await readBlobs(repo, specs);
  const out = new Map<string, FileHistory>();
  for (const f of files) {
    const start = f.periodStart ? starts.get(f.periodStart) : undefined;
    const startText = start && texts.get(`${start.sha}:${f.path}`);
    const startRev: Revision | undefined = start && startText !== undefined ? { ...start, text: startText } : undefined;
    const builder = new FileHistoryBuilder(f.periodStart);
    if (startRev) builder.setPeriodStart(startRev);
    // Oldest first; the period-start state comes first so a change right after it is seen as one.
    const list = [...(commits.get(f.path) ?? [])].reverse();
    if (startRev && !list.some((c) => c.sha === startRev.sha) && (list.length === 0 || list[0]!.date >= startRev.date)) builder.add(startRev);
    for (const c of list) {
      const text = texts.get(`${c.sha}:${f.path}`);
      if (text !== undefined) builder.add({ ...c, text });
      await options.pause?.();
    }
    out.set(f.path, builder.result());
  }
  return out;
}
