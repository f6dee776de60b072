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

  /** `okr check --format json` in t.dir: the one diagnostic of each unreadable file, by path. */
  function unreadable(args: string[]): { code: number | null; byPath: Record<string, string> } {
    const r = okr(['check', '--format', 'json', ...args], { cwd: t.dir });
    assert.equal(r.stderr, '');
    const json = JSON.parse(r.stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; severity: string; message: string }> }> };
    const byPath: Record<string, string> = {};
    for (const f of json.files) {
      const d = f.diagnostics.find((x) => x.rule === 'unreadable-file');
      if (d) {
        assert.equal(d.severity, 'error');
        assert.equal(f.diagnostics.length, 1, 'nothing else is said about a file that was not read');
        byPath[f.path] = d.message;
      }
    }
    return { code: r.code, byPath };
  }

  it('a binary file: an unreadable-file error (exit 1), "binary file"', () => {
    write(path.join(t.dir, 'image.okr'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const r = okr(['check', 'image.okr'], { cwd: t.dir });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^image\.okr\n {2}1:1 {2}error {4}Not analysed: image\.okr: binary file, not a text \.okr file\. {2}unreadable-file\n/);
  });

  it('a binary file found by walking a folder is reported, and the other files are still checked', () => {
    write(path.join(t.dir, 'ok.okr'), 'period: 2026-Q4\nobjectives: []\n');
    write(path.join(t.dir, 'sub', 'blob.okr'), Buffer.from('period: 2026-Q4\n\u0000\u0001\u0002'));
    const r = unreadable([]);
    assert.equal(r.code, 1);
    assert.deepEqual(r.byPath, { 'sub/blob.okr': 'Not analysed: sub/blob.okr: binary file, not a text .okr file.' });
    const json = JSON.parse(okr(['check', '--format', 'json'], { cwd: t.dir }).stdout);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['ok.okr', 'sub/blob.okr'], 'ok.okr is checked too');
  });

  it('text that is not UTF-8: an unreadable-file error', () => {
    write(path.join(t.dir, 'latin1.okr'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0xe8, 0x0a]));
    const r = unreadable(['latin1.okr']);
    assert.equal(r.code, 1);
    assert.deepEqual(r.byPath, { 'latin1.okr': 'Not analysed: latin1.okr: not valid UTF-8 text (binary file?).' });
  });

  it('a 10 MB file: an unreadable-file error for check; score, report and summary say so on stderr and exit 2', () => {
    const line = '# ' + 'x'.repeat(97) + '\n';
    write(path.join(t.dir, 'huge.okr'), 'period: 2026-Q4\n' + line.repeat(100_000));
    write(path.join(t.dir, 'small.okr'), 'period: 2026-Q4\nteam: Small\nobjectives: []\n');
    assert.ok(fs.statSync(path.join(t.dir, 'huge.okr')).size >= 10_000_000);
    const r = unreadable([]);
    assert.equal(r.code, 1);
    assert.match(r.byPath['huge.okr']!, /^Not analysed: huge\.okr: file is too large \(9\.\d MB; the limit is 5 MB\)\.$/);
    for (const cmd of ['score', 'report', 'summary']) {
      const s = okr([cmd], { cwd: t.dir });
      assert.equal(s.code, 2, cmd);
      assert.match(assertCleanError(s.stderr), /^okr: huge\.okr: file is too large \(9\.\d MB; the limit is 5 MB\)$/, cmd);
      assert.match(s.stdout, /small\.okr/, `${cmd} still shows the file it could read`);
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

  it('a file without read permission: an unreadable-file error, "permission denied"', function () {
    if (process.platform === 'win32' || process.getuid?.() === 0) this.skip(); // root reads everything
    const f = write(path.join(t.dir, 'secret.okr'), 'period: 2026-Q4\n');
    fs.chmodSync(f, 0o000);
    const r = unreadable(['secret.okr']);
    fs.chmodSync(f, 0o644);
    assert.equal(r.code, 1);
    assert.deepEqual(r.byPath, { 'secret.okr': 'Not analysed: secret.okr: permission denied.' });
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
    [['check', '-', 'other.okr'], /'-' \(standard input\) cannot be combined with other paths/],
    [['check', '--stdin-filename', 'a.okr', 'b.okr'], /--stdin-filename reads the file from standard input: give no other paths/],
    [['check', '--stdin-filename'], /option '--stdin-filename' needs a value/],
    [['score', '-'], /'okr score' cannot read standard input/],
    [['score', '--fix'], /'okr score' has no option '--fix'/],
    [['summary', '-q'], /'okr summary' has no option '--quiet'/],
    [['init', 'a', 'b'], /'okr init' takes one folder/],
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

  it('no command: help on stdout, exit 0 (a request for help, not a mistake)', () => {
    const r = okr([], { cwd: CLEAN });
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(r.stdout, okr(['--help'], { cwd: CLEAN }).stdout);
    assert.match(r.stdout, /^Usage: okr <command>/m);
  });
});
