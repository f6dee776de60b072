// Human output, grouped by file like eslint's "stylish": `  12:5  warning  message  rule-id`.
import type { Severity } from '../core';
import { describeCounts, type CheckResult } from './check';
import type { Colors } from './color';

export interface TextOptions {
  colors: Colors;
  /** --max-warnings, to explain a failure caused by it. */
  maxWarnings?: number;
}

const SEVERITY_WIDTH = 'warning'.length;

function paint(c: Colors, s: Severity, text: string): string {
  return s === 'error' ? c.red(text) : s === 'warning' ? c.yellow(text) : s === 'info' ? c.cyan(text) : c.gray(text);
}

export function formatText(result: CheckResult, options: TextOptions): string {
  const c = options.colors;
  const out: string[] = [];
  for (const file of result.files) {
    if (file.diagnostics.length === 0) continue;
    out.push(c.underline(file.rel));
    const rows = file.diagnostics.map((d) => ({
      pos: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      d,
      message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
    }));
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    // Align rule ids like stylish, unless one message is so long that padding would only add noise.
    const msgWidth = Math.max(...rows.map((r) => r.message.length));
    const padMessages = msgWidth <= 100;
    for (const r of rows) {
      const msg = padMessages ? r.message.padEnd(msgWidth) : r.message;
      out.push(`  ${c.dim(r.pos.padEnd(posWidth))}  ${paint(c, r.d.severity, r.d.severity.padEnd(SEVERITY_WIDTH))}  ${msg}  ${c.dim(r.d.rule)}`);
    }
    out.push('');
  }
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos + s.hints;
  if (total === 0) {
    out.push(c.green(`✔ no problems`) + c.dim(` (${s.files} ${s.files === 1 ? 'file' : 'files'} checked)`));
  } else {
    const line = `✖ ${describeCounts(s)}`;
    out.push(c.bold(s.errors ? c.red(line) : s.warnings ? c.yellow(line) : line));
  }
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && s.warnings > options.maxWarnings) {
    out.push(c.red(`✖ too many warnings: ${s.warnings} (--max-warnings ${options.maxWarnings})`));
  }
  return out.join('\n') + '\n';
}
