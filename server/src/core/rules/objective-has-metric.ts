import type { Rule } from './rule';
import { subRange } from './util';

// A number in an objective's title, not part of a word or version ("v2", "Q4", "2026" are fine).
const NUMBER_IN_TEXT = /(?<![\w.])(\d+(?:[.,]\d+)?\s?(?:%|x\b|ms\b|s\b|k\b|m\b)|\d{1,3}(?:[.,]\d+)?)(?![\w.-])/g;
const YEARISH = /^(19|20)\d\d$/;
// "Upgrade to Kubernetes 1.34", "Adopt Python 3.12": a decimal right after a capitalised name is its version.
const VERSION_AFTER_NAME = /\p{Lu}[\p{L}\d.+#-]*\s+$/u;

function metricIn(title: string): RegExpExecArray | undefined {
  for (const m of title.matchAll(NUMBER_IN_TEXT)) {
    const n = m[1]!.trim();
    if (YEARISH.test(n)) continue;
    if (/^\d+\.\d+$/.test(n) && VERSION_AFTER_NAME.test(title.slice(0, m.index))) continue;
    return m as RegExpExecArray;
  }
  return undefined;
}

export const objectiveHasMetric: Rule = {
  id: 'objective-has-metric',
  defaultSeverity: 'hint',
  description: 'An objective with a number in its title: objectives are qualitative, numbers belong in key results.',
  scope: 'file',
  checkObjective(ctx, o) {
    const title = o.node.fields.get('title');
    if (!o.title || !title) return;
    const m = metricIn(o.title);
    if (!m) return;
    ctx.report({
      range: subRange(ctx, title, m.index!, m.index! + m[0].length),
      message: 'Objectives are qualitative: move the number into a key result and keep the objective as the "why".',
    });
  },
};
