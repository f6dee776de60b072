import type { Rule } from './rule';
import type { MapNode } from '../model';

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two objectives in a file, or two key results in an objective, share an id.',
  scope: 'file',
  check(ctx) {
    const seen = (items: Array<{ id?: string; node: MapNode }>, what: string) => {
      const first = new Map<string, MapNode>();
      for (const item of items) {
        if (!item.id) continue;
        const prev = first.get(item.id);
        if (prev) {
          const line = prev.fields.get('id')!.valueRange.start.line + 1;
          ctx.report({ range: item.node.fields.get('id')!.valueRange, message: `Duplicate ${what} id '${item.id}' (first used on line ${line}); references would be ambiguous.` });
        } else first.set(item.id, item.node);
      }
    };
    seen(ctx.doc.objectives, 'objective');
    for (const o of ctx.doc.objectives) seen(o.keyResults, 'key result');
  },
};
