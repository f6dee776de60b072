// EditedText: an edit's text read a few characters at a time must read as the string it stands for.
import * as assert from 'node:assert/strict';
import { EditedText, wholeText, type TextSource } from '../../server/src/core/edited-text';
import { LineIndex } from '../../server/src/core/positions';
import { rng } from './test-inputs';

const CHARS = 'ab \n\n-:#é\u{1F600}';

function randomText(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(r() * CHARS.length)];
  return s;
}

describe('EditedText', () => {
  it('reads as the edited string through 300 chained edits: length, characters, slices and the whole text', () => {
    const r = rng(1206);
    let plain = randomText(r, 400);
    let text: TextSource = plain;
    for (let step = 0; step < 300; step++) {
      const start = Math.floor(r() * (plain.length + 1));
      const oldEnd = Math.min(plain.length, start + Math.floor(r() * 6));
      const inserted = r() < 0.3 ? '' : randomText(r, Math.floor(r() * 5));
      text = new EditedText(text, start, oldEnd, inserted);
      plain = plain.slice(0, start) + inserted + plain.slice(oldEnd);
      assert.equal(text.length, plain.length, `length at step ${step}`);
      for (let k = 0; k < 20; k++) {
        const i = Math.floor(r() * plain.length);
        assert.equal(text.charCodeAt(i), plain.charCodeAt(i), `character ${i} at step ${step}`);
        // Bounds past the end too (non-negative ones: what the readers pass).
        const a = Math.floor(r() * (plain.length + 3));
        const b = a + Math.floor(r() * 40) - 3;
        assert.equal(text.slice(a, Math.max(0, b)), plain.slice(a, Math.max(0, b)), `slice ${a}..${b} at step ${step}`);
      }
      // Now and then a reader asks for all of it; the chain goes on from there.
      if (step % 97 === 96) assert.equal(wholeText(text), plain);
    }
    assert.equal(wholeText(text), plain);
    assert.equal(text.charCodeAt(3), plain.charCodeAt(3), 'reads after being made whole');
  });

  it('keeps chains short: a text more than 64 edits from a string makes its predecessor whole', () => {
    let text: TextSource = 'x'.repeat(100);
    for (let i = 0; i < 200; i++) text = new EditedText(text, i % 50, i % 50, 'y');
    assert.ok(text instanceof EditedText && text.depth <= 65, `depth ${(text as EditedText).depth}`);
    assert.equal(wholeText(text), 'y'.repeat(200) + 'x'.repeat(100));
  });

  it('tells the edit it was made by', () => {
    const before = 'hello world';
    const text = new EditedText(before, 5, 6, '_');
    assert.equal(text.madeFrom(before, 5, 6, 6), true);
    assert.equal(text.madeFrom(before, 5, 6, 7), false);
    assert.equal(text.madeFrom('hello world', 4, 6, 6), false);
  });

  it('a line index over an edit\'s text answers as one over the string, without making it whole', () => {
    const r = rng(77);
    const plain = randomText(r, 2000).replace(/\u{1F600}/gu, 'z');
    let lines = new LineIndex(plain);
    let text: TextSource = plain;
    let current = plain;
    for (let step = 0; step < 60; step++) {
      const start = Math.floor(r() * current.length);
      const oldEnd = Math.min(current.length, start + Math.floor(r() * 3));
      const inserted = step % 4 === 0 ? '\n' : 'q';
      text = new EditedText(text, start, oldEnd, inserted);
      lines = LineIndex.afterEdit(lines, text, start, oldEnd, start + inserted.length);
      current = current.slice(0, start) + inserted + current.slice(oldEnd);
      const fresh = new LineIndex(current);
      assert.equal(lines.lineCount, fresh.lineCount);
      for (let k = 0; k < 20; k++) {
        const o = Math.floor(r() * current.length);
        assert.deepEqual(lines.positionAt(o), fresh.positionAt(o), `offset ${o} at step ${step}`);
        const line = Math.floor(r() * fresh.lineCount);
        assert.deepEqual(lines.lineBounds(line), fresh.lineBounds(line), `line ${line} at step ${step}`);
      }
      assert.equal(lines.textSource, text, 'the index read the text whole');
    }
    assert.equal(lines.text, current);
  });
});
