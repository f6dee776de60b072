// okr score / report / summary / schema / rules / --help / --version.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, REPO, ensureBuilt, okr } from './helpers';

const SCORE = path.join(FIXTURES, 'score');
const WS = path.join(FIXTURES, 'workspace');
const ROLLUP = path.join(FIXTURES, 'rollup');

describe('okr score, report, summary, schema, rules', () => {
  before(ensureBuilt);

  it('score --format json: exact shape and the numbers of the formulas', () => {
    // 2026-11-15 is day 46 of the 92 days of 2026-Q4: expected 0.5.
    const r = okr(['score', '--format', 'json', '--today', '2026-11-15'], { cwd: SCORE });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json, {
      files: [
        {
          path: 'q4.okr',
          period: '2026-Q4',
          team: 'Scoring',
          score: 0.75,
          expected_score: 0.35, // what the status was judged against: 0.5 elapsed × the aspirational aim 0.7
          status: 'on-track',
          objectives: [
            {
              id: 'half-way',
              title: 'A half-way objective',
              score: 0.5,
              expected_score: 0.35,
              status: 'on-track',
              rollup: 'own',
              arithmetic: '(0.50×1 + 1×1 + 0×1) / 3 = 0.50',
              aligned: [],
              key_results: [
                { id: 'metric', title: 'Raise widgets from 0 to 10', kind: 'metric', score: 0.5, progress: 0.5, expected: 0.5, expected_score: 0.35, status: 'on-track' },
                { id: 'guard', title: 'Keep incidents at or below 3', kind: 'guardrail', score: 1, progress: null, expected: 0.5, expected_score: 0.35, status: 'on-track' },
                { id: 'milestone', title: 'Publish the widget guide by 2026-12-15', kind: 'milestone', score: 0, progress: null, expected: 0.5, expected_score: 0.35, status: 'off-track' },
                { id: 'idea', title: 'Something about widgets', kind: 'draft', score: null, progress: null, expected: 0.5, expected_score: 0.35, status: 'no-score' },
              ],
            },
            {
              id: 'beaten',
              title: 'A decreasing metric past its target',
              score: 1,
              expected_score: 0.5, // committed: aims for 1
              status: 'done',
              rollup: 'own',
              arithmetic: '(1×1) / 1 = 1',
              aligned: [],
              key_results: [{ id: 'cost', title: 'Cut cost from 100 to 50', kind: 'metric', score: 1, progress: 1.5, expected: 0.5, expected_score: 0.5, status: 'done' }],
            },
          ],
        },
      ],
    });
  });

  it('score follows --today and OKR_TODAY (expected progress and status)', () => {
    const before = JSON.parse(okr(['score', '--format', 'json', '--today', '2026-09-01'], { cwd: SCORE }).stdout);
    assert.equal(before.files[0].status, 'not-started');
    assert.equal(before.files[0].objectives[0].key_results[0].expected, 0);
    const after = JSON.parse(okr(['score', '--format', 'json'], { cwd: SCORE, env: { OKR_TODAY: '2027-01-10' } }).stdout);
    assert.equal(after.files[0].objectives[0].key_results[0].expected, 1);
    // After the period every score is final, with its grade against the aim (0.7 here).
    assert.deepEqual([after.files[0].status, after.files[0].grade], ['final', 'met']);
    const kr = after.files[0].objectives[0].key_results;
    assert.deepEqual([kr[0].status, kr[0].grade], ['final', 'partial'], '0.5 at the end of the period, aiming for 0.7');
    assert.deepEqual([kr[2].status, kr[2].grade], ['final', 'missed'], 'milestone not done after the period');
    assert.equal(kr[3].status, 'no-score', 'a draft has nothing to grade');
  });

  it('score text: a tree with score, bar, status and the expected score each status was judged against', () => {
    const r = okr(['score', '--today', '2026-11-15'], { cwd: SCORE });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^q4\.okr {2}Scoring · 2026-Q4$/m);
    assert.match(r.stdout, /^ {2}0\.75 ████████░░ on track {2}\(expected 0\.35 as of 2026-11-15: 50% of the period elapsed × aim 0\.7\)$/m);
    assert.match(r.stdout, /^ {2}0\.50 █████░░░░░ on track +exp 0\.35 +half-way +A half-way objective$/m);
    assert.match(r.stdout, /^ {4}0\.00 ░░░░░░░░░░ off track +exp 0\.35 +milestone +Publish the widget guide/m);
    // A guardrail holds or breaks and a draft has no score: no expected score judged them.
    assert.match(r.stdout, /^ {4}1\.00 ██████████ on track {14}guard +Keep incidents/m);
    assert.match(r.stdout, /^ {6}– {2}·········· no score {14}idea +Something about widgets \(draft\)$/m);
    assert.match(r.stdout, /^ {2}1\.00 ██████████ done +exp 0\.50 +beaten .*\[committed\]$/m, 'a committed objective is expected at the elapsed share');
    assert.match(r.stdout, /cost +Cut cost from 100 to 50 \(exceeded: 1\.50\)$/m);
  });

  it('score --format json lists the aligned children of each objective, counted or not', () => {
    const r = okr(['score', '--format', 'json', '--today', '2026-11-15'], { cwd: ROLLUP });
    assert.equal(r.code, 0, r.stderr);
    const files = JSON.parse(r.stdout).files as Array<{ path: string; objectives: Array<Record<string, unknown>> }>;
    const company = files.find((f) => f.path === 'company.okr')!;
    const [reliability, growth] = company.objectives;
    assert.deepEqual(reliability, {
      id: 'reliability',
      title: 'Customers can rely on us',
      score: 0.6,
      status: 'on-track',
      expected_score: 0.35,
      rollup: 'aligned',
      arithmetic: '(0.40×1 + 0.70×2) / 3 = 0.60',
      aligned: [
        { ref: 'api#uptime', title: 'Keep the API up', score: 0.4, status: 'on-track', weight: 1, counted: true },
        { ref: 'api#latency', title: 'Make the API fast', score: 0.7, status: 'on-track', weight: 2, counted: true },
        { ref: 'api#old-cache', title: 'Keep the old cache alive', score: null, status: 'dropped', weight: 1, counted: false, excluded: 'dropped' },
      ],
      key_results: [],
    });
    // Scored from its own key result; the aligned objective is listed, not counted.
    assert.equal(growth!.rollup, 'own');
    assert.equal(growth!.score, 0.5);
    assert.deepEqual(growth!.aligned, [{ ref: 'loop#c', title: 'Aligned to growth', score: 0.5, status: 'on-track', weight: 1, counted: false }]);
    const api = files.find((f) => f.path === 'teams/api.okr')!;
    const cache = api.objectives.find((o) => o.id === 'old-cache')!;
    assert.deepEqual([cache.status, cache.state, cache.reason, cache.score], ['dropped', 'dropped', 'replaced by the CDN', null]);
    // Two objectives aligned to each other: each lists the other as left out, neither scores from it.
    const loop = files.find((f) => f.path === 'teams/loop.okr')!;
    const [a, b] = loop.objectives;
    assert.deepEqual([a!.score, b!.score], [0.5, null]);
    assert.deepEqual(b!.aligned, [{ ref: 'loop#a', title: 'One side of a cycle', score: null, status: 'no-score', weight: 1, counted: false, excluded: 'cycle' }]);
  });

  it('score text lists aligned children under their parent with the rollup arithmetic', () => {
    const r = okr(['score', '--today', '2026-11-15'], { cwd: ROLLUP });
    assert.equal(r.code, 0, r.stderr);
    const company = r.stdout.slice(r.stdout.indexOf('company.okr'), r.stdout.indexOf('teams/api.okr'));
    assert.match(company, /^ {4}from aligned objectives: \(0\.40×1 \+ 0\.70×2\) \/ 3 = 0\.60$/m);
    assert.match(company, /^ {4}↳ 0\.40 ████░░░░░░ on track +api#uptime +Keep the API up$/m);
    assert.match(company, /^ {4}↳ 0\.70 .* api#latency +Make the API fast ×2$/m);
    assert.match(company, /api#old-cache +Keep the old cache alive \(dropped\)$/m);
    assert.match(company, /aligned to it \(not counted: scored from its own key results\):\n {4}↳ 0\.50 .* loop#c +Aligned to growth$/m);
    assert.match(r.stdout, /loop#a +One side of a cycle \(left out: alignment cycle\)$/m);
    assert.match(r.stdout, /old-cache +Keep the old cache alive \(dropped: replaced by the CDN\)$/m);
    // The file of last quarter is final, graded.
    assert.match(r.stdout, /^ {2}0\.80 ████████░░ final {2}\(final: aim met; the period ended\)$/m);
  });

  it('report lists aligned children and final grades', () => {
    const md = okr(['report', '--today', '2026-11-15'], { cwd: ROLLUP }).stdout;
    assert.match(md, /^\| \*\*Customers can rely on us\*\* `reliability` _\(from aligned objectives\)_ \| \*\*0\.60\*\* \|/m);
    assert.match(md, /^\| ⤷ aligned: Make the API fast `api#latency` ×2 \| 0\.70 \| 🟢 on track \| \|$/m);
    assert.match(md, /^\| ⤷ aligned: One side of a cycle `loop#a` _\(left out: alignment cycle\)_ \|/m);
    assert.match(md, /^\| ⤷ aligned: Aligned to growth `loop#c` _\(not counted\)_ \| 0\.50 \|/m);
    assert.match(md, /Score \*\*0\.80\*\* · 🟢 final, aim met/);
  });

  it('report: Markdown per file with scores, status, the expected score and warning counts', () => {
    const r = okr(['report', '--today', '2026-11-20'], { cwd: WS });
    assert.equal(r.code, 0, 'a report is not a gate');
    const md = r.stdout;
    assert.match(md, /^# OKR report$/m);
    assert.match(md, /^## `okrs\/teams\/sales\.okr`$/m);
    assert.match(md, /^\| Objective \/ key result \| Score \| Status \| Expected \|$/m);
    assert.match(md, /a status compares the score with the \*expected\* score: the share of the period elapsed × the aim \(0\.7 for aspirational objectives, 1 for committed ones\); within 0\.10 of it is on track, within 0\.25 at risk\./);
    // Aspirational: 55% of the period × 0.7.
    assert.match(md, /^\| ↳ Raise win rate from 20% to 25% `win-rate` \| 0\.40 \| .* \| 0\.39 \|$/m);
    assert.match(md, /^Score \*\*[0-9.]+\*\* · .* · expected 0\.39 \(55% of the period elapsed × aim 0\.7\) {2}$/m);
    const sales = md.slice(md.indexOf('## `okrs/teams/sales.okr`'));
    assert.match(sales, /1 error, 1 warning from `okr check`/);
    const company = md.slice(md.indexOf('## `okrs/company.okr`'), md.indexOf('## `okrs/teams'));
    assert.match(company, /0 warnings from `okr check`/);
  });

  it('summary: scores, then problems, "as of" the pinned date; exit 0 even with errors', () => {
    const r = okr(['summary', 'examples', '--today', '2026-11-20'], { cwd: REPO });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^OKRs in examples: 4 files, as of 2026-11-20$/m);
    const scores = r.stdout.indexOf('Scores');
    const problems = r.stdout.indexOf('Problems');
    assert.ok(scores > 0 && problems > scores);
    assert.match(r.stdout, /examples\/okrs\/company\.okr {2}Acme Company · 2026-Q4/);
    assert.match(r.stdout, /alignment-unresolved/, 'the misspelt aligns_to of the examples');
    assert.match(r.stdout, /✖ \d+ problems/);
  });

  it('schema: the JSON Schema of .okr files', () => {
    const r = okr(['schema']);
    assert.equal(r.code, 0);
    const schema = JSON.parse(r.stdout);
    assert.ok(schema.properties.objectives, 'objectives property');
    assert.ok(schema.required.includes('period'));
  });

  it('rules: every rule with its default severity', () => {
    const r = okr(['rules']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^kr-not-measurable +warning +\S/m);
    assert.match(r.stdout, /^kr-target-equals-baseline +error +\S/m);
    assert.match(r.stdout, /^checkin-stale +warning +\S/m);
  });

  it('--help, <cmd> --help and --version', () => {
    const help = okr(['--help']);
    assert.equal(help.code, 0);
    for (const cmd of ['check', 'score', 'report', 'summary', 'diff', 'schema', 'rules']) assert.match(help.stdout, new RegExp(`^  ${cmd}\\b`, 'm'));
    const checkHelp = okr(['check', '--help']);
    assert.equal(checkHelp.code, 0);
    assert.match(checkHelp.stdout, /--max-warnings N/);
    assert.match(okr(['help-me', '--help']).stderr, /unknown command/);
    const v = okr(['--version']);
    assert.equal(v.code, 0);
    assert.equal(v.stdout.trim(), (require('../../package.json') as { version: string }).version);
  });
});
