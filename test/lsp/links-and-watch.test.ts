// Links and watched files from hostile input, against the real server: only http(s) and workspace
// files become document links (a tracker template of another scheme is a `config` problem, a path
// out of the workspace a link-outside-workspace warning); a watched-file event for a path outside
// the workspace folders is never read.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './client';

interface DocumentLink {
  range: unknown;
  target?: string;
}

describe('LSP: links and watched files from hostile input', function () {
  let client: LspClient;
  let dir: string;
  let outside: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lsp-links-'));
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lsp-outside-'));
    fs.mkdirSync(path.join(dir, 'src'));
    fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
    fs.writeFileSync(
      path.join(dir, 'okr.config.yaml'),
      ['trackers:', '  CMD: "command:workbench.action.terminal.new?{id}"', '  JS: "javascript:alert({id})"', '  FILE: "file:///etc/{id}"', '  DATA: "data:text/html,{id}"', '  WEB: "https://t.example/browse/WEB-{id}"', ''].join('\n'),
    );
    client = new LspClient({ OKR_GIT_HISTORY: 'off' });
    await client.initialize(dir);
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  const okr = (links: string[]) =>
    ['period: 2026-Q4', 'owner: "@a"', 'objectives:', '  - id: o', '    title: Make checkout reliable', '    key_results:', '      - id: k', '        title: Raise uptime from 99.2% to 99.8%', '        baseline: 99.2', '        target: 99.8', `        links: [${links.map((l) => JSON.stringify(l)).join(', ')}]`, ''].join('\n');

  it('refuses tracker templates of other schemes as config problems, and links none of them', async () => {
    const file = path.join(dir, 'team.okr');
    const { uri } = await client.open(file, okr(['CMD-1', 'JS-2', 'FILE-3', 'DATA-4', 'WEB-5', 'src/a.ts']));
    const config = await client.diagnostics(pathToFileURL(path.join(dir, 'okr.config.yaml')).toString(), (p) => p.diagnostics.length > 0);
    assert.deepEqual(config.diagnostics.map((d) => d.code), ['config', 'config', 'config', 'config']);
    assert.ok(config.diagnostics.every((d) => /http:\/\/ or https:\/\//.test(d.message)), config.diagnostics.map((d) => d.message).join('\n'));
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    const targets = links.map((l) => l.target).sort();
    assert.deepEqual(targets, [pathToFileURL(path.join(dir, 'src', 'a.ts')).toString(), 'https://t.example/browse/WEB-5']);
  });

  it('warns about a relative link that leaves the workspace, and neither links nor previews it', async () => {
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'TOP SECRET\n');
    const rel = path.relative(dir, path.join(outside, 'secret.txt')).split(path.sep).join('/');
    const file = path.join(dir, 'team.okr');
    const text = okr([rel, '../../../../../../../../etc/passwd']);
    const { uri, version } = await client.open(file, text);
    const d = await client.diagnosticsFor(uri, version);
    assert.deepEqual(d.diagnostics.filter((x) => x.code === 'link-outside-workspace').length, 2, JSON.stringify(d.diagnostics.map((x) => [x.code, x.message])));
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(links, []);
    const at = text.indexOf(rel);
    const line = text.slice(0, at).split('\n').length - 1;
    const character = at - text.lastIndexOf('\n', at) - 1 + 2;
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    assert.doesNotMatch(JSON.stringify(hover), /TOP SECRET/);
    const model = (await client.request('okr/workspaceModel', {})) as { files: Array<{ objectives: Array<{ keyResults: Array<{ links: Array<{ outside?: boolean }> }> }> }> };
    assert.deepEqual(model.files[0]!.objectives[0]!.keyResults[0]!.links.map((l) => l.outside), [true, true]);
  });

  it('ignores watched-file events for paths outside the workspace folders', async () => {
    const secret = path.join(outside, 'secret.okr');
    fs.writeFileSync(secret, okr([]).replace('id: o', 'id: leaked-objective'));
    await client.request('okr/workspaceModel', {}); // the first scan is done
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(secret).toString(), type: 1 }, { uri: pathToFileURL(path.join(outside, 'okr.config.yaml')).toString(), type: 1 }] });
    const symbols = await client.request<Array<{ name: string }>>('workspace/symbol', { query: 'leaked' });
    assert.deepEqual(symbols, []);
    const model = (await client.request('okr/workspaceModel', {})) as { files: Array<{ uri: string }> };
    assert.ok(model.files.every((f) => !f.uri.includes('okr-lsp-outside-')), JSON.stringify(model.files.map((f) => f.uri)));
  });
});
