import * as assert from 'node:assert/strict';
import { fixture, LspClient } from './client';

describe('LSP: diagnostics over stdio', function () {
  let client: LspClient;
  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(fixture('ws'));
  });
  afterEach(async () => client.stop());

  it('publishes diagnostics on open with source, code, docs link and precise range', async () => {
    const { uri, version } = await client.open(fixture('ws', 'teams', 'web.okr'));
    const p = await client.diagnosticsFor(uri, version);
    const unknown = p.diagnostics.find((d) => d.code === 'schema');
    assert.ok(unknown, JSON.stringify(p.diagnostics));
    assert.equal(unknown.source, 'okr');
    assert.match(unknown.message, /Unknown key 'tagret'.*Did you mean 'target'/);
    assert.deepEqual(unknown.range, { start: { line: 11, character: 8 }, end: { line: 11, character: 14 } });
    assert.match(unknown.codeDescription!.href, /docs\/rules\/schema\.md$/);
    const vague = p.diagnostics.find((d) => d.code === 'kr-not-measurable');
    assert.ok(vague, 'the vague key result is flagged');
    assert.equal(vague.severity, 2);
    assert.equal(vague.range.start.line, 15);
  });

  it('re-publishes for the new version after an edit, and resolves alignment across files', async () => {
    const { uri } = await client.open(fixture('ws', 'teams', 'web.okr'));
    await client.diagnosticsFor(uri, 1);
    const text = (await import('node:fs')).readFileSync(fixture('ws', 'teams', 'web.okr'), 'utf8');
    const v2 = await client.change(uri, text.replace('company#quality', 'company#qualty').replace('        tagret: 1\n', ''));
    const p = await client.diagnosticsFor(uri, v2);
    assert.ok(!p.diagnostics.some((d) => d.code === 'schema'));
    const align = p.diagnostics.find((d) => d.code === 'alignment-unresolved');
    assert.ok(align, JSON.stringify(p.diagnostics.map((d) => d.code)));
    assert.match(align.message, /no objective 'qualty'/);
  });

  it('applies rule severities from the editor settings, and re-validates when they change', async () => {
    const { uri } = await client.open(fixture('ws', 'teams', 'web.okr'));
    await client.diagnosticsFor(uri, 1);
    client.settings = { rules: { 'kr-not-measurable': 'error' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const p = await client.diagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'kr-not-measurable' && d.severity === 1));
    assert.ok(p);
    client.settings = { rules: { 'kr-not-measurable': 'off' } };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.diagnostics(uri, (x) => !x.diagnostics.some((d) => d.code === 'kr-not-measurable'));
  });

  it('publishes an unchanged document once: the start-up settings pull does not re-send it', async () => {
    const { uri } = await client.open(fixture('ws', 'teams', 'web.okr'));
    await client.diagnosticsFor(uri, 1);
    // After pulling the settings and re-scheduling the open files, the server announces a whole-model
    // change (no uris); a request answered after that proves the re-scheduled work has run.
    await client.notification('okr/modelChanged', (p) => (p as { uris: string[] }).uris.length === 0);
    await client.request('okr/workspaceModel', {});
    // Once for the document's version 1 (the file on disk may have been published before it was
    // opened, without a version: the server publishes every file of the workspace).
    assert.deepEqual(client.publishedVersions.get(uri)?.filter((v) => v !== undefined), [1]);
  });

  it('keeps working on broken YAML and reports it', async () => {
    const { uri } = await client.open(fixture('ws', 'teams', 'broken.okr'), 'period: 2026-Q4\nobjectives:\n  - id: a\n    title: [unclosed\n');
    const p = await client.diagnosticsFor(uri, 1);
    assert.ok(p.diagnostics.some((d) => d.code === 'yaml-syntax' && d.severity === 1));
  });
});

describe('LSP: okr/workspaceModel answers', function () {
  let client: LspClient;
  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(fixture('ws'));
  });
  afterEach(async () => client.stop());

  type Model = { files: Array<{ uri: string; objectives: Array<{ title: string; keyResults: Array<{ title: string }> }> }> };
  const titles = (m: Model, uri: string) => m.files.find((f) => f.uri === uri)!.objectives.flatMap((o) => [o.title, ...o.keyResults.map((k) => k.title)]);

  it('follow every edit and the config, even when asked repeatedly between them (the answer is reused only while nothing changed)', async () => {
    const file = fixture('ws', 'teams', 'web.okr');
    const { uri } = await client.open(file);
    const first = (await client.request('okr/workspaceModel', {})) as Model;
    assert.deepEqual(await client.request('okr/workspaceModel', {}), first, 'nothing changed: the same answer');
    const text = (await import('node:fs')).readFileSync(file, 'utf8');
    const someTitle = titles(first, uri)[0]!;
    await client.change(uri, text.replace(someTitle, 'Renamed objective'));
    const second = (await client.request('okr/workspaceModel', {})) as Model;
    assert.ok(titles(second, uri).includes('Renamed objective'), JSON.stringify(titles(second, uri)));
    await client.change(uri, text);
    const third = (await client.request('okr/workspaceModel', {})) as Model;
    assert.deepEqual(titles(third, uri), titles(first, uri));
  });
});
