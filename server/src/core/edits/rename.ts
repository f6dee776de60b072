// Rename an objective or key-result id, or move a .okr file, and update every reference to it in
// every file of the index (open or closed: the index holds a model of each). The edits are minimal:
// only the id inside each reference and inside the `id:` value change, so quotes, comments and the
// rest of the reference stay as written.
import * as path from 'node:path';
import type { OkrDocument } from '../model';
import { findReferences, idValueRange, referenceOccurrences, type RefTarget } from '../references';
import { SLUG } from '../schema';
import type { WorkspaceIndex } from '../workspace';
import { replaceRange, type TextEdit } from './text-edit';

/** The edits of one file. */
export interface FileEdits {
  path: string;
  /** The uri of the model the edits were computed on (the editor's, for an open file). */
  uri: string;
  edits: TextEdit[];
}

export type RenameResult = { ok: true; files: FileEdits[] } | { ok: false; message: string };

/** Why a new id cannot be used for the target, or undefined when it can. */
export function invalidNewId(index: WorkspaceIndex, target: RefTarget, newId: string): string | undefined {
  const what = target.keyResult ? 'key result' : 'objective';
  if (!SLUG.test(newId)) {
    return `'${newId}' is not a valid ${what} id: use lowercase letters, digits and '-', starting with a letter or digit (e.g. "crash-free")`;
  }
  if (target.keyResult) {
    if (target.objective.keyResults.some((k) => k.index !== target.keyResult!.index && k.id === newId)) {
      return `objective '${target.objective.id}' already has a key result '${newId}'`;
    }
  } else if (index.get(target.path)?.objectives.some((o) => o.index !== target.objective.index && o.id === newId)) {
    return `${index.fileRef(target.path)} already has an objective '${newId}'`;
  }
  return undefined;
}

/**
 * The edits that rename the target (its `id:` and every reference to it in the index) to `newId`.
 * Renaming to the same id is no edit; an invalid or taken id is refused with the reason.
 */
export function renameEdits(index: WorkspaceIndex, target: RefTarget, newId: string): RenameResult {
  const invalid = invalidNewId(index, target, newId);
  if (invalid) return { ok: false, message: invalid };
  const oldId = target.keyResult ? target.keyResult.id : target.objective.id;
  if (!oldId) return { ok: false, message: 'it has no id to rename' };
  if (oldId === newId) return { ok: true, files: [] };
  const byFile = new Map<string, { doc: OkrDocument; edits: TextEdit[] }>();
  const edit = (p: string, doc: OkrDocument, start: number, end: number) => {
    let f = byFile.get(p);
    if (!f) byFile.set(p, (f = { doc, edits: [] }));
    f.edits.push(replaceRange(doc, start, end, newId));
  };
  const home = index.get(target.path);
  if (!home) return { ok: false, message: `${target.path} is not in the workspace index` };
  const idField = (target.keyResult ?? target.objective).node.fields.get('id');
  if (idField) {
    const { start, end } = idValueRange(home, idField);
    edit(target.path, home, start, end);
  }
  for (const ref of findReferences(index, target)) {
    const [start, end] = target.keyResult ? ref.occurrence.keyResult! : ref.occurrence.objective;
    edit(ref.path, ref.doc, start, end);
  }
  return { ok: true, files: [...byFile].map(([p, f]) => ({ path: p, uri: f.doc.uri, edits: f.edits })) };
}

/** A file (or a folder of files) moving from one absolute path to another. */
export interface PathMove {
  from: string;
  to: string;
}

/**
 * The edits that keep references pointing at moved .okr files: each reference to a moved file gets
 * its new reference, in the form it was written in (a bare name stays a bare name while the new name
 * is unique, a path stays a path). A bare name that another moved file makes ambiguous becomes a path.
 * Edits are for the files as they are before the move (the editor applies them first).
 */
export function fileMoveEdits(index: WorkspaceIndex, moves: readonly PathMove[]): FileEdits[] {
  const moved = new Map<string, string>();
  for (const p of index.paths()) {
    for (const m of moves) {
      const to = movedPath(p, m);
      if (to !== undefined) {
        moved.set(p, to);
        break;
      }
    }
  }
  if (moved.size === 0) return [];
  const after = (p: string) => moved.get(p) ?? p;
  const nameCount = new Map<string, number>();
  for (const p of index.paths()) {
    const name = path.basename(after(p), '.okr');
    nameCount.set(name, (nameCount.get(name) ?? 0) + 1);
  }
  const refOf = (p: string) => path.relative(index.root, p).replace(/\\/g, '/').replace(/\.okr$/, '');
  // Only a file that mentions one of these names can hold a reference to rewrite.
  const names = new Set<string>();
  for (const [from, to] of moved) names.add(path.basename(from, '.okr')).add(path.basename(to, '.okr'));

  // A non-empty file part resolves the same from every file: decide each written form once (a
  // company file may be named by every one of 2,000 team files).
  const decided = new Map<string, string | undefined>();
  const rewrite = (written: string): string | undefined => {
    if (decided.has(written)) return decided.get(written);
    let next: string | undefined;
    const target = index.resolveFile(written).path;
    const dest = target === undefined ? undefined : after(target);
    // No longer an .okr file, or moved out of the workspace: nothing can name it.
    if (dest !== undefined && dest.endsWith('.okr')) {
      const destRef = refOf(dest);
      if (!destRef.startsWith('../') && !path.isAbsolute(destRef)) {
        const name = path.basename(dest, '.okr');
        next = !written.includes('/') && nameCount.get(name) === 1 ? name : destRef;
        if (next === written) next = undefined;
      }
    }
    decided.set(written, next);
    return next;
  };

  const out: FileEdits[] = [];
  for (const [p, doc] of index.entries()) {
    if (![...names].some((n) => doc.text.includes(n))) continue;
    const edits: TextEdit[] = [];
    for (const occurrence of referenceOccurrences(doc)) {
      const written = doc.text.slice(occurrence.file[0], occurrence.file[1]);
      if (written === '') continue; // `#id` stays in its file wherever the file goes
      const next = rewrite(written);
      if (next !== undefined) edits.push(replaceRange(doc, occurrence.file[0], occurrence.file[1], next));
    }
    if (edits.length) out.push({ path: p, uri: doc.uri, edits });
  }
  return out;
}

/** Where `p` goes when `move` happens: the file itself, or a file inside a moved folder. */
function movedPath(p: string, move: PathMove): string | undefined {
  if (p === move.from) return move.to;
  const prefix = move.from.endsWith(path.sep) ? move.from : move.from + path.sep;
  return p.startsWith(prefix) ? path.join(move.to, p.slice(prefix.length)) : undefined;
}
