// Aligned rollups (docs/scoring.md "Aligned rollups"): own / aligned / both, weights, chains, cycles,
// missing children; the reverse-alignment map behind WorkspaceIndex.children(); closed, dropped and
// ended items (docs/scoring.md "Ended and closed items").
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { mergeConfig } from '../../server/src/core/config';
import { parseOkrDocument } from '../../server/src/core/parse';
import { parsePeriod } from '../../server/src/core/period';
import { WorkspaceScorer } from '../../server/src/core/rollup';
import { scoreDocument, scoreObjective, type ObjectiveScore } from '../../server/src/core/scoring';
import { WorkspaceIndex } from '../../server/src/core/workspace';

const ROOT = path.resolve('/ws');
const MID = '2026-11-15'; // expected 0.5 in 2026-Q4
const abs = (rel: string) => path.join(ROOT, rel);

/** A workspace from `{ 'company.okr': text }`; objectives are written in flow style for brevity. */
function workspace(files: Record<string, string>): WorkspaceIndex {
  const ws = new WorkspaceIndex(ROOT);
  for (const [rel, text] of Object.entries(files)) ws.set(abs(rel), parseOkrDocument(text, `file://${abs(rel)}`));
  return ws;
}

function file(objectives: string[], head = 'period: 2026-Q4'): string {
  return `${head}\nobjectives:\n${objectives.map((o) => `  - ${o}\n`).join('')}`;
}

/** A team objective with one metric key result scoring `score` (0..1). */
function team(id: string, alignsTo: string, score: number, extra = ''): string {
  return `{id: ${id}, aligns_to: "${alignsTo}"${extra}, key_results: [{id: k, baseline: 0, target: 100, current: ${score * 100}}]}`;
}

function scoreOf(ws: WorkspaceIndex, rel: string, id: string, today = MID, config = mergeConfig().scoring): ObjectiveScore {
  const doc = ws.get(abs(rel))!;
  const o = doc.objectives.find((x) => x.id === id)!;
  return new WorkspaceScorer(ws, today, config).objective(o, doc);
}

const near = (a: number | undefined, b: number) => assert.ok(a !== undefined && Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);

describe('rollup: where an objective score comes from', () => {
  const teams = {
    'web.okr': file([team('checkout', 'company#quality', 0.4), team('a11y', 'company#quality', 0.8, ', weight: 3')]),
  };

  it('auto: an objective with key results of its own keeps scoring from them (aligned children listed, not counted)', () => {
    const ws = workspace({ ...teams, 'company.okr': file(['{id: quality, key_results: [{id: k, baseline: 0, target: 10, current: 1}]}']) });
    const s = scoreOf(ws, 'company.okr', 'quality');
    assert.equal(s.rollup, 'own');
    near(s.score, 0.1);
    assert.equal(s.arithmetic, '(0.10×1) / 1 = 0.10');
    // Listed with their mean, which does not count.
    assert.deepEqual(s.aligned.children.map((c) => c.ref), ['web#checkout', 'web#a11y']);
    near(s.aligned.score, 0.7);
  });

  it('auto: an objective without key results scores from the objectives aligned to it, each with its weight', () => {
    const ws = workspace({ ...teams, 'company.okr': file(['{id: quality, title: Quality}']) });
    const s = scoreOf(ws, 'company.okr', 'quality');
    assert.equal(s.rollup, 'aligned');
    near(s.score, (0.4 + 0.8 * 3) / 4);
    assert.equal(s.arithmetic, '(0.40×1 + 0.80×3) / 4 = 0.70');
    assert.deepEqual(
      s.aligned.children.map((c) => [c.ref, c.score, c.weight, c.status]),
      [
        ['web#checkout', 0.4, 1, 'on-track'],
        ['web#a11y', 0.8, 3, 'on-track'],
      ],
    );
  });

  it('rollup: aligned ignores the own key results; rollup: own ignores the children', () => {
    const ws = workspace({
      ...teams,
      'company.okr': file([
        '{id: quality, rollup: aligned, key_results: [{id: k, baseline: 0, target: 10, current: 1}]}',
        '{id: other, rollup: own}',
      ]),
      'ops.okr': file([team('x', 'company#other', 1)]),
    });
    near(scoreOf(ws, 'company.okr', 'quality').score, 0.7);
    const other = scoreOf(ws, 'company.okr', 'other');
    assert.equal(other.score, undefined);
    assert.equal(other.arithmetic, 'no key results');
  });

  it('rollup: both weighs the own mean and the aligned mean, 1:1 by default', () => {
    const ws = workspace({ ...teams, 'company.okr': file(['{id: quality, rollup: both, key_results: [{id: k, baseline: 0, target: 10, current: 1}]}']) });
    const s = scoreOf(ws, 'company.okr', 'quality');
    assert.equal(s.rollup, 'both');
    near(s.score, (0.1 + 0.7) / 2);
    assert.equal(s.own.arithmetic, '(0.10×1) / 1 = 0.10');
    assert.equal(s.aligned.arithmetic, '(0.40×1 + 0.80×3) / 4 = 0.70');
    assert.equal(s.arithmetic, '(own 0.10×1 + aligned 0.70×1) / 2 = 0.40');
    assert.deepEqual(s.weights, { own: 1, aligned: 1 });
  });

  it('rollup_weights on the objective, else scoring.rollupWeights of the configuration', () => {
    const company = (w: string) => file([`{id: quality, rollup: both${w}, key_results: [{id: k, baseline: 0, target: 10, current: 1}]}`]);
    let ws = workspace({ ...teams, 'company.okr': company(', rollup_weights: {own: 1, aligned: 3}') });
    near(scoreOf(ws, 'company.okr', 'quality').score, (0.1 + 0.7 * 3) / 4);
    ws = workspace({ ...teams, 'company.okr': company('') });
    const config = mergeConfig({ scoring: { rollupWeights: { own: 3 } } }).scoring;
    assert.deepEqual(config.rollupWeights, { own: 3, aligned: 1 });
    near(scoreOf(ws, 'company.okr', 'quality', MID, config).score, (0.1 * 3 + 0.7) / 4);
  });

  it('both: a part without a score leaves the other alone', () => {
    const ws = workspace({ ...teams, 'company.okr': file(['{id: quality, rollup: both, key_results: [{id: k, title: draft}]}']) });
    const s = scoreOf(ws, 'company.okr', 'quality');
    near(s.score, 0.7);
    assert.equal(s.arithmetic, '(aligned 0.70×1) / 1 = 0.70');
  });

  it('scoring.rollup in the configuration is the default for objectives that do not set rollup', () => {
    const ws = workspace({ ...teams, 'company.okr': file(['{id: quality, key_results: [{id: k, baseline: 0, target: 10, current: 1}]}']) });
    // `both` for every objective: the teams have no children, so they keep their own means.
    const config = mergeConfig({ scoring: { rollup: 'both' } }).scoring;
    const s = scoreOf(ws, 'company.okr', 'quality', MID, config);
    assert.equal(s.rollup, 'both');
    near(s.score, (0.1 + 0.7) / 2);
  });

  it('a nested chain rolls up level by level (company <- department <- teams)', () => {
    const ws = workspace({
      'company.okr': file(['{id: top}']),
      'dept.okr': file(['{id: eng, aligns_to: "company#top"}', team('ops', 'company#top', 1)]),
      'teams/a.okr': file([team('a', 'dept#eng', 0.2), team('b', 'dept#eng', 0.6)]),
    });
    const eng = scoreOf(ws, 'dept.okr', 'eng');
    near(eng.score, 0.4);
    const top = scoreOf(ws, 'company.okr', 'top');
    near(top.score, (0.4 + 1) / 2);
    assert.deepEqual(top.aligned.children.map((c) => c.ref), ['dept#eng', 'dept#ops']);
  });

  it('missing children: no aligned objective and unresolved references give no score, not 0', () => {
    const ws = workspace({
      'company.okr': file(['{id: top}', '{id: lonely, rollup: aligned}']),
      'team.okr': file([team('a', 'company#tpo', 1), team('b', 'nowhere#top', 1)]),
    });
    const s = scoreOf(ws, 'company.okr', 'top');
    assert.equal(s.score, undefined);
    assert.equal(s.status, 'no-score');
    assert.equal(s.arithmetic, 'no aligned objectives');
    assert.equal(scoreOf(ws, 'company.okr', 'lonely').arithmetic, 'no aligned objectives');
  });

  it('children without a score are left out of the mean, as unscored key results are', () => {
    const ws = workspace({
      'company.okr': file(['{id: top}']),
      'team.okr': file([team('a', 'company#top', 0.5), '{id: b, aligns_to: "company#top", key_results: [{id: k, title: draft}]}']),
    });
    const s = scoreOf(ws, 'company.okr', 'top');
    near(s.score, 0.5);
    assert.deepEqual(s.aligned.children.map((c) => c.status), ['on-track', 'no-score']);
  });

  it('a child in another period is scored in its own period', () => {
    const ws = workspace({
      'company.okr': file(['{id: top}'], 'period: 2026'),
      'team.okr': file([team('a', 'company#top', 0.5)], 'period: 2026-Q3'),
    });
    const s = scoreOf(ws, 'company.okr', 'top');
    assert.deepEqual(s.aligned.children.map((c) => [c.score, c.status, c.grade]), [[0.5, 'final', 'partial']]);
  });

  it('a file inheriting aligns_to puts each objective under the parent', () => {
    const ws = workspace({
      'company.okr': file(['{id: top}']),
      'team.okr': file([team('a', '', 0.2).replace(', aligns_to: ""', ''), team('b', '', 0.6).replace(', aligns_to: ""', '')], 'period: 2026-Q4\naligns_to: company#top'),
    });
    near(scoreOf(ws, 'company.okr', 'top').score, 0.4);
  });

  it('an objective aligned to a key result counts under its objective', () => {
    const ws = workspace({ 'company.okr': file(['{id: top, rollup: aligned, key_results: [{id: nps, title: x}]}']), 'team.okr': file([team('a', 'company#top/nps', 0.3), team('b', 'company#top/gone', 1)]) });
    assert.deepEqual(scoreOf(ws, 'company.okr', 'top').aligned.children.map((c) => c.ref), ['team#a']);
  });
});

describe('rollup: cycles terminate and a cyclic alignment counts as absent', () => {
  it('two objectives aligned to each other: neither counts the other', () => {
    const ws = workspace({
      'a.okr': file(['{id: x, aligns_to: "b#y"}']),
      'b.okr': file(['{id: y, aligns_to: "a#x"}', team('z', 'b#y', 0.6)]),
    });
    const y = scoreOf(ws, 'b.okr', 'y');
    near(y.score, 0.6);
    assert.deepEqual(
      y.aligned.children.map((c) => [c.ref, c.excluded]),
      [
        ['a#x', 'cycle'],
        ['b#z', undefined],
      ],
    );
    const x = scoreOf(ws, 'a.okr', 'x');
    assert.equal(x.score, undefined);
    assert.deepEqual(x.aligned.children.map((c) => [c.ref, c.excluded]), [['b#y', 'cycle']]);
  });

  it('an objective aligned to itself, and a three-cycle, in one scorer', () => {
    const ws = workspace({
      'a.okr': file(['{id: self, aligns_to: "#self"}', '{id: p, aligns_to: "#q"}', '{id: q, aligns_to: "#r"}', '{id: r, aligns_to: "#p"}']),
    });
    const scorer = new WorkspaceScorer(ws, MID);
    const doc = ws.get(abs('a.okr'))!;
    for (const o of doc.objectives) {
      const s = scorer.objective(o, doc);
      assert.equal(s.score, undefined, o.id);
      assert.ok(s.aligned.children.every((c) => c.excluded === 'cycle'), o.id);
    }
    assert.equal(scorer.document(doc).score, undefined);
  });

  it('a tree hanging off a cycle still rolls up into the cycle objective', () => {
    const ws = workspace({
      'a.okr': file(['{id: p, aligns_to: "#q"}', '{id: q, aligns_to: "#p"}']),
      'leaf.okr': file(['{id: mid, aligns_to: "a#p"}', team('leaf', '#mid', 0.8)]),
    });
    near(scoreOf(ws, 'a.okr', 'p').score, 0.8);
    near(scoreOf(ws, 'leaf.okr', 'mid').score, 0.8);
  });

  it('a chain 5,000 objectives deep is scored without overflowing the stack', function () {
    this.timeout(20_000); // parsing 5,000 objectives takes a second on a slow machine
    const objectives = ['{id: o0}'];
    for (let i = 1; i < 5000; i++) objectives.push(`{id: o${i}, aligns_to: "#o${i - 1}"}`);
    objectives.push(team('leaf', '#o4999', 0.3));
    const ws = workspace({ 'deep.okr': file(objectives) });
    near(scoreOf(ws, 'deep.okr', 'o0').score, 0.3);
  });
});

describe('rollup: the reverse-alignment map (WorkspaceIndex.children)', () => {
  it('follows edits of a child file, added and removed files', () => {
    const ws = workspace({ 'okrs/company.okr': file(['{id: a}', '{id: b}']), 'team.okr': file([team('t', 'company#a', 1)]) });
    const company = () => ws.get(abs('okrs/company.okr'))!;
    const kids = (id: string) => ws.children(company().objectives.find((o) => o.id === id)!).map((e) => e.ref);
    assert.deepEqual(kids('a'), ['team#t']);
    // The child moves to b.
    ws.set(abs('team.okr'), parseOkrDocument(file([team('t', 'company#b', 1)]), 'file:///team'));
    assert.deepEqual(kids('a'), []);
    assert.deepEqual(kids('b'), ['team#t']);
    // A second file with the same name makes `company#b` ambiguous: the reference no longer resolves.
    ws.set(abs('other/company.okr'), parseOkrDocument(file(['{id: b}']), 'file:///other'));
    assert.deepEqual(kids('b'), []);
    ws.delete(abs('other/company.okr'));
    assert.deepEqual(kids('b'), ['team#t']);
    // The parent file edited (the objective renamed): the child no longer belongs to it.
    ws.set(abs('okrs/company.okr'), parseOkrDocument(file(['{id: a}', '{id: renamed}']), 'file:///c'));
    assert.deepEqual(kids('renamed'), []);
    ws.set(abs('okrs/company.okr'), parseOkrDocument(file(['{id: a}', '{id: b}']), 'file:///c'));
    assert.deepEqual(kids('b'), ['team#t']);
    ws.delete(abs('team.okr'));
    assert.deepEqual(kids('b'), []);
  });

  it('agrees with resolve() on every objective of a mixed workspace', () => {
    const ws = workspace({
      'company.okr': file(['{id: q}', '{id: q}', '{id: r}']),
      'teams/web.okr': file([team('a', 'company#q', 1), team('b', 'teams/web#a', 1), team('c', '#a', 1), team('d', 'web#zz', 1), '{id: e, aligns_to: "company"}']),
      'teams/web2.okr': file([team('a', 'company#r', 1), team('b', 'web#a', 1)]),
    });
    for (const [p, doc] of ws.entries()) {
      for (const target of doc.objectives) {
        const expected: string[] = [];
        for (const [cp, cdoc] of ws.entries()) {
          for (const o of cdoc.objectives) {
            if (!o.id || !o.effectiveAlignsTo) continue;
            const r = ws.resolve(o.effectiveAlignsTo, cp);
            if (r.ok && r.objective === target) expected.push(`${ws.shortRef(cp)}#${o.id}`);
          }
        }
        assert.deepEqual(ws.children(target).map((e) => e.ref), expected, `${ws.fileRef(p)}#${target.id}@${target.index}`);
      }
    }
  });

  it('an objective of a document outside the index has no children', () => {
    const ws = workspace({ 'team.okr': file([team('t', 'company#a', 1)]) });
    const stray = parseOkrDocument(file(['{id: a}']), 'untitled:1').objectives[0]!;
    assert.deepEqual(ws.children(stray), []);
  });

  it('rollupDependents: the files up the alignment chain of a file', () => {
    const ws = workspace({
      'company.okr': file(['{id: top}']),
      'dept.okr': file(['{id: eng, aligns_to: "company#top"}']),
      'team.okr': file([team('a', 'dept#eng', 1)]),
      'cyc.okr': file(['{id: x, aligns_to: "#y"}', '{id: y, aligns_to: "#x"}']),
    });
    assert.deepEqual(ws.rollupDependents(abs('team.okr')), [abs('company.okr'), abs('dept.okr')]);
    assert.deepEqual(ws.rollupDependents(abs('company.okr')), []);
    assert.deepEqual(ws.rollupDependents(abs('cyc.okr')), []);
  });

  it('WorkspaceScorer.for is shared while the day and configuration stay; an added file starts a new one', () => {
    const ws = workspace({ 'company.okr': file(['{id: top}']), 'team.okr': file([team('a', 'company#top', 0.5)]) });
    const config = mergeConfig().scoring;
    const a = WorkspaceScorer.for(ws, MID, config);
    assert.equal(WorkspaceScorer.for(ws, MID, config), a);
    // An edit of a known file: the same scorer, caught up.
    ws.set(abs('team.okr'), parseOkrDocument(file([team('a', 'company#top', 0.9)]), 'file:///team'));
    assert.equal(WorkspaceScorer.for(ws, MID, config), a);
    assert.equal(a.epoch, ws.epoch);
    near(a.document(ws.get(abs('company.okr'))!).score, 0.9);
    assert.notEqual(WorkspaceScorer.for(ws, '2026-11-16', config), a);
    const b = WorkspaceScorer.for(ws, MID, config);
    ws.set(abs('x.okr'), parseOkrDocument(file([]), 'file:///x'));
    assert.notEqual(WorkspaceScorer.for(ws, MID, config), b);
  });

  it('changesSince: the files set after an epoch; undefined after an added or removed file', () => {
    const ws = workspace({ 'a.okr': file([]), 'b.okr': file([]) });
    const e = ws.epoch;
    assert.deepEqual(ws.changesSince(e), []);
    ws.set(abs('a.okr'), parseOkrDocument(file([]), 'file:///a'));
    ws.set(abs('a.okr'), parseOkrDocument(file([]), 'file:///a'));
    ws.set(abs('b.okr'), parseOkrDocument(file([]), 'file:///b'));
    assert.deepEqual(ws.changesSince(e), [abs('a.okr'), abs('b.okr')]);
    ws.delete(abs('b.okr'));
    assert.equal(ws.changesSince(e), undefined);
  });

  it('a shared scorer caught up after random edits scores every objective as a fresh one does', () => {
    // A small PRNG so the run is the same every time.
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const names = ['company', 'dept', 'team-a', 'team-b', 'team-c'];
    const ids = ['p', 'q', 'r'];
    const randomFile = (name: string) => {
      const objectives = ids.map((id) => {
        const target = rand(4) === 0 ? '' : `, aligns_to: "${names[rand(names.length)]}#${ids[rand(ids.length)]}"`;
        const extra = rand(6) === 0 ? ', status: dropped' : rand(5) === 0 ? ', rollup: both' : rand(5) === 0 ? ', weight: 2' : '';
        const krs = rand(3) === 0 ? '' : `, key_results: [{id: k, baseline: 0, target: 10, current: ${rand(11)}}]`;
        return `{id: ${id}${target}${extra}${krs}}`;
      });
      return parseOkrDocument(file(objectives), `file:///${name}`);
    };
    const ws = new WorkspaceIndex(ROOT);
    for (const n of names) ws.set(abs(`${n}.okr`), randomFile(n));
    const config = mergeConfig().scoring;
    const view = (s: ObjectiveScore) => [s.score, s.status, s.arithmetic, s.aligned.children.map((c) => `${c.ref}:${c.score}:${c.excluded}`)];
    for (let step = 0; step < 300; step++) {
      const n = names[rand(names.length)]!;
      ws.set(abs(`${n}.okr`), randomFile(n));
      const shared = WorkspaceScorer.for(ws, MID, config);
      const fresh = new WorkspaceScorer(ws, MID, config);
      // Score in a random order, so the shared memo is exercised from different entry points.
      const paths = ws.paths().sort(() => rand(3) - 1);
      for (const p of paths) {
        const doc = ws.get(p)!;
        for (const o of doc.objectives) assert.deepEqual(view(shared.objective(o, doc)), view(fresh.objective(o, doc)), `step ${step}, ${ws.fileRef(p)}#${o.id}`);
      }
    }
  });
});

describe('ended and closed items', () => {
  const Q4 = parsePeriod('2026-Q4')!;
  const doc = (objectives: string[]) => parseOkrDocument(file(objectives), 'file:///x.okr');

  it('after the period every score is final, graded against the aim', () => {
    const d = doc([
      '{id: a, key_results: [{id: k, baseline: 0, target: 10, current: 7}]}',
      '{id: b, key_results: [{id: k, baseline: 0, target: 10, current: 5}]}',
      '{id: c, key_results: [{id: k, baseline: 0, target: 10, current: 2}]}',
      '{id: d, type: committed, key_results: [{id: k, baseline: 0, target: 10, current: 9}]}',
      '{id: e, type: committed, key_results: [{id: k, done: true}]}',
    ]);
    const s = scoreDocument(d, '2027-01-02');
    assert.deepEqual(
      s.objectives.map((o) => [o.status, o.grade]),
      [
        ['final', 'met'],
        ['final', 'partial'],
        ['final', 'missed'],
        ['final', 'partial'],
        ['final', 'met'],
      ],
    );
    assert.deepEqual([s.status, s.grade], ['final', 'partial']);
    assert.deepEqual([s.objectives[0]!.keyResults[0]!.status, s.objectives[0]!.keyResults[0]!.grade], ['final', 'met']);
    // On the last day it is still a status against expected progress.
    assert.equal(scoreDocument(d, '2026-12-31').objectives[0]!.status, 'on-track');
    // Without a score nothing is graded.
    assert.deepEqual(scoreDocument(doc(['{id: z, key_results: [{id: k, title: draft}]}']), '2027-01-02').objectives[0]!.status, 'no-score');
  });

  it('a dropped key result is left out of its objective with its reason', () => {
    const d = doc(['{id: o, key_results: [{id: a, baseline: 0, target: 10, current: 2}, {id: b, baseline: 0, target: 10, current: 8, status: dropped, reason: "metric retired"}]}']);
    const s = scoreObjective(d.objectives[0]!, Q4, MID);
    near(s.score, 0.2);
    assert.equal(s.arithmetic, '(0.20×1) / 1 = 0.20');
    const b = s.keyResults[1]!;
    assert.deepEqual([b.status, b.score, b.state, b.reason, b.arithmetic], ['dropped', undefined, 'dropped', 'metric retired', 'dropped: metric retired']);
  });

  it('a dropped objective is left out of the file and of its parent; its key results are dropped with it', () => {
    const d = doc(['{id: a, key_results: [{id: k, baseline: 0, target: 10, current: 2}]}', '{id: b, status: dropped, key_results: [{id: k, baseline: 0, target: 10, current: 8}]}']);
    const s = scoreDocument(d, MID);
    near(s.score, 0.2);
    assert.equal(s.objectives[1]!.status, 'dropped');
    assert.equal(s.objectives[1]!.arithmetic, 'dropped (no reason given)');
    assert.equal(s.objectives[1]!.keyResults[0]!.arithmetic, 'dropped with its objective');
    const ws = workspace({ 'company.okr': file(['{id: top}']), 'team.okr': file([team('a', 'company#top', 0.2), team('b', 'company#top', 0.8, ', status: dropped, reason: merged into a')]) });
    const top = scoreOf(ws, 'company.okr', 'top');
    near(top.score, 0.2);
    assert.deepEqual(top.aligned.children.map((c) => [c.ref, c.excluded]), [['team#a', undefined], ['team#b', 'dropped']]);
  });

  it('a closed item is final at once and still counts', () => {
    const d = doc([
      '{id: o, key_results: [{id: a, baseline: 0, target: 10, current: 2}, {id: b, baseline: 0, target: 10, current: 8, status: closed, reason: "hit early"}]}',
      '{id: c, status: closed, key_results: [{id: k, baseline: 0, target: 10, current: 5}]}',
    ]);
    const s = scoreDocument(d, MID);
    near(s.objectives[0]!.score, 0.5);
    assert.equal(s.objectives[0]!.status, 'on-track');
    assert.deepEqual([s.objectives[0]!.keyResults[1]!.status, s.objectives[0]!.keyResults[1]!.grade], ['final', 'met']);
    assert.deepEqual([s.objectives[1]!.status, s.objectives[1]!.grade, s.objectives[1]!.keyResults[0]!.status], ['final', 'partial', 'final']);
  });

  it('only active, closed and dropped are states; anything else is active (and a schema error)', () => {
    const d = doc(['{id: o, status: paused, key_results: [{id: k, status: closed}]}']);
    assert.equal(d.objectives[0]!.state, 'active');
    assert.equal(d.objectives[0]!.keyResults[0]!.state, 'closed');
  });
});
