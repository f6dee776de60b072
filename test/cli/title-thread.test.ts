// A large check judges key-result titles on a second thread while the files are parsed
// (node/quality-pool.ts): the report must be exactly the one the main thread alone prints.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateRealisticOkr } from '../../scripts/bench/generate';
import { spawnSync } from 'node:child_process';
import { ensureBuilt, okr, REPO } from './helpers';

const TODAY = '2026-11-20';

describe('okr check judging titles on a second thread', () => {
  let dir: string;
  before(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-titles-'));
    // Large enough for the thread (256 kB of .okr text), with many distinct titles and problems of every kind.
    fs.writeFileSync(path.join(dir, 'team.okr'), generateRealisticOkr(150, 5).text);
    // Settings that change verdicts (15 -> 24 vague key results): the thread must judge under them too.
    fs.writeFileSync(path.join(dir, 'okr.config.yaml'), 'quality:\n  extraVagueWords: [latency, checkout]\n  units: [widgets]\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'text']) {
    it(`prints what the main thread alone prints (${format}), with the configured quality settings`, () => {
      const alone = okr(['check', '--format', format, '--today', TODAY], { cwd: dir, env: { OKR_QUALITY_THREAD: '0', OKR_DEBUG: '1' } });
      const shared = okr(['check', '--format', format, '--today', TODAY], { cwd: dir, env: { OKR_DEBUG: '1' } });
      assert.doesNotMatch(alone.stderr, /judged on a second thread/);
      const judged = /okr: (\d+) key-result titles judged on a second thread/.exec(shared.stderr);
      assert.ok(judged && Number(judged[1]) > 300, `the thread judged the titles: ${shared.stderr}`);
      assert.ok(/kr-not-measurable/.test(alone.stdout), 'there are title problems to compare');
      assert.equal(shared.stdout, alone.stdout);
      assert.equal(shared.code, alone.code);
    });
  }

  for (const [what, worker] of [
    ['fails to start', "throw new Error('broken worker');\n"],
    ['never answers', "require('node:worker_threads').parentPort.on('message', () => {});\n"],
    ['answers nonsense', "const { parentPort, workerData } = require('node:worker_threads');\nparentPort.on('message', (r) => { workerData.answers.postMessage({ id: r.id + 1000, analyses: [] }); const c = new Int32Array(workerData.signal); Atomics.add(c, 0, 1); Atomics.notify(c, 0); });\n"],
  ] as const) {
    it(`a thread that ${what} leaves the titles to the main thread: the same report`, () => {
      const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-titles-bin-'));
      try {
        for (const f of ['cli.js', 'okr-cli.js']) fs.copyFileSync(path.join(REPO, 'dist', f), path.join(bin, f));
        fs.writeFileSync(path.join(bin, 'quality-worker.js'), worker);
        const args = [path.join(bin, 'cli.js'), 'check', '--format', 'json', '--today', TODAY];
        const env = { ...process.env, OKR_DEBUG: '1', OKR_TODAY: '' };
        const broken = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env });
        const alone = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...env, OKR_QUALITY_THREAD: '0' } });
        assert.match(broken.stderr, /okr: 0 key-result titles judged on a second thread/);
        assert.ok(alone.stdout.length > 1000, 'there is a report to compare');
        assert.equal(broken.stdout, alone.stdout);
        assert.equal(broken.status, alone.status);
      } finally {
        fs.rmSync(bin, { recursive: true, force: true });
      }
    });
  }

  it('small files start no thread, however many', () => {
    const small = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-titles-small-'));
    try {
      // 300 kB in all, no file near 256 kB: an organisation's team files repeat their titles, and the thread did not pay off there.
      const text = generateRealisticOkr(8, 3).text;
      for (let i = 0; i < Math.ceil((300 * 1024) / text.length); i++) {
        // Titles of their own in every file, so a thread that ran would have something to judge.
        fs.writeFileSync(path.join(small, `team${i}.okr`), text.replace(/^(\s+title: .*)$/gm, `$1 for team ${i}`));
      }
      const r = okr(['check', '--today', TODAY], { cwd: small, env: { OKR_DEBUG: '1' } });
      assert.match(r.stderr, /okr: 0 key-result titles judged on a second thread/);
    } finally {
      fs.rmSync(small, { recursive: true, force: true });
    }
  });
});
