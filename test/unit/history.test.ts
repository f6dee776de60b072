// The history core: the semantic diff of two versions of a file, goal posts moved after the period
// started (target-moved, baseline-moved), and `current` values over commits as check-ins.
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import { diffOkrFile, hasSemanticChange, type FileVersion } from '../../server/src/core/history/diff';
import { buildFileHistory, type Revision } from '../../server/src/core/history/file-history';
import { movedGoals } from '../../server/src/core/history/moved-goals';
import { parseOkrDocument } from '../../server/src/core/parse';
import type { OkrDiagnostic } from '../../server/src/core/diagnostics';
import { teamOkr, type TeamOptions } from '../fixtures/team-okr';

const config = mergeConfig();
const TODAY = '2026-11-01';

function team(o: TeamOptions = {}): string {
  return teamOkr(o);
}

function version(text: string, path = 'okrs/team.okr'): FileVersion {
  return { path, doc: parseOkrDocument(text, `file:///${path}`) };
}

function rev(sha: string, date: string, text: string, author = 'Ann'): Revision {
  return { sha: sha.padEnd(40, '0'), date: `${date}T10:00:00.000Z`, author, text };
}

describe('history: the semantic diff of two versions', () => {
  it('a changed target shows the field from → to and both scores', () => {
    const d = diffOkrFile(version(team({ current: 99.5 })), version(team({ current: 99.5, crashTarget: 99.6 })), { config, today: TODAY });
    assert.equal(d.change, 'modified');
    const o = d.objectives[0]!;
    assert.equal(o.change, 'changed');
    const kr = o.keyResults.find((k) => k.id === 'crash-free')!;
    assert.equal(kr.change, 'changed');
    assert.deepEqual(kr.fields, [{ field: 'target', before: 99.8, after: 99.6, easier: true }]);
    assert.ok(Math.abs(kr.before!.score! - 0.5) < 1e-9);
    assert.ok(Math.abs(kr.after!.score! - 0.75) < 1e-9);
    assert.equal(o.keyResults.find((k) => k.id === 'latency')!.change, 'unchanged');
  });

  it('added and removed key results, and a key result removed mid-period keeps its old score', () => {
    const d = diffOkrFile(version(team({ current: 99.5 })), version(team({ current: 99.5, withLatency: false })), { config, today: TODAY });
    const latency = d.objectives[0]!.keyResults.find((k) => k.id === 'latency')!;
    assert.equal(latency.change, 'removed');
    assert.equal(latency.after, undefined);
    assert.ok(latency.before);
    const back = diffOkrFile(version(team({ withLatency: false })), version(team()), { config, today: TODAY });
    assert.equal(back.objectives[0]!.keyResults.find((k) => k.id === 'latency')!.change, 'added');
  });

  it('title, weight, current, alignment, status and a new check-in are fields a reviewer sees', () => {
    const before = team({ current: 99.3 });
    const after = team({ current: 99.4, title: 'Make checkout reliable', extra: [] }).replace('  - id: reliability\n', '  - id: reliability\n    aligns_to: company.okr#growth\n    weight: 2\n');
    const d = diffOkrFile(version(before), version(after), { config, today: TODAY });
    const o = d.objectives[0]!;
    assert.deepEqual(
      o.fields.map((f) => f.field),
      ['title', 'weight', 'alignment'],
    );
    assert.deepEqual(o.keyResults[0]!.fields, [{ field: 'current', before: 99.3, after: 99.4 }]);
  });

  it('an added file, a removed file and a renamed one', () => {
    assert.equal(diffOkrFile(undefined, version(team()), { config, today: TODAY }).change, 'added');
    const removed = diffOkrFile(version(team()), undefined, { config, today: TODAY });
    assert.equal(removed.change, 'removed');
    assert.equal(removed.objectives[0]!.change, 'removed');
    const renamed = diffOkrFile(version(team(), 'okrs/old.okr'), version(team(), 'okrs/new.okr'), { config, today: TODAY });
    assert.equal(renamed.change, 'renamed');
    assert.equal(renamed.oldPath, 'okrs/old.okr');
    assert.equal(renamed.path, 'okrs/new.okr');
  });

  it('a comment-only change is modified but has no semantic change; identical texts are unchanged', () => {
    const d = diffOkrFile(version(team()), version('# reviewed\n' + team()), { config, today: TODAY });
    assert.equal(d.change, 'modified');
    assert.equal(hasSemanticChange(d), false);
    assert.equal(diffOkrFile(version(team()), version(team()), { config, today: TODAY }).change, 'unchanged');
  });

  it('problems that appeared and were fixed, matched by rule and message, not by line', () => {
    const vague = team({ extra: ['      - id: vibes', '        title: Improve the vibes'] });
    const d = diffOkrFile(version(team()), version(vague), { config, today: TODAY });
    assert.ok(d.appeared.some((p) => p.rule === 'kr-not-measurable'), JSON.stringify(d.appeared));
    assert.deepEqual(d.fixed, []);
    const back = diffOkrFile(version(vague), version('# moved down a line\n' + vague), { config, today: TODAY });
    assert.deepEqual([back.appeared, back.fixed], [[], []]);
    const fixed = diffOkrFile(version(vague), version(team()), { config, today: TODAY });
    assert.ok(fixed.fixed.some((p) => p.rule === 'kr-not-measurable'));
  });
});

describe('history: goal posts moved after the period started', () => {
  const START = rev('a1', '2026-09-28', team());

  function moved(now: string, revisions: Revision[], today = TODAY) {
    const history = buildFileHistory(revisions, START, '2026-10-01');
    return movedGoals(parseOkrDocument(now, 'file:///t.okr'), history, today);
  }

  function diagnostics(now: string, revisions: Revision[], today = TODAY): OkrDiagnostic[] {
    const history = buildFileHistory(revisions, START, '2026-10-01');
    return analyzeDocument(parseOkrDocument(now, 'file:///t.okr'), { config, today, history }).filter((d) => d.rule === 'target-moved' || d.rule === 'baseline-moved');
  }

  it('a target lowered for a metric that should rise fires, with from, to, when and the commit', () => {
    const easier = team({ crashTarget: 99.5 });
    const diags = diagnostics(easier, [START, rev('b2c3d4e', '2026-10-15', easier, 'Bob')]);
    assert.equal(diags.length, 1);
    const d = diags[0]!;
    assert.equal(d.rule, 'target-moved');
    assert.equal(d.severity, 'warning');
    assert.equal(d.range.start.line, 9);
    assert.match(d.message, /^Target lowered from 99\.8 to 99\.5 on 2026-10-15 in commit b2c3d4e by Bob, after the period started on 2026-10-01 \(it was 99\.8 in commit a100000/);
  });

  it('a target raised for a metric that should fall fires; uncommitted changes say so', () => {
    const easier = team({ latencyTarget: 400 });
    const diags = diagnostics(easier, [START]);
    assert.equal(diags.length, 1);
    assert.match(diags[0]!.message, /^Target raised from 300 to 400 in changes not committed yet, after the period started/);
  });

  it('harder targets are fine', () => {
    assert.deepEqual(moved(team({ crashTarget: 99.9, latencyTarget: 250 }), [START]), []);
  });

  it('a baseline moved away from the target fires baseline-moved; towards it does not', () => {
    const diags = diagnostics(team({ crashBaseline: 99.0 }), [START]);
    assert.deepEqual(diags.map((d) => d.rule), ['baseline-moved']);
    assert.match(diags[0]!.message, /^Baseline lowered from 99\.2 to 99/);
    assert.deepEqual(moved(team({ crashBaseline: 99.3 }), [START]), []);
  });

  it('nothing before the period starts, without the period-start version, or for a new key result', () => {
    assert.deepEqual(moved(team({ crashTarget: 99.5 }), [START], '2026-09-30'), []);
    const none = buildFileHistory([START], undefined, '2026-10-01');
    assert.deepEqual(movedGoals(parseOkrDocument(team({ crashTarget: 99.5 }), 'file:///t.okr'), none, TODAY), []);
    const renamed = team({ crashTarget: 99.5 }).replace('id: crash-free', 'id: crash-free-v2');
    assert.deepEqual(moved(renamed, [START]), []);
  });

  it('a history gathered for another period start says nothing (the period was edited)', () => {
    const history = buildFileHistory([START], START, '2026-07-01');
    assert.deepEqual(movedGoals(parseOkrDocument(team({ crashTarget: 99.5 }), 'file:///t.okr'), history, TODAY), []);
  });
});

describe('history: values of current over commits', () => {
  it('one point per change, with the commit date; unchanged revisions add nothing', () => {
    const h = buildFileHistory([
      rev('c1', '2026-10-02', team({ current: 99.2 })),
      rev('c2', '2026-10-09', team({ current: 99.3 })),
      rev('c3', '2026-10-10', team({ current: 99.3, title: 'Other title' })),
      rev('c4', '2026-10-20', team({ current: 99.5 })),
    ]);
    assert.deepEqual(
      h.keyResults.get('reliability/crash-free')!.values.map((v) => [v.date, v.value]),
      [
        ['2026-10-02', 99.2],
        ['2026-10-09', 99.3],
        ['2026-10-20', 99.5],
      ],
    );
    assert.equal(h.revisions, 4);
  });

  it('a committed current counts as a check-in for staleness', () => {
    const text = team({ current: 99.5 });
    const h = buildFileHistory([rev('c1', '2026-10-25', text)], undefined, '2026-10-01');
    const stale = (history?: ReturnType<typeof buildFileHistory>) =>
      analyzeDocument(parseOkrDocument(text, 'file:///t.okr'), { config, today: '2026-11-01', history }).filter((d) => d.rule === 'checkin-stale' && d.range.start.line === 6);
    assert.equal(stale().length, 1);
    assert.equal(stale(h).length, 0);
    const later = analyzeDocument(parseOkrDocument(text, 'file:///t.okr'), { config, today: '2026-11-20', history: h }).filter((d) => d.rule === 'checkin-stale' && d.range.start.line === 6);
    assert.match(later[0]!.message, /^Last update 26 days ago \(current: 99\.5 committed on 2026-10-25 in c100000\)/);
  });
});
