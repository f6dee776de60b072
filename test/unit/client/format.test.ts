import * as assert from 'node:assert/strict';
import { expectedText, fileTooltip, formatCheckin, keyResultTooltip, objectiveTooltip, progressArithmetic, scoreAndStatus, statusBarTooltip, statusColor, statusIcon, STATUSES, withUnit } from '../../../client/src/model/format';
import { file, kr, objective } from './fixtures';

describe('client format', () => {
  it('writes score and status as "0.62 · on track"', () => {
    assert.equal(scoreAndStatus(0.62, 'on-track'), '0.62 · on track');
    assert.equal(scoreAndStatus(1, 'done'), '1.00 · done');
    assert.equal(scoreAndStatus(undefined, 'no-score'), 'no score');
  });

  it('has a colour and an icon for every status', () => {
    for (const s of STATUSES) {
      assert.ok(statusColor(s), s);
      assert.ok(statusIcon(s), s);
    }
    assert.equal(statusColor('off-track'), 'charts.red');
    assert.equal(statusColor('at-risk'), 'charts.yellow');
    assert.equal(statusColor('on-track'), 'charts.green');
    assert.equal(statusColor('not-started'), 'disabledForeground');
  });

  it('shows the progress arithmetic of a metric', () => {
    assert.equal(progressArithmetic(kr('a', { baseline: 0, target: 12, current: 9, progress: 0.75 })), '(9 − 0) / (12 − 0) = 75%');
    assert.equal(progressArithmetic(kr('a', { baseline: 800, target: 300, current: 550, progress: 0.5 })), '(550 − 800) / (300 − 800) = 50%');
    assert.equal(progressArithmetic(kr('a', { progress: 0.4 })), '40%');
    assert.equal(progressArithmetic(kr('a', {})), undefined);
    assert.equal(progressArithmetic(kr('a', { kind: 'milestone', current: true })), 'done');
  });

  it('writes values with units as titles do: currency before, % attached, words after a space', () => {
    assert.equal(withUnit(99.95, '%'), '99.95%');
    assert.equal(withUnit(0.04, '$'), '$0.04');
    assert.equal(withUnit(120, 'k$'), '$120k', 'as in "Cut monthly cloud spend from $120k to $95k"');
    assert.equal(withUnit(120, '$k'), '$120k');
    assert.equal(withUnit(3, 'M€'), '€3M');
    assert.equal(withUnit(5, '£'), '£5');
    assert.equal(withUnit(-20, 'k$'), '-$20k');
    assert.equal(withUnit(12, 'clusters'), '12 clusters');
    assert.equal(withUnit(300, 'ms'), '300 ms');
    assert.equal(withUnit(40, 'USD'), '40 USD');
    assert.equal(withUnit(2, 'story points'), '2 story points');
    assert.equal(withUnit(1 / 3, undefined), '0.3333');
  });

  it('gives the tree no diagnostic icons: behind is not a problem in the file', () => {
    const icons = STATUSES.map(statusIcon);
    for (const diagnostic of ['warning', 'error', 'info', 'issues', 'circle-slash']) assert.ok(!icons.includes(diagnostic), `${diagnostic} is used: ${icons.join(', ')}`);
    assert.equal(new Set(icons).size, icons.length, 'each status has its own shape, so it reads without colour');
  });

  it('says which expected score a status was judged against', () => {
    assert.equal(expectedText({ expected: 0.55, expectedScore: 0.385 }), '0.39 (55% of the period elapsed × aim 0.7)');
    assert.equal(expectedText({ expected: 0.55, expectedScore: 0.55 }), '0.55 (55% of the period elapsed)');
    assert.equal(expectedText({ expected: 0, expectedScore: 0 }, ' today'), '0.00 today (0% of the period elapsed)');
  });

  it('tooltips name owner, progress, the expected score and the last check-in', () => {
    const md = keyResultTooltip(
      kr('a', {
        title: 'Cut *latency*',
        owner: '@omar',
        baseline: 0,
        target: 12,
        current: 9,
        progress: 0.75,
        score: 0.75,
        expected: 0.6,
        expectedScore: 0.42,
        unit: 'clusters',
        checkins: [
          { date: '2026-10-20', value: 4 },
          { date: '2026-11-19', value: 9, confidence: 0.8, note: 'two left' },
        ],
      }),
    );
    assert.match(md, /Cut \\\*latency\\\*/);
    assert.match(md, /Owner: @omar/);
    assert.match(md, /Progress: \(9 − 0\) \/ \(12 − 0\) = 75%/);
    assert.match(md, /Expected score today: 0\.42 \(60% of the period elapsed × aim 0\.7\)/);
    assert.doesNotMatch(keyResultTooltip(kr('g', { kind: 'guardrail' })), /Expected/, 'a guardrail is judged on its line, not on an expected score');
    assert.doesNotMatch(keyResultTooltip(kr('d', { kind: 'draft', status: 'no-score' })), /Expected/);
    assert.match(md, /Last check-in: 2026-11-19, 9 clusters, confidence 0\.8 — two left/);
    assert.match(keyResultTooltip(kr('b')), /Last check-in: none/);
  });

  it('formats check-ins and escapes markdown', () => {
    assert.equal(formatCheckin({ date: '2026-01-02', value: false }), '2026-01-02, not done');
  });

  it('the status bar and tree tooltips show team names, titles and refs from files as text, not markup', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const MarkdownIt = require('markdown-it') as new (options?: unknown) => { render(md: string): string };
    const hostile = '<img src=x onerror=alert(1)> [home](command:workbench.action.terminal.new) ![p](https://evil.example/p.png) `x`';
    const k = kr('k', { title: hostile, ref: 'x#o/k` <b>b</b> `', owner: hostile, reason: hostile, state: 'dropped' });
    const o = objective('o', [k], { title: hostile, ref: 'x#o`<b>b</b>`', alignsTo: 'c` <img src=y> `#d', owner: hostile });
    const f = file('team`<b>`', [o], { team: hostile });
    for (const [what, md] of [['status bar', statusBarTooltip(f)], ['file', fileTooltip(f)], ['objective', objectiveTooltip(o)], ['key result', keyResultTooltip(k)]] as const) {
      const html = new MarkdownIt({ html: true }).render(md);
      assert.doesNotMatch(html, /<(a|img|b)\b/i, `${what}: ${html}`);
    }
    assert.match(statusBarTooltip(f), /^\*\*\\<img src=x onerror=alert\\\(1\\\)\\> \\\[home\\\]/);
  });
});

