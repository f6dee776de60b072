// Shared helpers for the editing unit tests: a document from text with a `|` marking the cursor.
import { parseOkrDocument, WorkspaceIndex, type OkrDocument, type Position } from '../../../server/src/core';

export const TODAY = '2026-11-20';

export function docAt(textWithCursor: string, uri = 'file:///ws/teams/web.okr'): { doc: OkrDocument; position: Position } {
  const at = textWithCursor.indexOf('|');
  if (at < 0) throw new Error('no | cursor in the text');
  const text = textWithCursor.slice(0, at) + textWithCursor.slice(at + 1);
  const doc = parseOkrDocument(text, uri);
  return { doc, position: doc.lines.positionAt(at) };
}

export function workspace(files: Record<string, string>, root = '/ws'): WorkspaceIndex {
  const index = new WorkspaceIndex(root);
  for (const [rel, text] of Object.entries(files)) index.set(`${root}/${rel}`, parseOkrDocument(text, `file://${root}/${rel}`));
  return index;
}
