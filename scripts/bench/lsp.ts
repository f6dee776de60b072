// A minimal LSP client for the benchmark: spawns a server over stdio, answers the requests servers
// make of editors (configuration, registrations), and times notifications -> diagnostics and
// request -> response. Peak memory is the server process's VmHWM from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { SERVER_NODE_OPTIONS } from '../../server/src/shared/protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export class TimeoutError extends Error {}

export interface Publish {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export interface ServerSpec {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Answers workspace/configuration for a section. */
  configuration: (section: string | undefined) => unknown;
  /** Settings pushed with workspace/didChangeConfiguration after initialized (servers that only read those). */
  pushSettings?: unknown;
  languageId: string;
  /** The server says which version its diagnostics are for: then only that version's count. */
  versionedDiagnostics: boolean;
  /** More client capabilities to announce (e.g. `window.workDoneProgress`). */
  extraCapabilities?: Record<string, unknown>;
  /** initializationOptions, as the editor's client sends them. */
  initializationOptions?: unknown;
}

/** The okr server as the benchmark starts it: over stdio, with a fixed "today". */
export function okrServerSpec(serverPath: string, today: string, extraCapabilities?: Record<string, unknown>): ServerSpec {
  return {
    name: 'okr',
    command: process.execPath,
    // OKR_BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the server of a run.
    // With the Node options the VS Code client starts it with (SERVER_NODE_OPTIONS).
    args: [...SERVER_NODE_OPTIONS, ...(process.env.OKR_BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), serverPath, '--stdio'],
    env: { OKR_TODAY: today },
    configuration: (section) => (section === 'okr' ? {} : null),
    languageId: 'okr',
    versionedDiagnostics: true,
    extraCapabilities,
    // Each document's problems in blocks, as the VS Code client asks. Its cross-file problems stay in
    // those blocks here (the client takes them apart too): every problem is in what is timed and counted.
    initializationOptions: { documentDiagnostics: 'blocks' },
  };
}

interface Block {
  line: number;
  diagnostics: Array<{ range: Range }>;
}

interface DocumentDiagnostics {
  uri: string;
  version: number | null;
  reset: boolean;
  blocks: Array<{ key: string; line: number; diagnostics?: Array<{ range: Range }> }>;
  removed: string[];
}

const moveRange = (r: Range, delta: number): Range => ({ start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } });

export class BenchClient {
  private readonly proc: ChildProcess;
  private readonly conn: MessageConnection;
  private readonly waiters: Array<{ uri: string; pred: (p: Publish) => boolean; resolve: (p: Publish) => void }> = [];
  private readonly versions = new Map<string, number>();
  stderr = '';
  exited = false;
  /** Resolves when the server first asked for its settings (and got them). */
  readonly configured: Promise<void>;
  private markConfigured!: () => void;

  constructor(private readonly spec: ServerSpec) {
    this.configured = new Promise((r) => (this.markConfigured = r));
    this.proc = spawn(spec.command, spec.args, { env: { ...process.env, ...spec.env }, stdio: 'pipe' });
    this.proc.stderr!.on('data', (d) => (this.stderr = (this.stderr + String(d)).slice(-4000)));
    this.proc.on('exit', () => (this.exited = true));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Publish) => this.published(p));
    // What the VS Code client does with okr/documentDiagnostics (client/src/documentDiagnostics.ts):
    // the blocks that changed replace those held, moved blocks move, and the whole list is what counts.
    const held = new Map<string, Map<string, Block>>();
    this.conn.onNotification('okr/documentDiagnostics', (p: DocumentDiagnostics) => {
      if (p.reset) held.delete(p.uri);
      let blocks = held.get(p.uri);
      if (!blocks) held.set(p.uri, (blocks = new Map()));
      for (const key of p.removed) blocks.delete(key);
      for (const b of p.blocks) {
        const old = blocks.get(b.key);
        if (b.diagnostics) blocks.set(b.key, { line: b.line, diagnostics: b.diagnostics.map((d) => ({ ...d, range: moveRange(d.range, b.line) })) });
        else if (old) blocks.set(b.key, { line: b.line, diagnostics: old.diagnostics.map((d) => ({ ...d, range: moveRange(d.range, b.line - old.line) })) });
      }
      this.published({ uri: p.uri, version: p.version ?? undefined, diagnostics: [...blocks.values()].flatMap((b) => b.diagnostics) });
    });
    this.conn.onNotification(() => undefined);
    this.conn.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => {
      setImmediate(this.markConfigured);
      return p.items.map((i) => spec.configuration(i.section));
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onRequest('workspace/workspaceFolders', () => null);
    this.conn.listen();
  }

  /** Diagnostics for a document arrived (published, or put together from blocks). */
  private published(p: Publish): void {
    for (const l of this.publishListeners) l(p);
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i]!;
      if (w.uri === p.uri && w.pred(p)) {
        this.waiters.splice(i, 1);
        w.resolve(p);
        return;
      }
    }
  }

  get pid(): number {
    return this.proc.pid!;
  }

  async initialize(rootUri: string, timeoutMs: number): Promise<number> {
    const t0 = performance.now();
    await withTimeout(
      this.conn.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'bench' }],
        initializationOptions: this.spec.initializationOptions,
        capabilities: {
          ...this.spec.extraCapabilities,
          workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
          textDocument: {
            synchronization: { didSave: false, dynamicRegistration: false },
            publishDiagnostics: { versionSupport: true, relatedInformation: true },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          },
        },
      }),
      timeoutMs,
    );
    await this.conn.sendNotification('initialized', {});
    if (this.spec.pushSettings !== undefined) await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.pushSettings });
    return performance.now() - t0;
  }

  /** The next diagnostics for `uri` that satisfy `pred`. */
  diagnosticsWhere(uri: string, pred: (p: Publish) => boolean, timeoutMs: number): Promise<Publish> {
    return this.nextDiagnostics(uri, pred, timeoutMs);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** Every notification of `method` (other than publishDiagnostics: see onPublish) goes to `handler`. */
  onNotification(method: string, handler: (params: unknown) => void): void {
    this.conn.onNotification(method, handler);
  }

  private readonly publishListeners: Array<(p: Publish) => void> = [];

  /** Every publishDiagnostics goes to `listener` too. */
  onPublish(listener: (p: Publish) => void): void {
    this.publishListeners.push(listener);
  }

  /** The next diagnostics for `uri` (for this version when the server says which version they are for). */
  private nextDiagnostics(uri: string, pred: (p: Publish) => boolean, timeoutMs: number): Promise<Publish> {
    return withTimeout(new Promise<Publish>((resolve) => this.waiters.push({ uri, pred, resolve })), timeoutMs);
  }

  /** Diagnostics for `version`: exactly that version when the server tells, else the next non-empty ones. */
  private forVersion(version: number): (p: Publish) => boolean {
    return this.spec.versionedDiagnostics ? (p) => p.version === version : (p) => p.diagnostics.length > 0;
  }

  /** didOpen -> the diagnostics for that version; returns ms and the number of diagnostics. */
  async open(uri: string, text: string, timeoutMs: number): Promise<{ ms: number; count: number }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const wait = this.nextDiagnostics(uri, this.forVersion(version), timeoutMs);
    const t0 = performance.now();
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version, text } });
    const p = await wait;
    return { ms: performance.now() - t0, count: p.diagnostics.length };
  }

  /**
   * didClose, then what the server publishes for the closed file (empty diagnostics, or those of the
   * file on disk, without a version), so nothing of the old version is taken for the next open's.
   */
  async close(uri: string, timeoutMs: number): Promise<void> {
    const wait = this.nextDiagnostics(uri, (p) => p.diagnostics.length === 0 || p.version === undefined, timeoutMs);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await wait.catch(() => undefined);
  }

  /** An incremental one-range edit -> the diagnostics for the new version. */
  async edit(uri: string, range: Range, text: string, timeoutMs: number): Promise<{ ms: number; count: number }> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const wait = this.nextDiagnostics(uri, this.forVersion(version), timeoutMs);
    const t0 = performance.now();
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    const p = await wait;
    return { ms: performance.now() - t0, count: p.diagnostics.length };
  }

  async time<T>(method: string, params: unknown, timeoutMs: number): Promise<{ ms: number; result: T }> {
    const t0 = performance.now();
    const result = (await withTimeout(this.conn.sendRequest(method, params), timeoutMs)) as T;
    return { ms: performance.now() - t0, result };
  }

  /** Peak resident set size of the server process, in MB (VmHWM). */
  peakRssMb(): number | undefined {
    try {
      const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : undefined;
    } catch {
      return undefined;
    }
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await withTimeout(this.conn.sendRequest('shutdown'), 3000);
        await this.conn.sendNotification('exit');
        // Let it exit by itself (flushing logs or profiles); a server that lingers is killed below.
        await withTimeout(new Promise<void>((r) => (this.exited ? r() : this.proc.once('exit', () => r()))), 3000);
      } catch {
        // a busy or dead server is killed below
      }
    }
    this.conn.dispose();
    if (!this.exited) this.proc.kill('SIGKILL');
  }
}

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
