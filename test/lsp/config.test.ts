import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, LspClient } from './client';

// okr.config.yaml is the contract the editor and CI share: editing it must re-validate open files.
describe('LSP: okr.config.yaml', function () {
  let client: LspClient;
  let dir: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lsp-config-'));
    fs.cpSync(fixture('ws'), dir, { recursive: true });
    client = new LspClient();
    await client.initialize(dir);
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const configUri = () => pathToFileURL(path.join(dir, 'okr.config.yaml')).toString();
  const changed = () =>
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: 2 }] });

  it('re-validates open documents when the file changes on disk', async () => {
    const { uri } = await client.open(path.join(dir, 'teams', 'web.okr'));
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'kr-not-measurable' && d.severity === 2));

    fs.writeFileSync(path.join(dir, 'okr.config.yaml'), 'rules:\n  kr-not-measurable: error\n');
    await changed();
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'kr-not-measurable' && d.severity === 1));

    fs.writeFileSync(path.join(dir, 'okr.config.yaml'), 'rules:\n  kr-not-measurable: off\n');
    await changed();
    await client.diagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'kr-not-measurable'));
  });

  it('publishes its own problems, with a did-you-mean, on the config file', async () => {
    fs.writeFileSync(path.join(dir, 'okr.config.yaml'), 'rules:\n  kr-not-measurble: error\n  schema: loud\n');
    await changed();
    const p = await client.diagnostics(configUri(), (x) => x.diagnostics.length >= 2);
    const messages = p.diagnostics.map((d) => d.message).join('\n');
    assert.match(messages, /unknown rule 'kr-not-measurble'; did you mean 'kr-not-measurable'\?/);
    assert.match(messages, /rules\.schema/);
    assert.ok(p.diagnostics.every((d) => d.source === 'okr' && d.code === 'config' && d.severity === 1));
    const unknown = p.diagnostics.find((d) => /kr-not-measurble/.test(d.message))!;
    assert.equal(unknown.range.start.line, 1);

    fs.writeFileSync(path.join(dir, 'okr.config.yaml'), 'rules: {}\n');
    await changed();
    await client.diagnostics(configUri(), (x) => x.diagnostics.length === 0);
  });
});
