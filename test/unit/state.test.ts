// The server's state: opening a file unchanged from disk reuses the model the workspace scan parsed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticsInRoot } from '../../server/src/lsp/analysis';
import { ServerState } from '../../server/src/lsp/state';

const ROOT = path.resolve(__dirname, '..', 'fixtures', 'lsp', 'ws');
const WEB = path.join(ROOT, 'teams', 'web.okr');

describe('server state', () => {
  function scanned(): ServerState {
    const state = new ServerState();
    state.scanRoot(state.addRoot(ROOT));
    return state;
  }

  it('opening a file as it is on disk reuses the scanned model (no second parse)', () => {
    const state = scanned();
    const fromScan = state.rootFor(WEB).index.get(WEB)!;
    const text = fs.readFileSync(WEB, 'utf8');
    const model = state.parsed(TextDocument.create(pathToFileURL(WEB).toString(), 'okr', 7, text));
    assert.equal(model.objectives, fromScan.objectives, 'the same model: nothing was parsed again');
    // The scan let go of the file's YAML tree; opening does not parse it back (its first edit will).
    assert.equal(typeof Object.getOwnPropertyDescriptor(model, 'yaml')?.get, 'function', 'the tree is not parsed on opening');
    assert.equal(model.version, 7, 'but it carries the editor version');
    assert.equal(state.rootFor(WEB).index.get(WEB), model, 'and the index now holds the open version');
  });

  it('the opened copy takes over the file-scope diagnostics already computed for the scanned model', () => {
    const state = scanned();
    const root = state.rootFor(WEB);
    const fromScan = root.index.get(WEB)!;
    const before = diagnosticsInRoot(fromScan, root, WEB, '2026-11-20');
    assert.ok(before.length > 0, 'the fixture has findings');
    const model = state.parsed(TextDocument.create(pathToFileURL(WEB).toString(), 'okr', 2, fs.readFileSync(WEB, 'utf8')));
    const after = diagnosticsInRoot(model, root, WEB, '2026-11-20');
    assert.deepEqual(after, before);
    // The same objects: the rules did not run again for the copy.
    assert.ok(after.some((d) => before.includes(d)), 'file-scope diagnostics are reused, not recomputed');
  });

  it('opening a file whose editor text differs from the disk parses that text', () => {
    const state = scanned();
    const fromScan = state.rootFor(WEB).index.get(WEB)!;
    const text = fs.readFileSync(WEB, 'utf8').replace('Make checkout reliable', 'Make checkout calm');
    const model = state.parsed(TextDocument.create(pathToFileURL(WEB).toString(), 'okr', 1, text));
    assert.notEqual(model.yaml, fromScan.yaml);
    assert.equal(model.objectives[0]!.title, 'Make checkout calm');
  });

  it('closing a saved file keeps its model; closing with unsaved edits goes back to the disk', () => {
    const state = scanned();
    const uri = pathToFileURL(WEB).toString();
    const text = fs.readFileSync(WEB, 'utf8');
    const open = state.parsed(TextDocument.create(uri, 'okr', 3, text));
    state.closed(uri);
    assert.equal(state.rootFor(WEB).index.get(WEB), open, 'same text on disk: the model is kept');

    const edited = state.parsed(TextDocument.create(uri, 'okr', 4, text.replace('Make checkout reliable', 'Unsaved title')));
    state.closed(uri);
    const back = state.rootFor(WEB).index.get(WEB)!;
    assert.notEqual(back, edited);
    assert.equal(back.objectives[0]!.title, 'Make checkout reliable', 'the unsaved edit is gone with the editor');
  });
});
