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

/** A YAML scalar for a flow or block context: plain when safe, JSON-quoted otherwise. */
export function yamlScalar(value: string): string {
  if (/^[A-Za-z0-9@][\w .@/-]*$/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) && !/^[\d.+-]+$/.test(value) && !/\s$/.test(value)) {
    return value;
  }
  return JSON.stringify(value);
}
