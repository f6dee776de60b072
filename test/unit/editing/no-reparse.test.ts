// Hover, completion and code actions use the model cached for the document's version: they never
// parse. Proven two ways: the state's parse count does not move while they run, and no editing
// feature module imports a parser.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { OkrDocument } from '../../../server/src/core';
import { onCodeAction, onCompletion, onHover } from '../../../server/src/lsp/features/editing';
import { ServerState } from '../../../server/src/lsp/state';

const ROOT = path.resolve(__dirname, '..', '..', 'fixtures', 'lsp', 'editing');
const WEB = path.join(ROOT, 'teams', 'web.okr');

class CountingState extends ServerState {
  parses = 0;
  override parsed(doc: TextDocument): OkrDocument {
    const before = this.cached(doc.uri);
    const model = super.parsed(doc);
    if (model !== before) this.parses++;
    return model;
  }
}

describe('editing features never re-parse', () => {
  it('hover, completion and code actions reuse the cached model of the version', () => {
    const state = new CountingState();
    state.addRoot(ROOT);
    const uri = pathToFileURL(WEB).toString();
    const text = fs.readFileSync(WEB, 'utf8');
    const doc = TextDocument.create(uri, 'okr', 1, text);
    const documents = { get: (u: string) => (u === uri ? doc : undefined) };
    const model = state.parsed(doc);
    assert.equal(state.parses, 1);
    const textDocument = { uri };
    for (let line = 0; line < model.lines.lineCount; line++) {
      const position = { line, character: 10 };
      onHover(state, documents, { textDocument, position });
      onCompletion(state, documents, { textDocument, position });
      onCodeAction(state, documents, { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } });
    }
    assert.equal(state.parses, 1, 'no parse while answering');
    assert.equal(state.parsed(doc), model, 'the same model object serves every request');

    const v2 = TextDocument.update(doc, [{ text: text + '\n' }], 2);
    const documents2 = { get: () => v2 };
    onHover(state, documents2, { textDocument, position: { line: 9, character: 14 } });
    onHover(state, documents2, { textDocument, position: { line: 9, character: 14 } });
    assert.equal(state.parses, 2, 'a new version is parsed once');
  });

  it('no editing feature module imports a parser', () => {
    const dir = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'lsp', 'features');
    for (const f of ['editing.ts', 'completion.ts', 'hover.ts', 'code-actions.ts', 'formatting.ts', 'locate.ts']) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.doesNotMatch(src, /parseOkrDocument|parseDocument|\bparseAllDocuments\b|from 'yaml'.*\bparse\b/, f);
    }
  });
});
