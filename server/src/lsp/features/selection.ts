// Selection ranges: from the YAML node under the cursor outwards: value -> pair -> map -> list item
// (with its dash) -> list -> pair -> ... -> the whole document. Walks the AST the parse kept.
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { Position, SelectionRange } from 'vscode-languageserver';
import type { OkrDocument } from '../../core';

export function selectionRanges(doc: OkrDocument, positions: Position[]): SelectionRange[] {
  return positions.map((p) => selectionAt(doc, doc.lines.offsetAt(p)));
}

function selectionAt(doc: OkrDocument, offset: number): SelectionRange {
  const spans: Array<[number, number]> = [[0, doc.text.length]];
  const push = (s: number, e: number) => {
    while (e > s && /\s/.test(doc.text[e - 1]!)) e--;
    const [ps, pe] = spans[spans.length - 1]!;
    if (s === ps && e === pe) return;
    if (s < ps || e > pe || offset < s || offset > e) return; // every parent must contain its child
    spans.push([s, e]);
  };

  let node = doc.yaml.contents as Node | null;
  while (node && node.range) {
    const [s, e] = node.range;
    if (offset < s || offset > e) break;
    push(s, e);
    let next: Node | null = null;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const ps = key?.range?.[0] ?? value?.range?.[0];
        const pe = value?.range?.[1] ?? key?.range?.[1];
        if (ps === undefined || pe === undefined || offset < ps || offset > pe) continue;
        push(ps, pe);
        next = key?.range && offset <= key.range[1] ? key : value;
        break;
      }
    } else if (isSeq(node)) {
      for (const item of node.items as Array<Node | null>) {
        if (!item?.range || offset < item.range[0] || offset > item.range[1]) continue;
        const dash = dashBefore(doc.text, item.range[0]);
        if (dash !== undefined) push(dash, item.range[1]);
        next = item;
        break;
      }
    } else if (isScalar(node)) {
      break;
    }
    node = next;
  }

  let range: SelectionRange | undefined;
  for (const [s, e] of spans) range = { range: doc.lines.range(s, e), parent: range };
  return range!;
}

/** Offset of the `-` of a block sequence item starting at `start`, if there is one. */
function dashBefore(text: string, start: number): number | undefined {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : undefined;
}
