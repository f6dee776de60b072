// The workspace index: every .okr file's model, by path, and reference resolution across files.
// Hosts (CLI, language server) feed it; it never reads the disk itself.
import * as path from 'node:path';
import { crossFileSignature } from './cross-file';
import { modelOf } from './moved-objective';
import type { KeyResult, Objective, OkrDocument } from './model';

export type RefResolution =
  | { ok: true; doc: OkrDocument; path: string; objective: Objective; keyResult?: KeyResult }
  | { ok: false; reason: string; candidates?: string[] };

export interface ObjectiveEntry {
  /** `<file-ref>#<objective-id>` */
  ref: string;
  path: string;
  doc: OkrDocument;
  objective: Objective;
}

/** What a change of the index did to one file: hosts use it to re-check only what it touched. */
export interface IndexChange {
  path: string;
  kind: 'added' | 'changed' | 'removed';
  /**
   * What other files' rules read from this one changed (its ids, its parents, its period; see
   * crossFileSignature), or it came or went: the files aligned to it need checking again.
   */
  crossFileChanged: boolean;
}

/** The file part of each `aligns_to` of a document (`company` of `company#quality`; '' for `#id`). */
export function alignmentFileRefs(doc: OkrDocument): string[] {
  const refs = new Set<string>();
  for (const ref of [doc.alignsTo, ...doc.objectives.map((o) => o.alignsTo)]) {
    if (typeof ref === 'string' && ref.includes('#')) refs.add(ref.slice(0, ref.indexOf('#')).trim());
  }
  return [...refs];
}

/** One `aligns_to` (an objective's own or its file's) as the reverse-alignment map keeps it. */
interface AlignmentEdge {
  /** The child: the objective that aligns, and its file. */
  path: string;
  doc: OkrDocument;
  objective: Objective;
  /** `<key-result-id>` when the reference names one (`company#quality/nps`). */
  krId?: string;
}

export class WorkspaceIndex {
  private readonly docs = new Map<string, OkrDocument>();
  /** source path -> the file refs its aligns_to name; file ref -> the sources naming it. */
  private readonly refsBySource = new Map<string, string[]>();
  private readonly sourcesByRef = new Map<string, Set<string>>();
  private readonly listeners: Array<(change: IndexChange) => void> = [];
  /** Bare file name -> paths with that name, to resolve short references. */
  private byName = new Map<string, string[]>();
  private namesDirty = true;
  private changes = 0;
  /**
   * The reverse-alignment map: `<target path>#<objective id>` -> the objectives aligned to it, so that
   * children() and the rollup cost the size of the answer, not a scan of every objective. Built on the
   * first children() call; kept up to date file by file while the set of paths stays the same (which
   * file a reference names depends only on that set), rebuilt whole when a file is added or removed.
   */
  private alignment: Map<string, AlignmentEdge[]> | undefined;
  /** Per child file, the keys of `alignment` its objectives were filed under (to take them out again). */
  private alignmentKeys = new Map<string, string[]>();
  /** children() answers by key, sorted and with refs, until the key's edges change. */
  private childEntries = new Map<string, Array<ObjectiveEntry & { krId?: string }>>();
  /** Files changed since the map was last brought up to date. */
  private alignmentDirty = new Set<string>();
  /** Which file holds an objective: children() is asked with the objective alone. */
  private owners = new WeakMap<Objective, string>();
  /** The last changes, oldest first (`epoch` is the epoch each one produced), for changesSince(). */
  private log: Array<{ epoch: number; path: string; structural: boolean }> = [];
  /** resolve()'s answers for references with a file part, valid while the epoch is `resolvedEpoch`. */
  private readonly resolved = new Map<string, RefResolution>();
  private resolvedEpoch = -1;
  /** Per document, its objectives by id (the first of each id, as references resolve). */
  private byId = new WeakMap<OkrDocument, Map<string, Objective>>();

  constructor(readonly root: string) {}

  /** Counts every change of the index, so hosts can tell whether workspace results may differ. */
  get epoch(): number {
    return this.changes;
  }

  /** Hears about every change of the index, after it happened. */
  onChange(listener: (change: IndexChange) => void): void {
    this.listeners.push(listener);
  }

  set(filePath: string, doc: OkrDocument): void {
    const previous = this.docs.get(filePath);
    if (previous === doc) return;
    if (!previous) {
      this.namesDirty = true;
      this.alignment = undefined;
    } else if (this.alignment) this.alignmentDirty.add(filePath);
    this.docs.set(filePath, doc);
    // Kept by the model an objective reads from: the moved views of an edit's version (moved-objective.ts)
    // share their previous model's entry, so a keystroke does not add a thousand keys.
    for (const o of doc.objectives) {
      const key = modelOf(o);
      if (this.owners.get(key) !== filePath) this.owners.set(key, filePath);
    }
    this.changes++;
    // Logged before listeners hear of it: a listener may ask a scorer to catch up.
    this.logChange(filePath, !previous);
    this.indexReferences(filePath, alignmentFileRefs(doc));
    const crossFileChanged = !previous || crossFileSignature(previous) !== crossFileSignature(doc);
    this.emit({ path: filePath, kind: previous ? 'changed' : 'added', crossFileChanged });
  }

  delete(filePath: string): void {
    if (this.docs.delete(filePath)) {
      this.namesDirty = true;
      this.alignment = undefined;
      this.changes++;
      this.logChange(filePath, true);
      this.indexReferences(filePath, []);
      this.emit({ path: filePath, kind: 'removed', crossFileChanged: true });
    }
  }

  private logChange(path: string, structural: boolean): void {
    this.log.push({ epoch: this.changes, path, structural });
    if (this.log.length > 512) this.log.splice(0, 256);
  }

  /**
   * The files set or deleted after `epoch`, so a cache can drop only what depended on them; undefined
   * when the index no longer remembers that far back, or when a file was added or removed since (then
   * references may resolve differently anywhere).
   */
  changesSince(epoch: number): string[] | undefined {
    if (epoch === this.changes) return [];
    const first = this.log[0];
    if (!first || epoch < first.epoch - 1 || epoch > this.changes) return undefined;
    const paths = new Set<string>();
    for (const c of this.log) {
      if (c.epoch <= epoch) continue;
      if (c.structural) return undefined;
      paths.add(c.path);
    }
    return [...paths];
  }

  /** The file of an objective of a document in the index. */
  pathOf(objective: Objective): string | undefined {
    const p = this.owners.get(modelOf(objective));
    return p !== undefined && this.docs.get(p)?.objectives.includes(objective) ? p : undefined;
  }

  private emit(change: IndexChange): void {
    for (const l of this.listeners) l(change);
  }

  private indexReferences(source: string, refs: string[]): void {
    for (const ref of this.refsBySource.get(source) ?? []) this.sourcesByRef.get(ref)?.delete(source);
    if (refs.length) this.refsBySource.set(source, refs);
    else this.refsBySource.delete(source);
    for (const ref of refs) {
      let set = this.sourcesByRef.get(ref);
      if (!set) this.sourcesByRef.set(ref, (set = new Set()));
      set.add(source);
    }
  }

  /** The files this file's `aligns_to` references resolve to (its parents' files), itself excluded. */
  alignmentTargets(filePath: string): string[] {
    const out = new Set<string>();
    for (const ref of this.refsBySource.get(filePath) ?? []) {
      const target = this.resolveFile(ref, filePath).path;
      if (target && target !== filePath) out.add(target);
    }
    return [...out].sort();
  }

  /**
   * Files whose `aligns_to` names this file, by its path from the root or by its bare name (which
   * may resolve to it, or stop resolving when another file takes the same name), without the file
   * itself. Found through a map kept on every change: no scan of the workspace.
   */
  referrers(filePath: string): string[] {
    const out = new Set<string>();
    for (const ref of [this.fileRef(filePath), path.basename(filePath, '.okr')]) {
      for (const source of this.sourcesByRef.get(ref) ?? []) if (source !== filePath) out.add(source);
    }
    return [...out].sort();
  }

  get(filePath: string): OkrDocument | undefined {
    return this.docs.get(filePath);
  }

  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  entries(): Array<[string, OkrDocument]> {
    return this.paths().map((p) => [p, this.docs.get(p)!]);
  }

  get size(): number {
    return this.docs.size;
  }

  /** `okrs/company/2026-q4`: the path from the root without the extension, with forward slashes. */
  fileRef(filePath: string): string {
    return path.relative(this.root, filePath).replace(/\\/g, '/').replace(/\.okr$/, '');
  }

  /** The shortest reference that resolves to this file: the bare name when unique, else the full ref. */
  shortRef(filePath: string): string {
    const name = path.basename(filePath, '.okr');
    return (this.names().get(name)?.length ?? 0) === 1 ? name : this.fileRef(filePath);
  }

  private names(): Map<string, string[]> {
    if (this.namesDirty) {
      this.byName = new Map();
      for (const p of this.docs.keys()) {
        const name = path.basename(p, '.okr');
        const list = this.byName.get(name) ?? [];
        list.push(p);
        this.byName.set(name, list);
      }
      this.namesDirty = false;
    }
    return this.byName;
  }

  /** Finds the file a `<file-ref>` names; `from` resolves the empty ref (`#id`) to its own file. */
  resolveFile(fileRef: string, from?: string): { path?: string; reason?: string; candidates?: string[] } {
    if (fileRef === '') return from ? { path: from } : { reason: 'empty file reference' };
    const direct = path.join(this.root, fileRef + '.okr');
    if (this.docs.has(direct)) return { path: direct };
    const named = this.names().get(fileRef);
    if (named && named.length === 1) return { path: named[0] };
    if (named && named.length > 1) {
      return { reason: `'${fileRef}' names ${named.length} files; use the path from the workspace root`, candidates: named.map((p) => this.fileRef(p)).sort() };
    }
    return { reason: `no .okr file '${fileRef}' in the workspace` };
  }

  /**
   * Resolves `<file-ref>#<objective-id>` or `<file-ref>#<objective-id>/<kr-id>`. Answers are kept
   * until the index changes: the workspace rules of thousands of files resolve the same parents.
   */
  resolve(ref: string, from?: string): RefResolution {
    // `#id` resolves in the file it is written in: not shared between files.
    const hash = ref.indexOf('#');
    if (hash < 0 || ref.slice(0, hash).trim() === '') return this.resolveNow(ref, from);
    if (this.resolvedEpoch !== this.changes) {
      this.resolved.clear();
      this.resolvedEpoch = this.changes;
    }
    let r = this.resolved.get(ref);
    if (!r) {
      r = this.resolveNow(ref, from);
      this.resolved.set(ref, r);
    }
    return r;
  }

  private resolveNow(ref: string, from?: string): RefResolution {
    const hash = ref.indexOf('#');
    if (hash < 0) return { ok: false, reason: `'${ref}' is not a reference: write <file>#<objective-id>` };
    const file = this.resolveFile(ref.slice(0, hash).trim(), from);
    if (!file.path) return { ok: false, reason: file.reason!, candidates: file.candidates };
    const doc = this.docs.get(file.path);
    // `#id` from a file the index does not hold (untitled, outside the root): say so, do not crash.
    if (!doc) return { ok: false, reason: `${this.fileRef(file.path)} is not in the workspace index` };
    const parts = ref.slice(hash + 1).split('/');
    if (parts.length > 2) return { ok: false, reason: `'${ref}': after '#' comes <objective-id> or <objective-id>/<kr-id>` };
    const [objectiveId, krId] = parts;
    const objective = this.objectiveById(doc, objectiveId!);
    if (!objective) {
      return {
        ok: false,
        reason: `no objective '${objectiveId}' in ${this.fileRef(file.path)}`,
        candidates: doc.objectives.flatMap((o) => (o.id ? [`${this.shortRef(file.path!)}#${o.id}`] : [])),
      };
    }
    if (krId === undefined) return { ok: true, doc, path: file.path, objective };
    const keyResult = objective.keyResults.find((k) => k.id === krId);
    if (!keyResult) return { ok: false, reason: `no key result '${krId}' in objective '${objectiveId}'` };
    return { ok: true, doc, path: file.path, objective, keyResult };
  }

  /** Every objective of the workspace with its shortest reference (for completion and symbols). */
  objectives(): ObjectiveEntry[] {
    const out: ObjectiveEntry[] = [];
    for (const [p, doc] of this.entries()) {
      const short = this.shortRef(p);
      for (const o of doc.objectives) if (o.id) out.push({ ref: `${short}#${o.id}`, path: p, doc, objective: o });
    }
    return out;
  }

  /**
   * Objectives anywhere in the workspace whose aligns_to resolves to the given objective (an objective
   * of a file in the index; the first one with its id, as resolve() finds), in path and file order.
   * Reads the reverse-alignment map: no scan of the workspace.
   */
  children(target: Objective): readonly ObjectiveEntry[] {
    const p = this.owners.get(modelOf(target));
    if (p === undefined || target.id === undefined) return [];
    const doc = this.docs.get(p);
    if (!doc || this.objectiveById(doc, target.id) !== target) return [];
    const key = `${p}#${target.id}`;
    const edges = this.alignmentMap().get(key);
    if (!edges) return [];
    let entries = this.childEntries.get(key);
    if (!entries) {
      entries = [...edges]
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.objective.index - b.objective.index))
        .map((e) => ({ ref: `${this.shortRef(e.path)}#${e.objective.id}`, path: e.path, doc: e.doc, objective: e.objective, krId: e.krId }));
      this.childEntries.set(key, entries);
    }
    // Aligned to a key result: only while the target has it (its file may have changed since).
    // Otherwise the cached entries themselves: a copy of 2,000 entries per call was most of a rollup's garbage.
    if (entries.every((e) => e.krId === undefined)) return entries;
    return entries.filter((e) => e.krId === undefined || target.keyResults.some((k) => k.id === e.krId));
  }

  /**
   * The files whose scores may roll up this file's: the files of the objectives its objectives align
   * to, and theirs, up the chain (a cycle ends the walk). A host that re-scores a changed file
   * re-scores these too.
   */
  rollupDependents(filePath: string): string[] {
    const out = new Set<string>();
    const seen = new Set<Objective>();
    const doc = this.docs.get(filePath);
    if (!doc) return [];
    const todo: Array<{ objective: Objective; path: string }> = doc.objectives.map((objective) => ({ objective, path: filePath }));
    for (let item = todo.pop(); item; item = todo.pop()) {
      if (seen.has(item.objective)) continue;
      seen.add(item.objective);
      const ref = item.objective.effectiveAlignsTo;
      if (!ref || !item.objective.id) continue;
      const r = this.resolve(ref, item.path);
      if (!r.ok) continue;
      if (r.path !== filePath) out.add(r.path);
      todo.push({ objective: r.objective, path: r.path });
    }
    return [...out].sort();
  }

  /** The first objective of the document with this id: a map per document, so a long file is not scanned per reference. */
  private objectiveById(doc: OkrDocument, id: string): Objective | undefined {
    let ids = this.byId.get(doc);
    if (!ids) {
      ids = new Map();
      for (const o of doc.objectives) if (o.id !== undefined && !ids.has(o.id)) ids.set(o.id, o);
      this.byId.set(doc, ids);
    }
    return ids.get(id);
  }

  private alignmentMap(): Map<string, AlignmentEdge[]> {
    if (!this.alignment) {
      this.alignment = new Map();
      this.childEntries.clear();
      this.alignmentKeys.clear();
      this.alignmentDirty.clear();
      for (const [p, doc] of this.docs) this.fileAlignments(p, doc);
    } else if (this.alignmentDirty.size > 0) {
      for (const p of this.alignmentDirty) {
        for (const key of this.alignmentKeys.get(p) ?? []) {
          this.childEntries.delete(key);
          const kept = this.alignment.get(key)?.filter((e) => e.path !== p) ?? [];
          if (kept.length) this.alignment.set(key, kept);
          else this.alignment.delete(key);
        }
        this.alignmentKeys.delete(p);
        const doc = this.docs.get(p);
        if (doc) this.fileAlignments(p, doc);
      }
      this.alignmentDirty.clear();
    }
    return this.alignment;
  }

  /** Files one document's alignments in the reverse map, resolving references as resolve() does. */
  private fileAlignments(p: string, doc: OkrDocument): void {
    const keys: string[] = [];
    for (const o of doc.objectives) {
      const ref = o.effectiveAlignsTo;
      if (!ref || !o.id) continue;
      const hash = ref.indexOf('#');
      if (hash < 0) continue;
      const file = this.resolveFile(ref.slice(0, hash).trim(), p);
      if (!file.path) continue;
      const parts = ref.slice(hash + 1).split('/');
      if (parts.length > 2) continue;
      const key = `${file.path}#${parts[0]}`;
      this.childEntries.delete(key);
      const list = this.alignment!.get(key);
      const edge: AlignmentEdge = { path: p, doc, objective: o, krId: parts[1] };
      if (list) list.push(edge);
      else this.alignment!.set(key, [edge]);
      if (!keys.includes(key)) keys.push(key);
    }
    if (keys.length) this.alignmentKeys.set(p, keys);
  }
}
