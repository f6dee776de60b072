import { parse, stringify } from 'yaml';
import type { Range } from '../positions';
import type { OkrDocument } from '../model';

/** An edit of the document text (LSP's TextEdit shape). Edits never overlap. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export type EditResult = { ok: true; edits: TextEdit[] } | { ok: false; message: string };

export function eolOf(doc: OkrDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

export function insertAt(doc: OkrDocument, offset: number, text: string): TextEdit {
  const p = doc.lines.positionAt(offset);
  return { range: { start: p, end: p }, newText: text };
}

export function replaceRange(doc: OkrDocument, start: number, end: number, text: string): TextEdit {
  return { range: doc.lines.range(start, end), newText: text };
}

/** Applies edits to a text (for tests and the CLI); edits must not overlap. */
export function applyEdits(text: string, edits: TextEdit[], lines: { offsetAt(p: { line: number; character: number }): number }): string {
  const sorted = edits
    .map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

const ONE_LINE = { lineWidth: 0, minContentWidth: 0 } as const;
/** Characters some editors take for line ends (VS Code offers to remove them): written escaped. */
const UNUSUAL_BREAKS: Record<string, string> = { '\u0085': '\\N', '\u2028': '\\L', '\u2029': '\\P' };

/**
 * A YAML scalar that reads back as exactly `value`, both inside a flow map (`{note: …}`) and after
 * `key: ` in a block map, for YAML 1.2 and 1.1 readers: plain when the `yaml` package would write it
 * plain and it means the same string in both places, double-quoted with the package's escapes
 * otherwise ("@dana", "1e5", "yes", "a, b", line breaks, edge spaces).
 */
export function yamlScalar(value: string): string {
  const plain = stringify(value, ONE_LINE).replace(/\n$/, '');
  if (plain === value && !/[\n\r\u0085\u2028\u2029]/.test(value) && readsBack(value, value)) return value;
  return yamlQuoted(value);
}

/** `value` double-quoted with the `yaml` package's escapes, for fields written quoted by custom (`owner: "@dana"`). */
export function yamlQuoted(value: string): string {
  const quoted = stringify(value, { ...ONE_LINE, defaultStringType: 'QUOTE_DOUBLE' })
    .replace(/\n$/, '')
    .replace(/[\u0085\u2028\u2029]/g, (c) => UNUSUAL_BREAKS[c]!);
  return readsBack(quoted, value) ? quoted : JSON.stringify(value);
}

function readsBack(written: string, value: string): boolean {
  try {
    for (const version of ['1.2', '1.1'] as const) {
      if ((parse(`k: ${written}`, { version }) as { k?: unknown })?.k !== value) return false;
      if ((parse(`[{k: ${written}}]`, { version }) as Array<{ k?: unknown }>)[0]?.k !== value) return false;
    }
    return true;
  } catch {
    return false;
  }
}
