// Parser: positions of every kind of field (0-based line/character, UTF-16), the lenient cases,
// key-result kinds, inheritance and suppression comments.
import * as assert from 'node:assert/strict';
import { parseOkrDocument } from '../../server/src/core/parse';
import type { Field, OkrDocument } from '../../server/src/core/model';
import type { Range } from '../../server/src/core/positions';

/** "line:char-line:char", the compact form every position assertion below uses. */
function fmt(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function parse(lines: string[] | string, eol = '\n'): OkrDocument {
  const text = Array.isArray(lines) ? lines.join(eol) : lines;
  return parseOkrDocument(text, 'file:///t.okr', 1);
}

const SAMPLE = [
  'period: 2026-Q4', // 0
  'team: Platform', // 1
  'owner: "@dana"', // 2
  'aligns_to: company#reliability', // 3
  'objectives:', // 4
  '  - id: reliability', // 5
  '    title: Make checkout reliable', // 6
  '    type: committed', // 7
  '    weight: 2', // 8
  '    aligns_to: company#trust', // 9
  '    key_results:', // 10
  '      - id: crash-free', // 11
  '        title: Raise crash-free sessions from 99.2% to 99.8%', // 12
  '        baseline: 99.2', // 13
  '        target: 99.8', // 14
  '        links: ["/src/a.ts#L4", acme/shop#12]', // 15
  '        checkins:', // 16
  '          - {date: 2026-10-06, value: 99.3, confidence: 0.6, note: shipped}', // 17
  '      - id: uptime', // 18
  '        title: Keep availability at or above 99.95%', // 19
  '        guardrail: at_least', // 20
  '        target: 99.95', // 21
  '        links:', // 22
  '          - SHOP-88', // 23
  '          - "https://grafana.example.com/d/c"', // 24
  '      - id: runbooks', // 25
  '        title: Runbooks published', // 26
  '        done: false', // 27
  '      - id: vague', // 28
  '        title: Improve things', // 29
  '', // 30
];

describe('parser', () => {
  const doc = parse(SAMPLE);
  const o = doc.objectives[0]!;
  const [crash, uptime, runbooks, vague] = o.keyResults;

  /** check(field, keyRange, valueRange, value) */
  function check(field: Field | undefined, key: string, value: string, v?: unknown): void {
    assert.ok(field, 'field missing');
    assert.equal(fmt(field.keyRange), key, `key range of ${field.key}`);
    assert.equal(fmt(field.valueRange), value, `value range of ${field.key}`);
    if (v !== undefined) assert.deepEqual(field.value, v);
  }

  it('reads a clean file without problems', () => {
    assert.deepEqual(doc.yamlErrors, []);
    assert.deepEqual(doc.yamlWarnings, []);
    assert.equal(doc.uri, 'file:///t.okr');
    assert.equal(doc.version, 1);
  });

  it('positions of file keys', () => {
    const f = doc.root!.fields;
    check(f.get('period'), '0:0-0:6', '0:8-0:15', '2026-Q4');
    check(f.get('team'), '1:0-1:4', '1:6-1:14', 'Platform');
    check(f.get('owner'), '2:0-2:5', '2:7-2:14', '@dana');
    check(f.get('aligns_to'), '3:0-3:9', '3:11-3:30', 'company#reliability');
    check(f.get('objectives'), '4:0-4:10', '5:2-30:0');
    assert.equal(doc.periodField, f.get('period'));
    assert.equal(doc.objectivesField, f.get('objectives'));
    assert.deepEqual(doc.period, { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    assert.equal(doc.team, 'Platform');
    assert.equal(doc.owner, '@dana');
    assert.equal(doc.alignsTo, 'company#reliability');
    assert.equal(doc.root!.indent, 0);
    assert.equal(doc.root!.flow, false);
  });

  it('positions of objective keys', () => {
    const f = o.node.fields;
    check(f.get('id'), '5:4-5:6', '5:8-5:19', 'reliability');
    check(f.get('title'), '6:4-6:9', '6:11-6:33', 'Make checkout reliable');
    check(f.get('type'), '7:4-7:8', '7:10-7:19', 'committed');
    check(f.get('weight'), '8:4-8:10', '8:12-8:13', 2);
    check(f.get('aligns_to'), '9:4-9:13', '9:15-9:28', 'company#trust');
    check(f.get('key_results'), '10:4-10:15', '11:6-30:0');
    assert.equal(o.keyResultsField, f.get('key_results'));
    assert.equal(o.node.indent, 4);
    assert.equal(o.index, 0);
    assert.equal(o.type, 'committed');
    assert.equal(o.weight, 2);
  });

  it('positions of key-result keys', () => {
    const f = crash!.node.fields;
    check(f.get('id'), '11:8-11:10', '11:12-11:22', 'crash-free');
    check(f.get('title'), '12:8-12:13', '12:15-12:60');
    check(f.get('baseline'), '13:8-13:16', '13:18-13:22', 99.2);
    check(f.get('target'), '14:8-14:14', '14:16-14:20', 99.8);
    check(f.get('links'), '15:8-15:13', '15:15-15:45');
    check(f.get('checkins'), '16:8-16:16', '17:10-18:0');
    check(uptime!.node.fields.get('guardrail'), '20:8-20:17', '20:19-20:27', 'at_least');
    check(runbooks!.node.fields.get('done'), '27:8-27:12', '27:14-27:19', false);
    assert.equal(crash!.node.indent, 8);
    assert.deepEqual([crash!.index, uptime!.index, runbooks!.index, vague!.index], [0, 1, 2, 3]);
  });

  it('positions of check-in keys in a flow map', () => {
    const c = crash!.checkins[0]!;
    assert.equal(c.node.flow, true);
    assert.equal(fmt(c.node.range), '17:12-17:75');
    const f = c.node.fields;
    check(f.get('date'), '17:13-17:17', '17:19-17:29', '2026-10-06');
    check(f.get('value'), '17:31-17:36', '17:38-17:42', 99.3);
    check(f.get('confidence'), '17:44-17:54', '17:56-17:59', 0.6);
    check(f.get('note'), '17:61-17:65', '17:67-17:74', 'shipped');
    assert.deepEqual({ ...c, node: undefined }, { date: '2026-10-06', value: 99.3, confidence: 0.6, note: 'shipped', node: undefined });
  });

  it('positions of links items, flow and block, quoted and plain', () => {
    const links = (kr: typeof crash) => kr!.links.map((l) => `${l.text}@${fmt(l.range)}`);
    assert.deepEqual(links(crash), ['/src/a.ts#L4@15:16-15:30', 'acme/shop#12@15:32-15:44']);
    assert.deepEqual(links(uptime), ['SHOP-88@23:12-23:19', 'https://grafana.example.com/d/c@24:12-24:45']);
    assert.deepEqual(runbooks!.links, []);
  });

  it('key-result kinds', () => {
    const kinds = o.keyResults.map((k) => `${k.id}:${k.kind}`);
    assert.deepEqual(kinds, ['crash-free:metric', 'uptime:guardrail', 'runbooks:milestone', 'vague:draft']);
    // The kind is decided by the fields: guardrail wins, then done, then target.
    const kind = (body: string) => parse(`period: 2026\nobjectives:\n  - id: o\n    key_results:\n      - {id: k, ${body}}\n`).objectives[0]!.keyResults[0]!.kind;
    assert.equal(kind('target: 5'), 'metric');
    assert.equal(kind('guardrail: at_most'), 'guardrail');
    assert.equal(kind('guardrail: at_most, target: 3'), 'guardrail');
    assert.equal(kind('done: true'), 'milestone');
    assert.equal(kind('done: true, target: 3'), 'milestone');
    assert.equal(kind('title: x'), 'draft');
    assert.equal(kind('done: "yes"'), 'draft'); // not a boolean: the schema rule reports it
    assert.equal(kind('guardrail: above, target: 3'), 'metric'); // unknown guardrail value is ignored
    assert.equal(kind('target: "5"'), 'draft'); // a string is not a target
  });

  it('typed values, defaults and invalid values', () => {
    const kr = (body: string) => parse(`period: 2026\nobjectives:\n  - id: o\n    key_results:\n      - {id: k, ${body}}\n`).objectives[0]!.keyResults[0]!;
    assert.equal(kr('title: x').weight, 1);
    assert.equal(kr('weight: 0').weight, 0);
    assert.equal(kr('weight: -1').weight, 1);
    assert.equal(kr('weight: 2.5').weight, 2.5);
    assert.equal(kr('unit: 5').unit, '5');
    assert.equal(kr('unit: ms').unit, 'ms');
    assert.equal(kr('current: .nan').current, undefined);
    assert.equal(kr('current: 7').current, 7);
    assert.equal(parse('period: 2026\nobjectives:\n  - {id: o, key_results: [{id: 12}]}\n').objectives[0]!.keyResults[0]!.id, undefined);
    const obj = (body: string) => parse(`period: 2026\nobjectives:\n  - {id: o, ${body}}\n`).objectives[0]!;
    assert.equal(obj('title: x').type, 'aspirational');
    assert.equal(obj('type: committed').type, 'committed');
    assert.equal(obj('type: Committed').type, 'aspirational');
    assert.equal(obj('title: x').weight, 1);
    assert.equal(obj('title: x').keyResults.length, 0);
    assert.equal(obj('title: x').keyResultsField, undefined);
    const c = kr('checkins: [{date: 2026-01-02, value: true}, {value: "x"}, 5]').checkins;
    assert.equal(c.length, 2); // the scalar item is not a check-in
    assert.equal(c[0]!.value, true);
    assert.equal(c[1]!.value, undefined);
    assert.equal(c[1]!.date, undefined);
  });

  it('inherits owner and aligns_to', () => {
    const d = parse([
      'period: 2026',
      'owner: "@file"',
      'aligns_to: company#a',
      'objectives:',
      '  - id: one',
      '    key_results:',
      '      - {id: a}',
      '      - {id: b, owner: "@kr"}',
      '  - id: two',
      '    owner: "@obj"',
      '    aligns_to: company#b',
      '    key_results:',
      '      - {id: c}',
    ]);
    const [one, two] = d.objectives;
    assert.deepEqual([one!.owner, one!.effectiveOwner, one!.alignsTo, one!.effectiveAlignsTo], [undefined, '@file', undefined, 'company#a']);
    assert.deepEqual([two!.owner, two!.effectiveOwner, two!.alignsTo, two!.effectiveAlignsTo], ['@obj', '@obj', 'company#b', 'company#b']);
    assert.deepEqual(one!.keyResults.map((k) => [k.owner, k.effectiveOwner]), [[undefined, '@file'], ['@kr', '@kr']]);
    assert.deepEqual(two!.keyResults.map((k) => k.effectiveOwner), ['@obj']);
    const none = parse('period: 2026\nobjectives:\n  - id: x\n    key_results: [{id: y}]\n');
    assert.equal(none.objectives[0]!.effectiveOwner, undefined);
    assert.equal(none.objectives[0]!.keyResults[0]!.effectiveOwner, undefined);
    assert.equal(none.objectives[0]!.effectiveAlignsTo, undefined);
  });
});

describe('parser: lenient input', () => {
  it('an empty file yields an empty model', () => {
    for (const text of ['', '\n', '# just a comment\n']) {
      const d = parse(text);
      assert.equal(d.root, undefined);
      assert.deepEqual(d.objectives, []);
      assert.deepEqual(d.yamlErrors, []);
    }
  });

  it('a list or a scalar document has no root', () => {
    for (const text of ['- a\n- b\n', 'hello\n', '42\n']) {
      const d = parse(text);
      assert.equal(d.root, undefined, text);
      assert.deepEqual(d.objectives, [], text);
      assert.deepEqual(d.yamlErrors, [], text);
    }
  });

  it('broken YAML still yields a partial model and a positioned error', () => {
    const d = parse([
      'period: 2026-Q4',
      'objectives:',
      '  - id: a',
      '    title: A',
      '    key_results:',
      '      - id: k',
      '        title: "unterminated',
      '  - id: b',
    ]);
    assert.ok(d.yamlErrors.length > 0);
    assert.equal(d.period?.label, '2026-Q4');
    assert.equal(d.objectives[0]?.id, 'a');
    for (const e of d.yamlErrors) {
      assert.ok(e.code, 'error code');
      assert.doesNotMatch(e.message, / at line \d+/);
      assert.ok(e.range.start.line >= 6, `error at ${fmt(e.range)}`);
    }
  });

  it('a bad indentation error points at its line', () => {
    const d = parse(['period: 2026', 'objectives:', '  - id: a', '   title: x', 'team: T']);
    assert.ok(d.yamlErrors.length > 0);
    assert.equal(d.period?.label, '2026');
    assert.equal(d.yamlErrors[0]!.range.start.line, 3);
  });

  it('a duplicated key: YAML error, and the first occurrence is kept', () => {
    const d = parse(['period: 2026', 'team: A', 'team: B', 'objectives: []']);
    assert.equal(d.team, 'A');
    assert.equal(d.yamlErrors.length, 1);
    assert.equal(d.yamlErrors[0]!.code, 'DUPLICATE_KEY');
    assert.equal(d.yamlErrors[0]!.range.start.line, 2);
  });

  it('objectives that are not a list, and items that are not maps, are skipped', () => {
    assert.deepEqual(parse('period: 2026\nobjectives: 3\n').objectives, []);
    const d = parse('period: 2026\nobjectives:\n  - just text\n  - id: b\n');
    assert.deepEqual(d.objectives.map((o) => [o.id, o.index]), [['b', 1]]);
  });

  it('CRLF line endings give the same positions as LF', () => {
    const lf = parse(SAMPLE, '\n');
    const crlf = parse(SAMPLE, '\r\n');
    assert.deepEqual(crlf.yamlErrors, []);
    const ranges = (d: OkrDocument) =>
      d.objectives.flatMap((o) => o.keyResults.flatMap((k) => [...k.node.fields.values()].map((f) => `${f.key}:${fmt(f.keyRange)}:${fmt(f.valueRange)}`)));
    // Multi-line values end at the start of the next line in both.
    assert.deepEqual(ranges(crlf), ranges(lf));
    assert.equal(crlf.objectives[0]!.keyResults[0]!.title, 'Raise crash-free sessions from 99.2% to 99.8%');
  });

  it('tabs inside values count as one character; tab indentation is a YAML error', () => {
    const d = parse('period: 2026\nteam:\tPlat\tform\nobjectives: []\n');
    assert.equal(d.team, 'Plat\tform');
    assert.equal(fmt(d.root!.fields.get('team')!.valueRange), '1:6-1:15');
    const bad = parse('period: 2026\nobjectives:\n\t- id: a\n');
    assert.ok(bad.yamlErrors.length > 0);
    assert.equal(bad.yamlErrors[0]!.range.start.line, 2);
    assert.equal(bad.period?.label, '2026');
  });

  it('columns are UTF-16 code units after a 3-byte UTF-8 character', () => {
    // '€' is 3 bytes in UTF-8 and 1 UTF-16 unit; '😀' is 4 bytes and 2 units.
    const d = parse('period: 2026\nteam: €x\nowner: "😀"\ndescription: a😀b\nobjectives: []\n');
    assert.equal(fmt(d.root!.fields.get('team')!.valueRange), '1:6-1:8');
    assert.equal(fmt(d.root!.fields.get('owner')!.valueRange), '2:7-2:11');
    assert.equal(fmt(d.root!.fields.get('description')!.valueRange), '3:13-3:17');
    const e = parse('team: €\nperiod: 2026\n');
    assert.equal(fmt(e.root!.fields.get('period')!.keyRange), '1:0-1:6');
  });

  it('a key without a value has an empty value range at the end of the key', () => {
    const d = parse('period:\nobjectives:\n');
    const f = d.root!.fields.get('period')!;
    assert.equal(f.value, null);
    assert.equal(fmt(f.keyRange), '0:0-0:6');
    assert.equal(d.period, undefined);
    assert.deepEqual(d.objectives, []);
  });
});

describe('parser: suppressions', () => {
  function check(text: string, expected: Record<number, string[]>): void {
    const d = parse(text);
    const actual = Object.fromEntries([...d.suppressions].map(([line, ids]) => [line, [...ids].sort()]));
    assert.deepEqual(actual, expected);
  }

  it('one id, several ids, no id', () => {
    check('# okr-disable-next-line schema\nperiod: 2026\n', { 1: ['schema'] });
    check('a: 1\n  # okr-disable-next-line kr-compound, missing-owner\nb: 2\n', { 2: ['kr-compound', 'missing-owner'] });
    check('a: 1\n# okr-disable-next-line kr-compound missing-owner\nb: 2\n', { 2: ['kr-compound', 'missing-owner'] });
    check('#okr-disable-next-line\nb: 2\n', { 1: ['*'] });
    check('# okr-disable-next-line missing-owner -- nobody owns this yet\nb: 2\n', { 1: ['missing-owner'] });
  });

  it('CRLF and several comments', () => {
    check('# okr-disable-next-line a\r\nx: 1\r\n# okr-disable-next-line b\r\ny: 2\r\n', { 1: ['a'], 3: ['b'] });
  });

  it('not a suppression', () => {
    check('title: x # okr-disable-next-line schema\n', {});
    check('# okr-disable-next-lines schema\n', {});
    check('# okr-disable-next-line-not schema\n', {});
    check('# disable okr-disable-next-line\n', {});
    check('period: 2026\n', {});
  });
});
