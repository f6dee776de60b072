import { resolveTag, type CodeTag } from '../code-tags';
import { severityFor } from '../config';
import { ruleDocsUrl, type OkrDiagnostic } from '../diagnostics';
import { suggestReferences } from '../ref-suggest';
import type { OkrConfig } from '../schema';
import type { WorkspaceIndex } from '../workspace';
import type { Rule } from './rule';

export const unknownOkrTag: Rule = {
  id: 'unknown-okr-tag',
  defaultSeverity: 'warning',
  description: 'A code tag `okr: <file>#<objective>[/<kr>]` in a source file that names no objective or key result of the workspace.',
  scope: 'code',
  // Tags live in source files, which are never parsed as .okr documents: checkCodeTags runs this rule.
  check() {},
};

/** The `unknown-okr-tag` diagnostics of one source file's tags, with the likeliest corrections. */
export function checkCodeTags(index: WorkspaceIndex, tags: readonly CodeTag[], config: OkrConfig): OkrDiagnostic[] {
  const severity = severityFor(unknownOkrTag.id, unknownOkrTag.defaultSeverity, config);
  if (severity === 'off') return [];
  const reported: OkrDiagnostic['severity'] = severity;
  const out: OkrDiagnostic[] = [];
  for (const tag of tags) {
    if (tag.suppressed) continue;
    try {
      checkTag(tag);
    } catch (e) {
      // As analyzeDocument guards every rule: a bug costs this file's tag findings, said once, never the publisher.
      out.push({ rule: unknownOkrTag.id, severity: 'error', message: `Internal error in rule '${unknownOkrTag.id}': ${(e as Error).message}. Please report it.`, range: tag.range, docsUrl: ruleDocsUrl(unknownOkrTag.id) });
      break;
    }
  }
  return out;

  function checkTag(tag: CodeTag): void {
    const r = resolveTag(index, tag.ref);
    if (r.ok) return;
    const suggestions = suggestReferences(index, tag.ref, undefined).map((s) => s.ref);
    const hint = suggestions.length ? ` Did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?` : '';
    out.push({
      rule: unknownOkrTag.id,
      severity: reported,
      message: `Code tag 'okr: ${tag.ref}' names no key result: ${r.reason}.${hint}`,
      range: tag.range,
      docsUrl: ruleDocsUrl(unknownOkrTag.id),
      data: suggestions.length ? { kind: 'replace-reference', from: tag.ref, candidates: suggestions } : undefined,
    });
  }
}
