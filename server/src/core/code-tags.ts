// Code tags: a comment `okr: <file-ref>#<objective-id>[/<kr-id>]` in any source file marks code that
// serves that key result (or objective). This module finds tags in a text (any comment syntax), keeps
// them per file, and resolves them against the workspace index. Pure: hosts read the files.
//
// Cost: a text without `okr:` costs one indexOf; a tag found costs a look at its own line (and, when
// that line has no comment marker, a look back for an open block comment). No parse of the language.
import type { Range } from './positions';
import type { KeyResult, Objective, OkrDocument } from './model';
import type { WorkspaceIndex } from './workspace';

export interface CodeTag {
  /** The reference as written: `okrs/company#quality/nps`. */
  ref: string;
  /** Where the reference is written (not the `okr:` marker before it). */
  range: Range;
  /** The line above says `okr-disable-next-line` (all rules, or `unknown-okr-tag`). */
  suppressed?: boolean;
}

export const TAG_MARKER = 'okr:';

/** A reference after `okr:`: a file part, `#`, an objective id, maybe `/` and a key-result id. */
const TAG_REF = /[\w.\/-]*#[\w-]+(?:\/[\w-]+)?/y;
const LIST_SEPARATOR = /[ \t]*,[ \t]*/y;
/** A line comment or block-comment opener before the marker on its line: `//`, `#`, `--`, `;`, `/*`, `<!--`, or a `*` continuation line. */
const COMMENT_BEFORE = /(?:\/\/|#|--|;|\/\*|<!--)|^[ \t]*\*/;

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Every tag written in a comment of `text`, in text order. */
export function scanCodeTags(text: string): CodeTag[] {
  const out: CodeTag[] = [];
  let at = text.indexOf(TAG_MARKER);
  if (at < 0) return out;
  // Line numbers are counted forward from the last tag, so a file costs one pass at most.
  let line = 0;
  let counted = 0;
  for (; at >= 0; at = text.indexOf(TAG_MARKER, at + TAG_MARKER.length)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue; // `nokr:`, `myokr:`
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (!inComment(text, lineStart, at)) continue;
    for (let i = counted; i < lineStart; i++) if (text.charCodeAt(i) === 10) line++;
    counted = lineStart;
    const suppressed = suppressedAbove(text, lineStart);
    let pos = at + TAG_MARKER.length;
    while (text[pos] === ' ' || text[pos] === '\t') pos++;
    for (;;) {
      TAG_REF.lastIndex = pos;
      const m = TAG_REF.exec(text);
      if (!m) break;
      const ref = m[0];
      const tag: CodeTag = { ref, range: { start: { line, character: pos - lineStart }, end: { line, character: pos - lineStart + ref.length } } };
      if (suppressed) tag.suppressed = true;
      out.push(tag);
      pos += ref.length;
      LIST_SEPARATOR.lastIndex = pos;
      if (!LIST_SEPARATOR.exec(text)) break;
      pos = LIST_SEPARATOR.lastIndex;
    }
  }
  return out;
}

const SUPPRESSION = /okr-disable-next-line(?:[ \t]+([\w, \t-]+))?/;

/** Whether the line above `lineStart` holds an `okr-disable-next-line` that covers unknown-okr-tag. */
function suppressedAbove(text: string, lineStart: number): boolean {
  if (lineStart === 0) return false;
  const above = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart);
  const m = SUPPRESSION.exec(above);
  if (!m) return false;
  const ids = (m[1] ?? '').split(/[\s,]+/).filter((id) => /^[a-z]+(?:-[a-z]+)+$/.test(id));
  return ids.length === 0 || ids.includes('unknown-okr-tag');
}

function inComment(text: string, lineStart: number, at: number): boolean {
  if (COMMENT_BEFORE.test(text.slice(lineStart, at))) return true;
  // A line inside a block comment opened on an earlier line and not closed before the tag.
  return openedBefore(text, at, '/*', '*/') || openedBefore(text, at, '<!--', '-->');
}

function openedBefore(text: string, at: number, open: string, close: string): boolean {
  const o = text.lastIndexOf(open, at);
  return o >= 0 && text.lastIndexOf(close, at) < o;
}

/** A tag with the file it is written in. */
export interface TagLocation {
  path: string;
  tag: CodeTag;
}

/** What a tag names, once resolved: the key of its objective or key result (see targetKey). */
export function targetKey(path: string, objective: Objective, keyResult?: KeyResult): string {
  return `${path}#${objective.id ?? ''}${keyResult ? `/${keyResult.id ?? ''}` : ''}`;
}

export type TagResolution =
  | { ok: true; path: string; doc: OkrDocument; objective: Objective; keyResult?: KeyResult }
  | { ok: false; reason: string };

/**
 * Resolves a tag as an `aligns_to` file ref resolves (path from the root without `.okr`, or a unique
 * bare name). A code file is no .okr file, so `#id` without a file part names nothing.
 */
export function resolveTag(index: WorkspaceIndex, ref: string): TagResolution {
  if (ref.startsWith('#')) return { ok: false, reason: `'${ref}' names no .okr file: write okr: <file>${ref}` };
  const r = index.resolve(ref);
  return r.ok ? { ok: true, path: r.path, doc: r.doc, objective: r.objective, keyResult: r.keyResult } : { ok: false, reason: r.reason };
}

/**
 * The tags of every scanned file, kept per file (a file's tags are replaced whole when it changes),
 * and grouped by what they resolve to, computed on demand and kept until the tags or the index change.
 */
export class CodeTagIndex {
  private readonly byFile = new Map<string, readonly CodeTag[]>();
  private changes = 0;
  private grouped: { epoch: number; indexEpoch: number; index: WorkspaceIndex; byTarget: Map<string, TagLocation[]> } | undefined;

  /** Counts the changes of the tags, so hosts can tell whether a cached answer still holds. */
  get epoch(): number {
    return this.changes;
  }

  /** Sets a file's tags; returns whether they differ from what it had (a keystroke elsewhere in the file changes nothing). */
  set(path: string, tags: readonly CodeTag[]): boolean {
    const had = this.byFile.get(path);
    if (had ? sameTags(had, tags) : tags.length === 0) return false;
    if (tags.length) this.byFile.set(path, tags);
    else this.byFile.delete(path);
    this.changes++;
    return true;
  }

  delete(path: string): boolean {
    if (!this.byFile.delete(path)) return false;
    this.changes++;
    return true;
  }

  tagsIn(path: string): readonly CodeTag[] {
    return this.byFile.get(path) ?? [];
  }

  /** Files holding at least one tag, sorted. */
  files(): string[] {
    return [...this.byFile.keys()].sort();
  }

  get tagCount(): number {
    let n = 0;
    for (const tags of this.byFile.values()) n += tags.length;
    return n;
  }

  /** The tags naming an objective or key result (exactly it: an objective's tags leave out its key results'). */
  tagsOf(index: WorkspaceIndex, path: string, objective: Objective, keyResult?: KeyResult): TagLocation[] {
    return this.byTarget(index).get(targetKey(path, objective, keyResult)) ?? [];
  }

  /** Resolved tags by targetKey, in file and text order; one resolution per distinct reference. */
  byTarget(index: WorkspaceIndex): Map<string, TagLocation[]> {
    const g = this.grouped;
    if (g && g.epoch === this.changes && g.index === index && g.indexEpoch === index.epoch) return g.byTarget;
    const byTarget = new Map<string, TagLocation[]>();
    const resolved = new Map<string, string | undefined>();
    for (const path of this.files()) {
      for (const tag of this.byFile.get(path)!) {
        let key = resolved.get(tag.ref);
        if (!resolved.has(tag.ref)) {
          const r = resolveTag(index, tag.ref);
          key = r.ok ? targetKey(r.path, r.objective, r.keyResult) : undefined;
          resolved.set(tag.ref, key);
        }
        if (key === undefined) continue;
        let list = byTarget.get(key);
        if (!list) byTarget.set(key, (list = []));
        list.push({ path, tag });
      }
    }
    this.grouped = { epoch: this.changes, indexEpoch: index.epoch, index, byTarget };
    return byTarget;
  }
}

function sameTags(a: readonly CodeTag[], b: readonly CodeTag[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.ref !== y.ref || x.range.start.line !== y.range.start.line || x.range.start.character !== y.range.start.character) return false;
  }
  return true;
}

/** The tag whose reference covers a position of its file. */
export function tagAt(tags: readonly CodeTag[], line: number, character: number): CodeTag | undefined {
  return tags.find((t) => t.range.start.line === line && character >= t.range.start.character && character <= t.range.end.character);
}
