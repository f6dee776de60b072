// The server's open documents (lsp/text-document.ts) keep line offsets in the core's LineIndex; every
// answer must be the one vscode-languageserver-textdocument gives, over random edits.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IndexedTextDocument } from '../../server/src/lsp/text-document';
import { LineIndex } from '../../server/src/core/positions';
import { MAX_FILE_BYTES, refusalOfText } from '../../server/src/node/discover';

function same(ours: IndexedTextDocument, theirs: TextDocument, what: string): void {
  assert.equal(ours.getText(), theirs.getText(), `text ${what}`);
  assert.equal(ours.lineCount, theirs.lineCount, `line count ${what}`);
  const text = theirs.getText();
  for (let o = -1; o <= text.length + 1; o++) assert.deepEqual(ours.positionAt(o), theirs.positionAt(o), `positionAt(${o}) ${what}`);
  for (let line = -1; line <= theirs.lineCount + 1; line++) {
    assert.deepEqual(ours.getLineRange(line), theirs.getLineRange(line), `getLineRange(${line}) ${what}`);
    assert.equal(ours.getEOLCharacters(line), theirs.getEOLCharacters(line), `getEOLCharacters(${line}) ${what}`);
    for (const character of [-1, 0, 1, 3, 200]) assert.equal(ours.offsetAt({ line, character }), theirs.offsetAt({ line, character }), `offsetAt(${line}:${character}) ${what}`);
  }
}

describe('open documents indexed by LineIndex', () => {
  it('answer as vscode-languageserver-textdocument does after random edits, LF and CRLF', () => {
    let seed = 7;
    const r = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pieces = ['a', 'bc', '', '\n', '\r\n', '\r', 'x\ny', ' '];
    for (const start of ['title: a\nkey: 1\n\n  - id: x\n', 'a: 1\r\nb: 2\r\n\r\nc\r\n', '']) {
      for (let run = 0; run < 20; run++) {
        const ours = new IndexedTextDocument('file:///a.okr', 'okr', 1, start);
        const theirs = TextDocument.create('file:///a.okr', 'okr', 1, start);
        if (run % 2 === 0) ours.adopt(new LineIndex(start));
        for (let step = 0; step < 25; step++) {
          const pos = () => ({ line: Math.floor(r() * (theirs.lineCount + 1)) - (r() < 0.05 ? 1 : 0), character: Math.floor(r() * 12) });
          const change = r() < 0.05 ? { text: pieces[Math.floor(r() * pieces.length)]!.repeat(3) } : { range: { start: pos(), end: pos() }, text: pieces[Math.floor(r() * pieces.length)]! };
          ours.update([change], step + 2);
          TextDocument.update(theirs, [change], step + 2);
          same(ours, theirs, `after step ${step} of run ${run} from ${JSON.stringify(start)}`);
        }
      }
    }
  });

  it('refuses a version as refusalOfText does, following the byte count and NULs through edits', () => {
    const near = 'a'.repeat(MAX_FILE_BYTES - 4) + '\n';
    const doc = new IndexedTextDocument('file:///a.okr', 'okr', 1, near);
    const check = (what: string) => assert.equal(doc.refusal('a.okr'), refusalOfText(doc.getText(), 'a.okr'), what);
    check('just under the limit');
    const end = { line: 0, character: MAX_FILE_BYTES };
    doc.update([{ range: { start: end, end }, text: 'éé' }], 2);
    check('two bytes over');
    assert.ok(doc.refusal('a.okr'));
    doc.update([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, text: '' }], 3);
    check('under again');
    assert.equal(doc.refusal('a.okr'), undefined);
    doc.update([{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } }, text: '\u0000' }], 4);
    check('a NUL');
    doc.update([{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: '\ud83d' }], 5);
    check('half a surrogate pair in place of the NUL');
    doc.update([{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 6 } }, text: '\ude00' }], 6);
    check('the pair completed');
    doc.update([{ text: 'short\n' }], 7);
    check('replaced whole');
  });

  it('takes over an index only for its own text', () => {
    const doc = new IndexedTextDocument('file:///a.okr', 'okr', 1, 'a\nb\n');
    const other = new LineIndex('a\nbb\nc\n');
    doc.adopt(other);
    assert.equal(doc.lineCount, 3);
    assert.notEqual(doc.lines(), other);
  });
});
