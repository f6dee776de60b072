// The gate every message from the client passes before a handler sees it: requests before
// `initialize` get ServerNotInitialized (-32002) and notifications before it are dropped (LSP's
// rule); the params of every request we answer are checked against a schema, so a malformed request
// gets InvalidParams (-32602) with a plain message instead of a handler failing on it and the client
// reading "Cannot read properties of undefined" in an InternalError (-32603). One place for all
// handlers, standard and custom, rather than a check at the top of each.
import type { Message, MessageStrategy, NotificationMessage, RequestMessage } from 'vscode-languageserver';
import { z } from 'zod';
import { REQUEST_PARAMS } from '../shared/protocol-params';

/** The request a rejected one is turned into: its handler answers with the error it carries. */
export const REJECTED_REQUEST = '$/okr/rejected';
export interface RejectedParams {
  code: number;
  message: string;
}

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

const uint = z.number().int().min(0).max(2 ** 31 - 1);
const position = z.object({ line: uint, character: uint });
const range = z.object({ start: position, end: position });
const textDocument = z.object({ uri: z.string().min(1) });
const atPosition = z.object({ textDocument, position });
const inDocument = z.object({ textDocument });
const diagnostic = z.object({ range, message: z.string() });

/** The minimal shape of the standard requests we register: what their handlers read. */
const STANDARD_PARAMS: Record<string, z.ZodType> = {
  initialize: z.object({ capabilities: z.object({}) }),
  'textDocument/hover': atPosition,
  'textDocument/completion': atPosition,
  'textDocument/definition': atPosition,
  'textDocument/references': atPosition.extend({ context: z.object({ includeDeclaration: z.boolean() }) }),
  'textDocument/prepareRename': atPosition,
  'textDocument/rename': atPosition.extend({ newName: z.string() }),
  'textDocument/codeAction': inDocument.extend({
    range,
    context: z.object({ diagnostics: z.array(diagnostic), only: z.array(z.string()).optional() }),
  }),
  'textDocument/codeLens': inDocument,
  'textDocument/documentLink': inDocument,
  'textDocument/documentSymbol': inDocument,
  'textDocument/foldingRange': inDocument,
  'textDocument/selectionRange': inDocument.extend({ positions: z.array(position) }),
  'textDocument/semanticTokens/full': inDocument,
  'textDocument/formatting': inDocument.extend({ options: z.object({ tabSize: uint, insertSpaces: z.boolean() }) }),
  'workspace/symbol': z.object({ query: z.string() }),
  'workspace/willRenameFiles': z.object({ files: z.array(z.object({ oldUri: z.string(), newUri: z.string() })) }),
};

/** Notifications whose handlers read their params; a malformed one is dropped (there is no one to answer). */
const NOTIFICATION_PARAMS: Record<string, z.ZodType> = {
  'textDocument/didOpen': z.object({ textDocument: textDocument.extend({ languageId: z.string(), version: z.number().int(), text: z.string() }) }),
  'textDocument/didChange': z.object({
    textDocument: textDocument.extend({ version: z.number().int() }),
    contentChanges: z.array(z.union([z.object({ range, text: z.string() }), z.object({ text: z.string() })])),
  }),
  'textDocument/didClose': inDocument,
  'textDocument/didSave': inDocument,
  'workspace/didChangeWatchedFiles': z.object({ changes: z.array(z.object({ uri: z.string(), type: z.number().int().min(1).max(3) })) }),
  'workspace/didChangeWorkspaceFolders': z.object({
    event: z.object({ added: z.array(z.object({ uri: z.string() })), removed: z.array(z.object({ uri: z.string() })) }),
  }),
};

const SCHEMAS: Record<string, z.ZodType> = { ...STANDARD_PARAMS, ...REQUEST_PARAMS };

/** "position.line: expected number, received string" from zod's first issue, in plain words. */
function plainProblem(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'params';
  const what = issue.message.replace(/^Invalid input: /, '').replace(/, received undefined$/, ', but it is missing');
  return `${where}: ${what}`;
}

export interface GuardHost {
  /** Lines of an open document (any language), or undefined when it is not open. */
  lineCount(uri: string): number | undefined;
  /** Where dropped notifications are told about (the server's log). */
  log(message: string): void;
}

export class RequestGuard implements MessageStrategy {
  private initialized = false;
  host: GuardHost = { lineCount: () => undefined, log: () => {} };

  handleMessage(message: Message, next: (message: Message) => void): void {
    // The gate must never lose a message: a request it fails on would wait for an answer forever.
    try {
      this.route(message, next);
    } catch (err) {
      this.host.log(`The request guard failed on a message; passed on unchecked: ${String(err)}`);
      next(message);
    }
  }

  private route(message: Message, next: (message: Message) => void): void {
    const m = message as Partial<RequestMessage & NotificationMessage>;
    if (typeof m.method !== 'string') return next(message); // responses to our own requests
    const isRequest = 'id' in m && m.id !== undefined;
    if (!isRequest) return this.notification(m as NotificationMessage, next, message);
    const request = m as RequestMessage;
    if (request.method === REJECTED_REQUEST) return next(rejected(request, METHOD_NOT_FOUND, `Unhandled method ${REJECTED_REQUEST}`));
    if (request.method === 'initialize') {
      const problem = this.problemOf(request.method, request.params);
      if (problem) return next(rejected(request, INVALID_PARAMS, problem));
      this.initialized = true;
      return next(message);
    }
    if (!this.initialized) return next(rejected(request, SERVER_NOT_INITIALIZED, `The server is not initialized yet: send initialize before ${request.method}.`));
    const problem = this.problemOf(request.method, request.params);
    return next(problem ? rejected(request, INVALID_PARAMS, problem) : message);
  }

  private notification(n: NotificationMessage, next: (message: Message) => void, message: Message): void {
    if (!this.initialized && n.method !== 'exit') return;
    const schema = NOTIFICATION_PARAMS[n.method];
    const r = schema?.safeParse(n.params);
    if (r && !r.success) return this.host.log(`Ignored ${n.method} with invalid params: ${plainProblem(r.error)}`);
    next(message);
  }

  /** Why the params of `method` cannot be answered, or undefined when they can. */
  private problemOf(method: string, params: unknown): string | undefined {
    const schema = SCHEMAS[method];
    if (!schema) return undefined;
    const r = schema.safeParse(params);
    if (!r.success) return `Invalid params for ${method}: ${plainProblem(r.error)}`;
    return this.positionProblem(method, params);
  }

  /**
   * A position past the last line of the open document. A character past the end of its line is
   * fine: LSP says it means the end of the line.
   */
  private positionProblem(method: string, params: unknown): string | undefined {
    if (!params || typeof params !== 'object') return undefined; // a request without params (okr/workspaceModel)
    const p = params as { textDocument?: { uri: string }; position?: { line: number }; positions?: Array<{ line: number }>; range?: { start: { line: number }; end: { line: number } } };
    const uri = p.textDocument?.uri;
    if (!uri) return undefined;
    const lines = this.host.lineCount(uri);
    if (lines === undefined) return undefined;
    const asked = [p.position, ...(p.positions ?? []), p.range?.start, p.range?.end].filter((x): x is { line: number } => x !== undefined);
    const past = asked.find((x) => x.line >= lines);
    return past ? `Invalid params for ${method}: line ${past.line} is past the end of the document (${lines} line${lines === 1 ? '' : 's'}, numbered from 0).` : undefined;
  }
}

function rejected(request: RequestMessage, code: number, message: string): RequestMessage {
  return { jsonrpc: request.jsonrpc, id: request.id, method: REJECTED_REQUEST, params: { code, message } satisfies RejectedParams };
}
