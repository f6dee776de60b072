// A model of a file that is not open lets go of its YAML syntax tree (releaseSyntaxTree): everything a
// reader can ask of it (values, ranges, the tree itself, every rule's result) must stay as it was.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, mergeConfig, openedCopy, parseOkrDocument, releaseSyntaxTree, type MapNode, type OkrDocument } from '../../server/src/core';

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const files = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.okr'));

/** Every map node of a model with a name, in a fixed order. */
function maps(doc: OkrDocument): Array<[string, MapNode]> {
  const out: Array<[string, MapNode]> = doc.root ? [['root', doc.root]] : [];
  doc.objectives.forEach((o, i) => {
    out.push([`o${i}`, o.node]);
    o.keyResults.forEach((k, j) => {
      out.push([`o${i}k${j}`, k.node]);
      k.checkins.forEach((c, n) => out.push([`o${i}k${j}c${n}`, c.node]));
    });
  });
  return out;
}

/** What a reader sees of every field: key, value (lists and maps as plain data), both ranges, offsets. */
function seen(doc: OkrDocument): unknown {
  return maps(doc).map(([name, m]) => [name, m.range, m.start, m.end, m.indent, [...m.fields.values()].map((f) => [f.key, f.value, f.keyRange, f.valueRange, f.start, f.end])]);
}

describe('releaseSyntaxTree', () => {
  it('has examples to check', () => assert.ok(files.length >= 3));

  for (const file of files) {
    it(`${file}: values and ranges read after the release are those read before it`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const before = seen(parseOkrDocument(text, 'file:///x.okr'));
      const released = parseOkrDocument(text, 'file:///x.okr');
      releaseSyntaxTree(released);
      assert.deepEqual(seen(released), before);
    });

    it(`${file}: every rule reports the same after the release (the tree is parsed again when a rule asks)`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      const options = { config: mergeConfig(), today: '2026-11-20' };
      const expected = analyzeDocument(parseOkrDocument(text, 'file:///x.okr'), options);
      const released = parseOkrDocument(text, 'file:///x.okr');
      releaseSyntaxTree(released);
      assert.deepEqual(analyzeDocument(released, options), expected);
      assert.equal(released.yaml.toString(), parseOkrDocument(text, 'file:///y.okr').yaml.toString());
    });
  }

  it('finds a nested list again from the text: check-ins inside a key result inside an objective', () => {
    const text = ['objectives:', '  - id: o', '    key_results:', '      - id: k', '        checkins:', '          - date: 2026-10-01', '            value: 3', ''].join('\n');
    const doc = parseOkrDocument(text, 'file:///x.okr');
    releaseSyntaxTree(doc);
    assert.deepEqual(doc.objectives[0]!.keyResults[0]!.node.fields.get('checkins')!.value, [{ date: '2026-10-01', value: 3 }]);
    assert.deepEqual(doc.root!.fields.get('objectives')!.value, [{ id: 'o', key_results: [{ id: 'k', checkins: [{ date: '2026-10-01', value: 3 }] }] }]);
  });

  it('a released model opened in the editor: a copy with the editor\'s uri and version whose tree is parsed once, on first read, and kept', () => {
    const text = fs.readFileSync(path.join(EXAMPLES, files[0]!), 'utf8');
    const disk = parseOkrDocument(text, 'file:///x.okr');
    releaseSyntaxTree(disk);
    const open = openedCopy(disk, 'file:///editor/x.okr', 7);
    assert.equal(open.uri, 'file:///editor/x.okr');
    assert.equal(open.version, 7);
    assert.equal(disk.uri, 'file:///x.okr', 'the model on disk keeps its own uri');
    assert.equal(open.objectives, disk.objectives, 'the same model, not a copy of it');
    assert.ok(typeof Object.getOwnPropertyDescriptor(open, 'yaml')?.get === 'function', 'not parsed on opening');
    const tree = open.yaml;
    assert.equal(open.yaml, tree, 'parsed once, then kept');
    assert.equal(tree.toString(), parseOkrDocument(text, 'file:///y.okr').yaml.toString());
  });
});
