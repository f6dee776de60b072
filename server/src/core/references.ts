// References to objectives and key results (`<file-ref>#<objective-id>[/<kr-id>]`) as they are
// written in the files: in `aligns_to` values and in text (a check-in note "see company#quality/nps").
// Find references, rename and file moves all read them from here, so they agree on what a reference is.
//
// Cost: a file's occurrences are found once per model (cached by the model object, which is new for
// every version), and a search for the references of one id first skips every file whose text does
// not contain that id, so a rename over 2,000 files reads only the few that can refer to it.
import type { Field, KeyResult, MapNode, Objective, OkrDocument } from './model';
import type { Range } from './positions';
import type { WorkspaceIndex } from './workspace';

/** The parts of a reference string. */
export interface RefParts {
  file: string;
  objective: string;
  keyResult?: string;
}

/** Splits `file#objective[/kr]`; undefined when it has no `#` or too many `/` after it. */
export function splitRef(ref: string): RefParts | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  const parts = ref.slice(hash + 1).split('/');
  if (parts.length > 2) return undefined;
  return { file: ref.slice(0, hash).trim(), objective: parts[0]!, keyResult: parts[1] };
}

/** A reference written in a file, with the offsets of each part in the file's text. */
export interface RefOccurrence {
  /** The reference as written, without quotes. */
  text: string;
  /** The key of the field it is written in: `aligns_to`, `note`, `description`… */
  key: string;
  start: number;
  end: number;
  /** Offsets of `<file-ref>` (empty for `#id`), of the objective id and of the key-result id. */
  file: [number, number];
  objective: [number, number];
  keyResult?: [number, number];
}

// A file part, '#', an objective id, and maybe '/' and a key-result id. The file part may be empty.
// Whether an occurrence really is a reference is decided by resolving it against the index.
const REF_IN_TEXT = /([\w.\/-]*)#([a-z0-9][a-z0-9-]*)(?:\/([a-z0-9][a-z0-9-]*))?(?![\w-])/gi;

/** Keys whose values are never references: ids, links (issue numbers such as `#12` look alike), periods. */
const NOT_REFERENCES = new Set(['id', 'links', 'period']);

const occurrenceCache = new WeakMap<OkrDocument, RefOccurrence[]>();

/** Every reference-shaped string in the values of a file (never in comments), in text order. */
export function referenceOccurrences(doc: OkrDocument): RefOccurrence[] {
  const hit = occurrenceCache.get(doc);
  if (hit) return hit;
  const out: RefOccurrence[] = [];
  // A quick test first: most files mention no reference at all apart from their aligns_to.
  if (doc.text.includes('#')) {
    for (const field of stringFields(doc)) {
      // The parsed value has a '#' when the written one has (short of an escape): skip the rest cheaply.
      if (!(field.value as string).includes('#')) continue;
      const start = doc.lines.offsetAt(field.valueRange.start);
      const end = doc.lines.offsetAt(field.valueRange.end);
      const raw = doc.text.slice(start, end);
      if (!raw.includes('#')) continue;
      for (const m of raw.matchAll(REF_IN_TEXT)) {
        const s = start + m.index!;
        const fileEnd = s + m[1]!.length;
        const objectiveEnd = fileEnd + 1 + m[2]!.length;
        out.push({
          text: m[0],
          key: field.key,
          start: s,
          end: s + m[0].length,
          file: [s, fileEnd],
          objective: [fileEnd + 1, objectiveEnd],
          keyResult: m[3] === undefined ? undefined : [objectiveEnd + 1, objectiveEnd + 1 + m[3].length],
        });
      }
    }
    out.sort((a, b) => a.start - b.start);
  }
  occurrenceCache.set(doc, out);
  return out;
}

function* stringFields(doc: OkrDocument): Generator<Field> {
  const maps: MapNode[] = [];
  if (doc.root) maps.push(doc.root);
  for (const o of doc.objectives) {
    maps.push(o.node);
    for (const k of o.keyResults) {
      maps.push(k.node);
      for (const c of k.checkins) maps.push(c.node);
    }
  }
  for (const map of maps) {
    for (const field of map.fields.values()) {
      if (typeof field.value === 'string' && !NOT_REFERENCES.has(field.key)) yield field;
    }
  }
}

/** What a reference names: an objective, or one of its key results, in the file at `path`. */
export interface RefTarget {
  path: string;
  objective: Objective;
  keyResult?: KeyResult;
}

/** Whether an occurrence in the file at `from` names the target (a key result's reference also names its objective). */
export function occurrenceNames(index: WorkspaceIndex, occurrence: RefOccurrence, from: string, target: RefTarget): boolean {
  const parts = splitRef(occurrence.text);
  if (!parts || parts.objective !== target.objective.id) return false;
  if (target.keyResult && parts.keyResult !== target.keyResult.id) return false;
  const r = index.resolve(occurrence.text, from);
  if (!r.ok || r.path !== target.path || r.objective.index !== target.objective.index) return false;
  return !target.keyResult || r.keyResult?.index === target.keyResult.index;
}

export interface FoundReference {
  path: string;
  doc: OkrDocument;
  occurrence: RefOccurrence;
  /** The range of the whole reference (without quotes). */
  range: Range;
}

/** Every reference to the target in every file of the index, files in path order. */
export function findReferences(index: WorkspaceIndex, target: RefTarget): FoundReference[] {
  const id = target.keyResult ? target.keyResult.id : target.objective.id;
  if (!id) return [];
  const out: FoundReference[] = [];
  for (const [p, doc] of index.entries()) {
    // A reference contains the id it names: files without it cannot refer to the target.
    if (!doc.text.includes(id)) continue;
    for (const occurrence of referenceOccurrences(doc)) {
      if (occurrenceNames(index, occurrence, p, target)) {
        out.push({ path: p, doc, occurrence, range: doc.lines.range(occurrence.start, occurrence.end) });
      }
    }
  }
  return out;
}

/** The range of an id as written in its `id:` field, without quotes. */
export function idValueRange(doc: OkrDocument, field: Field): { start: number; end: number } {
  const start = doc.lines.offsetAt(field.valueRange.start);
  const end = doc.lines.offsetAt(field.valueRange.end);
  const raw = doc.text.slice(start, end);
  const q = raw[0];
  if ((q === '"' || q === "'") && raw.length >= 2 && raw.endsWith(q)) return { start: start + 1, end: end - 1 };
  return { start, end };
}

export type TargetAt =
  | { ok: true; target: RefTarget; kind: 'objective' | 'keyResult'; id: string; start: number; end: number; declaration: boolean }
  | { ok: false; message: string }
  | undefined;

/**
 * The objective or key result named at an offset of a file: on its `id:` value (a declaration) or on
 * the objective / key-result part of a reference to it. Undefined when nothing of the kind is there;
 * a message when something is there but cannot be used (an unresolved reference, a file part).
 */
export function targetAt(index: WorkspaceIndex, doc: OkrDocument, path: string, offset: number): TargetAt {
  const inside = (r: { start: number; end: number }) => offset >= r.start && offset <= r.end;
  for (const objective of doc.objectives) {
    if (offset < objective.node.start || offset > objective.node.end) continue;
    const idField = objective.node.fields.get('id');
    if (objective.id && idField && inside(idValueRange(doc, idField))) {
      return { ok: true, target: { path, objective }, kind: 'objective', id: objective.id, ...idValueRange(doc, idField), declaration: true };
    }
    for (const keyResult of objective.keyResults) {
      const krField = keyResult.node.fields.get('id');
      if (keyResult.id && krField && inside(idValueRange(doc, krField))) {
        return { ok: true, target: { path, objective, keyResult }, kind: 'keyResult', id: keyResult.id, ...idValueRange(doc, krField), declaration: true };
      }
    }
  }
  const occurrence = referenceOccurrences(doc).find((o) => offset >= o.start && offset <= o.end);
  if (!occurrence) return undefined;
  const r = index.resolve(occurrence.text, path);
  if (!r.ok) return { ok: false, message: `'${occurrence.text}' does not resolve: ${r.reason}` };
  const [fileStart, fileEnd] = occurrence.file;
  if (offset < fileEnd) {
    return { ok: false, message: `'${doc.text.slice(fileStart, fileEnd)}' names a file: rename or move the .okr file itself, and its references follow` };
  }
  if (occurrence.keyResult && r.keyResult && offset > occurrence.objective[1]) {
    const [start, end] = occurrence.keyResult;
    return { ok: true, target: { path: r.path, objective: r.objective, keyResult: r.keyResult }, kind: 'keyResult', id: r.keyResult.id!, start, end, declaration: false };
  }
  const [start, end] = occurrence.objective;
  return { ok: true, target: { path: r.path, objective: r.objective }, kind: 'objective', id: r.objective.id!, start, end, declaration: false };
}
