// Offsets <-> 0-based line/character positions (UTF-16 code units, the LSP default).
// Plain data shaped like LSP's Position/Range so the LSP layer passes them through unchanged,
// without this core depending on any LSP package.
import { wholeText, type TextSource } from './edited-text';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A range `lines` lines further down (lines added above it), its characters as they were. */
export function rangeMovedByLines(r: Range, lines: number): Range {
  if (lines === 0) return r;
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

export class LineIndex {
  /**
   * Offset of the first character of every line, before the shift below: shared between the
   * indexes of successive versions while typing stays on one line.
   */
  private starts: number[];
  /** Lines from this one on start `shiftBy` characters later than `starts` says (see afterEdit). */
  private shiftFrom = Infinity;
  private shiftBy = 0;
  /** Whether the text holds a carriage return (worked out when first asked). */
  private carriageReturn: boolean | undefined;

  private hasCarriageReturn(): boolean {
    if (this.carriageReturn === undefined) this.carriageReturn = this.text.includes('\r');
    return this.carriageReturn;
  }

  /** The indexed text: a string, or an edit's text read a few characters at a time (edited-text.ts). */
  private source: TextSource;

  /** The whole text (an edit's text is made a string when first asked for, see EditedText). */
  get text(): string {
    if (typeof this.source !== 'string') this.source = this.source.toString();
    return this.source;
  }

  /** The text as indexed, whole or not: what the keystroke path reads a few characters of. */
  get textSource(): TextSource {
    return this.source;
  }

  constructor(text: string) {
    this.source = text;
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

  /** Offset of the first character of line `i`. */
  private lineStart(i: number): number {
    return this.starts[i]! + (i >= this.shiftFrom ? this.shiftBy : 0);
  }

  /** The index of the first line starting after offset `x` (lineCount when none does). */
  private upperBound(x: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.lineStart(mid) <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The index of `text`, made from `previous` (the index of the text before an edit that replaced
   * [start, oldEnd) of the old text with [start, newEnd) of the new one): only the edited region is
   * scanned again, the lines after it move by the length delta.
   */
  static afterEdit(previous: LineIndex, text: TextSource, start: number, oldEnd: number, newEnd: number): LineIndex {
    // Carriage returns make a line break two characters that an edit may split: scan it all. Whether
    // the text has any is known from the previous index and the inserted text (not by searching a
    // large text twice per keystroke).
    const inserted = text.slice(start, newEnd);
    if (previous.hasCarriageReturn() || inserted.includes('\r')) return new LineIndex(wholeText(text));
    const delta = newEnd - oldEnd;
    const head = previous.upperBound(start);
    const tail = previous.upperBound(oldEnd);
    const index = Object.create(LineIndex.prototype) as { source: TextSource; starts: number[]; shiftFrom: number; shiftBy: number; carriageReturn: boolean };
    index.source = text;
    index.carriageReturn = false;
    index.shiftFrom = Infinity;
    index.shiftBy = 0;
    if (head === tail && !inserted.includes('\n') && (previous.shiftFrom === head || previous.shiftFrom === Infinity)) {
      // Typing within one line: the same lines, those below it moved. A copy of every line's offset
      // per keystroke cost milliseconds in a file of 80,000 lines; the shift is one number.
      index.starts = previous.starts;
      index.shiftFrom = head;
      index.shiftBy = (previous.shiftFrom === head ? previous.shiftBy : 0) + delta;
      return index as unknown as LineIndex;
    }
    // The lines up to the edit as they were, the new ones in it, the rest moved.
    const starts: number[] = new Array<number>(head);
    for (let i = 0; i < head; i++) starts[i] = previous.lineStart(i);
    for (let c = start; c < newEnd; c++) if (inserted.charCodeAt(c - start) === 10) starts.push(c + 1);
    for (let i = tail; i < previous.starts.length; i++) starts.push(previous.lineStart(i) + delta);
    index.starts = starts;
    return index as unknown as LineIndex;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStart(mid) <= o) lo = mid;
      else hi = mid - 1;
    }
    const at = this.lineStart(lo);
    // An offset between the \r and the \n of a CRLF is no position of the line (LSP has none
    // there): it is the line's end. Ranges made from node ends reached one character too far.
    const atLf = o > at && this.hasCarriageReturn() && this.source.charCodeAt(o) === 10 && this.source.charCodeAt(o - 1) === 13;
    return { line: lo, character: o - at - (atLf ? 1 : 0) };
  }

  /** LSP semantics: a character past the end of the line means the end of that line (before its break). */
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.source.length;
    if (pos.line < 0) return 0;
    const { start, end } = this.lineBounds(pos.line);
    return Math.max(start, Math.min(start + pos.character, end));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** Start offset of a line, and the offset just before its line break. */
  lineBounds(line: number): { start: number; end: number } {
    const start = this.lineStart(Math.max(0, Math.min(line, this.starts.length - 1)));
    let end = line + 1 < this.starts.length ? this.lineStart(line + 1) : this.source.length;
    // Without carriage returns a line ends one \n before the next starts (the last one, at the end).
    if (!this.hasCarriageReturn()) return { start, end: line + 1 < this.starts.length && end > start ? end - 1 : end };
    const text = this.text;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return { start, end };
  }
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) return false;
  if (pos.line === range.start.line && pos.character < range.start.character) return false;
  if (pos.line === range.end.line && pos.character > range.end.character) return false;
  return true;
}
