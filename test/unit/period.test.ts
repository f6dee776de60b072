// Periods: every written form, invalid ones, leap years, elapsed share, upcoming quarters, "today".
import * as assert from 'node:assert/strict';
import {
  daysBetween,
  elapsedShare,
  isActive,
  isValidIsoDate,
  parsePeriod,
  periodLength,
  periodsOverlap,
  periodWithin,
  todayFromEnv,
  upcomingQuarters,
  type Period,
} from '../../server/src/core/period';

describe('period', () => {
  /** check(value, "label start..end") or undefined when invalid. */
  function check(value: unknown, expected: string | undefined): void {
    const p = parsePeriod(value);
    assert.equal(p ? `${p.label} ${p.start}..${p.end}` : undefined, expected, JSON.stringify(value));
  }

  it('quarters', () => {
    check('2026-Q1', '2026-Q1 2026-01-01..2026-03-31');
    check('2026-Q2', '2026-Q2 2026-04-01..2026-06-30');
    check('2026-Q3', '2026-Q3 2026-07-01..2026-09-30');
    check('2026-Q4', '2026-Q4 2026-10-01..2026-12-31');
  });

  it('halves, years, months', () => {
    check('2026-H1', '2026-H1 2026-01-01..2026-06-30');
    check('2026-H2', '2026-H2 2026-07-01..2026-12-31');
    check('2026', '2026 2026-01-01..2026-12-31');
    check(2026, '2026 2026-01-01..2026-12-31'); // YAML reads `period: 2026` as a number
    check('2026-01', '2026-01 2026-01-01..2026-01-31');
    check('2026-04', '2026-04 2026-04-01..2026-04-30');
    check('2026-11', '2026-11 2026-11-01..2026-11-30');
    check('2026-12', '2026-12 2026-12-01..2026-12-31');
  });

  it('leap years', () => {
    check('2028-02', '2028-02 2028-02-01..2028-02-29');
    check('2026-02', '2026-02 2026-02-01..2026-02-28');
    check('2000-02', '2000-02 2000-02-01..2000-02-29');
    check('2100-02', '2100-02 2100-02-01..2100-02-28');
    check('2028-Q1', '2028-Q1 2028-01-01..2028-03-31');
    assert.equal(periodLength(parsePeriod('2028')!), 366);
    assert.equal(periodLength(parsePeriod('2026')!), 365);
    assert.equal(periodLength(parsePeriod('2028-Q1')!), 91);
    assert.equal(periodLength(parsePeriod('2026-Q1')!), 90);
    assert.equal(isValidIsoDate('2028-02-29'), true);
    assert.equal(isValidIsoDate('2026-02-29'), false);
  });

  it('{start, end}', () => {
    check({ start: '2026-10-15', end: '2027-01-14' }, '2026-10-15..2027-01-14 2026-10-15..2027-01-14');
    check({ start: '2026-10-15', end: '2026-10-15' }, '2026-10-15..2026-10-15 2026-10-15..2026-10-15');
    check({ start: '2027-01-14', end: '2026-10-15' }, undefined); // ends before it starts
    check({ start: '2026-02-30', end: '2026-03-10' }, undefined); // not a calendar date
    check({ start: '2026-10-15' }, undefined);
    check({ start: '2026-10-15', end: 20261231 }, undefined);
  });

  it('invalid forms', () => {
    for (const v of ['2026-Q5', '2026-Q0', '2026-H3', '2026-13', '2026-00', '26-Q4', 'Q4', '2026-q4', '2026 Q4', '2026-10-01', '', 'soon'])
      check(v, undefined);
    for (const v of [2026.5, null, undefined, true, [], ['2026']]) check(v, undefined);
  });

  it('elapsedShare: 0 before, a share during (today counts as elapsed), 1 on and after the last day', () => {
    const q4 = parsePeriod('2026-Q4')!; // 92 days
    const check = (today: string, expected: number) => assert.equal(elapsedShare(q4, today), expected, today);
    check('2026-01-01', 0);
    check('2026-09-30', 0);
    check('2026-10-01', 1 / 92);
    check('2026-10-02', 2 / 92);
    check('2026-11-15', 46 / 92);
    check('2026-12-30', 91 / 92);
    check('2026-12-31', 1);
    check('2027-03-01', 1);
  });

  it('elapsedShare of a one-day period', () => {
    const day: Period = parsePeriod({ start: '2026-05-05', end: '2026-05-05' })!;
    assert.equal(elapsedShare(day, '2026-05-04'), 0);
    assert.equal(elapsedShare(day, '2026-05-05'), 1);
  });

  it('isActive includes both ends', () => {
    const m = parsePeriod('2026-11')!;
    assert.deepEqual(
      ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01'].map((d) => isActive(m, d)),
      [false, true, true, false],
    );
  });

  it('daysBetween crosses months, years and leap days', () => {
    assert.equal(daysBetween('2026-10-01', '2026-10-15'), 14);
    assert.equal(daysBetween('2026-12-31', '2027-01-01'), 1);
    assert.equal(daysBetween('2028-02-28', '2028-03-01'), 2);
    assert.equal(daysBetween('2026-10-15', '2026-10-01'), -14);
  });

  it('upcomingQuarters across a year end', () => {
    assert.deepEqual(upcomingQuarters('2026-11-20', 3), ['2026-Q4', '2027-Q1', '2027-Q2']);
    assert.deepEqual(upcomingQuarters('2026-01-01', 2), ['2026-Q1', '2026-Q2']);
    assert.deepEqual(upcomingQuarters('2026-03-31', 1), ['2026-Q1']);
    assert.deepEqual(upcomingQuarters('2026-04-01', 1), ['2026-Q2']);
    assert.deepEqual(upcomingQuarters('2026-12-31', 6), ['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1']);
    assert.deepEqual(upcomingQuarters('2026-06-15', 0), []);
  });

  it('todayFromEnv: OKR_TODAY when valid, else the clock (UTC day)', () => {
    const now = new Date('2026-11-20T23:30:00Z');
    assert.equal(todayFromEnv({ OKR_TODAY: '2026-10-05' }, now), '2026-10-05');
    assert.equal(todayFromEnv({}, now), '2026-11-20');
    assert.equal(todayFromEnv({ OKR_TODAY: '' }, now), '2026-11-20');
    assert.equal(todayFromEnv({ OKR_TODAY: '2026-02-30' }, now), '2026-11-20');
    assert.equal(todayFromEnv({ OKR_TODAY: 'tomorrow' }, now), '2026-11-20');
    assert.match(todayFromEnv({}, new Date()), /^\d{4}-\d{2}-\d{2}$/);
  });

  describe('containment (a child objective\'s period within its parent\'s)', () => {
    const P = (v: unknown) => {
      const p = parsePeriod(v);
      assert.ok(p, JSON.stringify(v));
      return p;
    };
    /** within(child, parent, expected): both directions of the question are checked where they differ. */
    const within = (child: unknown, parent: unknown, expected: boolean) =>
      assert.equal(periodWithin(P(child), P(parent)), expected, `${JSON.stringify(child)} within ${JSON.stringify(parent)}`);

    it('quarters within halves and years, months within quarters, a period within itself', () => {
      within('2026-Q4', '2026-H2', true);
      within('2026-Q3', '2026-H2', true);
      within('2026-Q2', '2026-H2', false);
      within('2026-Q1', '2026', true);
      within(2026, 2026, true);
      within('2026-11', '2026-Q4', true);
      within('2026-09', '2026-Q4', false);
      within('2026-12', 2026, true);
      within('2026-Q4', '2026-Q4', true);
    });

    it('a larger period is not within a smaller one; other years are not within', () => {
      within('2026-H2', '2026-Q4', false);
      within(2026, '2026-H2', false);
      within('2026-Q4', '2025', false);
      within('2027-01', '2026-Q4', false);
    });

    it('custom ranges: inside, touching both ends, one day over either end', () => {
      within({ start: '2026-10-15', end: '2026-11-14' }, '2026-Q4', true);
      within({ start: '2026-10-01', end: '2026-12-31' }, '2026-Q4', true);
      within({ start: '2026-09-30', end: '2026-11-14' }, '2026-Q4', false);
      within({ start: '2026-10-15', end: '2027-01-01' }, '2026-Q4', false);
      within('2026-11', { start: '2026-10-15', end: '2027-01-14' }, true);
      within('2026-10', { start: '2026-10-15', end: '2027-01-14' }, false);
    });

    it('overlap: sharing one day is enough, adjacent periods do not overlap', () => {
      assert.equal(periodsOverlap(P('2026-Q3'), P('2026-Q4')), false);
      assert.equal(periodsOverlap(P({ start: '2026-09-30', end: '2026-10-01' }), P('2026-Q4')), true);
      assert.equal(periodsOverlap(P('2026-H2'), P('2026-Q4')), true);
      assert.equal(periodsOverlap(P('2025'), P('2026')), false);
    });
  });
});
