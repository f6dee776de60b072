// Rule `schema`: everything the zod schema says about the file (unknown keys with "did you mean",
// wrong types, missing required keys), with the range of the offending key or value.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { keysOf, ObjectiveSchema, OkrFileSchema, type MapKind } from '../schema';
import type { Objective, OkrDocument } from '../model';
import { objectiveNode, simpleLayout } from '../parse';
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
    const tree: Tree = { getIn: (path, keepScalar) => doc.yaml.getIn(path, keepScalar), hasIn: (path) => doc.yaml.hasIn(path) };
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
    const node = objectiveNode(o) ?? (ctx.doc.yaml.getIn(['objectives', o.index], true) as YAMLMap);
    // Read from the text as held: an edited version's is not made one string for this (edited-text.ts).
    const key = ctx.doc.lines.textSource.slice(o.node.start, o.node.end);
    let issues = objectiveIssues.get(key);
    if (!issues) {
      issues = ObjectiveSchema.safeParse(node.toJSON()).error?.issues ?? [];
      if (objectiveIssues.size >= OBJECTIVE_CACHE_MAX) objectiveIssues.clear();
      objectiveIssues.set(key, issues);
    }
    const tree = objectiveTree(ctx.doc, o, node);
    for (const issue of issues) reportIssue(ctx, tree, { ...issue, path: ['objectives', o.index, ...issue.path] } as $ZodIssue);
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

/** Where issue paths are looked up: the document's AST, or one objective's node. */
interface Tree {
  getIn(path: Iterable<unknown>, keepScalar?: boolean): unknown;
  hasIn(path: Iterable<unknown>): boolean;
}

/** Paths under `objectives/<o.index>` resolve in the objective's own node; others in the document. */
function objectiveTree(doc: OkrDocument, o: Objective, node: YAMLMap): Tree {
  const rel = (path: Iterable<unknown>) => {
    const p = [...path];
    return p.length >= 2 && p[0] === 'objectives' && p[1] === o.index ? p.slice(2) : undefined;
  };
  return {
    getIn: (path, keepScalar) => {
      const r = rel(path);
      if (!r) return doc.yaml.getIn(path, keepScalar);
      return r.length === 0 ? node : node.getIn(r, keepScalar);
    },
    hasIn: (path) => {
      const r = rel(path);
      if (!r) return doc.yaml.hasIn(path);
      return r.length === 0 || node.hasIn(r);
    },
  };
}

function reportIssue(ctx: RuleContext, tree: Tree, issue: $ZodIssue): void {
  const path = issue.path as Array<string | number>;
  const kind = mapKindAt(path);
  if (issue.code === 'unrecognized_keys') {
    const map = tree.getIn(path, true) as YAMLMap | undefined;
    for (const key of issue.keys) {
      const known = keysOf(kind).map((k) => k.key);
      const hint = closest(key, known);
      const pair = map && isMap(map) ? (map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const range = pair ? rangeOfNode(ctx, pair.key as Node) : rangeAt(ctx, tree, path);
      ctx.report({
        range,
        message: `Unknown key '${key}' in ${KIND_NAME[kind]}.${hint ? ` Did you mean '${hint}'?` : ` Known keys: ${known.join(', ')}.`}`,
        data: hint ? { kind: 'rename-key', from: key, to: hint } : undefined,
      });
    }
    return;
  }
  const key = path[path.length - 1];
  const present = tree.getIn(path, true) !== undefined || tree.hasIn(path);
  if (!present && typeof key === 'string') {
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
    const actual = describeValue(tree.getIn(path));
    message = `must be ${article(issue.expected)}, not ${actual}`;
  } else if (issue.code === 'invalid_value') {
    const value = String(tree.getIn(path));
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

function idSuffix(tree: Tree, path: Array<string | number>): string {
  const id = tree.getIn([...path, 'id']);
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
  const [s, e] = node.range ?? [0, 0];
  // An empty value (`objectives:` with nothing after it) is marked one character wide, but never
  // past the end of its line.
  const lineEnd = ctx.doc.lines.lineBounds(ctx.doc.lines.positionAt(s).line).end;
  return ctx.doc.lines.range(s, Math.max(e, Math.min(s + 1, lineEnd)));
}

/** The value at `path`, or the closest ancestor that exists. */
function rangeAt(ctx: RuleContext, tree: Tree, path: ReadonlyArray<string | number>): Range {
  for (let n = path.length; n >= 0; n--) {
    const node = tree.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && node.range) return rangeOfNode(ctx, node);
  }
  return ctx.doc.lines.range(0, 0);
}

function firstLineOf(ctx: RuleContext, tree: Tree, path: ReadonlyArray<string | number>): Range {
  const r = rangeAt(ctx, tree, path);
  const { end } = ctx.doc.lines.lineBounds(r.start.line);
  return { start: r.start, end: ctx.doc.lines.positionAt(end) };
}
