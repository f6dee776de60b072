// Wiring of the code-tag features into the connection. The .okr features register their handlers as
// before; the connection they see answers source documents (any other language) from the tags, and
// adds a key result's code to find references in .okr files. One handler per request stays the rule.
import type { Connection, Location, ServerCapabilities, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { today } from '../node/today';
import type { CodeTagService } from './code-tags';
import { codeLenses, okrCodeReferences, tagCompletions, tagDefinition, tagDocumentLinks, tagHover, tagReferences } from './features/code-tags';
import type { ServerState } from './state';
import { uriToPath } from './uris';

/** Documents the .okr-only features apply to (all but those code tags serve in every file). */
export const OKR_DOCUMENT_SELECTOR = [{ language: 'okr' }, { pattern: '**/*.okr' }];

/** Features that stay on .okr documents when the client sends documents of every language. */
const OKR_ONLY: ReadonlyArray<keyof ServerCapabilities> = [
  'documentSymbolProvider',
  'foldingRangeProvider',
  'selectionRangeProvider',
  'semanticTokensProvider',
  'documentFormattingProvider',
  'codeActionProvider',
  'renameProvider',
];

/**
 * The capabilities with a document selector on each .okr-only feature, so a client that syncs source
 * files for code tags (VS Code's selector includes them) does not offer OKR formatting, symbols or
 * semantic tokens there. Hover, definition, references, links and completion serve both; the code
 * lens is for .okr files.
 */
export function withCodeTagCapabilities(caps: ServerCapabilities): ServerCapabilities {
  const out: Record<string, unknown> = { ...caps };
  for (const key of OKR_ONLY) {
    const c = out[key];
    if (c === undefined || c === false) continue;
    out[key] = { ...(c === true ? {} : (c as object)), documentSelector: OKR_DOCUMENT_SELECTOR };
  }
  out.codeLensProvider = { resolveProvider: false, documentSelector: OKR_DOCUMENT_SELECTOR };
  return out as ServerCapabilities;
}

/**
 * The connection as the .okr features see it: requests about a source document are answered from its
 * code tags before they reach them; find references in an .okr file gets the tags and the links to
 * the same code appended.
 */
export function withCodeTags(connection: Connection, service: CodeTagService, okrDocuments: TextDocuments<TextDocument>, state: ServerState): Connection {
  const source = (uri: string) => (okrDocuments.get(uri) ? undefined : service.documentTags(uri));
  const onHover: Connection['onHover'] = (h) =>
    connection.onHover((p, token, progress, result) => {
      const s = source(p.textDocument.uri);
      return s ? tagHover(s, p.position, today()) : h(p, token, progress, result);
    });
  const onDefinition: Connection['onDefinition'] = (h) =>
    connection.onDefinition((p, token, progress, result) => {
      const s = source(p.textDocument.uri);
      return s ? tagDefinition(s, p.position) : h(p, token, progress, result);
    });
  const onDocumentLinks: Connection['onDocumentLinks'] = (h) =>
    connection.onDocumentLinks((p, token, progress, result) => {
      const s = source(p.textDocument.uri);
      return s ? tagDocumentLinks(s) : h(p, token, progress, result);
    });
  const onCompletion: Connection['onCompletion'] = (h) =>
    connection.onCompletion((p, token, progress, result) => {
      const s = source(p.textDocument.uri);
      const doc = s && service.documents.get(p.textDocument.uri);
      if (!s || !doc) return h(p, token, progress, result);
      const line = doc.getText({ start: { line: p.position.line, character: 0 }, end: p.position });
      return tagCompletions(s.root, line, p.position) ?? [];
    });
  const onReferences: Connection['onReferences'] = (h) =>
    connection.onReferences(async (p, token, progress, result) => {
      const s = source(p.textDocument.uri);
      await service.whenScanned();
      if (s) return tagReferences(s, service.tagsOf(s.root)!, p.position, p.context.includeDeclaration);
      const answer = await h(p, token, progress, result);
      if (answer !== null && answer !== undefined && !Array.isArray(answer)) return answer; // an error, as it is
      const found: Location[] = answer ?? [];
      const open = okrDocuments.get(p.textDocument.uri);
      const path = uriToPath(p.textDocument.uri);
      if (!open || !path) return found;
      const root = state.rootFor(path);
      return [...found, ...okrCodeReferences(state.parsed(open), path, root, service.tagsOf(root), p.position)];
    });
  const overrides: Partial<Connection> = { onHover, onDefinition, onDocumentLinks, onCompletion, onReferences };
  return new Proxy(connection, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key in overrides) return overrides[key as keyof Connection];
      const v: unknown = Reflect.get(target, key, receiver);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

export function registerCodeLens(connection: Connection, service: CodeTagService, okrDocuments: TextDocuments<TextDocument>, state: ServerState): void {
  connection.onCodeLens((p) => {
    const open = okrDocuments.get(p.textDocument.uri);
    const path = uriToPath(p.textDocument.uri);
    if (!open || !path) return null;
    // Other open files' latest versions must be in the index before resolving across files.
    for (const d of okrDocuments.all()) state.parsed(d);
    const root = state.rootFor(path);
    return codeLenses(state.parsed(open), path, root, service.tagsOf(root));
  });
}
