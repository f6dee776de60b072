import { suggestReferences } from '../ref-suggest';
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
    const fields = [ctx.doc.root?.fields.get('aligns_to'), ...ctx.doc.objectives.map((o) => o.node.fields.get('aligns_to'))];
    for (const f of fields) {
      if (!f || typeof f.value !== 'string') continue;
      const r = ws.resolve(f.value, ctx.path);
      if (r.ok) continue;
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
    }
  },
};
