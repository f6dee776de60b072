// A title of any length is analysed in bounded time: only its first ANALYSED_CHARS characters are
// read, and the passes that were quadratic in a long run (of spaces, of amounts) are linear, so the
// cap is a second line of defence, not the only one. Each case took seconds to minutes before.
import * as assert from 'node:assert/strict';
import { ANALYSED_CHARS, analysedPart, analyzeKeyResultText, findPlaceholderIn } from '../../../server/src/core/quality';
import { splitParts } from '../../../server/src/core/quality/compound';
import { findVerbs } from '../../../server/src/core/quality/phrases';
import { extractQuantities } from '../../../server/src/core/quality/quantities';
import { tokenize, wordsBefore } from '../../../server/src/core/quality/words';
import { likeness } from '../../../server/src/core/similarity';
import { closest } from '../../../server/src/core/suggest';
import { analyzeDocument } from '../../../server/src/core/analyze';
import { mergeConfig } from '../../../server/src/core/config';
import { parseOkrDocument } from '../../../server/src/core/parse';
import { WorkspaceIndex } from '../../../server/src/core/workspace';

const MB = 1_000_000;
const repeatTo = (unit: string, n: number): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

describe('title analysis bounds', function () {
  // Generous against a loaded machine; before the fix each case ran for seconds to minutes.
  this.timeout(5_000);

  for (const unit of [' ', '1 ', '10% ', 'Improve ', 'from 1 to 2 ', 'a']) {
    it(`judges a megabyte title of ${JSON.stringify(unit)} as it judges its first ${ANALYSED_CHARS} characters`, () => {
      const title = 'Raise NPS ' + repeatTo(unit, MB);
      const head = analysedPart(title);
      assert.ok(head.length <= ANALYSED_CHARS && title.startsWith(head));
      assert.deepEqual(analyzeKeyResultText(title), analyzeKeyResultText(head));
      assert.deepEqual(findPlaceholderIn(title), findPlaceholderIn(head));
    });
  }

  it('cuts a long title before a word, never inside a number or a surrogate pair', () => {
    const title = 'x'.repeat(ANALYSED_CHARS - 3) + ' 1000 users';
    assert.equal(analysedPart(title), 'x'.repeat(ANALYSED_CHARS - 3));
    const emoji = '😀'.repeat(ANALYSED_CHARS);
    const cut = analysedPart(emoji);
    assert.equal(cut.length % 2, 0, 'no half of a surrogate pair');
    assert.equal(analysedPart('short title'), 'short title');
  });

  it('splits a title with a 200,000-space run into parts in linear time', () => {
    const text = `Ship the app${' '.repeat(200_000)}now, and cut churn; raise NPS`;
    const words = tokenize(text);
    const parts = splitParts(text, words, findVerbs(text, words), extractQuantities(text));
    assert.deepEqual(parts.map((p) => p.text.replace(/\s+/g, ' ').trim()), ['Ship the app now', 'cut churn', 'raise NPS']);
  });

  it('finds the words before an offset as a scan of every word does', () => {
    const words = tokenize('Raise weekly active users from 1,000 to 5,000 by Q3');
    for (let offset = 0; offset <= 60; offset++) {
      for (const n of [1, 4]) assert.deepEqual(wordsBefore(words, offset, n), words.filter((w) => w.end <= offset).slice(-n));
    }
  });
});

describe('did-you-mean bounds', function () {
  this.timeout(5_000);

  it('ranks candidates against a megabyte-long written id by its first characters', () => {
    const like = likeness('checkout-reliability' + 'x'.repeat(MB));
    const candidates = Array.from({ length: 200 }, (_, i) => `objective-${i}-${'y'.repeat(MB / 1000)}`);
    for (const c of candidates) assert.ok(like(c) < 1);
    assert.ok(likeness('x'.repeat(MB))('x'.repeat(MB)) === 1, 'equal ids are still equal');
  });

  it('suggests no key for a megabyte-long key, at once', () => {
    assert.equal(closest('p'.repeat(MB), ['period', 'team', 'owner', 'objectives']), undefined);
    assert.equal(closest('perod', ['period', 'team']), 'period');
  });
});

describe('whole-file analysis bounds', function () {
  // Before the caps, a 200,000-character title alone took minutes.
  this.timeout(10_000);

  for (const field of ['objective title', 'key-result title', 'objective id', 'link', 'aligns_to', 'note']) {
    it(`analyses a file whose ${field} is 200,000 characters of numbers and spaces, with every rule`, () => {
      const big = JSON.stringify('x ' + repeatTo('1 ', 200_000));
      const v = (name: string, normal: string): string => (name === field ? big : normal);
      const text = [
        'period: 2026-Q4',
        'objectives:',
        `  - id: ${v('objective id', 'o1')}`,
        `    title: ${v('objective title', 'Make checkout reliable')}`,
        `    aligns_to: ${v('aligns_to', 'company#quality')}`,
        '    key_results:',
        '      - id: k1',
        `        title: ${v('key-result title', 'Raise NPS from 31 to 45')}`,
        '        baseline: 31',
        '        target: 45',
        `        links: [${v('link', '"https://example.com"')}]`,
        `        checkins: [{date: 2026-11-01, value: 33, note: ${v('note', 'n')}}]`,
        '',
      ].join('\n');
      const index = new WorkspaceIndex('/ws');
      index.set('/ws/company.okr', parseOkrDocument('period: 2026-Q4\nobjectives:\n  - id: quality\n    title: Q\n', 'file:///ws/company.okr'));
      const doc = parseOkrDocument(text, 'file:///ws/a.okr');
      index.set('/ws/a.okr', doc);
      const found = analyzeDocument(doc, { config: mergeConfig(), today: '2026-11-20', path: '/ws/a.okr', workspace: index, fileExists: () => false });
      assert.ok(!found.some((d) => /Internal error/.test(d.message)), JSON.stringify(found.map((d) => d.message.slice(0, 80))));
    });
  }
});
