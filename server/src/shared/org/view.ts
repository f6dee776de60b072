// The organisation view model: the workspace model (protocol.ts) turned into the alignment map the
// organisation panel and the HTML report draw. Company objectives (aligned to nothing, with objectives
// aligned to them) at the top, the objectives aligned to them nested below at any depth, and the rest
// (aligned to nothing, alignment unresolved or closing a cycle) grouped apart. Pure: no DOM, no
// `vscode`, no analysis. Every score and status is the server's (rolled up by the rule of
// docs/scoring.md); this only arranges them. Flat and indexed, so 10,000 objectives serialise small
// and the page can walk the tree without recursion.
import { GRADE_LABEL, STATUS_LABEL, type Grade, type Status } from '../../core/status';
import type { FileModel, KeyResultModel, ObjectiveModel, WorkspaceModel } from '../protocol';

export interface OrgCheckin {
  date: string;
  value?: number | boolean;
  note?: string;
}

/**
 * A key result as the map needs it. The organisation has 40,000 of them: what the page can derive
 * (its ref, score text, status label) is not sent, so the view stays small to post and parse.
 */
export interface OrgKeyResult extends Pick<KeyResultModel, 'id' | 'title' | 'kind' | 'owner' | 'unit' | 'baseline' | 'target' | 'current' | 'score' | 'status' | 'grade'> {
  /** The share of the period elapsed today, to 4 places (the expected value today lies that far from baseline to target). */
  elapsed: number;
  state?: 'closed' | 'dropped';
  checkins: OrgCheckin[];
}

/** Where an objective sits in the map. */
export type OrgPlace = 'company' | 'aligned' | 'unaligned' | 'unresolved' | 'cycle';

export interface OrgObjective {
  ref: string;
  id: string;
  title: string;
  /** Index into OrgView.files. */
  file: number;
  owner?: string;
  type: ObjectiveModel['type'];
  score?: number;
  scoreText: string;
  status: Status;
  statusLabel: string;
  /** The score expected today; absent without a period or once final or dropped. */
  expectedScore?: number;
  /** score − expected score: negative is behind. Absent when not judged. The risk sort reads it. */
  gap?: number;
  place: OrgPlace;
  /** `aligns_to` as written. */
  alignsTo?: string;
  /** Index of the objective it is aligned to (place `aligned`). */
  parent?: number;
  /** Indices of the objectives aligned to it, in the model's order. */
  children: number[];
  /** Left out of its parent's score. */
  excluded?: 'dropped' | 'cycle';
  /** "From the objectives aligned to it: (0.40×1 + 0.80×3) / 4 = 0.70". */
  rollupText?: string;
  state?: 'closed' | 'dropped';
  reason?: string;
  keyResults: OrgKeyResult[];
}

export interface OrgFile {
  uri: string;
  fileRef: string;
  /** The team, or the file ref. */
  label: string;
  period?: { label: string; start: string; end: string };
}

export interface OrgView {
  today: string;
  files: OrgFile[];
  objectives: OrgObjective[];
  /** Company objectives: aligned to nothing, with objectives aligned to them. */
  company: number[];
  /** Objectives outside the map: aligned to nothing and nothing aligned to them, or whose alignment does not resolve. */
  apart: number[];
  /** Every owner named on an objective or key result, sorted (the owner filter's choices). */
  owners: string[];
  keyResultCount: number;
}

export function formatScore(score: number | undefined): string {
  return score === undefined || !Number.isFinite(score) ? '–' : score.toFixed(2);
}

export function statusText(status: Status, grade?: Grade): string {
  return status === 'final' && grade ? `${STATUS_LABEL.final}, ${GRADE_LABEL[grade]}` : STATUS_LABEL[status];
}

/** Notes longer than this are cut: a tooltip, not a document. */
const NOTE_MAX = 300;

const ROLLUP_FROM = { aligned: 'From the objectives aligned to it', both: 'From its key results and the objectives aligned to it' } as const;

function judged(status: Status): boolean {
  return !['final', 'dropped', 'not-started', 'no-score'].includes(status);
}

function keyResultOf(kr: KeyResultModel): OrgKeyResult {
  return {
    id: kr.id,
    title: kr.title,
    kind: kr.kind,
    owner: kr.owner,
    unit: kr.unit,
    baseline: kr.baseline,
    target: kr.target,
    current: kr.current,
    score: kr.score,
    status: kr.status,
    grade: kr.grade,
    elapsed: Math.round(kr.expected * 10_000) / 10_000,
    state: kr.state === 'active' ? undefined : kr.state,
    checkins: kr.checkins.map((c) => {
      const out: OrgCheckin = { date: c.date };
      if (c.value !== undefined) out.value = c.value;
      const note = c.note ?? (c.commit ? `from commit ${c.commit}` : undefined);
      if (note) out.note = note.length > NOTE_MAX ? `${note.slice(0, NOTE_MAX - 1)}…` : note;
      return out;
    }),
  };
}

function fileLabel(f: FileModel): string {
  return f.team?.trim() || f.fileRef;
}

export function buildOrgView(model: WorkspaceModel): OrgView {
  const files = [...model.files].sort((a, b) => a.fileRef.localeCompare(b.fileRef));
  const objectives: OrgObjective[] = [];
  const byRef = new Map<string, number>();
  const owners = new Set<string>();
  let keyResultCount = 0;
  const orgFiles: OrgFile[] = files.map((f, fi) => {
    for (const o of f.objectives) {
      const live = f.period !== undefined && judged(o.status);
      const item: OrgObjective = {
        ref: o.ref,
        id: o.id,
        title: o.title,
        file: fi,
        owner: o.owner,
        type: o.type,
        score: o.score,
        scoreText: formatScore(o.score),
        status: o.status,
        statusLabel: statusText(o.status, o.grade),
        expectedScore: live ? o.expectedScore : undefined,
        gap: live && o.score !== undefined ? o.score - o.expectedScore : undefined,
        place: 'unaligned',
        alignsTo: o.alignsTo,
        children: [],
        rollupText: o.rollup !== 'own' && o.state !== 'dropped' && o.arithmetic ? `${ROLLUP_FROM[o.rollup]}: ${o.arithmetic}` : undefined,
        state: o.state === 'active' ? undefined : o.state,
        reason: o.reason,
        keyResults: o.keyResults.map(keyResultOf),
      };
      if (o.owner) owners.add(o.owner);
      for (const kr of o.keyResults) if (kr.owner) owners.add(kr.owner);
      keyResultCount += o.keyResults.length;
      // A duplicate ref (the same id twice in a file) keeps the first, as the index resolves it.
      if (!byRef.has(o.ref)) byRef.set(o.ref, objectives.length);
      objectives.push(item);
    }
    return { uri: f.uri, fileRef: f.fileRef, label: fileLabel(f), period: f.period };
  });

  // Parents from the aligned lists the server resolved: an objective is aligned where the server
  // counted it, so the map and the scores cannot disagree.
  const inCycle = new Set<number>();
  // Each child's place in its parent's aligned list: children are listed in that order.
  const order = new Map<number, number>();
  let p = 0;
  for (const f of files) {
    for (const o of f.objectives) {
      const parent = p++;
      for (const [at, c] of (o.aligned ?? []).entries()) {
        const child = byRef.get(c.ref);
        if (child === undefined || child === parent) continue;
        if (c.excluded === 'cycle') {
          inCycle.add(child);
          continue;
        }
        const item = objectives[child]!;
        if (item.parent !== undefined) continue;
        item.parent = parent;
        order.set(child, at);
        if (c.excluded) item.excluded = c.excluded;
      }
    }
  }
  // A parent chain that comes back to itself (a model the server did not mark) is cut where it
  // closes. Each objective is walked once (0 new, 1 on the current path, 2 done): linear at any depth.
  const mark = new Uint8Array(objectives.length);
  for (let i = 0; i < objectives.length; i++) {
    const path: number[] = [];
    let at: number | undefined = i;
    while (at !== undefined && mark[at] === 0) {
      mark[at] = 1;
      path.push(at);
      const up: number | undefined = objectives[at]!.parent;
      if (up !== undefined && mark[up] === 1) {
        objectives[at]!.parent = undefined;
        inCycle.add(at);
        break;
      }
      at = up;
    }
    for (const k of path) mark[k] = 2;
  }
  for (let i = 0; i < objectives.length; i++) {
    const parent = objectives[i]!.parent;
    if (parent !== undefined) objectives[parent]!.children.push(i);
  }
  for (const o of objectives) if (o.children.length > 1) o.children.sort((a, b) => order.get(a)! - order.get(b)!);

  const company: number[] = [];
  const apart: number[] = [];
  objectives.forEach((o, i) => {
    if (o.parent !== undefined) o.place = 'aligned';
    else if (o.alignsTo) o.place = inCycle.has(i) ? 'cycle' : 'unresolved';
    else o.place = o.children.length > 0 ? 'company' : 'unaligned';
    if (o.place === 'company') company.push(i);
    else if (o.place !== 'aligned') apart.push(i);
  });
  return { today: model.today, files: orgFiles, objectives, company, apart, owners: [...owners].sort((a, b) => a.localeCompare(b)), keyResultCount };
}

/** A key result's `<file-ref>#<objective>/<kr>`: the key of its row and of its open trend. */
export function krRef(o: Pick<OrgObjective, 'ref'>, kr: Pick<OrgKeyResult, 'id'>): string {
  return `${o.ref}/${kr.id}`;
}

/** Why an objective sits apart, for its row: "aligns_to 'company#x' does not resolve". */
export function placeNote(o: OrgObjective): string | undefined {
  switch (o.place) {
    case 'unresolved':
      return `aligns_to '${o.alignsTo}' does not resolve`;
    case 'cycle':
      return `aligns_to '${o.alignsTo}' closes an alignment cycle`;
    case 'unaligned':
      return 'aligned to nothing';
    default:
      return undefined;
  }
}
