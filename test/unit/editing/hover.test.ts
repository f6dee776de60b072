import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseOkrDocument, WorkspaceIndex } from '../../../server/src/core';
import { hoverAt } from '../../../server/src/lsp/features/hover';
import { mdText } from '../../../server/src/shared/markdown';
import { TODAY } from './helpers';

const ROOT = path.resolve(__dirname, '..', '..', 'fixtures', 'lsp', 'editing');
const WEB = path.join(ROOT, 'teams', 'web.okr');

function setup() {
  const index = new WorkspaceIndex(ROOT);
  for (const f of ['company.okr', 'teams/web.okr']) {
    const p = path.join(ROOT, f);
    index.set(p, parseOkrDocument(fs.readFileSync(p, 'utf8'), 'file://' + p));
  }
  const doc = index.get(WEB)!;
  return { doc, index };
}

/** Hover markdown at the first occurrence of `needle` (plus `delta` characters). */
function hoverText(needle: string, delta = 1): { value: string; range: unknown } | null {
  const { doc, index } = setup();
  const at = doc.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const h = hoverAt({ doc, position: doc.lines.positionAt(at + delta), today: TODAY, config: DEFAULT_CONFIG, index, docPath: WEB });
  return h ? { value: (h.contents as { value: string }).value, range: h.range } : null;
}

describe('hover', () => {
  it('on a key result id: score, progress arithmetic, expected, status, last check-in, confidence trend, quality', () => {
    const h = hoverText('id: uptime', 6)!;
    assert.match(h.value, /Key result `uptime`/);
    assert.match(h.value, /Score \*\*0\.50\*\* · on track/);
    assert.match(h.value, /`\(99\.5 - 99\.2\) \/ \(99\.8 - 99\.2\) = 0\.50` \(current from current\)/);
    assert.match(h.value, /Expected today: 0\.39 \(55% of the period elapsed × aspirational aim 0\.7\)/);
    assert.match(h.value, /Last check-in: 2026-11-15 \(5 days ago, value 99\.5\)/);
    assert.match(h.value, /Confidence: 0\.50 → 0\.80 \(rising, 2 check-ins\)/);
    assert.match(h.value, /measurable: has target/);
    assert.deepEqual(h.range, { start: { line: 9, character: 12 }, end: { line: 9, character: 18 } });
  });

  it('on a draft key result: the quality verdict', () => {
    const h = hoverText('Cut p95')!;
    assert.match(h.value, /Key result `latency`/);
    assert.match(h.value, /Quality: measurable/);
    assert.doesNotMatch(h.value, /Progress/);
    // Why there is no score, said once (not "No score · no score").
    assert.match(h.value, /No score: draft: no target, guardrail or done field to score/);
    assert.doesNotMatch(h.value, /no score · no score/i);
  });

  it('on a vague draft: the verdict once, the fix left to the kr-not-measurable warning, no expected score', () => {
    const doc = parseOkrDocument(
      'period: 2026-Q4\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - id: k\n        title: Improve checkout observability\n',
      'file:///x.okr',
    );
    const at = doc.text.indexOf('Improve');
    const value = (hoverAt({ doc, position: doc.lines.positionAt(at + 1), today: TODAY, config: DEFAULT_CONFIG, index: undefined, docPath: '/x.okr' })!.contents as { value: string }).value;
    // VS Code shows the warning (with its fix and example) in the same hover: the card does not repeat them.
    assert.match(value, /Quality: \*\*not measurable\*\* \([^)]*vague wording[^)]*\): see the `kr-not-measurable` warning for how to fix it/);
    assert.doesNotMatch(value, /Fix:|For example/);
    // A draft has no score: an expected score would explain nothing.
    assert.doesNotMatch(value, /Expected/);
    assert.match(value, /No score: draft/);
  });

  it('on a vague draft whose warning a suppression comment silences: the card gives the fix itself, once', () => {
    const doc = parseOkrDocument(
      'period: 2026-Q4\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      # okr-disable-next-line kr-not-measurable\n      - id: k\n        title: Improve checkout observability\n',
      'file:///x.okr',
    );
    const position = doc.lines.positionAt(doc.text.indexOf('Improve') + 1);
    const value = (hoverAt({ doc, position, today: TODAY, config: DEFAULT_CONFIG, index: undefined, docPath: '/x.okr' })!.contents as { value: string }).value;
    // No warning is shown, so the card must not point at one; it gives the advice instead.
    assert.doesNotMatch(value, /see the `kr-not-measurable`/);
    assert.equal(value.match(/Fix:/g)?.length, 1);
    assert.equal(value.match(/For example/g)?.length, 1);
    // Another rule's suppression leaves the warning, and so the pointer to it.
    const other = parseOkrDocument(doc.text.replace('kr-not-measurable', 'kr-compound'), 'file:///x.okr');
    const kept = (hoverAt({ doc: other, position, today: TODAY, config: DEFAULT_CONFIG, index: undefined, docPath: '/x.okr' })!.contents as { value: string }).value;
    assert.match(kept, /see the `kr-not-measurable` warning for how to fix it/);
  });

  it('on a measurable draft with no starting value: the advice once, left to the kr-missing-baseline info', () => {
    const doc = parseOkrDocument(
      'period: 2026-Q4\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - id: k\n        title: Increase weekly active users by 20%\n',
      'file:///x.okr',
    );
    const position = doc.lines.positionAt(doc.text.indexOf('Increase') + 1);
    const card = (config: typeof DEFAULT_CONFIG): string =>
      (hoverAt({ doc, position, today: TODAY, config, index: undefined, docPath: '/x.okr' })!.contents as { value: string }).value;
    const on = card(DEFAULT_CONFIG);
    assert.match(on, /Quality: measurable: .*\(no starting value\): see the `kr-missing-baseline` info for how to fix it/);
    assert.doesNotMatch(on, /Fix:|For example/);
    // With that rule off, the card is the only place for the advice.
    const off = card({ ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'kr-missing-baseline': 'off' as const } });
    assert.match(off, /Fix: Add the starting value/);
  });

  it('on a guardrail: no expected score (it is judged on holding its line)', () => {
    const doc = parseOkrDocument(
      'period: 2026-Q4\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - id: k\n        title: Keep uptime at or above 99.9%\n        guardrail: at_least\n        target: 99.9\n        current: 99.95\n',
      'file:///x.okr',
    );
    const at = doc.text.indexOf('Keep');
    const value = (hoverAt({ doc, position: doc.lines.positionAt(at + 1), today: TODAY, config: DEFAULT_CONFIG, index: undefined, docPath: '/x.okr' })!.contents as { value: string }).value;
    assert.match(value, /Guardrail: 99\.95 ≥ 99\.9: holds/);
    assert.doesNotMatch(value, /Expected/);
  });

  it('escapes text from the file and the example rewrite, so nothing renders as markup or HTML', () => {
    assert.equal(mdText('Cut <b>p95</b> by *half* | 2 [x] #1 & more'), 'Cut \\<b\\>p95\\</b\\> by \\*half\\* \\| 2 \\[x\\] \\#1 \\& more');
    const doc = parseOkrDocument(
      'period: 2026-Q4\nowner: "@a_b"\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - id: k\n        title: Improve *checkout* observability\n',
      'file:///x.okr',
    );
    const at = doc.text.indexOf('Improve');
    // With kr-not-measurable off, the card is where the example rewrite is given.
    const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'kr-not-measurable': 'off' as const } };
    const h = hoverAt({ doc, position: doc.lines.positionAt(at + 1), today: TODAY, config, index: undefined, docPath: '/x.okr' })!;
    const value = (h.contents as { value: string }).value;
    assert.match(value, /\\<metric\\>/, 'the placeholder of the example survives rendering');
    assert.match(value, /Improve \\\*checkout\\\* observability, measured as/);
    assert.match(value, /@a\\_b/);
    assert.doesNotMatch(value, /(^|[^\\])<metric>/);
  });

  it('on a key: its schema description, then the key result', () => {
    const h = hoverText('baseline: 99.2')!;
    assert.match(h.value, /^`baseline`: The value at the start of the period\./);
    assert.match(h.value, /Key result `uptime`/);
  });

  it('on an objective: the rollup of its key results with weights and the arithmetic', () => {
    const h = hoverText('title: Make checkout reliable', 10)!;
    assert.match(h.value, /Objective `checkout`/);
    assert.match(h.value, /\| uptime \| 0\.50 \| 1 \| on track \|/);
    assert.match(h.value, /Rollup: `\(0\.50×1 \+ 0×1\) \/ 2 = 0\.25`/);
    assert.match(h.value, / · expected 0\.39 today/, 'the expected score the status was judged against (aspirational: 55% × 0.7)');
  });

  it('on the period: dates, days and share elapsed', () => {
    const h = hoverText('2026-Q4')!;
    assert.match(h.value, /Period 2026-Q4\*\*: 2026-10-01 → 2026-12-31 \(92 days\)/);
    assert.match(h.value, /day 51 of 92, 41 days left; 55% elapsed on 2026-11-20/);
  });

  it('on aligns_to: the parent objective, its owner and score; unresolved says why and what was likely meant', () => {
    const h = hoverText('company#quality')!;
    assert.match(h.value, /Aligns to\*\* `company#quality`: Enhance software quality/);
    assert.match(h.value, /owner @cto · score 0\.[0-9]+ · /);
    const { doc, index } = setup();
    const text = doc.text.replace('company#quality', 'company#qualty');
    const broken = parseOkrDocument(text, doc.uri);
    const at = text.indexOf('company#qualty');
    const u = hoverAt({ doc: broken, position: broken.lines.positionAt(at + 2), today: TODAY, config: DEFAULT_CONFIG, index, docPath: WEB })!;
    assert.match((u.contents as { value: string }).value, /unresolved: no objective 'qualty' in company/);
    assert.match((u.contents as { value: string }).value, /Did you mean `company#quality`\?/);
  });

  it('nothing on a comment or blank line', () => {
    assert.equal(hoverText('# Web team'), null);
  });

  it('after the period: final with its grade, no expected progress; a closed key result says so', () => {
    const text = [
      'period: 2026-Q3',
      'objectives:',
      '  - id: o',
      '    title: Done last quarter',
      '    key_results:',
      '      - {id: a, title: Raise a from 0 to 10, baseline: 0, target: 10, current: 5}',
      '      - {id: b, title: Raise b from 0 to 10, baseline: 0, target: 10, current: 10, status: closed, reason: hit in August}',
      '',
    ].join('\n');
    const doc = parseOkrDocument(text, 'file:///q3.okr');
    const at = (needle: string) => doc.lines.positionAt(text.indexOf(needle) + 4);
    const o = hoverAt({ doc, position: at('id: o'), today: TODAY, config: DEFAULT_CONFIG })!;
    const md = (o.contents as { value: string }).value;
    assert.match(md, /Score \*\*0\.75\*\* · final, aim met\s/);
    assert.doesNotMatch(md, /expected/);
    assert.match(md, /\| a \| 0\.50 \| 1 \| final, fell short \|/);
    const b = hoverAt({ doc, position: at('id: b'), today: TODAY, config: DEFAULT_CONFIG })!;
    assert.match((b.contents as { value: string }).value, /\*\*Closed\*\*: hit in August: its score is final and still counts\./);
  });

  it('ids and references from the file stay inside their code spans: no link, image or HTML when rendered', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new (options?: unknown) => { render(md: string): string };
    const text = [
      'period: 2026-Q4',
      'objectives:',
      '  - id: "a` <img src=x onerror=alert(1)> [l](javascript:x) `b"',
      '    title: "[click](javascript:alert(1)) ![p](https://evil.example/p.png)"',
      '    aligns_to: "c` <img src=y> `#d"',
      '    key_results:',
      '      - id: "k`<b>x</b>`"',
      '        title: Raise signups from 10 to 20',
      '        baseline: 10',
      '        target: 20',
      '',
    ].join('\n');
    const doc = parseOkrDocument(text, 'file:///ws/x.okr');
    const index = new WorkspaceIndex('/ws');
    index.set('/ws/x.okr', doc);
    for (const needle of ['"a`', '"k`', '"c`', '[click]']) {
      const h = hoverAt({ doc, position: doc.lines.positionAt(text.indexOf(needle) + 1), today: TODAY, config: DEFAULT_CONFIG, index, docPath: '/ws/x.okr' });
      const html = new MarkdownIt({ html: true }).render((h!.contents as { value: string }).value);
      assert.doesNotMatch(html, /<(a|img|b)\b/i, `${needle}: ${html}`);
    }
  });
});

