// Add `owner` to an objective or key result (after its id/title), and the owner a file uses most.
import type { MapNode, OkrDocument } from '../model';
import { insertFieldsEdit } from './insert-fields';
import { yamlQuoted, type EditResult } from './text-edit';

export function addOwnerEdit(doc: OkrDocument, map: MapNode, owner: string): EditResult {
  if (map.fields.has('owner')) return { ok: false, message: 'there is an owner already' };
  return insertFieldsEdit(doc, map, ['id', 'title'], [`owner: ${yamlQuoted(owner)}`]);
}

/** The owner written most often in the file (file, objectives, key results); ties: the first seen. */
export function mostUsedOwner(doc: OkrDocument): string | undefined {
  const counts = new Map<string, number>();
  const add = (o: string | undefined) => o && counts.set(o, (counts.get(o) ?? 0) + 1);
  add(doc.owner);
  for (const o of doc.objectives) {
    add(o.owner);
    for (const kr of o.keyResults) add(kr.owner);
  }
  let best: string | undefined;
  let n = 0;
  for (const [o, c] of counts) if (c > n) [best, n] = [o, c];
  return best;
}
