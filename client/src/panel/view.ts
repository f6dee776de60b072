// The progress panel's view model: the server's workspace model turned into what the webview draws
// (bars, value texts, sparkline coordinates). Pure, no `vscode` import and no analysis: every score,
// status and expected share comes from the server; this only lays them out. Unit-tested in
// test/unit/panel/. The webview receives a PanelView and renders it as is.
import type { CheckinSummary, FileModel, KeyResultModel, ObjectiveModel, WorkspaceModel } from '../../../server/src/shared/protocol';
import { alignedDescription, expectedText, type Grade, formatCheckin, formatScore, judgedAgainstExpected, percent, statusLabel, withUnit, type Status } from '../model/format';
import { compareFilesForDisplay, fileLabel } from '../tree/nodes';
import { alignedResolver, type AlignedChild } from '../model/aligned';

/** A horizontal bar: `fill` and `expected` are shares of its width, already clamped to 0..1. */
export interface BarView {
  fill: number;
  /** Where the "expected by today" tick goes, when there is one: the expected score the status is judged against. */
  expected?: number;
  /** A broken guardrail: drawn as a red bar, not as an empty one. */
  broken?: boolean;
  /** Read by screen readers (role="img"): "progress 58%, expected 39%". */
  label: string;
}

export interface TrendPoint {
  x: number;
  y: number;
  date: string;
  /** The tooltip (`<title>`): date, value, confidence, note. */
  text: string;
}

/** A sparkline of the check-in values over the period, in SVG user units (0..width, 0..height). */
export interface TrendView {
  width: number;
  height: number;
  points: TrendPoint[];
  /** `points` as an SVG polyline `points` attribute. */
  path: string;
  /** The expected pace: the baseline at the period's start to the target at its end (metrics). */
  pace?: { x1: number; y1: number; x2: number; y2: number };
  /** The line a guardrail must hold (its target). */
  threshold?: number;
  /** The x of today, when today falls inside the drawn time span. */
  today?: number;
  /** Read by screen readers (role="img"). */
  label: string;
}

/** What the webview sends back to act on an item: the file and the ids, never a range or a path. */
export interface ItemTarget {
  uri: string;
  objectiveId?: string;
  keyResultId?: string;
}

export interface KeyResultView {
  /** Unique in the panel; keeps focus on the same row across updates. */
  key: string;
  target: ItemTarget;
  title: string;
  ref: string;
  kind: KeyResultModel['kind'];
  owner?: string;
  scoreText: string;
  status: Status;
  statusLabel: string;
  /** "expected 0.39": the score the status was judged against; absent for guardrails and drafts. */
  expectedText?: string;
  /** Why the status: "score 0.36, expected 0.39 today (55% of the period elapsed × aim 0.7)". */
  statusTitle: string;
  /** Absent for drafts: nothing to measure. */
  bar?: BarView;
  /** Baseline → current → target, each with its unit ("?" when missing); or one line for the other kinds. */
  values: { baseline?: string; current?: string; target?: string; text?: string };
  confidenceText?: string;
  trend?: TrendView;
  /** Why there is no trend: "no check-ins yet", "no check-in has a value". */
  noTrend?: string;
  checkinCount: number;
  lastCheckin?: string;
  problems: { errors: number; warnings: number };
  /** "1 error, 2 warnings", absent when there are none. */
  problemsText?: string;
  canCheckIn: boolean;
  /** "Dropped: metric retired", "Closed": why the score does not (or no longer) move. */
  stateText?: string;
}

/** An objective aligned to the panel's objective, by ref with its score. */
export interface AlignedView {
  key: string;
  /** Reveals the aligned objective in its own file. */
  target: ItemTarget;
  ref: string;
  title: string;
  scoreText: string;
  status: Status;
  statusLabel: string;
  statusTitle: string;
  /** "web#checkout · 0.57 · on track" */
  text: string;
  counted: boolean;
}

export interface ObjectiveView {
  key: string;
  target: ItemTarget;
  title: string;
  ref: string;
  type: ObjectiveModel['type'];
  owner?: string;
  scoreText: string;
  status: Status;
  statusLabel: string;
  /** "expected 0.39 today", for the details line; absent without a period. */
  expectedText?: string;
  statusTitle: string;
  bar: BarView;
  keyResults: KeyResultView[];
  /** "From the objectives aligned to it: (0.40×1 + 0.80×3) / 4 = 0.70"; absent when scored from its own key results alone. */
  rollupText?: string;
  aligned: AlignedView[];
  stateText?: string;
}

export interface FileView {
  key: string;
  target: ItemTarget;
  title: string;
  fileRef: string;
  /** "2026-Q4 (2026-10-01 – 2026-12-31)". */
  period?: string;
  scoreText: string;
  status: Status;
  statusLabel: string;
  statusTitle: string;
  /** "score 0.53 · expected 0.39 today (55% of the period elapsed × aim 0.7)". */
  summary: string;
  bar: BarView;
  objectives: ObjectiveView[];
}

export interface PanelView {
  /** loading: no model from the server yet; empty: the workspace has no .okr file. */
  state: 'loading' | 'empty' | 'ready';
  today?: string;
  files: FileView[];
}

export const TREND_WIDTH = 120;
export const TREND_HEIGHT = 32;
/** Room around the drawing so the dots at the edges are not cut. */
const PAD = 3;

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Days since 1970 of `YYYY-MM-DD`, or undefined. */
export function dayNumber(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(t);
  // Reject 2026-02-31 and the like (Date.UTC rolls them over).
  if (back.getUTCFullYear() !== Number(m[1]) || back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) return undefined;
  return t / 86_400_000;
}

/** Why an item has its status, for the status badge's tooltip. */
function statusTitle(item: { score?: number; status: Status; grade?: Grade; expected: number; expectedScore: number }, judged: boolean, period: boolean): string {
  const score = item.score === undefined ? 'no score yet' : `score ${formatScore(item.score)}`;
  // A final score is graded, not judged against an expected one; a dropped item has none.
  const unjudged = ['not-started', 'no-score', 'final', 'dropped'].includes(item.status);
  if (!judged || !period || unjudged) return `${statusLabel(item.status, item.grade)}: ${score}`;
  return `${statusLabel(item.status)}: ${score}, expected ${expectedText(item, ' today')}`;
}

export function scoreBar(score: number | undefined, expected: number | undefined, what = 'score'): BarView {
  const parts = [score === undefined ? `${what}: none yet` : `${what} ${formatScore(score)}`];
  if (expected !== undefined) parts.push(`expected ${formatScore(expected)}`);
  return { fill: score === undefined ? 0 : clamp01(score), expected: expected === undefined ? undefined : clamp01(expected), label: parts.join(', ') };
}

/** The bar of a key result: progress for metrics, holds/broken for guardrails, done for milestones. */
export function keyResultBar(kr: KeyResultModel): BarView | undefined {
  switch (kr.kind) {
    case 'metric': {
      // The tick is the expected score (the elapsed share × the aim), not the elapsed share: a bar
      // that reaches the tick is on track by the same rule that gives the status.
      const expected = clamp01(kr.expectedScore);
      if (kr.progress === undefined) return { fill: 0, expected, label: `progress: no value yet, expected ${percent(expected)} today` };
      return { fill: clamp01(kr.progress), expected, label: `progress ${percent(kr.progress)}, expected ${percent(expected)} today` };
    }
    case 'guardrail':
      if (kr.score === undefined) return { fill: 0, label: 'guardrail: no value yet' };
      // Broken: a full red bar, so it does not read as "nothing yet".
      return kr.score >= 1 ? { fill: 1, label: 'guardrail holds' } : { fill: 1, broken: true, label: 'guardrail broken' };
    case 'milestone':
      return { fill: kr.current === true ? 1 : 0, label: kr.current === true ? 'milestone done' : 'milestone not done' };
    case 'draft':
      return undefined;
  }
}

function valuesOf(kr: KeyResultModel): KeyResultView['values'] {
  const fmt = (n: number | undefined) => (n === undefined ? '?' : withUnit(n, kr.unit));
  const current = typeof kr.current === 'number' ? kr.current : undefined;
  switch (kr.kind) {
    case 'metric':
      return { baseline: fmt(kr.baseline), current: fmt(current), target: fmt(kr.target) };
    case 'guardrail':
      return { text: `keep ${fmt(kr.target)}, now ${fmt(current)}` };
    case 'milestone':
      return { text: kr.current === true ? 'done' : 'not done yet' };
    case 'draft':
      return { text: 'draft: no target to score yet' };
  }
}

/** The check-ins that can be drawn: numbers for metrics and guardrails, true/false for milestones. */
function plottable(kr: KeyResultModel): Array<{ day: number; value: number; checkin: CheckinSummary }> {
  const out: Array<{ day: number; value: number; checkin: CheckinSummary }> = [];
  for (const c of kr.checkins) {
    const day = dayNumber(c.date);
    if (day === undefined) continue;
    let value: number | undefined;
    if (kr.kind === 'milestone') value = typeof c.value === 'boolean' ? (c.value ? 1 : 0) : undefined;
    else value = typeof c.value === 'number' && Number.isFinite(c.value) ? c.value : undefined;
    if (value !== undefined) out.push({ day, value, checkin: c });
  }
  // By date; check-ins of the same day keep their order in the file.
  return out.map((p, i) => ({ p, i })).sort((a, b) => a.p.day - b.p.day || a.i - b.i).map(({ p }) => p);
}

/**
 * The sparkline of a key result's check-ins. Time runs left to right over the period (widened to
 * take in check-ins outside it); values run bottom to top over the range that holds every value,
 * the baseline and the target, so a "reduce" key result's pace line slopes down and values past
 * the target stay inside the box. Undefined when no check-in has a drawable value.
 */
export function trendOf(kr: KeyResultModel, period: FileModel['period'], today: string | undefined, width = TREND_WIDTH, height = TREND_HEIGHT): TrendView | undefined {
  const pts = plottable(kr);
  if (pts.length === 0) return undefined;

  const start = period ? dayNumber(period.start) : undefined;
  const end = period ? dayNumber(period.end) : undefined;
  let x0 = Math.min(...pts.map((p) => p.day), ...(start !== undefined ? [start] : []));
  let x1 = Math.max(...pts.map((p) => p.day), ...(end !== undefined ? [end] : []));
  const centreX = x0 === x1;
  if (centreX) {
    x0 -= 1;
    x1 += 1;
  }

  const milestone = kr.kind === 'milestone';
  const refs = milestone ? [0, 1] : [kr.baseline, kr.target].filter((n): n is number => n !== undefined && Number.isFinite(n));
  let y0 = Math.min(...pts.map((p) => p.value), ...refs);
  let y1 = Math.max(...pts.map((p) => p.value), ...refs);
  if (y0 === y1) {
    const d = Math.abs(y0) > 0 ? Math.abs(y0) * 0.1 : 1;
    y0 -= d;
    y1 += d;
  }

  const sx = (day: number) => round1(PAD + ((day - x0) / (x1 - x0)) * (width - 2 * PAD));
  const sy = (v: number) => round1(PAD + (1 - (v - y0) / (y1 - y0)) * (height - 2 * PAD));

  const unitValue = (v: number) => (milestone ? (v ? 'done' : 'not done') : withUnit(v, kr.unit));
  const points: TrendPoint[] = pts.map((p) => ({ x: sx(p.day), y: sy(p.value), date: p.checkin.date, text: formatCheckin(p.checkin, kr.unit) }));
  const trend: TrendView = {
    width,
    height,
    points,
    path: points.map((p) => `${p.x},${p.y}`).join(' '),
    label: '',
  };
  if (kr.kind === 'metric' && start !== undefined && end !== undefined && end > start && kr.baseline !== undefined && kr.target !== undefined) {
    trend.pace = { x1: sx(start), y1: sy(kr.baseline), x2: sx(end), y2: sy(kr.target) };
  }
  if (kr.kind === 'guardrail' && kr.target !== undefined) trend.threshold = sy(kr.target);
  const t = today !== undefined ? dayNumber(today) : undefined;
  if (t !== undefined && t >= x0 && t <= x1 && !centreX) trend.today = sx(t);

  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  trend.label =
    pts.length === 1
      ? `trend: 1 check-in, ${unitValue(first.value)} on ${first.checkin.date}`
      : `trend: ${pts.length} check-ins, from ${unitValue(first.value)} on ${first.checkin.date} to ${unitValue(last.value)} on ${last.checkin.date}`;
  if (trend.pace) trend.label += `; expected pace from ${unitValue(kr.baseline!)} to ${unitValue(kr.target!)}`;
  if (trend.threshold !== undefined) trend.label += `; must hold ${unitValue(kr.target!)}`;
  return trend;
}

function problemsText(p: { errors: number; warnings: number }): string | undefined {
  const parts: string[] = [];
  if (p.errors) parts.push(`${p.errors} error${p.errors === 1 ? '' : 's'}`);
  if (p.warnings) parts.push(`${p.warnings} warning${p.warnings === 1 ? '' : 's'}`);
  return parts.length ? parts.join(', ') : undefined;
}

export function keyResultView(file: FileModel, objective: ObjectiveModel, kr: KeyResultModel, today?: string): KeyResultView {
  const trend = trendOf(kr, file.period, today);
  const last = kr.checkins.length ? kr.checkins[kr.checkins.length - 1] : undefined;
  return {
    key: `${file.uri}#${objective.id}/${kr.id}`,
    target: { uri: file.uri, objectiveId: objective.id, keyResultId: kr.id },
    title: kr.title,
    ref: kr.ref,
    kind: kr.kind,
    owner: kr.owner,
    scoreText: formatScore(kr.score),
    status: kr.status,
    statusLabel: statusLabel(kr.status, kr.grade),
    expectedText: judgedAgainstExpected(kr) && file.period && !['not-started', 'final', 'dropped'].includes(kr.status) ? `expected ${formatScore(kr.expectedScore)}` : undefined,
    statusTitle: statusTitle(kr, judgedAgainstExpected(kr), file.period !== undefined),
    bar: keyResultBar(kr),
    values: valuesOf(kr),
    confidenceText: kr.confidence === undefined || !Number.isFinite(kr.confidence) ? undefined : String(Number(kr.confidence.toFixed(2))),
    trend,
    noTrend: trend ? undefined : kr.checkins.length === 0 ? 'no check-ins yet' : 'no check-in has a value',
    checkinCount: kr.checkins.length,
    lastCheckin: last ? formatCheckin(last, kr.unit) : undefined,
    problems: { errors: kr.problems.errors, warnings: kr.problems.warnings },
    problemsText: problemsText(kr.problems),
    canCheckIn: kr.kind !== 'draft' && (kr.state ?? 'active') === 'active',
    stateText: stateText(kr.state, kr.reason),
  };
}

function stateText(state: 'active' | 'closed' | 'dropped' | undefined, reason: string | undefined): string | undefined {
  if (!state || state === 'active') return undefined;
  return `${state === 'dropped' ? 'Dropped' : 'Closed'}${reason ? `: ${reason}` : ''}`;
}

const ROLLUP_FROM = { aligned: 'From the objectives aligned to it', both: 'From its key results and the objectives aligned to it' } as const;

/** `alignedOf` finds the aligned children in the whole model (buildPanelView passes it); by default, in this file only. */
export function objectiveView(file: FileModel, o: ObjectiveModel, today?: string, alignedOf = alignedResolver({ today: today ?? '', files: [file] })): ObjectiveView {
  return {
    key: `${file.uri}#${o.id}`,
    target: { uri: file.uri, objectiveId: o.id },
    title: o.title,
    ref: o.ref,
    type: o.type,
    owner: o.owner,
    scoreText: formatScore(o.score),
    status: o.status,
    statusLabel: statusLabel(o.status, o.grade),
    expectedText: file.period && o.status !== 'final' && o.status !== 'dropped' ? `expected ${formatScore(o.expectedScore)} today` : undefined,
    statusTitle: statusTitle(o, true, file.period !== undefined),
    bar: scoreBar(o.score, file.period ? o.expectedScore : undefined),
    keyResults: o.keyResults.map((kr) => keyResultView(file, o, kr, today)),
    rollupText: o.rollup && o.rollup !== 'own' && o.state !== 'dropped' ? `${ROLLUP_FROM[o.rollup]}: ${o.arithmetic}` : undefined,
    aligned: alignedOf(o).map((c: AlignedChild) => ({
      key: `${file.uri}#${o.id}>${c.ref}`,
      // A child the model does not hold (another root) reveals its parent instead.
      target: c.uri ? { uri: c.uri, objectiveId: c.ref.slice(c.ref.indexOf('#') + 1) } : { uri: file.uri, objectiveId: o.id },
      ref: c.ref,
      title: c.title,
      scoreText: formatScore(c.score),
      status: c.status,
      statusLabel: statusLabel(c.status, c.grade),
      statusTitle: `${statusLabel(c.status, c.grade)}: ${c.score === undefined ? 'no score' : `score ${formatScore(c.score)}`}${c.excluded ? ' (left out)' : ''}`,
      text: alignedDescription(c),
      counted: o.rollup !== 'own' && !c.excluded,
    })),
    stateText: stateText(o.state, o.reason),
  };
}

export function fileView(f: FileModel, today?: string, alignedOf = alignedResolver({ today: today ?? '', files: [f] })): FileView {
  const summary = [`score ${formatScore(f.score)}`];
  if (f.period) summary.push(`expected ${expectedText(f, ' today')}`);
  return {
    key: f.uri,
    target: { uri: f.uri },
    title: fileLabel(f),
    fileRef: f.fileRef,
    period: f.period ? `${f.period.label} (${f.period.start} – ${f.period.end})` : undefined,
    scoreText: formatScore(f.score),
    status: f.status,
    statusLabel: statusLabel(f.status, f.grade),
    statusTitle: statusTitle(f, true, f.period !== undefined),
    summary: summary.join(' · '),
    bar: scoreBar(f.score, f.period ? f.expectedScore : undefined),
    objectives: f.objectives.map((o) => objectiveView(f, o, today, alignedOf)),
  };
}

export function buildPanelView(model: WorkspaceModel | undefined): PanelView {
  if (!model) return { state: 'loading', files: [] };
  if (model.files.length === 0) return { state: 'empty', today: model.today, files: [] };
  const alignedOf = alignedResolver(model);
  return { state: 'ready', today: model.today, files: [...model.files].sort(compareFilesForDisplay).map((f) => fileView(f, model.today, alignedOf)) };
}
