// The reviewers' rule: could an outsider read a number (or pass/fail) at the end of the period and
// say whether the key result was achieved? Structured fields answer yes; a draft is judged on its title.
import type { Rule } from './rule';

export const krNotMeasurable: Rule = {
  id: 'kr-not-measurable',
  defaultSeverity: 'warning',
  description: 'A key result that no one could grade with a number: no quantity, no target, or an improvement without an amount.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      if (kr.kind !== 'draft') continue; // target, guardrail or done make it gradable
      const title = kr.node.fields.get('title');
      const q = ctx.quality(kr);
      if (!q || !title || q.measurable) continue;
      const example = q.example ? ` For example: "${q.example}".` : '';
      ctx.report({
        range: title.valueRange,
        message: `Key result is not measurable: ${q.summary}.${q.fix ? ' ' + q.fix : ''}${example}`,
      });
    }
  },
};
