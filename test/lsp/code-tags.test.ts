// From a key result to its code and back, over stdio, on a workspace with code tags in several
// languages (test/fixtures/lsp/codetags, copied to a temporary folder so files can change on disk):
// references and the code lens of a key result, definition, document links, hover and completion on
// a tag, the unknown-okr-tag diagnostic, a link range past the end of its file, tags added, changed
// and removed on disk, and what .gitignore leaves out.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixture, LspClient } from './client';

type Pos = { line: number; character: number };
type Rng = { start: Pos; end: Pos };
interface Location {
  uri: string;
  range: Rng;
}

function positionOf(text: string, needle: string, delta = 0): Pos {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('LSP: code tags, from a key result to its code and back', function () {
  let dir: string;
  let client: LspClient;
  const file = (...p: string[]) => path.join(dir, ...p);
  const uri = (...p: string[]) => pathToFileURL(file(...p)).toString();
  const read = (...p: string[]) => fs.readFileSync(file(...p), 'utf8');
  const short = (locs: Location[]) => locs.map((l) => `${path.relative(dir, new URL(l.uri).pathname)}:${l.range.start.line + 1}`).sort();
  /** The server has searched the source files: its log line says so. */
  const searched = () => client.notification('window/logMessage', (p) => /searched \d+ source files/.test((p as { message: string }).message));

  async function openSource(rel: string, languageId: string, text = read(rel)): Promise<string> {
    const u = uri(rel);
    await client.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId, version: 1, text } });
    return u;
  }

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lsp-codetags-'));
    fs.cpSync(fixture('codetags'), dir, { recursive: true });
    // Ignored by the fixture's .gitignore (and so never committed): written here.
    fs.mkdirSync(file('generated'));
    fs.writeFileSync(file('generated', 'out.js'), '// okr: company#quality/errors\n');
    client = new LspClient();
    await client.initialize(dir);
    await searched();
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('find references on a key result lists its tags in every language and the other key results linking to the same code', async () => {
    const { uri: company } = await client.open(file('okrs', 'company.okr'));
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: company },
      position: positionOf(read('okrs', 'company.okr'), 'id: errors', 4),
      context: { includeDeclaration: false },
    });
    // Tags in TypeScript and Python (not in generated/, which .gitignore leaves out), the code its links
    // name, and web's latency linking to the same file.
    assert.deepEqual(short(refs), ['okrs/web.okr:13', 'src/api/server.py:6', 'src/checkout/retry.ts:10', 'src/checkout/retry.ts:2', 'src/checkout/retry.ts:3']);
  });

  it('a code lens over each key result counts its code and issues, and its command carries the locations for a peek', async () => {
    const { uri: company } = await client.open(file('okrs', 'company.okr'));
    const lenses = await client.request<Array<{ range: Rng; command: { title: string; command: string; arguments: [string, Pos, Location[]] } }>>('textDocument/codeLens', { textDocument: { uri: company } });
    const titles = lenses.map((l) => `${l.range.start.line + 1}: ${l.command.title}`);
    assert.deepEqual(titles, ['4: 1 code reference', '7: 1 code reference', '13: 4 code references · 2 issues']);
    const errors = lenses[2]!.command;
    assert.equal(errors.command, 'okr.showReferences');
    assert.equal(errors.arguments[0], company);
    assert.deepEqual(short(errors.arguments[2]), ['okrs/company.okr:18', 'okrs/company.okr:18', 'src/api/server.py:6', 'src/checkout/retry.ts:10', 'src/checkout/retry.ts:2', 'src/checkout/retry.ts:3']);
  });

  it('from a tag: definition and document link lead to the key result, hover shows its title, score and status', async () => {
    const py = await openSource('src/api/server.py', 'python');
    const text = read('src/api/server.py');
    const at = positionOf(text, 'company#quality/errors', 3);
    const def = await client.request<Location>('textDocument/definition', { textDocument: { uri: py }, position: at });
    assert.equal(def.uri, uri('okrs', 'company.okr'));
    assert.equal(def.range.start.line, 12);
    const links = await client.request<Array<{ range: Rng; target: string }>>('textDocument/documentLink', { textDocument: { uri: py } });
    assert.deepEqual(links.map((l) => l.target), [`${uri('okrs', 'company.okr')}#L13`]);
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: py }, position: at });
    assert.match(hover.contents.value, /Cut checkout errors from 2% to 0\.5%/);
    assert.match(hover.contents.value, /Score \*\*[\d.]+\*\* · /);
  });

  it('a tag that names no key result gets unknown-okr-tag in the code file, with a did-you-mean; fixing it clears it', async () => {
    const py = uri('src', 'api', 'server.py');
    const d = await client.diagnostics(py, (p) => p.diagnostics.length > 0);
    assert.deepEqual(d.diagnostics.map((x) => [x.code, x.range.start.line]), [['unknown-okr-tag', 7]]);
    assert.match(d.diagnostics[0]!.message, /Did you mean 'company#quality\/errors'/);
    await openSource('src/api/server.py', 'python');
    await client.change(py, read('src', 'api', 'server.py').replace('eror', 'errors'));
    await client.diagnostics(py, (p) => p.diagnostics.length === 0);
  });

  it('completion after okr: offers objectives and key results', async () => {
    const ts = await openSource('src/checkout/retry.ts', 'typescript', '// okr: comp\n');
    const list = await client.request<{ items: Array<{ label: string }> }>('textDocument/completion', { textDocument: { uri: ts }, position: { line: 0, character: 12 } });
    const labels = list.items.map((i) => i.label);
    assert.ok(labels.includes('company#quality/errors') && labels.includes('company#quality'), labels.join(', '));
    const none = await client.request<unknown>('textDocument/completion', { textDocument: { uri: ts }, position: { line: 0, character: 2 } });
    assert.deepEqual(none, []);
  });

  it('source documents get no OKR analysis and no OKR-only features', async () => {
    const ts = await openSource('src/checkout/retry.ts', 'typescript');
    const symbols = await client.request<unknown>('textDocument/documentSymbol', { textDocument: { uri: ts } });
    assert.equal(symbols, null);
  });

  it('a line range past the end of the linked file is link-broken', async () => {
    const company = uri('okrs', 'company.okr');
    const d = await client.diagnostics(company, (p) => p.diagnostics.some((x) => x.code === 'link-broken'));
    const broken = d.diagnostics.filter((x) => x.code === 'link-broken');
    assert.equal(broken.length, 1);
    assert.match(broken[0]!.message, /line 200 of src\/checkout\/retry\.ts, which has 13 lines/);
  });

  it('hover on a link previews its target: the first lines of a code range fenced with its language, an issue\'s URL', async () => {
    const { uri: company } = await client.open(file('okrs', 'company.okr'));
    const text = read('okrs', 'company.okr');
    const hover = (needle: string) =>
      client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: company }, position: positionOf(text, needle, 2) }).then((h) => h.contents.value);
    const code = await hover('/src/checkout/retry.ts#L3-L5');
    assert.match(code, /^\*\*Link\*\* `src\/checkout\/retry\.ts` lines 3–5\n\n```typescript\nexport async function retry/);
    assert.ok(!code.includes('Score'), 'not the score card');
    assert.equal(code.split('\n').length, 7, code);
    assert.match(await hover('acme/shop#12'), /https:\/\/github\.com\/acme\/shop\/issues\/12/);
  });

  it('tags added, changed and removed on disk follow through watched-file events', async () => {
    const { uri: company } = await client.open(file('okrs', 'company.okr'));
    const lensOfNps = async () => {
      const lenses = await client.request<Array<{ range: Rng; command: { title: string } }>>('textDocument/codeLens', { textDocument: { uri: company } });
      return lenses.find((l) => l.range.start.line === 6)?.command.title;
    };
    assert.equal(await lensOfNps(), '1 code reference');
    // Added.
    fs.writeFileSync(file('src', 'survey.go'), 'package survey\n\n// okr: company#quality/nps\nfunc Ask() {}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('src', 'survey.go'), type: 1 }] });
    assert.equal(await lensOfNps(), '2 code references');
    // Changed to an unknown key result: diagnostics in the Go file, one reference fewer.
    fs.writeFileSync(file('src', 'survey.go'), 'package survey\n\n// okr: company#quality/npx\nfunc Ask() {}\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('src', 'survey.go'), type: 2 }] });
    await client.diagnostics(uri('src', 'survey.go'), (p) => p.diagnostics.some((x) => x.code === 'unknown-okr-tag'));
    assert.equal(await lensOfNps(), '1 code reference');
    // Removed: its diagnostics are cleared.
    fs.rmSync(file('src', 'survey.go'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('src', 'survey.go'), type: 3 }] });
    await client.diagnostics(uri('src', 'survey.go'), (p) => p.diagnostics.length === 0);
    // A file .gitignore leaves out stays out when the watcher reports it.
    fs.writeFileSync(file('generated', 'out.js'), '// okr: company#quality/nps\n');
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('generated', 'out.js'), type: 2 }] });
    assert.equal(await lensOfNps(), '1 code reference');
  });
});
