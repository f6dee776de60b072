// Go to definition and find references for alignment: an `aligns_to` value (or a `<file>#obj/kr`
// reference anywhere in the text) leads to the objective or key result it names; an objective's or a
// key result's id leads to every reference in the workspace that resolves to it (core/references.ts).
import type { Location, Position } from 'vscode-languageserver';
import { containsPosition, findReferences, targetAt, type Field, type OkrDocument, type RefResolution, type RefTarget } from '../../core';
import type { Root } from '../state';
import { pathToUri } from '../uris';
import { idRange } from './symbols';

/** `company#quality`, `okrs/teams/web#checkout/errors`, `#local-objective`. */
const REF_RE = /[\w.\/-]*#[A-Za-z_][\w-]*(?:\/[\w-]+)?/g;

export function definition(doc: OkrDocument, docPath: string, root: Root, pos: Position): Location | null {
  const ref = referenceAt(doc, pos);
  if (!ref) return null;
  const r = root.index.resolve(ref, docPath);
  return r.ok ? targetLocation(r) : null;
}

/**
 * Every reference to the objective or key result at the position (its `id:` value, or a reference to
 * it), in every file of the workspace: aligns_to values and references written in text.
 */
export function references(doc: OkrDocument, docPath: string, root: Root, pos: Position, includeDeclaration: boolean): Location[] {
  const target = referenceTarget(doc, docPath, root, pos);
  if (!target) return [];
  const out: Location[] = [];
  if (includeDeclaration) {
    const node = (target.keyResult ?? target.objective).node;
    out.push({ uri: pathToUri(target.path), range: idRange(node.fields, node.range) });
  }
  for (const ref of findReferences(root.index, target)) out.push({ uri: pathToUri(ref.path), range: ref.range });
  return out;
}

/** What the position names: an id being declared, the id part of a reference, or any reference on the line. */
function referenceTarget(doc: OkrDocument, docPath: string, root: Root, pos: Position): RefTarget | undefined {
  const at = targetAt(root.index, doc, docPath, doc.lines.offsetAt(pos));
  if (at?.ok) return at.target;
  // On a reference's file part, or one written in a comment: the references of what it names.
  const ref = referenceAt(doc, pos);
  const r = ref ? root.index.resolve(ref, docPath) : undefined;
  return r?.ok ? { path: r.path, objective: r.objective, keyResult: r.keyResult } : undefined;
}

function targetLocation(r: Extract<RefResolution, { ok: true }>): Location {
  const node = r.keyResult?.node ?? r.objective.node;
  return { uri: pathToUri(r.path), range: idRange(node.fields, node.range) };
}

/** The reference under the cursor: an aligns_to value, or a `<file>#<id>` written anywhere. */
export function referenceAt(doc: OkrDocument, pos: Position): string | undefined {
  const fields: Array<Field | undefined> = [doc.root?.fields.get('aligns_to'), ...doc.objectives.map((o) => o.node.fields.get('aligns_to'))];
  for (const f of fields) {
    if (f && typeof f.value === 'string' && containsPosition(f.valueRange, pos)) return f.value.trim();
  }
  const { start, end } = doc.lines.lineBounds(pos.line);
  const line = doc.text.slice(start, end);
  for (const m of line.matchAll(REF_RE)) {
    const s = m.index!;
    if (pos.character >= s && pos.character <= s + m[0].length) return m[0];
  }
  return undefined;
}
