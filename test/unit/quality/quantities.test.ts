import * as assert from 'node:assert/strict';
import { extractQuantities, extractFromTo } from '../../../server/src/core/quality';
import type { Quantity } from '../../../server/src/core/quality';

/** Shorthand: the amounts (not dates/placeholders) found, as kind:value:unit. */
function amounts(text: string): string[] {
  return extractQuantities(text)
    .filter((q) => q.kind !== 'date' && q.kind !== 'placeholder')
    .map((q) => `${q.kind}:${q.value ?? ''}:${q.unit ?? ''}`);
}
function kinds(text: string): string[] {
  return extractQuantities(text).map((q: Quantity) => q.kind);
}

describe('quality/quantities', () => {
  const cases: Array<[string, string[]]> = [
    ['Raise website conversion from 1.5% to 4%', ['percent:1.5:%', 'percent:4:%']],
    ['Increase company diversity by 10 percentage points', ['percent:10:pp']],
    ['Generate $3.5M in new pipeline', ['currency:3500000:USD']],
    ['Cut cloud spend by €10k', ['currency:10000:EUR']],
    ['Budget of 250 USD per seat', ['currency:250:USD']],
    ['Reduce p95 latency from 800 ms to 300 ms', ['duration:800:ms', 'duration:300:ms']],
    ['Reduce follow-up time from 72h to 24h', ['duration:72:h', 'duration:24:h']],
    ['Resolve tickets within 3 business days', ['duration:3:d']],
    ['within two weeks of going live', ['duration:2:wk']],
    ['3x qualified pipeline coverage', ['multiplier:3:x']],
    ['IACV doubles year over year', ['multiplier:2:x', 'quantifier::cadence']],
    ['Have over 2/3 of key users report it as satisfactory', ['ratio:0.6666666666666666:']],
    ['Cut incidences from 7 out of 10 to 5 out of 10', ['ratio:0.7:', 'ratio:0.5:']],
    ['Get 10k social media reach', ['number:10000:social media reach']],
    ['Chrome reaches 20 million seven-day active users', ['number:20000000:seven-day active users']],
    ['js-ipfs can handle 1TB of data', ['number:1:TB']],
    ['Deliver five benchmarks', ['number:5:benchmarks']],
    ['Publish 12 blog posts', ['number:12:blog posts']],
    ['Grow followers from 50,000 to 75,000', ['number:50000:', 'number:75000:']],
    ['Every package has tests', ['quantifier::every']],
    ['Zero critical vulnerabilities', ['quantifier:0:zero']],
    ['One or more daemons are bootstrappers', ['quantifier:1:']],
    ['Listen to weekly episodes of podcasts', ['quantifier::cadence']],
    ['The workshop should be run at least once a year', ['quantifier::cadence']],
    ['Hire a Head of Marketing', ['number:1:Head']],
  ];
  for (const [text, expected] of cases) {
    it(`finds ${expected.join(', ') || 'nothing'} in "${text}"`, () => {
      assert.deepEqual(amounts(text), expected);
    });
  }

  const none: string[] = [
    'Keep P1 incidents low', // identifier
    'Week-1 retention of public code users grows', // metric name
    'Improve local-gpu usability instead of science-3', // name
    'js-ipfs daemons in libp2p', // glued digits
    'Track features in one place', // idiom
    'Present the roadmap at the all-hands', // not a quantifier
    'Reproduce issue #4260', // issue reference
    'Their daily web browsing', // habit, not cadence
    'Engineering Quarterly Achievers program', // a name
    'Complete the 2nd iteration', // ordinal
  ];
  for (const text of none) {
    it(`finds no amount in "${text}"`, () => assert.deepEqual(amounts(text), []));
  }

  const dates: Array<[string, string]> = [
    ['Launch by 2026-11-30', '2026-11-30'],
    ['Public MVP deployed in June', 'June'],
    ['Launch the platform by end of Q3', 'end of Q3'],
    ['Ready 2019-08.', '2019-08'],
    ['hosting costs reduced by 5% from FY24-Q2', 'FY24-Q2'],
    ['Launch by Q3 2026', 'Q3 2026'],
    ['done by the end of the quarter', 'by the end of the quarter'],
  ];
  for (const [text, date] of dates) {
    it(`reads the date '${date}' in "${text}"`, () => {
      const d = extractQuantities(text).filter((q) => q.kind === 'date').map((q) => q.text);
      assert.deepEqual(d, [date]);
    });
  }

  it('does not read "may" as a month without a preposition', () => {
    assert.deepEqual(kinds('Users may opt in'), []);
  });

  it('reports offsets into the original text', () => {
    const text = 'Reduce cost by 30%';
    const q = extractQuantities(text)[0];
    assert.equal(text.slice(q.start, q.end), '30%');
  });

  const comparators: Array<[string, Quantity['comparator']]> = [
    ['at least 2 publications', 'min'],
    ['less than 12 hours', 'max'],
    ['with <30% variance', 'max'],
    ['an average score of 4+', 'min'],
    ['85%+ of the plan', 'min'],
    ['below 1%', 'max'],
    ['about 40 users', 'approx'],
  ];
  for (const [text, cmp] of comparators) {
    it(`reads comparator ${cmp} in "${text}"`, () => {
      const q = extractQuantities(text).find((x) => x.kind !== 'date');
      assert.equal(q?.comparator, cmp);
    });
  }

  it('marks placeholder amounts', () => {
    assert.deepEqual(kinds('Increase conversion to X%'), ['placeholder']);
    assert.deepEqual(kinds('Land [N2] customers'), ['placeholder']);
  });
});

describe('quality/fromTo', () => {
  const cases: Array<[string, { baseline: number; target: number; unit?: string } | undefined]> = [
    ['Reduce p95 checkout latency from 800 ms to 300 ms', { baseline: 800, target: 300, unit: 'ms' }],
    ['Increase availability from 99.2% to 99.8%', { baseline: 99.2, target: 99.8, unit: '%' }],
    ['Increase unit test coverage to 75 % from current 45 %', { baseline: 45, target: 75, unit: '%' }],
    ['Decrease build time from avg. 5min. 40sec. to below 3min.', { baseline: 340, target: 180, unit: 's' }],
    ['Cut weekly incident count from 7 → 2.', { baseline: 7, target: 2, unit: undefined }],
    ['Reduce response time from 3 business days to 2', { baseline: 3, target: 2, unit: 'd' }],
    ['Grow social media followers from 50,000 to 75,000', { baseline: 50000, target: 75000, unit: undefined }],
    ['reduce 502 errors from 2% down to 1%', { baseline: 2, target: 1, unit: '%' }],
    ['Raise NPS from 25 to 50', { baseline: 25, target: 50, unit: undefined }],
    ['Reduce latency by 30%', undefined],
    ['Team satisfaction increases from start of year to end', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${expected ? `extracts ${expected.baseline} -> ${expected.target}` : 'finds no from-to'} in "${text}"`, () => {
      const ft = extractFromTo(text, extractQuantities(text));
      if (!expected) return assert.equal(ft, undefined);
      assert.ok(ft, 'expected a from-to');
      assert.equal(ft.baseline, expected.baseline);
      assert.equal(ft.target, expected.target);
      assert.equal(ft.unit, expected.unit);
      assert.ok(ft.start < ft.end && ft.end <= text.length);
    });
  }
});
