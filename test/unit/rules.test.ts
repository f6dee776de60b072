// Every rule of the registry: a firing and a non-firing case, with rule id, severity, message and
// the precise range; severities from the configuration; suppression comments; a throwing rule.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeDocument, type AnalyzeOptions } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import { parseOkrDocument } from '../../server/src/core/parse';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import { RULES, RULE_IDS, ruleById } from '../../server/src/core/rules';
import type { OkrDiagnostic } from '../../server/src/core/diagnostics';
import type { OkrConfigInput } from '../../server/src/core/schema';

const TODAY = '2026-10-05'; // early in 2026-Q4: no check-in is stale yet
const ROOT = path.resolve('/ws');
const FILE = path.join(ROOT, 'okrs', 'team.okr');

/** A clean file: no rule fires on it. Cases below edit a copy of it. */
const CLEAN = [
  'period: 2026-Q4', // 0
  'owner: "@dana"', // 1
  'objectives:', // 2
  '  - id: reliability', // 3
  '    title: Make checkout boringly reliable', // 4
  '    key_results:', // 5
  '      - id: crash-free', // 6
  '        title: Raise crash-free sessions from 99.2% to 99.8%', // 7
  '        baseline: 99.2', // 8
  '        target: 99.8', // 9
  '      - id: latency', // 10
  '        title: Reduce p95 latency from 800 ms to 300 ms', // 11
  '        baseline: 800', // 12
  '        target: 300', // 13
];

/** CLEAN with lines replaced: edit(CLEAN, {7: 'new line'}) or inserted with fractional keys (7.5). */
function edit(lines: string[], changes: Record<number, string | string[] | null>): string[] {
  const out: string[] = [];
  const inserts = Object.entries(changes).filter(([k]) => !Number.isInteger(Number(k)));
  lines.forEach((line, i) => {
    const c = i in changes ? changes[i] : line;
    if (c !== null && c !== undefined) out.push(...(Array.isArray(c) ? c : [c]));
    for (const [k, v] of inserts) if (Math.floor(Number(k)) === i && v !== null) out.push(...(Array.isArray(v) ? v : [v]));
  });
  return out;
}

interface Opts {
  config?: OkrConfigInput;
  today?: string;
  workspace?: WorkspaceIndex;
  fileExists?: AnalyzeOptions['fileExists'];
  path?: string | null;
}

function run(text: string | string[], opts: Opts = {}): OkrDiagnostic[] {
  const t = Array.isArray(text) ? text.join('\n') + '\n' : text;
  return analyzeDocument(parseOkrDocument(t, 'file:///ws/okrs/team.okr'), {
    config: mergeConfig(opts.config),
    today: opts.today ?? TODAY,
    path: opts.path === null ? undefined : (opts.path ?? FILE),
    workspace: opts.workspace,
    fileExists: opts.fileExists,
  });
}

function show(d: OkrDiagnostic): string {
  const r = d.range;
  return `${d.rule} ${d.severity} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.message}`;
}

/**
 * check(text, rule, ["severity L:C-L:C message-fragment", ...]): the diagnostics of that rule, in order.
 * An empty list is the non-firing case.
 */
function check(text: string | string[], rule: string, expected: string[], opts: Opts = {}): OkrDiagnostic[] {
  const diags = run(text, opts).filter((d) => d.rule === rule);
  const shown = diags.map(show);
  assert.equal(diags.length, expected.length, `${rule}:\n${shown.join('\n')}`);
  expected.forEach((e, i) => {
    const [severity, range, ...words] = e.split(' ');
    const prefix = `${rule} ${severity} ${range} `;
    assert.ok(shown[i]!.startsWith(prefix), `expected "${prefix}…", got "${shown[i]}"`);
    assert.ok(shown[i]!.includes(words.join(' ')), `"${shown[i]}" should contain "${words.join(' ')}"`);
    assert.equal(diags[i]!.docsUrl.endsWith(`/docs/rules/${rule}.md`), true);
  });
  return diags;
}

describe('rules', () => {
  it('the clean file has no diagnostics at all', () => {
    assert.deepEqual(run(CLEAN).map(show), []);
    assert.deepEqual(run(CLEAN, { today: '2026-12-20' }).filter((d) => d.rule !== 'checkin-stale').map(show), []);
  });

  it('registry: unique ids, a description, a valid default severity', () => {
    assert.equal(new Set(RULE_IDS).size, RULE_IDS.length);
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(-[a-z]+)*$/);
      assert.ok(r.description.length > 10, r.id);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(r.defaultSeverity), r.id);
      assert.equal(ruleById(r.id), r);
    }
    assert.equal(ruleById('nope'), undefined);
  });

  it('default severities as the issue lists them', () => {
    const expected: Record<string, string> = {
      'yaml-syntax': 'error',
      schema: 'error',
      'duplicate-id': 'error',
      'kr-not-measurable': 'warning',
      'kr-output-not-outcome': 'info',
      'kr-missing-baseline': 'info',
      'kr-target-equals-baseline': 'error',
      'kr-direction-mismatch': 'warning',
      'kr-compound': 'info',
      'too-many-objectives': 'warning',
      'too-many-key-results': 'warning',
      'too-few-key-results': 'info',
      'missing-owner': 'info',
      'objective-has-metric': 'hint',
      'checkin-stale': 'warning',
      'checkin-future': 'warning',
      'target-moved': 'warning',
      'baseline-moved': 'warning',
      'placeholder-text': 'warning',
      'alignment-unresolved': 'warning',
      'alignment-cycle': 'error',
      'period-mismatch': 'warning',
      'link-broken': 'warning',
      'link-unresolvable': 'info',
      'link-outside-workspace': 'warning',
      'unknown-okr-tag': 'warning',
      'unused-suppression': 'hint',
    };
    assert.deepEqual(Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])), expected);
  });

  describe('yaml-syntax', () => {
    it('fires on broken YAML', () => {
      // The yaml package reports an unclosed quote as a point where the input ends; the parser widens
      // it to the last line with content, and a duplicate key to the whole key.
      check(edit(CLEAN, { 7: '        title: "Raise crash-free sessions' }), 'yaml-syntax', ['error 13:8-13:19 YAML: Missing closing "quote']);
      check('period: 2026\nperiod: 2027\nobjectives: []\n', 'yaml-syntax', ['error 1:0-1:6 YAML: Map keys must be unique']);
    });
    it('does not fire on valid YAML', () => check(CLEAN, 'yaml-syntax', []));
  });

  describe('schema', () => {
    it('unknown key with did-you-mean, at the key', () => {
      const d = check(edit(CLEAN, { 8: '        basline: 99.2' }), 'schema', ["error 8:8-8:15 Unknown key 'basline' in a key result. Did you mean 'baseline'?"]);
      assert.deepEqual(d[0]!.data, { kind: 'rename-key', from: 'basline', to: 'baseline' });
      check(edit(CLEAN, { 1: 'zzz: 1' }), 'schema', ["error 1:0-1:3 Unknown key 'zzz' in the file. Known keys: $schema, period, team"]);
    });
    it('wrong type, at the value', () => {
      check(edit(CLEAN, { 9: '        target: high' }), 'schema', ['error 9:16-9:20 `target` must be a number, not the text "high".']);
      check(edit(CLEAN, { 9: '        target: [1]' }), 'schema', ['error 9:16-9:19 `target` must be a number, not a list.']);
    });
    it('missing required key, on the first line of its map', () => {
      check(edit(CLEAN, { 4: null }), 'schema', ["error 3:4-3:19 Missing required key 'title' in an objective 'reliability'."]);
      check(CLEAN.slice(1), 'schema', ["error 0:0-0:14 Missing required key 'period' in the file."]);
    });
    it('bad enum value with did-you-mean', () => {
      const d = check(edit(CLEAN, { 4.5: '    type: comitted' }), 'schema', ["error 5:10-5:18 `type` is 'comitted'; it must be one of 'aspirational', 'committed'. Did you mean 'committed'?"]);
      assert.deepEqual(d[0]!.data, { kind: 'replace-value', with: 'committed' });
    });
    it('bad period, bad slug, out of range', () => {
      check(edit(CLEAN, { 0: 'period: 2026-Q5' }), 'schema', ['error 0:8-0:15 `period` must be YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM or {start: YYYY-MM-DD, end: YYYY-MM-DD}.']);
      check(edit(CLEAN, { 3: '  - id: Reliability' }), 'schema', ['error 3:8-3:19 `id` must be a slug']);
      check(edit(CLEAN, { 9.5: '        confidence: 1.5' }), 'schema', ['error 10:20-10:23 `confidence` must be at most 1.']);
    });
    it('dates that do not exist, periods that end before they start', () => {
      check(edit(CLEAN, { 0: 'period: {start: 2026-12-31, end: 2026-10-01}' }), 'schema', ['error 0:8-0:44 `period` ends (2026-10-01) before it starts (2026-12-31).']);
      check(edit(CLEAN, { 9.5: ['        checkins:', '          - {date: 2026-02-30, value: 99.3}'] }), 'schema', ['error 11:19-11:29 2026-02-30 is not a calendar date.']);
    });
    it('a key result of two kinds, a guardrail without target', () => {
      check(edit(CLEAN, { 9.5: '        done: false' }), 'schema', ['error 10:8-10:12 not two at once']);
      check(edit(CLEAN, { 13: '        guardrail: at_most' }), 'schema', ['error 13:8-13:17 A guardrail needs a `target` to hold against.']);
    });
    it('an empty file, a list, a scalar', () => {
      check('', 'schema', ['error 0:0-0:0 Empty file: an .okr file needs `period` and `objectives`']);
      check('- a\n- b\n', 'schema', ['error 0:0-2:0 An .okr file is a YAML map']);
      check('hello\n', 'schema', ['error 0:0-0:5 An .okr file is a YAML map']);
    });
    it('does not fire on a valid file, nor on top of a YAML error without a map', () => {
      check(CLEAN, 'schema', []);
      check('[', 'schema', []);
    });
  });

  describe('duplicate-id', () => {
    it('fires on the second objective or key-result id', () => {
      check(edit(CLEAN, { 10: '      - id: crash-free' }), 'duplicate-id', ["error 10:12-10:22 Duplicate key result id 'crash-free' (first used on line 7)"]);
      const twice = [...CLEAN, ...CLEAN.slice(3)];
      check(twice, 'duplicate-id', ["error 14:8-14:19 Duplicate objective id 'reliability' (first used on line 4); references would be ambiguous."]);
    });
    it('does not fire on the same key-result id in two objectives', () => {
      check([...CLEAN, ...edit(CLEAN, { 3: '  - id: other' }).slice(3)], 'duplicate-id', []);
    });
  });

  describe('kr-not-measurable', () => {
    it('fires on a draft whose title cannot be graded', () => {
      check(edit(CLEAN, { 7: '        title: Improve things', 8: null, 9: null }), 'kr-not-measurable', ["warning 7:15-7:29 Key result is not measurable: 'Improve' promises a change but gives no amount."]);
    });
    it('does not fire on a structured key result or a measurable draft', () => {
      check(edit(CLEAN, { 7: '        title: Improve things' }), 'kr-not-measurable', []);
      check(edit(CLEAN, { 8: null, 9: null }), 'kr-not-measurable', []);
    });
  });

  describe('kr-output-not-outcome', () => {
    it('fires on a task, at the verb', () => {
      check(edit(CLEAN, { 7: '        title: Launch the new onboarding flow', 8: null, 9: '        done: false' }), 'kr-output-not-outcome', ['info 7:15-7:21 This milestone is a task']);
      check(edit(CLEAN, { 7: '        title: "Publish 40 knowledge-base articles"' }), 'kr-output-not-outcome', ['info 7:16-7:23 This reads as an output or activity, not an outcome']);
    });
    it('does not fire on an outcome', () => check(CLEAN, 'kr-output-not-outcome', []));
  });

  describe('kr-missing-baseline', () => {
    it('fires on a metric without baseline, at `target`', () => {
      check(edit(CLEAN, { 8: null }), 'kr-missing-baseline', ['info 8:8-8:14 No `baseline`: progress is measured from 0. Add the value at the start of the period (e.g. `baseline: 79.84`).']);
    });
    it('fires on a draft that gives a target without a start', () => {
      check(edit(CLEAN, { 11: '        title: Reduce p95 latency to 300 ms', 12: null, 13: null }), 'kr-missing-baseline', ['info 11:15-11:43 The target has no starting value']);
    });
    it('does not fire with a baseline, a from-to draft, a guardrail or a milestone', () => {
      check(CLEAN, 'kr-missing-baseline', []);
      check(edit(CLEAN, { 12: null, 13: null }), 'kr-missing-baseline', []);
      check(edit(CLEAN, { 12: '        guardrail: at_most' }), 'kr-missing-baseline', []);
    });
  });

  describe('kr-target-equals-baseline', () => {
    it('fires when target equals baseline, at the target value', () => {
      check(edit(CLEAN, { 9: '        target: 99.2' }), 'kr-target-equals-baseline', ['error 9:16-9:20 Target equals baseline (99.2): nothing to achieve. To hold a level, make it a guardrail']);
    });
    it('does not fire on a guardrail or different values', () => {
      check(CLEAN, 'kr-target-equals-baseline', []);
      check(edit(CLEAN, { 8: '        guardrail: at_least', 9: '        target: 99.2' }), 'kr-target-equals-baseline', []);
    });
  });

  describe('kr-direction-mismatch', () => {
    it('fires when the words and the numbers disagree', () => {
      check(edit(CLEAN, { 12: '        baseline: 300', 13: '        target: 800' }), 'kr-direction-mismatch', ['warning 13:16-13:19 The title says decrease, but the target (800) is above the baseline (300). Swap them or fix the title.']);
      check(edit(CLEAN, { 8: '        baseline: 99.8', 9: '        target: 99.2' }), 'kr-direction-mismatch', ['warning 9:16-9:20 The title says increase, but the target (99.2) is below the baseline (99.8).']);
    });
    it('does not fire when they agree, or without a baseline', () => {
      check(CLEAN, 'kr-direction-mismatch', []);
      check(edit(CLEAN, { 12: null, 13: '        target: 800' }), 'kr-direction-mismatch', []);
    });
  });

  describe('kr-compound', () => {
    it('fires on several results in one, at the title', () => {
      check(edit(CLEAN, { 7: '        title: Raise NPS from 31 to 45 and cut churn from 5% to 3%' }), 'kr-compound', ['info 7:15-7:66 This key result holds several results']);
    });
    it('does not fire on one result', () => check(CLEAN, 'kr-compound', []));
  });

  const objective = (id: string, krs = 2) => [
    `  - id: ${id}`,
    `    title: Objective ${id}`,
    '    key_results:',
    ...Array.from({ length: krs }, (_, i) => [`      - id: k${i}`, `        title: Raise signups from ${i * 10} to ${i * 10 + 5} per week`, `        baseline: ${i * 10}`, `        target: ${i * 10 + 5}`]).flat(),
  ];
  const file = (...objectives: string[][]) => ['period: 2026-Q4', 'owner: "@dana"', 'objectives:', ...objectives.flat()];

  describe('too-many-objectives', () => {
    it('fires above the limit, at `objectives`', () => {
      const six = file(...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => objective(id)));
      check(six, 'too-many-objectives', ['warning 2:0-2:10 6 objectives; at most 5 keep a team focused. Drop or merge 1.']);
      check(file(...['a', 'b', 'c', 'd', 'e'].map((id) => objective(id))), 'too-many-objectives', []);
      check(six, 'too-many-objectives', [], { config: { limits: { maxObjectives: 6 } } });
      check(file(objective('a'), objective('b')), 'too-many-objectives', ['warning 2:0-2:10 2 objectives; at most 1'], { config: { limits: { maxObjectives: 1 } } });
    });
  });

  describe('too-many-key-results', () => {
    it('fires above the limit, at `key_results`', () => {
      check(file(objective('a', 6)), 'too-many-key-results', ["warning 5:4-5:15 6 key results in 'a'; at most 5 keep it gradable."]);
      check(file(objective('a', 5)), 'too-many-key-results', []);
      check(file(objective('a', 6)), 'too-many-key-results', [], { config: { limits: { maxKeyResults: 6 } } });
    });
  });

  describe('too-few-key-results', () => {
    it('fires below the limit, at `key_results` or the id', () => {
      check(file(objective('a', 1)), 'too-few-key-results', ["info 5:4-5:15 Only 1 key result in 'a'; 2 or more show from several sides that it is met."]);
      check(file(['  - id: a', '    title: A']), 'too-few-key-results', ["info 3:8-3:9 No key results in 'a'"]);
    });
    it('does not fire at the limit', () => {
      check(file(objective('a', 2)), 'too-few-key-results', []);
      // Scored from the objectives aligned to it by choice, or dropped: no key results needed.
      check(file(['  - id: a', '    title: A', '    rollup: aligned']), 'too-few-key-results', []);
      check(file(['  - id: a', '    title: A']), 'too-few-key-results', [], { config: { scoring: { rollup: 'aligned' } } });
      check(file(['  - id: a', '    title: A', '    status: dropped']), 'too-few-key-results', []);
      check(file(objective('a', 1)), 'too-few-key-results', [], { config: { limits: { minKeyResults: 1 } } });
    });
  });

  describe('missing-owner', () => {
    it('fires on a key result and an objective with no owner anywhere', () => {
      const d = check(edit(CLEAN, { 1: null }), 'missing-owner', [
        "info 5:12-5:22 No owner for key result 'crash-free': someone must be accountable.",
        "info 9:12-9:19 No owner for key result 'latency'",
        "info 2:8-2:19 No owner for objective 'reliability'. Add `owner: \"@name\"`.",
      ].sort((a, b) => Number(a.split(' ')[1]!.split(':')[0]) - Number(b.split(' ')[1]!.split(':')[0])));
      assert.deepEqual(d[0]!.data, { kind: 'add-owner' });
    });
    it('does not fire when the file, the objective or every key result has an owner', () => {
      check(CLEAN, 'missing-owner', []);
      check(edit(CLEAN, { 1: null, 4.5: '    owner: "@lee"' }), 'missing-owner', []);
      check(edit(CLEAN, { 1: null, 6.5: '        owner: "@a"', 10.5: '        owner: "@b"' }), 'missing-owner', []);
    });
  });

  describe('objective-has-metric', () => {
    it('fires on a number in the objective title, at the number', () => {
      check(edit(CLEAN, { 4: '    title: Cut checkout errors to 0.5%' }), 'objective-has-metric', ['hint 4:34-4:38 Objectives are qualitative']);
      check(edit(CLEAN, { 4: '    title: Serve 300 more merchants' }), 'objective-has-metric', ['hint 4:17-4:20']);
      // A version does not hide a real number after it.
      check(edit(CLEAN, { 4: '    title: Kubernetes 1.34 for 300 merchants' }), 'objective-has-metric', ['hint 4:31-4:34']);
    });
    it('does not fire on years, versions or quarters', () => {
      for (const t of ['Make checkout boringly reliable', 'Ship the v2 API in 2026', 'Own Q4 reliability', 'Move to Kubernetes 1.34.2', 'Run every service on Kubernetes 1.34', 'Adopt Python 3.12 everywhere'])
        check(edit(CLEAN, { 4: `    title: ${t}` }), 'objective-has-metric', []);
    });
  });

  describe('checkin-future', () => {
    const withCheckin = (date: string) => edit(CLEAN, { 9.5: ['        checkins:', `          - {date: ${date}, value: 99.3}`] });
    it('fires on a check-in dated more than a day after today, at its date', () => {
      check(withCheckin('2126-11-16'), 'checkin-future', [
        "warning 11:19-11:29 Check-in dated 2126-11-16, 36524 days after today (2026-11-16): the score takes it as the latest reading of 'crash-free'. Correct the date, or add the check-in on the day it is measured.",
      ], { today: '2026-11-16' });
      check(withCheckin('2026-11-18'), 'checkin-future', ['warning 11:19-11:29 2 days after today'], { today: '2026-11-16' });
    });
    it('does not fire on today, tomorrow (another time zone) or the past', () => {
      for (const date of ['2026-11-16', '2026-11-17', '2026-10-01']) check(withCheckin(date), 'checkin-future', [], { today: '2026-11-16' });
    });
  });

  describe('checkin-stale', () => {
    const withCheckin = (date: string) => edit(CLEAN, { 9.5: ['        checkins:', `          - {date: ${date}, value: 99.3}`] });
    it('fires after 14 days without a check-in in an active period', () => {
      const d = check(withCheckin('2026-10-20'), 'checkin-stale', [
        'warning 10:8-10:16 Last check-in 26 days ago (2026-10-20); check in at least every 14 days so the score stays true.',
        'warning 12:12-12:19 No check-in since the period started 45 days ago; check in at least every 14 days.',
      ], { today: '2026-11-15' });
      assert.deepEqual(d[0]!.data, { kind: 'add-checkin' });
      check(withCheckin('2026-10-20'), 'checkin-stale', ['warning 10:8-10:16 Last check-in 26 days ago (2026-10-20); check in at least every 7 days', 'warning 12:12-12:19 45 days'], { today: '2026-11-15', config: { limits: { staleCheckinDays: 7 } } });
    });
    it('does not fire on the 14th day, outside the period, on drafts or done milestones', () => {
      check(withCheckin('2026-11-01'), 'checkin-stale', ['warning 12:12-12:19'], { today: '2026-11-15' }); // 14 days: not yet
      check(withCheckin('2026-11-01'), 'checkin-stale', ['warning 10:8-10:16 15 days', 'warning 12:12-12:19'], { today: '2026-11-16' });
      check(withCheckin('2026-11-01'), 'checkin-stale', [], { today: '2026-10-15' });
      check(CLEAN, 'checkin-stale', [], { today: '2027-01-20' });
      check(CLEAN, 'checkin-stale', [], { today: '2026-09-20' });
      check(edit(CLEAN, { 8: null, 9: '        done: true', 12: null, 13: null }), 'checkin-stale', [], { today: '2026-11-15' });
    });
  });

  describe('placeholder-text', () => {
    it('fires on template text, at the placeholder', () => {
      check(edit(CLEAN, { 7: '        title: Reach TBD% satisfaction' }), 'placeholder-text', ["warning 7:21-7:24 Placeholder 'TBD' left in the title: replace it with the real text or value."]);
      check(edit(CLEAN, { 4: '    title: "TODO"' }), 'placeholder-text', ["warning 4:12-4:16 Placeholder 'TODO' left in the title"]);
      check(edit(CLEAN, { 11: '        title: Key result 1' }), 'placeholder-text', ["warning 11:15-11:27 Placeholder 'Key result 1'"]);
    });
    it('does not fire on real text', () => check(CLEAN, 'placeholder-text', []));
  });

  describe('alignment-unresolved', () => {
    const company = parseOkrDocument('period: 2026-Q4\nobjectives:\n  - id: quality\n  - id: infrastructure\n', 'file:///ws/okrs/company.okr');
    const ws = new WorkspaceIndex(ROOT);
    ws.set(path.join(ROOT, 'okrs', 'company.okr'), company);
    it('fires on a reference that does not resolve, at the value, with the likeliest correction and its fix', () => {
      const [d] = check(edit(CLEAN, { 4.5: '    aligns_to: company#qualty' }), 'alignment-unresolved', ["warning 5:15-5:29 Cannot resolve 'company#qualty': no objective 'qualty' in okrs/company. Did you mean 'company#quality'?"], { workspace: ws });
      assert.deepEqual(d!.data, { kind: 'replace-reference', from: 'company#qualty', candidates: ['company#quality'] });
      check(edit(CLEAN, { 1.5: 'aligns_to: nowhere#x' }), 'alignment-unresolved', ["warning 2:11-2:20 Cannot resolve 'nowhere#x': no .okr file 'nowhere' in the workspace."], { workspace: ws });
    });
    it('a typo in the file part is corrected too; with nothing alike, the file\'s objectives are listed', () => {
      check(edit(CLEAN, { 4.5: '    aligns_to: compnay#infrastructure' }), 'alignment-unresolved', ["warning 5:15-5:37 Cannot resolve 'compnay#infrastructure': no .okr file 'compnay' in the workspace. Did you mean 'company#infrastructure'?"], { workspace: ws });
      const [d] = check(edit(CLEAN, { 4.5: '    aligns_to: company#zzz' }), 'alignment-unresolved', ["warning 5:15-5:26 Cannot resolve 'company#zzz': no objective 'zzz' in okrs/company. Known: company#quality, company#infrastructure."], { workspace: ws });
      assert.equal(d!.data, undefined, 'no fix without a likely correction');
    });
    it('a same-file reference from a file the index does not hold is reported, not a crash', () => {
      check(edit(CLEAN, { 4.5: '    aligns_to: "#reliability"' }), 'alignment-unresolved', ["warning 5:15-5:29 Cannot resolve '#reliability': okrs/team is not in the workspace index."], { workspace: ws });
    });
    it('does not fire when it resolves, or without a workspace', () => {
      check(edit(CLEAN, { 4.5: '    aligns_to: company#quality' }), 'alignment-unresolved', [], { workspace: ws });
      const self = edit(CLEAN, { 4.5: '    aligns_to: "#reliability"' });
      const withSelf = new WorkspaceIndex(ROOT);
      withSelf.set(FILE, parseOkrDocument(self.join('\n'), 'file:///ws/okrs/team.okr'));
      check(self, 'alignment-unresolved', [], { workspace: withSelf });
      check(edit(CLEAN, { 4.5: '    aligns_to: company#qualty' }), 'alignment-unresolved', []);
    });
  });

  describe('alignment-cycle', () => {
    const company = path.join(ROOT, 'okrs', 'company.okr');
    /** A workspace of the tested file (team.okr) and a company file whose objective aligns as given. */
    const workspace = (team: string[], companyAlignsTo?: string) => {
      const ws = new WorkspaceIndex(ROOT);
      const align = companyAlignsTo ? `    aligns_to: ${companyAlignsTo}\n` : '';
      ws.set(company, parseOkrDocument(`period: 2026\nobjectives:\n  - id: quality\n${align}`, 'file:///ws/okrs/company.okr'));
      ws.set(FILE, parseOkrDocument(team.join('\n') + '\n', 'file:///ws/okrs/team.okr'));
      return ws;
    };
    it('fires on an objective aligned to itself', () => {
      const team = edit(CLEAN, { 4.5: '    aligns_to: "#reliability"' });
      check(team, 'alignment-cycle', ['error 5:15-5:29 Alignment cycle to itself: team#reliability → team#reliability.'], { workspace: workspace(team) });
    });
    it('fires on a cycle across two files, naming the path, on the inherited file-level aligns_to too', () => {
      const team = edit(CLEAN, { 1.5: 'aligns_to: company#quality' });
      check(team, 'alignment-cycle', ['error 2:11-2:26 Alignment cycle across 2 files: team#reliability → company#quality → team#reliability.'], { workspace: workspace(team, 'team#reliability') });
    });
    it('does not fire on a chain that ends, or that leads into a cycle this objective is not part of', () => {
      const team = edit(CLEAN, { 4.5: '    aligns_to: company#quality' });
      check(team, 'alignment-cycle', [], { workspace: workspace(team) });
      // company#quality aligns to itself: reported there, not on the team objective that leads into it.
      check(team, 'alignment-cycle', [], { workspace: workspace(team, '"#quality"') });
      check(team, 'alignment-cycle', []);
    });
  });

  describe('period-mismatch', () => {
    const parentIn = (period: string) => {
      const ws = new WorkspaceIndex(ROOT);
      ws.set(path.join(ROOT, 'okrs', 'company.okr'), parseOkrDocument(`period: ${period}\nobjectives:\n  - id: quality\n`, 'file:///ws/okrs/company.okr'));
      return ws;
    };
    const aligned = edit(CLEAN, { 4.5: '    aligns_to: company#quality' });
    it('fires when the parent\'s period does not contain the child\'s, at the aligns_to, saying how they differ', () => {
      check(aligned, 'period-mismatch', ["warning 5:15-5:30 This file's period 2026-Q4 (2026-10-01 – 2026-12-31) is not within the period of company#quality, 2026-Q3 (2026-07-01 – 2026-09-30): the two periods do not overlap."], { workspace: parentIn('2026-Q3') });
      check(aligned, 'period-mismatch', ['warning 5:15-5:30 it ends after the parent period'], { workspace: parentIn('{start: 2026-09-01, end: 2026-11-30}') });
      check(edit(aligned, { 0: 'period: 2026-H2' }), 'period-mismatch', ['warning 5:15-5:30 it starts before the parent period'], { workspace: parentIn('2026-Q4') });
    });
    it('reports an inherited file-level aligns_to once', () => {
      const inherited = edit(CLEAN, { 1.5: 'aligns_to: company#quality', 13.5: ['  - id: second', '    title: Another objective'] });
      check(inherited, 'period-mismatch', ['warning 2:11-2:26 This file'], { workspace: parentIn('2027') });
    });
    it('does not fire when the parent\'s period contains the child\'s, or a period is missing', () => {
      check(aligned, 'period-mismatch', [], { workspace: parentIn('2026-Q4') });
      check(aligned, 'period-mismatch', [], { workspace: parentIn('2026-H2') });
      check(aligned, 'period-mismatch', [], { workspace: parentIn('2026') });
      check(edit(aligned, { 0: 'period: 2026-11' }), 'period-mismatch', [], { workspace: parentIn('2026-Q4') });
      check(aligned, 'period-mismatch', [], { workspace: parentIn('nonsense') });
      check(aligned, 'period-mismatch', []);
    });
  });

  describe('link-broken', () => {
    const links = (...items: string[]) => edit(CLEAN, { 9.5: `        links: [${items.map((i) => JSON.stringify(i)).join(', ')}]` });
    const exists = (p: string) => p === path.join(ROOT, 'src', 'a.ts');
    const ws = new WorkspaceIndex(ROOT);
    it('fires on a missing file and on an invalid link, at the item', () => {
      check(links('/src/b.ts#L3', '../src/a.ts#L9-L2', 'ftp://x'), 'link-broken', [
        "warning 10:16-10:30 Link '/src/b.ts#L3' points to src/b.ts, which does not exist.",
        "warning 10:32-10:51 Link '../src/a.ts#L9-L2': line range in '../src/a.ts#L9-L2' must be #L<from>-L<to>",
        "warning 10:53-10:62 Link 'ftp://x': unsupported link scheme",
      ], { fileExists: exists, workspace: ws });
      // Without a workspace, '/' means the file's own folder.
      check(links('/src/a.ts'), 'link-broken', ["warning 10:16-10:27 Link '/src/a.ts' points to src/a.ts, which does not exist."], { fileExists: exists });
    });
    it('does not fire on existing files, non-file links, an unknown disk or no path', () => {
      check(links('/src/a.ts#L3', '../src/a.ts', 'https://x.test', 'acme/shop#3', 'SHOP-1'), 'link-broken', [], { fileExists: exists, workspace: ws });
      check(links('/src/b.ts'), 'link-broken', [], { fileExists: () => undefined });
      check(links('/src/b.ts'), 'link-broken', [], { fileExists: () => false, path: null });
    });
    it('answers the same when the same model is checked again, and follows the disk for file links', () => {
      const text = (t: string | string[]) => (Array.isArray(t) ? t.join('\n') + '\n' : t);
      const doc = parseOkrDocument(text(links('ftp://x', 'https://x.test', '/src/b.ts')), 'file:///ws/okrs/team.okr');
      const config = mergeConfig();
      const shown = (fileExists: (p: string) => boolean) =>
        analyzeDocument(doc, { config, today: TODAY, path: FILE, workspace: ws, fileExists }).filter((d) => d.rule === 'link-broken').map(show);
      const missing = shown(() => false);
      assert.equal(missing.length, 2);
      assert.deepEqual(shown(() => false), missing, 'checked again');
      assert.equal(shown((p) => p.endsWith('b.ts')).length, 1, 'the file appeared on disk');
      const textOnly = parseOkrDocument(text(links('ftp://x', 'https://x.test')), 'file:///ws/okrs/team.okr');
      const first = analyzeDocument(textOnly, { config, today: TODAY, path: FILE, workspace: ws }).map(show);
      assert.deepEqual(analyzeDocument(textOnly, { config, today: TODAY, path: FILE, workspace: ws }).map(show), first, 'answered from what the links said before');
      const other = analyzeDocument(textOnly, { config: mergeConfig(), today: TODAY, path: '/elsewhere/team.okr', workspace: ws }).filter((d) => d.rule === 'link-broken');
      assert.equal(other.length, 1, 'another file or configuration is checked for itself');
    });
  });

  describe('link-outside-workspace', () => {
    const links = (...items: string[]) => edit(CLEAN, { 9.5: `        links: [${items.map((i) => JSON.stringify(i)).join(', ')}]` });
    const ws = new WorkspaceIndex(ROOT);
    it('fires on a relative or root-relative link that leaves the workspace, at the item', () => {
      check(links('../../../../etc/passwd', '/../secrets.txt', 'src/../../../x.ts#L2'), 'link-outside-workspace', [
        `warning 10:16-10:40 Link '../../../../etc/passwd' leads out of the workspace, to ${path.resolve('/etc/passwd')}: link files inside the workspace, or an http(s) URL.`,
        `warning 10:42-10:59 Link '/../secrets.txt' leads out of the workspace, to ${path.resolve('/secrets.txt')}: link files inside the workspace, or an http(s) URL.`,
        `warning 10:61-10:83 Link 'src/../../../x.ts#L2' leads out of the workspace, to ${path.resolve('/x.ts')}: link files inside the workspace, or an http(s) URL.`,
      ], { workspace: ws });
    });
    it('does not fire on files inside the workspace, web links, or without a workspace', () => {
      check(links('../src/a.ts', '/src/a.ts#L3', 'https://x.test/../..', 'SHOP-1'), 'link-outside-workspace', [], { workspace: ws });
      check(links('../../../../etc/passwd'), 'link-outside-workspace', []);
    });
    it('is not also reported as a missing file (the disk outside is not probed)', () => {
      check(links('../../../../etc/nothing-here'), 'link-broken', [], { fileExists: () => false, workspace: ws });
    });
  });

  describe('link-unresolvable', () => {
    const links = edit(CLEAN, { 9.5: '        links: ["#12", OPS-7, acme/shop#3]' });
    it('fires on #123 without a default repository and a tracker key without a template', () => {
      check(links, 'link-unresolvable', [
        "info 10:16-10:21 '#12' needs a default repository: set `github: {repository: owner/repo}` in okr.config.yaml, or write owner/repo#12.",
        "info 10:23-10:28 No URL template for tracker 'OPS'",
      ]);
    });
    it('does not fire when the configuration resolves them', () => {
      check(links, 'link-unresolvable', [], { config: { github: { repository: 'acme/shop' }, trackers: { OPS: 'https://o/{id}' } } });
    });
  });
});

describe('analysis: severities, suppression, robustness', () => {
  const noOwner = edit(CLEAN, { 1: null });

  it('severities from the configuration: off silences, error upgrades', () => {
    check(noOwner, 'missing-owner', [], { config: { rules: { 'missing-owner': 'off' } } });
    check(noOwner, 'missing-owner', ['error 2:8-2:19', 'error 5:12-5:22', 'error 9:12-9:19'], { config: { rules: { 'missing-owner': 'error' } } });
    check(edit(CLEAN, { 9: '        target: 99.2' }), 'kr-target-equals-baseline', ['hint 9:16-9:20'], { config: { rules: { 'kr-target-equals-baseline': 'hint' } } });
  });

  it('diagnostics are sorted by position, then rule', () => {
    const d = run(edit(noOwner, { 3: '        basline: 99.2' }));
    const keys = d.map((x) => [x.range.start.line, x.range.start.character]);
    assert.deepEqual(keys, [...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
  });

  it('a suppression comment with one id hides that rule on the next line only', () => {
    const text = edit(noOwner, { 4.5: '      # okr-disable-next-line missing-owner' });
    // The objective's diagnostic (line 2) stays; crash-free's (now line 6) goes.
    check(text, 'missing-owner', ['info 2:8-2:19', 'info 10:12-10:19']);
    check(text, 'unused-suppression', []);
  });

  it('several ids, and no id = every rule', () => {
    const text = edit(noOwner, { 4.5: '      # okr-disable-next-line kr-compound, missing-owner', 8.5: '      # okr-disable-next-line' });
    check(text, 'missing-owner', ['info 2:8-2:19']);
    check(text, 'unused-suppression', []);
  });

  it('a suppression for another rule does not hide, and is reported as unused with the unnecessary tag', () => {
    const text = edit(noOwner, { 4.5: '      # okr-disable-next-line kr-compound' });
    check(text, 'missing-owner', ['info 2:8-2:19', 'info 6:12-6:22', 'info 10:12-10:19']);
    const d = check(text, 'unused-suppression', ['hint 5:6-5:41 This okr-disable-next-line comment suppresses nothing on the next line (or the list item it starts): remove it.']);
    assert.deepEqual(d[0]!.tags, ['unnecessary']);
    check(text, 'unused-suppression', [], { config: { rules: { 'unused-suppression': 'off' } } });
    check(text, 'unused-suppression', ['warning 5:6-5:41'], { config: { rules: { 'unused-suppression': 'warning' } } });
  });

  it('above a list item the comment covers the whole item, not the next item', () => {
    // Both key results lose their fields and get vague titles; the comment sits above "- id: crash-free".
    const vague = edit(CLEAN, {
      5.5: '      # okr-disable-next-line kr-not-measurable',
      7: '        title: Improve checkout stability', 8: null, 9: null,
      11: '        title: Improve checkout speed', 12: null, 13: null,
    });
    const lines = run(vague).filter((d) => d.rule === 'kr-not-measurable').map((d) => vague[d.range.start.line]);
    assert.deepEqual(lines, ['        title: Improve checkout speed'], 'the title two lines below the comment is covered');
    check(vague, 'unused-suppression', []);
    // Above a plain key it covers that line: the second key result's title.
    const onKey = edit(vague, { 9.5: '        # okr-disable-next-line kr-not-measurable' });
    check(onKey, 'kr-not-measurable', []);
    check(onKey, 'unused-suppression', []);
    // A comment inside an item that is already covered suppresses nothing itself.
    const inner = edit(vague, { 7.5: '        # okr-disable-next-line kr-not-measurable' });
    check(inner, 'unused-suppression', ['hint 8:8-8:49']);
  });

  it('a suppressed rule that is off leaves the comment unused', () => {
    const text = edit(noOwner, { 4.5: '      # okr-disable-next-line missing-owner' });
    check(text, 'unused-suppression', ['hint 5:6-5:43'], { config: { rules: { 'missing-owner': 'off' } } });
  });

  it('scope: file-only runs skip workspace rules and do not judge suppressions', () => {
    const doc = parseOkrDocument(edit(noOwner, { 4.5: '      # okr-disable-next-line kr-compound' }).join('\n'), 'file:///x');
    const d = analyzeDocument(doc, { config: mergeConfig(), today: TODAY, path: FILE, scope: 'file' });
    assert.equal(d.some((x) => x.rule === 'unused-suppression'), false);
    const w = analyzeDocument(doc, { config: mergeConfig(), today: TODAY, path: FILE, scope: 'workspace' });
    assert.deepEqual([...new Set(w.map((x) => x.rule))].filter((r) => ruleById(r)?.scope !== 'workspace'), []);
  });

  it('a rule that throws is reported and does not take the analysis down', () => {
    const rule = ruleById('kr-compound')!;
    const original = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const d = run(noOwner);
      const internal = d.filter((x) => x.rule === 'kr-compound');
      assert.deepEqual(internal.map(show), ["kr-compound error 0:0-0:0 Internal error in rule 'kr-compound': boom. Please report it."]);
      assert.equal(d.filter((x) => x.rule === 'missing-owner').length, 3);
    } finally {
      rule.check = original;
    }
  });
});
