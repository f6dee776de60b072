// Rule `schema`: everything the zod schema says about the file (unknown keys with "did you mean",
// wrong types, missing required keys), with the range of the offending key or value.
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { keysOf, ObjectiveSchema, OkrFileSchema, type MapKind } from '../schema';
import type { OkrDocument } from '../model';
import type { Range } from '../positions';
import { closest } from '../suggest';
import { isValidIsoDate } from '../period';
import type { Rule, RuleContext } from './rule';

export const schemaRule: Rule = {
  id: 'schema',
  defaultSeverity: 'error',
  description: 'The file does not follow the .okr format: unknown keys, wrong types, missing required keys.',
  scope: 'file',
  check(ctx) {
    const { doc } = ctx;
    if (doc.yamlErrors.length > 0 && !doc.root) return; // yaml-syntax says it already
    const contents = doc.yaml.contents as Node | null;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
      ctx.report({ range: doc.lines.range(0, 0), message: 'Empty file: an .okr file needs `period` and `objectives` (see docs/format.md).' });
      return;
    }
    if (!isMap(contents)) {
      ctx.report({ range: rangeOfNode(ctx, contents), message: 'An .okr file is a YAML map with `period` and `objectives`, not a list or a single value.' });
      return;
    }
    let issues: readonly $ZodIssue[];
    try {
      issues = validate(doc, contents);
    } catch (e) {
      ctx.report({ range: doc.lines.range(0, 0), message: `Cannot read the YAML: ${(e as Error).message}` });
      return;
    }
    for (const issue of issues) reportIssue(ctx, issue);
    checkDates(ctx);
    checkKinds(ctx);
  },
};

// Issues of one objective, keyed by its source text: validation depends on nothing else, so typing in
// one objective of a large file re-validates that objective only.
const objectiveIssues = new Map<string, readonly $ZodIssue[]>();
const OBJECTIVE_CACHE_MAX = 20_000;
// An anchor (&a) or alias (*a) lets an objective's value depend on text outside it.
const ANCHOR_OR_ALIAS = /(^|[\s[{,:-])[&*][^\s,\]}]/m;

/** The zod issues of the file, with paths from the document root. */
function validate(doc: OkrDocument, root: YAMLMap): readonly $ZodIssue[] {
  const pairs = root.items as Pair[];
  const objectivesPair = pairs.find((p) => isScalar(p.key) && p.key.value === 'objectives');
  const seq = objectivesPair?.value as Node | null | undefined;
  const simple =
    doc.yamlErrors.length === 0 && isSeq(seq) && !seq.flow && pairs.every((p) => isScalar(p.key)) && !ANCHOR_OR_ALIAS.test(doc.text);
  if (!simple) return wholeFile(doc);

  // The top level, with the objectives left to the per-objective pass below.
  const top: Record<string, unknown> = {};
  for (const p of pairs) {
    const v = p.value as Node | null;
    top[String((p.key as Scalar).value)] = p === objectivesPair ? [] : isScalar(v) ? v.value : v ? v.toJSON() : null;
  }
  const out: $ZodIssue[] = [...(OkrFileSchema.safeParse(top).error?.issues ?? [])];
  (seq as YAMLSeq).items.forEach((item, i) => {
    const node = item as Node;
    const [s, e] = node.range ?? [0, 0];
    const key = doc.text.slice(s, e);
    let issues = objectiveIssues.get(key);
    if (!issues) {
      issues = ObjectiveSchema.safeParse(isScalar(node) ? node.value : node.toJSON()).error?.issues ?? [];
      if (objectiveIssues.size >= OBJECTIVE_CACHE_MAX) objectiveIssues.clear();
      objectiveIssues.set(key, issues);
    }
    for (const issue of issues) out.push({ ...issue, path: ['objectives', i, ...issue.path] } as $ZodIssue);
  });
  return out;
}

function wholeFile(doc: OkrDocument): readonly $ZodIssue[] {
  return OkrFileSchema.safeParse(doc.yaml.toJS({ maxAliasCount: 1000 })).error?.issues ?? [];
}

function reportIssue(ctx: RuleContext, issue: $ZodIssue): void {
  const path = issue.path as Array<string | number>;
  const kind = mapKindAt(path);
  if (issue.code === 'unrecognized_keys') {
    const map = ctx.doc.yaml.getIn(path, true) as YAMLMap | undefined;
    for (const key of issue.keys) {
      const known = keysOf(kind).map((k) => k.key);
      const hint = closest(key, known);
      const pair = map && isMap(map) ? (map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key) : undefined;
      const range = pair ? rangeOfNode(ctx, pair.key as Node) : rangeAt(ctx, path);
      ctx.report({
        range,
        message: `Unknown key '${key}' in ${KIND_NAME[kind]}.${hint ? ` Did you mean '${hint}'?` : ` Known keys: ${known.join(', ')}.`}`,
        data: hint ? { kind: 'rename-key', from: key, to: hint } : undefined,
      });
    }
    return;
  }
  const key = path[path.length - 1];
  const present = ctx.doc.yaml.getIn(path, true) !== undefined || ctx.doc.yaml.hasIn(path);
  if (!present && typeof key === 'string') {
    const parentPath = path.slice(0, -1);
    const parentKind = mapKindAt(parentPath);
    ctx.report({ range: firstLineOf(ctx, parentPath), message: `Missing required key '${key}' in ${KIND_NAME[parentKind]}${idSuffix(ctx, parentPath)}.` });
    return;
  }
  const where = describePath(path);
  if (key === 'period' || (path[0] === 'period' && path.length <= 2)) {
    ctx.report({ range: rangeAt(ctx, path), message: `\`period\` must be YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM or {start: YYYY-MM-DD, end: YYYY-MM-DD}.` });
    return;
  }
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const actual = describeValue(ctx.doc.yaml.getIn(path));
    message = `must be ${article(issue.expected)}, not ${actual}`;
  } else if (issue.code === 'invalid_value') {
    const value = String(ctx.doc.yaml.getIn(path));
    const options = issue.values.map(String);
    const hint = closest(value, options);
    message = `is '${value}'; it must be one of ${options.map((o) => `'${o}'`).join(', ')}.${hint ? ` Did you mean '${hint}'?` : ''}`;
    ctx.report({ range: rangeAt(ctx, path), message: `${where} ${message}`, data: hint ? { kind: 'replace-value', with: hint } : undefined });
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
  ctx.report({ range: rangeAt(ctx, path), message: `${where} ${message}.` });
}

/** Dates that match YYYY-MM-DD but do not exist (2026-02-30), and periods that end before they start. */
function checkDates(ctx: RuleContext): void {
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
  for (const o of ctx.doc.objectives) {
    for (const kr of o.keyResults) {
      for (const c of kr.checkins) {
        const f = c.node.fields.get('date');
        if (f && typeof f.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.value) && !isValidIsoDate(f.value)) {
          ctx.report({ range: f.valueRange, message: `${f.value} is not a calendar date.` });
        }
      }
    }
  }
}

/** A key result is one kind: the fields of two kinds at once, or a guardrail without target, are mistakes. */
function checkKinds(ctx: RuleContext): void {
  for (const o of ctx.doc.objectives) {
    for (const kr of o.keyResults) {
      const f = kr.node.fields;
      if (f.has('guardrail') && !f.has('target')) {
        ctx.report({ range: f.get('guardrail')!.keyRange, message: 'A guardrail needs a `target` to hold against.' });
      }
      if (f.has('done') && (f.has('target') || f.has('guardrail'))) {
        ctx.report({ range: f.get('done')!.keyRange, message: 'A key result is a metric (`target`), a guardrail or a milestone (`done`), not two at once; remove `done` or the target.' });
      }
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

function idSuffix(ctx: RuleContext, path: Array<string | number>): string {
  const id = ctx.doc.yaml.getIn([...path, 'id']);
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
  return ctx.doc.lines.range(s, Math.max(e, s + 1));
}

/** The value at `path`, or the closest ancestor that exists. */
function rangeAt(ctx: RuleContext, path: ReadonlyArray<string | number>): Range {
  for (let n = path.length; n >= 0; n--) {
    const node = ctx.doc.yaml.getIn(path.slice(0, n), true) as Node | undefined;
    if (node && node.range) return rangeOfNode(ctx, node);
  }
  return ctx.doc.lines.range(0, 0);
}

function firstLineOf(ctx: RuleContext, path: ReadonlyArray<string | number>): Range {
  const r = rangeAt(ctx, path);
  const { end } = ctx.doc.lines.lineBounds(r.start.line);
  return { start: r.start, end: ctx.doc.lines.positionAt(end) };
}
