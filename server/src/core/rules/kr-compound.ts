import type { Rule } from './rule';

export const krCompound: Rule = {
  id: 'kr-compound',
  defaultSeverity: 'info',
  description: 'Several results in one key result: split it so each can be scored.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      const q = ctx.quality(kr);
      const title = kr.node.fields.get('title');
      if (q?.compound && title) {
        ctx.report({ range: title.valueRange, message: 'This key result holds several results: split it into one key result per result so each gets its own score.' });
      }
    }
  },
};
