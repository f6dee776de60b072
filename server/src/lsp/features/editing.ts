import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerState } from '../state';

export function capabilities(): ServerCapabilities {
  return {};
}

export function register(_connection: Connection, _documents: TextDocuments<TextDocument>, _state: ServerState): void {}
