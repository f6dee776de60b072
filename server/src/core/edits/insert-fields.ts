// Inserting `key: value` lines into a block map, after a given key, at the map's indentation.
// Shared by the extract-from-title and add-owner edits; nothing else in the file moves.
import type { MapNode, OkrDocument } from '../model';
import { eolOf, insertAt, type EditResult } from './text-edit';

/** Inserts lines after the last of `after` keys present (or before the first key), in the map's own indentation. */
export function insertFieldsEdit(doc: OkrDocument, map: MapNode, after: readonly string[], lines: readonly string[]): EditResult {
  if (lines.length === 0) return { ok: false, message: 'nothing to insert' };
  if (map.flow) return { ok: false, message: 'this map is written in flow style { … }; write it as a block map first' };
  if (doc.yamlErrors.length > 0) return { ok: false, message: 'the file has YAML errors; fix them first' };
  const eol = eolOf(doc);
  const pad = ' '.repeat(map.indent);
  let anchor: { end: number } | undefined;
  for (const key of after) {
    const f = map.fields.get(key);
    if (f && (!anchor || f.end > anchor.end)) anchor = f;
  }
  if (anchor) {
    // After the anchor's last line (which may carry a comment): a new line at the map's indentation.
    const lastLine = doc.lines.positionAt(Math.max(anchor.end - 1, 0)).line;
    const lineEnd = doc.lines.lineBounds(lastLine).end;
    return { ok: true, edits: [insertAt(doc, lineEnd, lines.map((l) => eol + pad + l).join(''))] };
  }
  // No anchor: before the first key, which keeps its place on the (possibly `- `) line.
  const first = [...map.fields.values()].sort((a, b) => a.start - b.start)[0];
  if (!first) return { ok: false, message: 'the map has no keys to place the new ones next to' };
  return { ok: true, edits: [insertAt(doc, first.start, lines.map((l) => l + eol + pad).join(''))] };
}
