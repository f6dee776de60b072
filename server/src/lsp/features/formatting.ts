// Formatting (opt-in, `okr.format.enable`): canonical key order (the schema's) and 2-space
// indentation, keeping comments. Works on a clone of the cached YAML AST: pairs are reordered in
// place and the yaml package prints comments attached to their nodes. One full-document edit, only
// when the text changes; nothing on a file with YAML errors (its structure is not known).
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver';
import { keysOf, type MapKind, type OkrDocument } from '../../core';

const CHILDREN: Partial<Record<MapKind, Record<string, MapKind>>> = {
  file: { objectives: 'objective', period: 'period' },
  objective: { key_results: 'keyResult' },
  keyResult: { checkins: 'checkin' },
};

export function formatText(doc: OkrDocument): string | undefined {
  if (doc.yamlErrors.length > 0 || !doc.root) return undefined;
  const copy = doc.yaml.clone() as Document.Parsed;
  reorder(copy.contents as Node, 'file');
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  let out: string;
  try {
    out = copy.toString({ indent: 2, indentSeq: true, lineWidth: 0, flowCollectionPadding: false });
  } catch {
    // Reordering can put an alias before its anchor (or the file uses one it never set): the yaml
    // package refuses to print that. Leave the file as it is rather than fail the request.
    return undefined;
  }
  if (eol !== '\n') out = out.replace(/\n/g, eol);
  return out;
}

export function formatDocument(doc: OkrDocument): TextEdit[] {
  const out = formatText(doc);
  if (out === undefined || out === doc.text) return [];
  return [{ range: doc.lines.range(0, doc.text.length), newText: out }];
}

function reorder(node: Node | null, kind: MapKind): void {
  if (!isMap(node)) return;
  const map = node as YAMLMap;
  const order = new Map(keysOf(kind).map((k, i) => [k.key, i]));
  const items = map.items as Pair[];
  const rank = (p: Pair) => (isScalar(p.key) ? order.get(String(p.key.value)) : undefined) ?? order.size;
  // Stable: unknown keys keep their relative order, after the known ones. A comment written before the
  // first pair belongs to the map; keep it at the top whichever pair comes first now.
  const first = items[0];
  const sorted = items.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i).map((x) => x.p);
  if (first && sorted[0] !== first) {
    const firstKey = first.key as Node | null;
    const newKey = sorted[0]!.key as Node | null;
    if (firstKey && newKey && firstKey.commentBefore) {
      newKey.commentBefore = [firstKey.commentBefore, newKey.commentBefore].filter(Boolean).join('\n');
      firstKey.commentBefore = undefined;
    }
  }
  map.items = sorted;
  for (const p of sorted) {
    if (!isScalar(p.key)) continue;
    const child = CHILDREN[kind]?.[String(p.key.value)];
    if (!child) continue;
    const value = p.value as Node | null;
    if (child === 'period') reorder(value, 'period');
    else if (isSeq(value)) for (const item of value.items) reorder(item as Node, child);
  }
}
