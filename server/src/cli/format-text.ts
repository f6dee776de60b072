// Human output, grouped by file like eslint's "stylish": `  12:5  warning  message  rule-id`. On a
// terminal (a width is given) long messages wrap under their own column; in a pipe or a CI log each
// problem stays on one line, for grep.
import type { Severity } from '../core';
import { describeCounts, type CheckResult } from './check';
import type { Colors } from './color';
import { wrapWords } from './wrap';

export interface TextOptions {
  colors: Colors;
  /** --max-warnings, to explain a failure caused by it. */
  maxWarnings?: number;
  /** The terminal's width: messages wrap to it. None (a pipe, a file): one line per problem. */
  width?: number;
  /** --quiet: nothing at all when there is no error (the summary line included). */
  quiet?: boolean;
}

/** Below this many columns for the message, the rule id goes after the message's last line instead of beside it. */
const MIN_MESSAGE_COLUMN = 30;

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
    const head = (r: (typeof rows)[number]) => `  ${c.dim(r.pos.padEnd(posWidth))}  ${paint(c, r.d.severity, r.d.severity.padEnd(SEVERITY_WIDTH))}  `;
    // Align rule ids like stylish, unless one message is so long that padding would only add noise.
    const msgWidth = Math.max(...rows.map((r) => r.message.length));
    if (options.width === undefined) {
      const padMessages = msgWidth <= 100;
      for (const r of rows) out.push(`${head(r)}${padMessages ? r.message.padEnd(msgWidth) : r.message}  ${c.dim(r.d.rule)}`);
    } else {
      const indent = ' '.repeat(2 + posWidth + 2 + SEVERITY_WIDTH + 2);
      const ruleWidth = Math.max(...rows.map((r) => r.d.rule.length));
      const beside = options.width - indent.length - 2 - ruleWidth >= MIN_MESSAGE_COLUMN;
      const column = beside ? Math.min(msgWidth, options.width - indent.length - 2 - ruleWidth) : Math.max(options.width - indent.length, MIN_MESSAGE_COLUMN);
      for (const r of rows) {
        const lines = wrapWords(r.message, column);
        if (beside) {
          out.push(`${head(r)}${lines[0]!.padEnd(column)}  ${c.dim(r.d.rule)}`);
          for (const l of lines.slice(1)) out.push(indent + l);
        } else {
          // The rule id after the last line when it fits there, else on a line of its own.
          if (lines[lines.length - 1]!.length + 2 + r.d.rule.length <= column) lines[lines.length - 1] += `  ${c.dim(r.d.rule)}`;
          else lines.push(c.dim(r.d.rule));
          out.push(head(r) + lines[0]!, ...lines.slice(1).map((l) => indent + l));
        }
      }
    }
    out.push('');
  }
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos + s.hints;
  if (total === 0 && options.quiet) return '';
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
