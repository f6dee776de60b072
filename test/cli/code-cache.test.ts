// dist/cli.js loads the CLI bundle with the code cache the build made (cli/launch.ts): it is used when
// it belongs to the bundle, never when it was made from another one, and the output is the same.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, okr, REPO } from './helpers';

const TODAY = '2026-11-20';
const DIST = path.join(REPO, 'dist');

function run(cli: string, args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, OKR_DEBUG_CODE_CACHE: '1', OKR_TODAY: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the CLI code cache', () => {
  let copy: string;
  before(() => {
    ensureBuilt();
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-code-cache-'));
    for (const f of ['cli.js', 'okr-cli.js', 'quality-worker.js']) fs.copyFileSync(path.join(DIST, f), path.join(copy, f));
  });
  after(() => fs.rmSync(copy, { recursive: true, force: true }));

  it('the build makes one, and the command uses it', () => {
    assert.ok(fs.existsSync(path.join(DIST, 'okr-cli.cache')), 'dist/okr-cli.cache');
    const r = run(path.join(DIST, 'cli.js'), ['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /okr: code cache used/);
  });

  it('prints the same with the cache as without it', () => {
    const args = ['check', 'examples', '--format', 'json', '--today', TODAY];
    const withCache = run(path.join(DIST, 'cli.js'), args);
    const without = run(path.join(copy, 'cli.js'), args);
    assert.match(withCache.stderr, /code cache used/);
    assert.match(without.stderr, /code cache none for this bundle/);
    assert.ok(withCache.stdout.length > 1000, 'there is a report to compare');
    assert.equal(withCache.stdout, without.stdout);
    assert.equal(withCache.code, without.code);
  });

  it('a cache made from another bundle of the same length is not used', () => {
    // V8 checks only the source's length: a bundle changed in place (a watch build) must not run another's code.
    const bundle = path.join(copy, 'okr-cli.js');
    const text = fs.readFileSync(bundle, 'utf8');
    const changed = text.replace('okr check', 'okr CHECK');
    assert.equal(changed.length, text.length);
    assert.notEqual(changed, text);
    fs.writeFileSync(bundle, changed);
    fs.copyFileSync(path.join(DIST, 'okr-cli.cache'), path.join(copy, 'okr-cli.cache'));
    const r = run(path.join(copy, 'cli.js'), ['--version']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /code cache none for this bundle/);
  });

  it('okr runs as before for a user: the installed command is dist/cli.js', () => {
    const r = okr(['--version']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^\d+\.\d+\.\d+/);
  });
});
