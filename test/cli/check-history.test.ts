// okr check in a git repository: target-moved and baseline-moved compare with the file at the last
// commit before the period started; committed values of `current` count as check-ins. Outside a
// repository, and in a shallow clone without that commit, the check runs as before.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { teamOkr } from '../fixtures/team-okr';
import { ensureBuilt, gitRepo, okr, tempDir, write, type JsonOutput } from './helpers';

function rules(stdout: string): string[] {
  return (JSON.parse(stdout) as JsonOutput).files.flatMap((f) => f.diagnostics.map((d) => `${d.rule}@${d.range.start.line}: ${d.message}`));
}

describe('okr check with git history', function () {
  this.timeout(60_000);
  before(ensureBuilt);
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('a target lowered after the period started is a target-moved warning naming the commit; a harder one is not', () => {
    const repo = gitRepo(tmp.dir);
    const file = path.join(tmp.dir, 'team.okr');
    write(file, teamOkr({ current: 99.3 }));
    repo.commit('2026-09-20', 'plan');
    write(file, teamOkr({ current: 99.4, crashTarget: 99.5, latencyTarget: 250 }));
    const sha = repo.commit('2026-10-20', 'lower', 'Bob Example');
    const r = okr(['check', '--format', 'json', '--today', '2026-10-25'], { cwd: tmp.dir });
    const moved = rules(r.stdout).filter((d) => /moved/.test(d));
    assert.deepEqual(moved.length, 1, moved.join('\n'));
    assert.match(moved[0]!, new RegExp(`^target-moved@9: Target lowered from 99\\.8 to 99\\.5 on 2026-10-20 in commit ${sha.slice(0, 7)} by Bob Example, after the period started on 2026-10-01`));
  });

  it('a committed current is a check-in: no checkin-stale while it is recent', () => {
    const repo = gitRepo(tmp.dir);
    const file = path.join(tmp.dir, 'team.okr');
    write(file, teamOkr({ current: 99.3, withLatency: false }));
    repo.commit('2026-10-20', 'update');
    const recent = rules(okr(['check', '--format', 'json', '--today', '2026-10-25'], { cwd: tmp.dir }).stdout);
    assert.deepEqual(recent.filter((d) => d.startsWith('checkin-stale')), []);
    const later = rules(okr(['check', '--format', 'json', '--today', '2026-11-20'], { cwd: tmp.dir }).stdout);
    assert.match(later.find((d) => d.startsWith('checkin-stale'))!, /Last update 31 days ago \(current: 99\.3 committed on 2026-10-20/);
  });

  it('outside a repository and in a shallow clone: no history findings, no error', () => {
    write(path.join(tmp.dir, 'plain', 'team.okr'), teamOkr({ crashTarget: 99.5 }));
    const plain = okr(['check', '--format', 'json', '--today', '2026-10-25'], { cwd: path.join(tmp.dir, 'plain'), env: { GIT_CEILING_DIRECTORIES: tmp.dir } });
    assert.equal(plain.stderr, '');
    assert.deepEqual(rules(plain.stdout).filter((d) => /moved/.test(d)), []);

    const origin = path.join(tmp.dir, 'origin');
    const repo = gitRepo(origin);
    write(path.join(origin, 'team.okr'), teamOkr());
    repo.commit('2026-09-20', 'plan');
    write(path.join(origin, 'team.okr'), teamOkr({ crashTarget: 99.5 }));
    repo.commit('2026-10-20', 'lower');
    const clone = path.join(tmp.dir, 'clone');
    const c = spawnSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, clone], { encoding: 'utf8' });
    assert.equal(c.status, 0, c.stderr);
    const shallow = okr(['check', '--format', 'json', '--today', '2026-10-25'], { cwd: clone });
    assert.equal(shallow.stderr, '');
    assert.deepEqual(rules(shallow.stdout).filter((d) => /moved/.test(d)), []);
  });
});
