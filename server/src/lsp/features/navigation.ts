// Navigation features: symbols, folding, selection, definition/references, document links,
// semantic tokens and workspace symbols. Each handler asks the state for the model parsed once per
// version and hands it to a module that returns plain LSP data.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { today } from '../../node/today';
import { WorkspaceScorer } from '../../core';
import type { ServerState } from '../state';
import { uriToPath } from '../uris';
import { definition, references } from './definition';
import { documentLinks } from './document-links';
import { foldingRanges } from './folding';
import { selectionRanges } from './selection';
import { LEGEND, semanticTokens } from './semantic-tokens';
import { documentSymbols } from './symbols';
import { workspaceSymbols } from './workspace-symbols';

export function capabilities(): ServerCapabilities {
  return {
    documentSymbolProvider: { label: 'OKR' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentLinkProvider: { resolveProvider: false },
    workspaceSymbolProvider: true,
    semanticTokensProvider: { legend: LEGEND, full: true, range: false },
  };
}

export function register(connection: Connection, documents: TextDocuments<TextDocument>, state: ServerState): void {
  const model = (uri: string) => {
    const open = documents.get(uri);
    return open ? state.parsed(open) : undefined;
  };
  /** The model plus the file's path and root, for features that look across files. */
  const located = (uri: string) => {
    const doc = model(uri);
    const p = uriToPath(uri);
    if (!doc || !p) return undefined;
    // Other open files' latest versions must be in the index before resolving across files.
    for (const d of documents.all()) state.parsed(d);
    return { doc, path: p, root: state.rootFor(p) };
  };

  connection.onDocumentSymbol((params) => {
    const t = located(params.textDocument.uri);
    if (!t) return null;
    const day = today();
    return documentSymbols(t.doc, day, WorkspaceScorer.for(t.root.index, day, t.root.config.scoring));
  });
  connection.onFoldingRanges((params) => {
    const doc = model(params.textDocument.uri);
    return doc ? foldingRanges(doc) : null;
  });
  connection.onSelectionRanges((params) => {
    const doc = model(params.textDocument.uri);
    return doc ? selectionRanges(doc, params.positions) : null;
  });
  connection.onDefinition((params) => {
    const l = located(params.textDocument.uri);
    return l ? definition(l.doc, l.path, l.root, params.position) : null;
  });
  // Questions about the whole workspace wait for the first scan to end: a partial answer would
  // look complete. Hover, completion and the rest of the file's features never wait.
  connection.onReferences(async (params) => {
    await state.whenIndexed();
    const l = located(params.textDocument.uri);
    return l ? references(l.doc, l.path, l.root, params.position, params.context.includeDeclaration) : null;
  });
  connection.onDocumentLinks((params) => {
    const doc = model(params.textDocument.uri);
    const p = uriToPath(params.textDocument.uri);
    return doc && p ? documentLinks(doc, p, state.rootFor(p)) : null;
  });
  connection.languages.semanticTokens.on((params) => {
    const doc = model(params.textDocument.uri);
    return doc ? semanticTokens(doc) : { data: [] };
  });
  connection.onWorkspaceSymbol(async (params) => {
    await state.whenIndexed();
    for (const d of documents.all()) state.parsed(d);
    return workspaceSymbols(state.roots, params.query);
  });
}
