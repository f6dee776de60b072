// The text of a version made by an edit, kept as the previous version's text and the one region the
// edit replaced, until a reader asks for it whole. Making the new text a string on each keystroke
// copied a large file once per edit (2.3 MB: about 7 ms on this kind of machine, most of it the
// kernel handing the fresh memory over), and kept one such copy alive per version for the garbage
// collector to move. The keystroke path (the re-parse of the edited objective, the line index, the
// rules of that objective) reads only a few hundred characters around the edit, which this answers
// without the whole text; `toString()` builds the string once, when a reader does need all of it.
//
// Versions chain (each edit's text is its predecessor's plus one region): reading walks the chain,
// so it is cut by making a predecessor whole once the chain is MAX_DEPTH edits deep.

/** Text as a reader of a few characters sees it: a string, or an edit's text not made whole yet. */
export type TextSource = string | EditedText;

const MAX_DEPTH = 64;

export class EditedText {
  /** The text before the edit, until this text is made whole. */
  private before: TextSource | undefined;
  private whole: string | undefined;
  readonly length: number;
  /** How many edits separate this text from a whole string. */
  readonly depth: number;

  /** The text `before` with [start, oldEnd) replaced by `inserted`. */
  constructor(
    before: TextSource,
    readonly start: number,
    readonly oldEnd: number,
    readonly inserted: string,
  ) {
    if (before instanceof EditedText && before.depth >= MAX_DEPTH) before = before.toString();
    this.before = before;
    this.length = before.length - (oldEnd - start) + inserted.length;
    this.depth = typeof before === 'string' ? 1 : before.depth + 1;
  }

  /** Whether a reader asked for the whole text already (tests hold the keystroke path to never). */
  get madeWhole(): boolean {
    return this.whole !== undefined;
  }

  /** Whether this text is `before` with that one region replaced (the account of its edit). */
  madeFrom(before: TextSource, start: number, oldEnd: number, newEnd: number): boolean {
    return this.before === before && this.start === start && this.oldEnd === oldEnd && this.start + this.inserted.length === newEnd;
  }

  charCodeAt(i: number): number {
    if (this.whole !== undefined) return this.whole.charCodeAt(i);
    if (i < this.start) return this.before!.charCodeAt(i);
    const j = i - this.start;
    if (j < this.inserted.length) return this.inserted.charCodeAt(j);
    return this.before!.charCodeAt(i - this.inserted.length + (this.oldEnd - this.start));
  }

  /** The characters [from, to), as String.prototype.slice with non-negative bounds. */
  slice(from: number, to: number = this.length): string {
    if (this.whole !== undefined) return this.whole.slice(from, to);
    const a = Math.max(0, Math.min(from, this.length));
    const b = Math.max(a, Math.min(to, this.length));
    const insEnd = this.start + this.inserted.length;
    const back = this.oldEnd - insEnd; // where an offset after the inserted text was before the edit
    let out = '';
    if (a < this.start) out += this.before!.slice(a, Math.min(b, this.start));
    if (b > this.start && a < insEnd) out += this.inserted.slice(Math.max(a, this.start) - this.start, Math.min(b, insEnd) - this.start);
    if (b > insEnd) out += this.before!.slice(Math.max(a, insEnd) + back, b + back);
    return out;
  }

  /** The whole text, built on first call and kept (the chain behind it is let go). */
  toString(): string {
    if (this.whole === undefined) {
      // The pieces of every edit down the chain, joined, then copied once: making each version on the
      // way whole would copy the text once per edit.
      const whole = this.slice(0, this.length);
      // One read makes V8 flatten the concatenation now, once, rather than in whichever reader comes first.
      whole.charCodeAt(0);
      this.whole = whole;
      this.before = undefined;
    }
    return this.whole;
  }
}

/** The whole text of a source. */
export function wholeText(text: TextSource): string {
  return typeof text === 'string' ? text : text.toString();
}
