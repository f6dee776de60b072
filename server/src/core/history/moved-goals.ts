// Goal posts that moved: a target or baseline made easier after the period started, found by comparing
// a key result with itself in the file as it was at the period's start. Read by the rules
// target-moved and baseline-moved and by the hover.
import type { KeyResult, Objective, OkrDocument } from '../model';
import { findByHandle, handleOf } from '../model';
import { historyKey, shortSha, type CommitInfo, type FileHistory } from './file-history';

export interface GoalMove {
  objective: Objective;
  kr: KeyResult;
  field: 'target' | 'baseline';
  from: number;
  to: number;
  /** Which way the key result's metric should go (from the period-start version). */
  direction: 'increase' | 'decrease';
  /** The commit that made the change; absent when the change is not committed yet (or beyond the history read). */
  changedIn?: CommitInfo;
  /** The change is in the working text only. */
  uncommitted: boolean;
  /** The commit the comparison was made with: the last one before the period started. */
  start: CommitInfo;
}

/**
 * Which way a key result should go: up when its target is above its baseline (0 when absent, as
 * scoring reads it), down when below; a guardrail by its kind (at_least: up). Undefined when it
 * cannot tell (no target, target equal to baseline, a milestone).
 */
export function directionOf(kr: KeyResult): 'increase' | 'decrease' | undefined {
  if (kr.target === undefined) return undefined;
  if (kr.kind === 'guardrail') return kr.guardrail === 'at_least' ? 'increase' : 'decrease';
  if (kr.kind !== 'metric') return undefined;
  const baseline = kr.baseline ?? 0;
  return kr.target > baseline ? 'increase' : kr.target < baseline ? 'decrease' : undefined;
}

/**
 * The targets and baselines of `doc` made easier since the period started: lowered for a metric that
 * should go up, raised for one that should go down (for a baseline: moved away from the target, which
 * raises the score of the same current value). Harder moves are fine and not reported. Nothing before
 * the period starts (planning may still change everything) or without the period-start version.
 */
export function movedGoals(doc: OkrDocument, history: FileHistory | undefined, today: string): GoalMove[] {
  const start = history?.periodStart;
  const period = doc.period;
  if (!start || !period || today < period.start || history.periodStartDate !== period.start) return [];
  const out: GoalMove[] = [];
  for (const o of doc.objectives) {
    const was = findByHandle(start.doc.objectives, handleOf(o, 'objective'), 'objective');
    if (!was || o.state === 'dropped') continue;
    for (const kr of o.keyResults) {
      if (kr.state === 'dropped') continue;
      const old = findByHandle(was.keyResults, handleOf(kr, 'kr'), 'kr');
      if (!old || old.kind !== kr.kind) continue;
      const direction = directionOf(old) ?? directionOf(kr);
      if (!direction) continue;
      const h = history.keyResults.get(historyKey(o, kr));
      for (const field of ['target', 'baseline'] as const) {
        if (field === 'baseline' && kr.kind !== 'metric') continue;
        const from = old[field];
        const to = kr[field];
        if (from === undefined || to === undefined || from === to) continue;
        const easier = direction === 'increase' ? to < from : to > from;
        if (!easier) continue;
        const set = h?.[field];
        const committed = set !== undefined && set.value === to;
        const changedIn = committed && set.commit.date.slice(0, 10) >= period.start ? set.commit : undefined;
        out.push({ objective: o, kr, field, from, to, direction, changedIn, uncommitted: !committed && h !== undefined, start: start.commit });
      }
    }
  }
  return out;
}

/** One sentence for a message or a hover: what moved, from what to what, when and in which commit. */
export function describeGoalMove(m: GoalMove, periodStart: string): string {
  const verb = m.to < m.from ? 'lowered' : 'raised';
  const what = m.field === 'target' ? 'Target' : 'Baseline';
  const when = m.changedIn
    ? ` on ${m.changedIn.date.slice(0, 10)} in commit ${shortSha(m.changedIn.sha)}${m.changedIn.author ? ` by ${m.changedIn.author}` : ''},`
    : m.uncommitted
      ? ' in changes not committed yet,'
      : '';
  const easier = m.field === 'target' ? 'easier to reach' : 'score higher for the same result';
  return `${what} ${verb} from ${asWritten(m.from)} to ${asWritten(m.to)}${when} after the period started on ${periodStart} (it was ${asWritten(m.from)} in commit ${shortSha(m.start.sha)}, the last before the start): this makes the key result ${easier}.`;
}

/** A value as the user wrote it (99.8 stays 99.8, not 99.80). */
function asWritten(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
