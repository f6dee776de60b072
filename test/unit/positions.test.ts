// LineIndex: offsets <-> LSP positions, including the clamping LSP asks for and CRLF files.
import { strict as assert } from 'node:assert';
import { LineIndex } from '../../server/src/core/positions';

describe('LineIndex', () => {
  it('round-trips every offset of an LF and a CRLF text', () => {
    for (const text of ['a: 1\nbb: 22\n\nccc', 'a: 1\r\nbb: 22\r\n\r\nccc\r\n']) {
      const lines = new LineIndex(text);
      for (let o = 0; o <= text.length; o++) {
        if (text[o - 1] === '\r' && text[o] === '\n') continue; // between \r and \n is not a position
        assert.equal(lines.offsetAt(lines.positionAt(o)), o, `offset ${o} of ${JSON.stringify(text)}`);
      }
    }
  });

  it('clamps a character past the end of a line to the end of that line, not the next line (LSP)', () => {
    const lines = new LineIndex('title: x\nnext: y\n');
    assert.equal(lines.offsetAt({ line: 0, character: 999 }), 'title: x'.length);
    const crlf = new LineIndex('title: x\r\nnext: y\r\n');
    assert.equal(crlf.offsetAt({ line: 0, character: 999 }), 'title: x'.length);
    assert.equal(crlf.offsetAt({ line: 0, character: 9 }), 'title: x'.length, 'inside the CRLF break');
  });

  it('clamps lines outside the text to its ends', () => {
    const lines = new LineIndex('a\nb');
    assert.equal(lines.offsetAt({ line: -1, character: 3 }), 0);
    assert.equal(lines.offsetAt({ line: 7, character: 0 }), 3);
    assert.deepEqual(lines.positionAt(99), { line: 1, character: 1 });
  });
});

describe('positions never past the end of a line', () => {
  it('an offset between the \\r and \\n of a CRLF is the end of its line', () => {
    const lines = new LineIndex('ab\r\ncd');
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });

  it('after a run of edits answers as an index built from the new text (typing on one line, line breaks, deletions, CRLF)', () => {
    let seed = 20261206;
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pieces = ['x', 'yz', '', '\n', 'a\nb', '\n\n', ' ', '\r\n'];
    for (let run = 0; run < 60; run++) {
      let text = 'title: a\nkey: 1\n\n  - id: x\n    t: y\n';
      let index = new LineIndex(text);
      let line = Math.floor(r() * 4);
      for (let step = 0; step < 40; step++) {
        // Mostly typing on one line (the shift kept as one number), sometimes elsewhere or across lines.
        if (r() < 0.2) line = Math.floor(r() * index.lineCount);
        const bounds = index.lineBounds(line);
        const start = bounds.start + Math.floor(r() * (bounds.end - bounds.start + 1));
        const remove = r() < 0.3 ? Math.floor(r() * 4) : 0;
        const oldEnd = Math.min(text.length, start + remove);
        const piece = run % 5 === 4 ? pieces[Math.floor(r() * pieces.length)]! : pieces[Math.floor(r() * 3)]!;
        text = text.slice(0, start) + piece + text.slice(oldEnd);
        index = LineIndex.afterEdit(index, text, start, oldEnd, start + piece.length);
        const fresh = new LineIndex(text);
        assert.equal(index.lineCount, fresh.lineCount, `line count after step ${step} of run ${run}`);
        for (let l = 0; l < fresh.lineCount; l++) assert.deepEqual(index.lineBounds(l), fresh.lineBounds(l), `line ${l} after step ${step} of run ${run}`);
        for (let o = 0; o <= text.length; o++) assert.deepEqual(index.positionAt(o), fresh.positionAt(o), `offset ${o} after step ${step} of run ${run}`);
        line = Math.min(line, index.lineCount - 1);
      }
    }
  });
});
