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
});
