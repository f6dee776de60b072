// block-reader.ts reads the plain block YAML of objectives without the yaml package; whatever it
// answers must be the yaml package's own tree for the same text (ranges, values, scalar styles,
// sources, comments), and everything it does not know it must decline. These tests hold it to that on
// the examples, generated files, hand-written edge cases and random edits.
import * as assert from 'node:assert/strict';
import { isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { readBlockList } from '../../server/src/core/block-reader';
import { chunkLayout } from '../../server/src/core/chunk-layout';
import { shiftAll } from '../../server/src/core/parse';
import { generateOkr, generateRealisticOkr } from '../../scripts/bench/generate';
import { exampleOkrTexts, rng } from './test-inputs';

/** Every node as plain data: kind, ranges, value, style, source, number format, comments and spacing. */
function tree(n: unknown): unknown {
  if (n === null || n === undefined) return n;
  if (isPair(n)) return { key: tree(n.key), value: tree(n.value) };
  const node = n as { range?: unknown; comment?: unknown; commentBefore?: unknown; tag?: unknown; anchor?: unknown };
  const common = { range: node.range, comment: node.comment, commentBefore: node.commentBefore, spaceBefore: (n as { spaceBefore?: boolean }).spaceBefore, tag: node.tag, anchor: node.anchor };
  if (isScalar(n)) {
    const v = n.value;
    return { ...common, value: typeof v === 'number' && !Number.isFinite(v) ? String(v) : v, type: n.type, source: n.source, format: n.format, digits: (n as { minFractionDigits?: number }).minFractionDigits };
  }
  if (isMap(n) || isSeq(n)) return { ...common, kind: isMap(n) ? 'map' : 'seq', flow: n.flow, items: (n.items as unknown[]).map(tree) };
  return { unexpected: String(n) };
}

function yamlPackage(text: string, start: number, end: number): { ok: boolean; tree: unknown } {
  const doc = parseDocument(text.slice(start, end), { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
  shiftAll(doc.contents, 0, start);
  return { ok: doc.errors.length === 0 && doc.warnings.length === 0, tree: tree(doc.contents) };
}

/** Reads every item of the file's objectives both ways; answers how many the reader took. */
function compareItems(text: string, what: string, touched?: number): { items: number; read: number } {
  const layout = chunkLayout(text);
  if (typeof layout === 'string') return { items: 0, read: 0 };
  let read = 0;
  for (const item of layout.items) {
    // After an edit, only the item around it (and its neighbours) can read differently.
    if (touched !== undefined && (item.end < touched - 1 || item.lineStart > touched + 60)) continue;
    const fast = readBlockList(text, item.lineStart, item.end);
    if (!fast) continue;
    read++;
    const slow = yamlPackage(text, item.lineStart, item.end);
    const at = `${what}, item at ${item.lineStart}: ${JSON.stringify(text.slice(item.lineStart, Math.min(item.end, item.lineStart + 400)))}`;
    assert.ok(slow.ok, `read text the yaml package reports a problem in: ${at}`);
    const a = JSON.stringify(tree(fast));
    const b = JSON.stringify(slow.tree);
    if (a !== b) assert.deepEqual(tree(fast), slow.tree, `tree differs: ${at}`);
  }
  return { items: layout.items.length, read };
}

const EDGE = `period: 2026-Q4
objectives:
  - id: scalars
    title: Raise the score from 1.50 to 2
    hex: 0x1F
    oct: 0o17
    exp: 1e5
    signed: +3
    negative: -5
    fraction: -.5
    inf: .inf
    nan: .NaN
    tilde: ~
    nothing: null
    yes: TRUE
    no: false
    date: 2026-10-01
    single: 'it''s fine'
    double: "a # b"
    hash: company#quality
    url: http://example.com:8080/a?b=c
    spaced key: a value   # a comment
    key_results:
      - id: k
        title: "Ship it by 2026-12-01"
        links: [INFRA-1, "/src/a.ts#L4", 'x' ]
        checkins:
          - {date: 2026-10-06, value: 33, confidence: 0.6, note: on the way}
          - {date: 2026-11-02 , value: 36 }
      -
        id: dash-alone
        target: 3
  - id: compact
    key_results:
    - id: at-the-key-indentation
      target: 1
    - plain item
    - 'quoted item'  # with a comment

  - id: after-a-blank-line
    title: last

    key_results:

      - id: spaced

        target: 2

      - id: compact-after-blank
        links:

        - a

        - b
`;

function fixtureTexts(): Array<{ name: string; text: string }> {
  return [
    ...exampleOkrTexts(),
    { name: 'generated 30x5', text: generateOkr(30, 5).text },
    { name: 'realistic 30x5', text: generateRealisticOkr(30, 5).text },
    { name: 'edge cases', text: EDGE },
    { name: 'edge cases, no final newline', text: EDGE.trimEnd() },
  ];
}


// What a random edit types: YAML's indicators, quotes and escapes, spaces and line breaks, words and digits.
const PIECES = ['a', 'Z', '0', '7', '.', ' ', '  ', '\n', '\n    ', ':', ': ', '#', ' #', '-', '- ', "'", '"', "''", '\\', '{', '}', '[', ']', ',', ', ', '&', '*', '!', '|', '>', '%', '@', '`', '?', '~', 'é', 'null', 'true', '0x', '1e', 'id: x', 'k: v\n      '];

describe('block reader', () => {
  it('reads the generated, realistic and example files and the edge cases as the yaml package does', () => {
    const taken: string[] = [];
    for (const fx of fixtureTexts()) {
      const { items, read } = compareItems(fx.text, fx.name);
      if (items > 0 && read === items) taken.push(fx.name);
    }
    for (const name of ['generated 30x5', 'realistic 30x5', 'edge cases', 'edge cases, no final newline']) assert.ok(taken.includes(name), `not every item of ${name} was read: ${taken.join(', ')}`);
  });

  it('reads every item of a 200-objective realistic file', () => {
    const text = generateRealisticOkr(200, 5).text;
    const { items, read } = compareItems(text, 'realistic 200x5');
    assert.equal(read, items);
    assert.equal(items, 200);
  });

  it('answers as the yaml package does, or declines, after 4,000 random edits', function () {
    this.timeout(60_000);
    const r = rng(20261206);
    let edits = 0;
    let read = 0;
    for (const fx of fixtureTexts()) {
      let text = fx.text;
      for (let i = 0; i < 500; i++) {
        if (i % 5 === 0) text = fx.text;
        const at = Math.floor(r() * (text.length + 1));
        const remove = r() < 0.4 ? Math.floor(r() * 3) : 0;
        const piece = PIECES[Math.floor(r() * PIECES.length)]!;
        text = text.slice(0, at) + piece + text.slice(at + remove);
        read += compareItems(text, `edit ${edits} of ${fx.name}`, at).read;
        edits++;
      }
    }
    assert.ok(edits >= 4000, `${edits} edits`);
    assert.ok(read > edits / 4, `the reader took only ${read} items over ${edits} edits`);
  });

  it('declines what it does not read itself, for the yaml package to parse', () => {
    const item = (body: string) => `- id: x\n${body}`;
    const cases: Array<[string, string]> = [
      ['a comment line', item('  # note\n  title: t\n')],
      ['a block scalar', item('  description: |\n    two\n    lines\n')],
      ['a plain value over two lines', item('  title: one\n    two\n')],
      ['a quoted value over two lines', item('  title: "one\n    two"\n')],
      ['an escape in double quotes', item('  title: "a\\tb"\n')],
      ['a key with no value', item('  target:\n  title: t\n')],
      ['a duplicate key', item('  id: y\n')],
      ['a number as a key', item('  1: one\n')],
      ['a quoted key', item('  "title": t\n')],
      ['an anchor', item('  title: &a t\n')],
      ['a tag', item('  target: !!str 3\n')],
      ['a nested flow collection', item('  links: [[a]]\n')],
      ['an empty flow collection', item('  links: []\n')],
      ['a map inside a value', item('  title: a: b\n')],
      ['a comment without a space', item('  title: "t"#c\n')],
      ['a nested list on the dash line', '- - a\n'],
    ];
    for (const [what, text] of cases) assert.equal(readBlockList(text, 0, text.length), undefined, what);
  });

  it('gives offsets in the whole text for a list that starts inside it', () => {
    const text = `objectives:\n  - id: a\n    target: 3\n`;
    const seq = readBlockList(text, 12, text.length);
    assert.ok(seq);
    assert.deepEqual(seq.range, [14, text.length, text.length]);
    const map = seq.items[0];
    assert.ok(isMap(map));
    const target = map.items[1]!;
    assert.ok(isScalar(target.value));
    assert.equal(target.value.value, 3);
    assert.equal(text.slice(target.value.range![0], target.value.range![1]), '3');
  });
});
