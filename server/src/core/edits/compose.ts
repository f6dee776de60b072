// Composing edits made in passes: fixing a file may take several passes (a renamed key's value is
// only checked once the key is right), each pass editing the previous pass's text. An editor wants
// one set of edits against the version it has; these keep each change as small as it was, instead
// of replacing the whole text, so cursors, folds and undo steps elsewhere stay put.
import type { LineIndex } from '../positions';
import type { TextEdit } from './text-edit';

/** An edit by offsets: replace original [start, end) with `text`. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export function toOffsetEdits(edits: readonly TextEdit[], lines: Pick<LineIndex, 'offsetAt'>): OffsetEdit[] {
  return edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
}

/** `text` with non-overlapping offset edits applied. */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/**
 * `base` is a set of non-overlapping edits of `original`; `next` a set of non-overlapping edits of the
 * text `base` produces. Returns edits of `original` that produce what applying both in turn would.
 * A `next` edit that touches text a `base` edit wrote is merged with it.
 */
export function composeEdits(original: string, base: readonly OffsetEdit[], next: readonly OffsetEdit[]): OffsetEdit[] {
  let edits = [...base].sort((a, b) => a.start - b.start);
  let current = applyOffsetEdits(original, edits);
  // From the end backwards: an edit changes nothing before its own start, so the earlier ones'
  // offsets in `current` stay valid.
  for (const n of [...next].sort((a, b) => b.start - a.start || b.end - a.end)) {
    let shift = 0; // how far `current` is ahead of `original` before the edit being looked at
    const placed = edits.map((e) => {
      const cs = e.start + shift;
      const ce = cs + e.text.length;
      shift += e.text.length - (e.end - e.start);
      return { e, cs, ce, shiftAfter: shift };
    });
    const touched = placed.filter((p) => p.cs <= n.end && n.start <= p.ce);
    const before = placed.filter((p) => p.ce < n.start);
    const shiftBefore = before.length ? before[before.length - 1]!.shiftAfter : 0;
    const first = touched[0];
    const last = touched[touched.length - 1];
    const curStart = first ? Math.min(n.start, first.cs) : n.start;
    const curEnd = last ? Math.max(n.end, last.ce) : n.end;
    const origStart = first && first.cs <= n.start ? first.e.start : n.start - shiftBefore;
    const origEnd = last && last.ce >= n.end ? last.e.end : n.end - (last ? last.shiftAfter : shiftBefore);
    const merged = { start: origStart, end: origEnd, text: current.slice(curStart, n.start) + n.text + current.slice(n.end, curEnd) };
    edits = [...edits.filter((e) => !touched.some((t) => t.e === e)), merged].sort((a, b) => a.start - b.start);
    current = current.slice(0, n.start) + n.text + current.slice(n.end);
  }
  return edits.map((e) => dropNoOp(original, e)).filter((e): e is OffsetEdit => e !== undefined);
}

/** None when the edit writes what is there already (a later pass undid it). */
function dropNoOp(original: string, e: OffsetEdit): OffsetEdit | undefined {
  return original.slice(e.start, e.end) === e.text ? undefined : e;
}
