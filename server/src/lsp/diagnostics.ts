// Publishing diagnostics for every .okr file of the workspace, open or not, so the Problems panel
// lists what `okr check` lists. Open documents come first: their work runs once a turn of the event
// loop passed without a new change (no fixed delay), a burst of edits analyses only the latest version, and a result is
// dropped if its document moved on meanwhile (stale guard). Files on disk are analysed in the
// background, in slices with a turn of the event loop between them, so requests never wait behind
// them. Nothing is sent again for a file on disk whose diagnostics did not change, nor for an open
// document whose version did not.
import { yieldToRequests } from '../node/yield';
import type { Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, RULES, ruleDocsUrl, unreadableFileDiagnostic, type IndexChange, type OkrDiagnostic, type OkrDocument } from '../core';
import { DocumentDiagnosticsNotification, GraphDiagnosticsNotification, type DocumentDiagnosticsParams, type GraphDiagnosticsParams } from '../shared/protocol';
import { blockDelta, blocksOf, sameProblem, type SentBlock } from './diagnostic-blocks';
import { today as todayNow } from '../node/today';
import { diagnosticPartsInRoot, diagnosticsInRoot } from './analysis';
import { toLspDiagnostic } from './convert';
import type { ServerState, Root } from './state';
import { pathToUri, uriToPath } from './uris';
import { QuietTurn } from './quiet-turn';

/** Background work per slice before yielding to the event loop. */
const SLICE_MS = 4;

const EMPTY_DIGEST = createHash('sha1').update('[]').digest('base64');

/** Rules that read other files (or the disk): their problems move when another file changes. */
const GRAPH_RULES = new Set(RULES.filter((r) => r.scope === 'workspace').map((r) => r.id));

function sameDiagnostics(a: readonly OkrDiagnostic[] | undefined, b: readonly OkrDiagnostic[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, k) => sameProblem(x, 0, b[k]!, 0));
}

export class DiagnosticsPublisher {
  private readonly queue = new Set<string>();
  /** Open documents are analysed once a turn passed without a new change: a burst is analysed once (quiet-turn.ts). */
  private readonly turn = new QuietTurn(() => this.flush());
  /** Files on disk (not open) to analyse in the background, by path. */
  private readonly background = new Set<string>();
  private backgroundRunning = false;
  /** What the last result depended on, per uri of an open document: nothing changed, nothing to compute. */
  private readonly inputs = new Map<string, string>();
  /** A digest of what was last sent per uri: the same diagnostics are not sent again. */
  private readonly sent = new Map<string, string>();
  /** What was last sent for an open document's version. */
  private readonly sentVersioned = new Map<string, readonly OkrDiagnostic[]>();
  /** While false (the first scan is running), files on disk wait; open documents do not. */
  private indexed = false;
  /**
   * The client takes the graph rules' problems apart (GraphDiagnosticsNotification): then what was
   * last sent of them per uri, and those waiting to go out in the next batch.
   */
  private graphChannel = false;
  private readonly graphSent = new Map<string, string>();
  private readonly graphBatch = new Map<string, Diagnostic[]>();
  private graphFlushScheduled = false;
  /** The client takes each document's problems in blocks (DocumentDiagnosticsNotification): the blocks last sent per uri. */
  private blockChannel = false;
  private readonly blocksSent = new Map<string, Map<string, SentBlock>>();
  /** Per file on disk, the problems last sent (the objects), to skip re-sending the same ones cheaply. */
  private readonly lastOnDisk = new Map<string, readonly OkrDiagnostic[]>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly state: ServerState,
  ) {
    state.onRootAdded((root) => this.watch(root));
  }

  /**
   * Follows the index of a root: a changed file on disk is analysed again, and when what other files
   * read from it changes (ids, parents, period; or it comes or goes), so are the files whose
   * `aligns_to` names it, open or not.
   */
  watch(root: Root): void {
    // Git waits for the open documents' diagnostics (history.ts deferWhile).
    root.histories.deferWhile(() => this.turn.pending || this.queue.size > 0);
    // A file's git history arrived: its history rules can say more now.
    root.histories.onArrived((paths) => {
      const closed: string[] = [];
      for (const p of paths) {
        const open = this.openDocument(p);
        if (open) this.schedule(open.uri);
        else closed.push(p);
      }
      this.enqueueBackground(closed);
    });
    root.index.onChange((change: IndexChange) => {
      const uri = pathToUri(change.path);
      if (!this.isOpen(change.path)) {
        if (change.kind === 'removed') this.clear(uri);
        else this.enqueueBackground([change.path]);
      }
      if (change.crossFileChanged) this.dependentsChanged(root, change.path);
    });
  }

  /**
   * The files aligned to a changed file, and those aligned to them, and so on: a cycle or a period
   * seen through a chain of parents may have changed for all of them.
   */
  private dependentsChanged(root: Root, changedPath: string): void {
    const seen = new Set<string>([changedPath]);
    const todo = [changedPath];
    for (let i = 0; i < todo.length; i++) {
      for (const r of root.index.referrers(todo[i]!)) if (!seen.has(r)) (seen.add(r), todo.push(r));
    }
    const closed: string[] = [];
    for (const p of todo.slice(1)) {
      const open = this.openDocument(p);
      if (open) this.schedule(open.uri);
      else closed.push(p);
    }
    this.enqueueBackground(closed);
  }

  schedule(uri: string): void {
    this.queue.add(uri);
    this.turn.schedule();
  }

  /** Everything again: open documents now, every file on disk in the background. */
  scheduleAll(): void {
    for (const d of this.documents.all()) this.schedule(d.uri);
    for (const root of this.state.roots) this.enqueueBackground(root.index.paths().filter((p) => !this.isOpen(p)));
  }

  /** The first scan is complete: files on disk may now be analysed. */
  indexingDone(): void {
    this.indexed = true;
    this.scheduleAll();
  }

  /** A document was closed: from now on its file on disk is what counts (or nothing, if it is gone). */
  closed(uri: string): void {
    this.inputs.delete(uri);
    const p = uriToPath(uri);
    const root = p ? this.state.rootFor(p) : undefined;
    if (p && root?.index.get(p)) {
      // The editor's uri may be spelled differently from ours: clear it, then publish the disk's.
      if (uri !== pathToUri(p)) this.clear(uri);
      this.enqueueBackground([p]);
    } else this.clear(uri);
  }

  /** From initialize: the client asked for the graph rules' problems apart (see GRAPH_DIAGNOSTICS_OPTION). */
  separateGraphDiagnostics(): void {
    this.graphChannel = true;
  }

  /** From initialize: the client takes documents' problems in blocks (see DOCUMENT_DIAGNOSTICS_OPTION). */
  sendDocumentsInBlocks(): void {
    this.blockChannel = true;
  }

  /** A document was opened: it is published under the editor's uri from now on. */
  opened(uri: string): void {
    const p = uriToPath(uri);
    if (p && pathToUri(p) !== uri) this.clear(pathToUri(p));
    this.schedule(uri);
  }

  /**
   * A workspace folder was removed: its files on disk, its unreadable files and its config file no
   * longer have problems to show (open documents are published again under the root that holds them now).
   */
  rootRemoved(root: Root): void {
    for (const p of [...root.index.paths(), ...root.unreadable.keys(), path.join(root.path, CONFIG_FILE_NAME)]) {
      this.background.delete(p);
      const open = this.openDocument(p);
      if (open) this.schedule(open.uri);
      else this.clear(pathToUri(p));
    }
  }

  private clear(uri: string): void {
    this.sendGraph(uri, []);
    this.lastOnDisk.delete(uri);
    if (!this.sent.has(uri)) return;
    this.sent.delete(uri);
    this.sentVersioned.delete(uri);
    if (this.blockChannel) {
      this.blocksSent.delete(uri);
      void this.connection.sendNotification(DocumentDiagnosticsNotification, { uri, version: null, reset: true, blocks: [], removed: [] } satisfies DocumentDiagnosticsParams);
    } else void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private isOpen(p: string): boolean {
    return this.openDocument(p) !== undefined;
  }

  private openDocument(p: string): TextDocument | undefined {
    return this.documents.get(pathToUri(p)) ?? this.documents.all().find((d) => this.pathOfOpen(d) === p);
  }

  /**
   * An open document's path, worked out once per document: the publisher asks whether each of
   * thousands of files is open (a parent's dependents), and a URL parse per open document per question
   * was a tenth of re-checking them.
   */
  private pathOfOpen(d: TextDocument): string | undefined {
    if (!this.openPaths.has(d)) this.openPaths.set(d, uriToPath(d.uri));
    return this.openPaths.get(d);
  }

  private readonly openPaths = new WeakMap<TextDocument, string | undefined>();

  private enqueueBackground(paths: readonly string[]): void {
    for (const p of paths) this.background.add(p);
    this.runBackground();
  }

  private runBackground(): void {
    if (this.backgroundRunning || !this.indexed || this.background.size === 0) return;
    this.backgroundRunning = true;
    setImmediate(() => this.backgroundSlice());
  }

  private backgroundSlice(): void {
    const until = performance.now() + SLICE_MS;
    const today = todayNow();
    for (const p of this.background) {
      // Open documents first: a slice never delays an edit's diagnostics by more than its length.
      if (this.turn.pending) break;
      this.background.delete(p);
      if (!this.isOpen(p)) this.publishOnDisk(p, today);
      if (performance.now() >= until) break;
    }
    if (this.background.size > 0) void yieldToRequests().then(() => this.backgroundSlice());
    else this.backgroundRunning = false;
  }

  private publishOnDisk(p: string, today: string): void {
    const root = this.state.rootFor(p);
    const doc = root.index.get(p);
    if (!doc) return;
    root.histories.want(p, doc.period?.start, root.path);
    this.sendChecked(pathToUri(p), undefined, doc, root, p, today);
  }

  private flush(): void {
    const uris = [...this.queue];
    this.queue.clear();
    for (const uri of uris) {
      const textDoc = this.documents.get(uri);
      if (textDoc) this.publish(textDoc);
    }
    if (this.background.size > 0) this.runBackground();
  }

  /** Analyses and publishes one open document. */
  private publish(textDoc: TextDocument): void {
    const version = textDoc.version;
    const doc = this.state.parsed(textDoc);
    const refusal = this.state.refusal(doc);
    if (refusal) {
      if (this.documents.get(textDoc.uri)?.version !== version) return;
      this.inputs.delete(textDoc.uri);
      return this.send(textDoc.uri, version, [unreadableFileDiagnostic(refusal)]);
    }
    const p = uriToPath(textDoc.uri);
    const root = this.state.rootFor(p);
    this.state.loadReferenced(root, doc);
    const today = todayNow();
    // Never waited for: the diagnostics go out now, and again when the history arrives.
    if (p) root.histories.want(p, doc.period?.start, root.path, true);
    const inputs = `${version}|${this.state.configGeneration}|${today}|${root.index.epoch}|${root.path}|${root.histories.generation}`;
    if (this.inputs.get(textDoc.uri) === inputs) return;
    // Stale guard: a newer version of the document is queued already.
    if (this.documents.get(textDoc.uri)?.version !== version) return;
    this.inputs.set(textDoc.uri, inputs);
    this.sendChecked(textDoc.uri, version, doc, root, p, today);
  }

  /** Checks a model and sends its problems: in two parts when the client takes the graph rules' apart. */
  private sendChecked(uri: string, version: number | undefined, doc: OkrDocument, root: Root, p: string | undefined, today: string): void {
    const parts = this.graphChannel ? diagnosticPartsInRoot(doc, root, p, today) : undefined;
    if (!parts) return this.send(uri, version, diagnosticsInRoot(doc, root, p, today), doc);
    this.sendGraph(uri, parts.workspace.map(toLspDiagnostic));
    this.sendPushed(uri, version, parts.file, doc);
  }

  private send(uri: string, version: number | undefined, diagnostics: readonly OkrDiagnostic[], doc?: OkrDocument): void {
    if (this.graphChannel) {
      this.sendGraph(uri, diagnostics.filter((d) => GRAPH_RULES.has(d.rule)).map(toLspDiagnostic));
      diagnostics = diagnostics.filter((d) => !GRAPH_RULES.has(d.rule));
    }
    this.sendPushed(uri, version, diagnostics, doc);
  }

  /**
   * publishDiagnostics (or the blocks that changed, to a client that takes them), unless it would
   * say again what it said last. `doc` is the model the problems are of (where its objectives are).
   */
  private sendPushed(uri: string, version: number | undefined, diagnostics: readonly OkrDiagnostic[], doc?: OkrDocument): void {
    // A file on disk whose problems are the very objects sent last time (a file-scope result kept
    // with its model) needs no conversion or digest: a parent's change re-checks thousands of those.
    const last = this.lastOnDisk.get(uri);
    if (version === undefined && last && last.length === diagnostics.length && last.every((d, i) => d === diagnostics[i])) return;
    this.lastOnDisk.delete(uri);
    // An open document's diagnostics are sent once per version (a client may wait for those of the
    // version it holds); a file on disk's only when they change. Disk and editor are told apart, so a
    // document opened with the problems its file had still gets them with its version.
    // An open document's version is told apart by comparing its diagnostics themselves (most are the
    // very objects of the last analysis): hashing thousands of them cost as much as sending them.
    if (version !== undefined && this.sent.get(uri) === `editor@${version}` && sameDiagnostics(this.sentVersioned.get(uri), diagnostics)) return;
    if (this.blockChannel) return this.sendBlocks(uri, version, diagnostics, doc);
    let lsp: Diagnostic[] | undefined;
    let digest = `editor@${version}`;
    if (version === undefined) {
      lsp = diagnostics.map(toLspDiagnostic);
      digest = `disk:${createHash('sha1').update(JSON.stringify(lsp)).digest('base64')}`;
      if (this.sent.get(uri) === digest) return;
      this.sentVersioned.delete(uri);
    } else this.sentVersioned.set(uri, diagnostics);
    // Nothing to say about a file never reported: no empty message for each clean file on disk.
    if (diagnostics.length === 0 && !this.sent.has(uri) && version === undefined) return;
    this.sent.set(uri, digest);
    if (version === undefined) this.lastOnDisk.set(uri, diagnostics);
    void this.connection.sendDiagnostics({ uri, version, diagnostics: lsp ?? diagnostics.map(toLspDiagnostic) });
  }

  /**
   * The blocks that changed (diagnostic-blocks.ts), to a client that takes blocks. The comparison of
   * blocks is the digest: a file on disk whose blocks did not change sends nothing, and a document
   * opened with its file's problems sends only its version (the blocks went out with the disk's).
   */
  private sendBlocks(uri: string, version: number | undefined, diagnostics: readonly OkrDiagnostic[], doc: OkrDocument | undefined): void {
    const previous = this.blocksSent.get(uri);
    // Nothing to say about a file never reported: no empty message for each clean file on disk.
    if (diagnostics.length === 0 && !previous && version === undefined) return;
    const wasDisk = this.sent.get(uri) === 'disk';
    if (version === undefined) {
      this.lastOnDisk.set(uri, diagnostics);
      this.sentVersioned.delete(uri);
    } else this.sentVersioned.set(uri, diagnostics);
    const { params, sent } = blockDelta(uri, version ?? null, previous, blocksOf(doc, diagnostics));
    this.blocksSent.set(uri, sent);
    this.sent.set(uri, version === undefined ? 'disk' : `editor@${version}`);
    // A version is always answered (a client may wait for its version's problems), and so is the move
    // from a closed document's problems to its file's; the file on disk again only when they changed.
    if (version === undefined && wasDisk && !params.reset && params.blocks.length === 0 && params.removed.length === 0) return;
    void this.connection.sendNotification(DocumentDiagnosticsNotification, params);
  }

  /**
   * Queues a file's graph problems when they differ from what was last sent (not per version: an edit
   * that leaves them as they were sends nothing); the batch goes out on the next turn of the event
   * loop, so a parent changed on disk reaches its thousands of dependents in a few messages.
   */
  private sendGraph(uri: string, lsp: Diagnostic[]): void {
    if (!this.graphChannel) return;
    const digest = createHash('sha1').update(JSON.stringify(lsp)).digest('base64');
    if ((this.graphSent.get(uri) ?? EMPTY_DIGEST) === digest) return;
    if (lsp.length === 0) this.graphSent.delete(uri);
    else this.graphSent.set(uri, digest);
    this.graphBatch.set(uri, lsp);
    if (this.graphFlushScheduled) return;
    this.graphFlushScheduled = true;
    setImmediate(() => {
      this.graphFlushScheduled = false;
      const items = [...this.graphBatch].map(([u, diagnostics]) => ({ uri: u, diagnostics }));
      this.graphBatch.clear();
      if (items.length) void this.connection.sendNotification(GraphDiagnosticsNotification, { items } satisfies GraphDiagnosticsParams);
    });
  }

  /** Files we hold as unreadable, by uri, so a file that becomes readable again gets its problem cleared. */
  private readonly unreadable = new Set<string>();

  /**
   * One error on each .okr file the server could not read (binary, too large, not UTF-8), which would
   * otherwise just be missing from the tree and the scores. Files open in the editor are analysed from
   * the editor's text instead, so they are skipped here.
   */
  publishUnreadable(): void {
    const now = new Set<string>();
    for (const root of this.state.roots) {
      for (const [file, message] of root.unreadable) {
        const uri = pathToUri(file);
        if (this.documents.get(uri)) continue;
        now.add(uri);
        this.send(uri, undefined, [unreadableFileDiagnostic(message)]);
      }
    }
    for (const uri of this.unreadable) if (!now.has(uri) && !this.documents.get(uri) && !this.indexedUri(uri)) this.clear(uri);
    this.unreadable.clear();
    for (const uri of now) this.unreadable.add(uri);
  }

  private indexedUri(uri: string): boolean {
    const p = uriToPath(uri);
    return Boolean(p && this.state.rootFor(p).index.get(p));
  }

  /** okr.config.yaml problems, published on the config file itself. */
  publishConfig(root: Root): void {
    const uri = pathToUri(path.join(root.path, CONFIG_FILE_NAME));
    this.send(
      uri,
      undefined,
      root.configProblems.map((p) => ({ rule: 'config', severity: 'error' as const, message: p.message, range: p.range, docsUrl: ruleDocsUrl('config') })),
    );
  }
}
