// The quick fix of an unresolved reference: replace it with a suggested one. Only the characters
// that differ change (`company#qualty` -> `company#quality` inserts one letter), so quotes, comments
// and the rest of the line stay as written.
import type { OkrDocument } from '../model';
import type { Range } from '../positions';
import { replaceValueEdit } from './rename-key';
import { replaceRange, type EditResult } from './text-edit';

/** Replaces the reference `from`, written in the value at `range`, with `to`. */
export function replaceReferenceEdit(doc: OkrDocument, range: Range, from: string, to: string): EditResult {
  const s = doc.lines.offsetAt(range.start);
  const e = doc.lines.offsetAt(range.end);
  const written = doc.text.slice(s, e);
  const quoted = written[0] === '"' || written[0] === "'";
  const at = written.indexOf(from.trim());
  if (at < 0) return { ok: false, message: `the value at this position is no longer '${from}'` };
  // A plain scalar cannot start with '#' (it would be a comment): the whole value gets quotes.
  if (!quoted && to.startsWith('#')) return replaceValueEdit(doc, range, to);
  const old = from.trim();
  let prefix = 0;
  while (prefix < old.length && prefix < to.length && old[prefix] === to[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < to.length - prefix && old[old.length - 1 - suffix] === to[to.length - 1 - suffix]) suffix++;
  const start = s + at + prefix;
  return { ok: true, edits: [replaceRange(doc, start, s + at + old.length - suffix, to.slice(prefix, to.length - suffix))] };
}
