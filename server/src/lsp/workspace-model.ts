// Builds the workspace model the client's tree, status bar and panel show (protocol.ts): the
// server's side of node/file-model.ts, with the diagnostics and git histories the server holds.
import type { OkrDocument } from '../core';
import { buildFileModel, linkSummaryOf } from '../node/file-model';
import type { FileModel, LinkSummary } from '../shared/protocol';
import { diagnosticsInRoot } from './analysis';
import type { Root } from './state';
import { pathToUri } from './uris';

export function fileModel(root: Root, p: string, doc: OkrDocument, today: string): FileModel {
  // Asked after every edit: only the workspace rules run again for files that did not change.
  const diagnostics = diagnosticsInRoot(doc, root, p, today);
  return buildFileModel({ index: root.index, config: root.config, rootPath: root.path, path: p, doc, today, diagnostics, history: root.histories.get(p), toUri: pathToUri });
}

export function linkSummary(text: string, docPath: string, root: Root): LinkSummary {
  return linkSummaryOf(text, docPath, root.path, root.config, pathToUri);
}
