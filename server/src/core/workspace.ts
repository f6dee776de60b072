// The workspace index: every .okr file's model, by path, and reference resolution across files.
// Hosts (CLI, language server) feed it; it never reads the disk itself.
import * as path from 'node:path';
import { crossFileSignature } from './cross-file';
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
  idsChanged: boolean;
}

/** The file part of each `aligns_to` of a document (`company` of `company#quality`; '' for `#id`). */
function alignmentFileRefs(doc: OkrDocument): string[] {
  const refs = new Set<string>();
  for (const ref of [doc.alignsTo, ...doc.objectives.map((o) => o.alignsTo)]) {
    if (typeof ref === 'string' && ref.includes('#')) refs.add(ref.slice(0, ref.indexOf('#')).trim());
  }
  return [...refs];
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
    if (!previous) this.namesDirty = true;
    this.docs.set(filePath, doc);
    this.changes++;
    this.indexReferences(filePath, alignmentFileRefs(doc));
    const idsChanged = !previous || crossFileSignature(previous) !== crossFileSignature(doc);
    this.emit({ path: filePath, kind: previous ? 'changed' : 'added', idsChanged });
  }

  delete(filePath: string): void {
    if (this.docs.delete(filePath)) {
      this.namesDirty = true;
      this.changes++;
      this.indexReferences(filePath, []);
      this.emit({ path: filePath, kind: 'removed', idsChanged: true });
    }
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

  /** Resolves `<file-ref>#<objective-id>` or `<file-ref>#<objective-id>/<kr-id>`. */
  resolve(ref: string, from?: string): RefResolution {
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
    const objective = doc.objectives.find((o) => o.id === objectiveId);
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

  /** Objectives anywhere in the workspace whose aligns_to resolves to the given objective. */
  children(target: Objective): ObjectiveEntry[] {
    const out: ObjectiveEntry[] = [];
    for (const [p, doc] of this.entries()) {
      for (const o of doc.objectives) {
        if (!o.effectiveAlignsTo || !o.id) continue;
        const r = this.resolve(o.effectiveAlignsTo, p);
        if (r.ok && r.objective === target) out.push({ ref: `${this.shortRef(p)}#${o.id}`, path: p, doc, objective: o });
      }
    }
    return out;
  }
}
