import { suggestReferences } from '../ref-suggest';
import type { Field } from '../model';
import type { Rule } from './rule';

/** Corrections offered (and turned into quick fixes) per unresolved reference. */
const SUGGESTIONS = 3;
/** Objectives listed when nothing written resembles any of them. */
const KNOWN_LISTED = 5;

export const alignmentUnresolved: Rule = {
  id: 'alignment-unresolved',
  defaultSeverity: 'warning',
  description: '`aligns_to` names an objective that does not exist in the workspace.',
  scope: 'workspace',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws) return;
    // The model holds each aligns_to written as a string: the field (its range) is read only for a
    // reference that does not resolve, so a keystroke does not build the moved fields of every objective.
    const check = (value: string | undefined, field: () => Field | undefined): void => {
      if (value === undefined) return;
      const r = ws.resolve(value, ctx.path);
      if (r.ok) return;
      const f = field();
      if (!f || typeof f.value !== 'string') return;
      // Ranked by likeness over the whole workspace (the file part may be the typo), best first.
      const suggestions = suggestReferences(ws, f.value, ctx.path, SUGGESTIONS).map((s) => s.ref);
      let hint = '';
      if (suggestions.length) hint = ` Did you mean ${suggestions.map((s) => `'${s}'`).join(', or ')}?`;
      else if (r.candidates?.length) {
        hint = ` Known: ${r.candidates.slice(0, KNOWN_LISTED).join(', ')}${r.candidates.length > KNOWN_LISTED ? ', …' : ''}.`;
      }
      ctx.report({
        range: f.valueRange,
        message: `Cannot resolve '${f.value}': ${r.reason}.${hint}`,
        data: suggestions.length ? { kind: 'replace-reference', from: f.value, candidates: suggestions } : undefined,
      });
    };
    check(ctx.doc.alignsTo, () => ctx.doc.root?.fields.get('aligns_to'));
    for (const o of ctx.doc.objectives) if (o.alignsTo !== undefined) check(o.alignsTo, () => o.node.fields.get('aligns_to'));
  },
};
