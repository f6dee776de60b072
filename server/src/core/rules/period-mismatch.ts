// A child objective whose period is not within its parent's: a Q3 team objective aligned to a Q4
// company objective cannot contribute to it. One resolve() per objective, no workspace scan.
import type { Field } from '../model';
import { periodsOverlap, periodWithin, type Period } from '../period';
import type { Rule } from './rule';
import { alignsToField } from './alignment-cycle';

export const periodMismatch: Rule = {
  id: 'period-mismatch',
  defaultSeverity: 'warning',
  description: "An objective aligned to a parent whose period does not contain the child's period.",
  scope: 'workspace',
  check(ctx) {
    const ws = ctx.workspace;
    const period = ctx.doc.period;
    if (!ws || !period) return;
    // Objectives that inherit the file's aligns_to share its field: one report per field.
    const reported = new Set<Field>();
    for (const objective of ctx.doc.objectives) {
      if (!objective.effectiveAlignsTo) continue;
      const r = ws.resolve(objective.effectiveAlignsTo, ctx.path);
      if (!r.ok || r.path === ctx.path) continue; // the same file has the same period
      const parent = r.doc.period;
      if (!parent || periodWithin(period, parent)) continue;
      const field = alignsToField(ctx.doc, objective);
      if (!field || reported.has(field)) continue;
      reported.add(field);
      const parentRef = `${ws.shortRef(r.path)}#${r.objective.id}`;
      ctx.report({
        range: field.valueRange,
        message:
          `This file's period ${describe(period)} is not within the period of ${parentRef}, ${describe(parent)}: ${how(period, parent)}. ` +
          `Align to an objective of a period that contains this one, or change the period.`,
      });
    }
  },
};

function describe(p: Period): string {
  return p.label.includes('..') ? `${p.start} – ${p.end}` : `${p.label} (${p.start} – ${p.end})`;
}

function how(child: Period, parent: Period): string {
  if (!periodsOverlap(child, parent)) return 'the two periods do not overlap';
  const early = child.start < parent.start;
  const late = child.end > parent.end;
  if (early && late) return 'it starts before and ends after the parent period';
  return early ? 'it starts before the parent period' : 'it ends after the parent period';
}
