// Incremental re-parse: an edit inside one objective of a large file parses only that objective.
//
// The new text is the old one with one region replaced (common prefix and suffix). When that region
// lies inside one item of the top-level block list `objectives`, the item's lines are parsed as a
// standalone YAML document, their nodes are shifted to the item's offset and spliced into a copy of
// the previous AST (everything after the item shifted by the length delta), and the model is rebuilt
// from it: the objectives before the item are reused as they are. Every condition under which the
// standalone parse could differ from a full parse falls back to `parseOkrDocument`; the property test
// (test/unit/reparse.test.ts) checks both paths give the same document.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from './positions';
import type { OkrDocument } from './model';
import { buildOkrDocument, parseOkrDocument } from './parse';

/** How the last re-parses went (tests assert the fast path is taken; the bench may print it). */
export const reparseStats = { incremental: 0, full: 0, lastFallback: '' };

/** Documents known to hold no anchors or aliases (an alias could reach into the edited item). */
const noAnchors = new WeakSet<Document.Parsed>();

export function reparseOkrDocument(previous: OkrDocument, text: string, version: number): OkrDocument {
  const out = tryIncremental(previous, text, version);
  if (typeof out === 'string') {
    reparseStats.full++;
    reparseStats.lastFallback = out;
    return parseOkrDocument(text, previous.uri, version);
  }
  reparseStats.incremental++;
  return out;
}

/** The re-parsed document, or why the fast path does not apply. */
function tryIncremental(previous: OkrDocument, text: string, version: number): OkrDocument | string {
  const old = previous.text;
  if (old === text) return 'no change';
  const yaml = previous.yaml;
  if (old.startsWith('%') || old.includes('\n%')) return 'directives';
  const root = yaml.contents as Node | null;
  if (!isMap(root) || root.flow) return 'the document is not a block map';
  const pairIndex = (root.items as Pair[]).findIndex((p) => isScalar(p.key) && p.key.value === 'objectives');
  if (pairIndex < 0) return 'no objectives';
  const pair = root.items[pairIndex] as Pair;
  const seq = pair.value as Node | null;
  if (!isSeq(seq) || seq.flow || !seq.range) return 'objectives is not a block list';
  if (!hasNoAnchors(yaml, old)) return 'anchors or aliases';

  // The changed region: old[start, oldEnd) became text[start, newEnd).
  let start = 0;
  const min = Math.min(old.length, text.length);
  while (start < min && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const delta = text.length - old.length;

  // The item whose lines hold the change: from the start of its `- ` line to the end of its map.
  const items = seq.items as unknown[];
  let index = -1;
  let lineStart = 0;
  let dash = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isMap(item) || !item.range) continue;
    const bounds = itemBounds(old, item);
    if (!bounds) continue;
    if (bounds.lineStart > start) break;
    if (oldEnd <= item.range[1]) {
      index = i;
      lineStart = bounds.lineStart;
      dash = bounds.dash;
      break;
    }
  }
  if (index < 0) return 'the change is not inside one objective';
  const oldItem = items[index] as YAMLMap;
  // YAML problems of the previous version are fine only inside the item being replaced (typing a key
  // goes through such versions); anywhere else they could have changed how the rest was read.
  for (const e of [...yaml.errors, ...yaml.warnings]) {
    if (e.pos[0] < lineStart || e.pos[1] > oldItem.range![1] || e.pos[0] >= oldItem.range![1]) return 'the previous version has YAML problems outside the objective';
  }
  const oldItemEnd = oldItem.range![1];
  if (oldItem.flow) return 'flow-style objective';
  if (!(oldItemEnd === old.length || old.charCodeAt(oldItemEnd - 1) === 10)) return 'the objective does not end a line';
  const dashCol = dash - lineStart;
  const after = following(old, oldItemEnd, dashCol);
  if (!after) return 'comments or deeper lines follow the objective';

  // The new item's text, checked line by line: nothing that could read differently in context.
  const chunkEnd = oldItemEnd + delta;
  const chunk = text.slice(lineStart, chunkEnd);
  if (!(chunkEnd === text.length || chunk.endsWith('\n'))) return 'the objective no longer ends a line';
  if (/[\t\r\uFEFF]/.test(chunk)) return 'tabs, carriage returns or a byte order mark';
  if (!linesInside(chunk, dashCol)) return 'a line of the objective is not indented inside it, or it ends with a comment';
  if (after === 'blank' && /[|>]/.test(chunk)) return 'a block scalar may take in the blank lines after the objective';

  const part = parseDocument(chunk, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  if (part.errors.length || part.warnings.length) return 'the objective has YAML problems';
  if (part.comment || part.commentBefore || part.directives?.docStart) return 'comments or markers outside the objective';
  const partSeq = part.contents as Node | null;
  if (!isSeq(partSeq) || partSeq.flow || partSeq.items.length !== 1 || partSeq.comment || partSeq.commentBefore || partSeq.anchor || partSeq.tag) {
    return 'the objective is no longer one list item';
  }
  if (!partSeq.range || partSeq.range[0] !== dashCol) return 'the list item moved';
  const newItem = partSeq.items[0] as Node | null;
  if (!isMap(newItem) || newItem.flow || !newItem.range) return 'the objective is no longer a block map';
  if (newItem.range[1] !== chunk.length || newItem.range[2] !== chunk.length) return 'the objective does not end where its text does';
  if (!hasNoAnchors(part, chunk)) return 'anchors or aliases in the objective';

  // Splice: the new item shifted to its place, everything after it shifted by the delta.
  shiftAll(newItem, 0, lineStart);
  if (oldItem.commentBefore !== undefined) newItem.commentBefore = oldItem.commentBefore;
  if (oldItem.spaceBefore !== undefined) newItem.spaceBefore = oldItem.spaceBefore;
  const from = oldItemEnd;
  const newSeq = shallow(seq);
  newSeq.items = items.map((it, i) => (i < index ? it : i === index ? newItem : cloneShifted(it, from, delta))) as YAMLSeq['items'];
  newSeq.range = shiftRange(seq.range, from, delta);
  const newPair = shallow(pair);
  newPair.value = newSeq;
  const newRoot = shallow(root);
  newRoot.items = (root.items as Pair[]).map((p, i) => (i < pairIndex ? p : i === pairIndex ? newPair : cloneShifted(p, from, delta))) as YAMLMap['items'];
  newRoot.range = shiftRange(root.range!, from, delta);
  const newDoc = shallow(yaml);
  newDoc.contents = newRoot as Document.Parsed["contents"];
  if (yaml.range) newDoc.range = shiftRange(yaml.range, from, delta);
  newDoc.errors = [];
  newDoc.warnings = [];
  noAnchors.add(newDoc);

  const lines = new LineIndex(text);
  return buildOkrDocument(text, previous.uri, version, lines, newDoc, [], [], { objectives: previous.objectives, before: index });
}

/** The `- ` of a list item holding a block map: its offset and the start of its line. */
function itemBounds(text: string, item: YAMLMap): { lineStart: number; dash: number } | undefined {
  let i = item.range![0] - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i < 0 || text.charCodeAt(i) !== 45 /* - */) return undefined;
  const dash = i;
  i--;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  if (i >= 0 && text.charCodeAt(i) !== 10) return undefined;
  return { lineStart: i + 1, dash };
}

/**
 * What follows the item up to the next line with content (the next item, or a top-level key, no
 * deeper than the dash; or the end): 'empty', 'blank' (blank lines only) or undefined when it holds
 * comments or deeper lines. A full parse may attach such comments to a collection inside the item,
 * depending on what the item holds, and a block scalar kept with `|+` may take in the blank lines.
 */
function following(text: string, from: number, dashCol: number): 'empty' | 'blank' | undefined {
  let pos = from;
  let blank = false;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl);
    if (/[\t\r]/.test(line)) return undefined;
    const body = line.trim();
    if (body !== '') return line.length - line.trimStart().length <= dashCol && !body.startsWith('#') ? (blank ? 'blank' : 'empty') : undefined;
    blank = true;
    pos = nl + 1;
  }
  return blank ? 'blank' : 'empty';
}

/** Every non-blank line after the first is indented deeper than the dash (so no document markers), and the last is not a comment. */
function linesInside(chunk: string, dashCol: number): boolean {
  const first = chunk.indexOf('\n');
  const head = first < 0 ? chunk : chunk.slice(0, first);
  if (!/^ *-( |$)/.test(head) || head.indexOf('-') !== dashCol) return false;
  if (first < 0) return true;
  let pos = first + 1;
  let lastIsComment = false;
  while (pos < chunk.length) {
    let nl = chunk.indexOf('\n', pos);
    if (nl < 0) nl = chunk.length;
    let indent = 0;
    while (pos + indent < nl && chunk.charCodeAt(pos + indent) === 32) indent++;
    if (pos + indent < nl) {
      if (indent <= dashCol) return false;
      lastIsComment = chunk.charCodeAt(pos + indent) === 35; /* # */
    }
    pos = nl + 1;
  }
  // A comment on the last line may belong to what follows in a full parse.
  return !lastIsComment;
}

function hasNoAnchors(doc: Document.Parsed, text: string): boolean {
  if (noAnchors.has(doc)) return true;
  let found = false;
  if (text.includes('&') || text.includes('*')) {
    visit(doc, {
      Alias: () => {
        found = true;
        return visit.BREAK;
      },
      Node: (_, node) => {
        if ((node as Node).anchor) {
          found = true;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  if (!found) noAnchors.add(doc);
  return !found;
}

const NODE_TYPE = Symbol.for('yaml.node.type');
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * A shallow copy of a node, pair or document: same prototype and fields. What the yaml package's
 * clone() does, without Object.getOwnPropertyDescriptors (ten times slower, and this copies every
 * node after the edit). The non-enumerable fields are its type tag and a collection's schema.
 */
function shallow<T extends object>(node: T): T {
  const copy = Object.create(Object.getPrototypeOf(node) as object) as Record<string | symbol, unknown>;
  const from = node as Record<string | symbol, unknown>;
  Object.defineProperty(copy, NODE_TYPE, { value: from[NODE_TYPE] });
  if (hasOwn.call(node, 'schema')) Object.defineProperty(copy, 'schema', { value: from['schema'], configurable: true, enumerable: false, writable: true });
  for (const k of Object.keys(node)) copy[k] = from[k];
  return copy as T;
}

function shiftRange<R extends number[]>(range: R, from: number, delta: number): R {
  return range.map((x) => (x >= from ? x + delta : x)) as R;
}

/** A deep copy with every offset at or after `from` moved by `delta`. */
function cloneShifted(node: unknown, from: number, delta: number): unknown {
  if (isPair(node)) {
    const copy = shallow(node);
    copy.key = cloneShifted(node.key, from, delta);
    copy.value = cloneShifted(node.value, from, delta);
    return copy;
  }
  if (isScalar(node) || isAlias(node)) {
    const copy = shallow(node);
    if (node.range) copy.range = shiftRange(node.range, from, delta);
    return copy;
  }
  if (isMap(node) || isSeq(node)) {
    const copy = shallow(node);
    if (node.range) copy.range = shiftRange(node.range, from, delta);
    copy.items = (node.items as unknown[]).map((it) => cloneShifted(it, from, delta)) as typeof copy.items;
    return copy;
  }
  return node;
}

/** Moves every offset at or after `from` by `delta`, in place (for the freshly parsed item only). */
function shiftAll(node: unknown, from: number, delta: number): void {
  if (isPair(node)) {
    shiftAll(node.key, from, delta);
    shiftAll(node.value, from, delta);
    return;
  }
  if (isScalar(node) || isAlias(node) || isMap(node) || isSeq(node)) {
    if (node.range) node.range = shiftRange(node.range, from, delta);
    if (isMap(node) || isSeq(node)) for (const it of node.items as unknown[]) shiftAll(it, from, delta);
  }
}
