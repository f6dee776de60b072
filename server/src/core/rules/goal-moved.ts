// target-moved and baseline-moved: a goal post made easier after the period started, compared with
// the file at the last commit before the start (the host reads git and passes ctx.history).
import { describeGoalMove, movedGoals, type GoalMove } from '../history/moved-goals';
import type { Rule, RuleContext } from './rule';

function reportMoves(ctx: RuleContext, field: GoalMove['field']): void {
  if (!ctx.history || !ctx.doc.period) return;
  for (const m of movedGoals(ctx.doc, ctx.history, ctx.today)) {
    if (m.field !== field) continue;
    const range = m.kr.node.fields.get(field)?.valueRange;
    if (!range) continue;
    const fix =
      field === 'target'
        ? 'Keep the target and record why in a check-in note, or close this key result and add a new one.'
        : 'Keep the baseline the period started with; a new measurement belongs in a check-in.';
    ctx.report({ range, message: `${describeGoalMove(m, ctx.doc.period.start)} ${fix}` });
  }
}

export const targetMoved: Rule = {
  id: 'target-moved',
  defaultSeverity: 'warning',
  description: 'A target made easier after the period started (lowered for a metric that should rise, raised for one that should fall); needs git history.',
  scope: 'file',
  check: (ctx) => reportMoves(ctx, 'target'),
};

export const baselineMoved: Rule = {
  id: 'baseline-moved',
  defaultSeverity: 'warning',
  description: 'A baseline moved away from the target after the period started, which inflates the score; needs git history.',
  scope: 'file',
  check: (ctx) => reportMoves(ctx, 'baseline'),
};
