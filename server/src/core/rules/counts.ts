// The focus rules: few objectives, two to five key results each (limits in okr.config.yaml).
import type { Rule } from './rule';

export const tooManyObjectives: Rule = {
  id: 'too-many-objectives',
  defaultSeverity: 'warning',
  description: 'More objectives than the limit (default 5): focus on fewer.',
  scope: 'file',
  check(ctx) {
    const max = ctx.config.limits.maxObjectives;
    const n = ctx.doc.objectives.length;
    const field = ctx.doc.objectivesField;
    if (n > max && field) {
      ctx.report({ range: field.keyRange, message: `${n} objectives; at most ${max} keep a team focused. Drop or merge ${n - max}.` });
    }
  },
};

export const tooManyKeyResults: Rule = {
  id: 'too-many-key-results',
  defaultSeverity: 'warning',
  description: 'An objective with more key results than the limit (default 5).',
  scope: 'file',
  checkObjective(ctx, o) {
    const max = ctx.config.limits.maxKeyResults;
    const n = o.keyResults.length;
    if (n > max && o.keyResultsField) {
      ctx.report({ range: o.keyResultsField.keyRange, message: `${n} key results in '${o.id ?? 'objective'}'; at most ${max} keep it gradable. Keep the ones that best show the objective is met.` });
    }
  },
};

export const tooFewKeyResults: Rule = {
  id: 'too-few-key-results',
  defaultSeverity: 'info',
  description: 'An objective with fewer key results than the limit (default 2): one number rarely shows an objective is met.',
  scope: 'file',
  checkObjective(ctx, o) {
    const min = ctx.config.limits.minKeyResults;
    // Scored from the objectives aligned to it by choice (`rollup: aligned`): its own key results are not the measure.
    if ((o.rollup ?? ctx.config.scoring.rollup) === 'aligned' || o.state === 'dropped') return;
    const n = o.keyResults.length;
    const anchor = o.keyResultsField?.keyRange ?? o.node.fields.get('id')?.valueRange ?? o.node.range;
    if (n < min) {
      const rollup = n === 0 ? " Or write `rollup: aligned` if the objectives aligned to it measure it." : '';
      ctx.report({ range: anchor, message: `${n === 0 ? 'No' : `Only ${n}`} key result${n === 1 ? '' : 's'} in '${o.id ?? 'objective'}'; ${min} or more show from several sides that it is met.${rollup}` });
    }
  },
};
