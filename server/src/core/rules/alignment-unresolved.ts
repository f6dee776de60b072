import type { Rule } from './rule';

export const alignmentUnresolved: Rule = {
  id: 'alignment-unresolved',
  defaultSeverity: 'warning',
  description: '`aligns_to` names an objective that does not exist in the workspace.',
  scope: 'workspace',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    const fields = [ctx.doc.root?.fields.get('aligns_to'), ...ctx.doc.objectives.map((o) => o.node.fields.get('aligns_to'))];
    for (const f of fields) {
      if (!f || typeof f.value !== 'string') continue;
      const r = ws.resolve(f.value, ctx.path);
      if (r.ok) continue;
      const hint = r.candidates?.length ? ` Known: ${r.candidates.slice(0, 5).join(', ')}${r.candidates.length > 5 ? ', …' : ''}.` : '';
      ctx.report({ range: f.valueRange, message: `Cannot resolve '${f.value}': ${r.reason}.${hint}` });
    }
  },
};
