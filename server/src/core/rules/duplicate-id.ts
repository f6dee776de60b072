import type { Rule, RuleContext } from './rule';
import type { MapNode } from '../model';

/**
 * Reports every item whose id an earlier one in `items` has. Nodes are read only to report: a
 * keystroke's check of a large file reads the objectives' ids, not their moved nodes.
 */
function reportRepeated(ctx: RuleContext, items: ReadonlyArray<{ id?: string; node: MapNode }>, what: string): void {
  const first = new Map<string, { node: MapNode }>();
  for (const item of items) {
    if (!item.id) continue;
    const prev = first.get(item.id);
    if (prev) {
      const line = prev.node.fields.get('id')!.valueRange.start.line + 1;
      ctx.report({ range: item.node.fields.get('id')!.valueRange, message: `Duplicate ${what} id '${item.id}' (first used on line ${line}); references would be ambiguous.` });
    } else first.set(item.id, item);
  }
}

export const duplicateId: Rule = {
  id: 'duplicate-id',
  defaultSeverity: 'error',
  description: 'Two objectives in a file, or two key results in an objective, share an id.',
  scope: 'file',
  // Over the whole file each time, not an objective at a time: the message names the line of the
  // first use, which an edit above moves (an objective's kept results move their ranges, not their text).
  check(ctx) {
    reportRepeated(ctx, ctx.doc.objectives, 'objective');
    for (const o of ctx.doc.objectives) reportRepeated(ctx, o.keyResults, 'key result');
  },
};
