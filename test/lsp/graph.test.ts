// The organisation's graph over stdio, on a multi-file workspace (test/fixtures/lsp/graph): rename of
// ids across open and closed files in one edit, file moves, references of key results, the ranked
// did-you-mean and its fix, alignment cycles and period mismatches.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { defaultCapabilities, fixture, LspClient, type Diagnostic } from './client';

type Pos = { line: number; character: number };
type Rng = { start: Pos; end: Pos };
interface TextEdit {
  range: Rng;
  newText: string;
}
interface WorkspaceEdit {
  changes: Record<string, TextEdit[]>;
}
interface Location {
  uri: string;
  range: Rng;
}
interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
}

const ws = (...p: string[]) => fixture('graph', ...p);
const uriOf = (...p: string[]) => pathToFileURL(ws(...p)).toString();
const read = (...p: string[]) => fs.readFileSync(ws(...p), 'utf8');

/** Position of the `delta`-th character of the first occurrence of `needle`. */
function positionOf(text: string, needle: string, delta = 0): Pos {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Applies LSP edits to a text (they never overlap). */
function apply(text: string, edits: TextEdit[]): string {
  const offset = (p: Pos) => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe('LSP: the workspace graph over stdio', function () {
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(ws());
    // The whole-model change after start-up comes once the workspace scan is done.
    await client.notification('okr/modelChanged', (p) => (p as { uris: string[] }).uris.length === 0);
  });
  afterEach(async () => client.stop());

  it('advertises rename with prepare, and willRename for .okr files and folders, next to folder support', async () => {
    const second = new LspClient();
    try {
      const init = (await second.initialize(ws())) as {
        capabilities: { renameProvider: unknown; workspace: { workspaceFolders: unknown; fileOperations: { willRename: { filters: Array<{ pattern: { glob: string; matches: string } }> } } } };
      };
      assert.deepEqual(init.capabilities.renameProvider, { prepareProvider: true, documentSelector: [{ language: 'okr' }, { pattern: '**/*.okr' }] });
      assert.deepEqual(init.capabilities.workspace.workspaceFolders, { supported: true, changeNotifications: true });
      const globs = init.capabilities.workspace.fileOperations.willRename.filters.map((f) => `${f.pattern.matches} ${f.pattern.glob}`);
      assert.deepEqual(globs, ['file **/*.okr', 'folder **/*']);
    } finally {
      await second.stop();
    }
  });

  it('renames an objective across an open file (with unsaved edits) and closed files, in one edit', async () => {
    const company = await client.open(ws('company.okr'));
    const web = await client.open(ws('teams', 'web.okr'));
    // An unsaved reference in the open file: the rename must use the editor's text, not the disk's.
    const webText = read('teams', 'web.okr').replace('aligns_to: company#growth', 'aligns_to: company#quality');
    await client.change(web.uri, webText);
    const at = positionOf(read('company.okr'), 'id: quality', 6);
    const prepared = await client.request<{ range: Rng; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: company.uri }, position: at });
    assert.deepEqual(prepared, { range: { start: { line: 4, character: 8 }, end: { line: 4, character: 15 } }, placeholder: 'quality' });

    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: company.uri }, position: at, newName: 'excellence' });
    assert.deepEqual(Object.keys(edit.changes).sort(), [uriOf('company.okr'), uriOf('teams', 'mobile.okr'), uriOf('teams', 'web.okr')].sort());
    assert.equal(apply(read('company.okr'), edit.changes[uriOf('company.okr')]!), read('company.okr').replace('- id: quality', '- id: excellence'));
    assert.equal(
      apply(webText, edit.changes[web.uri]!),
      webText
        .replace('aligns_to: company#quality   # every', 'aligns_to: company#excellence   # every')
        .replace('moves company#quality/nps', 'moves company#excellence/nps')
        .replace('aligns_to: company#quality\n    key_results:\n      - id: completion', 'aligns_to: company#excellence\n    key_results:\n      - id: completion'),
    );
    // The closed file, from the model in the index: quotes and the comment stay.
    assert.equal(
      apply(read('teams', 'mobile.okr'), edit.changes[uriOf('teams', 'mobile.okr')]!),
      read('teams', 'mobile.okr').replace('"company#quality" # quoted', '"company#excellence" # quoted').replace('company#quality/nps', 'company#excellence/nps'),
    );
    for (const edits of Object.values(edit.changes)) for (const e of edits) assert.equal(e.newText, 'excellence');
  });

  it('sends a versioned rename to a client that takes one: the open file with its version, closed files with none', async () => {
    const caps = defaultCapabilities() as { workspace: Record<string, unknown> };
    caps.workspace.workspaceEdit = { documentChanges: true };
    const versioned = new LspClient();
    try {
      await versioned.initialize(ws(), caps);
      const company = await versioned.open(ws('company.okr'));
      const version = await versioned.change(company.uri, read('company.okr'));
      const at = positionOf(read('company.okr'), 'id: quality', 6);
      const edit = await versioned.request<{ changes?: unknown; documentChanges: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }> }>(
        'textDocument/rename',
        { textDocument: { uri: company.uri }, position: at, newName: 'excellence' },
      );
      assert.equal(edit.changes, undefined);
      const byUri = new Map(edit.documentChanges.map((c) => [c.textDocument.uri, c]));
      assert.deepEqual([...byUri.keys()].sort(), [uriOf('company.okr'), uriOf('teams', 'mobile.okr'), uriOf('teams', 'web.okr')].sort());
      assert.equal(byUri.get(company.uri)!.textDocument.version, version);
      assert.equal(byUri.get(uriOf('teams', 'mobile.okr'))!.textDocument.version, null);
      assert.equal(apply(read('company.okr'), byUri.get(company.uri)!.edits), read('company.okr').replace('- id: quality', '- id: excellence'));
    } finally {
      await versioned.stop();
    }
  });

  it('renames a key result from a reference to it in another file', async () => {
    const web = await client.open(ws('teams', 'web.okr'));
    const at = positionOf(read('teams', 'web.okr'), 'company#quality/nps', 'company#quality/'.length + 1);
    const prepared = await client.request<{ range: Rng; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: web.uri }, position: at });
    assert.equal(prepared.placeholder, 'nps');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: web.uri }, position: at, newName: 'net-promoter' });
    assert.match(apply(read('company.okr'), edit.changes[uriOf('company.okr')]!), /- id: net-promoter\n {8}title: Lift NPS/);
    assert.match(apply(read('teams', 'web.okr'), edit.changes[web.uri]!), /moves company#quality\/net-promoter too/);
    assert.match(apply(read('teams', 'mobile.okr'), edit.changes[uriOf('teams', 'mobile.okr')]!), /share of company#quality\/net-promoter comes/);
  });

  it('refuses renames with a clear message: an invalid id, a taken id, a file part, a title', async () => {
    const company = await client.open(ws('company.okr'));
    const web = await client.open(ws('teams', 'web.okr'));
    const at = positionOf(read('company.okr'), 'id: quality', 6);
    const fails = async (method: string, params: unknown) => {
      try {
        await client.request(method, params);
      } catch (e) {
        return (e as Error).message;
      }
      assert.fail(`${method} should have failed`);
    };
    const rename = (uri: string, position: Pos, newName: string) => fails('textDocument/rename', { textDocument: { uri }, position, newName });
    assert.match(await rename(company.uri, at, 'Quality Now'), /Cannot rename 'quality': 'Quality Now' is not a valid objective id: use lowercase letters, digits and '-'/);
    assert.match(await rename(company.uri, at, 'growth'), /Cannot rename 'quality': company already has an objective 'growth'/);
    assert.match(await rename(company.uri, positionOf(read('company.okr'), 'id: nps', 5), 'crash-free'), /objective 'quality' already has a key result 'crash-free'/);
    const onFile = positionOf(read('teams', 'web.okr'), 'company#growth', 2);
    assert.match(await fails('textDocument/prepareRename', { textDocument: { uri: web.uri }, position: onFile }), /'company' names a file: rename or move the \.okr file itself/);
    const onTitle = positionOf(read('teams', 'web.okr'), 'Make checkout reliable', 3);
    assert.match(await fails('textDocument/prepareRename', { textDocument: { uri: web.uri }, position: onTitle }), /Rename works on the id of an objective or a key result/);
  });

  it('finds the references of a key result, in open and closed files, with or without its declaration', async () => {
    const company = await client.open(ws('company.okr'));
    const at = positionOf(read('company.okr'), 'id: nps', 5);
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: company.uri }, position: at, context: { includeDeclaration: false } });
    const where = (l: Location) => `${l.uri.slice(uriOf().length)} ${l.range.start.line}:${l.range.start.character}-${l.range.end.character}`;
    assert.deepEqual(refs.map(where).sort(), ['/teams/mobile.okr 5:30-49', '/teams/web.okr 14:41-60']);
    const withDecl = await client.request<Location[]>('textDocument/references', { textDocument: { uri: company.uri }, position: at, context: { includeDeclaration: true } });
    assert.deepEqual(withDecl.map(where).sort(), ['/company.okr 7:12-15', '/teams/mobile.okr 5:30-49', '/teams/web.okr 14:41-60']);
  });

  it('updates the references to a .okr file renamed or moved in the editor (willRenameFiles)', async () => {
    const web = await client.open(ws('teams', 'web.okr'));
    const edit = await client.request<WorkspaceEdit>('workspace/willRenameFiles', { files: [{ oldUri: uriOf('company.okr'), newUri: uriOf('org', 'corporate.okr') }] });
    // platform.okr's misspelt objective still names the file: its file part follows too.
    assert.deepEqual(Object.keys(edit.changes).sort(), [uriOf('teams', 'mobile.okr'), uriOf('teams', 'platform.okr'), web.uri].sort());
    assert.match(apply(read('teams', 'platform.okr'), edit.changes[uriOf('teams', 'platform.okr')]!), /aligns_to: corporate#infrastructre # the parent/);
    assert.equal(
      apply(read('teams', 'web.okr'), edit.changes[web.uri]!),
      read('teams', 'web.okr').replace('company#quality   #', 'corporate#quality   #').replace('company#quality/nps', 'corporate#quality/nps').replace('company#growth', 'corporate#growth'),
    );
    assert.match(apply(read('teams', 'mobile.okr'), edit.changes[uriOf('teams', 'mobile.okr')]!), /aligns_to: "corporate#quality" # quoted on purpose/);
    // A folder move: bare names stay valid, so there is nothing to change.
    assert.equal(await client.request('workspace/willRenameFiles', { files: [{ oldUri: uriOf('teams'), newUri: uriOf('squads') }] }), null);
  });

  it('did you mean: the likeliest objective first, and a quick fix that changes just the typo', async () => {
    const { uri, version } = await client.open(ws('teams', 'platform.okr'));
    const p = await client.diagnosticsFor(uri, version);
    const d = p.diagnostics.find((x) => x.code === 'alignment-unresolved') as Diagnostic;
    assert.ok(d, JSON.stringify(p.diagnostics.map((x) => x.code)));
    assert.match(d.message, /^Cannot resolve 'company#infrastructre': no objective 'infrastructre' in company\. Did you mean 'company#infrastructure'\?$/);
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === "Change to 'company#infrastructure'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    const edits = fix.edit!.changes[uri]!;
    assert.deepEqual(edits, [{ range: { start: { line: 5, character: 34 }, end: { line: 5, character: 34 } }, newText: 'u' }]);
    assert.match(apply(read('teams', 'platform.okr'), edits), /aligns_to: company#infrastructure # the parent\n/);
    // The suppression is still offered, after the fix.
    assert.ok(actions.some((a) => a.title === "Suppress 'alignment-unresolved' on this line"));
  });

  it('reports an alignment cycle in every file of it, and a parent of another period', async () => {
    const ops = await client.open(ws('loop', 'ops.okr'));
    const sre = await client.open(ws('loop', 'sre.okr'));
    const cycle = async (uri: string) => (await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'alignment-cycle'))).diagnostics.filter((d) => d.code === 'alignment-cycle');
    const [inOps] = await cycle(ops.uri);
    const [inSre] = await cycle(sre.uri);
    assert.match(inOps!.message, /^Alignment cycle across 2 files: ops#on-call → sre#reliability → ops#on-call\./);
    assert.match(inSre!.message, /^Alignment cycle across 2 files: sre#reliability → ops#on-call → sre#reliability\./);
    assert.equal(inOps!.severity, 1);
    const platform = await client.open(ws('teams', 'platform.okr'));
    const p = await client.diagnosticsFor(platform.uri, platform.version);
    const mismatch = p.diagnostics.filter((d) => d.code === 'period-mismatch');
    assert.equal(mismatch.length, 1);
    assert.match(mismatch[0]!.message, /period 2026-Q4 .* is not within the period of archive#billing, 2026-Q3 .*: the two periods do not overlap/);
    assert.deepEqual(mismatch[0]!.range.start, positionOf(read('teams', 'platform.okr'), 'archive#billing'));
    // Breaking the cycle in one file clears it in the other.
    const v2 = await client.change(sre.uri, read('loop', 'sre.okr').replace('    aligns_to: ops#on-call\n', ''));
    await client.diagnosticsFor(sre.uri, v2);
    await client.diagnostics(ops.uri, (x) => !x.diagnostics.some((d) => d.code === 'alignment-cycle'));
  });
});
