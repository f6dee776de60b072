import * as assert from 'node:assert/strict';
import { defaultCapabilities, fixture, LspClient } from './client';

// A server may register a capability dynamically only when the client said it accepts that
// (`<capability>.dynamicRegistration`); eglot warns "Server tried to register unsupported capability"
// otherwise. The server's registrations are sent during `initialized`, before the whole-model
// okr/modelChanged that ends it, and messages arrive in order: once that notification is in, every
// registration the server will make at start-up has arrived.
describe('LSP: dynamic registration follows the client capabilities', function () {
  let client: LspClient;
  afterEach(async () => client?.stop());

  const started = () => client.notification('okr/modelChanged', (p) => (p as { uris: string[] }).uris.length === 0);

  it('registers configuration and file-watcher notifications with a client that accepts dynamic registration', async () => {
    client = new LspClient();
    await client.initialize(fixture('ws'));
    await started();
    assert.deepEqual([...client.registrations].sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  });

  it('registers nothing with a client that does not (as eglot and Neovim 0.7 announce themselves)', async () => {
    const capabilities = defaultCapabilities();
    // Pull configuration and workspace folders, but no dynamic registration anywhere.
    capabilities.workspace = { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: false }, didChangeWatchedFiles: {} };
    client = new LspClient();
    await client.initialize(fixture('ws'), capabilities);
    await started();
    assert.deepEqual(client.registrations, []);
  });

  it('still re-reads the settings when such a client sends workspace/didChangeConfiguration unasked', async () => {
    const capabilities = defaultCapabilities();
    capabilities.workspace = { configuration: true, workspaceFolders: true };
    client = new LspClient();
    await client.initialize(fixture('ws'), capabilities);
    const { uri } = await client.open(fixture('ws', 'teams', 'web.okr'));
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'kr-not-measurable' && d.severity === 2));
    client.settings = { rules: { 'kr-not-measurable': 'error' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'kr-not-measurable' && d.severity === 1));
    assert.deepEqual(client.registrations, []);
  });
});
