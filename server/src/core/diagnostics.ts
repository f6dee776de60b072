// What a rule reports, as plain data. The LSP layer maps this 1:1 onto LSP diagnostics
// (source "okr", code = rule, codeDescription.href = docsUrl); the CLI prints it.
import type { Range } from './positions';
import type { Severity } from './schema';

export const DOCS_BASE = 'https://github.com/okr-as-code/okr-as-code/blob/main/docs/rules/';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE}${ruleId}.md`;
}

/** Machine-readable hints that let quick fixes act without re-running the rule. */
export type FixData =
  | { kind: 'rename-key'; from: string; to: string }
  | { kind: 'extract-from-to'; baseline: number; target: number; unit?: string }
  | { kind: 'add-owner' }
  | { kind: 'add-checkin' }
  | { kind: 'replace-value'; with: string }
  /** An unresolved reference and its likeliest corrections, best first (one quick fix each). */
  | { kind: 'replace-reference'; from: string; candidates: string[] };

export interface OkrDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  docsUrl: string;
  tags?: Array<'unnecessary' | 'deprecated'>;
  data?: FixData;
}

/** The id under which a file that could not be read is reported (not a rule: nothing ran on it). */
export const UNREADABLE_FILE = 'unreadable-file';

/** The one error of an .okr file that could not be read; `reason` starts with the path as shown. Same in the editor and the CLI. */
export function unreadableFileDiagnostic(reason: string): OkrDiagnostic {
  return {
    rule: UNREADABLE_FILE,
    severity: 'error',
    message: `Not analysed: ${reason}.`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    docsUrl: ruleDocsUrl(UNREADABLE_FILE),
  };
}
