// What the fuzzer feeds the product: .okr texts built from the format's own pieces (keys, values
// that YAML reads in surprising ways, unicode, line ends) and mutations of the example files, and
// edits of a text (for the incremental re-parse). fast-check arbitraries, shared by the short
// properties in `npm test` and the long run of `npm run fuzz`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const REPO = path.resolve(__dirname, '..', '..');

/** The example workspace's files: realistic texts to mutate. */
export const SEEDS: readonly string[] = (() => {
  const dir = path.join(REPO, 'examples', 'okrs');
  const files = [path.join(dir, 'company.okr'), ...fs.readdirSync(path.join(dir, 'teams')).map((f) => path.join(dir, 'teams', f))];
  return files.filter((f) => f.endsWith('.okr')).map((f) => fs.readFileSync(f, 'utf8'));
})();

/** Scalars that YAML, the period parser or the text analysis read in more than one way. */
const TRICKY = [
  '', '~', 'null', 'yes', 'no', 'on', '1e5', '0x1F', '0o17', '-0', '.inf', '.nan', '1_000', '+12', '99.9%', '$1,000', '2026-02-30', '2026-Q5',
  '2026-H3', '2026-13', '9999-12-31', '0000-01-01', '@dana', '"', "'", '`', '\\', '#', ': ', '- ', '? ', '|', '>', '&a', '*a', '!!str', '%', '[', ']',
  '{', '}', ',', '<b>x</b>', '[x](javascript:alert(1))', '![i](http://x/i.png)', '../../../../etc/passwd', 'command:x', 'file:///etc/passwd',
  'SHOP-12', '#42', 'owner/repo#7', 'group/sub/p!3', 'https://x.example/a b', 'a\u2028b', 'a\u0085b', '\u00a0', '\ufeff', '\u200b', '😀', 'e\u0301',
  '\t', '\r', '\r\n', 'x'.repeat(300), 'from 10 to 20', 'from 800 ms to 300 ms', 'TBD', 'TODO', 'X%', 'increase', 'and', '0', '-1', '1', '0.5', '1.5',
];

const KEYS = [
  'period', 'team', 'owner', 'aligns_to', 'objectives', 'id', 'title', 'type', 'weight', 'status', 'reason', 'rollup', 'rollup_weights', 'key_results',
  'baseline', 'target', 'current', 'unit', 'metric', 'confidence', 'done', 'guardrail', 'links', 'checkins', 'date', 'value', 'note', 'description',
  'start', 'end', '__proto__', 'constructor', 'tagret', 'Title',
];

const word = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.integer({ min: -1000, max: 100_000 }).map(String),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map(String),
);

const scalar = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 2, arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: word.map((w) => JSON.stringify(w)) },
  { weight: 1, arbitrary: fc.array(word, { maxLength: 3 }).map((w) => `[${w.join(', ')}]`) },
);

/** One `key: value` line at an indentation, maybe as a list item, maybe with a comment. */
const line = fc
  .record({
    indent: fc.constantFrom(0, 2, 4, 6, 8, 10, 12, 3, 1),
    dash: fc.boolean(),
    key: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: word }),
    value: fc.option(scalar, { nil: undefined }),
    comment: fc.option(fc.constantFrom('# c', '# okr-disable-next-line', '# okr-disable-next-line kr-not-measurable', '#'), { nil: undefined, freq: 6 }),
  })
  .map((l) => `${' '.repeat(l.indent)}${l.dash ? '- ' : ''}${l.key}:${l.value === undefined ? '' : ` ${l.value}`}${l.comment ? ` ${l.comment}` : ''}`);

/** A document of key/value lines with the shape of an .okr file, or not quite. */
export const builtText = fc
  .record({
    head: fc.constantFrom('period: 2026-Q4\n', 'period: {start: 2026-10-01, end: 2026-12-31}\n', '', '\ufeffperiod: 2026-Q4\n', 'period: 2026\n'),
    lines: fc.array(line, { maxLength: 40 }),
    eol: fc.constantFrom('\n', '\r\n', '\n', '\r'),
  })
  .map(({ head, lines, eol }) => (head + ['objectives:', ...lines].join('\n')).replace(/\n/g, eol));

/** A random edit: the range it replaces (offsets into `text`) and what it writes. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

const insertion = fc.oneof(
  { weight: 3, arbitrary: scalar },
  { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', ' ', '  ', '- ', ': ', '#', '"', "'", '{', '}', '[', ']', ',', '\t', '\u2028', '\u0000') },
  { weight: 2, arbitrary: line.map((l) => `\n${l}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

/** An edit of a text of length `length`: a deletion, an insertion or a replacement. */
export function editOf(length: number): fc.Arbitrary<Edit> {
  return fc
    .record({ a: fc.nat({ max: length }), span: fc.nat({ max: 40 }), text: fc.oneof(insertion, fc.constant('')) })
    .map(({ a, span, text }) => ({ start: a, end: Math.min(length, a + span), text }));
}

export function applyEdit(text: string, e: Edit): string {
  return text.slice(0, e.start) + e.text + text.slice(e.end);
}

/** An example file with a few random edits. */
export const mutatedText = fc
  .constantFrom(...SEEDS)
  .chain((seed) => fc.tuple(fc.constant(seed), fc.array(editOf(seed.length), { minLength: 1, maxLength: 6 })))
  .map(([seed, edits]) => edits.reduce((t, e) => applyEdit(t, { start: Math.min(e.start, t.length), end: Math.min(e.end, t.length), text: e.text }), seed));

/** Any .okr text the fuzzer tries: half built from pieces, half mutated examples. */
export const okrText = fc.oneof(builtText, mutatedText);

/** A text and a sequence of edits of it (each offset within the text it applies to). */
export const editedText = fc
  .oneof(fc.constantFrom(...SEEDS), builtText)
  .chain((text) => fc.tuple(fc.constant(text), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(insertion, fc.constant(''))), { minLength: 1, maxLength: 5 })));
