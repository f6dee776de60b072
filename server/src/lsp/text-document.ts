// The open documents' text, as vscode-languageserver-textdocument keeps it but with line offsets from
// the analysis core's LineIndex. The package's document computes every line's offset on the first
// position asked of it (13 ms for an 80,000-line file, on the first keystroke), and moves every line
// after each edit in an array; LineIndex.afterEdit keeps typing within a line as one shift, and a
// document can take over the index its model was parsed with (adopt), so it is never computed twice.
// Positions follow the package's rules exactly (test/unit/text-document.test.ts compares the two).
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../core/positions';
import { EditedText, type TextSource } from '../core/edited-text';
import type { TextEdit } from '../core/reparse';
import { MAX_FILE_BYTES, refusalOfText } from '../node/discover';

const isEol = (c: number) => c === 10 || c === 13;

export class IndexedTextDocument implements TextDocument {
  private index: LineIndex | undefined;
  /**
   * The text's UTF-8 length and whether it holds no NUL, followed through edits: the size and NUL
   * checks every version gets (refusal) measured the whole text again on each keystroke.
   */
  private bytes: number | undefined;
  private nulFree: boolean | undefined;
  /** The one region the last update replaced, and between which versions (for an incremental re-parse). */
  private lastEdit: (TextEdit & { from: number; to: number }) | undefined;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    private currentVersion: number,
    text: string,
  ) {
    this.source = text;
  }

  /**
   * The text: after an edit, the previous text and the region it replaced (core/edited-text.ts),
   * made one string only when a reader asks for all of it. The keystroke path reads a few characters.
   */
  private source: TextSource;

  private get text(): string {
    if (typeof this.source !== 'string') this.source = this.source.toString();
    return this.source;
  }

  /** The text as it is held, whole or not (what the re-parse of an edit reads). */
  textSource(): TextSource {
    return this.source;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines().lineCount;
  }

  /** The line index of this very text (built when first needed). */
  lines(): LineIndex {
    if (!this.index) this.index = new LineIndex(this.text);
    return this.index;
  }

  /** Takes over an index built for the same text elsewhere (the model parsed from it). */
  adopt(lines: LineIndex): void {
    if (!this.index && (lines.textSource === this.source || (typeof this.source === 'string' && lines.text === this.source))) this.index = lines;
  }

  getText(range?: Range): string {
    if (!range) return this.text;
    const a = this.offsetAt(range.start);
    const b = this.offsetAt(range.end);
    return this.source.slice(Math.min(a, b), Math.max(a, b));
  }

  offsetAt(position: Position): number {
    const lines = this.lines();
    if (position.line >= lines.lineCount) return this.source.length;
    if (position.line < 0) return 0;
    const start = lines.lineBounds(position.line).start;
    if (position.character <= 0) return start;
    const next = position.line + 1 < lines.lineCount ? lines.lineBounds(position.line + 1).start : this.source.length;
    return this.beforeEol(Math.min(start + position.character, next), start);
  }

  positionAt(offset: number): Position {
    const o = Math.max(Math.min(offset, this.source.length), 0);
    const { line } = this.lines().positionAt(o);
    const start = this.lines().lineBounds(line).start;
    return { line, character: this.beforeEol(o, start) - start };
  }

  getLineRange(line: number): Range {
    const lines = this.lines();
    if (line >= lines.lineCount) {
      const last = lines.lineCount - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.source.length - lines.lineBounds(last).start } };
    }
    if (line < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const { start, end } = this.lineContent(line);
    return { start: { line, character: 0 }, end: { line, character: end - start } };
  }

  getEOLCharacters(line: number): string {
    if (line < 0 || line >= this.lines().lineCount) return '';
    const { end, next } = this.lineContent(line);
    return this.source.slice(end, next);
  }

  /** A line's start, the end of its content, and the start of the next line (or the end of the text). */
  private lineContent(line: number): { start: number; end: number; next: number } {
    const lines = this.lines();
    const start = lines.lineBounds(line).start;
    const next = line + 1 < lines.lineCount ? lines.lineBounds(line + 1).start : this.source.length;
    return { start, end: this.beforeEol(next, start), next };
  }

  /** An offset inside a line break is the end of the line's content (the package's rule). */
  private beforeEol(offset: number, lineStart: number): number {
    while (offset > lineStart && isEol(this.source.charCodeAt(offset - 1))) offset--;
    return offset;
  }

  /** The region replaced since `version`, when that was the version before this one and one region changed. */
  editSince(version: number): TextEdit | undefined {
    const e = this.lastEdit;
    return e && e.from === version && e.to === this.currentVersion ? { start: e.start, oldEnd: e.oldEnd, newEnd: e.newEnd } : undefined;
  }

  /** Why this text is not taken as an .okr file (too large, or a NUL in it), as refusalOfText says. */
  refusal(shown: string): string | undefined {
    if (this.bytes === undefined) this.bytes = Buffer.byteLength(this.text, 'utf8');
    // A NUL once seen is looked for again until it is gone (the document is refused meanwhile).
    if (this.nulFree !== true) this.nulFree = !this.text.includes('\0');
    return this.bytes > MAX_FILE_BYTES || !this.nulFree ? refusalOfText(this.text, shown) : undefined;
  }

  /** The byte count and NUL check after replacing [start, end) with `inserted`, when known before. */
  private followLimits(start: number, end: number, inserted: string): void {
    if (this.nulFree === true && inserted.includes('\0')) this.nulFree = false;
    if (this.bytes === undefined) return;
    // A surrogate pair cut by the edit counts differently in pieces than whole: measured again.
    const surrogate = (i: number) => i >= 0 && i < this.source.length && (this.source.charCodeAt(i) & 0xf800) === 0xd800;
    if (surrogate(start - 1) || surrogate(start) || surrogate(end - 1) || surrogate(end) || /[\ud800-\udfff]/.test(inserted)) {
      this.bytes = undefined;
      return;
    }
    this.bytes += Buffer.byteLength(inserted, 'utf8') - Buffer.byteLength(this.source.slice(start, end), 'utf8');
  }

  /** Applies the client's changes in order; the line index follows each incremental one. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    const from = this.currentVersion;
    this.lastEdit = undefined;
    for (const change of changes) {
      if ('range' in change && change.range) {
        const a = this.offsetAt(change.range.start);
        const b = this.offsetAt(change.range.end);
        const [start, end] = a <= b ? [a, b] : [b, a];
        const previous = this.index;
        this.followLimits(start, end, change.text);
        this.source = new EditedText(this.source, start, end, change.text);
        this.index = previous ? LineIndex.afterEdit(previous, this.source, start, end, start + change.text.length) : undefined;
        if (changes.length === 1) this.lastEdit = { from, to: version, start, oldEnd: end, newEnd: start + change.text.length };
      } else {
        this.source = change.text;
        this.index = undefined;
        this.bytes = undefined;
        this.nulFree = undefined;
      }
    }
    this.currentVersion = version;
  }
}

/** For `new TextDocuments(indexedDocuments)`. */
export const indexedDocuments = {
  create: (uri: string, languageId: string, version: number, content: string): IndexedTextDocument => new IndexedTextDocument(uri, languageId, version, content),
  update: (document: IndexedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): IndexedTextDocument => {
    document.update(changes, version);
    return document;
  },
};
