// Incremental re-parse: thousands of random small edits to several documents, each re-parsed
// incrementally from the previous version and compared with a full parse in everything a reader can
// observe (YAML problems, every model field and range, suppressions, the AST with its comments, the
// formatted text, and analyzeDocument's output). Deterministic seed; also checks the fast path is
// really taken for edits inside an objective, so the test cannot pass by always falling back.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isPair, isScalar, isSeq, isAlias, type Document } from 'yaml';
import { adoptAnalysis, analyzeDocument } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import { openedCopy, parseInChunks, parseOkrDocument, parseWhole, releaseSyntaxTree, treeInMemory } from '../../server/src/core/parse';
import { reparseOkrDocument, reparseStats } from '../../server/src/core/reparse';
import { EditedText } from '../../server/src/core/edited-text';
import type { OkrDocument } from '../../server/src/core/model';
import { generateOkr, generateRealisticOkr } from '../../scripts/bench/generate';
import { exampleOkrTexts, rng } from './test-inputs';

const URI = 'file:///ws/okrs/team.okr';
const CONFIG = mergeConfig();
const TODAY = '2026-11-20';


const HAND = `# okr-disable-next-line placeholder-text
period: 2026-Q4
team: Hand
objectives:
- id: first
  title: Make search fast   # trailing comment
  key_results:
    - id: p95
      title: Cut p95 latency from 800 ms to 300 ms
      baseline: 800
      target: 300
      unit: ms
      description: |
        A block scalar
        over two lines.
    # okr-disable-next-line kr-not-measurable
    - id: vague
      title: Improve search
# a comment between items, at column 0

- id: second
  title: 'Quoted title'
  owner: "@lee"
  key_results:
    - {id: flow-kr, title: "Ship the flow dashboard by 2026-12-15", done: false}
    - id: checked
      title: Raise NPS from 30 to 45
      baseline: 30
      target: 45
      links: [INFRA-1, /src/a.ts#L4]
      checkins:
        - date: 2026-10-06
          value: 33
          confidence: 0.6
        - {date: 2026-11-02, value: 36}
- id: third
  title: TBD
  key_results: []
owner: "@dana"
aligns_to: company#quality
`;

function fixtures(): Array<{ name: string; text: string }> {
  return [
    ...exampleOkrTexts(),
    { name: 'generated 4x3', text: generateOkr(4, 3).text },
    { name: 'generated 2x5', text: generateOkr(2, 5).text },
    { name: 'hand-written', text: HAND },
    { name: 'hand-written, no final newline', text: HAND.trimEnd() },
  ];
}

/**
 * Everything observable in the model as plain data (maps and sets as entries, lazy values read):
 * fields and map nodes as a reader sees them (their toJSON), not their private state (offsets and
 * the YAML node a value is converted from, which a moved field shares with its previous version).
 */
function plain(x: unknown): unknown {
  if (x === null || typeof x !== 'object') return x;
  const toJSON = (x as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function' && !(x instanceof Map)) return plain(toJSON.call(x));
  if (x instanceof Map) return [...x.entries()].map(([k, v]) => [k, plain(v)]);
  if (x instanceof Set) return [...x].sort();
  if (Array.isArray(x)) return x.map(plain);
  const o: Record<string, unknown> = {};
  for (const k of Object.keys(x)) if (k !== 'yaml' && k !== 'lines') o[k] = plain((x as Record<string, unknown>)[k]);
  return o;
}

/** deepEqual is slow on large models: compare as JSON, and let deepEqual explain a difference. */
function same(a: unknown, b: unknown, message: string): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) assert.deepEqual(a, b, message);
}

/** The AST: every node's kind, range, value, style, comments and spacing. */
function ast(doc: Document.Parsed): unknown {
  const node = (n: unknown): unknown => {
    if (n === null || n === undefined) return n;
    if (isPair(n)) return { pair: [node(n.key), node(n.value)] };
    const base = (k: string, x: Record<string, unknown>) => ({
      k,
      range: x['range'],
      comment: x['comment'],
      commentBefore: x['commentBefore'],
      spaceBefore: x['spaceBefore'],
      tag: x['tag'],
      anchor: x['anchor'],
    });
    if (isScalar(n)) return { ...base('scalar', n as never), value: n.value, type: n.type, source: (n as { source?: unknown }).source };
    if (isAlias(n)) return { ...base('alias', n as never), source: n.source };
    if (isMap(n) || isSeq(n)) return { ...base(isMap(n) ? 'map' : 'seq', n as never), flow: n.flow, items: (n.items as unknown[]).map(node) };
    return String(n);
  };
  return { range: doc.range, comment: doc.comment, commentBefore: doc.commentBefore, contents: node(doc.contents) };
}

function assertSame(inc: OkrDocument, full: OkrDocument, what: string, deep = true): void {
  same(plain(inc), plain(full), `model differs after ${what}`);
  same(ast(inc.yaml), ast(full.yaml), `AST differs after ${what}`);
  if (full.yaml.errors.length === 0 && deep) assert.equal(inc.yaml.toString(), full.yaml.toString(), `formatted text differs after ${what}`);
  assert.equal(inc.yaml.errors.length, full.yaml.errors.length);
  if (full.yaml.errors.length === 0 && deep) assert.deepEqual(inc.yaml.toJS({ mapAsMap: true }), full.yaml.toJS({ mapAsMap: true }), `data differs after ${what}`);
  assert.deepEqual(inc.lines.lineCount, full.lines.lineCount);
  const opts = { config: CONFIG, today: TODAY };
  if (deep || inc.yamlErrors.length === 0) same(analyzeDocument(inc, opts), analyzeDocument(full, opts), `diagnostics differ after ${what}`);
}

type Edit = { at: number; remove: number; insert: string; what: string };

const CHARS = 'abcxyz019 :-#"\'[]{},&*|>\n\n\n   .%\t@!?';
const KEYS = ['target: 5', 'baseline: 1', 'title: Raise signups from 10 to 20', 'owner: "@kim"', 'done: true', 'tagret: 3', '- id: typed'];

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') out.push(i + 1);
  return out;
}

function randomEdit(text: string, r: () => number): Edit[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const starts = lineStarts(text);
  const at = Math.floor(r() * (text.length + 1));
  const line = pick(starts);
  const lineEnd = text.indexOf('\n', line) < 0 ? text.length : text.indexOf('\n', line) + 1;
  const indent = ' '.repeat(pick([0, 2, 4, 6, 8, 10]));
  switch (Math.floor(r() * 11)) {
    case 0:
    case 1:
      return [{ at, remove: 0, insert: pick([...CHARS]), what: 'insert a character' }];
    case 2:
      return [{ at, remove: 1 + Math.floor(r() * 3), insert: '', what: 'delete characters' }];
    case 3:
      return [{ at, remove: 1, insert: pick([...CHARS]), what: 'replace a character' }];
    case 4:
      return [{ at: line, remove: lineEnd - line, insert: '', what: 'delete a line' }];
    case 5:
      return [{ at: line, remove: 0, insert: text.slice(line, lineEnd), what: 'duplicate a line' }];
    case 6: {
      const kr = pick([
        `${indent}- id: new-kr\n${indent}  title: Raise conversion from 2% to 3%\n${indent}  baseline: 2\n${indent}  target: 3\n`,
        `${indent}- id: ms\n${indent}  title: Ship it by 2026-12-01\n${indent}  done: false\n`,
      ]);
      return [{ at: line, remove: 0, insert: kr, what: 'insert a key result' }];
    }
    case 7: {
      const c = pick(['# note', '# okr-disable-next-line', '# okr-disable-next-line kr-not-measurable', '#']);
      return [{ at: line, remove: 0, insert: `${indent}${c}\n`, what: 'insert a comment line' }];
    }
    case 8: {
      // Type a key character by character on a new line, each keystroke its own version.
      const key = pick(KEYS);
      const out: Edit[] = [{ at: line, remove: 0, insert: `${indent}\n`, what: 'start a line' }];
      for (let i = 0; i < key.length; i++) out.push({ at: line + indent.length + i, remove: 0, insert: key[i]!, what: `type '${key.slice(0, i + 1)}'` });
      return out;
    }
    case 9: {
      // Type at the end of a line (a title, a value), then delete it again.
      const end = lineEnd > line && text[lineEnd - 1] === '\n' ? lineEnd - 1 : lineEnd;
      return [
        { at: end, remove: 0, insert: 's', what: 'type at the end of a line' },
        { at: end, remove: 1, insert: '', what: 'delete what was typed' },
      ];
    }
    default: {
      // Delete a whole key result (from a `- id:` line deeper than the objectives to the next one).
      const m = /\n( {4,})- id: /.exec(text.slice(at));
      if (!m) return [{ at, remove: 0, insert: ' ', what: 'insert a space' }];
      const s = at + m.index + 1;
      const next = text.indexOf(`\n${m[1]}- `, s + 1);
      const e = next < 0 ? text.length : next + 1;
      return [{ at: s, remove: e - s, insert: '', what: 'delete a key result' }];
    }
  }
}

/** The region an edit replaced, as the editor tells it. */
function editOf(text: string, e: Edit): { start: number; oldEnd: number; newEnd: number } {
  const start = Math.min(e.at, text.length);
  return { start, oldEnd: Math.min(text.length, start + e.remove), newEnd: start + e.insert.length };
}

function apply(text: string, e: Edit): string {
  const at = Math.min(e.at, text.length);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

// Enough rounds for over 1,500 edits over the examples (the count follows their length).
const ROUNDS = 90;
const REASONS = new Map<string, number>();
const TIMES = { inc: 0 };
describe('incremental re-parse', () => {
  // 'in memory': each version's AST is at hand (an edited document). 'let go': each version has let
  // go of its AST, as a file opened after the workspace scan has (the re-parse works from the model).
  for (const mode of ['in memory', 'let go'] as const) {
  it(`equals a full parse after 1600 random edits, and takes the fast path for those inside one objective (AST ${mode})`, function () {
    this.timeout(60_000);
    const r = rng(20261120);
    let steps = 0;
    const before = { ...reparseStats };
    const start = (text: string, version: number) => {
      const d = parseOkrDocument(text, URI, version);
      if (mode === 'let go') releaseSyntaxTree(d);
      return d;
    };
    for (const fx of fixtures()) {
      let text = fx.text;
      let doc = start(text, 1);
      let version = 1;
      let sinceReset = 0;
      for (let round = 0; round < ROUNDS; round++) {
        if (sinceReset > 25) {
          // Random edits drift into garbage; start again from the fixture now and then.
          text = fx.text;
          doc = start(text, ++version);
          sinceReset = 0;
        }
        const base = { doc, text };
        for (const e of randomEdit(text, r)) {
          const next = apply(text, e);
          const what = `${e.what} at ${e.at} in ${fx.name} (step ${steps})`;
          const snapshot = steps % 25 === 0 ? ast(doc.yaml) : undefined;
          const fb = reparseStats.full;
          const t0 = performance.now();
          // A third of the steps as the server passes them: the editor's text, not one string yet
          // (EditedText: only the region around the edit is read), with its account of the change; a
          // third as a string with the account; the rest found by comparing the strings.
          const account = editOf(text, e);
          const given = steps % 3 === 0 ? new EditedText(doc.lines.textSource, account.start, account.oldEnd, e.insert) : next;
          const inc = reparseOkrDocument(doc, given, ++version, steps % 3 === 2 ? undefined : account);
          if (process.env.REPARSE_DEBUG) {
            const k = reparseStats.full > fb ? reparseStats.lastFallback : 'fast';
            REASONS.set(k, (REASONS.get(k) ?? 0) + 1);
            TIMES.inc += performance.now() - t0;
          }
          const full = parseOkrDocument(next, URI, version);
          assertSame(inc, full, what, steps % 4 === 0);
          // The previous version's AST is left as it was (features may still hold it).
          if (snapshot) same(ast(doc.yaml), snapshot, `previous AST changed by ${what}`);
          // assertSame read the new version's AST; let go of it again for the next edit.
          if (mode === 'let go') releaseSyntaxTree(inc);
          doc = inc;
          text = next;
          steps++;
          sinceReset++;
        }
        // Broken YAML makes every next edit a full parse: mostly go back, sometimes carry on.
        if (doc.yamlErrors.length > 0 && r() < 0.85) {
          doc = base.doc;
          text = base.text;
        }
      }
    }
    if (process.env.REPARSE_DEBUG) console.log(REASONS, TIMES);
    const incremental = reparseStats.incremental - before.incremental;
    const full = reparseStats.full - before.full;
    assert.equal(incremental + full, steps);
    assert.ok(steps > 1500, `only ${steps} edits`);
    // Random characters break the YAML or the list structure often (those fall back, and are
    // compared all the same); edits that stay inside one objective take the fast path.
    assert.ok(incremental > steps * 0.15, `fast path taken ${incremental} times of ${steps}`);
  });
  }

  it('re-parses the first keystroke in a file opened after the scan let go of its AST without parsing the whole file again', () => {
    const text = generateOkr(30, 5).text;
    const opts = { config: CONFIG, today: TODAY };
    // As the server has it: the scan analysed the file, let go of its AST, and the editor opened it.
    const scanned = parseOkrDocument(text, URI, 0);
    analyzeDocument(scanned, opts);
    releaseSyntaxTree(scanned);
    const opened = openedCopy(scanned, URI, 1);
    adoptAnalysis(scanned, opened);
    const at = text.indexOf('\n', text.indexOf('        title: ', text.indexOf('  - id: o15\n')));
    const typed = text.slice(0, at) + 's' + text.slice(at);
    const before = reparseStats.incremental;
    const next = reparseOkrDocument(opened, typed, 2);
    assert.equal(reparseStats.incremental, before + 1, `fell back: ${reparseStats.lastFallback}`);
    // The opened copy parses its tree once, when first read: it was not read.
    assert.equal(treeInMemory(opened), false);
    assert.equal(treeInMemory(next), false);
    same(analyzeDocument(next, opts), analyzeDocument(parseOkrDocument(typed, URI, 2), opts), 'diagnostics after the first keystroke');
    assert.equal(treeInMemory(next), false, 'the analysis of the keystroke read the whole AST');
    assertSame(next, parseOkrDocument(typed, URI, 2), 'the first keystroke');
  });

  it('takes the fast path for typing in a key result title of a generated file, and stays equal', () => {
    const text = generateOkr(20, 5).text;
    let doc = parseOkrDocument(text, URI, 1);
    const start = text.indexOf('        title: ', text.indexOf('  - id: o10\n'));
    const end = text.indexOf('\n', start);
    let current = text;
    for (const [i, ch] of [...' faster'].entries()) {
      current = current.slice(0, end + i) + ch + current.slice(end + i);
      const before = reparseStats.incremental;
      doc = reparseOkrDocument(doc, current, i + 2);
      assert.equal(reparseStats.incremental, before + 1, `fell back: ${reparseStats.lastFallback}`);
      assertSame(doc, parseOkrDocument(current, URI, i + 2), `typing '${ch}'`);
    }
  });

  it('re-parses and re-checks an edit of a text held as an EditedText without making the text one string', () => {
    const text = generateRealisticOkr(60, 5).text;
    const opts = { config: CONFIG, today: TODAY };
    let doc = parseOkrDocument(text, URI, 1);
    analyzeDocument(doc, opts);
    const title = text.indexOf('        title: ', text.indexOf('  - id: o20\n'));
    const at = text.indexOf('\n', title);
    let held: EditedText | string = text;
    let current = text;
    for (const [i, ch] of [...'er!'].entries()) {
      held = new EditedText(held, at + i, at + i, ch);
      current = current.slice(0, at + i) + ch + current.slice(at + i);
      const before = reparseStats.incremental;
      doc = reparseOkrDocument(doc, held, i + 2, { start: at + i, oldEnd: at + i, newEnd: at + i + 1 });
      assert.equal(reparseStats.incremental, before + 1, `fell back: ${reparseStats.lastFallback}`);
      const diagnostics = analyzeDocument(doc, opts);
      assert.equal(held.madeWhole, false, `typing '${ch}' made the text one string`);
      same(diagnostics, analyzeDocument(parseOkrDocument(current, URI, i + 2), opts), `diagnostics after typing '${ch}'`);
    }
    assertSame(doc, parseOkrDocument(current, URI, doc.version), 'typing in an EditedText');
    assert.equal(doc.text, current);
  });

  it('re-parses in full an objective that ends with a key with no value (the fuzzer found its end moved)', () => {
    // `npm run fuzz`, seed 180118: examples/okrs/company.okr with this edit. A whole parse lets the
    // empty value's map reach the next item's dash; the objective parsed on its own ended at its text.
    const text = fs.readFileSync(path.join(__dirname, '../../examples/okrs/company.okr'), 'utf8');
    const next = text.slice(0, 1640) + '\n          - constructor: #' + text.slice(1680);
    const doc = parseOkrDocument(text, URI, 1);
    const inc = reparseOkrDocument(doc, next, 2);
    assertSame(inc, parseOkrDocument(next, URI, 2), 'an edit ending an objective with an empty value');
    // And when the file is parsed in parts, that item sends it to a whole parse.
    assert.equal(typeof parseInChunks(next, URI, 2), 'string');
  });

  it('compares the texts when the editor\'s account of the change does not fit them', () => {
    const text = generateOkr(6, 3).text;
    const doc = parseOkrDocument(text, URI, 1);
    const at = text.indexOf('title: ', text.length / 2) + 'title: '.length;
    const next = text.slice(0, at) + 'X' + text.slice(at);
    const right = { start: at, oldEnd: at, newEnd: at + 1 };
    const full = parseOkrDocument(next, URI, 2);
    for (const wrong of [{ start: at + 40, oldEnd: at + 40, newEnd: at + 41 }, { start: at, oldEnd: at + 1, newEnd: at + 1 }, { start: -1, oldEnd: 0, newEnd: 1 }, right]) {
      assertSame(reparseOkrDocument(doc, next, 2, wrong), full, `account ${JSON.stringify(wrong)}`);
    }
  });

  it('answers the value range of a field of a map moved by an edit as its fields do, without copying them', () => {
    const text = generateOkr(6, 3).text;
    const doc = parseOkrDocument(text, URI, 1);
    // A line added to the first objective: every objective after it moves by a line.
    const at = text.indexOf('\n', text.indexOf('    title: ')) + 1;
    const edited = text.slice(0, at) + '    note: added\n' + text.slice(at);
    const next = reparseOkrDocument(doc, edited, 2);
    const full = parseOkrDocument(edited, URI, 2);
    assert.ok(next.objectives.length > 2);
    for (const [i, o] of next.objectives.entries()) {
      for (const [j, kr] of o.keyResults.entries()) {
        for (const key of ['id', 'title', 'target', 'nothing']) {
          assert.deepEqual(kr.node.fieldValueRange?.(key), full.objectives[i]!.keyResults[j]!.node.fields.get(key)?.valueRange, `${key} of ${kr.id}`);
        }
      }
    }
    const last = next.objectives[next.objectives.length - 1]!;
    const moved = last.keyResults[0]!.node as unknown as { copied?: unknown; shift?: number };
    assert.notEqual(moved.shift, undefined, 'the last objective\'s key result was moved, not parsed again');
    assert.equal(moved.copied, undefined, 'the moved map copied its fields');
  });

  it('falls back for edits outside an objective, YAML errors and anchors', () => {
    const cases: Array<[string, (t: string) => string]> = [
      ['top-level key', (t) => t.replace('team: Hand', 'team: Hands')],
      ['a new item', (t) => t.replace('- id: third', '- id: new\n  title: New\n- id: third')],
      ['an unclosed quote', (t) => t.replace("'Quoted title'", "'Quoted title")],
      ['an anchor', (t) => t.replace('title: Raise NPS', 'title: &t Raise NPS')],
      ['a tab', (t) => t.replace('  title: TBD', '  title:\tTBD')],
    ];
    for (const [name, edit] of cases) {
      const doc = parseOkrDocument(HAND, URI, 1);
      const next = edit(HAND);
      assert.notEqual(next, HAND, name);
      const before = reparseStats.full;
      const inc = reparseOkrDocument(doc, next, 2);
      assert.equal(reparseStats.full, before + 1, `${name}: expected a full parse`);
      assertSame(inc, parseOkrDocument(next, URI, 2), name);
    }
  });
});

describe('parsing a large file an objective at a time', () => {
  const opts = { config: CONFIG, today: TODAY };
  const compare = (text: string, what: string): boolean => {
    const chunked = parseInChunks(text, URI, 1);
    if (typeof chunked === 'string') return false;
    const whole = parseWhole(text, URI, 1);
    same(plain(chunked), plain(whole), `model differs: ${what}`);
    same(analyzeDocument(chunked, opts), analyzeDocument(whole, opts), `diagnostics differ: ${what}`);
    // The whole tree, when a reader asks for it, is the whole parse's.
    same(ast(chunked.yaml), ast(whole.yaml), `AST differs: ${what}`);
    return true;
  };

  it('gives the model and diagnostics of a whole parse for the examples and generated files, plain and realistic', () => {
    const texts = [...fixtures(), { name: 'generated 40x5', text: generateOkr(40, 5).text }, { name: 'realistic 30x5', text: generateRealisticOkr(30, 5).text }];
    const taken = texts.filter((fx) => compare(fx.text, fx.name)).map((fx) => fx.name);
    // The examples are written as people write them: most take the chunked path.
    assert.ok(taken.includes('generated 40x5') && taken.includes('realistic 30x5'), `chunked: ${taken.join(', ')}`);
    assert.ok(taken.length >= texts.length - 3, `only ${taken.join(', ')} of ${texts.length} were parsed in parts`);
  });

  it('gives the whole parse\'s model and diagnostics after 1,500 random edits, or declines', function () {
    this.timeout(120_000);
    const r = rng(20261205);
    let steps = 0;
    let taken = 0;
    for (const fx of fixtures()) {
      let text = fx.text;
      for (let i = 0; i < 170; i++) {
        // Random edits soon break the YAML (those are declined): start again from the file often.
        if (i % 4 === 0) text = fx.text;
        for (const e of randomEdit(text, r)) {
          text = apply(text, e);
          if (compare(text, `${e.what} in ${fx.name} (step ${steps})`)) taken++;
          steps++;
        }
      }
    }
    assert.ok(steps > 1500, `only ${steps} edits`);
    assert.ok(taken > steps * 0.15, `parsed in parts ${taken} times of ${steps}`);
  });

  /** `text` parsed in chunks (the test fails if the layout is declined). */
  const chunkedParse = (text: string): OkrDocument => {
    const chunked = parseInChunks(text, URI, 1);
    assert.notEqual(typeof chunked, 'string', String(chunked));
    return chunked as OkrDocument;
  };
  const schemaProblems = (doc: OkrDocument) => analyzeDocument(doc, opts).filter((d) => d.rule === 'schema');

  it('places schema problems the model does not hold (items that are not maps, nested values) where a whole parse does, without the whole tree', () => {
    const text = `period: 2026-Q4
team: Parts
objectives:
  - id: a
    title: Keep the lights on
    rollup_weights: {own: -1, aligned: x}
    key_results:
      - just a sentence
      - id: a-kr
        title: Cut p95 from 800 to 300 ms
        baseline: 800
        target: "300"
        links: [7, "src/a.ts"]
        checkins:
          - 2026-10-01
          - date: 2026-10-02
            value: 500
            confidence: 70
            mood: good
  - id: b
    title: Make search fast
    key_results:
      - plain words
      - id: b-kr
        title: Lift search NPS from 31 to 45
        baseline: 31
        target: 45
        confidenc: 0.5
`;
    const doc = chunkedParse(text);
    const found = schemaProblems(doc);
    // Every kind of place: an item that is not a map, a value in a nested map, a list item, a check-in
    // after one that is not a map, an unknown key; objective a's lines read again by the yaml package
    // (flow style), b's by the block reader.
    assert.ok(found.some((d) => d.range.start.line === 22 && /Item 1 of `key_results`.*plain words/.test(d.message)), found.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    assert.ok(found.length >= 8, found.map((d) => d.message).join('\n'));
    same(found, schemaProblems(parseWhole(text, URI, 1)), 'schema problems differ');
    assert.equal(treeInMemory(doc), false, 'the whole file was parsed again to place them');
  });

  it('keys named like Object properties read as the whole parse reads them', () => {
    const text = `period: 2026-Q4
objectives:
  - id: a
    title: Keep the lights on
    constructor: x
    key_results:
      - id: a-kr
        title: Cut p95 from 800 to 300 ms
        __proto__: {target: 1}
        toString: 3
        baseline: 800
        target: 300
`;
    const doc = chunkedParse(text);
    const whole = parseWhole(text, URI, 1);
    same(plain(doc), plain(whole), 'model');
    const found = schemaProblems(doc);
    assert.equal(found.length, 3, found.map((d) => d.message).join('\n'));
    same(found, schemaProblems(whole), 'schema problems differ');
    assert.equal(doc.objectives[0]!.keyResults[0]!.target, 300, 'a `__proto__` key sets nothing');
  });

  it('declines layouts a part could read differently on its own', () => {
    const base = generateOkr(3, 2).text;
    const cases: Array<[string, string]> = [
      ['an anchor', base.replace('title: ', 'title: &t ')],
      ['a tab', base.replace('  title:', '\ttitle:')],
      ['a flow list', base.replace(/objectives:\n[\s\S]*$/, 'objectives: []\n')],
      ['an item at another indentation', base.replace(/\n {2}- id: o2/, '\n - id: o2')],
      ['a value that is not a list', base.replace(/objectives:\n/, 'objectives:\n  note: x\n')],
      ['a document marker', `---\n${base}`],
    ];
    for (const [what, text] of cases) assert.equal(typeof parseInChunks(text, URI, 1), 'string', what);
  });
});
