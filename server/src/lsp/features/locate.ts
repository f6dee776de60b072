// What is at a position: which map (file, objective, key result, check-in, period), which key or
// value, and which objective / key result it belongs to. Derived from the cached model and the
// document text only; never parses. Completion also needs to understand lines that are being typed
// (and so are not in the model yet), which is why the map kind of a line comes from the text's
// indentation structure rather than from the YAML AST.
import type { Checkin, Field, KeyResult, MapKind, MapNode, Objective, OkrDocument, Position } from '../../core';
import { containsPosition } from '../../core';

export interface Located {
  offset: number;
  objective?: Objective;
  keyResult?: KeyResult;
  checkin?: Checkin;
  /** The innermost map that holds the field at the position. */
  map?: MapNode;
  mapKind?: MapKind;
  field?: Field;
  /** Whether the position is on the field's key or on its value. */
  part?: 'key' | 'value';
}

/** The last item whose start is at or before `offset` (items sorted by start). */
function lastStartingBefore<T>(items: readonly T[], start: (t: T) => number, offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let best: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start(items[mid]!) <= offset) {
      best = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The chain of maps (outermost first) whose start precedes the offset: file, objective, key result, check-in. */
export function mapChain(doc: OkrDocument, offset: number): {
  objective?: Objective;
  keyResult?: KeyResult;
  checkin?: Checkin;
  chain: Array<{ kind: MapKind; node: MapNode }>;
} {
  const chain: Array<{ kind: MapKind; node: MapNode }> = [];
  if (!doc.root) return { chain };
  chain.push({ kind: 'file', node: doc.root });
  const objective = lastStartingBefore(doc.objectives, (o) => o.node.start, offset);
  if (!objective) return { chain };
  chain.push({ kind: 'objective', node: objective.node });
  const keyResult = lastStartingBefore(objective.keyResults, (k) => k.node.start, offset);
  if (!keyResult || keyResult.node.start < objective.node.start) return { objective, chain };
  chain.push({ kind: 'keyResult', node: keyResult.node });
  const checkin = lastStartingBefore(keyResult.checkins, (c) => c.node.start, offset);
  if (checkin) chain.push({ kind: 'checkin', node: checkin.node });
  return { objective, keyResult, checkin, chain };
}

/** The field (key or value) under the position, with the objective / key result around it. */
export function locate(doc: OkrDocument, position: Position): Located {
  const offset = doc.lines.offsetAt(position);
  const { objective, keyResult, checkin, chain } = mapChain(doc, offset);
  const out: Located = { offset };
  // Innermost first: a check-in's `date` wins over its key result's `checkins`.
  for (let i = chain.length - 1; i >= 0; i--) {
    const { kind, node } = chain[i]!;
    if (offset < node.start || offset > node.end) continue;
    for (const field of node.fields.values()) {
      if (offset < field.start || offset > field.end) continue;
      const onKey = containsPosition(field.keyRange, position);
      out.map = node;
      out.mapKind = kind;
      out.field = field;
      out.part = onKey ? 'key' : 'value';
      break;
    }
    if (out.field) {
      if (kind === 'objective' || kind === 'keyResult' || kind === 'checkin') out.objective = objective;
      if (kind === 'keyResult' || kind === 'checkin') out.keyResult = keyResult;
      if (kind === 'checkin') out.checkin = checkin;
      return out;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Line-level context for completion.

export type LineContext =
  | {
      /** The cursor is where a key goes (possibly half typed). */
      type: 'key';
      mapKind: MapKind | undefined;
      /** Keys already present in that map (empty for a new list item). */
      present: Set<string>;
      /** Range of the partial key to replace. */
      replace: { start: Position; end: Position };
      column: number;
      /** True when the line starts a new list item (`- `), e.g. a new key result. */
      newItem: boolean;
      /** The sequence key the item belongs to, for a new item. */
      sequence?: string;
      keyResult?: KeyResult;
      objective?: Objective;
    }
  | {
      /** The cursor is in the value of `key:` (or a list item of `key:`). */
      type: 'value';
      mapKind: MapKind | undefined;
      key: string;
      /** The text typed so far, and its range (to replace). */
      prefix: string;
      replace: { start: Position; end: Position };
      listItem: boolean;
      /** The value was opened with a quote, which the replaced range starts after. */
      quoted: boolean;
      keyResult?: KeyResult;
      objective?: Objective;
    }
  | { type: 'none' };

const KIND_OF_SEQUENCE: Record<string, MapKind> = { objectives: 'objective', key_results: 'keyResult', checkins: 'checkin' };

interface LineShape {
  indent: number;
  dash: boolean;
  /** Column where the content after `- ` starts (or indent when no dash). */
  keyColumn: number;
  key?: string;
  /** Column right after the colon, when the line is `key:`. */
  afterColon?: number;
  comment: boolean;
  blank: boolean;
}

function shapeOf(line: string): LineShape {
  const indent = line.length - line.trimStart().length;
  const rest = line.slice(indent);
  const blank = rest.trim() === '';
  const comment = rest.startsWith('#');
  const dashMatch = /^-(\s+|$)/.exec(rest);
  const dash = Boolean(dashMatch);
  const keyColumn = dash ? indent + dashMatch![0].length : indent;
  const content = line.slice(keyColumn);
  const keyMatch = /^("[^"]*"|'[^']*'|[^\s:#'"{[][^:#]*?)\s*:(\s|$)/.exec(content);
  const out: LineShape = { indent, dash, keyColumn, comment, blank };
  if (keyMatch && !comment) {
    out.key = keyMatch[1]!.replace(/^["']|["']$/g, '');
    out.afterColon = keyColumn + keyMatch[0].replace(/\s$/, '').length;
  }
  return out;
}

/** The map kind for keys at `column`, from the indentation structure of the lines above `line`. */
function mapKindAt(lineText: (n: number) => string, line: number, column: number): MapKind | undefined {
  if (column === 0) return 'file';
  for (let n = line - 1; n >= 0; n--) {
    const s = shapeOf(lineText(n));
    if (s.blank || s.comment) continue;
    if (s.dash && s.keyColumn === column) {
      const seq = sequenceOf(lineText, n, s.indent);
      return seq ? KIND_OF_SEQUENCE[seq] : undefined;
    }
    if (s.indent >= column) continue; // a sibling key or nested content
    return !s.dash && s.key === 'period' ? 'period' : undefined;
  }
  return undefined;
}

export function lineContext(doc: OkrDocument, position: Position): LineContext {
  // Lines read from the text as held: an edited version's is not made one string for a completion.
  const text = doc.lines.textSource;
  const { start: ls, end: le } = doc.lines.lineBounds(position.line);
  const line = text.slice(ls, le);
  const lineText = (n: number) => {
    const b = doc.lines.lineBounds(n);
    return text.slice(b.start, b.end);
  };
  const ch = Math.min(position.character, line.length);
  const before = line.slice(0, ch);
  // In a comment: nothing to complete (`- #12` is how a link starts before it gets quoted).
  if (/(^|\s)#/.test(before.replace(/"[^"]*"|'[^']*'/g, '""')) && !/^\s*-\s+#\d*$/.test(before)) return { type: 'none' };
  const shape = shapeOf(line);
  const offset = doc.lines.offsetAt(position);
  const { objective, keyResult, chain } = mapChain(doc, offset);

  // `key: value|`
  if (shape.key !== undefined && shape.afterColon !== undefined && ch >= shape.afterColon) {
    const valueText = line.slice(shape.afterColon, ch);
    const lead = valueText.length - valueText.trimStart().length;
    const prefixStart = shape.afterColon + lead;
    let prefix = line.slice(prefixStart, ch);
    let replaceStart = prefixStart;
    const quoted = prefix.startsWith('"') || prefix.startsWith("'");
    if (quoted) {
      prefix = prefix.slice(1);
      replaceStart++;
    }
    const end = replaceEnd(line, ch);
    const seqKey = shape.dash ? sequenceOf(lineText, position.line, shape.indent) : undefined;
    const mapKind = shape.dash ? (seqKey ? KIND_OF_SEQUENCE[seqKey] : undefined) : mapKindAt(lineText, position.line, shape.keyColumn);
    return {
      type: 'value',
      mapKind,
      key: shape.key,
      prefix,
      replace: { start: { line: position.line, character: replaceStart }, end: { line: position.line, character: end } },
      listItem: false,
      quoted,
      keyResult: mapKind === 'keyResult' || mapKind === 'checkin' ? keyResult : undefined,
      objective: mapKind === 'objective' || mapKind === 'keyResult' || mapKind === 'checkin' ? objective : undefined,
    };
  }

  // `- value|` in a sequence of scalars (links) or `- ` starting a new map item.
  if (shape.dash && ch >= shape.keyColumn) {
    const seq = sequenceOf(lineText, position.line, shape.indent);
    if (seq !== undefined && !KIND_OF_SEQUENCE[seq]) {
      let start = shape.keyColumn;
      const quoted = line[start] === '"' || line[start] === "'";
      if (quoted) start++;
      return {
        type: 'value',
        mapKind: seq === 'links' ? 'keyResult' : undefined,
        key: seq,
        prefix: line.slice(start, ch),
        replace: { start: { line: position.line, character: start }, end: { line: position.line, character: replaceEnd(line, ch) } },
        listItem: true,
        quoted,
        keyResult,
        objective,
      };
    }
    const sameLineItem = chain.find((c) => doc.lines.positionAt(c.node.start).line === position.line);
    return {
      type: 'key',
      mapKind: seq ? KIND_OF_SEQUENCE[seq] : undefined,
      present: new Set(sameLineItem ? [...sameLineItem.node.fields.keys()].filter((k) => !onLine(doc, sameLineItem.node.fields.get(k)!, position.line)) : []),
      replace: { start: { line: position.line, character: shape.keyColumn }, end: { line: position.line, character: keyEnd(line, shape.keyColumn, ch) } },
      column: shape.keyColumn,
      newItem: !sameLineItem,
      sequence: seq,
      keyResult: seq === 'key_results' && sameLineItem ? keyResult : undefined,
      objective,
    };
  }

  // A key being typed (or an empty line): its column decides which map it belongs to.
  const column = shape.blank ? ch : shape.keyColumn;
  if (!shape.blank && ch < shape.keyColumn) return { type: 'none' };
  const mapKind = mapKindAt(lineText, position.line, column);
  const holder = [...chain].reverse().find((c) => c.node.indent === column && c.kind === mapKind);
  const present = new Set<string>();
  if (holder) for (const [k, f] of holder.node.fields) if (!onLine(doc, f, position.line)) present.add(k);
  return {
    type: 'key',
    mapKind,
    present,
    replace: { start: { line: position.line, character: column }, end: { line: position.line, character: keyEnd(line, column, ch) } },
    column,
    newItem: false,
    keyResult: mapKind === 'keyResult' || mapKind === 'checkin' ? keyResult : undefined,
    objective,
  };
}

/** The key of the sequence that a `- ` item at `dashColumn` belongs to. */
function sequenceOf(lineText: (n: number) => string, line: number, dashColumn: number): string | undefined {
  for (let n = line - 1; n >= 0; n--) {
    const s = shapeOf(lineText(n));
    if (s.blank || s.comment) continue;
    if (s.indent > dashColumn || (s.indent === dashColumn && s.dash)) continue; // content of earlier items, or a sibling
    return s.key;
  }
  return undefined;
}

function onLine(doc: OkrDocument, f: Field, line: number): boolean {
  return f.keyRange.start.line === line && doc.lines.offsetAt(f.keyRange.start) >= 0;
}

function keyEnd(line: string, from: number, ch: number): number {
  let e = Math.max(from, ch);
  while (e < line.length && /[\w$-]/.test(line[e]!)) e++;
  return e;
}

function replaceEnd(line: string, ch: number): number {
  let e = ch;
  while (e < line.length && !/[\s,}\]"']/.test(line[e]!)) e++;
  return e;
}
