// The LSP layer: adapts messages to the core and back. Holds no analysis logic of its own.
import {
  DidChangeConfigurationNotification,
  FileChangeType,
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
  ModelChangedNotification,
  WorkspaceModelRequest,
  type CheckinParams,
  type CheckinResult,
  type ModelChangedParams,
  type WorkspaceModel,
} from '../shared/protocol';
import { readSettings } from '../shared/settings';
import { DiagnosticsPublisher } from './diagnostics';
import { featureCapabilities, registerFeatures } from './features';
import { ServerState } from './state';
import { uriToPath } from './uris';
import { buildWorkspaceModel } from './workspace-model';

export const SERVER_NAME = 'okr-language-server';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const state = new ServerState();
  const diagnostics = new DiagnosticsPublisher(connection, documents, state);
  let canPullConfiguration = false;
  let canWatchFiles = false;
  let canWatchFolders = false;

  const notifyModelChanged = (uris: string[]) => {
    void connection.sendNotification(ModelChangedNotification, { uris } satisfies ModelChangedParams);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    canPullConfiguration = Boolean(params.capabilities.workspace?.configuration);
    canWatchFiles = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canWatchFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
    const folders = params.workspaceFolders?.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p)) ?? [];
    const rootPath = params.rootUri ? uriToPath(params.rootUri) : undefined;
    for (const folder of folders.length ? folders : rootPath ? [rootPath] : []) state.addRoot(folder);
    const features = featureCapabilities();
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
    if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    if (canWatchFiles) {
      void connection.client.register(
        // Watch .okr files and the configuration, so files changed outside the editor stay current.
        { method: 'workspace/didChangeWatchedFiles' } as never,
        { watchers: [{ globPattern: '**/*.okr' }, { globPattern: `**/${CONFIG_FILE_NAME}` }] } as never,
      );
    }
    for (const root of state.roots) {
      state.scanRoot(root);
      diagnostics.publishConfig(root);
    }
    diagnostics.publishUnreadable();
    await pullSettings();
    diagnostics.scheduleAll();
    notifyModelChanged([]);
  });

  function watchWorkspaceFolders(): void {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const f of e.removed) {
        const p = uriToPath(f.uri);
        if (p) state.removeRoot(p);
      }
      for (const f of e.added) {
        const p = uriToPath(f.uri);
        if (!p) continue;
        const root = state.addRoot(p);
        state.scanRoot(root);
      }
      diagnostics.publishUnreadable();
      void pullSettings().then(() => {
        diagnostics.scheduleAll();
        notifyModelChanged([]);
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
  });

  connection.onDidChangeWatchedFiles((e) => {
    const changed: string[] = [];
    for (const change of e.changes) {
      const p = uriToPath(change.uri);
      if (!p) continue;
      const root = state.rootFor(p);
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
    if (changed.length) {
      diagnostics.publishUnreadable();
      diagnostics.scheduleAll();
      notifyModelChanged(changed);
    }
  });

  documents.onDidOpen((e) => {
    state.parsed(e.document);
    diagnostics.schedule(e.document.uri);
    notifyModelChanged([e.document.uri]);
  });
  documents.onDidChangeContent((e) => {
    diagnostics.schedule(e.document.uri);
    notifyModelChanged([e.document.uri]);
  });
  documents.onDidClose((e) => {
    state.closed(e.document.uri);
    diagnostics.forget(e.document.uri);
    diagnostics.publishUnreadable(); // the file on disk may be one we cannot read
    notifyModelChanged([e.document.uri]);
  });

  // The tree, the status bar and the progress panel all ask after every change; when no file,
  // setting or date changed since the last answer, that answer still holds (the same inputs the
  // diagnostics publisher uses to skip a republish).
  let lastModel: { key: string; model: WorkspaceModel } | undefined;
  connection.onRequest(WorkspaceModelRequest, (): WorkspaceModel => {
    // Open documents first: the model reflects unsaved edits.
    for (const d of documents.all()) state.parsed(d);
    const day = today();
    const key = `${day}|${state.configGeneration}|${state.roots.map((r) => `${r.path}:${r.index.epoch}`).join('|')}`;
    if (lastModel?.key !== key) lastModel = { key, model: buildWorkspaceModel(state, day) };
    return lastModel.model;
  });

  connection.onRequest<CheckinResult, unknown>(CheckinRequest, (params: CheckinParams): CheckinResult => {
    const open = documents.get(params.uri);
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

  registerFeatures(connection, documents, state);
  documents.listen(connection);
  connection.listen();
}
