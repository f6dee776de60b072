import * as assert from 'node:assert/strict';
import { applyEdits, checkinEdits, parseOkrDocument, type CheckinEntry } from '../../../server/src/core';
import { parse as parseYaml } from 'yaml';

function kr(checkinsLine: string, after = ''): string {
  return `period: 2026-Q4
objectives:
  - id: o
    title: T
    key_results:
      - id: k
        title: X
        target: 10
${checkinsLine}${after}`;
}

/** The text after a check-in, which must parse without YAML problems and hold the new check-in. */
function checkIn(text: string, entry: CheckinEntry = { date: '2026-11-01', value: 5 }): string {
  const doc = parseOkrDocument(text, 'file:///ws/x.okr');
  const r = checkinEdits(doc, 'o', 'k', entry);
  assert.ok(r.ok, r.ok ? '' : r.message);
  const out = applyEdits(text, r.edits, doc.lines);
  const after = parseOkrDocument(out, 'file:///ws/x.okr');
  assert.deepEqual(after.yamlErrors.map((e) => e.message), [], out);
  assert.ok(after.objectives[0]!.keyResults[0]!.checkins.some((c) => c.date === entry.date && c.value === entry.value), out);
  return out;
}

describe('check-in edits', () => {
  it('an empty `checkins:` with a comment keeps the comment on its line', () => {
    const out = checkIn(kr('        checkins: # none yet\n', '        owner: a\n'));
    assert.ok(out.includes('        checkins: # none yet\n          - {date: 2026-11-01, value: 5}\n        owner: a\n'), out);
  });

  it('an empty `checkins:` at the end of the file', () => {
    const out = checkIn(kr('        checkins:'));
    assert.ok(out.endsWith('        checkins:\n          - {date: 2026-11-01, value: 5}'), out);
  });

  it('`checkins: []` becomes a block list, keeping the comment after it', () => {
    const out = checkIn(kr('        checkins: []   # empty\n', '        owner: a\n'));
    assert.ok(out.includes('        checkins:\n          - {date: 2026-11-01, value: 5}   # empty\n        owner: a\n'), out);
  });

  it('`checkins: null` is replaced by the list', () => {
    const out = checkIn(kr('        checkins: null\n'));
    assert.ok(out.includes('        checkins:\n          - {date: 2026-11-01, value: 5}\n'), out);
  });

  it('a flow list gets one more entry, a block list one more item', () => {
    checkIn(kr('        checkins: [{date: 2026-10-01, value: 1}]  # c\n'));
    const out = checkIn(kr('        checkins:\n          - date: 2026-10-01\n            value: 1\n'), { date: '2026-11-01', value: 5, note: 'on: track' });
    assert.ok(out.includes('          - date: 2026-11-01\n            value: 5\n            note: "on: track"'), out);
  });

  it('no `checkins` key: a list after the key result, and `current` follows the newest check-in', () => {
    const out = checkIn(kr('        current: 3 # as of October\n'));
    assert.ok(out.includes('        current: 5 # as of October\n        checkins:\n          - {date: 2026-11-01, value: 5}'), out);
  });

  it('the newest check-in with a confidence updates the `confidence` the key result states; an older one does not', () => {
    const text = kr('        current: 3\n        confidence: 0.7 # gut feeling\n        checkins:\n          - {date: 2026-10-15, value: 3}\n');
    const out = checkIn(text, { date: '2026-11-01', value: 5, confidence: 0.4 });
    assert.ok(out.includes('        current: 5\n        confidence: 0.4 # gut feeling\n'), out);
    const older = checkIn(text, { date: '2026-10-01', value: 2, confidence: 0.9 });
    assert.ok(older.includes('        current: 3\n        confidence: 0.7 # gut feeling\n'), older);
  });
});

describe('check-in on items without ids (a draft)', () => {
  const draft = `period: 2026-Q4
objectives:
  - title: Ship things
    key_results:
      - title: Reduce p95 latency from 800 ms to 300 ms
        target: 300
      - id: kr-1
        title: A real id
        target: 5
`;
  const checkinsAfter = (objective: string, kr: string, value: number) => {
    const doc = parseOkrDocument(draft, 'file:///ws/x.okr');
    const r = checkinEdits(doc, objective, kr, { date: '2026-11-01', value });
    assert.ok(r.ok, r.ok ? '' : r.message);
    const after = parseOkrDocument(applyEdits(draft, r.edits, doc.lines), 'file:///ws/x.okr');
    return after.objectives[0]!.keyResults.map((k) => k.checkins.map((c) => c.value));
  };

  it('addresses them by the stand-in handles the workspace model shows (objective@1, kr@1)', () => {
    assert.deepEqual(checkinsAfter('objective@1', 'kr@1', 400), [[400], []]);
  });

  it('a stand-in never equals a real id: kr-1 is the second key result, kr@2 is nothing', () => {
    assert.deepEqual(checkinsAfter('objective@1', 'kr-1', 3), [[], [3]]);
    const r = checkinEdits(parseOkrDocument(draft, 'file:///ws/x.okr'), 'objective@1', 'kr@2', { date: '2026-11-01', value: 1 });
    assert.equal(r.ok, false);
  });
});

describe('check-in notes round-trip as the same string', () => {
  // Each would change meaning or break the file written as a plain scalar (YAML 1.2, and 1.1 for
  // "yes"/"no", which other tools still read that way).
  const NOTES = [
    '@dana fixed it', '`code`', '1e5', '0x1F', '0o17', '+12', '.5', '1_000', 'yes', 'no', 'on', 'y', 'null', 'Null', '~', 'true',
    '- x', '#x', ': x', 'a: b', 'a #b', '? x', '! tag', '& anchor', '* alias', '| block', '> folded', '% dir', '"quoted"', "'single'",
    '{a: 1}', '[1, 2]', 'a, b', 'x]', 'x}', 'line one\nline two', 'trailing ', ' leading', '\ttab', 'tab\tinside', 'back\\slash',
    'nel\u0085x', 'bell\u0007', 'del\u007f', 'ls\u2028ps\u2029', '😀 emoji', '2026-11-20', '12:30', '---', '...', 'plain words are fine',
  ];
  const layouts: Array<[string, string]> = [
    ['a flow entry (no list yet)', kr('')],
    ['a flow list', kr('        checkins: [{date: 2026-10-01, value: 1}]\n')],
    ['a block list', kr('        checkins:\n          - date: 2026-10-01\n            value: 1\n')],
  ];
  for (const [layout, text] of layouts) {
    it(`in ${layout}`, () => {
      for (const note of NOTES) {
        const out = checkIn(text, { date: '2026-11-01', value: 5, note });
        const after = parseOkrDocument(out, 'file:///ws/x.okr');
        const written = after.objectives[0]!.keyResults[0]!.checkins.find((c) => c.date === '2026-11-01');
        assert.equal(written?.note, note, `${JSON.stringify(note)} came back as ${JSON.stringify(written?.note)} from:\n${out}`);
        // What YAML 1.1 readers make of it too: the same string.
        const v11 = parseYaml(out, { version: '1.1' }) as { objectives: Array<{ key_results: Array<{ checkins: Array<{ note?: unknown }> }> }> };
        assert.equal(v11.objectives[0]!.key_results[0]!.checkins.at(-1)!.note, note, `YAML 1.1 reads ${JSON.stringify(note)} otherwise:\n${out}`);
      }
    });
  }
  it('plain words stay plain (no quotes where none are needed)', () => {
    const out = checkIn(kr(''), { date: '2026-11-01', value: 5, note: 'shipped the new flow' });
    assert.ok(out.includes('note: shipped the new flow}'), out);
  });
});

describe('check-in values are checked before anything is written', () => {
  const doc = () => parseOkrDocument(kr(''), 'file:///ws/x.okr');
  const refused = (entry: unknown) => checkinEdits(doc(), 'o', 'k', entry as CheckinEntry).ok === false;
  it('refuses a confidence or note of the wrong type, which JavaScript comparisons would let through', () => {
    for (const confidence of [true, [0.5], '0.5', null, NaN, 2]) assert.ok(refused({ date: '2026-11-01', value: 5, confidence }), JSON.stringify(confidence));
    for (const note of [5, { a: 1 }, ['x']]) assert.ok(refused({ date: '2026-11-01', value: 5, note }), JSON.stringify(note));
    for (const value of ['5', null, Infinity, NaN, [5]]) assert.ok(refused({ date: '2026-11-01', value }), JSON.stringify(value));
    for (const date of ['2026-02-30', '20261101', 'tomorrow']) assert.ok(refused({ date, value: 5 }), date);
  });
});
