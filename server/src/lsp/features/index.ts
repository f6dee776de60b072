// Language features: each a module that takes the parsed document and returns plain LSP data.
// Three groups register themselves: editing (completion, hover, code actions, formatting),
// navigation (symbols, folding, selection, definitions, links, semantic tokens) and rename (ids, and
// references of moved files).
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../state';
import * as editing from './editing';
import * as navigation from './navigation';
import * as rename from './rename';

export function featureCapabilities(): ServerCapabilities {
  const renaming = rename.capabilities();
  return { ...editing.capabilities(), ...navigation.capabilities(), ...renaming, workspace: { ...renaming.workspace } };
}

export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, state: ServerState): void {
  editing.register(connection, documents, state);
  navigation.register(connection, documents, state);
  rename.register(connection, documents, state);
}
