// Text -> OkrDocument. Lenient by design: broken input is not an error, it yields a model of what
// could be read plus YAML problems; the `schema` rule reports everything else. Never throws.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { LineIndex, type Range } from './positions';
import type { Checkin, Field, ItemState, KeyResult, KrKind, Link, MapNode, Objective, OkrDocument, RollupMode, YamlProblem } from './model';
import { parsePeriod } from './period';
import { ANCHOR_OR_ALIAS, chunkLayout } from './chunk-layout';
import { readBlockList } from './block-reader';

// logLevel 'error': the yaml package would print some problems (a map used as a key) as Node.js
// process warnings on the terminal; the schema rule reports them on the file instead.
function parseYaml(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
}

/** Files from this size are parsed an objective at a time when their layout allows (see parseInChunks). */
const CHUNKED_FROM_BYTES = 256 * 1024;
/** How much of the list parseInChunks parses as one document (at least one item). */
const PART_BYTES = 32 * 1024;

/** What a host hears of a parse while it runs. */
export interface ParseHooks {
  /**
   * Each objective's model as soon as it is built: a large file's first objectives while the rest is
   * still being read (a host can start work on them elsewhere, see node/quality-pool.ts). An objective
   * may be heard of twice when a parse in chunks gives way to a whole parse.
   */
  objective?(o: Objective): void;
}

export function parseOkrDocument(text: string, uri: string, version = 0, hooks?: ParseHooks): OkrDocument {
  if (text.length >= CHUNKED_FROM_BYTES) {
    const chunked = parseInChunks(text, uri, version, hooks);
    if (typeof chunked !== 'string') return chunked;
  }
  const doc = parseWhole(text, uri, version);
  if (hooks?.objective) for (const o of doc.objectives) hooks.objective(o);
  return doc;
}

/** The whole text as one YAML document (what parseInChunks is tested against). */
export function parseWhole(text: string, uri: string, version = 0): OkrDocument {
  const lines = new LineIndex(text);
  const yaml = parseYaml(text);
  const problem = (e: { message: string; pos: [number, number]; code: string }): YamlProblem => {
    return { message: cleanYamlMessage(e.message), range: problemRange(text, lines, e.pos), code: e.code };
  };
  return buildOkrDocument(text, uri, version, lines, yaml, yaml.errors.map(problem), yaml.warnings.map(problem));
}

/**
 * A large file parsed an objective at a time: the top level (the text without the list's lines, the
 * offsets after them moved back) and each item of `objectives` as a document of its own, its offsets moved to
 * where it is. The parts' trees are let go once their models are built, so the whole file's tree never
 * exists at once (it is parsed from the text if a reader asks, see treeOnDemand): a 4 MB file's tree
 * and the parser's tokens were most of the server's peak memory. Only the layout chunk-layout.ts
 * accepts, and only when no part has a YAML problem; otherwise the reason, and the caller parses the
 * whole text. test/unit/parse-chunks.test.ts holds the result equal to parseWhole's.
 */
export function parseInChunks(text: string, uri: string, version = 0, hooks?: ParseHooks): OkrDocument | string {
  const layout = chunkLayout(text);
  if (typeof layout === 'string') return layout;
  // The top level without the list's lines; what follows the list moved back to where it is.
  const top = parseYaml(text.slice(0, layout.listStart) + text.slice(layout.listEnd));
  if (top.errors.length || top.warnings.length) return 'the top level has YAML problems';
  const contents = top.contents as Node | null;
  shiftAll(contents, layout.listStart, layout.listEnd - layout.listStart);
  if (!isMap(contents) || contents.flow || !contents.range) return 'the document is not a block map';
  const pairs = contents.items as Pair[];
  if (!pairs.every((p) => isScalar(p.key))) return 'a top-level key that is not plain';
  const pair = findPair(contents, 'objectives');
  if (!pair || !isScalar(pair.key) || !pair.key.range || (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null))) return 'objectives is not the list it looked like';

  const lines = new LineIndex(text);
  const doc: OkrDocument = { uri, version, text, lines, yaml: undefined as unknown as Document.Parsed, yamlErrors: [], yamlWarnings: [], objectives: [], suppressions: findSuppressions(text) };
  treeOnDemand(doc);
  doc.simpleLayout = true;
  // The top level as parsed, but for `objectives` (set below, once the list's end is known): the
  // objectives' models read the file's owner and alignment from it.
  const skeletonRoot = mapNode(contents, lines);
  fillTopLevel(doc, skeletonRoot);

  // Items are parsed a few dozen kilobytes at a time: a document of its own per item cost more in the
  // yaml package's set-up per document than the parse saved. Each part's models are built before the
  // next part is read, and the models keep each objective's data, not its syntax tree: the trees die
  // young, where holding them all until the analysis made the collector copy and promote them (about
  // 30 MB for a 2 MB file, a sixth of opening it).
  let listEnd = 0;
  for (let first = 0; first < layout.items.length; ) {
    const start = layout.items[first]!.lineStart;
    let last = first;
    while (last + 1 < layout.items.length && layout.items[last + 1]!.end - start <= PART_BYTES) last++;
    const end = layout.items[last]!.end;
    // Most parts are plain block YAML that block-reader.ts reads in one pass, at their offsets already.
    const read = readBlockList(text, start, end);
    let seq: Node | null | undefined = read;
    if (!read) {
      const part = parseYaml(text.slice(start, end));
      if (part.errors.length || part.warnings.length) return 'an objective has YAML problems';
      seq = part.contents as Node | null;
    }
    if (!isSeq(seq) || seq.flow || seq.items.length !== last - first + 1 || seq.anchor || seq.tag) return 'the items are not list items';
    for (const item of seq.items as Array<Node | null>) {
      if (!isMap(item) || item.flow || !item.range) return 'an item is not a block map';
      if (endsWithEmptyValue(item)) return 'an item ends with a key that has no value';
      if (!read) shiftAll(item, 0, start);
      const data = plainData(item);
      const o = objectiveModel(item, doc.objectives.length, doc, lines, data);
      objectiveData.set(o, data);
      doc.objectives.push(o);
      hooks?.objective?.(o);
      listEnd = item.range[1];
    }
    first = last + 1;
  }

  // The top level's `objectives` is the list (where the whole parse has it, read as data from the
  // whole tree if ever asked), and a map it ends ends with the list.
  const fields = new Map<string, Field>();
  for (const [key, f] of skeletonRoot.fields) {
    if (key !== 'objectives') fields.set(key, f);
    else {
      const [ks, ke] = pair.key.range;
      const field = new OffsetField('objectives', lines, ks, ke, layout.items[0]!.dash, listEnd, null);
      field.rebind({ document: () => doc.yaml });
      fields.set(key, field);
    }
  }
  const root = new OffsetMapNode(fields, lines, skeletonRoot.start, Math.max(skeletonRoot.end, pairs[pairs.length - 1] === pair ? listEnd : 0), skeletonRoot.indent, false);
  fillTopLevel(doc, root);
  return doc;
}

/**
 * The model of a YAML Document already parsed from `text` (`reparse.ts` passes one spliced from an
 * edit). `reuse` hands over objective models that are unchanged, ranges included: those of the items
 * before index `before` of the `objectives` list.
 */
export function buildOkrDocument(
  text: string,
  uri: string,
  version: number,
  lines: LineIndex,
  yaml: Document.Parsed,
  yamlErrors: YamlProblem[],
  yamlWarnings: YamlProblem[],
  reuse?: { objectives: readonly Objective[]; before: number },
): OkrDocument {
  const doc: OkrDocument = {
    uri,
    version,
    text,
    lines,
    yaml,
    yamlErrors,
    yamlWarnings,
    objectives: [],
    suppressions: findSuppressions(text),
  };

  const contents = yaml.contents as Node | null;
  doc.simpleLayout = simpleLayout(text, yaml);
  if (!isMap(contents)) return doc;
  fillTopLevel(doc, mapNode(contents, lines));

  const objectivesPair = findPair(contents, 'objectives');
  if (objectivesPair && isSeq(objectivesPair.value)) {
    let reused = 0;
    objectivesPair.value.items.forEach((item, index) => {
      if (!isMap(item)) return;
      const old = reuse && index < reuse.before ? reuse.objectives[reused] : undefined;
      if (old && old.index === index) {
        reused++;
        doc.objectives.push(old);
      } else {
        const o = objectiveModel(item as YAMLMap, index, doc, lines);
        objectiveNodes.set(o, item as YAMLMap);
        doc.objectives.push(o);
      }
    });
  }
  return doc;
}

export { ANCHOR_OR_ALIAS };

/** See OkrDocument.simpleLayout: worked out once from the AST, while it is at hand. */
export function simpleLayout(text: string, yaml: Document.Parsed): boolean {
  if (yaml.errors.length > 0 || yaml.warnings.length > 0) return false;
  const root = yaml.contents as Node | null;
  if (!isMap(root) || root.flow) return false;
  const pairs = root.items as Pair[];
  if (!pairs.every((p) => isScalar(p.key))) return false;
  const seq = pairs.find((p) => isScalar(p.key) && p.key.value === 'objectives')?.value as Node | null | undefined;
  return (
    isSeq(seq) &&
    !seq.flow &&
    (seq.items as unknown[]).every((i) => isMap(i) && !i.flow) &&
    !text.startsWith('%') &&
    !text.includes('\n%') &&
    !ANCHOR_OR_ALIAS.test(text)
  );
}

/** The document's top-level map and what the model reads from it. */
function fillTopLevel(doc: OkrDocument, root: MapNode): void {
  doc.root = root;
  const periodField = root.fields.get('period');
  if (periodField) {
    doc.periodField = periodField;
    doc.period = parsePeriod(periodField.value);
  }
  doc.team = str(root.fields.get('team')?.value);
  doc.owner = str(root.fields.get('owner')?.value);
  doc.alignsTo = str(root.fields.get('aligns_to')?.value);
  doc.objectivesField = root.fields.get('objectives');
}

/**
 * Whether the last thing in `node` is a key or list item with no value written (`target:` at its
 * end). How far such an empty value and the map around it reach depends on the comments and blank
 * lines after it, and in a whole parse on where the next item starts: a part parsed on its own ends
 * elsewhere (found by the fuzzer), so re-parsing and parsing in parts leave such an item to a whole parse.
 */
export function endsWithEmptyValue(node: unknown): boolean {
  let n = node;
  for (;;) {
    if (isMap(n) || isSeq(n)) {
      const last = n.items[n.items.length - 1] as unknown;
      if (last === undefined) return false;
      n = isPair(last) ? last.value : last;
      if (n === null || n === undefined) return true;
    } else return isScalar(n) && n.value === null && n.source === '';
  }
}

/** Moves every offset at or after `from` by `delta`, in place (a freshly parsed part, to where it is). */
export function shiftAll(node: unknown, from: number, delta: number): void {
  if (isPair(node)) {
    shiftAll(node.key, from, delta);
    shiftAll(node.value, from, delta);
    return;
  }
  if (isScalar(node) || isAlias(node) || isMap(node) || isSeq(node)) {
    // In place: the part's tree is fresh, and a copy per node was most of the time this takes.
    const r = node.range;
    if (r) for (let i = 0; i < r.length; i++) if (r[i]! >= from) r[i]! += delta;
    if (isMap(node) || isSeq(node)) for (const it of node.items as unknown[]) shiftAll(it, from, delta);
  }
}

// The YAML node each objective model was built from, for readers that need the AST of one objective
// (the schema rule) without the whole document's: an incremental re-parse keeps it for the objective
// it parsed again, whose node is not in any AST until one is asked for.
const objectiveNodes = new WeakMap<Objective, YAMLMap>();

export function setObjectiveNode(o: Objective, node: YAMLMap): void {
  objectiveNodes.set(o, node);
}

/** The YAML map `o` was built from, with offsets in its document's text, when known. */
export function objectiveNode(o: Objective): YAMLMap | undefined {
  return objectiveNodes.get(o);
}

// Each objective's data as parsed (the node's toJSON()), for the objectives of a file parsed in chunks,
// whose nodes are not kept: the schema rule validates it, and its fields' lists and maps are parts of it.
const objectiveData = new WeakMap<Objective, unknown>();

/** The plain data of objective `o` as its node reads, when the parse kept it (see parseInChunks). */
export function objectiveDataOf(o: Objective): unknown {
  return objectiveData.get(o);
}

/**
 * The YAML map of objective `o` read again from its lines in `doc`'s text (an objective of a file
 * parsed in chunks, whose tree was let go), or undefined when its lines do not read as one list item.
 */
export function objectiveNodeFromText(doc: OkrDocument, o: Objective): YAMLMap | undefined {
  const source = doc.lines.textSource;
  const dashLine = doc.lines.lineBounds(doc.lines.positionAt(o.node.start).line).start;
  // A block map's extent ends where the next line starts: its last line is the one before.
  const endLine = doc.lines.lineBounds(doc.lines.positionAt(Math.max(o.node.start, o.node.end - 1)).line).end;
  // The item's lines alone, read at 0 and moved to where they are (as the re-parse reads an item).
  const chunk = source.slice(dashLine, Math.min(source.length, endLine + 1));
  let seq: Node | null | undefined = readBlockList(chunk, 0, chunk.length);
  if (!seq) {
    const part = parseYaml(chunk);
    if (part.errors.length) return undefined;
    seq = part.contents as Node | null;
  }
  shiftAll(seq, 0, dashLine);
  const item = isSeq(seq) && seq.items.length === 1 ? (seq.items[0] as Node | null) : undefined;
  return isMap(item) && item.range?.[0] === o.node.start ? item : undefined;
}

/** The offsets of a field's key and value, for a field of a parsed model (undefined for another kind of Field). */
export function fieldOffsets(f: Field): { keyStart: number; keyEnd: number; valueStart: number; valueEnd: number } | undefined {
  return f instanceof OffsetField ? f.offsets : undefined;
}

/**
 * A node as plain data: what its toJSON() gives (the yaml package's conversion without a document: no
 * merge keys, every key a string), for the nodes block-reader.ts and a part's parse build, in one pass
 * without the package's per-value context (a fifth of the parse of a large file's parts went to it).
 * Anything else (an alias, a key that is not a scalar) is left to toJSON().
 */
function plainData(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return typeof node.value === 'bigint' ? Number(node.value) : node.value;
  if (isSeq(node)) return (node.items as unknown[]).map(plainData);
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items as Pair[]) {
      const key = pair.key as Node | null;
      if (key !== null && !isScalar(key)) return node.toJSON();
      const k = key === null || key.value === null ? '' : typeof key.value === 'object' ? undefined : String(key.value);
      if (k === undefined) return node.toJSON();
      const value = plainData(pair.value);
      // An own property even where the name is one of Object's (`constructor`, `__proto__`), as toJSON() makes it.
      if (k in out) Object.defineProperty(out, k, { value, writable: true, enumerable: true, configurable: true });
      else out[k] = value;
    }
    return out;
  }
  return (node as Node).toJSON();
}

/** `data[key]` when `data` is a plain map (the data of a map node, see objectiveData). */
function dataAt(data: unknown, key: string | number): unknown {
  return data !== null && typeof data === 'object' ? (data as Record<string | number, unknown>)[key] : undefined;
}

/** The model of one item of `objectives`. */
export function objectiveModel(node: YAMLMap, index: number, doc: OkrDocument, lines: LineIndex, data?: unknown): Objective {
  const m = mapNode(node, lines, data);
  const type = m.fields.get('type')?.value;
  const o: Objective = {
    id: str(m.fields.get('id')?.value),
    title: str(m.fields.get('title')?.value),
    owner: str(m.fields.get('owner')?.value),
    type: type === 'committed' ? 'committed' : 'aspirational',
    weight: nonNegative(m.fields.get('weight')?.value) ?? 1,
    alignsTo: str(m.fields.get('aligns_to')?.value),
    rollup: rollupOf(m.fields.get('rollup')?.value),
    rollupWeights: rollupWeightsOf(m.fields.get('rollup_weights')?.value),
    state: stateOf(m.fields.get('status')?.value),
    reason: str(m.fields.get('reason')?.value),
    keyResults: [],
    node: m,
    keyResultsField: m.fields.get('key_results'),
    index,
  };
  o.effectiveOwner = o.owner ?? doc.owner;
  o.effectiveAlignsTo = o.alignsTo ?? doc.alignsTo;
  const krPair = findPair(node, 'key_results');
  if (krPair && isSeq(krPair.value)) {
    const krData = dataAt(data, 'key_results');
    krPair.value.items.forEach((item, i) => {
      if (isMap(item)) o.keyResults.push(keyResult(item as YAMLMap, i, o, lines, dataAt(krData, i)));
    });
  }
  return o;
}

function keyResult(node: YAMLMap, index: number, parent: Objective, lines: LineIndex, data: unknown): KeyResult {
  const m = mapNode(node, lines, data);
  const f = (k: string) => m.fields.get(k)?.value;
  const guardrail = f('guardrail');
  const kr: KeyResult = {
    id: str(f('id')),
    title: str(f('title')),
    owner: str(f('owner')),
    metric: str(f('metric')),
    unit: unitString(f('unit')),
    baseline: num(f('baseline')),
    target: num(f('target')),
    current: num(f('current')),
    confidence: num(f('confidence')),
    weight: nonNegative(f('weight')) ?? 1,
    guardrail: guardrail === 'at_least' || guardrail === 'at_most' ? guardrail : undefined,
    done: typeof f('done') === 'boolean' ? (f('done') as boolean) : undefined,
    links: [],
    checkins: [],
    kind: 'draft',
    state: stateOf(f('status')),
    reason: str(f('reason')),
    node: m,
    index,
  };
  kr.kind = kindOf(kr);
  kr.effectiveOwner = kr.owner ?? parent.effectiveOwner;

  const linksPair = findPair(node, 'links');
  if (linksPair && isSeq(linksPair.value)) {
    for (const item of linksPair.value.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.range) {
        const [s, e] = item.range;
        kr.links.push({ text: item.value, range: lines.range(s, e) } satisfies Link);
      }
    }
  }
  const checkinsPair = findPair(node, 'checkins');
  if (checkinsPair && isSeq(checkinsPair.value)) {
    const checkinData = dataAt(data, 'checkins');
    checkinsPair.value.items.forEach((item, i) => {
      if (!isMap(item)) return;
      const cm = mapNode(item as YAMLMap, lines, dataAt(checkinData, i));
      const v = cm.fields.get('value')?.value;
      kr.checkins.push({
        date: str(cm.fields.get('date')?.value),
        value: typeof v === 'number' || typeof v === 'boolean' ? v : undefined,
        confidence: num(cm.fields.get('confidence')?.value),
        note: str(cm.fields.get('note')?.value),
        node: cm,
      } satisfies Checkin);
    });
  }
  return kr;
}

function stateOf(v: unknown): ItemState {
  return v === 'closed' || v === 'dropped' ? v : 'active';
}

function rollupOf(v: unknown): RollupMode | undefined {
  return v === 'auto' || v === 'own' || v === 'aligned' || v === 'both' ? v : undefined;
}

function rollupWeightsOf(v: unknown): Objective['rollupWeights'] {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const w = v as Record<string, unknown>;
  // A bad weight is the schema rule's to report; here it falls back to the default.
  return { own: nonNegative(w.own), aligned: nonNegative(w.aligned) };
}

function kindOf(kr: KeyResult): KrKind {
  if (kr.guardrail) return 'guardrail';
  if (kr.done !== undefined) return 'milestone';
  if (kr.target !== undefined) return 'metric';
  return 'draft';
}

/**
 * A field as the model keeps it: offsets, with its ranges computed when read. A workspace holds
 * hundreds of thousands of fields, and two line/character ranges each (six objects) were most of a
 * model's memory; a range is asked for only when a diagnostic, edit or hover needs it.
 */
class OffsetField implements Field {
  /** A list or map value: converted to plain data on first read (see `value`). */
  private pending: Node | undefined;
  /** After releaseSyntaxTree: where to find that list or map again, if it is ever read. */
  private source: SyntaxSource | undefined;
  /** Where the value is in `source` when that is not at this field's offsets (a field moved by an edit). */
  private sourceOffsets: [number, number] | undefined;
  private plain: unknown;
  /** Whether `plain` is a list or map shared with the objective's data (objectiveData), let go with it. */
  private shared = false;

  constructor(
    readonly key: string,
    private readonly lines: LineIndex,
    private readonly ks: number,
    private readonly ke: number,
    private readonly vs: number,
    private readonly ve: number,
    value: Node | null,
    /** The data of the map this field is in (its toJSON()), when the parse made it: the value is taken from it. */
    mapData?: unknown,
  ) {
    if (isScalar(value) || !value) this.plain = isScalar(value) ? value.value : null;
    else if (mapData !== undefined) {
      this.plain = dataAt(mapData, key);
      this.shared = true;
    } else this.pending = value;
  }

  /** Offsets of the key and of the value (for placing a problem without the syntax tree). */
  get offsets(): { keyStart: number; keyEnd: number; valueStart: number; valueEnd: number } {
    return { keyStart: this.ks, keyEnd: this.ke, valueStart: this.vs, valueEnd: this.ve };
  }

  get start(): number {
    return this.ks;
  }

  get end(): number {
    return Math.max(this.ve, this.ke);
  }

  get keyRange(): Range {
    return this.lines.range(this.ks, this.ke);
  }

  get valueRange(): Range {
    return this.lines.range(this.vs, this.ve);
  }

  /** The value range of this field moved by `shift` characters, in the text `lines` indexes. */
  valueRangeMoved(lines: LineIndex, shift: number): Range {
    return lines.range(this.vs + shift, this.ve + shift);
  }

  // Lists and maps become plain data only when a reader asks: converting every nested collection
  // eagerly copied the whole document once per level (most of the parse's garbage).
  get value(): unknown {
    if (this.pending) {
      this.plain = this.pending.toJSON();
      this.pending = undefined;
    } else if (this.source) {
      const [s, e] = this.sourceOffsets ?? [this.vs, this.ve];
      this.plain = collectionAt(this.source.document().contents as Node | null, s, e)?.toJSON() ?? null;
      this.source = undefined;
      this.sourceOffsets = undefined;
    }
    return this.plain;
  }

  /**
   * This field in the text after an edit before it: offsets at or after `from` moved by `delta`,
   * ranges from the new text's `lines`. The value is the same (the field's own text did not change):
   * taken over as it is, or as the node it will be converted from.
   */
  moved(lines: LineIndex, from: number, delta: number): OffsetField {
    const at = (x: number) => (x >= from ? x + delta : x);
    const copy = new OffsetField(this.key, lines, at(this.ks), at(this.ke), at(this.vs), at(this.ve), null);
    copy.plain = this.plain;
    copy.shared = this.shared;
    copy.pending = this.pending;
    // A released field finds its value in the text it was released from, at the offsets it had there.
    copy.source = this.source;
    copy.sourceOffsets = this.source ? (this.sourceOffsets ?? [this.vs, this.ve]) : undefined;
    return copy;
  }

  /** The value is to be read from `source` at this field's offsets (its text changed inside). */
  rebind(source: SyntaxSource): void {
    this.pending = undefined;
    this.plain = undefined;
    this.shared = false;
    this.source = source;
    this.sourceOffsets = undefined;
  }

  /** Lets go of the AST node of a list or map value; it is found again from the text if ever read. */
  release(source: SyntaxSource): void {
    if (!this.pending && !this.shared) return;
    this.pending = undefined;
    this.plain = undefined;
    this.shared = false;
    this.source = source;
  }

  // Plain data in JSON and in test diffs, as the field reads.
  toJSON(): Field {
    return { key: this.key, value: this.value, keyRange: this.keyRange, valueRange: this.valueRange, start: this.start, end: this.end };
  }
}

/** The AST of a document whose model let go of it, parsed again from the text when asked. */
export interface SyntaxSource {
  document(): Document.Parsed;
}

/** The list or map of a re-parsed document spanning exactly these offsets. */
function collectionAt(node: Node | null, start: number, end: number): Node | undefined {
  while (node && (isMap(node) || isSeq(node)) && node.range) {
    if (node.range[0] === start && node.range[1] === end) return node;
    let next: Node | null = null;
    for (const item of node.items as Array<Pair | Node>) {
      const child = (isPair(item) ? item.value : item) as Node | null;
      if (child?.range && child.range[0] <= start && end <= child.range[1]) next = child;
    }
    node = next;
  }
  return undefined;
}

/**
 * Lets the model of a file that is not open go of its YAML syntax tree (most of a model's memory):
 * the file-scope rules have run on it (their result is kept with the model), and the workspace rules,
 * the index, rename and the workspace model read the model alone. A reader that does ask for the
 * tree (a rule run again after a configuration change) gets it parsed again from the text, kept until
 * the current task ends, then let go again.
 */
export function releaseSyntaxTree(doc: OkrDocument): void {
  let parsed: Document.Parsed | undefined;
  const source: SyntaxSource = {
    document: () => {
      if (!parsed) {
        parsed = parseYaml(doc.text);
        queueMicrotask(() => (parsed = undefined));
      }
      return parsed;
    },
  };
  const release = (m: MapNode | undefined) => {
    if (m) for (const f of m.fields.values()) if (f instanceof OffsetField) f.release(source);
  };
  release(doc.root);
  for (const o of doc.objectives) {
    objectiveNodes.delete(o); // the schema rule finds it in doc.yaml instead
    objectiveData.delete(o);
    release(o.node);
    for (const k of o.keyResults) {
      release(k.node);
      for (const c of k.checkins) release(c.node);
    }
  }
  Object.defineProperty(doc, 'yaml', { get: source.document, enumerable: true, configurable: true });
}

/**
 * The model of a file on disk, as the document an editor opened with the same text: the same model
 * under the editor's uri and version. Its YAML tree, let go by releaseSyntaxTree, is parsed once when
 * first read and then kept (an open document's edits re-parse from it), not on opening: copying the
 * model with a spread read it, and parsed a large file again on every re-open.
 */
export function openedCopy(doc: OkrDocument, uri: string, version: number): OkrDocument {
  const copy = Object.create(Object.getPrototypeOf(doc) as object, Object.getOwnPropertyDescriptors(doc)) as OkrDocument;
  copy.uri = uri;
  copy.version = version;
  const yaml = Object.getOwnPropertyDescriptor(doc, 'yaml');
  if (yaml?.get) {
    Object.defineProperty(copy, 'yaml', {
      enumerable: true,
      configurable: true,
      get: () => {
        const tree = parseYaml(doc.text);
        Object.defineProperty(copy, 'yaml', { value: tree, enumerable: true, configurable: true, writable: true });
        return tree;
      },
    });
  }
  return copy;
}

/** Whether `doc.yaml` is a tree in memory, not one parsed from the text when read (see releaseSyntaxTree). */
export function treeInMemory(doc: OkrDocument): boolean {
  return Object.getOwnPropertyDescriptor(doc, 'yaml')?.get === undefined;
}

/** `doc.simpleLayout` worked out from the AST when first read (a re-parse from a version that was not simple). */
export function layoutOnDemand(doc: OkrDocument): void {
  const set = (value: boolean) => Object.defineProperty(doc, 'simpleLayout', { value, enumerable: true, configurable: true, writable: true });
  Object.defineProperty(doc, 'simpleLayout', {
    enumerable: true,
    configurable: true,
    get: () => {
      const value = simpleLayout(doc.text, doc.yaml);
      set(value);
      return value;
    },
    set,
  });
}

/** `doc.yaml` parsed from the text when first read, then kept. */
export function treeOnDemand(doc: OkrDocument): void {
  Object.defineProperty(doc, 'yaml', {
    enumerable: true,
    configurable: true,
    get: () => {
      const tree = parseYaml(doc.text);
      Object.defineProperty(doc, 'yaml', { value: tree, enumerable: true, configurable: true, writable: true });
      return tree;
    },
  });
}

/** A map's extent as offsets, its range computed when read (see OffsetField). */
class OffsetMapNode implements MapNode {
  constructor(
    readonly fields: Map<string, Field>,
    private readonly lines: LineIndex,
    readonly start: number,
    readonly end: number,
    readonly indent: number,
    readonly flow: boolean,
  ) {}

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }

  fieldValueRange(key: string): Range | undefined {
    return this.fields.get(key)?.valueRange;
  }

  /** This map in the text after an edit before it (see OffsetField.moved). */
  moved(lines: LineIndex, from: number, delta: number): MapNode {
    // Wholly after the edit: every offset moves by the same amount, so the fields can wait until read.
    if (this.start >= from) return new ShiftedMapNode(this, lines, delta);
    return movedAcross(this, lines, from, delta);
  }

  toJSON(): MapNode {
    return { fields: this.fields, range: this.range, start: this.start, end: this.end, indent: this.indent, flow: this.flow };
  }
}

/** A map an edit falls inside of: each field moved as it is (the offsets from `from` on by `delta`). */
function movedAcross(node: MapNode, lines: LineIndex, from: number, delta: number): OffsetMapNode {
  const at = (x: number) => (x >= from ? x + delta : x);
  const fields = new Map<string, Field>();
  for (const [k, f] of node.fields) fields.set(k, f instanceof OffsetField ? f.moved(lines, from, delta) : f);
  return new OffsetMapNode(fields, lines, at(node.start), at(node.end), node.indent, node.flow);
}

/**
 * A map wholly after an edit, `shift` characters from where `base` was parsed. Typing in a large file
 * moves every objective below the keystroke: copying their fields and key results' fields on each
 * keystroke was most of a re-parse (and its garbage), though a rule reads few of them. Here a move is
 * one object, moves compose by adding shifts, and the fields are copied once, when first read.
 */
class ShiftedMapNode implements MapNode {
  private copied: Map<string, Field> | undefined;

  constructor(
    private readonly base: OffsetMapNode,
    private readonly lines: LineIndex,
    private readonly shift: number,
  ) {}

  get fields(): Map<string, Field> {
    if (!this.copied) {
      this.copied = new Map();
      for (const [k, f] of this.base.fields) this.copied.set(k, f instanceof OffsetField ? f.moved(this.lines, -Infinity, this.shift) : f);
    }
    return this.copied;
  }

  get start(): number {
    return this.base.start + this.shift;
  }

  get end(): number {
    return this.base.end + this.shift;
  }

  get indent(): number {
    return this.base.indent;
  }

  fieldValueRange(key: string): Range | undefined {
    if (this.copied) return this.copied.get(key)?.valueRange;
    const f = this.base.fields.get(key);
    return f instanceof OffsetField ? f.valueRangeMoved(this.lines, this.shift) : f?.valueRange;
  }

  get flow(): boolean {
    return this.base.flow;
  }

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }

  moved(lines: LineIndex, from: number, delta: number): MapNode {
    if (this.start >= from) return new ShiftedMapNode(this.base, lines, this.shift + delta);
    // An edit inside it (not how re-parsing uses it, but a correct answer): move its fields as they are now.
    return movedAcross(this, lines, from, delta);
  }

  toJSON(): MapNode {
    return { fields: this.fields, range: this.range, start: this.start, end: this.end, indent: this.indent, flow: this.flow };
  }
}

/**
 * A map of the model in the text after an edit that replaced text before `from` (offsets at or
 * after it move by `delta`); its ranges come from the new text's `lines`.
 */
export function moveMapNode(node: MapNode, lines: LineIndex, from: number, delta: number): MapNode {
  return node instanceof OffsetMapNode || node instanceof ShiftedMapNode ? node.moved(lines, from, delta) : node;
}

/** Makes the value of a field of `node` read from `source` (at the field's offsets) instead of what it held. */
export function rebindValue(node: MapNode, key: string, source: SyntaxSource): void {
  const f = node.fields.get(key);
  if (f instanceof OffsetField) f.rebind(source);
}

/** The model of a map node; `data`, when given, is the node's toJSON(), which list and map values are read from. */
export function mapNode(node: YAMLMap, lines: LineIndex, data?: unknown): MapNode {
  const fields = new Map<string, Field>();
  const [start, , end] = node.range ?? [0, 0, 0];
  let indent = -1;
  for (const pair of node.items as Pair[]) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    const name = String(key.value);
    const [ks, ke] = key.range;
    if (indent < 0) indent = lines.positionAt(ks).character;
    const value = pair.value as Node | null;
    let vs = ke;
    let ve = ke;
    if (value && value.range) {
      vs = value.range[0];
      ve = value.range[1];
    }
    // Keep the first occurrence of a duplicated key: YAML reports the duplicate itself.
    if (!fields.has(name)) fields.set(name, new OffsetField(name, lines, ks, ke, vs, ve, value, data));
  }
  if (indent < 0) indent = lines.positionAt(start).character;
  const valueEnd = node.range ? node.range[1] : end;
  return new OffsetMapNode(fields, lines, start, valueEnd, indent, Boolean(node.flow));
}

function findPair(node: YAMLMap, key: string): Pair | undefined {
  return (node.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key);
}

const SUPPRESS = /^[ \t]*#[ \t]*okr-disable-next-line(?![\w-])[ \t]*(.*)$/;

export function findSuppressions(text: string): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  if (!text.includes('okr-disable-next-line')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = SUPPRESS.exec(line);
    if (!m) return;
    const ids = m[1]!
      .replace(/\s+--.*$/, '') // allow a trailing "-- reason"
      .split(/[\s,]+/)
      .filter(Boolean);
    out.set(i + 1, new Set(ids.length ? ids : ['*']));
  });
  return out;
}

/**
 * The yaml package reports some problems as a point (an unclosed quote at the end of the file) or as
 * one character (a duplicate key). Widen those to the rest of the line, or to the last non-empty line
 * at the end of the file, so the squiggle is visible and says where to look.
 */
function problemRange(text: string, lines: LineIndex, [start, end]: [number, number]): ReturnType<LineIndex['range']> {
  if (end - start > 1) return lines.range(start, end);
  let s = Math.min(start, text.length);
  if (s >= text.trimEnd().length && text.trim().length > 0) {
    // At the very end: point at the last line with content.
    s = text.trimEnd().length - 1;
    const line = lines.positionAt(s).line;
    const bounds = lines.lineBounds(line);
    const indent = text.slice(bounds.start, bounds.end).length - text.slice(bounds.start, bounds.end).trimStart().length;
    return lines.range(bounds.start + indent, bounds.end);
  }
  const bounds = lines.lineBounds(lines.positionAt(s).line);
  let e = s;
  while (e < bounds.end && !/[\s:,\]}]/.test(text[e]!)) e++;
  return lines.range(s, Math.max(e, Math.min(s + 1, bounds.end)));
}

function cleanYamlMessage(message: string): string {
  // The yaml package appends " at line X, column Y" in some messages; the range says it already.
  return message.replace(/ at line \d+, column \d+.*$/s, '').trim();
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function nonNegative(v: unknown): number | undefined {
  const n = num(v);
  return n !== undefined && n >= 0 ? n : undefined;
}
function unitString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}
