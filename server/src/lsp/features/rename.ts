// Rename of objective and key-result ids, and the reference updates when a .okr file (or a folder of
// them) is renamed or moved. The edits come from core/edits/rename.ts over the workspace index, which
// holds the editor's version of open files and the disk's of closed ones, so one WorkspaceEdit covers
// every file of the workspace.
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type FileOperationRegistrationOptions,
  type PrepareRenameParams,
  type Range,
  type RenameFilesParams,
  type RenameParams,
  type ServerCapabilities,
  type TextDocuments,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileMoveEdits, renameEdits, targetAt, type FileEdits, type OkrDocument, type PathMove } from '../../core';
import type { Root, ServerState } from '../state';
import { uriToPath } from '../uris';

/** File operations the server wants to hear about before they happen: .okr files, and folders (which may hold some). */
const OKR_FILE_OPERATIONS: FileOperationRegistrationOptions['filters'] = [
  { scheme: 'file', pattern: { glob: '**/*.okr', matches: 'file' } },
  { scheme: 'file', pattern: { glob: '**/*', matches: 'folder' } },
];

export function capabilities(): ServerCapabilities {
  return {
    renameProvider: { prepareProvider: true },
    workspace: { fileOperations: { willRename: { filters: OKR_FILE_OPERATIONS } } },
  };
}

type Docs = Pick<TextDocuments<TextDocument>, 'get' | 'all'>;

/** The open document's model, with its path and root; every open file's latest version goes into the index first. */
function located(state: ServerState, documents: Docs, uri: string): { doc: OkrDocument; path: string; root: Root } | undefined {
  const open = documents.get(uri);
  const p = uriToPath(uri);
  if (!open || !p) return undefined;
  for (const d of documents.all()) state.parsed(d);
  return { doc: state.parsed(open), path: p, root: state.rootFor(p) };
}

const NOTHING_TO_RENAME = 'Rename works on the id of an objective or a key result, or on a reference to one (company#quality/nps).';

export function onPrepareRename(state: ServerState, documents: Docs, params: PrepareRenameParams): { range: Range; placeholder: string } | ResponseError<void> | null {
  const l = located(state, documents, params.textDocument.uri);
  if (!l) return null;
  const at = targetAt(l.root.index, l.doc, l.path, l.doc.lines.offsetAt(params.position));
  if (!at) return new ResponseError(ErrorCodes.InvalidRequest, NOTHING_TO_RENAME);
  if (!at.ok) return new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename: ${at.message}.`);
  return { range: l.doc.lines.range(at.start, at.end), placeholder: at.id };
}

export function onRename(state: ServerState, documents: Docs, params: RenameParams): WorkspaceEdit | ResponseError<void> | null {
  const l = located(state, documents, params.textDocument.uri);
  if (!l) return null;
  const at = targetAt(l.root.index, l.doc, l.path, l.doc.lines.offsetAt(params.position));
  if (!at) return new ResponseError(ErrorCodes.InvalidRequest, NOTHING_TO_RENAME);
  if (!at.ok) return new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename: ${at.message}.`);
  const result = renameEdits(l.root.index, at.target, params.newName.trim());
  if (!result.ok) return new ResponseError(ErrorCodes.InvalidParams, `Cannot rename '${at.id}': ${result.message}.`);
  return workspaceEdit(result.files, state, documents);
}

export function onWillRenameFiles(state: ServerState, documents: Docs, params: RenameFilesParams): WorkspaceEdit | null {
  for (const d of documents.all()) state.parsed(d);
  const byRoot = new Map<Root, PathMove[]>();
  for (const f of params.files) {
    const from = uriToPath(f.oldUri);
    const to = uriToPath(f.newUri);
    if (!from || !to) continue;
    // Only files of a workspace folder have references to update (rootFor would open a root elsewhere).
    const root = state.roots.find((r) => from.startsWith(r.path + path.sep));
    if (!root) continue;
    const moves = byRoot.get(root) ?? [];
    moves.push({ from, to });
    byRoot.set(root, moves);
  }
  const files: FileEdits[] = [];
  for (const [root, moves] of byRoot) files.push(...fileMoveEdits(root.index, moves));
  return files.length ? workspaceEdit(files, state, documents) : null;
}

/**
 * One edit for all files: versioned per file when the client allows (the open document's version,
 * null for a file on disk), else a plain map of edits by uri.
 */
function workspaceEdit(files: FileEdits[], state: ServerState, documents: Docs): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const f of files) changes[f.uri] = [...(changes[f.uri] ?? []), ...f.edits];
  if (!state.versionedEdits) return { changes };
  return {
    documentChanges: Object.entries(changes).map(([uri, edits]) => ({ textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits })),
  };
}

export function register(connection: Connection, documents: TextDocuments<TextDocument>, state: ServerState): void {
  // Renames edit every file that refers to the name: they wait for the first scan, or files not
  // read yet would keep the old name.
  connection.onPrepareRename((params) => onPrepareRename(state, documents, params));
  connection.onRenameRequest(async (params) => {
    await state.whenIndexed();
    return onRename(state, documents, params);
  });
  connection.workspace.onWillRenameFiles(async (params) => {
    await state.whenIndexed();
    return onWillRenameFiles(state, documents, params);
  });
}
