// Workspace symbols: objectives and key results of every .okr file of every root, filtered by the
// query as a case-insensitive subsequence (what editors' symbol pickers expect).
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { Root } from '../state';
import { pathToUri } from '../uris';
import { keyResultName, objectiveName } from './symbols';

/** Enough for any picker; a huge workspace should narrow the query rather than ship everything. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export function workspaceSymbols(roots: readonly Root[], query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolInformation[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: SymbolInformation[] = [];
  for (const root of roots) {
    for (const [p, doc] of root.index.entries()) {
      const uri = pathToUri(p);
      const fileRef = root.index.shortRef(p);
      for (const o of doc.objectives) {
        const name = objectiveName(o);
        if (matches(name, q)) out.push({ name, kind: SymbolKind.Class, containerName: fileRef, location: { uri, range: o.node.range } });
        for (const kr of o.keyResults) {
          const krName = keyResultName(kr);
          if (matches(krName, q)) {
            out.push({ name: krName, kind: SymbolKind.Field, containerName: o.id ?? fileRef, location: { uri, range: kr.node.range } });
          }
        }
        if (out.length >= limit) return out.slice(0, limit);
      }
    }
  }
  return out;
}

/** True when every character of `q` (lower case) appears in `name` in order. */
export function matches(name: string, q: string): boolean {
  if (!q) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}
