// A reader for the plain block YAML that `.okr` objectives are written in, building the `yaml`
// package's own nodes straight from the text. Parsing a large file's objectives with the yaml package
// (its lexer, then its concrete syntax tree, then its composer, three passes that each allocate) cost
// more than all of the analysis after it, and its garbage most of the rest; this is one pass over the
// characters that allocates only the nodes it returns.
//
// It reads a subset: block maps and lists, plain and quoted scalars on one line, comments at the end
// of a line. Anything else (a comment line, a flow collection, a block scalar, an escape, a key with
// no value, a value over several lines, a tag, a duplicate key, a key that is not a string...) makes
// it answer `undefined`, and the caller parses the text with the yaml package as before. Whatever it
// does answer is the tree the yaml package builds for that text, ranges, scalar types and sources
// included (test/unit/block-reader.test.ts holds the two equal over generated files, the examples and
// random edits). Scalars are resolved by the yaml package's own core-schema tags, so `1.50`, `0x1F`,
// `~` and `TRUE` read as they do there.
import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Schema } from 'yaml';

const NL = 10;
const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const SINGLE = 39;
const DOUBLE = 34;
const BACKSLASH = 92;

/** The yaml package rejects implicit keys longer than this; such a key is left to it. */
const MAX_KEY = 1024;

/** Thrown (one shared object, no stack) when the text leaves the subset. */
const OUTSIDE = { outside: true };

interface CoreTag {
  default?: boolean | 'key';
  test?: RegExp;
  format?: string;
  resolve: (value: string, onError: (message: string) => void, options: { intAsBigInt?: boolean }) => unknown;
}

let schema: Schema | undefined;
let tags: CoreTag[] = [];

function coreSchema(): Schema {
  if (!schema) {
    // The schema parseDocument uses with parse.ts's options (YAML 1.2, core).
    schema = new Document().schema;
    tags = (schema.tags as unknown as CoreTag[]).filter((t) => t.default === true && t.test);
  }
  return schema;
}

const onResolveError = (): never => {
  throw OUTSIDE;
};
const RESOLVE_OPTIONS = { intAsBigInt: false };

/**
 * A plain scalar as the yaml package's composer makes it: the first core tag whose test matches, else
 * a string. Only a string starting with a character some tag's pattern can start with is tested
 * (null `~`/`null`, booleans, numbers, `.inf`/`.nan`): most values are words.
 */
function plainScalar(source: string): Scalar {
  const c = source.charCodeAt(0);
  const maybeTyped =
    (c >= 48 && c <= 57) /* 0-9 */ || c === 43 /* + */ || c === DASH || c === 46 /* . */ || c === 126 /* ~ */ ||
    c === 110 || c === 78 /* n N */ || c === 116 || c === 84 /* t T */ || c === 102 || c === 70; /* f F */
  if (maybeTyped) {
    for (const tag of tags) {
      if (!tag.test!.test(source)) continue;
      const resolved = tag.resolve(source, onResolveError, RESOLVE_OPTIONS);
      const scalar = isScalar(resolved) ? (resolved as Scalar) : new Scalar(resolved);
      if (tag.format) scalar.format = tag.format;
      return scalar;
    }
  }
  return new Scalar(source);
}

class Reader {
  /** A line start, between nodes. */
  pos: number;
  /**
   * Whether blank lines were passed since the last line with content was left (the yaml package
   * marks what follows them: spaceBefore). Set by nextLine, cleared by whatever moves past a line's end.
   */
  blank = false;

  constructor(
    private readonly text: string,
    start: number,
    private readonly end: number,
    private readonly schema: Schema,
  ) {
    this.pos = start;
  }

  private at(i: number): number {
    return i < this.end ? this.text.charCodeAt(i) : NL;
  }

  /**
   * Moves `pos` over blank lines to the next line with content and answers its indentation, or -1 at
   * the end. A comment line is left to the yaml package: where it belongs decides ranges and comments.
   */
  nextLine(): number {
    while (this.pos < this.end) {
      let i = this.pos;
      while (i < this.end && this.text.charCodeAt(i) === SPACE) i++;
      if (i >= this.end) {
        this.pos = this.end;
        return -1;
      }
      const c = this.text.charCodeAt(i);
      if (c === NL) {
        this.pos = i + 1;
        this.blank = true;
        continue;
      }
      if (c === HASH) throw OUTSIDE;
      return i - this.pos;
    }
    return -1;
  }

  /** Whether a list item's dash is at `i` (`-` then a space or the end of the line). */
  private dashAt(i: number): boolean {
    if (this.at(i) !== DASH) return false;
    const next = this.at(i + 1);
    return next === SPACE || next === NL;
  }

  /** The collection whose first line starts at `pos` with `indent` spaces. */
  block(indent: number): YAMLMap | YAMLSeq {
    const first = this.pos + indent;
    return this.dashAt(first) ? this.seq(indent) : this.map(indent, first);
  }

  /** A block list whose dashes are at column `indent`; `pos` is its first line. */
  seq(indent: number): YAMLSeq {
    const seq = new YAMLSeq(this.schema);
    const start = this.pos + indent;
    let end = start;
    let spaced = false;
    for (;;) {
      const dash = this.pos + indent;
      let j = dash + 1;
      while (this.at(j) === SPACE) j++;
      let item: Scalar | YAMLMap | YAMLSeq;
      const c = this.at(j);
      if (c === NL) {
        // `-` alone on its line: the item is the block below it.
        this.pos = Math.min(j + 1, this.end);
        this.blank = false;
        const inner = this.nextLine();
        // An empty item; or blank lines under the dash, which the yaml package marks on nothing.
        if (inner <= indent || this.blank) throw OUTSIDE;
        item = this.block(inner);
      } else if (c === HASH || this.dashAt(j)) {
        throw OUTSIDE;
      } else if (c === 123 /* { */ || c === 91 /* [ */) {
        item = this.flow(j);
      } else {
        const lineStart = this.pos;
        item = this.keyEnd(j) >= 0 ? this.map(j - lineStart, j) : this.scalar(j);
      }
      if (spaced) item.spaceBefore = true;
      seq.items.push(item);
      end = item.range![2];
      const next = this.nextLine();
      spaced = this.blank;
      if (next === indent && this.dashAt(this.pos + indent)) continue;
      if (next > indent) throw OUTSIDE;
      break;
    }
    seq.range = [start, end, end];
    return seq;
  }

  /** A block map whose keys are at column `indent`, its first key at offset `first` (on `pos`'s line). */
  map(indent: number, first: number): YAMLMap {
    const map = new YAMLMap(this.schema);
    const names: string[] = [];
    let k = first;
    let end = first;
    let spaced = false;
    for (;;) {
      const colon = this.keyEnd(k);
      if (colon < 0) throw OUTSIDE;
      let ke = colon;
      while (ke > k && this.text.charCodeAt(ke - 1) === SPACE) ke--;
      const source = this.text.slice(k, ke);
      const key = plainScalar(source);
      // A key that is not a string (`1:`, `true:`) or a merge key reads differently; a duplicate is a YAML error.
      if (typeof key.value !== 'string' || source === '<<' || names.includes(source)) throw OUTSIDE;
      names.push(source);
      key.range = [k, ke, ke];
      key.source = source;
      key.type = Scalar.PLAIN;
      if (spaced) key.spaceBefore = true;

      let v = colon + 1;
      while (this.at(v) === SPACE) v++;
      let value: Scalar | YAMLMap | YAMLSeq;
      const c = this.at(v);
      if (c === NL) {
        this.pos = Math.min(v + 1, this.end);
        this.blank = false;
        const inner = this.nextLine();
        const spacedValue = this.blank;
        if (inner > indent) value = this.block(inner);
        else if (inner === indent && this.dashAt(this.pos + indent)) value = this.seq(indent);
        else throw OUTSIDE; // a key with no value
        if (spacedValue) value.spaceBefore = true;
      } else if (c === HASH) {
        throw OUTSIDE;
      } else {
        value = c === 123 /* { */ || c === 91 /* [ */ ? this.flow(v) : this.scalar(v);
      }
      map.items.push(new Pair(key, value));
      end = value.range![2];
      const next = this.nextLine();
      spaced = this.blank;
      if (next === indent && !this.dashAt(this.pos + indent)) {
        k = this.pos + indent;
        continue;
      }
      if (next >= indent) throw OUTSIDE;
      break;
    }
    map.range = [first, end, end];
    return map;
  }

  /**
   * Where the implicit key starting at `k` ends (its `:`), or -1 when the line holds no key there
   * (a scalar, or something outside the subset).
   */
  keyEnd(k: number): number {
    if (!this.plainStart(k)) return -1;
    for (let i = k + 1; ; i++) {
      const c = this.at(i);
      if (c === NL) return -1;
      if (c === COLON) {
        const n = this.at(i + 1);
        if (n === SPACE || n === NL) return i - k > MAX_KEY ? -1 : i;
      } else if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) return -1;
    }
  }

  /** Whether a plain scalar can start at `i` (one the yaml package reads without a problem). */
  private plainStart(i: number): boolean {
    const c = this.at(i);
    switch (c) {
      case NL:
      case HASH:
      case 38: // & anchor
      case 42: // * alias
      case 33: // ! tag
      case 124: // | block scalar
      case 62: // > block scalar
      case SINGLE:
      case DOUBLE:
      case 37: // %
      case 64: // @ reserved
      case 96: // ` reserved
      case 91: // [
      case 93: // ]
      case 123: // {
      case 125: // }
      case 44: // ,
      case 63: // ?
      case COLON:
        return false;
      case DASH:
        return this.at(i + 1) !== SPACE && this.at(i + 1) !== NL;
      default:
        return true;
    }
  }

  /** A scalar value starting at `v` and ending on its line; moves `pos` to the next line. */
  scalar(v: number): Scalar {
    const c = this.at(v);
    let scalar: Scalar;
    let valueEnd: number;
    if (c === DOUBLE || c === SINGLE) {
      [scalar, valueEnd] = this.quoted(v, false);
    } else {
      if (!this.plainStart(v)) throw OUTSIDE;
      let i = v + 1;
      let last = v + 1; // after the last character that is not a space
      for (;;) {
        const d = this.at(i);
        if (d === NL) break;
        if (d === HASH && this.text.charCodeAt(i - 1) === SPACE) break;
        if (d === COLON) {
          const n = this.at(i + 1);
          if (n === SPACE || n === NL) throw OUTSIDE; // a map where a value was: a YAML error
        }
        i++;
        if (d !== SPACE) last = i;
      }
      const source = this.text.slice(v, last);
      scalar = plainScalar(source);
      scalar.source = source;
      scalar.type = Scalar.PLAIN;
      valueEnd = last;
    }
    scalar.range = [v, valueEnd, this.lineRest(scalar, valueEnd)];
    return scalar;
  }

  /**
   * What may follow a value on its line: spaces, then a comment (after at least one space) kept on
   * `node`, or nothing. Moves `pos` to the next line and answers where the node ends (that line's start).
   */
  private lineRest(node: Scalar | YAMLMap | YAMLSeq, valueEnd: number): number {
    let i = valueEnd;
    while (this.at(i) === SPACE) i++;
    if (this.at(i) === HASH) {
      if (i === valueEnd) throw OUTSIDE;
      node.comment = this.commentAt(i);
      while (this.at(i) !== NL) i++;
    } else if (this.at(i) !== NL) throw OUTSIDE;
    this.pos = Math.min(i + 1, this.end);
    this.blank = false;
    return this.pos;
  }

  /**
   * A flow map or list on one line (`{date: 2026-10-01, value: 3}`, `[a, b]`) of scalars; moves `pos`
   * to the next line. A nested collection, an empty one, a trailing comma or a line break inside is
   * left to the yaml package.
   */
  flow(open: number): YAMLMap | YAMLSeq {
    const isMapOpen = this.at(open) === 123;
    const close = isMapOpen ? 125 : 93;
    const node = isMapOpen ? new YAMLMap(this.schema) : new YAMLSeq(this.schema);
    node.flow = true;
    const names: string[] = [];
    let i = open + 1;
    for (;;) {
      while (this.at(i) === SPACE) i++;
      if (isMapOpen) {
        const [key, colon] = this.flowScalar(i, true);
        const source = key.source as string;
        if (typeof key.value !== 'string' || source === '<<' || names.includes(source)) throw OUTSIDE;
        names.push(source);
        i = colon + 1;
        if (this.at(i) !== SPACE) throw OUTSIDE;
        while (this.at(i) === SPACE) i++;
        const [value, after] = this.flowScalar(i, false);
        (node as YAMLMap).items.push(new Pair(key, value));
        i = after;
      } else {
        const [item, after] = this.flowScalar(i, false);
        (node as YAMLSeq).items.push(item);
        i = after;
      }
      const c = this.at(i);
      if (c === close) break;
      if (c !== 44 /* , */) throw OUTSIDE;
      i++;
      if (this.at(i) !== SPACE) throw OUTSIDE;
    }
    node.range = [open, i + 1, this.lineRest(node, i + 1)];
    return node;
  }

  /**
   * A scalar inside a flow collection starting at `s`: a key (ended by its `:`; answers the colon's
   * offset) or a value (ended by `,` or the closing bracket, the spaces before it included in its
   * range; answers where that indicator is).
   */
  private flowScalar(s: number, isKey: boolean): [Scalar, number] {
    const c = this.at(s);
    let scalar: Scalar;
    let valueEnd: number;
    if (c === DOUBLE || c === SINGLE) {
      if (isKey) throw OUTSIDE;
      [scalar, valueEnd] = this.quoted(s, true);
    } else {
      if (!this.plainStart(s)) throw OUTSIDE;
      let i = s;
      let last = s;
      for (;;) {
        const d = this.at(i);
        if (d === NL || d === 44 /* , */ || d === 91 || d === 93 || d === 123 || d === 125) break;
        if (d === COLON) {
          const n = this.at(i + 1);
          if (n === SPACE || n === NL || n === 44 || n === 91 || n === 93 || n === 123 || n === 125) break;
        }
        if (d === HASH && this.text.charCodeAt(i - 1) === SPACE) throw OUTSIDE;
        i++;
        if (d !== SPACE) last = i;
      }
      const source = this.text.slice(s, last);
      scalar = plainScalar(source);
      scalar.source = source;
      scalar.type = Scalar.PLAIN;
      valueEnd = last;
      if (isKey) {
        if (this.at(last) !== COLON) throw OUTSIDE;
        scalar.range = [s, last, last];
        return [scalar, last];
      }
    }
    let after = valueEnd;
    while (this.at(after) === SPACE) after++;
    if (isKey) throw OUTSIDE;
    scalar.range = [s, valueEnd, after];
    return [scalar, after];
  }

  /**
   * A quoted scalar on one line starting at `v`, and where it ends. Left to the yaml package: a line
   * break inside, an escape in double quotes, and in a flow collection any backslash or `''`.
   */
  private quoted(v: number, inFlow: boolean): [Scalar, number] {
    const q = this.at(v);
    let i = v + 1;
    let escaped = false;
    for (;;) {
      const d = this.at(i);
      if (d === NL || (d === BACKSLASH && (q === DOUBLE || inFlow))) throw OUTSIDE;
      if (d === q) {
        if (q !== SINGLE || this.at(i + 1) !== SINGLE) break;
        if (inFlow) throw OUTSIDE;
        escaped = true;
        i += 2;
      } else i++;
    }
    let source = this.text.slice(v + 1, i);
    if (escaped) source = source.replace(/''/g, "'");
    const scalar = new Scalar(source);
    scalar.source = source;
    scalar.type = q === DOUBLE ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
    return [scalar, i + 1];
  }

  /** A comment's text as the yaml package keeps it: after the `#`, a space when empty. */
  private commentAt(hash: number): string {
    let e = hash + 1;
    while (this.at(e) !== NL) e++;
    return this.text.slice(hash + 1, e) || ' ';
  }
}

/**
 * The items of the block list whose first dash line starts at `start` (a line start) and which ends
 * at `end`, as the yaml package parses `text.slice(start, end)`, with offsets in `text`; or undefined
 * when that text is outside the subset this reader knows.
 */
export function readBlockList(text: string, start: number, end: number): YAMLSeq | undefined {
  const reader = new Reader(text, start, end, coreSchema());
  try {
    const indent = reader.nextLine();
    if (indent < 0 || reader.blank) return undefined;
    const seq = reader.seq(indent);
    // The list must be all there is: the yaml package would read anything after it as an error.
    return reader.nextLine() < 0 ? seq : undefined;
  } catch (e) {
    if (e === OUTSIDE) return undefined;
    throw e;
  }
}
