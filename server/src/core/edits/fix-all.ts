// "Fix all": the safe quick fixes of a document, applied together. Shared by `okr check --fix` and
// the editor's `source.fixAll` action, so both change a file in exactly the same way, with the same
// minimal edits as the single quick fixes.
//
// A fix is safe when it only corrects a misspelling to the one close spelling the format allows
// (`titel` -> `title`, `aspirationl` -> `aspirational`): the file already meant that. Fixes that add
// content (an owner, a check-in dated today, a baseline read from the title) or silence a rule are
// choices for the author and stay quick fixes to pick one at a time.
import { isMap, isScalar, visit, type Pair, type YAMLMap } from 'yaml';
import { analyzeDocument, type AnalyzeOptions } from '../analyze';
import type { FixData, OkrDiagnostic } from '../diagnostics';
import type { OkrDocument } from '../model';
import { parseOkrDocument } from '../parse';
import type { Range } from '../positions';
import { applyOffsetEdits, composeEdits, toOffsetEdits, type OffsetEdit } from './compose';
import { renameKeyEdit, replaceValueEdit } from './rename-key';
import type { EditResult, TextEdit } from './text-edit';

export type FixKind = FixData['kind'];

/** The kinds of fix `--fix` and `source.fixAll` apply without asking. */
export const SAFE_FIX_KINDS: ReadonlySet<FixKind> = new Set<FixKind>(['rename-key', 'replace-value']);

/** The quick fix of a "did you mean" diagnostic (a misspelt key or value): its title and edits. */
export function spellingFix(doc: OkrDocument, range: Range, data: FixData | undefined): { title: string; result: EditResult } | undefined {
  if (data?.kind === 'rename-key') return { title: `Rename '${data.from}' to '${data.to}'`, result: renameKeyEdit(doc, range, data.from, data.to) };
  if (data?.kind === 'replace-value') return { title: `Change to '${data.with}'`, result: replaceValueEdit(doc, range, data.with) };
  return undefined;
}

export interface Fix {
  rule: string;
  title: string;
  /** The diagnostic's range, in the text the fix was computed on. */
  range: Range;
  edits: TextEdit[];
}

/**
 * The safe fixes of a document's diagnostics that can be applied together: no two edit the same
 * text, and no rename creates a key its map already has (or that another rename in the set creates).
 */
export function safeFixes(doc: OkrDocument, diagnostics: readonly OkrDiagnostic[]): Fix[] {
  if (doc.yamlErrors.length > 0) return []; // the positions of a broken file are guesses: touch nothing
  const out: Fix[] = [];
  const taken: OffsetEdit[] = [];
  const claimedKeys = new Set<string>();
  for (const d of diagnostics) {
    if (!d.data || !SAFE_FIX_KINDS.has(d.data.kind)) continue;
    const fix = spellingFix(doc, d.range, d.data);
    if (!fix?.result.ok) continue;
    const offsets = toOffsetEdits(fix.result.edits, doc.lines);
    if (offsets.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    if (d.data.kind === 'rename-key') {
      const map = mapHoldingKeyAt(doc, doc.lines.offsetAt(d.range.start));
      if (!map || hasKey(map, d.data.to)) continue;
      const claim = `${map.range?.[0]}:${d.data.to}`;
      if (claimedKeys.has(claim)) continue;
      claimedKeys.add(claim);
    }
    taken.push(...offsets);
    out.push({ rule: d.rule, title: fix.title, range: d.range, edits: fix.result.edits });
  }
  return out;
}

/** Whether two edits touch the same text (an insertion inside a replaced span, or two at one point, counts). */
function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

/** The YAML map with a key starting at `offset`. */
function mapHoldingKeyAt(doc: OkrDocument, offset: number): YAMLMap | undefined {
  let found: YAMLMap | undefined;
  visit(doc.yaml, {
    Map(_, map) {
      if ((map.items as Pair[]).some((p) => isScalar(p.key) && p.key.range?.[0] === offset)) {
        found = map as YAMLMap;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found && isMap(found) ? found : undefined;
}

function hasKey(map: YAMLMap, key: string): boolean {
  return (map.items as Pair[]).some((p) => isScalar(p.key) && String(p.key.value) === key);
}

export interface AppliedFix {
  rule: string;
  title: string;
  /** Where the problem was, in the text of the pass that fixed it (passes after the first see earlier fixes). */
  range: Range;
}

export interface FixAllResult {
  /** The fixed text (the input when nothing was fixed). */
  text: string;
  /** Edits of the input text that produce `text`: as small as the single fixes. */
  edits: TextEdit[];
  fixed: AppliedFix[];
  /** The model of `text`, for analysing what remains without parsing again. */
  doc: OkrDocument;
}

/** How many times the rules run again on the fixed text: a fix can reveal another (a renamed key's value is checked). */
const MAX_PASSES = 10;

/**
 * Applies the safe fixes of `doc` until none is left (or MAX_PASSES), re-analysing with `options`
 * after each pass. A pass whose result would not parse cleanly is dropped: a fix never breaks a file.
 */
export function fixAll(doc: OkrDocument, options: AnalyzeOptions): FixAllResult {
  const original = doc.text;
  let current = doc;
  let composed: OffsetEdit[] = [];
  const fixed: AppliedFix[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = safeFixes(current, analyzeDocument(current, options));
    if (fixes.length === 0) break;
    const offsets = fixes.flatMap((f) => toOffsetEdits(f.edits, current.lines));
    const text = applyOffsetEdits(current.text, offsets);
    const next = parseOkrDocument(text, current.uri, current.version);
    if (next.yamlErrors.length > 0 || text === current.text) break;
    composed = composeEdits(original, composed, offsets);
    fixed.push(...fixes.map((f) => ({ rule: f.rule, title: f.title, range: f.range })));
    current = next;
  }
  const edits = composed.map((e) => ({ range: doc.lines.range(e.start, e.end), newText: e.text }));
  return { text: current.text, edits, fixed, doc: current };
}
