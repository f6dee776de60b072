// Starts the bundled server (dist/server.js) over stdio, as an editor would, and speaks LSP to it.
// Tests await notifications (diagnostics) with a timeout; they never sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as fs from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(REPO, 'dist', 'server.js');
/** Longest we let a server take to answer `shutdown` before it is killed. */
const SHUTDOWN_CAP_MS = 2_000;

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  code: string;
  source: string;
  message: string;
  codeDescription?: { href: string };
  tags?: number[];
  data?: unknown;
}

export interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export class LspClient {
  readonly conn: MessageConnection;
  private readonly proc: ChildProcess;
  private readonly published = new Map<string, PublishParams>();
  /** How many times diagnostics were published per uri. */
  readonly publishCount = new Map<string, number>();
  /** The version of every publish per uri, in order (undefined: the file on disk, not a document). */
  readonly publishedVersions = new Map<string, Array<number | undefined>>();
  private readonly waiters: Array<{ uri: string; pred: (p: PublishParams) => boolean; resolve: (p: PublishParams) => void }> = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  /** Methods the server registered dynamically (client/registerCapability), in order. */
  readonly registrations: string[] = [];
  private readonly versions = new Map<string, number>();
  settings: Record<string, unknown> = {};
  stderr = '';

  constructor(env: Record<string, string> = {}) {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build`);
    this.proc = spawn(process.execPath, [SERVER, '--stdio'], { env: { ...process.env, OKR_TODAY: '2026-11-20', ...env }, stdio: 'pipe' });
    this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishParams) => {
      this.published.set(p.uri, p);
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      this.publishedVersions.set(p.uri, [...(this.publishedVersions.get(p.uri) ?? []), p.version]);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i]!;
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.conn.onNotification((method, params) => {
      this.notifications.push({ method, params });
    });
    this.conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map(() => this.settings));
    this.conn.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string }> }) => {
      this.registrations.push(...p.registrations.map((r) => r.method));
      return null;
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.listen();
  }

  async initialize(rootPath: string, capabilities: Record<string, unknown> = defaultCapabilities(), initializationOptions?: unknown): Promise<Record<string, unknown>> {
    const rootUri = pathToFileURL(rootPath).toString();
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(rootPath) }],
      capabilities,
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result as Record<string, unknown>;
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (or the latest, if it already does). */
  diagnostics(uri: string, pred: (p: PublishParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishParams> {
    const have = this.published.get(uri);
    if (have && pred(have)) return Promise.resolve(have);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(this.published.get(uri)?.diagnostics.map((d) => d.code))}`)), timeoutMs);
      this.waiters.push({ uri, pred, resolve: (p) => (clearTimeout(timer), resolve(p)) });
    });
  }

  /** Diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<PublishParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  async open(filePath: string, text?: string): Promise<{ uri: string; version: number }> {
    const uri = pathToFileURL(filePath).toString();
    const content = text ?? fs.readFileSync(filePath, 'utf8');
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'okr', version: 1, text: content } });
    return { uri, version: 1 };
  }

  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async edit(uri: string, range: Diagnostic['range'], text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Resolves with the first custom notification of `method` (already received or still to come). */
  notification(method: string, pred: (params: unknown) => boolean = () => true, timeoutMs = 10_000): Promise<unknown> {
    const have = this.notifications.find((n) => n.method === method && pred(n.params));
    if (have) return Promise.resolve(have.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching ${method} within ${timeoutMs} ms`)), timeoutMs);
      const d = this.conn.onNotification(method, (params: unknown) => {
        if (!pred(params)) return;
        clearTimeout(timer);
        d.dispose();
        resolve(params);
      });
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      // A cap, not a wait: a server that does not answer shutdown is killed below anyway.
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, SHUTDOWN_CAP_MS))]);
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    this.proc.kill();
  }
}

export function defaultCapabilities(): Record<string, unknown> {
  return {
    workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } }, dataSupport: true, resolveSupport: { properties: ['edit'] } },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
  };
}

export function fixture(...parts: string[]): string {
  return path.join(REPO, 'test', 'fixtures', 'lsp', ...parts);
}
