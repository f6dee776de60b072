import * as assert from 'node:assert/strict';
import { keyResultAtLine } from '../../../client/src/model/at';
import { file, kr, objective } from './fixtures';

// Ranges as the server sends them: each block map ends at column 0 of the next item's line.
const range = (a: number, b: number) => ({ start: { line: a, character: 8 }, end: { line: b, character: 0 } });
const model = file('web', [
  objective('o', [kr('k1', { range: range(5, 7) }), kr('k2', { range: range(7, 9) })], { range: { start: { line: 2, character: 4 }, end: { line: 9, character: 0 } } }),
  objective('o2', [kr('k3', { range: range(11, 13) })], { range: { start: { line: 9, character: 4 }, end: { line: 13, character: 0 } } }),
]);

describe('client: key result at a line', () => {
  it('the first line of a key result is its own, not the previous one', () => {
    assert.equal(keyResultAtLine(model, 5)?.keyResult.id, 'k1');
    assert.equal(keyResultAtLine(model, 6)?.keyResult.id, 'k1');
    assert.equal(keyResultAtLine(model, 7)?.keyResult.id, 'k2');
    assert.equal(keyResultAtLine(model, 8)?.keyResult.id, 'k2');
  });

  it("an objective's own lines hold no key result", () => {
    assert.equal(keyResultAtLine(model, 9), undefined);
    assert.equal(keyResultAtLine(model, 10), undefined);
    assert.equal(keyResultAtLine(model, 11)?.keyResult.id, 'k3');
  });
});
