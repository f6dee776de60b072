// Language features: each a module that takes the parsed document and returns plain LSP data.
// Two groups register themselves: editing (completion, hover, code actions, formatting) and
// navigation (symbols, folding, selection, definitions, links, semantic tokens).
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../state';
import * as editing from './editing';
import * as navigation from './navigation';

export function featureCapabilities(): ServerCapabilities {
  return { ...editing.capabilities(), ...navigation.capabilities() };
}

export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, state: ServerState): void {
  editing.register(connection, documents, state);
  navigation.register(connection, documents, state);
}
