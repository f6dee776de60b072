// The workspace as an organisation: problems of files that are not open, an index that reports its
// progress and answers while it is built, only .okr files analysed, and a model the client follows
// file by file. Over stdio against the bundled server, in a copy of a small workspace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultCapabilities, LspClient, type PublishParams } from './client';

const COMPANY = `period: 2026-Q4
owner: "@cto"
objectives:
  - id: quality
    title: Enhance software quality
    key_results:
      - id: crash-free
        title: Raise crash-free sessions from 99.2% to 99.8%
        baseline: 99.2
        target: 99.8
        current: 99.5
      - id: nps
        title: Lift NPS from 31 to 45
        baseline: 31
        target: 45
        current: 36
`;

const team = (name: string) => `period: 2026-Q4
owner: "@${name}"
objectives:
  - id: ${name}-goal
    title: Make ${name} reliable
    aligns_to: company#quality
    key_results:
      - id: ${name}-errors
        title: Reduce ${name} errors from 2.4% to 0.5%
        baseline: 2.4
        target: 0.5
        current: 1.9
      - id: ${name}-latency
        title: Cut ${name} p95 latency from 800 ms to 300 ms
        baseline: 800
        target: 300
        current: 600
`;

interface FileModel {
  uri: string;
  objectives: Array<{ id: string; score?: number }>;
}
interface Delta {
  server: string;
  revision: number;
  full: boolean;
  files: FileModel[];
  removed: string[];
}

function workspace(teams: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-org-'));
  fs.writeFileSync(path.join(dir, 'company.okr'), COMPANY);
  fs.mkdirSync(path.join(dir, 'teams'));
  for (const t of teams) fs.writeFileSync(path.join(dir, 'teams', `${t}.okr`), team(t));
  fs.writeFileSync(path.join(dir, 'invoice.py'), '# not an OKR file\nprint("hello")\n');
  return dir;
}

const uriOf = (p: string) => pathToFileURL(p).toString();
const codes = (p: PublishParams) => p.diagnostics.map((d) => d.code);

describe('LSP: the organisation index', function () {
  this.timeout(30_000);
  let client: LspClient;
  let dir: string;

  beforeEach(() => {
    dir = workspace(['web', 'mobile']);
    client = new LspClient();
  });
  afterEach(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the problems of files that are not open', async () => {
    fs.appendFileSync(path.join(dir, 'teams', 'web.okr'), '      - id: vague\n        title: Improve checkout observability\n');
    await client.initialize(dir);
    const p = await client.diagnostics(uriOf(path.join(dir, 'teams', 'web.okr')), (x) => codes(x).includes('kr-not-measurable'));
    assert.equal(p.version, undefined, 'a file on disk has no document version');
  });

  it('shows a closed child broken by an edit of its parent in another file, and clears it when mended', async () => {
    await client.initialize(dir);
    const company = path.join(dir, 'company.okr');
    const mobile = uriOf(path.join(dir, 'teams', 'mobile.okr'));
    await client.request('workspace/symbol', { query: '' }); // answered once the scan has ended
    const { uri } = await client.open(company);
    await client.change(uri, COMPANY.replace('id: quality', 'id: excellence'));
    const broken = await client.diagnostics(mobile, (x) => codes(x).includes('alignment-unresolved'));
    assert.match(broken.diagnostics.find((d) => d.code === 'alignment-unresolved')!.message, /quality/);
    await client.change(uri, COMPANY);
    await client.diagnostics(mobile, (x) => !codes(x).includes('alignment-unresolved'));
  });

  it('clears the problems of a workspace folder that is removed, and keeps those of an open file in it', async () => {
    fs.appendFileSync(path.join(dir, 'teams', 'web.okr'), '      - id: vague\n        title: Improve checkout observability\n');
    fs.appendFileSync(path.join(dir, 'teams', 'mobile.okr'), '      - id: vague\n        title: Improve crash reporting\n');
    await client.initialize(dir);
    const web = uriOf(path.join(dir, 'teams', 'web.okr'));
    await client.diagnostics(web, (x) => codes(x).includes('kr-not-measurable'));
    const mobile = await client.open(path.join(dir, 'teams', 'mobile.okr'));
    await client.diagnosticsFor(mobile.uri, mobile.version);
    const cleared = client.diagnostics(web, (x) => x.diagnostics.length === 0);
    // Outside every folder now, the open file is checked in a root of its own: company.okr is not in it.
    const reopened = client.diagnostics(mobile.uri, (x) => codes(x).includes('alignment-unresolved'));
    await client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(dir), name: 'org' }] } });
    await cleared;
    await reopened;
  });

  describe('cross-file problems apart (initializationOptions.graphDiagnostics, as the VS Code client asks)', () => {
    type Item = { uri: string; diagnostics: Array<{ code?: string; message: string }> };
    type Graph = { items: Item[] };
    let waiters: Array<{ uri: string; pred: (codes: Array<string | undefined>) => boolean; resolve: (b: Graph) => void }>;
    beforeEach(() => {
      waiters = [];
      client.conn.onNotification('okr/graphDiagnostics', (batch: Graph) => {
        for (const item of batch.items) {
          const codes = item.diagnostics.map((d) => d.code);
          waiters = waiters.filter((w) => (w.uri === item.uri && w.pred(codes) ? (w.resolve(batch), false) : true));
        }
      });
    });
    /** The batch of okr/graphDiagnostics, from now on, with an item for `uri` whose codes satisfy `pred`. */
    const graph = (uri: string, pred: (codes: Array<string | undefined>) => boolean) => new Promise<Graph>((resolve) => waiters.push({ uri, pred, resolve }));

    it('sends a closed child broken by its parent in okr/graphDiagnostics, never in publishDiagnostics, and clears it when mended', async () => {
      await client.initialize(dir, defaultCapabilities(), { graphDiagnostics: 'notification' });
      await client.request('workspace/symbol', { query: '' });
      const mobile = uriOf(path.join(dir, 'teams', 'mobile.okr'));
      const { uri } = await client.open(path.join(dir, 'company.okr'));
      const broken = graph(mobile, (c) => c.includes('alignment-unresolved'));
      const webBroken = graph(uriOf(path.join(dir, 'teams', 'web.okr')), (c) => c.includes('alignment-unresolved'));
      await client.change(uri, COMPANY.replace('id: quality', 'id: excellence'));
      const batch = await broken;
      const item = batch.items.find((i) => i.uri === mobile)!;
      assert.match(item.diagnostics[0]!.message, /Cannot resolve 'company#quality'/);
      await webBroken; // (in the same batch or the next: files on disk are checked in slices)
      const mended = graph(mobile, (c) => c.length === 0);
      await client.change(uri, COMPANY);
      await mended;
      const pushed = await client.diagnostics(mobile);
      assert.ok(pushed.diagnostics.length > 0, 'its other problems are pushed');
      assert.ok(!codes(pushed).includes('alignment-unresolved'), 'pushed problems never carry the cross-file ones');
    });

    it('re-sends only the dependents\' cross-file problems when their parent changes on disk, not their other problems', async () => {
      fs.appendFileSync(path.join(dir, 'teams', 'web.okr'), '      - id: vague\n        title: Improve checkout observability\n');
      fs.appendFileSync(path.join(dir, 'teams', 'mobile.okr'), '      - id: vague\n        title: Improve crash reporting\n');
      await client.initialize(dir, defaultCapabilities(), { graphDiagnostics: 'notification' });
      const web = uriOf(path.join(dir, 'teams', 'web.okr'));
      const mobile = uriOf(path.join(dir, 'teams', 'mobile.okr'));
      await client.diagnostics(web, (x) => codes(x).includes('kr-not-measurable'));
      await client.diagnostics(mobile, (x) => codes(x).includes('kr-not-measurable'));
      const pushes = [client.publishCount.get(web), client.publishCount.get(mobile)];
      const company = path.join(dir, 'company.okr');
      const both = Promise.all([graph(web, (c) => c.includes('alignment-unresolved')), graph(mobile, (c) => c.includes('alignment-unresolved'))]);
      fs.writeFileSync(company, COMPANY.replace('id: quality', 'id: excellence'));
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(company), type: 2 }] });
      await both;
      // Mend it and wait for that too: the pushes had every chance to come by then.
      const mended = Promise.all([graph(web, (c) => c.length === 0), graph(mobile, (c) => c.length === 0)]);
      fs.writeFileSync(company, COMPANY);
      await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(company), type: 2 }] });
      await mended;
      assert.deepEqual([client.publishCount.get(web), client.publishCount.get(mobile)], pushes);
    });
  });

  it('reports indexing progress to clients that support it', async () => {
    const progress: Array<{ kind: string; title?: string; message?: string }> = [];
    client.conn.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => {
      progress.push(p.value);
    });
    const caps = defaultCapabilities();
    await client.initialize(dir, { ...caps, window: { workDoneProgress: true } });
    await client.request('workspace/symbol', { query: '' });
    // The end of the progress may come just after the answer: wait for it on the stream.
    await new Promise<void>((resolve) => {
      if (progress.some((v) => v.kind === 'end')) return resolve();
      const d: { dispose(): void } = client.conn.onNotification('$/progress', (p: { value: { kind: string } }): void => {
        if (p.value.kind === 'end') (d.dispose(), resolve());
      });
    });
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal(progress[0]?.title, 'Indexing OKRs');
    assert.ok(progress.some((v) => v.kind === 'report' && v.message === '3/3'), JSON.stringify(progress));
  });

  it('diagnoses an open file whose parent the scan has not read yet, with its alignment resolved', async () => {
    // Opened before `initialized`: the scan cannot have read company.okr yet.
    const rootUri = uriOf(dir);
    await client.conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'org' }], capabilities: defaultCapabilities() });
    const { uri } = await client.open(path.join(dir, 'teams', 'web.okr'));
    await client.conn.sendNotification('initialized', {});
    const first = await client.diagnosticsFor(uri, 1);
    assert.ok(!codes(first).includes('alignment-unresolved'), JSON.stringify(codes(first)));
  });

  it('ignores watched-file events and documents that are not .okr files', async () => {
    await client.initialize(dir);
    await client.request('workspace/symbol', { query: '' });
    const py = uriOf(path.join(dir, 'invoice.py'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: py, type: 2 }] });
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: py, languageId: 'python', version: 1, text: 'title: Improve things\n' } });
    const hover = await client.request('textDocument/hover', { textDocument: { uri: py }, position: { line: 0, character: 8 } });
    assert.equal(hover, null);
    const model = await client.request<{ files: FileModel[] }>('okr/workspaceModel', {});
    assert.deepEqual(model.files.map((f) => path.basename(new URL(f.uri).pathname)).sort(), ['company.okr', 'mobile.okr', 'web.okr']);
    assert.equal(client.publishCount.get(py), undefined, 'no diagnostics for a Python file');
  });

  it('sends the model whole once, then only the files an edit changed, and nothing when nothing did', async () => {
    await client.initialize(dir);
    await client.request('workspace/symbol', { query: '' });
    const first = await client.request<Delta>('okr/workspaceModelDelta', {});
    assert.equal(first.full, true);
    assert.equal(first.files.length, 3);
    const since = { server: first.server, revision: first.revision };
    const none = await client.request<Delta>('okr/workspaceModelDelta', { since });
    assert.deepEqual([none.full, none.files.length, none.removed.length], [false, 0, 0]);

    const web = path.join(dir, 'teams', 'web.okr');
    const { uri } = await client.open(web);
    // The request follows the change on the same stream: the model it answers with includes the edit.
    await client.change(uri, team('web').replace('current: 1.9', 'current: 1.0'));
    const after = await client.request<Delta>('okr/workspaceModelDelta', { since });
    assert.equal(after.full, false);
    assert.deepEqual(after.files.map((f) => path.basename(new URL(f.uri).pathname)), ['web.okr']);

    const stale = await client.request<Delta>('okr/workspaceModelDelta', { since: { server: 'another-process', revision: 1 } });
    assert.equal(stale.full, true, 'revisions of another server process get the whole model');
  });
});
