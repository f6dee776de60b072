import * as assert from 'node:assert/strict';
import { CHART_HEIGHT, CHART_WIDTH, expectedValue, trendChart } from '../../../server/src/shared/org/trend';
import type { OrgKeyResult } from '../../../server/src/shared/org/view';

const Q4 = { start: '2026-10-01', end: '2026-12-31' };

function kr(over: Partial<OrgKeyResult> = {}): OrgKeyResult {
  return { id: 'k', title: 'Cut errors', kind: 'metric', unit: '%', baseline: 2.4, target: 0.5, status: 'on-track', elapsed: 0.5, checkins: [], ...over };
}

const inside = (x: number, y: number) => x >= 0 && x <= CHART_WIDTH && y >= 0 && y <= CHART_HEIGHT;

describe('key result trend chart', () => {
  it('draws the straight line from baseline at the period start to target at its end, a target line, today and the value expected today', () => {
    const c = trendChart(kr({ checkins: [{ date: '2026-10-06', value: 2.1 }, { date: '2026-11-10', value: 1.2 }] }), Q4, '2026-11-16');
    assert.ok(c.pace && c.pace.y1 > c.pace.y2 === false, 'a "reduce" key result slopes down: its baseline is drawn higher (smaller y)');
    assert.ok(c.pace!.x1 < c.pace!.x2);
    assert.equal(c.target!.label, 'target 0.5%');
    assert.equal(c.target!.y, c.pace!.y2);
    assert.ok(c.today && c.today.x > c.pace!.x1 && c.today.x < c.pace!.x2);
    assert.equal(c.expected!.x, c.today!.x);
    assert.equal(c.expected!.label, 'expected today 1.45%');
    assert.equal(c.points.length, 2);
    assert.equal(c.path.split(' ').length, 2);
    assert.match(c.summary, /2 check-ins, from 2\.1% on 2026-10-06 to 1\.2% on 2026-11-10; straight line from 2\.4% on 2026-10-01 to 0\.5% on 2026-12-31; expected today 1\.45%/);
  });

  it('the expected value today lies the elapsed share of the way from baseline to target', () => {
    assert.equal(expectedValue(kr({ baseline: 10, target: 20, elapsed: 0.25 })), 12.5);
    assert.equal(expectedValue(kr({ baseline: 10, target: 20, elapsed: 1.4 })), 20, 'clamped after the period');
    assert.equal(expectedValue(kr({ kind: 'guardrail' })), undefined);
    assert.equal(expectedValue(kr({ baseline: undefined })), undefined);
  });

  it('is readable with no check-in: the lines, today and a summary saying there is none', () => {
    const c = trendChart(kr(), Q4, '2026-11-16');
    assert.deepEqual(c.points, []);
    assert.equal(c.path, '');
    assert.ok(c.pace && c.target && c.today && c.expected);
    assert.match(c.summary, /no check-ins yet/);
    assert.deepEqual(c.table, []);
  });

  it('is readable with 30 check-ins: every point inside the box, in date order, each in the table', () => {
    const checkins = Array.from({ length: 30 }, (_, i) => ({ date: `2026-${i < 15 ? '10' : '11'}-${String((i % 15) * 2 + 1).padStart(2, '0')}`, value: 2.4 - i * 0.05 }));
    const c = trendChart(kr({ checkins: [...checkins].reverse() }), Q4, '2026-11-16');
    assert.equal(c.points.length, 30);
    assert.ok(c.points.every((p) => inside(p.x, p.y)));
    assert.ok(c.points.every((p, i) => i === 0 || p.x >= c.points[i - 1]!.x), 'sorted by date');
    assert.equal(c.table.length, 30);
  });

  it('gives a guardrail its threshold and no pace line; a milestone its state and date', () => {
    const g = trendChart(kr({ kind: 'guardrail', unit: 'incidents', target: 2, baseline: undefined, checkins: [{ date: '2026-11-01', value: 3 }] }), Q4, '2026-11-16');
    assert.equal(g.pace, undefined);
    assert.equal(g.target!.label, 'threshold 2 incidents');
    assert.match(g.summary, /must hold 2 incidents/);
    const done = trendChart(kr({ kind: 'milestone', current: true, checkins: [{ date: '2026-10-20', value: false }, { date: '2026-11-04', value: true }] }), Q4, '2026-11-16');
    assert.equal(done.milestone, 'done on 2026-11-04');
    const open = trendChart(kr({ kind: 'milestone', current: false }), Q4, '2026-11-16');
    assert.equal(open.milestone, 'not done, due by 2026-12-31');
    assert.match(open.summary, /milestone not done, due by 2026-12-31/);
  });

  it('skips check-ins without a date or value it can draw, and survives a key result without period or numbers', () => {
    const c = trendChart(kr({ baseline: undefined, target: undefined, checkins: [{ date: '2026-02-31', value: 1 }, { date: '2026-11-01' }, { date: '2026-11-02', value: Number.NaN }, { date: '2026-11-03', value: 4 }] }), undefined, undefined);
    assert.equal(c.points.length, 1);
    assert.ok(inside(c.points[0]!.x, c.points[0]!.y));
    assert.equal(c.table.length, 4, 'the text alternative still lists every check-in');
  });
});
