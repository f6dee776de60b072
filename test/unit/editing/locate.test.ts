import * as assert from 'node:assert/strict';
import { lineContext, locate } from '../../../server/src/lsp/features/locate';
import { docAt } from './helpers';

const TEXT = `period: {start: 2026-10-01, end: 2026-12-31}
objectives:
  - id: checkout
    title: Make checkout reliable
    key_results:
      - id: uptime
        title: Raise availability
        target: 99.8
        checkins:
          - date: 2026-11-01
            value: 99.3
      - id: latency
        title: Cut latency
    weight: 2
`;

function at(marker: string, delta = 0) {
  const i = TEXT.indexOf(marker);
  assert.ok(i >= 0, marker);
  return docAt(TEXT.slice(0, i + delta) + '|' + TEXT.slice(i + delta));
}

describe('locate', () => {
  it('finds the key result and the key or value under the cursor', () => {
    const { doc, position } = at('target: 99.8', 2);
    const l = locate(doc, position);
    assert.equal(l.mapKind, 'keyResult');
    assert.equal(l.field?.key, 'target');
    assert.equal(l.part, 'key');
    assert.equal(l.keyResult?.id, 'uptime');
    assert.equal(l.objective?.id, 'checkout');
    assert.equal(locate(...args(at('99.8', 1))).part, 'value');
  });

  it('prefers the innermost map: a check-in field over the key result\'s checkins', () => {
    const l = locate(...args(at('value: 99.3', 1)));
    assert.equal(l.mapKind, 'checkin');
    assert.equal(l.field?.key, 'value');
    assert.equal(l.keyResult?.id, 'uptime');
  });

  it('returns to the objective after its key results, and the file for the period', () => {
    const w = locate(...args(at('weight: 2', 1)));
    assert.equal(w.mapKind, 'objective');
    assert.equal(w.field?.key, 'weight');
    assert.equal(w.keyResult, undefined);
    const p = locate(...args(at('2026-12-31', 1)));
    assert.equal(p.mapKind, 'file');
    assert.equal(p.field?.key, 'period');
  });

  it('reads the map kind of a line being typed from indentation', () => {
    const ctx = lineContext(...args(docAt(TEXT.replace('        title: Cut latency\n', '        title: Cut latency\n        ba|\n'))));
    assert.equal(ctx.type, 'key');
    assert.equal(ctx.type === 'key' && ctx.mapKind, 'keyResult');
    assert.deepEqual(ctx.type === 'key' && [...ctx.present].sort(), ['id', 'title']);
    const seq = lineContext(...args(docAt(TEXT.replace('          - date: 2026-11-01', '          - |\n          - date: 2026-11-01'))));
    assert.equal(seq.type === 'key' && seq.mapKind, 'checkin');
    assert.equal(seq.type === 'key' && seq.newItem, true);
  });

  it('reads a value being typed, with the text to replace', () => {
    const ctx = lineContext(...args(docAt(TEXT.replace('    weight: 2', '    type: comm|'))));
    assert.ok(ctx.type === 'value');
    assert.equal(ctx.key, 'type');
    assert.equal(ctx.mapKind, 'objective');
    assert.equal(ctx.prefix, 'comm');
    assert.deepEqual(ctx.replace, { start: { line: 13, character: 10 }, end: { line: 13, character: 14 } });
  });
});

function args(x: ReturnType<typeof docAt>): [ReturnType<typeof docAt>['doc'], ReturnType<typeof docAt>['position']] {
  return [x.doc, x.position];
}
