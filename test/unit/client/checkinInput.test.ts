import * as assert from 'node:assert/strict';
import { parseCheckinValue, parseConfidence, valuePrompt } from '../../../client/src/commands/checkinInput';
import { parseLineFragment } from '../../../client/src/commands/linkTarget';
import { newFileTemplate, normalizeNewFileName, quarterOf, teamFromPath } from '../../../client/src/commands/template';

describe('client check-in input', () => {
  const ok = (value: unknown) => ({ ok: true, value });
  it('parses numbers for metrics and guardrails, with an optional unit and separators', () => {
    assert.deepEqual(parseCheckinValue('metric', '42'), ok(42));
    assert.deepEqual(parseCheckinValue('metric', ' -3.5 '), ok(-3.5));
    assert.deepEqual(parseCheckinValue('metric', '320 ms', 'ms'), ok(320));
    assert.deepEqual(parseCheckinValue('guardrail', '99.9%', '%'), ok(99.9));
    assert.deepEqual(parseCheckinValue('metric', '$0.04', '$'), ok(0.04));
    assert.deepEqual(parseCheckinValue('metric', '12,500'), ok(12500));
    assert.deepEqual(parseCheckinValue('draft', '.5'), ok(0.5));
  });

  it('rejects what is not a number', () => {
    for (const bad of ['', 'abc', '12 apples', '1,2', '1.2.3', 'NaN', 'Infinity', '0x10']) {
      const r = parseCheckinValue('metric', bad, 'ms');
      assert.equal(r.ok, false, `accepted ${JSON.stringify(bad)}`);
    }
    assert.match((parseCheckinValue('metric', 'x', 'ms') as { message: string }).message, /in ms/);
  });

  it('takes yes/no for a milestone', () => {
    assert.deepEqual(parseCheckinValue('milestone', 'Yes'), ok(true));
    assert.deepEqual(parseCheckinValue('milestone', 'done'), ok(true));
    assert.deepEqual(parseCheckinValue('milestone', 'no'), ok(false));
    assert.equal(parseCheckinValue('milestone', '42').ok, false);
  });

  it('confidence is optional, 0..1 or a percentage', () => {
    assert.deepEqual(parseConfidence(''), ok(undefined));
    assert.deepEqual(parseConfidence('0.7'), ok(0.7));
    assert.deepEqual(parseConfidence('70%'), ok(0.7));
    assert.deepEqual(parseConfidence('1'), ok(1));
    for (const bad of ['1.5', '-0.1', '150%', 'high']) assert.equal(parseConfidence(bad).ok, false, bad);
  });

  it('prompts with the unit, the current value and the target', () => {
    const p = valuePrompt({ kind: 'metric', unit: 'ms', title: 'Cut latency', current: 550, target: 300 });
    assert.equal(p.prompt, 'Current value of "Cut latency" (ms)');
    assert.equal(p.placeHolder, 'now 550, target 300');
  });
});

describe('client new file and links', () => {
  it('names the quarter of a date', () => {
    assert.equal(quarterOf(new Date(2026, 0, 1)), '2026-Q1');
    assert.equal(quarterOf(new Date(2026, 8, 30)), '2026-Q3');
    assert.equal(quarterOf(new Date(2026, 9, 1)), '2026-Q4');
  });

  it('normalises new file names and refuses paths outside the folder', () => {
    assert.deepEqual(normalizeNewFileName('platform'), { ok: true, path: 'platform.okr' });
    assert.deepEqual(normalizeNewFileName(' teams/web.okr '), { ok: true, path: 'teams/web.okr' });
    for (const bad of ['', '../x', '/abs', 'a//b', 'a:b']) assert.equal(normalizeNewFileName(bad).ok, false, bad);
  });

  it('writes a template with the period and a team from the path', () => {
    assert.equal(teamFromPath('/ws/teams/web-experience.okr'), 'Web experience');
    const t = newFileTemplate({ period: '2026-Q3', team: 'Web' });
    assert.match(t, /^period: 2026-Q3$/m);
    assert.match(t, /^team: Web$/m);
    assert.match(t, /key_results:/);
  });

  it('reads #L fragments of file links', () => {
    assert.deepEqual(parseLineFragment('L10'), { start: 9, end: 9 });
    assert.deepEqual(parseLineFragment('L10-L20'), { start: 9, end: 19 });
    assert.equal(parseLineFragment('section'), undefined);
  });
});
