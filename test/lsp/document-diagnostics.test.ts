// initializationOptions.documentDiagnostics = 'blocks' (as the VS Code client asks): a document's
// problems come in okr/documentDiagnostics, one block per objective, and after the first message only
// the blocks an edit changed or moved. Two real servers over stdio are given the same edits; what the
// blocks add up to must be, version by version, what publishDiagnostics says to a plain client.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateRealisticOkr } from '../../scripts/bench/generate';
import { LspClient, defaultCapabilities, type Diagnostic } from './client';

interface Blocks {
  uri: string;
  version: number | null;
  reset: boolean;
  blocks: Array<{ key: string; line: number; diagnostics?: Diagnostic[] }>;
  removed: string[];
}

type Range = Diagnostic['range'];
const moved = (r: Range, by: number): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });

/** What a client holds from the blocks it was sent, per version of the document. */
class BlockHolder {
  private readonly held = new Map<string, { line: number; diagnostics: Diagnostic[] }>();
  readonly byVersion = new Map<number, Diagnostic[]>();
  readonly messages: Blocks[] = [];
  private waiters: Array<{ version: number; resolve: () => void }> = [];

  constructor(client: LspClient) {
    client.conn.onNotification('okr/documentDiagnostics', (p: Blocks) => {
      this.messages.push(p);
      if (p.reset) this.held.clear();
      for (const key of p.removed) this.held.delete(key);
      for (const b of p.blocks) {
        const old = this.held.get(b.key);
        if (b.diagnostics) this.held.set(b.key, { line: b.line, diagnostics: b.diagnostics.map((d) => ({ ...d, range: moved(d.range, b.line) })) });
        else {
          assert.ok(old, `a block moved that the client does not hold: ${b.key}`);
          this.held.set(b.key, { line: b.line, diagnostics: old.diagnostics.map((d) => ({ ...d, range: moved(d.range, b.line - old.line) })) });
        }
      }
      if (p.version === null) return;
      this.byVersion.set(p.version, [...this.held.values()].flatMap((b) => b.diagnostics));
      this.waiters = this.waiters.filter((w) => (w.version === p.version ? (w.resolve(), false) : true));
    });
  }

  forVersion(version: number): Promise<Diagnostic[]> {
    if (this.byVersion.has(version)) return Promise.resolve(this.byVersion.get(version)!);
    return new Promise((resolve) => this.waiters.push({ version, resolve: () => resolve(this.byVersion.get(version)!) }));
  }
}

const sorted = (ds: Diagnostic[]) => ds.map((d) => JSON.stringify(d)).sort();

describe('document problems in blocks (initializationOptions.documentDiagnostics)', function () {
  this.timeout(60_000);
  let dir: string;
  let plain: LspClient;
  let blocky: LspClient;
  let holder: BlockHolder;
  const text = generateRealisticOkr(30, 5).text;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-blocks-'));
    fs.writeFileSync(path.join(dir, 'team.okr'), text);
    plain = new LspClient();
    blocky = new LspClient();
    holder = new BlockHolder(blocky);
    await plain.initialize(dir);
    await blocky.initialize(dir, defaultCapabilities(), { documentDiagnostics: 'blocks' });
  });

  afterEach(async () => {
    await Promise.all([plain.stop(), blocky.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds up to what publishDiagnostics says, version by version, over edits that change, move, add and remove blocks', async () => {
    const file = path.join(dir, 'team.okr');
    const both = async (f: (c: LspClient, uri: string) => Promise<number>) => Promise.all([f(plain, plainUri), f(blocky, blockyUri)]);
    const { uri: plainUri } = await plain.open(file);
    const { uri: blockyUri } = await blocky.open(file);
    const lines = text.split('\n');
    const titleLine = lines.findIndex((l, i) => i > lines.length / 2 && l.trim().startsWith('title: '));
    const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });
    const edits: Array<{ what: string; range: Range; text: string }> = [
      { what: 'type at the end of a title', range: at(titleLine, lines[titleLine]!.length), text: 's' },
      { what: 'type a word that changes its verdict', range: at(titleLine, lines[titleLine]!.length + 1), text: ' somehow better' },
      { what: 'a new line above (every block below moves)', range: at(10, 0), text: '    # a comment line\n' },
      { what: 'delete that line again', range: { start: { line: 10, character: 0 }, end: { line: 11, character: 0 } }, text: '' },
      { what: 'break the YAML', range: at(titleLine, 0), text: '  : [' },
      { what: 'mend it', range: { start: { line: titleLine, character: 0 }, end: { line: titleLine, character: 5 } }, text: '' },
      { what: 'a new objective at the top (the keys of every block move)', range: at(lines.findIndex((l) => l === 'objectives:') + 1, 0), text: '  - id: first\n    title: Be first\n    key_results:\n      - id: k\n        title: Improve things\n' },
    ];
    let version = 1;
    assert.deepEqual(sorted(await holder.forVersion(1)), sorted((await plain.diagnosticsFor(plainUri, 1)).diagnostics), 'after opening');
    for (const e of edits) {
      await both((c, uri) => c.edit(uri, e.range, e.text));
      version++;
      const [expected, got] = await Promise.all([plain.diagnosticsFor(plainUri, version), holder.forVersion(version)]);
      assert.deepEqual(sorted(got), sorted(expected.diagnostics), `after: ${e.what}`);
    }
    assert.equal(blocky.publishCount.get(blockyUri), undefined, 'no publishDiagnostics for the document to a client that takes blocks');
  });

  it('says when a closed document\'s problems become its file\'s, in a message of the disk', async () => {
    const file = path.join(dir, 'team.okr');
    const { uri } = await blocky.open(file);
    const opened = await holder.forVersion(1);
    const disk = new Promise<Blocks>((resolve) => blocky.conn.onNotification('okr/documentDiagnostics', (p: Blocks) => {
      if (p.version === null) resolve(p);
    }));
    await blocky.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const message = await disk;
    assert.equal(message.uri, uri);
    // The text on disk is the one that was open: the blocks the client holds stay as they are.
    assert.deepEqual(message.blocks, []);
    assert.ok(opened.length > 100);
  });

  it('sends a keystroke in one objective of a large file as that objective\'s block alone', async () => {
    const file = path.join(dir, 'team.okr');
    const { uri } = await blocky.open(file);
    const first = await holder.forVersion(1);
    assert.ok(first.length > 100, `${first.length} problems`);
    const lines = text.split('\n');
    const titleLine = lines.findIndex((l, i) => i > lines.length / 2 && l.trim().startsWith('title: '));
    await blocky.edit(uri, { start: { line: titleLine, character: lines[titleLine]!.length }, end: { line: titleLine, character: lines[titleLine]!.length } }, 's');
    await holder.forVersion(2);
    const message = holder.messages.find((m) => m.version === 2)!;
    assert.equal(message.reset, false);
    assert.ok(message.blocks.length <= 1, `${message.blocks.length} blocks sent for one keystroke`);
    const sent = message.blocks.reduce((n, b) => n + (b.diagnostics?.length ?? 0), 0);
    assert.ok(sent < first.length / 10, `${sent} of ${first.length} problems sent again`);
  });
});
