// The LSP layer: adapts messages to the core and back. Holds no analysis logic of its own.
import { indexedDocuments } from './text-document';
import {
  DidChangeConfigurationNotification,
  FileChangeType,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { checkinEdits, CONFIG_FILE_NAME } from '../core';
import { today } from '../node/today';
import {
  CheckinRequest,
  DOCUMENT_DIAGNOSTICS_OPTION,
  GRAPH_DIAGNOSTICS_OPTION,
  ModelChangedNotification,
  PeriodStartTextRequest,
  type PeriodStartTextParams,
  type PeriodStartTextResult,
  WorkspaceModelDeltaRequest,
  WorkspaceModelRequest,
  type WorkspaceModelDelta,
  type WorkspaceModelDeltaParams,
  type CheckinParams,
  type CheckinResult,
  type ModelChangedParams,
  type WorkspaceModel,
} from '../shared/protocol';
import { readSettings } from '../shared/settings';
import { DiagnosticsPublisher } from './diagnostics';
import { featureCapabilities, registerFeatures } from './features';
import { ServerState, type Root } from './state';
import { pathToUri, uriToPath } from './uris';
import { periodStartText } from './period-start';
import { WorkspaceModelCache } from './model-cache';
import { QuietTurn } from './quiet-turn';
import { CodeTagService } from './code-tags';
import { registerCodeLens, withCodeTagCapabilities, withCodeTags } from './code-tag-handlers';
import { filesExcludeGlobs } from '../node/source-files';
import { REJECTED_REQUEST, type RejectedParams, type RequestGuard } from './request-guard';

export const SERVER_NAME = 'okr-language-server';

/** An .okr document: by language, or by extension for clients that name the language otherwise. */
export function isOkrDocument(doc: { uri: string; languageId?: string }): boolean {
  return doc.languageId === 'okr' || /\.okr$/i.test(doc.uri.replace(/[?#].*$/, ''));
}

/** Watched files the server cares about: .okr files and okr.config.yaml. */
export function isWatchedFile(uri: string): boolean {
  const name = uri.replace(/[?#].*$/, '').split('/').pop() ?? '';
  return /\.okr$/i.test(name) || decodeURIComponent(name) === CONFIG_FILE_NAME;
}

/**
 * The connection as a TextDocuments sees it. A client sends every document it syncs: .okr documents go
 * to the OKR analysis, all others to the code-tag search (or nowhere when there is none). Changes,
 * saves and closes follow the open they belong to. One handler per notification on the real
 * connection dispatches to both.
 */
type TextDocumentConnection = Parameters<TextDocuments<TextDocument>['listen']>[0];

function routeDocuments(connection: Connection, okr: TextDocuments<TextDocument>, code: TextDocuments<TextDocument> | undefined): void {
  const handlers = { okr: {} as Partial<Record<keyof TextDocumentConnection, Function>>, code: {} as Partial<Record<keyof TextDocumentConnection, Function>> };
  const sink = (side: 'okr' | 'code'): TextDocumentConnection =>
    new Proxy({} as TextDocumentConnection, {
      get: (_t, key: keyof TextDocumentConnection) => (handler: Function) => {
        handlers[side][key] = handler;
        return { dispose: () => delete handlers[side][key] };
      },
    });
  okr.listen(sink('okr'));
  code?.listen(sink('code'));
  const owner = new Map<string, 'okr' | 'code'>();
  const call = (uri: string, key: keyof TextDocumentConnection, ...args: unknown[]) => {
    const side = owner.get(uri);
    return side ? handlers[side][key]?.(...args) : undefined;
  };
  connection.onDidOpenTextDocument((p) => {
    const side = isOkrDocument(p.textDocument) ? 'okr' : code ? 'code' : undefined;
    if (!side) return;
    owner.set(p.textDocument.uri, side);
    return handlers[side].onDidOpenTextDocument?.(p);
  });
  connection.onDidChangeTextDocument((p) => {
    // Versions must grow with every change (LSP). A client that sends one again (or an older one)
    // still changed its text: the change is applied, under the next version we have not used, so no
    // cache keyed by version answers from the text before it (docs/reliability.md, Protocol).
    const side = owner.get(p.textDocument.uri);
    const held = side && (side === 'okr' ? okr : code)?.get(p.textDocument.uri)?.version;
    if (held !== undefined && held !== null && p.textDocument.version <= held) p = { ...p, textDocument: { ...p.textDocument, version: held + 1 } };
    return call(p.textDocument.uri, 'onDidChangeTextDocument', p);
  });
  connection.onDidCloseTextDocument((p) => {
    const r = call(p.textDocument.uri, 'onDidCloseTextDocument', p);
    owner.delete(p.textDocument.uri);
    return r;
  });
  connection.onWillSaveTextDocument((p) => call(p.textDocument.uri, 'onWillSaveTextDocument', p));
  connection.onWillSaveTextDocumentWaitUntil((p, token) => call(p.textDocument.uri, 'onWillSaveTextDocumentWaitUntil', p, token) ?? []);
  connection.onDidSaveTextDocument((p) => call(p.textDocument.uri, 'onDidSaveTextDocument', p));
}

export function startServer(connection: Connection, guard?: RequestGuard): void {
  const documents = new TextDocuments(indexedDocuments);
  const state = new ServerState();
  const diagnostics = new DiagnosticsPublisher(connection, documents, state);
  const codeTags = new CodeTagService(connection, state, async (root) => {
    if (!canPullConfiguration) return [];
    try {
      return filesExcludeGlobs(await connection.workspace.getConfiguration({ scopeUri: root.uri, section: 'files.exclude' }));
    } catch {
      return [];
    }
  });
  let canPullConfiguration = false;
  let canRegisterConfiguration = false;
  let canWatchFiles = false;
  let canWatchFolders = false;

  // Told once a burst of changes is over (quiet-turn.ts): each notice makes the client ask for the
  // model, so 1,000 quick edits must not mean 1,000 notices. No uris means the whole model.
  const changedUris = new Set<string>();
  let wholeModelChanged = false;
  const modelNotice = new QuietTurn(() => {
    const uris = wholeModelChanged ? [] : [...changedUris];
    changedUris.clear();
    wholeModelChanged = false;
    void connection.sendNotification(ModelChangedNotification, { uris } satisfies ModelChangedParams);
  });
  const notifyModelChanged = (uris: string[]) => {
    if (uris.length === 0) wholeModelChanged = true;
    for (const u of uris) changedUris.add(u);
    modelNotice.schedule();
  };
  // Check-ins from git change the sparkline and the trend of the files they arrive for.
  state.onRootAdded((root) => root.histories.onArrived((paths) => notifyModelChanged(paths.map(pathToUri))));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    // Register dynamically only what the client says it accepts dynamically: eglot, for one, warns
    // "Server tried to register unsupported capability" otherwise. Clients without it still send
    // workspace/didChangeConfiguration on their own (Neovim and eglot do), so nothing is lost.
    canRegisterConfiguration = Boolean(params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canWatchFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
    state.versionedEdits = Boolean(params.capabilities.workspace?.workspaceEdit?.documentChanges);
    const options = params.initializationOptions as { graphDiagnostics?: unknown; documentDiagnostics?: unknown } | undefined;
    if (options?.graphDiagnostics === GRAPH_DIAGNOSTICS_OPTION) diagnostics.separateGraphDiagnostics();
    if (options?.documentDiagnostics === DOCUMENT_DIAGNOSTICS_OPTION) diagnostics.sendDocumentsInBlocks();
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p)) ?? [];
    const rootPath = params.rootUri ? uriToPath(params.rootUri) : undefined;
    for (const folder of folders.length ? folders : rootPath ? [rootPath] : []) state.addRoot(folder, true);
    const features = withCodeTagCapabilities(featureCapabilities());
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        ...features,
        // After the features: they add to `workspace` (file operations), they do not replace it.
        workspace: { ...features.workspace, workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    // Only clients that announced folder support may be asked for folder events.
    if (canWatchFolders) watchWorkspaceFolders();
    if (canRegisterConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canWatchFiles) {
      void connection.client.register(
        // Watch .okr files and the configuration, so files changed outside the editor stay current,
        // and every other file for its code tags (the server filters them as its scan does).
        { method: 'workspace/didChangeWatchedFiles' } as never,
        { watchers: [{ globPattern: '**/*.okr' }, { globPattern: `**/${CONFIG_FILE_NAME}` }, { globPattern: '**/*' }] } as never,
      );
    }
    // Reading and parsing the files does not depend on the settings: both start at once.
    const indexing = indexRoots(state.roots);
    await pullSettings();
    for (const root of state.roots) diagnostics.publishConfig(root);
    diagnostics.scheduleAll();
    await indexing;
    await scanCodeTags(state.roots);
  });

  /** The code-tag search of the roots' source files, after their .okr files (diagnostics need those first). */
  async function scanCodeTags(roots: readonly Root[]): Promise<void> {
    // Its own progress, so a client (and the benchmark) can tell when the workspace has settled.
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Searching code tags', 0, undefined, false);
    const t0 = performance.now();
    try {
      const files = await codeTags.scan(roots, true);
      connection.console.log(`searched ${files} source files for code tags in ${Math.round(performance.now() - t0)} ms`);
    } finally {
      progress?.done();
    }
  }

  /**
   * The scan of the workspace's .okr files, in slices between which requests and open documents are
   * served, with LSP work-done progress ("Indexing OKRs 1,200/2,001") for clients that show it.
   */
  async function indexRoots(roots: readonly Root[]): Promise<void> {
    const progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    progress?.begin('Indexing OKRs', 0, undefined, false);
    const t0 = performance.now();
    let files = 0;
    let lastReport = 0;
    const walkProblems: string[] = [];
    for (const root of roots) {
      let inRoot = 0;
      await state.scanRootInSlices(root, (done, total) => {
        inRoot = done;
        const now = performance.now();
        // A few reports a second are plenty for a progress bar.
        if (now - lastReport < 200 && done < total) return;
        lastReport = now;
        progress?.report(total ? Math.floor((100 * done) / total) : 100, `${thousands(done)}/${thousands(total)}`);
      }, undefined, (p) => walkProblems.push(p.message));
      files += inRoot;
    }
    progress?.done();
    connection.console.log(`indexed ${files} .okr files in ${Math.round(performance.now() - t0)} ms`);
    // Skipped .gitignore lines and folders that could not be listed: logged, and said once where the user looks.
    for (const m of walkProblems) connection.console.warn(m);
    if (walkProblems.length > 0) {
      // A notification, not showWarningMessage's request: there is nothing to answer, nothing to wait for.
      const message = `OKR: ${walkProblems[0]}${walkProblems.length > 1 ? ` (and ${walkProblems.length - 1} more in the OKR output)` : ''}`;
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    diagnostics.publishUnreadable();
    diagnostics.indexingDone();
    notifyModelChanged([]);
  }

  function watchWorkspaceFolders(): void {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const added: Root[] = [];
      for (const f of e.removed) {
        const p = uriToPath(f.uri);
        const removed = p ? state.removeRoot(p) : undefined;
        if (removed) diagnostics.rootRemoved(removed);
      }
      for (const f of e.added) {
        const p = uriToPath(f.uri);
        if (!p) continue;
        added.push(state.addRoot(p, true));
      }
      const indexing = indexRoots(added);
      void pullSettings().then(async () => {
        for (const root of added) diagnostics.publishConfig(root);
        diagnostics.scheduleAll();
        await indexing;
        await scanCodeTags(added);
      });
    });
  }

  async function pullSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    await Promise.all(
      state.roots.map(async (root) => {
        try {
          const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: root.uri, section: 'okr' });
          const s = readSettings(raw);
          state.setSettings(root, s.config, s.editor);
        } catch {
          // A client that cannot answer keeps the defaults and okr.config.yaml.
        }
      }),
    );
  }

  connection.onDidChangeConfiguration(async () => {
    await pullSettings();
    diagnostics.scheduleAll();
    notifyModelChanged([]);
    await codeTags.configurationChanged();
  });

  connection.onDidChangeWatchedFiles((e) => {
    const changed: string[] = [];
    for (const change of e.changes) {
      // Only paths inside a workspace folder: an event for /etc/passwd is never read (docs/reliability.md).
      const p = uriToPath(change.uri);
      const root = p ? state.folderOf(p) : undefined;
      if (!p || !root) continue;
      // A client may send events for any file it watches: .okr files and the configuration are the
      // state's, any other file is searched for code tags.
      if (!isWatchedFile(change.uri)) {
        codeTags.fileChanged(change.uri, change.type === FileChangeType.Deleted);
        continue;
      }
      if (path.basename(p) === CONFIG_FILE_NAME) {
        if (path.dirname(p) === root.path) {
          state.loadConfigFile(root);
          diagnostics.publishConfig(root);
          diagnostics.scheduleAll();
          changed.push(change.uri);
        }
        continue;
      }
      if (documents.get(change.uri)) continue; // the editor's version wins while the file is open
      if (change.type === FileChangeType.Deleted) {
        root.index.delete(p);
        root.unreadable.delete(p);
      } else state.loadFromDisk(root, p);
      changed.push(change.uri);
    }
    // The index tells the publisher and the model what each change touched (the file, and those
    // that align to it); nothing else is re-checked.
    if (changed.length) {
      diagnostics.publishUnreadable();
      notifyModelChanged(changed);
    }
  });

  documents.onDidOpen((e) => {
    // Opening a file again reads its history again: commits may have been made meanwhile.
    const opened = uriToPath(e.document.uri);
    if (opened) state.rootFor(opened).histories.refresh(opened);
    state.parsed(e.document);
    diagnostics.opened(e.document.uri);
    notifyModelChanged([e.document.uri]);
  });
  documents.onDidChangeContent((e) => {
    diagnostics.schedule(e.document.uri);
    notifyModelChanged([e.document.uri]);
  });
  documents.onDidClose((e) => {
    state.closed(e.document.uri);
    diagnostics.closed(e.document.uri);
    diagnostics.publishUnreadable(); // the file on disk may be one we cannot read
    notifyModelChanged([e.document.uri]);
  });

  // The tree, the status bar and the progress panel follow the model through deltas: after a
  // keystroke only the models of the files it touched are rebuilt and sent.
  const models = new WorkspaceModelCache(state, (m) => connection.console.error(m));
  const openDocumentsParsed = () => {
    // Open documents first: the model reflects unsaved edits.
    for (const d of documents.all()) state.parsed(d);
  };
  // The plain request answers with the whole workspace, so it waits for the first scan; the
  // client's delta request does not (its views fill while the scan goes on).
  connection.onRequest(WorkspaceModelRequest, async (): Promise<WorkspaceModel> => {
    await state.whenIndexed();
    openDocumentsParsed();
    return models.model(today());
  });
  connection.onRequest(WorkspaceModelDeltaRequest, (params: WorkspaceModelDeltaParams | undefined): WorkspaceModelDelta => {
    openDocumentsParsed();
    return models.delta(today(), params ?? undefined);
  });

  // The guard has checked the params against CheckinParamsSchema (shared/protocol-params.ts).
  connection.onRequest<CheckinResult, unknown>(CheckinRequest, (params: CheckinParams): CheckinResult => {
    const open = documents.get(params.uri);
    // Edits computed for another text would land in the wrong place: the client asks again.
    if (params.version !== undefined && open?.version !== params.version) {
      return { ok: false, message: `the document changed while checking in (version ${params.version} asked, ${open ? `version ${open.version}` : 'not open'} here); try again`, changed: true };
    }
    const p = uriToPath(params.uri);
    const doc = open ? state.parsed(open) : p ? state.rootFor(p).index.get(p) : undefined;
    if (!doc) return { ok: false, message: `${params.uri} is not an .okr file of this workspace` } satisfies CheckinResult;
    const result = checkinEdits(doc, params.objectiveId, params.keyResultId, {
      date: params.date ?? today(),
      value: params.value,
      confidence: params.confidence,
      note: params.note,
    });
    const reply: CheckinResult = result.ok ? { ok: true, uri: params.uri, version: open?.version, edits: result.edits } : result;
    return reply;
  });

  connection.onRequest(PeriodStartTextRequest, async (params: PeriodStartTextParams): Promise<PeriodStartTextResult> => {
    const open = documents.get(params.uri);
    const p = uriToPath(params.uri);
    const root = p ? state.rootFor(p) : undefined;
    const doc = open ? state.parsed(open) : p ? root?.index.get(p) : undefined;
    if (!doc || !p || !root) return { ok: false, message: `${params.uri} is not an .okr file of this workspace` };
    return periodStartText(doc, p, root.path);
  });

  // A request the guard refused comes here renamed, carrying the error to answer it with.
  connection.onRequest(REJECTED_REQUEST, (p: RejectedParams) => new ResponseError(p.code, p.message));
  if (guard) {
    guard.host = {
      lineCount: (uri) => (documents.get(uri) ?? codeTags.documents.get(uri))?.lineCount,
      log: (message) => connection.console.warn(message),
    };
  }
  registerFeatures(withCodeTags(connection, codeTags, documents, state), documents, state);
  registerCodeLens(connection, codeTags, documents, state);
  routeDocuments(connection, documents, codeTags.documents);
  connection.listen();
}

/** 12345 -> "12,345", as the progress message shows counts (toLocaleString's first call costs a 20 ms ICU start-up in the middle of the scan). */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
