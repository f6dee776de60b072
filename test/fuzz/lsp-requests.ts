// Malformed and random requests for the real server (dist/server.js over stdio): every method we
// register, with params that are almost right (a field missing, of the wrong type, a position out of
// range) or anything JSON can hold. The property: an answer comes, and it is never InternalError
// (-32603); a notification with such params leaves the server answering.
import * as fs from 'node:fs';
import fc from 'fast-check';
import { fixture, LspClient } from '../lsp/client';
import { Finding } from './properties';

const ROOT = fixture('editing');
const WEB = fixture('editing', 'teams', 'web.okr');
const ANSWER_WITHIN_MS = 10_000;

const REQUESTS = [
  'textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/references', 'textDocument/prepareRename',
  'textDocument/rename', 'textDocument/codeAction', 'textDocument/codeLens', 'textDocument/documentLink', 'textDocument/documentSymbol',
  'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/semanticTokens/full', 'textDocument/formatting', 'workspace/symbol',
  'workspace/willRenameFiles', 'okr/workspaceModel', 'okr/workspaceModelDelta', 'okr/checkinEdit', 'okr/periodStartText',
];
const NOTIFICATIONS = ['textDocument/didChange', 'textDocument/didOpen', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration'];

export interface FuzzRequest {
  kind: 'request' | 'notification';
  method: string;
  params: unknown;
}

const webUri = () => `file://${WEB}`;

const number = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constantFrom(-1, 2 ** 31, 2 ** 53, 1.5, -0, Number.MAX_VALUE), fc.double());
const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), number, fc.constantFrom(null, undefined, true, '', [], {}));
const uri = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null).map(webUri) },
  { weight: 1, arbitrary: fc.constantFrom('file:///etc/passwd', 'untitled:x', 'file:///nowhere/x.okr', '', 'not a uri', 'file://%zz', `file://${ROOT}/../../x.okr`) },
  { weight: 1, arbitrary: anyValue },
);
const position = fc.oneof({ weight: 6, arbitrary: fc.record({ line: number, character: number }) }, { weight: 1, arbitrary: anyValue });
const range = fc.oneof({ weight: 6, arbitrary: fc.record({ start: position, end: position }) }, { weight: 1, arbitrary: anyValue });

/** Params shaped like the method's, with any field possibly missing, null or of another type. */
function paramsFor(method: string): fc.Arbitrary<unknown> {
  const textDocument = fc.oneof({ weight: 8, arbitrary: fc.record({ uri }) }, { weight: 1, arbitrary: anyValue });
  const fields: Record<string, fc.Arbitrary<unknown>> = { textDocument };
  if (/hover|completion|definition|references|rename|prepareRename/.test(method)) fields.position = position;
  if (method.endsWith('references')) fields.context = fc.oneof(fc.record({ includeDeclaration: fc.oneof(fc.boolean(), anyValue) }), anyValue);
  if (method.endsWith('/rename')) fields.newName = fc.oneof(fc.string(), anyValue);
  if (method.endsWith('codeAction')) {
    fields.range = range;
    const diagnostic = fc.record({ range, message: fc.oneof(fc.string(), anyValue), code: anyValue, data: anyValue, source: fc.constantFrom('okr', 'x') });
    fields.context = fc.oneof(fc.record({ diagnostics: fc.oneof(fc.array(diagnostic, { maxLength: 3 }), anyValue), only: fc.oneof(fc.constant(undefined), fc.array(fc.constantFrom('quickfix', 'refactor', 'source', 'x'))) }), anyValue);
  }
  if (method.endsWith('selectionRange')) fields.positions = fc.oneof(fc.array(position, { maxLength: 3 }), anyValue);
  if (method.endsWith('formatting')) fields.options = fc.oneof(fc.record({ tabSize: number, insertSpaces: fc.oneof(fc.boolean(), anyValue) }), anyValue);
  if (method === 'workspace/symbol') return fc.oneof(fc.record({ query: fc.oneof(fc.string(), anyValue) }), anyValue);
  if (method === 'workspace/willRenameFiles') return fc.oneof(fc.record({ files: fc.oneof(fc.array(fc.record({ oldUri: uri, newUri: uri }), { maxLength: 2 }), anyValue) }), anyValue);
  if (method === 'okr/workspaceModelDelta') return fc.oneof(fc.record({ since: fc.oneof(fc.record({ server: fc.oneof(fc.string(), anyValue), revision: number }), anyValue) }), anyValue);
  if (method === 'okr/checkinEdit') {
    return fc.record(
      {
        uri,
        objectiveId: fc.oneof(fc.constantFrom('checkout', 'growth', 'objective@1'), anyValue),
        keyResultId: fc.oneof(fc.constantFrom('uptime', 'latency', 'errors', 'kr@1'), anyValue),
        value: fc.oneof(number, fc.boolean(), anyValue),
        confidence: fc.oneof(number, anyValue),
        note: fc.oneof(fc.string(), fc.constantFrom('@dana fixed it', '1e5', '- x', 'a\nb'), anyValue),
        date: fc.oneof(fc.constantFrom('2026-11-20', '2026-02-30', '0001-01-01'), anyValue),
        version: fc.oneof(number, anyValue),
      },
      { requiredKeys: [] },
    );
  }
  if (method === 'okr/periodStartText') return fc.oneof(fc.record({ uri }), anyValue);
  if (method === 'textDocument/didChange') {
    fields.textDocument = fc.oneof(fc.record({ uri, version: number }), anyValue);
    fields.contentChanges = fc.oneof(fc.array(fc.oneof(fc.record({ range, text: fc.oneof(fc.string(), anyValue) }), fc.record({ text: fc.oneof(fc.string(), anyValue) })), { maxLength: 2 }), anyValue);
  }
  if (method === 'textDocument/didOpen') fields.textDocument = fc.oneof(fc.record({ uri, languageId: fc.constantFrom('okr', 'typescript', 5), version: number, text: fc.oneof(fc.string(), anyValue) }), anyValue);
  if (method === 'workspace/didChangeWatchedFiles') return fc.record({ changes: fc.oneof(fc.array(fc.record({ uri, type: number }), { maxLength: 2 }), anyValue) });
  return fc.oneof({ weight: 8, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: anyValue });
}

export const malformedRequest: fc.Arbitrary<FuzzRequest> = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...REQUESTS).chain((method) => paramsFor(method).map((params): FuzzRequest => ({ kind: 'request', method, params }))) },
  { weight: 1, arbitrary: fc.constantFrom(...NOTIFICATIONS).chain((method) => paramsFor(method).map((params): FuzzRequest => ({ kind: 'notification', method, params }))) },
);

/** The server the requests go to: one process, initialised on the editing fixture with web.okr open. */
export class FuzzServer {
  private constructor(private client: LspClient) {}

  static async start(): Promise<FuzzServer> {
    const server = new FuzzServer(await FuzzServer.client());
    return server;
  }

  private static async client(): Promise<LspClient> {
    const client = new LspClient({ OKR_GIT_HISTORY: 'off' });
    await client.initialize(ROOT);
    const { uri, version } = await client.open(WEB, fs.readFileSync(WEB, 'utf8'));
    await client.diagnosticsFor(uri, version);
    return client;
  }

  /** Sends one request (or notification, then a hover to see it still answers); throws a Finding on -32603, a hang or a crash. */
  async check(r: FuzzRequest): Promise<void> {
    const what = `${r.kind} ${r.method} ${JSON.stringify(r.params)?.slice(0, 2000)}`;
    if (r.kind === 'notification') {
      await this.client.conn.sendNotification(r.method, r.params);
      return this.answer('textDocument/hover', { textDocument: { uri: webUri() }, position: { line: 0, character: 0 } }, `after ${what}`);
    }
    return this.answer(r.method, r.params, what);
  }

  private async answer(method: string, params: unknown, what: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ANSWER_WITHIN_MS)));
    try {
      // No params at all is a case of its own (a request without a `params` member).
      const sent = params === undefined ? this.client.conn.sendRequest(method) : this.client.request(method, params);
      const outcome = await Promise.race([sent.then(() => 'ok' as const, (err: { code?: number; message?: string }) => err), hang]);
      if (outcome === 'hang') await this.restart(`no answer within ${ANSWER_WITHIN_MS} ms to ${what}`);
      else if (outcome !== 'ok' && outcome.code === -32603) throw new Finding(`-32603 "${outcome.message}" for ${what}`);
      else if (outcome !== 'ok' && (outcome.code === undefined || /Connection|disposed|closed/i.test(outcome.message ?? ''))) await this.restart(`the server went away on ${what}: ${outcome.message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** A hung or dead server is a finding; a fresh one takes the next inputs. */
  private async restart(finding: string): Promise<never> {
    await this.client.stop();
    this.client = await FuzzServer.client();
    throw new Finding(finding);
  }

  async stop(): Promise<void> {
    await this.client.stop();
  }
}
