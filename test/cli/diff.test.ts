// okr diff over real git repositories built in temporary folders (commit dates set through the
// environment): every format, moved and harder targets, renamed and deleted files, key results
// removed mid-period, a shallow clone, and no repository at all.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { teamOkr } from '../fixtures/team-okr';
import { assertCleanError, ensureBuilt, gitRepo, okr, tempDir, write } from './helpers';

const TODAY = '2026-11-01';

/** The team file with a current value on both key results (so both have a score). */
function team(o: { crash?: number; latency?: number; title?: string; withLatency?: boolean } = {}): string {
  return teamOkr({ title: o.title, crashTarget: o.crash, latencyTarget: o.latency, withLatency: o.withLatency, current: 99.5, latencyCurrent: 550 });
}

describe('okr diff', function () {
  this.timeout(60_000);
  before(ensureBuilt);
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  /** main: the team file as planned (before the period), then a branch that edits it. */
  function planned(): ReturnType<typeof gitRepo> {
    const repo = gitRepo(tmp.dir);
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team());
    write(path.join(tmp.dir, 'okrs', 'web.okr'), team({ title: 'Make the web shop fast' }));
    repo.commit('2026-09-20', 'plan Q4');
    return repo;
  }

  it('text: the changed key result with from → to, scores before and after, and the goal made easier', () => {
    const repo = planned();
    repo.git('checkout', '-q', '-b', 'lower');
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team({ crash: 99.6 }));
    repo.commit('2026-10-20', 'lower the target');
    const r = okr(['diff', '--today', TODAY], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^okr diff merge-base\(HEAD, main\) \([0-9a-f]{7}\) → working tree/);
    assert.match(r.stdout, /okrs\/team\.okr {2}modified/);
    assert.match(r.stdout, /~ key result crash-free {2}50% on track → 75% on track/);
    assert.match(r.stdout, /target 99\.8 → 99\.6 \(made easier after the period started\)/);
    assert.doesNotMatch(r.stdout, /web\.okr/);
    assert.match(r.stdout, /1 file changed, 1 goal made easier/);
  });

  it('a harder target is a change, not a moved goal post', () => {
    const repo = planned();
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team({ crash: 99.9 }));
    repo.commit('2026-10-20', 'raise the bar');
    const r = okr(['diff', 'HEAD~1', 'HEAD', '--today', TODAY, '--format', 'json'], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.summary.goalsMoved, 0);
    const kr = out.files[0].objectives[0].keyResults[0];
    assert.deepEqual(kr.fields, [{ field: 'target', before: 99.8, after: 99.9 }]);
  });

  it('json: base..head, a key result removed mid-period, renamed and deleted files', () => {
    const repo = planned();
    const base = repo.git('rev-parse', 'HEAD');
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team({ withLatency: false }));
    repo.git('mv', 'okrs/web.okr', 'okrs/shop.okr');
    write(path.join(tmp.dir, 'okrs', 'extra.okr'), team({ title: 'Extra' }));
    repo.commit('2026-10-10', 'mid-period changes');
    fs.rmSync(path.join(tmp.dir, 'okrs', 'extra.okr'));
    repo.commit('2026-10-11', 'remove extra');
    const r = okr(['diff', `${base.slice(0, 10)}..HEAD`, '--format', 'json', '--today', TODAY], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.base.sha, base);
    const byPath = Object.fromEntries(out.files.map((f: { path: string }) => [f.path, f]));
    assert.deepEqual(Object.keys(byPath).sort(), ['okrs/shop.okr', 'okrs/team.okr']);
    assert.equal(byPath['okrs/shop.okr'].change, 'renamed');
    assert.equal(byPath['okrs/shop.okr'].oldPath, 'okrs/web.okr');
    const latency = byPath['okrs/team.okr'].objectives[0].keyResults.find((k: { id: string }) => k.id === 'latency');
    assert.equal(latency.change, 'removed');
    assert.ok(latency.before.score > 0);
    // A file deleted against the working tree.
    fs.rmSync(path.join(tmp.dir, 'okrs', 'team.okr'));
    const gone = JSON.parse(okr(['diff', 'HEAD', '--format', 'json', '--today', TODAY], { cwd: tmp.dir }).stdout);
    assert.deepEqual(gone.files.map((f: { path: string; change: string }) => [f.path, f.change]), [['okrs/team.okr', 'removed']]);
  });

  it('markdown: a summary table, then details per file, ready for a pull-request comment', () => {
    const repo = planned();
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team({ latency: 400 }) + '      - id: vibes\n        title: Improve the vibes\n');
    repo.commit('2026-10-20', 'edit');
    const r = okr(['diff', 'HEAD~1', 'HEAD', '--format', 'markdown', '--today', TODAY], { cwd: tmp.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^## OKR changes\n/);
    assert.match(r.stdout, /\| File \| Change \| Score \| Goals made easier \| New problems \| Fixed \|/);
    assert.match(r.stdout, /\| `okrs\/team\.okr` \| modified \| .* \| ⚠️ 1 \| [1-9]\d* \| 0 \|/);
    assert.match(r.stdout, /<details open><summary><b>okrs\/team\.okr<\/b> \(modified\)<\/summary>/);
    assert.match(r.stdout, /⚠️ \*\*target 300 → 400 \(made easier after the period started\)\*\*/);
    assert.match(r.stdout, /\| \+ \| `reliability\/vibes` Improve the vibes \| added \|/);
    assert.match(r.stdout, /🆕 warning kr-not-measurable/);
  });

  it('paths limit the comparison; -- separates revisions from paths', () => {
    const repo = planned();
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team({ crash: 99.9 }));
    write(path.join(tmp.dir, 'okrs', 'web.okr'), team({ crash: 99.9, title: 'Web' }));
    repo.commit('2026-10-20', 'edit both');
    const one = JSON.parse(okr(['diff', 'HEAD~1', 'HEAD', 'okrs/web.okr', '--format', 'json', '--today', TODAY], { cwd: tmp.dir }).stdout);
    assert.deepEqual(one.files.map((f: { path: string }) => f.path), ['okrs/web.okr']);
    const sep = JSON.parse(okr(['diff', '--format', 'json', '--today', TODAY, 'HEAD~1', '--', 'okrs/team.okr'], { cwd: tmp.dir }).stdout);
    assert.deepEqual(sep.files.map((f: { path: string }) => f.path), ['okrs/team.okr']);
  });

  it('clear errors: no repository, a revision that does not exist', () => {
    write(path.join(tmp.dir, 'a.okr'), team());
    const none = okr(['diff'], { cwd: tmp.dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(tmp.dir) } });
    assert.equal(none.code, 2);
    assert.match(assertCleanError(none.stderr), /not in a git repository/);
    const repo = gitRepo(tmp.dir);
    repo.commit('2026-09-20', 'one');
    const bad = okr(['diff', 'nope..HEAD'], { cwd: tmp.dir });
    assert.equal(bad.code, 2);
    assert.match(assertCleanError(bad.stderr), /revision 'nope' does not exist/);
    const badHead = okr(['diff', 'HEAD', 'no-such-branch', '--'], { cwd: tmp.dir });
    assert.match(assertCleanError(badHead.stderr), /revision 'no-such-branch' does not exist/);
  });

  it('a shallow clone: the working tree against HEAD works; an absent base says how to fetch it', () => {
    const repo = planned();
    write(path.join(tmp.dir, 'okrs', 'team.okr'), team({ crash: 99.6 }));
    repo.commit('2026-10-20', 'lower');
    const clone = path.join(tmp.dir, 'clone');
    gitClone(`file://${tmp.dir}`, clone);
    write(path.join(clone, 'okrs', 'team.okr'), team({ crash: 99.5 }));
    const r = okr(['diff', 'HEAD', '--format', 'json', '--today', TODAY], { cwd: clone });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).files[0].objectives[0].keyResults[0].fields[0].after, 99.5);
    const back = okr(['diff', 'HEAD~1'], { cwd: clone });
    assert.equal(back.code, 2);
    assert.match(assertCleanError(back.stderr), /shallow clone/);
  });
});

function gitClone(from: string, to: string): void {
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync('git', ['clone', '-q', '--depth', '1', from, to], { encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
  if (r.status !== 0) throw new Error(r.stderr);
}
