// GitHub Actions workflow commands: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=okr(rule)::message`.
import type { Severity } from '../core';
import type { CheckResult } from './check';

/** Escaping of a command's message (GitHub's escapeData). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a property value (GitHub's escapeProperty): also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(s: Severity): 'error' | 'warning' | 'notice' {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice';
}

export function formatGithub(result: CheckResult): string {
  const lines: string[] = [];
  for (const f of result.files) {
    for (const d of f.diagnostics) {
      const { start, end } = d.range;
      // 1-based; GitHub's endColumn is the last column of the range, i.e. the 0-based exclusive end.
      const props: Array<[string, string]> = [
        ['file', f.rel],
        ['line', String(start.line + 1)],
        ['col', String(start.character + 1)],
        ['endLine', String(end.line + 1)],
        ['endColumn', String(Math.max(end.character, end.line === start.line ? start.character + 1 : 1))],
        ['title', `okr(${d.rule})`],
      ];
      lines.push(`::${command(d.severity)} ${props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
