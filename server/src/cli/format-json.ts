// Machine output: {"files":[{"path","diagnostics":[...]}],"summary":{...}} with 0-based LSP positions.
import type { CheckResult } from './check';

export function formatJson(result: CheckResult): string {
  const json = {
    files: result.files.map((f) => ({
      path: f.rel,
      diagnostics: f.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        range: {
          start: { line: d.range.start.line, character: d.range.start.character },
          end: { line: d.range.end.line, character: d.range.end.character },
        },
      })),
    })),
    summary: result.summary,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
