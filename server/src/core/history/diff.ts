// The semantic diff of two versions of one `.okr` file: which objectives and key results were added,
// removed or changed (title, target, baseline, weight, current, alignment, status as written, done,
// latest check-in), their scores and statuses before and after, and which problems appeared or were
// fixed. Pure: the host reads the two texts (from git or the disk) and hands in parsed documents.
import { analyzeDocument } from '../analyze';
import type { OkrDiagnostic } from '../diagnostics';
import { handleOf, type KeyResult, type OkrDocument } from '../model';
import { directionOf } from './moved-goals';
import { latestCheckin, scoreDocument, type DocumentScore, type ObjectiveScorer } from '../scoring';
import type { OkrConfig } from '../schema';
import type { Status } from '../status';

export type ItemChange = 'added' | 'removed' | 'changed' | 'unchanged';
export type FileChange = 'added' | 'removed' | 'renamed' | 'modified' | 'unchanged';

/** The fields whose changes a reviewer is shown. */
export type DiffField = 'title' | 'target' | 'baseline' | 'weight' | 'current' | 'done' | 'alignment' | 'status' | 'check-in' | 'period';

export interface FieldChange {
  field: DiffField;
  before?: string | number | boolean;
  after?: string | number | boolean;
  /** A target or baseline made easier (see moved-goals.ts) while the period is under way: a goal post moved. */
  easier?: true;
}

export interface ScoreAt {
  score?: number;
  status: Status;
}

/** What changed in one objective or key result between two versions, with its score before and after. */
export interface ItemDiff {
  id: string;
  title?: string;
  change: ItemChange;
  fields: FieldChange[];
  before?: ScoreAt;
  after?: ScoreAt;
}

export type KeyResultDiff = ItemDiff;

export interface ObjectiveDiff extends ItemDiff {
  keyResults: KeyResultDiff[];
}

/** A problem that appeared (on a line of the new version) or was fixed (on a line of the old one). */
export interface ProblemChange {
  rule: string;
  severity: OkrDiagnostic['severity'];
  message: string;
  /** 1-based line in the version it belongs to. */
  line: number;
}

export interface FileDiff {
  /** Path of the new version (of the old one when the file was removed), as the host shows it. */
  path: string;
  /** The old path, when the file was renamed. */
  oldPath?: string;
  change: FileChange;
  fields: FieldChange[];
  before?: ScoreAt;
  after?: ScoreAt;
  objectives: ObjectiveDiff[];
  appeared: ProblemChange[];
  fixed: ProblemChange[];
}

export interface FileVersion {
  path: string;
  doc: OkrDocument;
  /** Scores objectives with their aligned children in that version's workspace; alone otherwise. */
  scorer?: ObjectiveScorer;
  /** The version's problems, when the host computed them (with its workspace); file-scope rules otherwise. */
  diagnostics?: OkrDiagnostic[];
}

export interface DiffOptions {
  config: OkrConfig;
  today: string;
}

/** The diff of one file between two versions; `before` absent: added; `after` absent: removed. */
export function diffOkrFile(before: FileVersion | undefined, after: FileVersion | undefined, options: DiffOptions): FileDiff {
  const path = (after ?? before)!.path;
  const oldDoc = before?.doc;
  const newDoc = after?.doc;
  const oldScore = oldDoc ? scoreDocument(oldDoc, options.today, { scorer: before!.scorer, config: options.config.scoring }) : undefined;
  const newScore = newDoc ? scoreDocument(newDoc, options.today, { scorer: after!.scorer, config: options.config.scoring }) : undefined;
  const started = newDoc?.period !== undefined && options.today >= newDoc.period.start;
  const objectives = diffObjectives(oldDoc, oldScore, newDoc, newScore, started);
  const fields: FieldChange[] = [];
  fieldChange(fields, 'period', oldDoc?.period?.label, newDoc?.period?.label, oldDoc !== undefined && newDoc !== undefined);
  fieldChange(fields, 'alignment', oldDoc?.alignsTo, newDoc?.alignsTo, oldDoc !== undefined && newDoc !== undefined);
  const problems = diffProblems(before && problemsOf(before, options), after && problemsOf(after, options));
  const contentSame = oldDoc !== undefined && newDoc !== undefined && oldDoc.text === newDoc.text;
  // A text change that moves nothing a reviewer is shown (a comment, formatting) is still `modified`;
  // hasSemanticChange tells the two apart.
  const change: FileChange = !before ? 'added' : !after ? 'removed' : before.path !== after.path ? 'renamed' : contentSame ? 'unchanged' : 'modified';
  return {
    path,
    oldPath: change === 'renamed' ? before!.path : undefined,
    change,
    fields,
    before: oldScore && scoreAt(oldScore),
    after: newScore && scoreAt(newScore),
    objectives,
    ...problems,
  };
}

/** True when the diff has something to show beyond an unchanged file (comments and layout count as nothing). */
export function hasSemanticChange(d: FileDiff): boolean {
  return (
    d.change === 'added' ||
    d.change === 'removed' ||
    d.change === 'renamed' ||
    d.fields.length > 0 ||
    d.objectives.some((o) => o.change !== 'unchanged') ||
    d.appeared.length > 0 ||
    d.fixed.length > 0 ||
    scoreMoved(d.before, d.after)
  );
}

function scoreAt(s: { score?: number; status: Status }): ScoreAt {
  return s.score === undefined ? { status: s.status } : { score: s.score, status: s.status };
}

function scoreMoved(a: { score?: number; status: Status } | undefined, b: { score?: number; status: Status } | undefined): boolean {
  if (!a || !b) return a !== b;
  return a.status !== b.status || !sameNumber(a.score, b.score);
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  // Scores are means of divisions: equal to the last few digits is equal.
  return Math.abs(a - b) < 1e-9;
}

function fieldChange(out: FieldChange[], field: DiffField, before: FieldChange['before'], after: FieldChange['after'], both: boolean): void {
  if (!both || before === after) return;
  const c: FieldChange = { field };
  if (before !== undefined) c.before = before;
  if (after !== undefined) c.after = after;
  out.push(c);
}

/** Pairs items by their handle (id, or position when they have none), in the new version's order, removed ones last. */
function pair<T extends { id?: string; index: number }>(before: readonly T[], after: readonly T[], kind: 'objective' | 'kr'): Array<[T | undefined, T | undefined]> {
  const old = new Map<string, T>();
  for (const b of before) if (!old.has(handleOf(b, kind))) old.set(handleOf(b, kind), b);
  const out: Array<[T | undefined, T | undefined]> = [];
  const used = new Set<T>();
  for (const a of after) {
    const b = old.get(handleOf(a, kind));
    if (b && !used.has(b)) {
      used.add(b);
      out.push([b, a]);
    } else out.push([undefined, a]);
  }
  for (const b of before) if (!used.has(b)) out.push([b, undefined]);
  return out;
}

function diffObjectives(oldDoc: OkrDocument | undefined, oldScore: DocumentScore | undefined, newDoc: OkrDocument | undefined, newScore: DocumentScore | undefined, started: boolean): ObjectiveDiff[] {
  return pair(oldDoc?.objectives ?? [], newDoc?.objectives ?? [], 'objective').map(([b, a]) => {
    const bs = b && oldScore!.objectives[b.index];
    const as = a && newScore!.objectives[a.index];
    const fields: FieldChange[] = [];
    const both = b !== undefined && a !== undefined;
    fieldChange(fields, 'title', b?.title, a?.title, both);
    fieldChange(fields, 'weight', b?.weight, a?.weight, both);
    fieldChange(fields, 'alignment', b?.alignsTo, a?.alignsTo, both);
    fieldChange(fields, 'status', b?.state, a?.state, both);
    const keyResults = pair(b?.keyResults ?? [], a?.keyResults ?? [], 'kr').map(([kb, ka]) =>
      diffKeyResult(kb, kb && bs?.keyResults[kb.index], ka, ka && as?.keyResults[ka.index], started),
    );
    const change: ItemChange = !b ? 'added' : !a ? 'removed' : fields.length || keyResults.some((k) => k.change !== 'unchanged') || scoreMoved(bs, as) ? 'changed' : 'unchanged';
    const item = (a ?? b)!;
    return { id: handleOf(item, 'objective'), title: item.title, change, fields, before: bs && scoreAt(bs), after: as && scoreAt(as), keyResults };
  });
}

function diffKeyResult(b: KeyResult | undefined, bs: ScoreAt | undefined, a: KeyResult | undefined, as: ScoreAt | undefined, started: boolean): KeyResultDiff {
  const fields: FieldChange[] = [];
  const both = b !== undefined && a !== undefined;
  fieldChange(fields, 'title', b?.title, a?.title, both);
  fieldChange(fields, 'target', b?.target, a?.target, both);
  fieldChange(fields, 'baseline', b?.baseline, a?.baseline, both);
  fieldChange(fields, 'weight', b?.weight, a?.weight, both);
  fieldChange(fields, 'current', b?.current, a?.current, both);
  fieldChange(fields, 'done', b?.done, a?.done, both);
  fieldChange(fields, 'status', b?.state, a?.state, both);
  fieldChange(fields, 'check-in', b && checkinText(b), a && checkinText(a), both);
  if (started && b && a && a.kind === b.kind) {
    const direction = directionOf(b) ?? directionOf(a);
    for (const f of fields) {
      if ((f.field !== 'target' && f.field !== 'baseline') || typeof f.before !== 'number' || typeof f.after !== 'number') continue;
      if (f.field === 'baseline' && a.kind !== 'metric') continue;
      if (direction === 'increase' ? f.after < f.before : direction === 'decrease' ? f.after > f.before : false) f.easier = true;
    }
  }
  const change: ItemChange = !b ? 'added' : !a ? 'removed' : fields.length || scoreMoved(bs, as) ? 'changed' : 'unchanged';
  const item = (a ?? b)!;
  return { id: handleOf(item, 'kr'), title: item.title, change, fields, before: bs && scoreAt(bs), after: as && scoreAt(as) };
}

/** The latest check-in with a value, as "42 on 2026-10-14": a new check-in is a change a reviewer sees. */
function checkinText(kr: KeyResult): string | undefined {
  const c = latestCheckin(kr, true);
  return c ? `${String(c.value)} on ${c.date}` : undefined;
}

function problemsOf(v: FileVersion, options: DiffOptions): OkrDiagnostic[] {
  return v.diagnostics ?? analyzeDocument(v.doc, { config: options.config, today: options.today, scope: 'file' });
}

/**
 * Problems are matched by rule and message, not position: an edit above a problem moves its line
 * without fixing it. Each occurrence counts (two identical warnings, one fixed: one fixed).
 */
function diffProblems(before: OkrDiagnostic[] | undefined, after: OkrDiagnostic[] | undefined): { appeared: ProblemChange[]; fixed: ProblemChange[] } {
  const key = (d: OkrDiagnostic) => `${d.rule}\u0000${d.message}`;
  const remaining = new Map<string, number>();
  for (const d of before ?? []) remaining.set(key(d), (remaining.get(key(d)) ?? 0) + 1);
  const appeared: ProblemChange[] = [];
  for (const d of after ?? []) {
    const n = remaining.get(key(d)) ?? 0;
    if (n > 0) remaining.set(key(d), n - 1);
    else appeared.push(problem(d));
  }
  const fixed: ProblemChange[] = [];
  for (const d of before ?? []) {
    const n = remaining.get(key(d)) ?? 0;
    if (n > 0) {
      remaining.set(key(d), n - 1);
      fixed.push(problem(d));
    }
  }
  return { appeared, fixed };
}

function problem(d: OkrDiagnostic): ProblemChange {
  return { rule: d.rule, severity: d.severity, message: d.message, line: d.range.start.line + 1 };
}
