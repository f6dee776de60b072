// Malformed and out-of-order messages, sent raw to the real server over stdio: every request we
// register answers bad params with InvalidParams (-32602) and a plain message, never InternalError
// (-32603) with JavaScript error text; requests before `initialize` get ServerNotInitialized
// (-32002); a change that reuses a version still replaces the text the server answers from.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fixture, LspClient } from './client';

const WEB = fixture('editing', 'teams', 'web.okr');

interface RpcError {
  code: number;
  message: string;
}

/** The error a request ends in (the test fails if it succeeds). */
async function errorOf(client: LspClient, method: string, params: unknown): Promise<RpcError> {
  try {
    const result = await client.request(method, params);
    assert.fail(`${method} ${JSON.stringify(params)} answered ${JSON.stringify(result)?.slice(0, 200)} instead of an error`);
  } catch (err) {
    if (err instanceof assert.AssertionError) throw err;
    return err as RpcError;
  }
}

/** No stack, no "undefined", no property names JavaScript would complain about. */
function assertPlain(e: RpcError, what: string): void {
  assert.doesNotMatch(e.message, /Cannot read|undefined|TypeError|is not a function|is not iterable|\bat \w+ \(/, `${what}: ${e.message}`);
}

describe('LSP: malformed and out-of-order messages', function () {
  let client: LspClient;
  let uri: string;
  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(fixture('editing'));
    const opened = await client.open(WEB);
    uri = opened.uri;
    await client.diagnosticsFor(uri, opened.version);
  });
  afterEach(async () => client.stop());

  const atPosition = ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/prepareRename'];
  const inDocument = ['textDocument/codeLens', 'textDocument/documentLink', 'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/semanticTokens/full'];

  it('answers InvalidParams with a plain message to malformed params of every standard request', async () => {
    const doc = () => ({ uri });
    const cases: Array<[string, unknown]> = [];
    for (const m of [...atPosition, 'textDocument/references', 'textDocument/rename']) {
      const extra = m === 'textDocument/references' ? { context: { includeDeclaration: true } } : m === 'textDocument/rename' ? { newName: 'x' } : {};
      cases.push(
        [m, null],
        [m, { position: { line: 0, character: 0 }, ...extra }], // no textDocument
        [m, { textDocument: doc(), ...extra }], // no position
        [m, { textDocument: { uri: 5 }, position: { line: 0, character: 0 }, ...extra }],
        [m, { textDocument: doc(), position: { line: -1, character: 0 }, ...extra }],
        [m, { textDocument: doc(), position: { line: 0, character: -3 }, ...extra }],
        [m, { textDocument: doc(), position: { line: '2', character: 0 }, ...extra }],
        [m, { textDocument: doc(), position: { line: 1.5, character: 0 }, ...extra }],
        [m, { textDocument: doc(), position: { line: 100_000, character: 0 }, ...extra }], // past the end of the document
      );
    }
    cases.push(['textDocument/references', { textDocument: doc(), position: { line: 0, character: 0 } }]); // no context
    cases.push(['textDocument/rename', { textDocument: doc(), position: { line: 4, character: 10 }, newName: 42 }]);
    for (const m of inDocument) cases.push([m, null], [m, {}], [m, { textDocument: null }], [m, { textDocument: { uri: [] } }]);
    cases.push(
      ['textDocument/codeAction', { textDocument: doc() }],
      ['textDocument/codeAction', { textDocument: doc(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }],
      ['textDocument/codeAction', { textDocument: doc(), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [null] } }],
      ['textDocument/codeAction', { textDocument: doc(), range: null, context: { diagnostics: [] } }],
      ['textDocument/selectionRange', { textDocument: doc(), positions: [{ line: -1, character: 0 }] }],
      ['textDocument/selectionRange', { textDocument: doc() }],
      ['textDocument/formatting', { textDocument: doc() }],
      ['workspace/symbol', null],
      ['workspace/symbol', { query: 5 }],
      ['workspace/willRenameFiles', { files: null }],
      ['workspace/willRenameFiles', { files: [{ oldUri: 1 }] }],
    );
    const wrong: string[] = [];
    for (const [method, params] of cases) {
      const e = await errorOf(client, method, params);
      if (e.code !== -32602) wrong.push(`${method} ${JSON.stringify(params)}: ${e.code} ${e.message}`);
      else assertPlain(e, method);
    }
    assert.deepEqual(wrong, []);
  });

  it('says what is wrong in the message: the field and what it expects', async () => {
    const e = await errorOf(client, 'textDocument/hover', { textDocument: { uri }, position: { line: -1, character: 0 } });
    assert.match(e.message, /textDocument\/hover.*position\.line/);
    const past = await errorOf(client, 'textDocument/hover', { textDocument: { uri }, position: { line: 500, character: 0 } });
    assert.match(past.message, /line 500 is past the end of the document/);
  });

  it('takes a character past the end of its line as the end of the line, as LSP says', async () => {
    const hover = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 10_000 } });
    assert.ok(hover === null || typeof hover === 'object');
  });

  it('answers InvalidParams to our custom requests with params of the wrong type', async () => {
    const checkin = { uri, objectiveId: 'checkout', keyResultId: 'uptime', value: 99.6 };
    const bad: unknown[] = [
      null,
      { ...checkin, uri: undefined },
      { ...checkin, value: '99' },
      { ...checkin, value: null },
      { ...checkin, value: [1] },
      { ...checkin, confidence: null },
      { ...checkin, confidence: true },
      { ...checkin, confidence: [0.5] },
      { ...checkin, confidence: 1.5 },
      { ...checkin, confidence: -0.1 },
      { ...checkin, note: 5 },
      { ...checkin, note: { a: 1 } },
      { ...checkin, date: '2026-02-30' },
      { ...checkin, date: 20261120 },
      { ...checkin, objectiveId: null },
    ];
    for (const params of bad) {
      const e = await errorOf(client, 'okr/checkinEdit', params);
      assert.equal(e.code, -32602, `${JSON.stringify(params)}: ${e.message}`);
      assertPlain(e, JSON.stringify(params));
    }
    for (const params of [null, 5, { uri: 7 }]) assert.equal((await errorOf(client, 'okr/periodStartText', params)).code, -32602, JSON.stringify(params));
    for (const params of [5, { since: 'yesterday' }, { since: { server: 1, revision: 2 } }]) {
      assert.equal((await errorOf(client, 'okr/workspaceModelDelta', params)).code, -32602, JSON.stringify(params));
    }
    // Requests that take no params are answered without any (no `params` member in the message).
    const model = (await client.conn.sendRequest('okr/workspaceModel')) as { files: unknown[] };
    assert.ok(model.files.length > 0);
    assert.ok(await client.conn.sendRequest('okr/workspaceModelDelta'));
    // Good params still work.
    const ok = await client.request<{ ok: boolean }>('okr/checkinEdit', { ...checkin, confidence: 0.9, note: 'fine', date: '2026-11-20' });
    assert.equal(ok.ok, true);
  });

  it('refuses a check-in computed for another version of the open document', async () => {
    const stale = await client.request<{ ok: boolean; message?: string }>('okr/checkinEdit', { uri, objectiveId: 'checkout', keyResultId: 'uptime', value: 99.6, version: 7 });
    assert.equal(stale.ok, false);
    assert.match(stale.message!, /changed/);
    const current = await client.request<{ ok: boolean; version?: number }>('okr/checkinEdit', { uri, objectiveId: 'checkout', keyResultId: 'uptime', value: 99.6, version: 1 });
    assert.equal(current.ok, true);
    assert.equal(current.version, 1);
  });

  it('answers from the newest text when a change reuses a version', async () => {
    const text = fs.readFileSync(WEB, 'utf8');
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('id: checkout', 'id: basket') }] });
    await client.diagnostics(uri, (p) => p.version === 2);
    // The same version again, then an older one: each still changes the text.
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('id: checkout', 'id: cart') }] });
    const names = async () => ((await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } })) ?? []).map((s) => s.name).join(' ');
    assert.match(await names(), /\bcart\b/);
    await client.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: text.replace('id: checkout', 'id: till') }] });
    assert.match(await names(), /\btill\b/);
    // Its diagnostics follow the newest text too (a version the server has not published yet).
    const d = await client.diagnostics(uri, (p) => (p.version ?? 0) > 2);
    assert.ok(d.version! > 2);
  });
});

describe('LSP: before initialize', function () {
  let client: LspClient;
  beforeEach(() => (client = new LspClient()));
  afterEach(async () => client.stop());

  it('answers ServerNotInitialized to a request sent before initialize, and works once initialized', async () => {
    const e = await errorOf(client, 'textDocument/hover', { textDocument: { uri: 'file:///x.okr' }, position: { line: 0, character: 0 } });
    assert.equal(e.code, -32002);
    assert.equal((await errorOf(client, 'okr/workspaceModelDelta', {})).code, -32002);
    await client.initialize(fixture('editing'));
    const symbols = await client.request<unknown>('workspace/symbol', { query: 'checkout' });
    assert.ok(Array.isArray(symbols));
  });

  it('answers InvalidParams to an initialize without capabilities', async () => {
    const e = await errorOf(client, 'initialize', { processId: null, rootUri: null });
    assert.equal(e.code, -32602);
    assertPlain(e, 'initialize');
  });
});
