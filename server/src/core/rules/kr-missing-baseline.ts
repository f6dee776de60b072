import type { Rule } from './rule';

export const krMissingBaseline: Rule = {
  id: 'kr-missing-baseline',
  defaultSeverity: 'info',
  description: 'A metric key result with a target but no baseline: progress cannot say how far you came.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      if (kr.kind === 'metric' && kr.baseline === undefined) {
        const target = kr.node.fields.get('target')!;
        ctx.report({
          range: target.keyRange,
          message: `No \`baseline\`: progress is measured from 0. Add the value at the start of the period (e.g. \`baseline: ${exampleBaseline(kr.target!)}\`).`,
        });
      } else if (kr.kind === 'draft') {
        const q = ctx.quality(kr);
        const title = kr.node.fields.get('title');
        if (q && title && q.measurable && q.reasons.includes('no_baseline')) {
          ctx.report({ range: title.valueRange, message: 'The target has no starting value: say where you start ("from X to Y") or add `baseline`.' });
        }
      }
    }
  },
};

function exampleBaseline(target: number): string {
  return String(Math.round(target * 0.8 * 100) / 100);
}
