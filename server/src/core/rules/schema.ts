// Rule `schema`: everything the zod schema says about the file (unknown keys with "did you mean",
// wrong types, missing required keys), with the range of the offending key or value.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { keysOf, ObjectiveSchema, OkrFileSchema, type MapKind } from '../schema';
import type { Field, KeyResult, MapNode, Objective, OkrDocument } from '../model';
import { fieldOffsets, objectiveDataOf, objectiveNode, objectiveNodeFromText, simpleLayout } from '../parse';
import type { Range } from '../positions';
import { closest } from '../suggest';
import { isValidIsoDate } from '../period';
import type { Rule, RuleContext } from './rule';

export const schemaRule: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'The file does not follow the .okr format: unknown keys, wrong types, missing required keys.',
  scope: 'file',
  // The file's top level; and the whole file at once when it is not simple (see `simple`).
  check(ctx) {
    const { doc } = ctx;
    if (doc.yamlErrors.length > 0 && !doc.root) return; // yaml-syntax says it already
    if (!doc.root) {
      const contents = doc.yaml.contents as Node | null;
      if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
        ctx.report({ range: doc.lines.range(0, 0), message: 'Empty file: an .okr file needs `period` and `objectives` (see docs/format.md).' });
      } else {
        ctx.report({ range: rangeOfNode(ctx, contents), message: 'An .okr file is a YAML map with `period` and `objectives`, not a list or a single value.' });
      }
      return;
    }
    // The AST is read only to place an issue: an edited version's is not built for a clean top level.
    const tree = astTree(() => doc.yaml);
    let issues: readonly $ZodIssue[];
    try {
      issues = simple(doc) ? topLevelIssues(doc) : wholeFile(doc);
    } catch (e) {
      ctx.report({ range: doc.lines.range(0, 0), message: `Cannot read the YAML: ${(e as Error).message}` });
      return;
    }
    for (const issue of issues) reportIssue(ctx, tree, issue);
    checkPeriodDates(ctx);
    if (!simple(doc)) for (const o of doc.objectives) checkDatesAndKinds(ctx, o);
  },
  objectiveContext: (doc) => (simple(doc) ? 'by objective' : 'whole file'),
  // One objective of a simple file: its issues depend on its text alone.
  checkObjective(ctx, o) {
    if (!simple(ctx.doc)) return; // the whole-file pass above reported it
    const { doc } = ctx;
    // The objective's data, kept by a parse in chunks; else its node's (a whole parse or a re-parse keeps the node).
    let node: YAMLMap | undefined;
    const nodeOf = () => (node ??= objectiveNode(o) ?? objectiveNodeFromText(doc, o) ?? (doc.yaml.getIn(['objectives', o.index], true) as YAMLMap));
    // Read from the text as held: an edited version's is not made one string for this (edited-text.ts).
    const key = doc.lines.textSource.slice(o.node.start, o.node.end);
    let issues = objectiveIssues.get(key);
    let data = objectiveDataOf(o);
    if (!issues) {
      data ??= nodeOf().toJSON();
      issues = ObjectiveSchema.safeParse(data).error?.issues ?? [];
      if (objectiveIssues.size >= OBJECTIVE_CACHE_MAX) objectiveIssues.clear();
      objectiveIssues.set(key, issues);
    }
    if (issues.length > 0) {
      const tree = objectiveTree(doc, o, data ?? nodeOf().toJSON(), nodeOf);
      for (const issue of issues) reportIssue(ctx, tree, { ...issue, path: ['objectives', o.index, ...issue.path] } as $ZodIssue);
    }
    checkDatesAndKinds(ctx, o);
  },
};

// Issues of one objective, keyed by its source text: validation depends on nothing else, so typing in
// one objective of a large file re-validates that objective only.
const objectiveIssues = new Map<string, readonly $ZodIssue[]>();
const OBJECTIVE_CACHE_MAX = 20_000;
/**
 * Whether the file can be validated as its top level plus each objective on its own: see
 * OkrDocument.simpleLayout, which the parse and the re-parse set (a version re-parsed from a simple one
 * by an edit inside one objective is simple, the fast path admitting no other change), so the whole
 * file's AST need not be built to tell.
 */
function simple(doc: OkrDocument): boolean {
  // Set by the parse (or worked out when read, see layoutOnDemand); a document made another way: here.
  if (doc.simpleLayout === undefined) doc.simpleLayout = simpleLayout(doc.text, doc.yaml);
  return doc.simpleLayout;
}

/** The zod issues of the top level, the objectives left to checkObjective (simple files only). */
function topLevelIssues(doc: OkrDocument): readonly $ZodIssue[] {
  // From the model's fields (the same values as the AST's pairs), so an edited version's AST is not built.
  const top: Record<string, unknown> = {};
  for (const [key, field] of doc.root!.fields) top[key] = key === 'objectives' ? [] : field.value;
  return OkrFileSchema.safeParse(top).error?.issues ?? [];
}

function wholeFile(doc: OkrDocument): readonly $ZodIssue[] {
  return OkrFileSchema.safeParse(doc.yaml.toJS({ maxAliasCount: 1000 })).error?.issues ?? [];
}

/**
 * Where an issue's path is looked up: what is there (as data, or as a YAML node for a list or map),
 * and where it is written (offsets in the document's text: the node's start and value end).
 */
interface Tree {
  value(path: readonly Key[]): unknown;
  has(path: readonly Key[]): boolean;
  span(path: readonly Key[]): Span | undefined;
  /** Where key `key` of the map at `path` is written. */
  keySpan(path: readonly Key[], key: string): Span | undefined;
}

type Key = string | number;
type Span = readonly [number, number];

/** A tree read from a YAML document or node (`getIn` with an empty path is the node itself). */
function astTree(root: () => { getIn(path: Iterable<unknown>, keepScalar?: boolean): unknown; hasIn(path: Iterable<unknown>): boolean } | YAMLMap): Tree {
  const nodeAt = (path: readonly Key[]): unknown => {
    const r = root();
    return path.length === 0 && isMap(r) ? r : r.getIn(path, true);
  };
  return {
    value: (path) => {
      const n = nodeAt(path);
      return isScalar(n) ? n.value : n;
    },
    has: (path) => nodeAt(path) !== undefined || (path.length > 0 && root().hasIn(path)),
    span: (path) => {
      const n = nodeAt(path) as Node | undefined;
      return n?.range ? [n.range[0], n.range[1]] : undefined;
    },
    keySpan: (path, key) => {
      const map = nodeAt(path);
      const pair = isMap(map) ? (map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const k = pair?.key as Node | undefined;
      return k?.range ? [k.range[0], k.range[1]] : undefined;
    },
  };
}

/**
 * Paths under `objectives/<o.index>` are read in the objective's data (values) and model (where they
 * are written), so a file parsed in chunks, which keeps no syntax tree, places its problems without
 * parsing anything again; what the model does not hold (an item that is not a map, a nested value)
 * is looked up in the objective's node, read again from its lines. Other paths: the document's AST.
 */
function objectiveTree(doc: OkrDocument, o: Objective, data: unknown, node: () => YAMLMap): Tree {
  const documentTree = astTree(() => doc.yaml);
  const nodeTree = astTree(node);
  const rel = (path: readonly Key[]) => (path.length >= 2 && path[0] === 'objectives' && path[1] === o.index ? path.slice(2) : undefined);
  return {
    value: (path) => {
      const r = rel(path);
      return r ? dataIn(data, r).value : documentTree.value(path);
    },
    has: (path) => {
      const r = rel(path);
      return r ? dataIn(data, r).found : documentTree.has(path);
    },
    span: (path) => {
      const r = rel(path);
      if (!r) return documentTree.span(path);
      const at = modelAt(o, data, r);
      if (at && 'fields' in at) return [at.start, at.end];
      const f = at && fieldOffsets(at);
      // An empty value has no extent of its own in the model: the node says where the parser put it.
      return f && f.valueEnd > f.valueStart ? [f.valueStart, f.valueEnd] : nodeTree.span(r);
    },
    keySpan: (path, key) => {
      const r = rel(path);
      if (!r) return documentTree.keySpan(path, key);
      const at = modelAt(o, data, r);
      const f = at && 'fields' in at ? at.fields.get(key) : undefined;
      const offsets = f && fieldOffsets(f);
      return offsets ? [offsets.keyStart, offsets.keyEnd] : nodeTree.keySpan(r, key);
    },
  };
}

/** The value at `path` in plain data, and whether it is there at all (a key with an empty value is). */
function dataIn(data: unknown, path: readonly Key[]): { found: boolean; value: unknown } {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return { found: false, value: undefined };
    v = (v as Record<Key, unknown>)[k];
  }
  return { found: true, value: v };
}

/**
 * The map (objective, key result, check-in) or field of the model at `path` under objective `o`, or
 * undefined when the model does not hold it. Key results and check-ins that are not maps have no
 * model, so a list index is mapped through the data: the maps before it count.
 */
function modelAt(o: Objective, data: unknown, path: readonly Key[]): MapNode | Field | undefined {
  let map: MapNode = o.node;
  let kr: KeyResult | undefined;
  let d = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (typeof key !== 'string') return undefined;
    const field = map.fields.get(key);
    if (!field || i === path.length - 1) return field;
    const index = path[++i]!;
    const list = dataIn(d, [key]).value;
    if (typeof index !== 'number' || !Array.isArray(list) || !isPlainMap(list[index])) return undefined;
    d = list[index];
    if (!kr && map === o.node && key === 'key_results') {
      kr = o.keyResults.find((k) => k.index === index);
      if (!kr) return undefined;
      map = kr.node;
    } else if (kr && map === kr.node && key === 'checkins') {
      const c = kr.checkins[list.slice(0, index).filter(isPlainMap).length];
      if (!c) return undefined;
      map = c.node;
    } else return undefined;
  }
  return map;
}

function isPlainMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function reportIssue(ctx: RuleContext, tree: Tree, issue: $ZodIssue): void {
  const path = issue.path as Array<string | number>;
  const kind = mapKindAt(path);
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const known = keysOf(kind).map((k) => k.key);
      const hint = closest(key, known);
      const keySpan = tree.keySpan(path, key);
      const range = keySpan ? rangeOfSpan(ctx, keySpan) : rangeAt(ctx, tree, path);
      ctx.report({
        range,
        message: `Unknown key '${key}' in ${KIND_NAME[kind]}.${hint ? ` Did you mean '${hint}'?` : ` Known keys: ${known.join(', ')}.`}`,
        data: hint ? { kind: 'rename-key', from: key, to: hint } : undefined,
      });
    }
    return;
  }
  const key = path[path.length - 1];
  if (!tree.has(path) && typeof key === 'string') {
    const parentPath = path.slice(0, -1);
    const parentKind = mapKindAt(parentPath);
    ctx.report({ range: firstLineOf(ctx, tree, parentPath), message: `Missing required key '${key}' in ${KIND_NAME[parentKind]}${idSuffix(tree, parentPath)}.` });
    return;
  }
  const where = describePath(path);
  if (key === 'period' || (path[0] === 'period' && path.length <= 2)) {
    ctx.report({ range: rangeAt(ctx, tree, path), message: `\`period\` must be YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM or {start: YYYY-MM-DD, end: YYYY-MM-DD}.` });
    return;
  }
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const actual = describeValue(tree.value(path));
    message = `must be ${article(issue.expected)}, not ${actual}`;
  } else if (issue.code === 'invalid_value') {
    const value = String(tree.value(path));
    const options = issue.values.map(String);
    const hint = closest(value, options);
    message = `is '${value}'; it must be one of ${options.map((o) => `'${o}'`).join(', ')}.${hint ? ` Did you mean '${hint}'?` : ''}`;
    ctx.report({ range: rangeAt(ctx, tree, path), message: `${where} ${message}`, data: hint ? { kind: 'replace-value', with: hint } : undefined });
    return;
  } else if (issue.code === 'too_small' && issue.origin === 'string') {
    message = 'must not be empty';
  } else if (issue.code === 'too_small' || issue.code === 'too_big') {
    message = message
      .replace(/^Too (small|big): expected number to (be|have) /, 'must be ')
      .replace(/>=\s*/, 'at least ')
      .replace(/<=\s*/, 'at most ')
      .replace(/>\s*/, 'more than ')
      .replace(/<\s*/, 'less than ');
  }
  ctx.report({ range: rangeAt(ctx, tree, path), message: `${where} ${message}.` });
}

/** A period that ends before it starts, or with dates that match YYYY-MM-DD but do not exist (2026-02-30). */
function checkPeriodDates(ctx: RuleContext): void {
  const pf = ctx.doc.periodField;
  if (pf && pf.value && typeof pf.value === 'object') {
    const { start, end } = pf.value as { start?: unknown; end?: unknown };
    if (typeof start === 'string' && typeof end === 'string' && isValidIsoDate(start) && isValidIsoDate(end) && start > end) {
      ctx.report({ range: pf.valueRange, message: `\`period\` ends (${end}) before it starts (${start}).` });
    }
    for (const d of [start, end]) {
      if (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !isValidIsoDate(d)) {
        ctx.report({ range: pf.valueRange, message: `${d} is not a calendar date.` });
      }
    }
  }
}

/**
 * Check-in dates that do not exist; and a key result is one kind: the fields of two kinds at once,
 * or a guardrail without target, are mistakes.
 */
function checkDatesAndKinds(ctx: RuleContext, o: Objective): void {
  for (const kr of o.keyResults) {
    for (const c of kr.checkins) {
      const f = c.node.fields.get('date');
      if (f && typeof f.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.value) && !isValidIsoDate(f.value)) {
        ctx.report({ range: f.valueRange, message: `${f.value} is not a calendar date.` });
      }
    }
    const f = kr.node.fields;
    if (f.has('guardrail') && !f.has('target')) {
      ctx.report({ range: f.get('guardrail')!.keyRange, message: 'A guardrail needs a `target` to hold against.' });
    }
    if (f.has('done') && (f.has('target') || f.has('guardrail'))) {
      ctx.report({ range: f.get('done')!.keyRange, message: 'A key result is a metric (`target`), a guardrail or a milestone (`done`), not two at once; remove `done` or the target.' });
    }
  }
}

const KIND_NAME: Record<MapKind, string> = {
  file: 'the file',
  objective: 'an objective',
  keyResult: 'a key result',
  checkin: 'a check-in',
  period: 'the period',
};

function mapKindAt(path: ReadonlyArray<string | number>): MapKind {
  const named = path.filter((p) => typeof p === 'string');
  const last = named[named.length - 1];
  if (last === 'checkins') return 'checkin';
  if (last === 'key_results') return 'keyResult';
  if (last === 'objectives') return 'objective';
  if (last === 'period') return 'period';
  return 'file';
}

function idSuffix(tree: Tree, path: readonly Key[]): string {
  const id = tree.value([...path, 'id']);
  return typeof id === 'string' ? ` '${id}'` : '';
}

function describePath(path: ReadonlyArray<string | number>): string {
  const key = [...path].reverse().find((p) => typeof p === 'string');
  const last = path[path.length - 1];
  if (typeof last === 'number') return `Item ${last + 1} of \`${String(key)}\``;
  return `\`${String(key ?? 'value')}\``;
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  // getIn() returns the YAML node for a collection, not a JS array or object.
  if (isSeq(v)) return 'a list';
  if (isMap(v)) return 'a map';
  if (typeof v === 'string') return `the text "${v.length > 30 ? v.slice(0, 30) + '…' : v}"`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${String(v)}`;
}

function article(t: string): string {
  if (t === 'object') return 'a map';
  if (t === 'array') return 'a list';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function rangeOfNode(ctx: RuleContext, node: Node): Range {
  return rangeOfSpan(ctx, node.range ? [node.range[0], node.range[1]] : [0, 0]);
}

function rangeOfSpan(ctx: RuleContext, [s, e]: Span): Range {
  // An empty value (`objectives:` with nothing after it) is marked one character wide, but never
  // past the end of its line.
  const lineEnd = ctx.doc.lines.lineBounds(ctx.doc.lines.positionAt(s).line).end;
  return ctx.doc.lines.range(s, Math.max(e, Math.min(s + 1, lineEnd)));
}

/** The value at `path`, or the closest ancestor that exists. */
function rangeAt(ctx: RuleContext, tree: Tree, path: ReadonlyArray<string | number>): Range {
  for (let n = path.length; n >= 0; n--) {
    const span = tree.span(path.slice(0, n));
    if (span) return rangeOfSpan(ctx, span);
  }
  return ctx.doc.lines.range(0, 0);
}

function firstLineOf(ctx: RuleContext, tree: Tree, path: ReadonlyArray<string | number>): Range {
  const r = rangeAt(ctx, tree, path);
  const { end } = ctx.doc.lines.lineBounds(r.start.line);
  return { start: r.start, end: ctx.doc.lines.positionAt(end) };
}
