// Files that are not what their name says: only regular files are read, and never past the size
// limit; a FIFO or a link to /dev/zero is refused with a message naming it, never a hang or a
// growing read. A .gitignore line too long to be a pattern is skipped with a warning, and the rest
// of the scan runs. Each run has a time limit, so a hang fails the test instead of holding mocha.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CLI, assertCleanError, ensureBuilt, tempDir, write } from './helpers';

const GOOD = 'period: 2026-Q4\nteam: Good\nobjectives: []\n';

/** `uid`: run as this user (root lists every folder, so a permission test as root runs okr as `nobody`). */
function okrWithin(args: string[], cwd: string, uid?: number): { code: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, OKR_TODAY: '2026-11-20' };
  delete env.FORCE_COLOR;
  const as = uid === undefined ? {} : { uid, gid: uid };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 15_000, maxBuffer: 64 * 1024 * 1024, input: '', ...as });
  assert.equal(r.error, undefined, `okr ${args.join(' ')} did not finish: ${String(r.error)}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The message of each file's unreadable-file error, by path. */
function unreadableByPath(stdout: string): Record<string, string> {
  const json = JSON.parse(stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; message: string }> }> };
  const out: Record<string, string> = {};
  for (const f of json.files) for (const d of f.diagnostics) if (d.rule === 'unreadable-file') out[f.path] = d.message;
  return out;
}

describe('okr: hostile files', () => {
  let t: ReturnType<typeof tempDir>;
  before(ensureBuilt);
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it('a FIFO and a link to /dev/zero named .okr are refused by name; the other files are checked', function () {
    if (process.platform === 'win32') this.skip(); // no FIFOs, no /dev/zero
    write(path.join(t.dir, 'good.okr'), GOOD);
    fs.symlinkSync('/dev/zero', path.join(t.dir, 'zero.okr'));
    spawnSync('mkfifo', [path.join(t.dir, 'pipe.okr')]);
    assert.ok(fs.statSync(path.join(t.dir, 'pipe.okr')).isFIFO(), 'mkfifo made a FIFO');
    const r = okrWithin(['check', '--format', 'json'], t.dir);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(unreadableByPath(r.stdout), {
      'pipe.okr': 'Not analysed: pipe.okr: not a regular file (a device, FIFO or socket, or a link to one), not read.',
      'zero.okr': 'Not analysed: zero.okr: not a regular file (a device, FIFO or socket, or a link to one), not read.',
    });
    assert.ok((JSON.parse(r.stdout) as { files: Array<{ path: string }> }).files.some((f) => f.path === 'good.okr'));
    // Named on the command line, the same.
    const named = okrWithin(['score', 'pipe.okr', 'good.okr'], t.dir);
    assert.equal(named.code, 2);
    assert.equal(assertCleanError(named.stderr), 'okr: pipe.okr: not a regular file (a device, FIFO or socket, or a link to one), not read');
  });

  it('an okr.config.yaml that links to /dev/zero or is a FIFO: exit 2 naming it, at once', function () {
    if (process.platform === 'win32') this.skip();
    write(path.join(t.dir, 'good.okr'), GOOD);
    for (const make of [() => fs.symlinkSync('/dev/zero', path.join(t.dir, 'okr.config.yaml')), () => spawnSync('mkfifo', [path.join(t.dir, 'okr.config.yaml')])]) {
      make();
      const r = okrWithin(['check'], t.dir);
      assert.equal(r.code, 2);
      assert.equal(assertCleanError(r.stderr), 'okr: okr.config.yaml: not a regular file (a device, FIFO or socket, or a link to one), not read');
      fs.unlinkSync(path.join(t.dir, 'okr.config.yaml'));
    }
  });

  it('a NUL byte after the first 8 KiB: an unreadable-file error naming its line', () => {
    write(path.join(t.dir, 'late.okr'), GOOD + '# ' + 'x'.repeat(9000) + '\n# \u0000 here\n');
    const r = okrWithin(['check', '--format', 'json'], t.dir);
    assert.equal(r.code, 1);
    assert.deepEqual(unreadableByPath(r.stdout), { 'late.okr': 'Not analysed: late.okr: NUL byte on line 5, not a text .okr file.' });
  });

  it('a .gitignore line of 50,000 characters is skipped with a warning; its other lines still apply', () => {
    write(path.join(t.dir, '.gitignore'), `${'x'.repeat(50_000)}*\nignored.okr\n`);
    write(path.join(t.dir, 'good.okr'), GOOD);
    write(path.join(t.dir, 'ignored.okr'), 'not: [valid\n');
    const r = okrWithin(['check', '--format', 'json'], t.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, 'okr: warning: .gitignore:1: pattern of 50001 characters skipped (the limit is 1024)\n');
    assert.deepEqual((JSON.parse(r.stdout) as { files: Array<{ path: string }> }).files.map((f) => f.path), ['good.okr']);
  });

  it('a folder that cannot be listed under a given path is reported like an unreadable file', function () {
    if (process.platform === 'win32') this.skip();
    // Root lists every folder: then okr runs as `nobody` (uid 65534), which needs to enter the rest.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    if (uid !== undefined && spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, 4)`], { uid, gid: uid }).status !== 0) this.skip(); // the checkout is not readable by nobody
    if (uid !== undefined) fs.chmodSync(t.dir, 0o755);
    write(path.join(t.dir, 'good.okr'), GOOD);
    const locked = path.join(t.dir, 'locked');
    write(path.join(locked, 'x.okr'), GOOD);
    fs.chmodSync(locked, 0o000);
    try {
      const r = okrWithin(['check', '--format', 'json'], t.dir, uid);
      assert.equal(r.code, 1, r.stderr);
      assert.deepEqual(unreadableByPath(r.stdout), { locked: 'Not analysed: locked: folder cannot be read (permission denied).' });
      const s = okrWithin(['score'], t.dir, uid);
      assert.equal(s.code, 2);
      assert.equal(assertCleanError(s.stderr), 'okr: locked: folder cannot be read (permission denied)');
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});
