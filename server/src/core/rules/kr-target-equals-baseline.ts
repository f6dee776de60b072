import type { Rule } from './rule';

export const krTargetEqualsBaseline: Rule = {
  id: 'kr-target-equals-baseline',
  defaultSeverity: 'error',
  description: 'Target equals baseline: there is nothing to achieve (use a guardrail to hold a level).',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      if (kr.kind === 'metric' && kr.baseline !== undefined && kr.baseline === kr.target) {
        ctx.report({
          range: kr.node.fields.get('target')!.valueRange,
          message: `Target equals baseline (${kr.target}): nothing to achieve. To hold a level, make it a guardrail (\`guardrail: at_least\`).`,
        });
      }
    }
  },
};
