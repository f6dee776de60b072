// Editing features: completion, hover, code actions, formatting. The handlers only adapt: each asks
// the state for the cached model of the document's version (parsed once per version) and hands it
// to a connection-free feature function that returns plain LSP data.
import type {
  CodeAction,
  CodeActionParams,
  CompletionItem,
  CompletionParams,
  Connection,
  DocumentFormattingParams,
  Hover,
  HoverParams,
  ServerCapabilities,
  TextDocuments,
  TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { today } from '../../node/today';
import { discoverOkrFiles } from '../../node/discover';
import type { Root, ServerState } from '../state';
import { uriToPath } from '../uris';
import { CODE_ACTION_KINDS, codeActions } from './code-actions';
import { COMPLETION_TRIGGERS, completions } from './completion';
import { formatDocument } from './formatting';
import { hoverAt } from './hover';

export function capabilities(): ServerCapabilities {
  return {
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
    documentFormattingProvider: true,
  };
}

/** Workspace file listings for link completion: one directory walk per root, reused for a while. */
const FILE_LISTING_TTL_MS = 30_000;
const listings = new WeakMap<Root, { at: number; files: string[] }>();

export function workspaceFiles(root: Root, now = Date.now()): string[] {
  const hit = listings.get(root);
  if (hit && now - hit.at < FILE_LISTING_TTL_MS) return hit.files;
  const files = discoverOkrFiles(root.path, { extension: '', limit: 5000 });
  listings.set(root, { at: now, files });
  return files;
}

interface Target {
  doc: ReturnType<ServerState['parsed']>;
  root: Root;
  path?: string;
}

function target(state: ServerState, documents: Pick<TextDocuments<TextDocument>, 'get'>, uri: string): Target | undefined {
  const open = documents.get(uri);
  if (!open) return undefined;
  const path = uriToPath(uri);
  return { doc: state.parsed(open), root: state.rootFor(path), path };
}

// Handlers as functions of the state, so tests can drive them without a connection.

export function onCompletion(state: ServerState, documents: Pick<TextDocuments<TextDocument>, 'get'>, params: CompletionParams): CompletionItem[] {
  const t = target(state, documents, params.textDocument.uri);
  if (!t) return [];
  return completions({ doc: t.doc, position: params.position, today: today(), index: t.root.index, docPath: t.path, files: () => workspaceFiles(t.root) });
}

export function onHover(state: ServerState, documents: Pick<TextDocuments<TextDocument>, 'get'>, params: HoverParams): Hover | null {
  const t = target(state, documents, params.textDocument.uri);
  if (!t) return null;
  return hoverAt({ doc: t.doc, position: params.position, today: today(), config: t.root.config, index: t.root.index, docPath: t.path, history: t.root.histories.get(t.path) });
}

export function onCodeAction(state: ServerState, documents: Pick<TextDocuments<TextDocument>, 'get'>, params: CodeActionParams): CodeAction[] {
  const t = target(state, documents, params.textDocument.uri);
  if (!t) return [];
  return codeActions({ doc: t.doc, range: params.range, diagnostics: params.context.diagnostics, only: params.context.only, today: today(), config: t.root.config, index: t.root.index, path: t.path });
}

export function onFormatting(state: ServerState, documents: Pick<TextDocuments<TextDocument>, 'get'>, params: DocumentFormattingParams): TextEdit[] | null {
  const t = target(state, documents, params.textDocument.uri);
  if (!t || !t.root.editor.format.enable) return null;
  return formatDocument(t.doc);
}

export function register(connection: Connection, documents: TextDocuments<TextDocument>, state: ServerState): void {
  connection.onCompletion((params) => onCompletion(state, documents, params));
  connection.onHover((params) => onHover(state, documents, params));
  connection.onCodeAction((params) => onCodeAction(state, documents, params));
  connection.onDocumentFormatting((params) => onFormatting(state, documents, params));
}
