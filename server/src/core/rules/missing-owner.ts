import type { Rule } from './rule';

export const missingOwner: Rule = {
  id: 'missing-owner',
  defaultSeverity: 'info',
  description: 'No owner for an objective or key result (set `owner` on it, its objective or the file).',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      if (kr.effectiveOwner) continue;
      const anchor = kr.node.fields.get('id')?.valueRange ?? kr.node.range;
      ctx.report({ range: anchor, message: `No owner for key result '${kr.id ?? kr.index + 1}': someone must be accountable. Add \`owner: "@name"\` here, on the objective or the file.`, data: { kind: 'add-owner' } });
    }
    if (!o.effectiveOwner && o.keyResults.every((kr) => !kr.owner)) {
      const anchor = o.node.fields.get('id')?.valueRange ?? o.node.range;
      ctx.report({ range: anchor, message: `No owner for objective '${o.id ?? o.index + 1}'. Add \`owner: "@name"\`.`, data: { kind: 'add-owner' } });
    }
  },
};
