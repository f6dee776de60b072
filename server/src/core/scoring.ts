// Scores, expected progress and status. Formulas are documented in docs/scoring.md; keep the two in step.
import type { KeyResult, Objective, OkrDocument } from './model';
import { elapsedShare, type Period } from './period';

import type { Status } from './status';
export { STATUS_LABEL, STATUSES, type Status } from './status';

/** How far behind the expected score a result may be before it is at risk / off track. */
export const AT_RISK_GAP = 0.1;
export const OFF_TRACK_GAP = 0.25;
/** What an objective aims for at the end of the period (Google's scale). */
export const AIM = { aspirational: 0.7, committed: 1 } as const;

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
}

export interface ObjectiveScore {
  score?: number;
  expected: number;
  expectedScore: number;
  status: Status;
  keyResults: KrScore[];
  /** "(0.50×1 + 1.00×2) / 3 = 0.83" */
  arithmetic: string;
}

export interface DocumentScore {
  score?: number;
  expected: number;
  expectedScore: number;
  status: Status;
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

export function scoreKeyResult(kr: KeyResult, period: Period | undefined, today: string, type: Objective['type']): KrScore {
  const expected = period ? elapsedShare(period, today) : 0;
  // A note-only check-in (no value) does not reset the measurement.
  const last = latestCheckin(kr, true);
  const base = (): Omit<KrScore, 'status'> => ({ kind: kr.kind, exceeded: false, arithmetic: '', expected, expectedScore: expectedScore(expected, type) });
  let s: Omit<KrScore, 'status'>;

  switch (kr.kind) {
    case 'metric': {
      const baseline = kr.baseline ?? 0;
      const { value: current, source } = currentNumber(kr, last);
      const target = kr.target!;
      if (current === undefined) {
        s = { ...base(), baseline, arithmetic: 'no current value, check-in or baseline yet' };
        break;
      }
      if (target === baseline) {
        s = { ...base(), baseline, current, currentSource: source, arithmetic: 'target equals baseline: nothing to measure' };
        break;
      }
      const progress = (current - baseline) / (target - baseline) + 0; // + 0: no -0 (shown as "-0%")
      const score = clamp01(progress);
      s = {
        ...base(),
        baseline,
        current,
        currentSource: source,
        progress,
        score,
        exceeded: progress > 1,
        arithmetic: `(${num(current)} - ${num(baseline)}) / (${num(target)} - ${num(baseline)}) = ${fmt(progress)}`,
      };
      break;
    }
    case 'guardrail': {
      const { value: current, source } = currentNumber(kr, last);
      const target = kr.target;
      if (current === undefined || target === undefined) {
        s = { ...base(), arithmetic: target === undefined ? 'guardrail without a target' : 'no current value or check-in yet' };
        break;
      }
      const pass = kr.guardrail === 'at_least' ? current >= target : current <= target;
      const op = kr.guardrail === 'at_least' ? '≥' : '≤';
      s = {
        ...base(),
        current,
        currentSource: source,
        score: pass ? 1 : 0,
        arithmetic: `${num(current)} ${op} ${num(target)}: ${pass ? 'holds' : 'broken'}`,
      };
      break;
    }
    case 'milestone': {
      const done = kr.done === true || last?.value === true;
      s = { ...base(), current: done, currentSource: 'done', score: done ? 1 : 0, arithmetic: done ? 'done' : 'not done yet' };
      break;
    }
    case 'draft':
      s = { ...base(), arithmetic: 'draft: no target, guardrail or done field to score' };
      break;
  }
  return { ...s, status: statusOf(s.score, expected, period, today, type, kr.kind === 'guardrail') };
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
): Status {
  if (period && today < period.start) return 'not-started';
  if (score === undefined) return 'no-score';
  if (guardrail) {
    // A guardrail is a state to keep, not a distance to cover: it holds or it is broken.
    if (score < 1) return 'off-track';
    return period && today > period.end ? 'done' : 'on-track';
  }
  if (score >= 1) return 'done';
  const needed = expectedScore(expected, type);
  if (score >= needed - AT_RISK_GAP) return 'on-track';
  if (score >= needed - OFF_TRACK_GAP) return 'at-risk';
  return 'off-track';
}

function clamp01(n: number): number {
  return n < 0 ? 0 : n > 1 ? 1 : n;
}

/** Weighted mean over the items that have a score; undefined when none has. */
function weightedMean(items: Array<{ score?: number; weight: number }>): { score?: number; arithmetic: string } {
  const scored = items.filter((i) => i.score !== undefined);
  const total = scored.reduce((a, i) => a + i.weight, 0);
  if (scored.length === 0) return { arithmetic: 'nothing scored yet' };
  if (total === 0) return { arithmetic: 'all weights are 0' };
  const score = scored.reduce((a, i) => a + i.score! * i.weight, 0) / total;
  const terms = scored.map((i) => `${fmt(i.score!)}×${fmt(i.weight)}`).join(' + ');
  return { score, arithmetic: `(${terms}) / ${fmt(total)} = ${fmt(score)}` };
}

export function scoreObjective(o: Objective, period: Period | undefined, today: string): ObjectiveScore {
  const expected = period ? elapsedShare(period, today) : 0;
  const keyResults = o.keyResults.map((kr) => scoreKeyResult(kr, period, today, o.type));
  const mean = weightedMean(o.keyResults.map((kr, i) => ({ score: keyResults[i]!.score, weight: kr.weight })));
  return {
    score: mean.score,
    expected,
    expectedScore: expectedScore(expected, o.type),
    keyResults,
    arithmetic: mean.arithmetic,
    status: statusOf(mean.score, expected, period, today, o.type),
  };
}

export function scoreDocument(doc: OkrDocument, today: string): DocumentScore {
  const period = doc.period;
  const expected = period ? elapsedShare(period, today) : 0;
  const objectives = doc.objectives.map((o) => scoreObjective(o, period, today));
  const mean = weightedMean(doc.objectives.map((o, i) => ({ score: objectives[i]!.score, weight: o.weight })));
  // A file mixes types; judge it against the aspirational aim unless every objective is committed.
  const type = doc.objectives.length > 0 && doc.objectives.every((o) => o.type === 'committed') ? 'committed' : 'aspirational';
  return { score: mean.score, expected, expectedScore: expectedScore(expected, type), objectives, arithmetic: mean.arithmetic, status: statusOf(mean.score, expected, period, today, type) };
}
