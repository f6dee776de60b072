// Merging the server's model deltas into the files the client holds. Without a `vscode` import, so
// the merge is unit-tested (test/unit/client/delta.test.ts).
import type { FileModel, WorkspaceModelDelta } from '../../../server/src/shared/protocol';

/**
 * Applies a delta to the files held (by the server's uri): a full answer replaces them all, removed
 * files go, changed and added ones are set. Returns whether anything changed.
 */
export function applyDelta(files: Map<string, FileModel>, delta: WorkspaceModelDelta): boolean {
  if (delta.full) files.clear();
  for (const uri of delta.removed) files.delete(uri);
  for (const f of delta.files) files.set(f.uri, f);
  return delta.full || delta.removed.length > 0 || delta.files.length > 0;
}
