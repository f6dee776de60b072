// The zod schema as a contract: the generated JSON Schema (okr.schema.json) and keysOf().
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { configJsonSchema, keysOf, OkrFileSchema, okrJsonSchema, type MapKind } from '../../server/src/core/schema';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function okrFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? okrFiles(p) : e.name.endsWith('.okr') ? [p] : [];
  });
}

type Json = Record<string, unknown>;

/**
 * A small validator for the draft-07 subset the generated schema uses (type, properties, required,
 * additionalProperties, items, enum, const, pattern, minimum/maximum, minLength, anyOf/oneOf, $ref to
 * #/definitions). Returns the problems as "path: what".
 */
function validate(schema: Json, value: unknown, root: Json = schema, at = '$'): string[] {
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/(definitions|\$defs)\//, '');
    const defs = (root.definitions ?? root.$defs) as Record<string, Json>;
    assert.ok(defs?.[name], `unresolvable $ref ${schema.$ref}`);
    return validate(defs[name]!, value, root, at);
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const options = schema[key] as Json[] | undefined;
    if (options) {
      const passing = options.filter((o) => validate(o, value, root, at).length === 0).length;
      if (key === 'anyOf' ? passing === 0 : passing !== 1) return [`${at}: matches ${passing} of ${key}`];
    }
  }
  const out: string[] = [];
  const type = schema.type as string | string[] | undefined;
  if (type) {
    const types = Array.isArray(type) ? type : [type];
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)) || (t === 'number' && actual === 'number'));
    if (!ok) return [`${at}: expected ${types.join('|')}, got ${actual}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) out.push(`${at}: not in enum`);
  if ('const' in schema && schema.const !== value) out.push(`${at}: not the const`);
  if (typeof value === 'string') {
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) out.push(`${at}: does not match ${schema.pattern}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) out.push(`${at}: too short`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${at}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${at}: above maximum`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...validate(schema.items as Json, v, root, `${at}[${i}]`)));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const props = (schema.properties ?? {}) as Record<string, Json>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in value)) out.push(`${at}: missing ${r}`);
    for (const [k, v] of Object.entries(value)) {
      if (props[k]) out.push(...validate(props[k]!, v, root, `${at}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${at}: unknown key ${k}`);
    }
  }
  return out;
}

describe('schema: okrJsonSchema', () => {
  const schema = okrJsonSchema();

  it('is a draft-07 object schema with a title', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.title, 'OKRs as Code file (.okr)');
    assert.equal(schema.type, 'object');
    assert.deepEqual([...(schema.required as string[])].sort(), ['objectives', 'period']);
    assert.equal(schema.additionalProperties, false);
    const props = schema.properties as Record<string, Json>;
    assert.deepEqual(Object.keys(props).sort(), ['$schema', 'aligns_to', 'description', 'objectives', 'owner', 'period', 'team']);
    assert.ok(String(props.period!.description).includes('2026-Q4'));
    // Round-trips through JSON: what `okr schema` prints and okr.schema.json holds.
    assert.deepEqual(JSON.parse(JSON.stringify(schema)), schema);
  });

  it('accepts every examples/**/*.okr file read as YAML', () => {
    const files = okrFiles(EXAMPLES);
    assert.ok(files.length >= 4, `examples: ${files.length} files`);
    for (const f of files) {
      const data = parseYaml(fs.readFileSync(f, 'utf8'));
      assert.deepEqual(validate(schema, data), [], path.relative(EXAMPLES, f));
      assert.ok(OkrFileSchema.safeParse(data).success, path.relative(EXAMPLES, f));
    }
  });

  it('rejects what the format forbids (the validator above can fail)', () => {
    const ok = { period: '2026-Q4', objectives: [{ id: 'a', title: 'A', key_results: [{ id: 'k', title: 'K', target: 1 }] }] };
    assert.deepEqual(validate(schema, ok), []);
    const bad = (patch: (d: typeof ok & Json) => void) => {
      const d = structuredClone(ok) as typeof ok & Json;
      patch(d);
      return validate(schema, d);
    };
    assert.notDeepEqual(bad((d) => delete (d as Json).period), []);
    assert.notDeepEqual(bad((d) => (d.period = '2026-Q5')), []);
    assert.notDeepEqual(bad((d) => ((d as Json).perod = 1)), []);
    assert.notDeepEqual(bad((d) => ((d.objectives[0] as Json).id = 'Not A Slug')), []);
    assert.notDeepEqual(bad((d) => ((d.objectives[0]!.key_results[0] as Json).confidence = 2)), []);
    assert.notDeepEqual(bad((d) => ((d.objectives[0]!.key_results[0] as Json).guardrail = 'above')), []);
    assert.deepEqual(bad((d) => ((d as Json).period = { start: '2026-10-01', end: '2026-12-31' })), []);
    assert.deepEqual(bad((d) => ((d as Json).period = 2026)), []);
  });

  it('configJsonSchema describes okr.config.yaml and accepts the example config', () => {
    const c = configJsonSchema();
    assert.equal(c.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(Object.keys(c.properties as Json).sort(), ['$schema', 'codeTags', 'github', 'gitlab', 'limits', 'quality', 'rules', 'scoring', 'trackers']);
    const data = parseYaml(fs.readFileSync(path.join(EXAMPLES, 'okr.config.yaml'), 'utf8'));
    assert.deepEqual(validate(c, data), []);
  });
});

describe('schema: keysOf', () => {
  function check(kind: MapKind, required: string[], optional: string[]): void {
    const infos = keysOf(kind);
    assert.deepEqual(infos.filter((k) => k.required).map((k) => k.key).sort(), [...required].sort(), kind);
    assert.deepEqual(infos.filter((k) => !k.required).map((k) => k.key).sort(), [...optional].sort(), kind);
    for (const k of infos) if (k.key !== '$schema') assert.ok(k.description.length > 0, `${kind}.${k.key} has a description`);
  }

  it('file, objective, key result, check-in, period', () => {
    check('file', ['period', 'objectives'], ['$schema', 'team', 'owner', 'description', 'aligns_to']);
    check('objective', ['id', 'title'], ['owner', 'description', 'type', 'weight', 'aligns_to', 'rollup', 'rollup_weights', 'status', 'reason', 'key_results']);
    check('keyResult', ['id', 'title'], ['owner', 'description', 'metric', 'unit', 'baseline', 'target', 'current', 'confidence', 'weight', 'guardrail', 'done', 'links', 'checkins', 'status', 'reason']);
    check('checkin', ['date'], ['value', 'confidence', 'note']);
    check('period', ['start', 'end'], []);
  });

  it('descriptions come through optional wrappers', () => {
    const kr = keysOf('keyResult');
    assert.match(kr.find((k) => k.key === 'guardrail')!.description, /guardrail/);
    assert.match(keysOf('objective').find((k) => k.key === 'type')!.description, /aspirational/);
    assert.equal(keysOf('file'), keysOf('file')); // memoised
  });
});
