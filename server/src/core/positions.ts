// Offsets <-> 0-based line/character positions (UTF-16 code units, the LSP default).
// Plain data shaped like LSP's Position/Range so the LSP layer passes them through unchanged,
// without this core depending on any LSP package.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export class LineIndex {
  /** Offset of the first character of every line. */
  private readonly starts: number[];
  /** Whether the text holds a carriage return (worked out when first asked). */
  private carriageReturn: boolean | undefined;

  private hasCarriageReturn(): boolean {
    if (this.carriageReturn === undefined) this.carriageReturn = this.text.includes('\r');
    return this.carriageReturn;
  }

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  /**
   * The index of `text`, made from `previous` (the index of the text before an edit that replaced
   * [start, oldEnd) of the old text with [start, newEnd) of the new one): only the edited region is
   * scanned again, the lines after it move by the length delta.
   */
  static afterEdit(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    // Carriage returns make a line break two characters that an edit may split: scan it all. Whether
    // the text has any is known from the previous index and the inserted text (not by searching a
    // large text twice per keystroke).
    const inserted = text.slice(start, newEnd);
    if (previous.hasCarriageReturn() || inserted.includes('\r')) return new LineIndex(text);
    const delta = newEnd - oldEnd;
    const old = previous.starts;
    // The lines up to the edit as they were (copied at once), the new ones in it, the rest moved.
    const starts = old.slice(0, upperBound(old, start));
    for (let c = start; c < newEnd; c++) if (text.charCodeAt(c) === 10) starts.push(c + 1);
    for (let i = upperBound(old, oldEnd); i < old.length; i++) starts.push(old[i]! + delta);
    const index = Object.create(LineIndex.prototype) as { text: string; starts: number[]; carriageReturn: boolean };
    index.text = text;
    index.starts = starts;
    index.carriageReturn = false;
    return index as unknown as LineIndex;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the \r and the \n of a CRLF is no position of the line (LSP has none
    // there): it is the line's end. Ranges made from node ends reached one character too far.
    const atLf = o > this.starts[lo]! && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13;
    return { line: lo, character: o - this.starts[lo]! - (atLf ? 1 : 0) };
  }

  /** LSP semantics: a character past the end of the line means the end of that line (before its break). */
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const { start, end } = this.lineBounds(pos.line);
    return Math.max(start, Math.min(start + pos.character, end));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Start offset of a line, and the offset just before its line break. */
  lineBounds(line: number): { start: number; end: number } {
    const start = this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
    let end = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { start, end };
  }
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}

/** The index of the first element of sorted `xs` greater than `x` (xs.length when none is). */
function upperBound(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
