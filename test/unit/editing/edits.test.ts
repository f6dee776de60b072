import * as assert from 'node:assert/strict';
import {
  addOwnerEdit,
  applyEdits,
  extractFieldsEdits,
  mostUsedOwner,
  parseOkrDocument,
  renameKeyEdit,
  replaceValueEdit,
  suppressEdit,
  type EditResult,
  type OkrDocument,
} from '../../../server/src/core';

const TEXT = `# Web team
period: 2026-Q4 # this quarter
owner: '@dana'
objectives:
  - id: checkout   # the main one
    title: Make checkout reliable
    type: 'commited'
    key_results:
      # latency first
      - id: latency
        title: "Cut p95 latency from 800 ms to 300 ms" # draft
        tagret: 1
      - {id: flow, title: Flow map from 1 to 2}
`;

function doc(text = TEXT): OkrDocument {
  return parseOkrDocument(text, 'file:///ws/web.okr');
}

/** Applies one edit and checks that everything outside its span is byte-for-byte the original. */
function apply(d: OkrDocument, r: EditResult): string {
  assert.ok(r.ok, r.ok ? '' : r.message);
  assert.equal(r.edits.length, 1);
  const e = r.edits[0]!;
  const s = d.lines.offsetAt(e.range.start);
  const end = d.lines.offsetAt(e.range.end);
  const out = applyEdits(d.text, r.edits, d.lines);
  assert.equal(out.slice(0, s), d.text.slice(0, s), 'text before the edit is unchanged');
  assert.equal(out.slice(s + e.newText.length), d.text.slice(end), 'text after the edit is unchanged');
  const again = parseOkrDocument(out, d.uri);
  assert.deepEqual(again.yamlErrors, [], 'the result is valid YAML');
  return out;
}

describe('core edits', () => {
  it('renames a misspelt key in place', () => {
    const d = doc();
    const f = d.objectives[0]!.keyResults[0]!.node.fields.get('tagret')!;
    const out = apply(d, renameKeyEdit(d, f.keyRange, 'tagret', 'target'));
    assert.ok(out.includes('        target: 1\n'));
    assert.equal(renameKeyEdit(d, f.keyRange, 'other', 'target').ok, false, 'refuses when the text moved on');
  });

  it('replaces a value keeping its quotes', () => {
    const d = doc();
    const f = d.objectives[0]!.node.fields.get('type')!;
    const out = apply(d, replaceValueEdit(d, f.valueRange, 'committed'));
    assert.ok(out.includes("    type: 'committed'\n"));
  });

  it('extracts baseline, target and unit after the title, keeping its trailing comment', () => {
    const d = doc();
    const kr = d.objectives[0]!.keyResults[0]!;
    const out = apply(d, extractFieldsEdits(d, kr, { baseline: 800, target: 300, unit: 'ms' }));
    assert.ok(out.includes('"Cut p95 latency from 800 ms to 300 ms" # draft\n        unit: ms\n        baseline: 800\n        target: 300\n        tagret: 1\n'), out);
    const again = parseOkrDocument(out, d.uri);
    assert.equal(again.objectives[0]!.keyResults[0]!.kind, 'metric');
  });

  it('quotes a unit that YAML would misread, and adds only missing keys', () => {
    const d = doc(TEXT.replace('        tagret: 1\n', '        target: 300\n'));
    const kr = d.objectives[0]!.keyResults[0]!;
    const out = apply(d, extractFieldsEdits(d, kr, { baseline: 800, target: 300, unit: '%' }));
    assert.ok(out.includes('# draft\n        unit: "%"\n        baseline: 800\n        target: 300\n'), out);
  });

  it('refuses to edit a flow map', () => {
    const d = doc();
    const kr = d.objectives[0]!.keyResults[1]!;
    assert.equal(extractFieldsEdits(d, kr, { baseline: 1, target: 2 }).ok, false);
  });

  it('adds an owner after the id and title, with the most used owner of the file', () => {
    const d = doc();
    assert.equal(mostUsedOwner(d), '@dana');
    const out = apply(d, addOwnerEdit(d, d.objectives[0]!.keyResults[0]!.node, '@dana'));
    assert.ok(out.includes('# draft\n        owner: "@dana"\n        tagret'), out);
    const o = apply(d, addOwnerEdit(d, d.objectives[0]!.node, '@lee'));
    assert.ok(o.includes('    title: Make checkout reliable\n    owner: "@lee"\n    type:'), o);
  });

  it('adds a suppression comment above the line in its indentation, or extends an existing one', () => {
    const d = doc();
    const out = apply(d, suppressEdit(d, 11, 'schema'));
    assert.ok(out.includes('# draft\n        # okr-disable-next-line schema\n        tagret: 1\n'), out);
    const dash = apply(d, suppressEdit(d, 9, 'missing-owner'));
    assert.ok(dash.includes('      # latency first\n      # okr-disable-next-line missing-owner\n      - id: latency\n'), dash);
    const d2 = doc(out);
    const more = apply(d2, suppressEdit(d2, 12, 'kr-compound'));
    assert.ok(more.includes('        # okr-disable-next-line schema kr-compound\n        tagret'), more);
    assert.equal(suppressEdit(d2, 12, 'schema').ok, false, 'already suppressed');
    const d3 = doc(TEXT.replace('      - id: latency', '      # okr-disable-next-line schema -- legacy\n      - id: latency'));
    const reason = apply(d3, suppressEdit(d3, 10, 'missing-owner'));
    assert.ok(reason.includes('# okr-disable-next-line schema missing-owner -- legacy\n'), reason);
    // A comment that only starts like one is not a suppression (the parser does not read it as one).
    const d4 = doc(TEXT.replace('      - id: latency', '      # okr-disable-next-line-ish notes\n      - id: latency'));
    assert.equal(d4.suppressions.size, 0);
    const fresh = apply(d4, suppressEdit(d4, 10, 'missing-owner'));
    assert.ok(fresh.includes('      # okr-disable-next-line-ish notes\n      # okr-disable-next-line missing-owner\n      - id: latency\n'), fresh);
  });

  it('keeps CRLF line endings', () => {
    const d = doc(TEXT.replace(/\n/g, '\r\n'));
    const out = apply(d, suppressEdit(d, 11, 'schema'));
    assert.ok(out.includes('# draft\r\n        # okr-disable-next-line schema\r\n        tagret'));
  });
});
