// Language features: each a module that takes the parsed document and returns plain LSP data.
// registerFeatures() wires them to the connection; featureCapabilities() announces them.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../state';

export function featureCapabilities(): ServerCapabilities {
  return {};
}

export function registerFeatures(_connection: Connection, _documents: TextDocuments<TextDocument>, _state: ServerState): void {}
