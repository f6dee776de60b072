// `okr check`: discovery, configuration, cross-file references, exit codes, --today / OKR_TODAY.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, ensureBuilt, okr, positionOf, tempDir, write, type JsonOutput } from './helpers';

const WS = path.join(FIXTURES, 'workspace');
const CLEAN = path.join(FIXTURES, 'clean');
const TODAY = '2026-11-20';

function checkJson(args: string[], cwd = WS, env?: Record<string, string | undefined>): { code: number | null; json: JsonOutput; stderr: string } {
  const r = okr(['check', ...args, '--format', 'json'], { cwd, env });
  let json: JsonOutput;
  try {
    json = JSON.parse(r.stdout) as JsonOutput;
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, json, stderr: r.stderr };
}

function rulesOf(json: JsonOutput, file: string): string[] {
  return (json.files.find((f) => f.path === file)?.diagnostics ?? []).map((d) => d.rule);
}

describe('okr check', () => {
  before(ensureBuilt);

  it('exits 0 and says so on a clean workspace', () => {
    const r = okr(['check', '--today', TODAY], { cwd: CLEAN });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /✔ no problems/);
    assert.equal(r.stderr, '');
  });

  it('exits 1 when an error is found, and groups problems by file with a summary', () => {
    const r = okr(['check', '--today', TODAY, '--no-color'], { cwd: WS });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /^okrs\/teams\/sales\.okr$/m);
    assert.match(r.stdout, /^ {2}10:9 +error +No `baseline`.* {2}kr-missing-baseline$/m);
    assert.match(r.stdout, /✖ 3 problems \(1 error, 1 warning, 1 info\)/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour escapes when stdout is not a terminal');
  });

  it('colours only on request (FORCE_COLOR) and never with NO_COLOR or --no-color', () => {
    assert.match(okr(['check', '--today', TODAY], { cwd: WS, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[31m/);
    assert.doesNotMatch(okr(['check', '--today', TODAY], { cwd: WS, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\u001b\[/);
    assert.doesNotMatch(okr(['check', '--today', TODAY, '--no-color'], { cwd: WS, env: { FORCE_COLOR: '1' } }).stdout, /\u001b\[/);
  });

  it('defaults to the current folder and reports paths relative to it', () => {
    const { json } = checkJson(['--today', TODAY], path.join(WS, 'okrs'));
    assert.deepEqual(
      json.files.map((f) => f.path),
      ['company.okr', 'teams/drafts/shared.okr', 'teams/sales.okr'],
    );
  });

  it('checks only the given paths but resolves aligns_to across the whole root', () => {
    const { json } = checkJson(['okrs/teams/sales.okr', '--today', TODAY]);
    assert.deepEqual(json.files.map((f) => f.path), ['okrs/teams/sales.okr']);
    const align = json.files[0]!.diagnostics.filter((d) => d.rule === 'alignment-unresolved');
    // company#growth (in another file) resolves; only the misspelt company#grwoth is reported.
    assert.equal(align.length, 1, JSON.stringify(align));
    assert.match(align[0]!.message, /grwoth/);
    // shared.okr's `sales#partners` names sales.okr by its bare name.
    const drafts = checkJson(['okrs/teams/drafts', '--today', TODAY]).json;
    assert.deepEqual(rulesOf(drafts, 'okrs/teams/drafts/shared.okr').filter((r) => r === 'alignment-unresolved'), []);
  });

  it('finds the workspace root (okr.config.yaml) above the given path', () => {
    // Run from the repository: the config of the fixture workspace must still apply (kr-missing-baseline: error).
    const { code, json } = checkJson([path.join('test', 'fixtures', 'cli', 'workspace', 'okrs', 'teams'), '--today', TODAY], path.join(FIXTURES, '..', '..', '..'));
    assert.equal(code, 1);
    const d = json.files.find((f) => f.path === 'test/fixtures/cli/workspace/okrs/teams/sales.okr')!.diagnostics.find((x) => x.rule === 'kr-missing-baseline')!;
    assert.equal(d.severity, 'error');
  });

  it('honours .gitignore files, nested ones relative to their folder, and always skips node_modules', () => {
    const { json } = checkJson(['--today', TODAY]);
    const paths = json.files.map((f) => f.path);
    assert.ok(!paths.some((p) => p.startsWith('ignored/')), `root .gitignore: ${paths}`);
    assert.ok(!paths.includes('okrs/teams/drafts/local.okr'), `nested .gitignore: ${paths}`);
    assert.ok(paths.includes('okrs/teams/drafts/shared.okr'), `${paths}`);
    // A file named on the command line is checked even when ignored (here: not YAML -> error).
    const named = checkJson(['ignored/broken.okr', '--today', TODAY]);
    assert.equal(named.code, 1);
    assert.ok(rulesOf(named.json, 'ignored/broken.okr').includes('yaml-syntax'));

    const t = tempDir();
    try {
      write(path.join(t.dir, 'node_modules', 'dep', 'bad.okr'), 'objectives: [ {{{\n');
      write(path.join(t.dir, '.git', 'bad.okr'), 'objectives: [ {{{\n');
      write(path.join(t.dir, 'sub', '.gitignore'), '*.okr\n!keep.okr\n');
      write(path.join(t.dir, 'sub', 'drop.okr'), 'objectives: [ {{{\n');
      write(path.join(t.dir, 'sub', 'keep.okr'), 'objectives: [ {{{\n');
      const r = checkJson(['--today', TODAY], t.dir);
      assert.deepEqual(r.json.files.map((f) => f.path), ['sub/keep.okr']);
    } finally {
      t.cleanup();
    }
  });

  it('applies the severities of okr.config.yaml: "off" silences a rule, others change level', () => {
    const { json } = checkJson(['--today', TODAY]);
    const all = json.files.flatMap((f) => f.diagnostics);
    assert.ok(!all.some((d) => d.rule === 'missing-owner'), 'missing-owner is off in the fixture config');
    assert.equal(all.find((d) => d.rule === 'kr-missing-baseline')?.severity, 'error');
    // --config replaces the root's config: defaults come back.
    const relaxed = checkJson(['--today', TODAY, '--config', 'relaxed.config.yaml']);
    const rall = relaxed.json.files.flatMap((f) => f.diagnostics);
    assert.ok(rall.some((d) => d.rule === 'missing-owner'));
    assert.equal(rall.find((d) => d.rule === 'kr-missing-baseline')?.severity, 'info');
    assert.equal(relaxed.code, 0, 'no errors left with default severities');
  });

  it('reports problems of okr.config.yaml as `config` errors of that file', () => {
    const t = tempDir();
    try {
      write(path.join(t.dir, 'okr.config.yaml'), 'rules:\n  kr-not-measurabel: error\n');
      write(path.join(t.dir, 'a.okr'), 'period: 2026-Q4\nobjectives: []\n');
      const { code, json } = checkJson(['--today', TODAY], t.dir);
      assert.equal(code, 1);
      const cfg = json.files.find((f) => f.path === 'okr.config.yaml');
      assert.ok(cfg, JSON.stringify(json));
      assert.equal(cfg.diagnostics[0]!.rule, 'config');
      assert.equal(cfg.diagnostics[0]!.severity, 'error');
      assert.match(cfg.diagnostics[0]!.message, /kr-not-measurable/, 'did-you-mean');
      assert.equal(cfg.diagnostics[0]!.range.start.line, 1);
    } finally {
      t.cleanup();
    }
  });

  it('fails on more warnings than --max-warnings, not on as many', () => {
    // relaxed config: 1 warning (alignment-unresolved), no errors.
    const base = ['check', '--today', TODAY, '--config', 'relaxed.config.yaml'];
    assert.equal(okr([...base, '--max-warnings', '1'], { cwd: WS }).code, 0);
    const over = okr([...base, '--max-warnings', '0'], { cwd: WS });
    assert.equal(over.code, 1);
    assert.match(over.stdout, /too many warnings: 1 \(--max-warnings 0\)/);
    const overJson = okr([...base, '--max-warnings=0', '--format', 'json'], { cwd: WS });
    assert.equal(overJson.code, 1);
    assert.match(overJson.stderr, /too many warnings/);
    JSON.parse(overJson.stdout);
  });

  it('judges against --today, else OKR_TODAY, else the clock', () => {
    // The clean fixture's last check-ins are on 2026-11-16: stale 14+ days later.
    const stale = (r: { json: JsonOutput }) => r.json.files.flatMap((f) => f.diagnostics).filter((d) => d.rule === 'checkin-stale').length;
    assert.equal(stale(checkJson(['--today', '2026-11-20'], CLEAN)), 0);
    assert.equal(stale(checkJson(['--today', '2026-12-20'], CLEAN)), 2);
    assert.equal(stale(checkJson([], CLEAN, { OKR_TODAY: '2026-12-20' })), 2);
    assert.equal(stale(checkJson([], CLEAN, { OKR_TODAY: '2026-11-20' })), 0);
    // --today wins over OKR_TODAY.
    assert.equal(stale(checkJson(['--today', '2026-11-20'], CLEAN, { OKR_TODAY: '2026-12-20' })), 0);
  });

  it('gives LSP positions: 0-based line and character', () => {
    const { json } = checkJson(['--today', TODAY]);
    const d = json.files.find((f) => f.path === 'okrs/teams/sales.okr')!.diagnostics.find((x) => x.rule === 'alignment-unresolved')!;
    const at = positionOf(path.join(WS, 'okrs', 'teams', 'sales.okr'), 'company#grwoth');
    assert.deepEqual(d.range.start, at);
    assert.deepEqual(d.range.end, { line: at.line, character: at.character + 'company#grwoth'.length });
  });
});
