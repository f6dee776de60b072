// The progress panel's view model (client/src/panel/view.ts): rows, bars, value texts and the
// sparkline's coordinates, from workspace models shaped like the server's.
import * as assert from 'node:assert/strict';
import type { CheckinSummary } from '../../../server/src/shared/protocol';
import { STATUS_LABEL } from '../../../server/src/core/status';
import { buildPanelView, dayNumber, keyResultBar, keyResultView, TREND_HEIGHT, TREND_WIDTH, trendOf, type TrendView } from '../../../client/src/panel/view';
import { file, kr, model, objective } from '../client/fixtures';

const Q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
const c = (date: string, value?: number | boolean, more: Partial<CheckinSummary> = {}): CheckinSummary => ({ date, value, ...more });
/** The drawing box inside the 3-unit padding. */
const X = (share: number) => Math.round((3 + share * (TREND_WIDTH - 6)) * 10) / 10;
const Y = (share: number) => Math.round((3 + (1 - share) * (TREND_HEIGHT - 6)) * 10) / 10;
const Q4_DAYS = dayNumber('2026-12-31')! - dayNumber('2026-10-01')!;
const inQ4 = (date: string) => (dayNumber(date)! - dayNumber('2026-10-01')!) / Q4_DAYS;

function inside(t: TrendView): void {
  for (const p of t.points) {
    assert.ok(p.x >= 0 && p.x <= t.width, `x ${p.x} outside 0..${t.width}`);
    assert.ok(p.y >= 0 && p.y <= t.height, `y ${p.y} outside 0..${t.height}`);
  }
}

describe('progress panel view model', () => {
  describe('buildPanelView', () => {
    it('is loading before the first model and empty for a workspace without .okr files', () => {
      assert.deepEqual(buildPanelView(undefined), { state: 'loading', files: [] });
      assert.deepEqual(buildPanelView({ today: '2026-11-20', files: [] }), { state: 'empty', today: '2026-11-20', files: [] });
    });

    it('lists files newest period first, then by title, with every objective and key result', () => {
      const view = buildPanelView(model());
      assert.equal(view.state, 'ready');
      assert.equal(view.today, '2026-11-20');
      assert.deepEqual(
        view.files.map((f) => [f.title, f.period?.slice(0, 7)]),
        [
          ['Acme Company', '2026-Q4'],
          ['Platform', '2026-Q4'],
          ['old', '2026-Q3'],
        ],
      );
      const platform = view.files[1]!;
      assert.deepEqual(
        platform.objectives.map((o) => [o.title, o.keyResults.map((k) => k.title)]),
        [
          ['Objective upgrade', ['Key result clusters', 'Key result cost']],
          ['Objective builds', ['Key result ci']],
        ],
      );
      const keys = view.files.flatMap((f) => [f.key, ...f.objectives.flatMap((o) => [o.key, ...o.keyResults.map((k) => k.key)])]);
      assert.equal(new Set(keys).size, keys.length, 'keys are unique');
    });

    it('writes file and objective scores against the expected score the status was judged on, with the shared status labels', () => {
      const f = buildPanelView(model()).files[1]!;
      assert.equal(f.scoreText, '0.46');
      assert.equal(f.statusLabel, STATUS_LABEL['at-risk']);
      // Aspirational: 50% of the period × aim 0.7 = 0.35, not the elapsed 0.50.
      assert.equal(f.summary, 'score 0.46 · expected 0.35 today (50% of the period elapsed × aim 0.7)');
      assert.deepEqual(f.bar, { fill: 0.46, expected: 0.35, label: 'score 0.46, expected 0.35' });
      assert.equal(f.statusTitle, 'at risk: score 0.46, expected 0.35 today (50% of the period elapsed × aim 0.7)');
      assert.equal(f.period, '2026-Q4 (2026-10-01 – 2026-12-31)');
      assert.deepEqual(f.target, { uri: 'file:///ws/teams/platform.okr' });
      const o = f.objectives[0]!;
      assert.deepEqual(o.target, { uri: 'file:///ws/teams/platform.okr', objectiveId: 'upgrade' });
      assert.equal(o.statusLabel, 'at risk');
      assert.equal(o.expectedText, 'expected 0.35 today');
      const committed = buildPanelView({ today: '2026-11-20', files: [file('c', [objective('k', [], { type: 'committed', expectedScore: 0.5, score: 0.3, status: 'off-track' })])] }).files[0]!.objectives[0]!;
      assert.equal(committed.statusTitle, 'off track: score 0.30, expected 0.50 today (50% of the period elapsed)');
      assert.equal(committed.bar.expected, 0.5);
      // Without a period nothing is expected: no tick, no expected text.
      const none = buildPanelView({ today: '2026-11-20', files: [file('x', [], { score: undefined, status: 'no-score', period: undefined })] }).files[0]!;
      assert.equal(none.scoreText, '–');
      assert.equal(none.summary, 'score –');
      assert.deepEqual(none.bar, { fill: 0, expected: undefined, label: 'score: none yet' });
    });
  });

  describe('a key result row', () => {
    const f = file('web', []);
    const o = objective('o', []);

    it('shows baseline → current → target with the unit, score, status, confidence and problems', () => {
      const v = keyResultView(
        f,
        o,
        kr('errors', {
          unit: '%',
          baseline: 2.4,
          target: 0.5,
          current: 1.2,
          progress: 0.63,
          score: 0.63,
          expected: 0.55,
          expectedScore: 0.385,
          status: 'on-track',
          confidence: 0.7,
          owner: '@lee',
          problems: { errors: 1, warnings: 2 },
          checkins: [c('2026-10-06', 2.1), c('2026-11-17', 1.2, { confidence: 0.7, note: 'timeouts fixed' })],
        }),
        '2026-11-20',
      );
      assert.deepEqual(v.values, { baseline: '2.4%', current: '1.2%', target: '0.5%' });
      assert.equal(v.scoreText, '0.63');
      assert.equal(v.statusLabel, 'on track');
      assert.equal(v.expectedText, 'expected 0.39');
      assert.equal(v.statusTitle, 'on track: score 0.63, expected 0.39 today (55% of the period elapsed × aim 0.7)');
      assert.equal(v.confidenceText, '0.7');
      assert.equal(v.problemsText, '1 error, 2 warnings');
      assert.equal(v.checkinCount, 2);
      assert.equal(v.lastCheckin, '2026-11-17, 1.2%, confidence 0.7 — timeouts fixed');
      assert.deepEqual(v.target, { uri: f.uri, objectiveId: 'o', keyResultId: 'errors' });
      assert.equal(v.canCheckIn, true);
      assert.equal(v.trend?.points.length, 2);
      assert.equal(v.noTrend, undefined);
    });

    it('says when there is no check-in, or none with a value; missing numbers read "?"', () => {
      const none = keyResultView(f, o, kr('a', { target: 10 }));
      assert.equal(none.trend, undefined);
      assert.equal(none.noTrend, 'no check-ins yet');
      assert.deepEqual(none.values, { baseline: '?', current: '?', target: '10' });
      assert.equal(none.problemsText, undefined);
      const noValue = keyResultView(f, o, kr('b', { checkins: [c('2026-11-01', undefined, { note: 'blocked' })] }));
      assert.equal(noValue.noTrend, 'no check-in has a value');
    });

    it('draft key results have no bar and no check-in button; milestones and guardrails read in words', () => {
      const draft = keyResultView(f, o, kr('d', { kind: 'draft', status: 'no-score' }));
      assert.equal(draft.bar, undefined);
      assert.equal(draft.canCheckIn, false);
      assert.equal(draft.values.text, 'draft: no target to score yet');
      assert.equal(draft.statusLabel, 'no score');
      assert.equal(draft.expectedText, undefined, 'a draft is not judged against an expected score');
      assert.equal(keyResultView(f, o, kr('g', { kind: 'guardrail', score: 0, status: 'off-track' })).expectedText, undefined, 'nor is a guardrail');
      assert.equal(keyResultView(f, o, kr('m', { kind: 'milestone', current: true })).values.text, 'done');
      assert.equal(keyResultView(f, o, kr('m', { kind: 'milestone', current: false })).values.text, 'not done yet');
      assert.equal(keyResultView(f, o, kr('g', { kind: 'guardrail', unit: '%', target: 99.95, current: 99.97 })).values.text, 'keep 99.95%, now 99.97%');
    });
  });

  describe('keyResultBar', () => {
    it('fills a metric by its progress, clamped to the bar, and marks the expected score (not the elapsed share)', () => {
      // Aspirational, 55% of the period elapsed: expected 0.385. A bar short of the tick is not on track.
      assert.deepEqual(keyResultBar(kr('a', { progress: 0.58, expected: 0.55, expectedScore: 0.385 })), { fill: 0.58, expected: 0.385, label: 'progress 58%, expected 39% today' });
      assert.deepEqual(keyResultBar(kr('a', { progress: 1.3, expected: 0.55, expectedScore: 0.55 })), { fill: 1, expected: 0.55, label: 'progress 130%, expected 55% today' });
      assert.deepEqual(keyResultBar(kr('a', { progress: -0.2, expected: 1.2, expectedScore: 1.2 })), { fill: 0, expected: 1, label: 'progress -20%, expected 100% today' });
      assert.deepEqual(keyResultBar(kr('a', { expected: 0.5, expectedScore: 0.35 })), { fill: 0, expected: 0.35, label: 'progress: no value yet, expected 35% today' });
    });

    it('fills a guardrail when it holds, marks it broken when not, fills a milestone when done; a draft has none', () => {
      assert.deepEqual(keyResultBar(kr('g', { kind: 'guardrail', score: 1 })), { fill: 1, label: 'guardrail holds' });
      // Broken: a full bar marked broken (drawn red), not an empty one that reads as "nothing yet".
      assert.deepEqual(keyResultBar(kr('g', { kind: 'guardrail', score: 0 })), { fill: 1, broken: true, label: 'guardrail broken' });
      assert.deepEqual(keyResultBar(kr('g', { kind: 'guardrail' })), { fill: 0, label: 'guardrail: no value yet' });
      assert.deepEqual(keyResultBar(kr('m', { kind: 'milestone', current: true })), { fill: 1, label: 'milestone done' });
      assert.equal(keyResultBar(kr('d', { kind: 'draft' })), undefined);
    });
  });

  describe('trendOf (sparkline points)', () => {
    it('places check-ins by date over the period and by value between baseline and target', () => {
      const t = trendOf(kr('flaky', { baseline: 40, target: 5, checkins: [c('2026-10-15', 30), c('2026-11-03', 22)] }), Q4, '2026-11-20')!;
      assert.deepEqual(
        t.points.map((p) => [p.x, p.y]),
        [
          [X(inQ4('2026-10-15')), Y((30 - 5) / 35)],
          [X(inQ4('2026-11-03')), Y((22 - 5) / 35)],
        ],
      );
      assert.equal(t.path, t.points.map((p) => `${p.x},${p.y}`).join(' '));
      assert.deepEqual([t.width, t.height], [TREND_WIDTH, TREND_HEIGHT]);
      assert.equal(t.today, X(inQ4('2026-11-20')));
      assert.deepEqual(t.points.map((p) => p.date), ['2026-10-15', '2026-11-03']);
      assert.equal(t.label, 'trend: 2 check-ins, from 30 on 2026-10-15 to 22 on 2026-11-03; expected pace from 40 to 5');
    });

    it('a "reduce" key result (target below baseline): the pace line slopes down from the baseline at the start', () => {
      const t = trendOf(kr('latency', { unit: 'ms', baseline: 800, target: 300, checkins: [c('2026-11-01', 550)] }), Q4, undefined)!;
      assert.deepEqual(t.pace, { x1: X(0), y1: Y(1), x2: X(1), y2: Y(0) });
      assert.ok(t.pace!.y1 < t.pace!.y2, 'SVG y grows downwards: the line goes down');
      assert.equal(t.points[0]!.y, Y(0.5));
      assert.equal(t.today, undefined);
    });

    it('one check-in: a single dot; without a period it is centred', () => {
      const one = trendOf(kr('a', { baseline: 0, target: 10, checkins: [c('2026-11-01', 5)] }), Q4, undefined)!;
      assert.equal(one.points.length, 1);
      assert.equal(one.label, 'trend: 1 check-in, 5 on 2026-11-01; expected pace from 0 to 10');
      const centred = trendOf(kr('a', { baseline: 0, target: 10, checkins: [c('2026-11-01', 5)] }), undefined, '2026-11-01')!;
      assert.deepEqual([centred.points[0]!.x, centred.points[0]!.y], [X(0.5), Y(0.5)]);
      assert.equal(centred.pace, undefined, 'no period: no pace');
      assert.equal(centred.today, undefined);
    });

    it('milestones plot done as the top and not done as the bottom, ignoring numbers', () => {
      const t = trendOf(kr('m', { kind: 'milestone', checkins: [c('2026-10-10', false), c('2026-10-20', 3), c('2026-12-01', true)] }), Q4, undefined)!;
      assert.deepEqual(t.points.map((p) => p.y), [Y(0), Y(1)]);
      assert.equal(t.pace, undefined);
      assert.match(t.label, /from not done on 2026-10-10 to done on 2026-12-01/);
    });

    it('a metric plots booleans nowhere; none left means no trend', () => {
      assert.equal(trendOf(kr('a', { checkins: [c('2026-10-10', true)] }), Q4, undefined), undefined);
      assert.equal(trendOf(kr('a', { checkins: [] }), Q4, undefined), undefined);
    });

    it('without a baseline: the range is the values and the target, and no pace line', () => {
      const t = trendOf(kr('a', { target: 100, checkins: [c('2026-10-10', 60), c('2026-11-10', 80)] }), Q4, undefined)!;
      assert.equal(t.pace, undefined);
      assert.deepEqual(t.points.map((p) => p.y), [Y(0), Y(0.5)]);
    });

    it('values outside baseline..target widen the range, so every dot stays in the box', () => {
      const t = trendOf(kr('a', { baseline: 10, target: 20, checkins: [c('2026-10-10', 5), c('2026-11-10', 30)] }), Q4, undefined)!;
      inside(t);
      assert.deepEqual(t.points.map((p) => p.y), [Y(0), Y(1)]);
      assert.deepEqual([t.pace!.y1, t.pace!.y2], [Y(0.2), Y(0.6)]);
    });

    it('check-ins outside the period widen the time span; dates are sorted, invalid ones skipped', () => {
      const t = trendOf(kr('a', { baseline: 0, target: 10, checkins: [c('2027-01-31', 9), c('2026-09-01', 1), c('2026-02-31', 4), c('not a date', 4)] }), Q4, '2026-11-20')!;
      inside(t);
      assert.deepEqual(t.points.map((p) => p.date), ['2026-09-01', '2027-01-31']);
      assert.deepEqual(t.points.map((p) => p.x), [X(0), X(1)]);
      assert.ok(t.pace!.x1 > X(0) && t.pace!.x2 < X(1), 'the pace spans only the period');
    });

    it('equal values with no baseline or target sit in the middle', () => {
      const t = trendOf(kr('a', { checkins: [c('2026-10-10', 7), c('2026-11-10', 7)] }), Q4, undefined)!;
      assert.deepEqual(t.points.map((p) => p.y), [Y(0.5), Y(0.5)]);
      const zero = trendOf(kr('a', { checkins: [c('2026-10-10', 0)] }), Q4, undefined)!;
      assert.equal(zero.points[0]!.y, Y(0.5));
    });

    it('a guardrail draws the line it must hold', () => {
      const t = trendOf(kr('g', { kind: 'guardrail', unit: '%', target: 95, checkins: [c('2026-10-10', 97), c('2026-11-10', 93)] }), Q4, undefined)!;
      assert.equal(t.threshold, Y(0.5));
      assert.equal(t.pace, undefined);
      assert.match(t.label, /must hold 95%$/);
    });

    it('each dot carries its date, value, confidence and note for the tooltip', () => {
      const t = trendOf(kr('a', { unit: '%', checkins: [c('2026-10-06', 2.1, { confidence: 0.6, note: 'retry shipped' })] }), Q4, undefined)!;
      assert.equal(t.points[0]!.text, '2026-10-06, 2.1%, confidence 0.6 — retry shipped');
    });
  });
});
