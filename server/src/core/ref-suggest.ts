// "Did you mean" for a reference that does not resolve: the objectives (or key results) it most
// likely meant, ranked by how alike their id and their file reference are to what was written.
//
// Cost, at 2,000 files: only references that fail to resolve get here. When the file part resolves,
// only that file's objectives are ranked (plus files holding the exact id); when it does not, the
// files are ranked by name first and only the closest few are opened. Never one pass over every
// objective of the workspace per reference.
import * as path from 'node:path';
import type { OkrDocument } from './model';
import { splitRef } from './references';
import { likeness } from './similarity';
import type { WorkspaceIndex } from './workspace';

export interface RefSuggestion {
  /** The reference to write instead, in the form the author used (bare name or path). */
  ref: string;
  /** 0..1, higher is likelier. */
  score: number;
}

/** An id or file part less alike than this is a guess, not a correction: not offered. */
const MIN_PART = 0.45;
/** Nor is a suggestion whose overall score is below this, or this far behind the best one. */
const MIN_SCORE = 0.6;
const BEHIND_BEST = 0.2;
/** The file score of a file that holds exactly the written objective id, however its name is written. */
const EXACT_ID_FILE_SCORE = 0.5;
/** Files (by name likeness) looked into when the file part names no file. */
const FILES_CONSIDERED = 5;
/** Files whose path is compared with a written path, after ranking all by name. */
const FILES_BY_NAME = 20;

// The same unresolved reference in many files (a parent renamed: 2,000 teams name it): ranked once
// per index epoch. The ranking depends on the file it is written in only when that file is a
// candidate, or the file part is empty (`#id`); then it is ranked again.
const memo = new WeakMap<WorkspaceIndex, { epoch: number; byRef: Map<string, { from?: string; candidates: Set<string>; result: RefSuggestion[] }> }>();

/** Ranked corrections of `written` (an unresolved reference written in the file at `from`), best first. */
export function suggestReferences(index: WorkspaceIndex, written: string, from: string | undefined, limit = 3): RefSuggestion[] {
  const ref = written.trim();
  const parts = splitRef(ref) ?? { file: undefined, objective: ref, keyResult: undefined };
  let cache = memo.get(index);
  if (!cache || cache.epoch !== index.epoch) memo.set(index, (cache = { epoch: index.epoch, byRef: new Map() }));
  const key = `${limit}\0${ref}`;
  const hit = cache.byRef.get(key);
  const fromMatters = (candidates: Set<string>) => parts.file === '' || (from !== undefined && candidates.has(from));
  if (hit && !fromMatters(hit.candidates) && !(hit.from !== undefined && hit.candidates.has(hit.from))) return hit.result;
  const files = candidateFiles(index, parts.file, parts.objective, from);
  const result = rank(index, ref, parts, files, from, limit);
  cache.byRef.set(key, { from, candidates: new Set(files.map((f) => f.path)), result });
  return result;
}

function rank(index: WorkspaceIndex, ref: string, parts: { file?: string; objective: string; keyResult?: string }, files: CandidateFile[], from: string | undefined, limit: number): RefSuggestion[] {
  const objectiveLike = likeness(parts.objective);
  const krLike = parts.keyResult === undefined ? undefined : likeness(parts.keyResult);
  const scored: RefSuggestion[] = [];
  for (const { path: p, score: fileScore, exact } of files) {
    if (fileScore < MIN_PART) continue;
    const doc = index.get(p);
    if (!doc) continue;
    const objective = exact ? doc.objectives.find((o) => o.id === parts.objective) : undefined;
    if (objective && parts.keyResult !== undefined && krLike) {
      // The objective exists: the key result is what is misspelt.
      for (const kr of objective.keyResults) {
        if (!kr.id) continue;
        const krScore = krLike(kr.id);
        if (krScore < MIN_PART) continue;
        scored.push({ ref: `${fileText(index, p, parts.file, from, exact)}#${objective.id}/${kr.id}`, score: (krScore + fileScore) / 2 });
      }
      continue;
    }
    for (const o of doc.objectives) {
      if (!o.id) continue;
      const idScore = objectiveLike(o.id);
      if (idScore < MIN_PART) continue;
      const kr = parts.keyResult !== undefined && o.keyResults.some((k) => k.id === parts.keyResult) ? `/${parts.keyResult}` : '';
      scored.push({ ref: `${fileText(index, p, parts.file, from, exact)}#${o.id}${kr}`, score: (idScore + fileScore) / 2 });
    }
  }
  const best = new Map<string, RefSuggestion>();
  for (const s of scored) if (s.ref !== ref && (best.get(s.ref)?.score ?? -1) < s.score) best.set(s.ref, s);
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  // Far behind the best, a candidate is noise next to it.
  const floor = Math.max(MIN_SCORE, (ranked[0]?.score ?? 0) - BEHIND_BEST);
  return ranked.filter((s) => s.score >= floor).slice(0, limit);
}

interface CandidateFile {
  path: string;
  /** How alike the file is to the written file part (1 when that part names it). */
  score: number;
  /** True when the written file part names exactly this file (keep it as written). */
  exact: boolean;
}

function candidateFiles(index: WorkspaceIndex, fileRef: string | undefined, objectiveId: string, from: string | undefined): CandidateFile[] {
  const out = new Map<string, CandidateFile>();
  const add = (c: CandidateFile) => {
    const had = out.get(c.path);
    if (!had || had.score < c.score) out.set(c.path, c);
  };
  if (fileRef !== undefined) {
    const file = index.resolveFile(fileRef, from);
    if (file.path) add({ path: file.path, score: 1, exact: true });
    else if (file.candidates) {
      // A bare name several files share: each of them is meant equally.
      for (const c of file.candidates) {
        const p = index.resolveFile(c).path;
        if (p) add({ path: p, score: 1, exact: false });
      }
    } else {
      for (const c of closestFiles(index, fileRef, index.paths())) add(c);
    }
  }
  // The id is right but the file is not (or was left out): the files that hold exactly that id. An
  // exact id is strong evidence on its own: the file part counts as half right at least.
  const holding = filesWithObjective(index, objectiveId);
  const closest = fileRef === undefined ? holding.slice(0, FILES_CONSIDERED).map((p) => ({ path: p, score: 0, exact: false })) : closestFiles(index, fileRef, holding);
  for (const c of closest) add({ ...c, score: Math.max(EXACT_ID_FILE_SCORE, c.score) });
  return [...out.values()];
}

/** The few files most like a written file part: by name first (short strings), then by path for the closest names. */
function closestFiles(index: WorkspaceIndex, fileRef: string, paths: readonly string[]): CandidateFile[] {
  const byName = likeness(fileRef.slice(fileRef.lastIndexOf('/') + 1));
  const like = fileLikeness(index, fileRef);
  return paths
    .map((p) => ({ path: p, score: byName(path.basename(p, '.okr')), exact: false }))
    .sort((a, b) => b.score - a.score)
    .slice(0, FILES_BY_NAME)
    .map((c) => ({ ...c, score: like(c.path) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, FILES_CONSIDERED);
}

/**
 * How alike a written file reference is to a file: a bare name to the file's name, a path to the
 * file's path or name, whichever is closer.
 */
function fileLikeness(index: WorkspaceIndex, written: string): (p: string) => number {
  if (written === '') return () => 0;
  const like = likeness(written);
  const isPath = written.includes('/');
  return (p) => {
    const byName = like(path.basename(p, '.okr'));
    return isPath ? Math.max(byName, like(index.fileRef(p))) : byName;
  };
}

/** The file part to write for a suggestion in file `p`: as written when it names `p`, else the author's style. */
function fileText(index: WorkspaceIndex, p: string, written: string | undefined, from: string | undefined, exact: boolean): string {
  if (exact && written !== undefined) return written;
  if (p === from) return '';
  return written?.includes('/') ? index.fileRef(p) : index.shortRef(p);
}

// Objective id -> files (in the index's order), per index: built when a reference first fails to
// resolve, then brought up to date from the index's changes (a parent renamed on disk re-checks 2,000
// files whose references now fail: rebuilding it from every objective of the workspace was a tenth of that).
interface FilesById {
  epoch: number;
  files: Map<string, string[]>;
  /** Each file's objective ids, in the index's order (a changed file keeps its place in both). */
  idsOf: Map<string, string[]>;
}
const byId = new WeakMap<WorkspaceIndex, FilesById>();
/** More changed files than this: built again in full. */
const UPDATED_AT_MOST = 50;

function filesWithObjective(index: WorkspaceIndex, id: string): string[] {
  let hit = byId.get(index);
  if (hit && hit.epoch !== index.epoch) {
    // Files added or removed (structural changes) move the order: built again.
    const changed = index.changesSince(hit.epoch);
    if (changed === undefined || changed.length > UPDATED_AT_MOST) hit = undefined;
    else update(index, hit, changed);
  }
  if (!hit) {
    const idsOf = new Map<string, string[]>();
    for (const [p, doc] of index.entries()) idsOf.set(p, idsIn(doc));
    const files = new Map<string, string[]>();
    for (const [p, ids] of idsOf) {
      for (const i of ids) {
        const list = files.get(i);
        if (list) list.push(p);
        else files.set(i, [p]);
      }
    }
    hit = { epoch: index.epoch, files, idsOf };
    byId.set(index, hit);
  }
  return hit.files.get(id) ?? [];
}

/** The ids of a document's objectives, each once, in order. */
function idsIn(doc: OkrDocument): string[] {
  const ids: string[] = [];
  for (const o of doc.objectives) if (o.id && !ids.includes(o.id)) ids.push(o.id);
  return ids;
}

/** The lists of the ids the changed files held or hold now, made again in the index's order. */
function update(index: WorkspaceIndex, hit: FilesById, changed: readonly string[]): void {
  const affected = new Set<string>();
  for (const p of changed) {
    for (const i of hit.idsOf.get(p) ?? []) affected.add(i);
    const doc = index.get(p);
    const ids = doc ? idsIn(doc) : [];
    for (const i of ids) affected.add(i);
    hit.idsOf.set(p, ids);
  }
  // One pass over the files, in the index's order, for all the ids affected.
  const lists = new Map<string, string[]>();
  for (const [p, ids] of hit.idsOf) {
    for (const i of ids) {
      if (!affected.has(i)) continue;
      const list = lists.get(i);
      if (list) list.push(p);
      else lists.set(i, [p]);
    }
  }
  for (const i of affected) {
    const list = lists.get(i);
    if (list) hit.files.set(i, list);
    else hit.files.delete(i);
  }
  hit.epoch = index.epoch;
}
