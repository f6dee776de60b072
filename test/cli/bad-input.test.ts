// Bad usage and unreadable input: a clear one-line message on stderr, the right exit code, no stack trace.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, assertCleanError, ensureBuilt, okr, tempDir, write } from './helpers';

const CLEAN = path.join(FIXTURES, 'clean');

describe('okr: bad input and bad usage', () => {
  let t: ReturnType<typeof tempDir>;
  before(ensureBuilt);
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it('a file that is not YAML is a yaml-syntax error (exit 1), not a crash', () => {
    write(path.join(t.dir, 'broken.okr'), 'period: 2026-Q4\nobjectives:\n  - id: a\n    title: "unterminated\n  key_results: [\n');
    const r = okr(['check', 'broken.okr', '--format', 'json', '--today', '2026-11-20'], { cwd: t.dir });
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.ok(json.files[0].diagnostics.some((d: { rule: string; severity: string }) => d.rule === 'yaml-syntax' && d.severity === 'error'));
    assert.equal(r.stderr, '');
    // Score and report survive it too.
    assert.equal(okr(['score', 'broken.okr', '--today', '2026-11-20'], { cwd: t.dir }).code, 0);
    assert.equal(okr(['report', 'broken.okr', '--today', '2026-11-20'], { cwd: t.dir }).code, 0);
  });

  it('a map used as a key, in a file or in okr.config.yaml, is a schema / config problem and nothing more on stderr', () => {
    write(path.join(t.dir, 'okr.config.yaml'), '{rules: x}: 1\n');
    write(path.join(t.dir, 'keys.okr'), 'period: 2026-Q4\n[a, b]: 1\nobjectives: []\n');
    const r = okr(['check', 'keys.okr', '--format', 'json', '--today', '2026-11-20'], { cwd: t.dir });
    assert.equal(r.code, 1, r.stderr);
    const json = JSON.parse(r.stdout);
    const rules = json.files.flatMap((f: { diagnostics: Array<{ rule: string }> }) => f.diagnostics.map((d) => d.rule));
    assert.ok(rules.includes('schema') && rules.includes('config'), rules.join());
    assert.equal(r.stderr, '', 'no Node.js process warning from the YAML library');
  });

  it('a binary file: exit 2, "binary file"', () => {
    write(path.join(t.dir, 'image.okr'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const r = okr(['check', 'image.okr'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(assertCleanError(r.stderr), /^okr: image\.okr: binary file/);
    assert.equal(r.stdout, '');
  });

  it('a binary file found by walking a folder is refused too', () => {
    write(path.join(t.dir, 'ok.okr'), 'period: 2026-Q4\nobjectives: []\n');
    write(path.join(t.dir, 'sub', 'blob.okr'), Buffer.from('period: 2026-Q4\n\u0000\u0001\u0002'));
    const r = okr(['check'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(assertCleanError(r.stderr), /sub\/blob\.okr: binary file/);
  });

  it('text that is not UTF-8: exit 2', () => {
    write(path.join(t.dir, 'latin1.okr'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0xe8, 0x0a]));
    const r = okr(['check', 'latin1.okr'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.match(assertCleanError(r.stderr), /latin1\.okr: not valid UTF-8/);
  });

  it('a 10 MB file: exit 2, "too large"', () => {
    const line = '# ' + 'x'.repeat(97) + '\n';
    write(path.join(t.dir, 'huge.okr'), 'period: 2026-Q4\n' + line.repeat(100_000));
    assert.ok(fs.statSync(path.join(t.dir, 'huge.okr')).size >= 10_000_000);
    for (const cmd of ['check', 'score', 'report', 'summary']) {
      const r = okr([cmd, 'huge.okr'], { cwd: t.dir });
      assert.equal(r.code, 2, cmd);
      assert.match(assertCleanError(r.stderr), /^okr: huge\.okr: file is too large \(9\.\d MB; the limit is 5 MB\)$/, cmd);
    }
  });

  it('a missing path: exit 2, "no such file or directory"', () => {
    const r = okr(['check', 'nope/missing.okr'], { cwd: t.dir });
    assert.equal(r.code, 2);
    assert.equal(assertCleanError(r.stderr), 'okr: nope/missing.okr: no such file or directory');
    const s = okr(['score', 'gone'], { cwd: t.dir });
    assert.equal(s.code, 2);
    assert.equal(assertCleanError(s.stderr), 'okr: gone: no such file or directory');
  });

  it('a missing --config file: exit 2', () => {
    const r = okr(['check', '--config', 'nope.yaml'], { cwd: CLEAN });
    assert.equal(r.code, 2);
    assert.equal(assertCleanError(r.stderr), 'okr: nope.yaml: no such file or directory');
  });

  it('an unreadable file: exit 2, "permission denied"', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads everything
    const f = write(path.join(t.dir, 'secret.okr'), 'period: 2026-Q4\n');
    fs.chmodSync(f, 0o000);
    const r = okr(['check', 'secret.okr'], { cwd: t.dir });
    fs.chmodSync(f, 0o644);
    assert.equal(r.code, 2);
    assert.equal(assertCleanError(r.stderr), 'okr: secret.okr: permission denied');
  });

  const usage: Array<[string[], RegExp]> = [
    [['check', '--frobnicate'], /unknown option '--frobnicate'/],
    [['check', '-x'], /unknown option '-x'/],
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, github/],
    [['score', '--format', 'sarif'], /--format must be one of text, json for 'okr score'/],
    [['check', '--format'], /option '--format' needs a value/],
    [['check', '--max-warnings', 'many'], /--max-warnings needs a whole number/],
    [['check', '--today', '2026-02-30'], /--today needs a date YYYY-MM-DD, got '2026-02-30'/],
    [['check', '--today=tomorrow'], /--today needs a date/],
    [['score', '--max-warnings', '3'], /'okr score' has no option '--max-warnings'/],
    [['schema', 'extra'], /'okr schema' takes no paths/],
    [['lint'], /unknown command 'lint'/],
    [['check', '--no-color=yes'], /takes no value/],
  ];
  for (const [args, message] of usage) {
    it(`bad usage: okr ${args.join(' ')} -> exit 2`, () => {
      const r = okr(args, { cwd: CLEAN });
      assert.equal(r.code, 2, r.stdout + r.stderr);
      assert.match(assertCleanError(r.stderr), message);
      assert.equal(r.stdout, '');
    });
  }

  it('a malformed OKR_TODAY is reported, not silently replaced by the clock', () => {
    const r = okr(['check'], { cwd: CLEAN, env: { OKR_TODAY: '20-11-2026' } });
    assert.equal(r.code, 2);
    assert.match(assertCleanError(r.stderr), /OKR_TODAY must be a date YYYY-MM-DD, got '20-11-2026'/);
  });

  it('no command: help on stderr, exit 2', () => {
    const r = okr([], { cwd: CLEAN });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: okr <command>/);
  });
});
