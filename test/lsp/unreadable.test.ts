import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './client';

// A .okr file the server cannot read must not just vanish from the tree and the scores: it gets one
// error saying why, which clears when the file is fixed on disk.
describe('LSP: unreadable .okr files', function () {
  let client: LspClient;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lsp-unreadable-'));
    fs.writeFileSync(path.join(dir, 'ok.okr'), 'period: 2026-Q4\nobjectives: []\n');
    fs.writeFileSync(path.join(dir, 'blob.okr'), Buffer.from([0x70, 0x00, 0x01, 0x02]));
    client = new LspClient();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports a binary file with an error at its top, and clears it once the file is text', async () => {
    const file = path.join(dir, 'blob.okr');
    const uri = pathToFileURL(file).toString();
    await client.initialize(dir);
    const p = await client.diagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.equal(p.diagnostics.length, 1);
    const d = p.diagnostics[0]!;
    assert.equal(d.code, 'unreadable-file');
    assert.equal(d.source, 'okr');
    assert.equal(d.severity, 1);
    assert.equal(d.message, 'Not analysed: blob.okr: binary file, not a text .okr file.');
    assert.deepEqual(d.range.start, { line: 0, character: 0 });
    assert.match(d.codeDescription!.href, /docs\/rules\/unreadable-file\.md$/);

    fs.writeFileSync(file, 'period: 2026-Q4\nobjectives: []\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    await client.diagnostics(uri, (x) => x.diagnostics.length === 0);
  });
});
