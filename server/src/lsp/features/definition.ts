// Go to definition and find references for alignment: an `aligns_to` value (or a `<file>#obj/kr`
// reference anywhere in the text) leads to the objective or key result it names; an objective's id
// leads to every `aligns_to` in the workspace that resolves to it.
import type { Location, Position } from 'vscode-languageserver';
import { containsPosition, type Field, type Objective, type OkrDocument, type RefResolution } from '../../core';
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

export function references(doc: OkrDocument, docPath: string, root: Root, pos: Position, includeDeclaration: boolean): Location[] {
  let target: Objective | undefined = doc.objectives.find((o) => {
    const id = o.node.fields.get('id');
    return id && containsPosition(id.valueRange, pos);
  });
  let targetPath = docPath;
  if (!target) {
    // On a reference: find the references of what it names.
    const ref = referenceAt(doc, pos);
    const r = ref ? root.index.resolve(ref, docPath) : undefined;
    if (!r?.ok) return [];
    target = r.objective;
    targetPath = r.path;
  }
  const out: Location[] = [];
  const seen = new Set<string>();
  const add = (loc: Location) => {
    const key = `${loc.uri}:${loc.range.start.line}:${loc.range.start.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(loc);
  };
  if (includeDeclaration) add({ uri: pathToUri(targetPath), range: idRange(target.node.fields, target.node.range) });
  for (const child of root.index.children(target)) {
    // The objective's own aligns_to, or the file-level one it inherits.
    const field = child.objective.node.fields.get('aligns_to') ?? child.doc.root?.fields.get('aligns_to');
    if (field) add({ uri: pathToUri(child.path), range: field.valueRange });
  }
  return out;
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
