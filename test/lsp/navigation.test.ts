// Navigation features over stdio, against the built server: symbols, folding, selection,
// definition/references, document links, semantic tokens and workspace symbols.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fixture, LspClient } from './client';

type Pos = { line: number; character: number };
type Rng = { start: Pos; end: Pos };
interface DocSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Rng;
  selectionRange: Rng;
  children?: DocSymbol[];
}
interface Location {
  uri: string;
  range: Rng;
}
interface SelectionRange {
  range: Rng;
  parent?: SelectionRange;
}
interface Legend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

const ws = (...p: string[]) => fixture('navigation', ...p);
const uriOf = (...p: string[]) => pathToFileURL(ws(...p)).toString();
const r = (sl: number, sc: number, el: number, ec: number): Rng => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const td = (uri: string) => ({ textDocument: { uri } });

describe('LSP: navigation over stdio', function () {
  let client: LspClient;
  let legend: Legend;
  let web: string;
  let company: string;

  beforeEach(async () => {
    client = new LspClient();
    const init = (await client.initialize(ws())) as { capabilities: { semanticTokensProvider: { legend: Legend } } };
    legend = init.capabilities.semanticTokensProvider.legend;
    web = (await client.open(ws('teams', 'web.okr'))).uri;
    company = (await client.open(ws('company.okr'))).uri;
  });
  afterEach(async () => client.stop());

  it('advertises every navigation capability, with a standard semantic token legend', async () => {
    const second = new LspClient();
    try {
      const res = (await second.initialize(ws())) as { capabilities: Record<string, unknown> };
      for (const cap of ['documentSymbolProvider', 'foldingRangeProvider', 'selectionRangeProvider', 'definitionProvider', 'referencesProvider', 'documentLinkProvider', 'workspaceSymbolProvider', 'semanticTokensProvider']) {
        assert.ok(res.capabilities[cap], `missing ${cap}`);
      }
    } finally {
      await second.stop();
    }
    for (const t of ['namespace', 'property', 'variable', 'number', 'string', 'keyword', 'comment', 'macro']) assert.ok(legend.tokenTypes.includes(t), t);
    assert.deepEqual(legend.tokenModifiers, ['declaration', 'readonly']);
  });

  it('document symbols: the period, objectives with score and status, their key results', async () => {
    const symbols = await client.request<DocSymbol[]>('textDocument/documentSymbol', td(company));
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['period 2026-Q4', '2026-10-01 – 2026-12-31'],
        // (0.50 + 0.36) / 2 on 2026-11-20, committed: behind the expected 0.54 by more than 0.1
        ['quality: Enhance software quality', '0.43 · at risk'],
        ['growth: Grow the customer base', '0.00 · off track'],
      ],
    );
    const quality = symbols[1]!;
    assert.equal(quality.kind, 5 /* Class */);
    assert.deepEqual(quality.selectionRange, r(5, 8, 5, 15));
    assert.equal(quality.range.start.line, 5);
    assert.ok(quality.range.end.line >= 20 && quality.range.end.line <= 21);
    assert.deepEqual(
      quality.children!.map((c) => [c.name, c.detail, c.kind]),
      [
        ['crash-free: Raise crash-free sessions from 99.2% to 99.8%', '0.50 · on track', 8],
        ['nps: Lift NPS from 31 to 45', '0.36 · at risk', 8],
      ],
    );
    assert.deepEqual(quality.children![0]!.selectionRange, r(9, 12, 9, 22));
    assert.deepEqual(symbols[0]!.selectionRange, r(2, 8, 2, 15));
  });

  it('folding ranges: objectives, key results, check-in and link lists, comment blocks', async () => {
    const webRanges = await client.request<Array<{ startLine: number; endLine: number; kind?: string }>>('textDocument/foldingRange', td(web));
    const has = (start: number, end: number) => assert.ok(webRanges.some((f) => f.startLine === start && f.endLine === end), `${start}-${end} in ${JSON.stringify(webRanges)}`);
    has(4, 28); // objective checkout
    has(7, 24); // key result errors
    has(12, 18); // links
    has(19, 24); // checkins
    has(22, 24); // one multi-line check-in
    has(29, 36); // objective signups-web
    const companyRanges = await client.request<Array<{ startLine: number; endLine: number; kind?: string }>>('textDocument/foldingRange', td(company));
    assert.ok(companyRanges.some((f) => f.startLine === 0 && f.endLine === 1 && f.kind === 'comment'), JSON.stringify(companyRanges));
  });

  it('selection ranges grow from a value to its pair, map, list item, list ... and the document', async () => {
    const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { ...td(web), positions: [{ line: 21, character: 20 }] });
    const chain: Rng[] = [];
    for (let s: SelectionRange | undefined = sel; s; s = s.parent) chain.push(s.range);
    assert.deepEqual(chain.slice(0, 4), [
      r(21, 19, 21, 22), // 2.1
      r(21, 12, 21, 22), // value: 2.1
      r(20, 12, 21, 22), // the check-in map
      r(20, 10, 21, 22), // the list item with its dash
    ]);
    const text = fs.readFileSync(ws('teams', 'web.okr'), 'utf8');
    assert.deepEqual(chain[chain.length - 1], r(0, 0, text.split('\n').length - 1, 0));
    // Each range contains the previous one.
    const before = (a: Pos, b: Pos) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    for (let i = 1; i < chain.length; i++) assert.ok(before(chain[i]!.start, chain[i - 1]!.start) && before(chain[i - 1]!.end, chain[i]!.end), `range ${i} contains ${i - 1}`);
  });

  it('definition: aligns_to (file-level and per objective) and a ref written in a note', async () => {
    const at = (line: number, character: number) => client.request<Location | null>('textDocument/definition', { ...td(web), position: { line, character } });
    assert.deepEqual(await at(2, 20), { uri: uriOf('company.okr'), range: r(5, 8, 5, 15) }); // company#quality
    assert.deepEqual(await at(31, 22), { uri: uriOf('company.okr'), range: r(21, 8, 21, 14) }); // company#growth
    assert.deepEqual(await at(24, 45), { uri: uriOf('company.okr'), range: r(9, 12, 9, 22) }); // company#quality/crash-free
    assert.equal(await at(5, 12), null); // a title
  });

  it('definition follows unsaved edits, and fails quietly on an unresolved reference', async () => {
    const text = fs.readFileSync(ws('teams', 'web.okr'), 'utf8');
    await client.change(web, text.replace('aligns_to: company#growth', 'aligns_to: company#nothing'));
    assert.equal(await client.request('textDocument/definition', { ...td(web), position: { line: 31, character: 22 } }), null);
  });

  it('references: every aligns_to in the workspace that points at an objective, and references in text', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { ...td(company), position: { line: 5, character: 10 }, context: { includeDeclaration: false } });
    assert.deepEqual(
      refs.map((l) => [l.uri, l.range]).sort(),
      [
        [uriOf('teams', 'mobile.okr'), r(5, 15, 5, 30)], // objective-level
        [uriOf('teams', 'web.okr'), r(2, 11, 2, 26)], // file-level, inherited by checkout
        [uriOf('teams', 'web.okr'), r(24, 39, 24, 65)], // a check-in note naming one of its key results
      ].sort(),
    );
    const withDecl = await client.request<Location[]>('textDocument/references', { ...td(company), position: { line: 5, character: 10 }, context: { includeDeclaration: true } });
    assert.equal(withDecl.length, 4);
    assert.ok(withDecl.some((l) => l.uri === company && l.range.start.line === 5));
    // From a reference: the references of what it names.
    const fromRef = await client.request<Location[]>('textDocument/references', { ...td(web), position: { line: 31, character: 22 }, context: { includeDeclaration: false } });
    assert.deepEqual(fromRef, [{ uri: web, range: r(31, 15, 31, 29) }]);
  });

  it('document links: file with line range, GitHub issues, tracker keys, URLs; not missing files', async () => {
    const links = await client.request<Array<{ range: Rng; target: string }>>('textDocument/documentLink', td(web));
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.target]),
      [
        [13, uriOf('src', 'retry.ts') + '#L1-L3'],
        [14, 'https://github.com/acme/shop/issues/1234'],
        [15, 'https://github.com/acme/shop/issues/1240'],
        [16, 'https://jira.example.com/browse/INFRA-42'],
        [17, 'https://status.example.com/checkout'],
      ],
    );
    assert.deepEqual(links[0]!.range, r(13, 13, 13, 34), 'the quotes are not part of the link');
  });

  it('semantic tokens: ids, references, owners, numbers with units, dates, links, suppressions', async () => {
    const { data } = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', td(web));
    assert.equal(data.length % 5, 0);
    const tokens: Array<{ line: number; char: number; length: number; type: string; mods: string[] }> = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      const [dl, dc, length, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
      line += dl;
      char = dl === 0 ? char + dc : dc;
      tokens.push({ line, char, length, type: legend.tokenTypes[type]!, mods: legend.tokenModifiers.filter((_, b) => mods & (1 << b)) });
    }
    const find = (l: number, c: number) => tokens.find((t) => t.line === l && t.char === c);
    const expect = (l: number, c: number, length: number, type: string, mods: string[] = []) =>
      assert.deepEqual(find(l, c), { line: l, char: c, length, type, mods }, `token at ${l}:${c}`);
    expect(2, 11, 15, 'namespace'); // aligns_to: company#quality
    expect(4, 8, 8, 'namespace', ['declaration']); // id: checkout
    expect(7, 12, 6, 'property', ['declaration']); // id: errors
    expect(8, 43, 4, 'number'); // 2.4% in the title
    expect(8, 59, 10, 'number', ['readonly']); // 2026-12-15 in the title
    expect(9, 15, 6, 'variable', ['readonly']); // "@lee"
    expect(10, 18, 3, 'number'); // baseline: 2.4
    expect(14, 12, 14, 'enumMember'); // acme/shop#1234
    expect(17, 12, 35, 'string'); // https://status.example.com/checkout
    expect(20, 18, 10, 'number', ['readonly']); // check-in date
    expect(24, 39, 26, 'namespace'); // company#quality/crash-free in a note
    expect(25, 8, 21, 'macro'); // okr-disable-next-line
    expect(25, 30, 21, 'keyword'); // kr-output-not-outcome
    expect(28, 14, 5, 'keyword'); // done: false
    // Sorted and non-overlapping, as the protocol requires.
    for (let i = 1; i < tokens.length; i++) {
      const a = tokens[i - 1]!;
      const b = tokens[i]!;
      assert.ok(b.line > a.line || b.char >= a.char + a.length, `token ${i} overlaps or is out of order`);
    }
  });

  it('workspace symbols: all files, container names, case-insensitive subsequence query', async () => {
    type Sym = { name: string; kind: number; containerName: string; location: Location };
    const all = await client.request<Sym[]>('workspace/symbol', { query: '' });
    assert.equal(all.length, 12, all.map((s) => s.name).join('\n')); // 5 objectives + 7 key results in 3 files
    const errors = await client.request<Sym[]>('workspace/symbol', { query: 'ChkErr' });
    assert.deepEqual(
      errors.map((s) => [s.name, s.containerName, s.location.uri, s.location.range.start.line]),
      [['errors: Reduce checkout errors from 2.4% to 0.5% by 2026-12-15', 'checkout', web, 7]],
    );
    const quality = await client.request<Sym[]>('workspace/symbol', { query: 'quality' });
    const objectives = quality.filter((s) => s.kind === 5).map((s) => [s.name, s.containerName]);
    assert.deepEqual(objectives.sort(), [
      ['app-quality: Make the app stable', 'mobile'],
      ['quality: Enhance software quality', 'company'],
    ]);
  });

  it('symbols follow unsaved edits of the open document', async () => {
    const text = fs.readFileSync(ws('teams', 'web.okr'), 'utf8');
    await client.change(web, text.replace('- id: checkout', '- id: payments'));
    const symbols = await client.request<DocSymbol[]>('textDocument/documentSymbol', td(web));
    assert.equal(symbols[1]!.name, 'payments: Make checkout reliable');
    const found = await client.request<Array<{ name: string }>>('workspace/symbol', { query: 'payments' });
    assert.deepEqual(found.map((s) => s.name), ['payments: Make checkout reliable']);
  });
});
