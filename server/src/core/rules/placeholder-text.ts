import type { Field } from '../model';
import type { Rule, RuleContext } from './rule';
import { subRange } from './util';

export const placeholderText: Rule = {
  id: 'placeholder-text',
  defaultSeverity: 'warning',
  description: 'Template text left in: TODO, TBD, "Key result 1", "X%".',
  scope: 'file',
  checkObjective(ctx, o) {
    const check = (field: Field | undefined) => {
      if (!field || typeof field.value !== 'string') return;
      const p = ctx.placeholderIn(field.value);
      if (p) report(ctx, field, p);
    };
    check(o.node.fields.get('title'));
    for (const kr of o.keyResults) check(kr.node.fields.get('title'));
  },
};

function report(ctx: RuleContext, field: Field, p: { text: string; start: number; end: number }): void {
  ctx.report({ range: subRange(ctx, field, p.start, p.end), message: `Placeholder '${p.text}' left in the ${field.key}: replace it with the real text or value.` });
}
