// Scores, expected progress and status. Formulas are documented in docs/scoring.md; keep the two in step.
import type { ItemState, KeyResult, Objective, OkrDocument, RollupMode } from './model';
import { elapsedShare, type Period } from './period';
import type { OkrConfig } from './schema';
import type { Grade, Status } from './status';
export { GRADE_LABEL, STATUS_LABEL, STATUSES, type Grade, type Status } from './status';

/** How far behind the expected score a result may be before it is at risk / off track. */
export const AT_RISK_GAP = 0.1;
export const OFF_TRACK_GAP = 0.25;
/** What an objective aims for at the end of the period (Google's scale). */
export const AIM = { aspirational: 0.7, committed: 1 } as const;
/** A final score below the aim but at least this "fell short"; below it, the objective "missed" (Google's yellow band). */
export const PARTIAL_GRADE = 0.4;
/** Above this many terms a mean's arithmetic is summarised (a company objective may have 2,000 children). */
export const MAX_TERMS = 12;

export type ScoringConfig = OkrConfig['scoring'];
export const DEFAULT_SCORING: ScoringConfig = { rollup: 'auto', rollupWeights: { own: 1, aligned: 1 } };

export interface KrScore {
  kind: KeyResult['kind'];
  /** Score in [0, 1]; undefined for a draft or when values are missing. */
  score?: number;
  /** Unclamped progress for a metric ((current - baseline) / (target - baseline)). */
  progress?: number;
  exceeded: boolean;
  /** The value used as current, and where it came from. */
  current?: number | boolean;
  currentSource?: 'current' | 'checkin' | 'baseline' | 'done';
  /** Baseline used in the formula (0 when not written). */
  baseline?: number;
  /** Human-readable arithmetic, e.g. "(99.5 - 99.2) / (99.8 - 99.2) = 0.50". */
  arithmetic: string;
  /** The share of the period elapsed today (0 without a period). */
  expected: number;
  /** The score expected today, which the status is judged against: `expected` × the aim of the objective's type. */
  expectedScore: number;
  status: Status;
  /** With status `final`: how the score reads against the objective's aim. */
  grade?: Grade;
  /** `status:` as written, or `dropped`/`closed` from its objective. */
  state: ItemState;
  reason?: string;
}

/** An objective aligned to another, as the parent's rollup counts it. */
export interface AlignedChildScore {
  /** `<file-ref>#<objective-id>`, the shortest that resolves. */
  ref: string;
  path: string;
  objective: Objective;
  title?: string;
  score?: number;
  status: Status;
  grade?: Grade;
  /** The child's `weight`: the same weight it has in its own file. */
  weight: number;
  /** Left out of the parent's mean: dropped, or its `aligns_to` closes a cycle (treated as absent). */
  excluded?: 'dropped' | 'cycle';
}

export interface RollupPart {
  score?: number;
  arithmetic: string;
}

export interface ObjectiveScore {
  score?: number;
  expected: number;
  expectedScore: number;
  status: Status;
  grade?: Grade;
  keyResults: KrScore[];
  /** "(0.50×1 + 1.00×2) / 3 = 0.83" */
  arithmetic: string;
  /** Where the score comes from, `auto` decided. */
  rollup: Exclude<RollupMode, 'auto'>;
  /** The mean of its own key results (dropped ones left out). */
  own: RollupPart;
  /** The mean of the objectives aligned to it; `children` lists every one, the excluded ones too. */
  aligned: RollupPart & { children: AlignedChildScore[] };
  /** With `rollup: both`, the weights of the two means. */
  weights?: { own: number; aligned: number };
  state: ItemState;
  reason?: string;
}

export interface DocumentScore {
  score?: number;
  expected: number;
  expectedScore: number;
  status: Status;
  grade?: Grade;
  objectives: ObjectiveScore[];
  arithmetic: string;
}

/**
 * The score expected today: the share of the period elapsed scaled to what the objective aims for
 * (an aspirational objective half-way through its period is expected at 0.35, a committed one at 0.5).
 * Statuses are judged against it, so every place that shows a status shows this value with it.
 */
export function expectedScore(expected: number, type: Objective['type']): number {
  return expected * AIM[type];
}

export function fmt(n: number, digits = 2): string {
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(digits);
}

function num(n: number): string {
  // Values as the user wrote them (99.5 stays 99.5), negatives in parentheses for readable arithmetic.
  const s = String(Math.round(n * 1e6) / 1e6);
  return n < 0 ? `(${s})` : s;
}

/** The latest check-in by date (ties: the later one in the file); `withValue`: only those that record a value. */
export function latestCheckin(kr: KeyResult, withValue = false): KeyResult['checkins'][number] | undefined {
  let best: KeyResult['checkins'][number] | undefined;
  for (const c of kr.checkins) {
    if (!c.date || (withValue && c.value === undefined)) continue;
    if (!best || c.date >= best.date!) best = c;
  }
  return best;
}

/**
 * `parentState`: the state of the key result's objective; a closed objective closes its key results, a
 * dropped one drops them.
 */
export function scoreKeyResult(kr: KeyResult, period: Period | undefined, today: string, type: Objective['type'], parentState: ItemState = 'active'): KrScore {
  const expected = period ? elapsedShare(period, today) : 0;
  const state: ItemState = parentState === 'dropped' || kr.state === 'dropped' ? 'dropped' : parentState === 'closed' || kr.state === 'closed' ? 'closed' : 'active';
  // One object literal of one shape at the end: spreading a base object and overriding its fields made
  // V8 fall back to slow objects, ten microseconds a key result, which a 40,000-key-result rollup felt.
  let score: number | undefined;
  let progress: number | undefined;
  let current: number | boolean | undefined;
  let currentSource: KrScore['currentSource'];
  let baseline: number | undefined;
  let exceeded = false;
  let arithmetic: string;
  if (state === 'dropped') {
    arithmetic = droppedText(kr.state === 'dropped' ? kr.reason : undefined, kr.state !== 'dropped');
    return { kind: kr.kind, score, progress, exceeded, current, currentSource, baseline, arithmetic, expected, expectedScore: expectedScore(expected, type), status: 'dropped', grade: undefined, state, reason: kr.reason };
  }
  // A note-only check-in (no value) does not reset the measurement.
  const last = latestCheckin(kr, true);
  switch (kr.kind) {
    case 'metric': {
      baseline = kr.baseline ?? 0;
      const c = currentNumber(kr, last);
      const target = kr.target!;
      if (c.value === undefined) {
        arithmetic = 'no current value, check-in or baseline yet';
        break;
      }
      current = c.value;
      currentSource = c.source;
      if (target === baseline) {
        arithmetic = 'target equals baseline: nothing to measure';
        break;
      }
      progress = (c.value - baseline) / (target - baseline) + 0; // + 0: no -0 (shown as "-0%")
      score = clamp01(progress);
      exceeded = progress > 1;
      arithmetic = `(${num(c.value)} - ${num(baseline)}) / (${num(target)} - ${num(baseline)}) = ${fmt(progress)}`;
      break;
    }
    case 'guardrail': {
      const c = currentNumber(kr, last);
      const target = kr.target;
      if (c.value === undefined || target === undefined) {
        arithmetic = target === undefined ? 'guardrail without a target' : 'no current value or check-in yet';
        break;
      }
      current = c.value;
      currentSource = c.source;
      const pass = kr.guardrail === 'at_least' ? c.value >= target : c.value <= target;
      const op = kr.guardrail === 'at_least' ? '≥' : '≤';
      score = pass ? 1 : 0;
      arithmetic = `${num(c.value)} ${op} ${num(target)}: ${pass ? 'holds' : 'broken'}`;
      break;
    }
    case 'milestone': {
      const done = kr.done === true || last?.value === true;
      current = done;
      currentSource = 'done';
      score = done ? 1 : 0;
      arithmetic = done ? 'done' : 'not done yet';
      break;
    }
    case 'draft':
      arithmetic = 'draft: no target, guardrail or done field to score';
      break;
  }
  const status = statusOf(score, expected, period, today, type, kr.kind === 'guardrail', state === 'closed');
  const grade = status === 'final' ? gradeOf(score, type) : undefined;
  return { kind: kr.kind, score, progress, exceeded, current, currentSource, baseline, arithmetic, expected, expectedScore: expectedScore(expected, type), status, grade, state, reason: kr.reason };
}

function droppedText(reason: string | undefined, byObjective = false): string {
  return byObjective ? 'dropped with its objective' : `dropped${reason ? `: ${reason}` : ' (no reason given)'}`;
}

function currentNumber(kr: KeyResult, last: KeyResult['checkins'][number] | undefined): { value?: number; source?: KrScore['currentSource'] } {
  if (kr.current !== undefined) return { value: kr.current, source: 'current' };
  if (typeof last?.value === 'number') return { value: last.value, source: 'checkin' };
  if (kr.baseline !== undefined) return { value: kr.baseline, source: 'baseline' };
  return {};
}

export function statusOf(
  score: number | undefined,
  expected: number,
  period: Period | undefined,
  today: string,
  type: Objective['type'],
  guardrail = false,
  closed = false,
): Status {
  // A closed item is finished whatever the date: its score is its grade.
  if (closed) return score === undefined ? 'no-score' : 'final';
  if (period && today < period.start) return 'not-started';
  if (score === undefined) return 'no-score';
  // After the period nothing is on track or behind any more: the score is the grade.
  if (period && today > period.end) return 'final';
  if (guardrail) {
    // A guardrail is a state to keep, not a distance to cover: it holds or it is broken.
    return score < 1 ? 'off-track' : 'on-track';
  }
  if (score >= 1) return 'done';
  const needed = expectedScore(expected, type);
  if (score >= needed - AT_RISK_GAP) return 'on-track';
  if (score >= needed - OFF_TRACK_GAP) return 'at-risk';
  return 'off-track';
}

/** A final score against the aim: met, fell short (at least PARTIAL_GRADE) or missed. */
export function gradeOf(score: number | undefined, type: Objective['type']): Grade | undefined {
  if (score === undefined) return undefined;
  if (score >= AIM[type]) return 'met';
  return score >= PARTIAL_GRADE ? 'partial' : 'missed';
}

function clamp01(n: number): number {
  return n < 0 ? 0 : n > 1 ? 1 : n;
}

interface Term {
  score?: number;
  weight: number;
  /** Named terms ("own", "aligned") read better in the mean of `rollup: both`. */
  label?: string;
}

/** Weighted mean over the items that have a score; undefined when none has. One pass: a company objective's mean has 2,000 terms. */
function weightedMean(items: readonly Term[], none = 'nothing scored yet'): RollupPart {
  let count = 0;
  let total = 0;
  let sum = 0;
  for (const i of items) {
    if (i.score === undefined) continue;
    count++;
    total += i.weight;
    sum += i.score * i.weight;
  }
  if (count === 0) return { arithmetic: none };
  if (total === 0) return { arithmetic: 'all weights are 0' };
  const score = sum / total;
  if (count > MAX_TERMS) {
    // Two thousand terms are no arithmetic anyone reads; the sums still let a reader recompute it.
    return { score, arithmetic: `Σ score×weight / Σ weight = ${fmt(sum)} / ${fmt(total)} = ${fmt(score)} (${count} scored)` };
  }
  const terms: string[] = [];
  for (const i of items) if (i.score !== undefined) terms.push(`${i.label ? `${i.label} ` : ''}${fmt(i.score)}×${fmt(i.weight)}`);
  return { score, arithmetic: `(${terms.join(' + ')}) / ${fmt(total)} = ${fmt(score)}` };
}

/** `auto` decided: own key results when the objective lists any (dropped ones too), else the aligned objectives. */
export function effectiveRollup(o: Objective, config: ScoringConfig = DEFAULT_SCORING): Exclude<RollupMode, 'auto'> {
  const mode = o.rollup ?? config.rollup;
  if (mode !== 'auto') return mode;
  return o.keyResults.length > 0 ? 'own' : 'aligned';
}

export interface ObjectiveScoreOptions {
  /** The objectives aligned to this one, already scored (a WorkspaceScorer finds them). Absent: none known. */
  children?: AlignedChildScore[];
  config?: ScoringConfig;
}

/**
 * One objective's score. Pure: the aligned children come scored in `options.children` (see
 * rollup.ts for the workspace-aware path); without them an objective scores from its own key results.
 */
export function scoreObjective(o: Objective, period: Period | undefined, today: string, options: ObjectiveScoreOptions = {}): ObjectiveScore {
  const config = options.config ?? DEFAULT_SCORING;
  const expected = period ? elapsedShare(period, today) : 0;
  const keyResults = o.keyResults.map((kr) => scoreKeyResult(kr, period, today, o.type, o.state));
  const rollup = effectiveRollup(o, config);
  const children = options.children ?? [];
  const own = weightedMean(
    o.keyResults.map((kr, i) => ({ score: keyResults[i]!.state === 'dropped' ? undefined : keyResults[i]!.score, weight: kr.weight })),
    o.keyResults.length === 0 ? 'no key results' : undefined,
  );
  const aligned = weightedMean(
    children.map((c) => ({ score: c.excluded ? undefined : c.score, weight: c.weight })),
    children.some((c) => !c.excluded) ? undefined : children.length ? 'every aligned objective is left out' : 'no aligned objectives',
  );
  let total: RollupPart;
  let weights: ObjectiveScore['weights'];
  if (rollup === 'own') total = own;
  else if (rollup === 'aligned') total = aligned;
  else {
    weights = { own: o.rollupWeights?.own ?? config.rollupWeights.own, aligned: o.rollupWeights?.aligned ?? config.rollupWeights.aligned };
    total = weightedMean([
      { label: 'own', score: own.score, weight: weights.own },
      { label: 'aligned', score: aligned.score, weight: weights.aligned },
    ]);
  }
  const alignedPart = { score: aligned.score, arithmetic: aligned.arithmetic, children };
  if (o.state === 'dropped') {
    return { score: undefined, expected, expectedScore: expectedScore(expected, o.type), status: 'dropped', grade: undefined, keyResults, arithmetic: droppedText(o.reason), rollup, own, aligned: alignedPart, weights, state: o.state, reason: o.reason };
  }
  const status = statusOf(total.score, expected, period, today, o.type, false, o.state === 'closed');
  const grade = status === 'final' ? gradeOf(total.score, o.type) : undefined;
  return { score: total.score, expected, expectedScore: expectedScore(expected, o.type), status, grade, keyResults, arithmetic: total.arithmetic, rollup, own, aligned: alignedPart, weights, state: o.state, reason: o.reason };
}

/** Scores the objectives of a workspace with their aligned children: implemented by WorkspaceScorer (rollup.ts). */
export interface ObjectiveScorer {
  objective(o: Objective, doc: OkrDocument): ObjectiveScore;
}

export interface DocumentScoreOptions {
  /** The workspace-aware path: objectives roll up the objectives aligned to them. */
  scorer?: ObjectiveScorer;
  config?: ScoringConfig;
}

/** A file's score. Without a scorer every objective scores from its own key results (one file alone). */
export function scoreDocument(doc: OkrDocument, today: string, options: DocumentScoreOptions = {}): DocumentScore {
  const period = doc.period;
  const expected = period ? elapsedShare(period, today) : 0;
  const objectives = doc.objectives.map((o) => options.scorer?.objective(o, doc) ?? scoreObjective(o, period, today, { config: options.config }));
  const mean = weightedMean(doc.objectives.map((o, i) => ({ score: objectives[i]!.status === 'dropped' ? undefined : objectives[i]!.score, weight: o.weight })));
  // A file mixes types; judge it against the aspirational aim unless every objective is committed.
  const type = doc.objectives.length > 0 && doc.objectives.every((o) => o.type === 'committed') ? 'committed' : 'aspirational';
  const status = statusOf(mean.score, expected, period, today, type);
  return { score: mean.score, expected, expectedScore: expectedScore(expected, type), objectives, arithmetic: mean.arithmetic, status, grade: status === 'final' ? gradeOf(mean.score, type) : undefined };
}
