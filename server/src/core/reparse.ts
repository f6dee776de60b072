// Incremental re-parse: an edit inside one objective of a large file parses only that objective.
//
// The new text is the old one with one region replaced (common prefix and suffix). When that region
// lies inside one item of the top-level block list `objectives`, the item's lines are parsed as a
// standalone YAML document and their nodes shifted to the item's offset. The model is the previous
// one with that objective replaced: the objectives before it are reused as they are, those after it
// are views of their previous models moved by the edit's characters (and lines), built when read
// (moved-objective.ts). The new text itself may be the old one and the edited region, not one string
// yet (edited-text.ts): only the item's lines are read. The AST is spliced only when a reader asks for it
// (`doc.yaml` is lazy): typing in a large file never copies it. Every condition under which the
// standalone parse could differ from a full parse falls back to `parseOkrDocument`; the property test
// (test/unit/reparse.test.ts) checks both paths give the same document.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from './positions';
import { wholeText, type TextSource } from './edited-text';
import { readBlockList } from './block-reader';
import type { OkrDocument } from './model';
import { movedObjective } from './moved-objective';
import { ANCHOR_OR_ALIAS, endsWithEmptyValue, findSuppressions, layoutOnDemand, moveMapNode, objectiveModel, parseOkrDocument, rebindValue, setObjectiveNode, shiftAll, treeInMemory, treeOnDemand } from './parse';

/** How the last re-parses went (tests assert the fast path is taken; the bench may print it). */
export const reparseStats = { incremental: 0, full: 0, lastFallback: '' };

/**
 * How a re-parsed document derives from its previous version: the objective (index in the
 * `objectives` list, the same in both) that was parsed again, and how many lines the edit added
 * (negative: removed) after it. The analysis reuses the previous version's results for the others.
 */
export interface Derivation {
  previous: WeakRef<OkrDocument>;
  objective: number;
  lineDelta: number;
}

const derivations = new WeakMap<OkrDocument, Derivation>();

/** How `doc` was derived from its previous version, when reparseOkrDocument took the fast path. */
export function derivationOf(doc: OkrDocument): Derivation | undefined {
  return derivations.get(doc);
}

/**
 * The AST of a version made by the fast path, not spliced yet: a base AST (the last one built in
 * full) and, per item of its `objectives` list, the node that holds it now and by how much all of
 * its offsets have moved since the base. Everything after the list has moved by `total`.
 */
interface Pending {
  base: Document.Parsed;
  pairIndex: number;
  items: Array<{ node: unknown; shift: number }>;
  total: number;
}

const pendingAst = new WeakMap<OkrDocument, Pending>();

/** Documents known to hold no anchors or aliases (an alias could reach into the edited item). */
const noAnchors = new WeakSet<Document.Parsed>();

/**
 * `edit`, when the editor said what changed since `previous` (one region), saves comparing the texts.
 */
export function reparseOkrDocument(previous: OkrDocument, text: TextSource, version: number, edit?: TextEdit): OkrDocument {
  const out = tryIncremental(previous, text, version, edit);
  if (typeof out === 'string') {
    reparseStats.full++;
    reparseStats.lastFallback = out;
    return parseOkrDocument(wholeText(text), previous.uri, version);
  }
  reparseStats.incremental++;
  return out;
}

/** The re-parsed document, or why the fast path does not apply. */
function tryIncremental(previous: OkrDocument, text: TextSource, version: number, edit?: TextEdit): OkrDocument | string {
  // The texts as held: an edit's text is read a few characters at a time, not made one string
  // (edited-text.ts); the model's lines hold the very text the model was made from.
  const old = previous.lines.textSource;
  if (old === text || (typeof old === 'string' && typeof text === 'string' && old === text)) return 'no change';
  // A version made by the fast path passed every check below already (edits since kept them true).
  let structure = pendingAst.get(previous);
  // A version whose AST is not in memory (a file opened after the workspace scan let go of its tree,
  // or a version made in this mode) and whose layout is simple: the model has every offset the fast
  // path needs, and the AST of the new version is parsed only if a reader asks. Reading the previous
  // AST here parsed the whole file again on the first keystroke (seconds, and the peak memory, in a
  // file of thousands of objectives).
  const fromModel = !structure && previous.simpleLayout === true && !treeInMemory(previous);
  if (!structure && !fromModel) {
    const yaml = previous.yaml;
    const oldText = wholeText(old);
    if (oldText.startsWith('%') || oldText.includes('\n%')) return 'directives';
    const root = yaml.contents as Node | null;
    if (!isMap(root) || root.flow) return 'the document is not a block map';
    const pairIndex = (root.items as Pair[]).findIndex((p) => isScalar(p.key) && p.key.value === 'objectives');
    if (pairIndex < 0) return 'no objectives';
    const seq = (root.items[pairIndex] as Pair).value as Node | null;
    if (!isSeq(seq) || seq.flow || !seq.range) return 'objectives is not a block list';
    if (!hasNoAnchors(yaml, oldText)) return 'anchors or aliases';
    structure = { base: yaml, pairIndex, items: (seq.items as unknown[]).map((node) => ({ node, shift: 0 })), total: 0 };
  }

  // The changed region: old[start, oldEnd) became text[start, newEnd): as the editor said (`edit`),
  // when it agrees with the texts around it, else found by comparing them.
  const region =
    edit && (madeBy(text, old, edit) || editAgrees(old, text, edit)) ? edit : changedRegion(wholeText(old), wholeText(text));
  const { start, oldEnd, newEnd } = region;
  const delta = text.length - old.length;

  // The item whose lines hold the change: from the start of its `- ` line to the end of its map.
  // Its extent and index in the list, from the AST (with the shift it moved by) or from the model.
  const spans: Array<{ index: number; start: number; end: number; flow: boolean }> = structure
    ? structure.items.flatMap(({ node, shift }, i) => (isMap(node) && node.range ? [{ index: i, start: node.range[0] + shift, end: node.range[1] + shift, flow: Boolean(node.flow) }] : []))
    : previous.objectives.map((o) => ({ index: o.index, start: o.node.start, end: o.node.end, flow: o.node.flow }));
  let index = -1;
  let lineStart = 0;
  let dash = 0;
  let oldItemEnd = 0;
  let oldFlow = false;
  for (const span of spans) {
    const bounds = itemBounds(old, span.start);
    if (!bounds) continue;
    if (bounds.lineStart > start) break;
    if (oldEnd <= span.end) {
      index = span.index;
      lineStart = bounds.lineStart;
      dash = bounds.dash;
      oldItemEnd = span.end;
      oldFlow = span.flow;
      break;
    }
  }
  if (index < 0) return 'the change is not inside one objective';
  const oldItem = structure ? (structure.items[index]!.node as YAMLMap) : undefined;
  // YAML problems of the previous version are fine only inside the item being replaced (typing a key
  // goes through such versions); anywhere else they could have changed how the rest was read. (A
  // simple layout has none.)
  if (!pendingAst.has(previous) && !fromModel) {
    for (const e of [...previous.yaml.errors, ...previous.yaml.warnings]) {
      if (e.pos[0] < lineStart || e.pos[1] > oldItemEnd || e.pos[0] >= oldItemEnd) return 'the previous version has YAML problems outside the objective';
    }
  }
  if (oldFlow) return 'flow-style objective';
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

  // Plain block YAML is read in one pass at its offsets in the text (block-reader.ts); anything else
  // is parsed by the yaml package as a document of its own, then moved to where it is. A text not
  // held as one string is read from the item's own text, and moved the same way.
  const inPlace = typeof text === 'string';
  const read = inPlace ? readBlockList(text, lineStart, chunkEnd) : readBlockList(chunk, 0, chunk.length);
  let partSeq: Node | null = read ?? null;
  const at = read && inPlace ? lineStart : 0;
  if (!read) {
    const part = parseDocument(chunk, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
    if (part.errors.length || part.warnings.length) return 'the objective has YAML problems';
    if (part.comment || part.commentBefore || part.directives?.docStart) return 'comments or markers outside the objective';
    if (!hasNoAnchors(part, chunk)) return 'anchors or aliases in the objective';
    partSeq = part.contents as Node | null;
  }
  if (!isSeq(partSeq) || partSeq.flow || partSeq.items.length !== 1 || partSeq.comment || partSeq.commentBefore || partSeq.anchor || partSeq.tag) {
    return 'the objective is no longer one list item';
  }
  if (!partSeq.range || partSeq.range[0] !== at + dashCol) return 'the list item moved';
  const newItem = partSeq.items[0] as Node | null;
  if (!isMap(newItem) || newItem.flow || !newItem.range) return 'the objective is no longer a block map';
  if (newItem.range[1] !== at + chunk.length || newItem.range[2] !== at + chunk.length) return 'the objective does not end where its text does';
  if (endsWithEmptyValue(newItem)) return 'the objective ends with a key that has no value';

  // The new item at its place; every item after it moves by the delta (when the AST is asked for).
  if (!read || !inPlace) shiftAll(newItem, 0, lineStart);
  if (oldItem?.commentBefore !== undefined) newItem.commentBefore = oldItem.commentBefore;
  if (oldItem?.spaceBefore !== undefined) newItem.spaceBefore = oldItem.spaceBefore;
  const pending: Pending | undefined = structure && {
    base: structure.base,
    pairIndex: structure.pairIndex,
    items: structure.items.map((it, i) => (i < index ? it : i === index ? { node: newItem, shift: 0 } : { node: it.node, shift: it.shift + delta })),
    total: structure.total + delta,
  };

  const lines = LineIndex.afterEdit(previous.lines, text, start, oldEnd, newEnd);
  const from = oldItemEnd;
  const lineDelta = lines.lineCount - previous.lines.lineCount;
  const doc: OkrDocument = {
    uri: previous.uri,
    version,
    text: '',
    lines,
    yaml: undefined as unknown as Document.Parsed,
    yamlErrors: [],
    yamlWarnings: [],
    objectives: [],
    suppressions: suppressionsAfter(previous, text, chunk),
  };
  // The whole text is made one string when first read (the lines hold it, see LineIndex.text).
  if (typeof text === 'string') doc.text = text;
  else Object.defineProperty(doc, 'text', { enumerable: true, configurable: true, get: () => lines.text });
  if (pending) lazyAst(doc, pending);
  else treeOnDemand(doc);
  // Still simple: the fast path admits no YAML problem, flow style or anchor in the new item.
  if (previous.simpleLayout) doc.simpleLayout = !ANCHOR_OR_ALIAS.test(chunk);
  else layoutOnDemand(doc);
  if (previous.root) {
    doc.root = moveMapNode(previous.root, lines, from, delta);
    // The list's value as data is read again from the new AST, if ever.
    rebindValue(doc.root, 'objectives', { document: () => doc.yaml });
  }
  if (previous.periodField) {
    doc.periodField = doc.root?.fields.get('period');
    doc.period = previous.period;
  }
  doc.team = previous.team;
  doc.owner = previous.owner;
  doc.alignsTo = previous.alignsTo;
  doc.objectivesField = doc.root?.fields.get('objectives');
  const objective = objectiveModel(newItem, index, doc, lines);
  setObjectiveNode(objective, newItem);
  // The edited item was a block map before (so it had a model) and still is.
  // Those after it moved as a whole: views of their previous models, built when read (moved-objective.ts).
  doc.objectives = previous.objectives.map((o) => (o.index < index ? o : o.index === index ? objective : movedObjective(o, lines, delta, lineDelta)));
  derivations.set(doc, { previous: new WeakRef(previous), objective: index, lineDelta });
  return doc;
}

/** `doc.yaml` built on first read from the pending splice, then kept. */
function lazyAst(doc: OkrDocument, pending: Pending): void {
  pendingAst.set(doc, pending);
  Object.defineProperty(doc, 'yaml', {
    enumerable: true,
    configurable: true,
    get: () => {
      const yaml = splice(pending);
      Object.defineProperty(doc, 'yaml', { value: yaml, enumerable: true, configurable: true, writable: true });
      return yaml;
    },
  });
}

/** The AST of a pending version: the base with its items replaced and moved. */
function splice(p: Pending): Document.Parsed {
  const root = p.base.contents as YAMLMap;
  const pair = root.items[p.pairIndex] as Pair;
  const seq = pair.value as YAMLSeq;
  const newSeq = shallow(seq);
  newSeq.items = p.items.map((it) => (it.shift === 0 ? it.node : cloneShifted(it.node, 0, it.shift))) as YAMLSeq['items'];
  // The list starts before every edit and ends after all of them.
  newSeq.range = [seq.range![0], seq.range![1] + p.total, seq.range![2] + p.total];
  const newPair = shallow(pair);
  newPair.value = newSeq;
  const newRoot = shallow(root);
  newRoot.items = (root.items as Pair[]).map((q, i) => (i < p.pairIndex ? q : i === p.pairIndex ? newPair : cloneShifted(q, 0, p.total))) as YAMLMap['items'];
  newRoot.range = [root.range![0], root.range![1] + p.total, root.range![2] + p.total];
  const newDoc = shallow(p.base);
  newDoc.contents = newRoot as Document.Parsed['contents'];
  if (p.base.range) newDoc.range = [p.base.range[0], p.base.range[1] + p.total, p.base.range[2] + p.total];
  newDoc.errors = [];
  newDoc.warnings = [];
  noAnchors.add(newDoc);
  return newDoc;
}

/**
 * The suppression comments of the new text. Only the item's lines changed, and they start and end
 * lines: when the previous text had none, the new one has only those in the item (none without the
 * comment's name). Otherwise the whole text is searched again.
 */
function suppressionsAfter(previous: OkrDocument, text: TextSource, chunk: string): Map<number, Set<string>> {
  if (previous.suppressions.size === 0 && !chunk.includes(SUPPRESSION_NAME)) return new Map();
  return findSuppressions(wholeText(text));
}

const SUPPRESSION_NAME = 'okr-disable-next-line';

/** Whether `text` is `old` with exactly the region `e` replaced, by construction (an editor's text, see EditedText). */
function madeBy(text: TextSource, old: TextSource, e: TextEdit): boolean {
  return typeof text !== 'string' && text.madeFrom(old, e.start, e.oldEnd, e.newEnd);
}

/** The `- ` of a list item holding a block map (whose map starts at `mapStart`): its offset and the start of its line. */
function itemBounds(text: TextSource, mapStart: number): { lineStart: number; dash: number } | undefined {
  let i = mapStart - 1;
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
function following(text: TextSource, from: number, dashCol: number): 'empty' | 'blank' | undefined {
  let pos = from;
  let blank = false;
  while (pos < text.length) {
    const nl = lineEnd(text, pos);
    const line = text.slice(pos, nl);
    if (/[\t\r]/.test(line)) return undefined;
    const body = line.trim();
    if (body !== '') return line.length - line.trimStart().length <= dashCol && !body.startsWith('#') ? (blank ? 'blank' : 'empty') : undefined;
    blank = true;
    pos = nl + 1;
  }
  return blank ? 'blank' : 'empty';
}

/** The offset of the line break ending the line at `pos` (the text's length on the last line). */
function lineEnd(text: TextSource, pos: number): number {
  if (typeof text === 'string') {
    const nl = text.indexOf('\n', pos);
    return nl < 0 ? text.length : nl;
  }
  let i = pos;
  while (i < text.length && text.charCodeAt(i) !== 10) i++;
  return i;
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

/**
 * Where `text` differs from `old`: old[start, oldEnd) became text[start, newEnd). Compared a block at
 * a time (a block's comparison is a memory compare), then character by character in the block that differs.
 */
function changedRegion(old: string, text: string): TextEdit {
  let start = 0;
  const min = Math.min(old.length, text.length);
  for (const block of [65536, 4096, 256]) {
    while (start + block <= min && old.slice(start, start + block) === text.slice(start, start + block)) start += block;
  }
  while (start < min && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  for (const block of [65536, 4096, 256]) {
    while (oldEnd - block >= start && newEnd - block >= start && old.slice(oldEnd - block, oldEnd) === text.slice(newEnd - block, newEnd)) {
      oldEnd -= block;
      newEnd -= block;
    }
  }
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/**
 * Whether the editor's account of the change fits the two texts: the lengths, and the text just
 * around the region the same in both (a cheap check against a stale account; comparing all of a
 * large text cost milliseconds per keystroke).
 */
function editAgrees(old: TextSource, text: TextSource, e: TextEdit): boolean {
  const AROUND = 64;
  if (e.start < 0 || e.oldEnd < e.start || e.newEnd < e.start || e.oldEnd > old.length || e.newEnd > text.length) return false;
  if (text.length - old.length !== e.newEnd - e.oldEnd) return false;
  const before = Math.max(0, e.start - AROUND);
  if (old.slice(before, e.start) !== text.slice(before, e.start)) return false;
  return old.slice(e.oldEnd, e.oldEnd + AROUND) === text.slice(e.newEnd, e.newEnd + AROUND);
}

/** One replaced region: old[start, oldEnd) became new[start, newEnd). */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}
