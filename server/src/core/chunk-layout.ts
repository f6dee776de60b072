// Where the items of a file's `objectives` list are, read from the text alone, for parsing a large file
// an objective at a time (parse.ts `parseInChunks`). Only a plain layout is accepted: a top-level
// `objectives:` key with nothing after it, then a block list whose items start with `- ` at one
// indentation, every other line of an item deeper than its dash, blank, or a comment. Anything else (and anything that could make a part read differently on its own: tabs,
// carriage returns, a byte order mark, directives, document markers, anchors or aliases) answers with
// the reason, and the caller parses the file whole.

// An anchor (&a) or alias (*a) lets an objective's value depend on text outside it.
export const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,\]}]/m;

export interface ItemChunk {
  /** Offset of the start of the item's `- ` line. */
  lineStart: number;
  /** Column of its dash. */
  dash: number;
  /** Where its part ends: the next item's line, or the end of the list. */
  end: number;
}

export interface ChunkLayout {
  /** The `objectives` key's offset. */
  key: number;
  items: ItemChunk[];
  /** Offsets of the list region (first item's line to the first line after the list): blanked in the skeleton. */
  listStart: number;
  listEnd: number;
}

export function chunkLayout(text: string): ChunkLayout | string {
  if (/[\t\r\uFEFF]/.test(text)) return 'tabs, carriage returns or a byte order mark';
  if (text.startsWith('%') || text.includes('\n%')) return 'directives';
  if (/^(---|\.\.\.)(\s|$)/m.test(text)) return 'document markers';
  if (ANCHOR_OR_ALIAS.test(text)) return 'anchors or aliases';
  const keyMatch = /^objectives:[ ]*\n/m.exec(text);
  if (!keyMatch) return 'no block `objectives:` key at the top level';
  // A second top-level `objectives:` is a duplicate key: the whole parse reports it.
  if (text.indexOf('\nobjectives:', keyMatch.index + 1) >= 0) return 'objectives twice';
  const items: ItemChunk[] = [];
  let dashCol = -1;
  let pos = keyMatch.index + keyMatch[0].length;
  // Where the list ends: the start of the first line after it with content (or the end of the text).
  let listEnd = text.length;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    if (nl < 0) nl = text.length;
    let indent = 0;
    while (pos + indent < nl && text.charCodeAt(pos + indent) === 32) indent++;
    const blank = pos + indent === nl;
    const comment = !blank && text.charCodeAt(pos + indent) === 35; /* # */
    const dashed = !blank && text.charCodeAt(pos + indent) === 45 /* - */ && (pos + indent + 1 === nl || text.charCodeAt(pos + indent + 1) === 32);
    if (dashed && (dashCol < 0 || indent === dashCol)) {
      if (dashCol < 0) dashCol = indent;
      items.push({ lineStart: pos, dash: pos + indent, end: lineEnd });
    } else if (!blank && !comment && (dashCol < 0 || indent <= dashCol)) {
      // A line at the list's indentation or less that is not an item: the list has ended.
      if (dashCol < 0) return 'objectives is not a block list';
      if (indent > 0 || dashed) return 'a line after the list that is not a top-level key';
      listEnd = pos;
      break;
    }
    // Any other line (deeper, blank, or a comment) belongs to the item before it, if any.
    pos = lineEnd;
  }
  if (items.length === 0) return 'no items';
  // Each part runs to the next item's line, blank lines and comments between them included: a key
  // with no value, or a block scalar kept with `|+`, reaches over them in the whole parse as well.
  items.forEach((item, i) => (item.end = i + 1 < items.length ? items[i + 1]!.lineStart : listEnd));
  return { key: keyMatch.index, items, listStart: items[0]!.lineStart, listEnd };
}
