// Scoring: every formula of docs/scoring.md, the rollups, statuses and the arithmetic strings.
import * as assert from 'node:assert/strict';
import { parseOkrDocument } from '../../server/src/core/parse';
import { parsePeriod } from '../../server/src/core/period';
import {
  AIM,
  AT_RISK_GAP,
  OFF_TRACK_GAP,
  expectedScore,
  fmt,
  latestCheckin,
  scoreDocument,
  scoreKeyResult,
  scoreObjective,
  statusOf,
  type KrScore,
  type Status,
} from '../../server/src/core/scoring';
import type { KeyResult } from '../../server/src/core/model';

const Q4 = parsePeriod('2026-Q4')!; // 92 days
const MID = '2026-11-15'; // 46 of 92 days elapsed: expected 0.5

function keyResult(flow: string): KeyResult {
  const doc = parseOkrDocument(`period: 2026-Q4\nobjectives:\n  - id: o\n    key_results:\n      - {id: k, ${flow}}\n`, 'file:///s.okr');
  assert.deepEqual(doc.yamlErrors, []);
  return doc.objectives[0]!.keyResults[0]!;
}

/** check(kr fields, expected subset of the score) at MID for an aspirational objective. */
function check(flow: string, expected: Partial<KrScore>, today = MID, type: 'aspirational' | 'committed' = 'aspirational'): KrScore {
  const s = scoreKeyResult(keyResult(flow), Q4, today, type);
  const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, s[k as keyof KrScore]]));
  assert.deepEqual(actual, expected, flow);
  return s;
}

describe('scoring: key results', () => {
  it('metric, increasing', () => {
    check('baseline: 99.2, target: 99.8, current: 99.5', {
      kind: 'metric',
      current: 99.5,
      currentSource: 'current',
      baseline: 99.2,
      exceeded: false,
      arithmetic: '(99.5 - 99.2) / (99.8 - 99.2) = 0.50',
      expected: 0.5,
    });
    const s = check('baseline: 0, target: 40, current: 10', { score: 0.25, progress: 0.25, arithmetic: '(10 - 0) / (40 - 0) = 0.25' });
    assert.equal(s.status, 'on-track');
  });

  it('metric, decreasing: the same formula', () => {
    check('baseline: 800, target: 300, current: 520', { score: 0.56, progress: 0.56, arithmetic: '(520 - 800) / (300 - 800) = 0.56' });
    check('baseline: 2.4, target: 0.5, current: 2.4', { score: 0, progress: 0, arithmetic: '(2.4 - 2.4) / (0.5 - 2.4) = 0' });
  });

  it('metric: clamped to [0, 1], exceeded past the target', () => {
    const s = check('baseline: 10, target: 20, current: 25', { score: 1, progress: 1.5, exceeded: true, status: 'done' });
    assert.equal(s.arithmetic, '(25 - 10) / (20 - 10) = 1.50');
    check('baseline: 10, target: 20, current: 20', { score: 1, progress: 1, exceeded: false, status: 'done' });
    check('baseline: 10, target: 20, current: 5', { score: 0, progress: -0.5, exceeded: false, status: 'off-track' });
    check('baseline: 800, target: 300, current: 250', { score: 1, progress: 1.1, exceeded: true });
    check('baseline: 800, target: 300, current: 900', { score: 0, exceeded: false });
  });

  it('metric: negative values in parentheses', () => {
    check('baseline: -5, target: 5, current: 0', { score: 0.5, arithmetic: '(0 - (-5)) / (5 - (-5)) = 0.50' });
  });

  it('metric: current from `current`, else the latest check-in by date, else the baseline', () => {
    check('baseline: 0, target: 10, current: 4, checkins: [{date: 2026-11-01, value: 8}]', { current: 4, currentSource: 'current', score: 0.4 });
    // The latest by date, not the last in the file.
    check('baseline: 0, target: 10, checkins: [{date: 2026-11-01, value: 8}, {date: 2026-10-01, value: 2}]', { current: 8, currentSource: 'checkin', score: 0.8 });
    // A check-in without a value or date does not count.
    check('baseline: 0, target: 10, checkins: [{date: 2026-10-01, value: 3}, {date: 2026-11-01, note: x}]', { current: 3, currentSource: 'checkin' });
    check('baseline: 0, target: 10, checkins: [{date: 2026-10-01, value: 3}, {value: 9}]', { current: 3, currentSource: 'checkin' });
    check('baseline: 6, target: 10', { current: 6, currentSource: 'baseline', score: 0, progress: 0 });
  });

  it('metric: baseline 0 when not written; nothing to score without any value', () => {
    check('target: 40, current: 10', { baseline: 0, score: 0.25, arithmetic: '(10 - 0) / (40 - 0) = 0.25' });
    check('target: 40', { score: undefined, status: 'no-score', arithmetic: 'no current value, check-in or baseline yet' });
  });

  it('metric: target equals baseline is not scored', () => {
    check('baseline: 5, target: 5, current: 6', { score: undefined, status: 'no-score', arithmetic: 'target equals baseline: nothing to measure' });
  });

  it('latestCheckin: ties go to the later one in the file', () => {
    const kr = keyResult('target: 1, checkins: [{date: 2026-10-01, value: 1}, {date: 2026-10-01, value: 2}, {date: 2026-09-01, value: 3}]');
    assert.equal(latestCheckin(kr)?.value, 2);
    assert.equal(latestCheckin(keyResult('target: 1')), undefined);
    const noted = keyResult('target: 1, checkins: [{date: 2026-10-01, value: 1}, {date: 2026-10-08, note: blocked}]');
    assert.equal(latestCheckin(noted)?.note, 'blocked'); // what checkin-stale counts
    assert.equal(latestCheckin(noted, true)?.value, 1); // what scoring uses
  });

  it('guardrail at_least / at_most, inclusive', () => {
    check('guardrail: at_least, target: 99.95, current: 99.97', { kind: 'guardrail', score: 1, arithmetic: '99.97 ≥ 99.95: holds', status: 'on-track' });
    check('guardrail: at_least, target: 99.95, current: 99.95', { score: 1, arithmetic: '99.95 ≥ 99.95: holds' });
    check('guardrail: at_least, target: 99.95, current: 99.9', { score: 0, arithmetic: '99.9 ≥ 99.95: broken', status: 'off-track' });
    check('guardrail: at_most, target: 3, current: 3', { score: 1, arithmetic: '3 ≤ 3: holds' });
    check('guardrail: at_most, target: 3, current: 5', { score: 0, arithmetic: '5 ≤ 3: broken', status: 'off-track' });
    check('guardrail: at_most, target: 3, checkins: [{date: 2026-10-02, value: 2}]', { score: 1, currentSource: 'checkin' });
    check('guardrail: at_most, target: 3', { score: undefined, status: 'no-score', arithmetic: 'no current value or check-in yet' });
    check('guardrail: at_most, current: 3', { score: undefined, arithmetic: 'guardrail without a target' });
  });

  it('guardrail status: on-track while it holds, off-track when broken, final after the period', () => {
    check('guardrail: at_least, target: 1, current: 2', { status: 'final', grade: 'met' }, '2027-01-05');
    check('guardrail: at_least, target: 1, current: 2', { status: 'on-track' }, '2026-12-31');
    check('guardrail: at_least, target: 1, current: 0', { status: 'off-track' }, '2026-12-31');
    check('guardrail: at_least, target: 1, current: 0', { status: 'final', grade: 'missed' }, '2027-01-05');
    check('guardrail: at_least, target: 1, current: 2', { status: 'not-started' }, '2026-09-01');
  });

  it('milestone: 1 when done, else 0; a check-in with value true also counts', () => {
    check('done: true', { kind: 'milestone', score: 1, current: true, currentSource: 'done', arithmetic: 'done', status: 'done' });
    check('done: false', { score: 0, current: false, arithmetic: 'not done yet' });
    check('done: false, checkins: [{date: 2026-11-01, value: true}]', { score: 1, status: 'done' });
    check('done: false, checkins: [{date: 2026-11-01, value: true}, {date: 2026-11-08, note: demo given}]', { score: 1 });
    check('done: false', { status: 'on-track' }, '2026-10-10'); // early on, 0 is close enough to expected
  });

  it('draft: not scored', () => {
    check('title: Improve things', { kind: 'draft', score: undefined, status: 'no-score', arithmetic: 'draft: no target, guardrail or done field to score' });
  });

  it('no period: expected 0', () => {
    const s = scoreKeyResult(keyResult('baseline: 0, target: 10, current: 1'), undefined, MID, 'aspirational');
    assert.equal(s.expected, 0);
    assert.equal(s.status, 'on-track');
  });
});

describe('scoring: status', () => {
  // At MID expected = 0.5: aspirational needs 0.35, committed 0.5.
  function check(score: number | undefined, type: 'aspirational' | 'committed', expected: Status, today = MID): void {
    assert.equal(statusOf(score, 0.5, Q4, today, type), expected, `${score} ${type}`);
  }

  it('constants', () => {
    assert.equal(AT_RISK_GAP, 0.1);
    assert.equal(OFF_TRACK_GAP, 0.25);
    assert.deepEqual(AIM, { aspirational: 0.7, committed: 1 });
  });

  it('aspirational aims for 0.7 of the expected share', () => {
    check(1, 'aspirational', 'done');
    check(0.35, 'aspirational', 'on-track');
    check(0.26, 'aspirational', 'on-track');
    check(0.24, 'aspirational', 'at-risk');
    check(0.11, 'aspirational', 'at-risk');
    check(0.09, 'aspirational', 'off-track');
    check(0, 'aspirational', 'off-track');
  });

  it('committed aims for 1.0', () => {
    check(0.99, 'committed', 'on-track');
    check(0.4, 'committed', 'on-track');
    check(0.39, 'committed', 'at-risk');
    check(0.25, 'committed', 'at-risk');
    check(0.24, 'committed', 'off-track');
  });

  it('boundaries are inclusive on the better side', () => {
    // needed 0.5 (committed): on-track from 0.4, at-risk from 0.25.
    assert.equal(statusOf(0.4, 0.5, Q4, MID, 'committed'), 'on-track');
    assert.equal(statusOf(0.25, 0.5, Q4, MID, 'committed'), 'at-risk');
  });

  it('not-started before the period; no-score without a score', () => {
    check(0.9, 'aspirational', 'not-started', '2026-09-30');
    check(undefined, 'aspirational', 'no-score');
    assert.equal(statusOf(undefined, 0, Q4, '2026-09-30', 'aspirational'), 'not-started');
  });

  it('expectedScore is the value a status is judged against: scores either side of it and of the gaps', () => {
    assert.equal(expectedScore(0.5, 'aspirational'), 0.35);
    assert.equal(expectedScore(0.5, 'committed'), 0.5);
    // 0.33 (aspirational, expected 0.385) is on track while 0.36 (committed, expected 0.55) is at risk:
    // the numbers beside each status explain it.
    const SHARE = 0.55;
    for (const [score, type, want] of [
      [0.33, 'aspirational', 'on-track'],
      [0.36, 'committed', 'at-risk'],
    ] as const) {
      const needed = expectedScore(SHARE, type);
      assert.equal(statusOf(score, SHARE, Q4, MID, type), want, `${score} against ${needed}`);
      assert.equal(statusOf(needed - AT_RISK_GAP, SHARE, Q4, MID, type), 'on-track');
      assert.equal(statusOf(needed - AT_RISK_GAP - 0.001, SHARE, Q4, MID, type), 'at-risk');
    }
  });

  it('on the last day expected is 1: aspirational 0.6 is on track, committed 0.6 is off track', () => {
    const done = '2026-12-31';
    assert.equal(statusOf(0.6, 1, Q4, done, 'aspirational'), 'on-track');
    assert.equal(statusOf(0.5, 1, Q4, done, 'aspirational'), 'at-risk');
    assert.equal(statusOf(0.4, 1, Q4, done, 'aspirational'), 'off-track');
    assert.equal(statusOf(0.9, 1, Q4, done, 'committed'), 'on-track');
    assert.equal(statusOf(0.6, 1, Q4, done, 'committed'), 'off-track');
  });
});

describe('scoring: rollups', () => {
  function doc(lines: string[]) {
    const d = parseOkrDocument(lines.join('\n') + '\n', 'file:///r.okr');
    assert.deepEqual(d.yamlErrors, []);
    return d;
  }

  it('objective: weighted mean of the scored key results; drafts are left out', () => {
    const d = doc([
      'period: 2026-Q4',
      'objectives:',
      '  - id: o',
      '    key_results:',
      '      - {id: a, baseline: 0, target: 10, current: 5}',
      '      - {id: b, done: true, weight: 2}',
      '      - {id: c, title: draft}',
    ]);
    const s = scoreObjective(d.objectives[0]!, Q4, MID);
    assert.equal(s.score, (0.5 * 1 + 1 * 2) / 3);
    assert.equal(s.arithmetic, '(0.50×1 + 1×2) / 3 = 0.83');
    assert.equal(s.expected, 0.5);
    assert.equal(s.status, 'on-track');
    assert.deepEqual(s.keyResults.map((k) => k.score), [0.5, 1, undefined]);
  });

  it('zero weights: a weight-0 key result does not count; all zero gives no score', () => {
    const d = doc([
      'period: 2026-Q4',
      'objectives:',
      '  - id: o',
      '    key_results:',
      '      - {id: a, baseline: 0, target: 10, current: 5, weight: 0}',
      '      - {id: b, done: true}',
      '  - id: z',
      '    key_results:',
      '      - {id: a, done: true, weight: 0}',
      '  - id: e',
      '    key_results: []',
    ]);
    const o = scoreObjective(d.objectives[0]!, Q4, MID);
    assert.equal(o.score, 1);
    assert.equal(o.arithmetic, '(0.50×0 + 1×1) / 1 = 1');
    const z = scoreObjective(d.objectives[1]!, Q4, MID);
    assert.equal(z.score, undefined);
    assert.equal(z.arithmetic, 'all weights are 0');
    assert.equal(z.status, 'no-score');
    // Without key results an objective rolls up the objectives aligned to it (auto); alone there are none.
    const e = scoreObjective(d.objectives[2]!, Q4, MID);
    assert.equal(e.score, undefined);
    assert.equal(e.rollup, 'aligned');
    assert.equal(e.arithmetic, 'no aligned objectives');
  });

  it('file: weighted mean of objectives; judged as committed only when every objective is', () => {
    const lines = (typeA: string) => [
      'period: 2026-Q4',
      'objectives:',
      '  - id: a',
      `    type: ${typeA}`,
      '    weight: 3',
      '    key_results:',
      '      - {id: k, baseline: 0, target: 10, current: 3}',
      '  - id: b',
      '    type: committed',
      '    key_results:',
      '      - {id: k, baseline: 0, target: 10, current: 7}',
      '  - id: c',
      '    key_results:',
      '      - {id: k, title: draft only}',
    ];
    const mixed = scoreDocument(doc(lines('aspirational')), MID);
    assert.ok(Math.abs(mixed.score! - (0.3 * 3 + 0.7) / 4) < 1e-12);
    assert.equal(mixed.arithmetic, '(0.30×3 + 0.70×1) / 4 = 0.40');
    assert.equal(mixed.expected, 0.5);
    assert.equal(mixed.status, 'on-track'); // 0.40 >= 0.5×0.7 - 0.1
    assert.deepEqual(mixed.objectives.map((o) => o.status), ['on-track', 'on-track', 'no-score']);
    const committed = scoreDocument(doc(lines('committed').slice(0, 11)), MID);
    assert.equal(committed.status, 'at-risk'); // 0.40 < 0.5 - 0.1
    assert.deepEqual(committed.objectives.map((o) => o.status), ['at-risk', 'on-track']);
    // The expected score each status was judged against, as every view shows it.
    assert.equal(mixed.expectedScore, 0.35, 'a mixed file is judged with the aspirational aim');
    assert.deepEqual(mixed.objectives.map((o) => o.expectedScore), [0.35, 0.5, 0.35]);
    assert.deepEqual(mixed.objectives[1]!.keyResults.map((k) => k.expectedScore), [0.5]);
    assert.equal(committed.expectedScore, 0.5);
  });

  it('a file without objectives or period', () => {
    const d = scoreDocument(doc(['team: x']), MID);
    assert.equal(d.score, undefined);
    assert.equal(d.expected, 0);
    assert.equal(d.status, 'no-score');
  });

  it('fmt', () => {
    assert.equal(fmt(1), '1');
    assert.equal(fmt(0.5), '0.50');
    assert.equal(fmt(2 / 3), '0.67');
    assert.equal(fmt(2 / 3, 1), '0.7');
  });
});
