// `okr check` on several threads (parallel-check.ts) must print exactly what one thread prints: the
// threads see other files only through reference summaries, so any rule that read more of another
// file than a summary carries would show up here as a difference.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, okr, REPO } from './helpers';

const TODAY = '2026-11-20';

describe('okr check on several threads', () => {
  before(() => ensureBuilt());

  // Fixtures with unresolved and ambiguous references, cycles across files, period mismatches,
  // suppressions, broken links and a config with problems.
  // (json carries every field of every diagnostic; text shows the order and the summary line.)
  const folders = ['examples', 'test/fixtures/cli', 'test/fixtures/lsp'];
  for (const folder of folders) {
    it(`${folder}: three threads print what one thread prints (json and text), with the same exit code`, () => {
      for (const format of ['json', 'text']) {
        const one = okr(['check', folder, '--format', format, '--today', TODAY, '--jobs', '1'], { cwd: REPO, env: { OKR_DEBUG: '1' } });
        const three = okr(['check', folder, '--format', format, '--today', TODAY, '--jobs', '3'], { cwd: REPO, env: { OKR_DEBUG: '1' } });
        assert.match(one.stderr, /on 1 thread/);
        assert.match(three.stderr, /on 3 thread/, 'the check really ran on three threads');
        assert.ok(one.stdout.length > 100, 'there is something to compare');
        assert.equal(three.stdout, one.stdout);
        assert.equal(three.code, one.code);
      }
    });
  }

  it('an unreadable file, a file outside the root and a file named twice: the same report on two threads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-parallel-'));
    try {
      fs.mkdirSync(path.join(dir, 'ws', 'teams'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'ws', 'okr.config.yaml'), 'rules:\n  missing-owner: off\n');
      fs.writeFileSync(path.join(dir, 'ws', 'company.okr'), 'period: 2026-Q4\nobjectives:\n  - id: growth\n    title: Grow\n    key_results:\n      - id: arr\n        title: ARR from 1 to 2 M EUR\n        baseline: 1\n        target: 2\n');
      fs.writeFileSync(path.join(dir, 'ws', 'teams', 'a.okr'), 'period: 2027-Q1\naligns_to: company#growth\nobjectives:\n  - id: a\n    title: A\n    aligns_to: company#grwoth\n  - id: b\n    title: B\n');
      fs.writeFileSync(path.join(dir, 'ws', 'teams', 'blob.okr'), Buffer.from([0, 1, 2, 3, 0, 255]));
      fs.writeFileSync(path.join(dir, 'outside.okr'), 'objectives:\n  - id: o\n    title: O\n    aligns_to: company#growth\n');
      const args = ['check', 'ws', 'ws/teams/a.okr', 'outside.okr', '--format', 'json', '--today', TODAY];
      const one = okr([...args, '--jobs', '1'], { cwd: dir });
      const two = okr([...args, '--jobs', '2'], { cwd: dir });
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.code, one.code);
      const rules = (JSON.parse(two.stdout) as { files: Array<{ diagnostics: Array<{ rule: string }> }> }).files.flatMap((f) => f.diagnostics.map((d) => d.rule));
      for (const rule of ['unreadable-file', 'alignment-unresolved', 'period-mismatch']) assert.ok(rules.includes(rule), `${rule} is reported`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--jobs takes a number of threads from 1 to 64', () => {
    const r = okr(['check', 'examples', '--jobs', '0'], { cwd: REPO });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--jobs needs a number of threads from 1 to 64, got '0'/);
  });
});
