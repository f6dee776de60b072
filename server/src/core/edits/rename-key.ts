// "Did you mean": rename a misspelt key, or replace a value with the allowed one it resembles.
// Minimal edits of the key's / value's own characters, so quoting, comments and layout stay.
import type { OkrDocument } from '../model';
import type { Range } from '../positions';
import { replaceRange, yamlQuoted, yamlScalar, type EditResult } from './text-edit';

/** Renames the key written at `range` (a diagnostic's range) from `from` to `to`. */
export function renameKeyEdit(doc: OkrDocument, range: Range, from: string, to: string): EditResult {
  const s = doc.lines.offsetAt(range.start);
  const e = doc.lines.offsetAt(range.end);
  const written = doc.text.slice(s, e);
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  const inner = quote && written.endsWith(quote) && written.length >= 2 ? written.slice(1, -1) : written;
  if (inner !== from) return { ok: false, message: `the key at this position is no longer '${from}'` };
  return { ok: true, edits: [replaceRange(doc, s + quote.length, e - quote.length, to)] };
}

/** Replaces the scalar value written at `range` with `value`, keeping its quotes if it had any. */
export function replaceValueEdit(doc: OkrDocument, range: Range, value: string): EditResult {
  const s = doc.lines.offsetAt(range.start);
  const e = doc.lines.offsetAt(range.end);
  const written = doc.text.slice(s, e);
  if (written.includes('\n') || written.trim() === '') return { ok: false, message: 'no single-line value at this position' };
  const quote = written[0] === '"' || written[0] === "'" ? written[0] : '';
  if (quote && written.endsWith(quote) && written.length >= 2) {
    const inner = quote === '"' ? yamlQuoted(value).slice(1, -1) : value.replace(/'/g, "''");
    return { ok: true, edits: [replaceRange(doc, s + 1, e - 1, inner)] };
  }
  return { ok: true, edits: [replaceRange(doc, s, e, yamlScalar(value))] };
}
