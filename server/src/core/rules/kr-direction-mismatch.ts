import type { Rule } from './rule';

export const krDirectionMismatch: Rule = {
  id: 'kr-direction-mismatch',
  defaultSeverity: 'warning',
  description: 'The title says reduce but the target is above the baseline, or the reverse.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'metric' || kr.baseline === undefined || kr.target === kr.baseline) continue;
      const q = ctx.quality(kr);
      if (!q?.direction || q.direction === 'maintain') continue;
      const up = kr.target! > kr.baseline;
      if ((q.direction === 'decrease' && up) || (q.direction === 'increase' && !up)) {
        ctx.report({
          range: kr.node.fields.get('target')!.valueRange,
          message: `The title says ${q.direction === 'decrease' ? 'decrease' : 'increase'}, but the target (${kr.target}) is ${up ? 'above' : 'below'} the baseline (${kr.baseline}). Swap them or fix the title.`,
        });
      }
    }
  },
};
