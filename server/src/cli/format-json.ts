// Machine output: {"files":[{"path","diagnostics":[...]}],"summary":{...}} with 0-based LSP positions.
// With --fix, each file also lists what was `fixed` (rule, title, range before the fix) and the
// summary counts them.
import type { AppliedFix, Range } from '../core';
import type { CheckResult } from './check';

function range(r: Range) {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** `fixed`: the fixes by file path (`rel`), given only when --fix ran. */
export function formatJson(result: CheckResult, fixed?: ReadonlyMap<string, readonly AppliedFix[]>): string {
  const json = {
    files: result.files.map((f) => ({
      path: f.rel,
      diagnostics: f.diagnostics.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        range: range(d.range),
      })),
      ...(fixed ? { fixed: (fixed.get(f.rel) ?? []).map((x) => ({ rule: x.rule, title: x.title, range: range(x.range) })) } : {}),
    })),
    summary: fixed ? { ...result.summary, fixed: [...fixed.values()].reduce((n, list) => n + list.length, 0) } : result.summary,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
