import type { Rule } from './rule';
import { subRange } from './util';

export const krOutputNotOutcome: Rule = {
  id: 'kr-output-not-outcome',
  defaultSeverity: 'info',
  description: 'The key result is an activity or a task (launch, build, migrate…) rather than the result it should cause.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      const title = kr.node.fields.get('title');
      const q = ctx.quality(kr);
      if (!q || !title || !q.outputNotOutcome) continue;
      const verb = q.signals.find((s) => (s.id === 'task-verb' || s.id === 'activity-verb') && s.start !== undefined);
      ctx.report({
        range: verb ? subRange(ctx, title, verb.start!, verb.end ?? verb.start!) : title.valueRange,
        message:
          kr.kind === 'milestone'
            ? 'This milestone is a task: what result should it cause? A binary key result is often a task in disguise; consider measuring the result instead.'
            : 'This reads as an output or activity, not an outcome: state the change it should cause (e.g. "adoption from 10% to 40%" rather than "launch the feature").',
      });
    }
  },
};
