// The conventions ESLint and Ruff users expect: standard input (`-`, --stdin-filename), --fix,
// --quiet, okr init, wrapping on a terminal only, full precision in machine output.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { colors } from '../../server/src/cli/color';
import { formatText } from '../../server/src/cli/format-text';
import type { CheckResult } from '../../server/src/cli/check';
import { CLI, FIXTURES, REPO, ensureBuilt, okr, tempDir, write, type JsonOutput } from './helpers';

const WS = path.join(FIXTURES, 'workspace');
const TODAY = '2026-11-20';
const SALES = path.join(WS, 'okrs', 'teams', 'sales.okr');

function rules(json: JsonOutput, file: string): string[] {
  return json.files.find((f) => f.path === file)?.diagnostics.map((d) => d.rule) ?? [];
}

describe('okr check: standard input', () => {
  before(ensureBuilt);

  it('--stdin-filename: the text stands for that path (its root, config and references); the disk version is not read', () => {
    const disk = fs.readFileSync(SALES, 'utf8');
    assert.ok(disk.includes('company#grwoth'), 'on disk the file has an unresolved alignment');
    const edited = disk.replace('company#grwoth', 'company#growth');
    // Run from the repository's top: the root and okr.config.yaml are found from the given path, not the current folder.
    const rel = path.relative(REPO, SALES).split(path.sep).join('/');
    const r = okr(['check', '--stdin-filename', rel, '--format', 'json', '--today', TODAY], { input: edited });
    const json = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(json.files.map((f) => f.path), [rel], 'only the file from standard input is reported');
    const found = rules(json, rel);
    assert.ok(!found.includes('alignment-unresolved'), 'company#growth resolves against company.okr on disk, and the disk text is not checked');
    assert.ok(found.includes('kr-missing-baseline'), found.join());
    assert.equal(json.files[0]!.diagnostics.find((d) => d.rule === 'kr-missing-baseline')!.severity, 'error', "the root's okr.config.yaml applies");
    assert.equal(r.code, 1);
  });

  it('a path that does not exist yet (an unsaved file) works, and `-` alone is <stdin> in the current folder', () => {
    const text = 'period: 2026-Q4\nteam: New\nobjectives:\n  - id: n\n    title: Help sales grow\n    aligns_to: company#nope\n';
    const r = okr(['check', '--stdin-filename', 'okrs/teams/new.okr', '--format', 'json', '--today', TODAY], { cwd: WS, input: text });
    const json = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(json.files.map((f) => f.path), ['okrs/teams/new.okr']);
    assert.ok(rules(json, 'okrs/teams/new.okr').includes('alignment-unresolved'));
    const dash = okr(['check', '-', '--today', TODAY], { cwd: WS, input: text });
    assert.match(dash.stdout, /^<stdin>\n/);
    assert.match(okr(['check', '--stdin-filename', 'x.okr', '-', '--today', TODAY], { cwd: WS, input: text }).stdout, /^x\.okr\n/, '`-` together with --stdin-filename is fine');
  });

  it('binary standard input is an unreadable-file error, like a binary file', () => {
    const r = okr(['check', '--stdin-filename', 'blob.okr', '--format', 'json'], { cwd: WS, input: Buffer.from([0x00, 0x01, 0x02]) });
    assert.equal(r.code, 1);
    const json = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(json.files[0]!.diagnostics.map((d) => [d.rule, d.message]), [['unreadable-file', 'Not analysed: blob.okr: binary file, not a text .okr file.']]);
  });
});

// A file with misspelt keys and values, comments and odd quoting, to see that --fix changes only what it fixes.
const MISSPELT = `# Growth OKRs  (comments and layout must survive)
period: 2026-Q4
team: Growth
owner: "@ana"
objectives:
  - id: activation   # the main one
    title: Make the first week a delight
    typ: 'comitted'    # value and key both misspelt
    key_results:
      - id: week-one
        title: Raise week-1 activation from 35% to 50%
        unit: "%"
        baseline: 35
        targt: 50   # misspelt key
        current: 40
        checkins:
          - {date: 2026-11-16, value: 40}
      - id: guide
        title: Ship the onboarding guide
        done: false
`;

const FIXED = MISSPELT.replace("typ: 'comitted'", "type: 'committed'").replace('targt: 50', 'target: 50');

describe('okr check --fix', () => {
  let t: ReturnType<typeof tempDir>;
  before(ensureBuilt);
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it('applies the safe fixes in place, keeping comments and layout, and reports each fix and what remains', () => {
    const f = write(path.join(t.dir, 'okrs', 'growth.okr'), MISSPELT);
    write(path.join(t.dir, 'okrs', 'clean.okr'), 'period: 2026-Q4\nobjectives: []\n');
    const r = okr(['check', '--fix', '--today', TODAY], { cwd: t.dir });
    assert.equal(fs.readFileSync(f, 'utf8'), FIXED);
    assert.equal(r.stderr, '');
    const [fixes, rest] = r.stdout.split('✔ fixed 3 problems in 1 file\n');
    assert.equal(
      fixes,
      [
        'okrs/growth.okr: fixed 3 problems',
        // The value's fix came in a second pass, after the rename: its column is in the renamed line.
        "  8:5   fixed  Rename 'typ' to 'type'      schema",
        "  8:11  fixed  Change to 'committed'       schema",
        "  14:9  fixed  Rename 'targt' to 'target'  schema",
        '',
        '',
      ].join('\n'),
    );
    // Then the check of the fixed files: what the fixes could not do.
    assert.ok(!/schema/.test(rest!), rest);
    assert.match(rest!, /too-few-key-results|kr-output-not-outcome|✔ no problems/);
    assert.equal(r.code, 0, 'no error remains');
    // A second run has nothing to fix and changes nothing.
    const again = okr(['check', '--fix', '--today', TODAY], { cwd: t.dir });
    assert.ok(!again.stdout.includes('fixed'), again.stdout);
    assert.equal(fs.readFileSync(f, 'utf8'), FIXED);
  });

  it('keeps CRLF line ends and a byte-order mark', () => {
    const f = write(path.join(t.dir, 'crlf.okr'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MISSPELT.replace(/\n/g, '\r\n'))]));
    okr(['check', '--fix', '--today', TODAY], { cwd: t.dir });
    const bytes = fs.readFileSync(f);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(bytes.subarray(3).toString('utf8'), FIXED.replace(/\n/g, '\r\n'));
  });

  it('json lists what was fixed per file and counts it; sarif keeps stdout for the log and says it on stderr', () => {
    write(path.join(t.dir, 'growth.okr'), MISSPELT);
    const r = okr(['check', '--fix', '--format', 'json', '--today', TODAY], { cwd: t.dir });
    const json = JSON.parse(r.stdout) as JsonOutput & { files: Array<{ fixed: Array<{ rule: string; title: string; range: unknown }> }>; summary: { fixed: number } };
    assert.deepEqual(
      json.files[0]!.fixed.map((x) => x.title),
      ["Rename 'typ' to 'type'", "Rename 'targt' to 'target'", "Change to 'committed'"],
    );
    assert.equal(json.summary.fixed, 3);
    write(path.join(t.dir, 'growth.okr'), MISSPELT);
    const s = okr(['check', '--fix', '--format', 'sarif', '--today', TODAY], { cwd: t.dir });
    assert.equal(JSON.parse(s.stdout).version, '2.1.0');
    assert.match(s.stderr, /growth\.okr: fixed 3 problems/);
  });

  it('on standard input it is a filter: the fixed text on stdout, the report on stderr, nothing written', () => {
    const f = write(path.join(t.dir, 'growth.okr'), MISSPELT);
    const r = okr(['check', '--fix', '--stdin-filename', 'growth.okr', '--today', TODAY], { cwd: t.dir, input: MISSPELT });
    assert.equal(r.stdout, FIXED);
    assert.match(r.stderr, /^growth\.okr: fixed 3 problems\n/);
    assert.equal(fs.readFileSync(f, 'utf8'), MISSPELT, 'the file on disk is left alone');
    const clean = 'period: 2026-Q4\nobjectives: []\n';
    assert.equal(okr(['check', '--fix', '-'], { cwd: t.dir, input: clean }).stdout, clean, 'nothing to fix: the text comes back as it was');
    // Binary input has no fixed text: an empty stdout would read as one, so it fails (exit 2) instead.
    const binary = okr(['check', '--fix', '-'], { cwd: t.dir, input: Buffer.from([0, 1, 2]) });
    assert.equal(binary.code, 2);
    assert.equal(binary.stdout, '');
    assert.equal(binary.stderr, 'okr: <stdin>: binary file, not a text .okr file\n');
  });

  it('never fixes what it is not sure of: a rename onto an existing key, a file with YAML errors', () => {
    const dup = write(path.join(t.dir, 'dup.okr'), MISSPELT.replace('        targt: 50   # misspelt key\n', '        targt: 50   # misspelt key\n        target: 60\n'));
    const broken = write(path.join(t.dir, 'broken.okr'), MISSPELT + '  - id: "unterminated\n');
    const before = [fs.readFileSync(dup, 'utf8'), fs.readFileSync(broken, 'utf8')];
    okr(['check', '--fix', '--today', TODAY], { cwd: t.dir });
    assert.ok(fs.readFileSync(dup, 'utf8').includes('targt: 50'), 'targt stays: target exists already');
    assert.ok(fs.readFileSync(dup, 'utf8').includes("type: 'committed'"), 'the other fixes of that file are made');
    assert.equal(fs.readFileSync(broken, 'utf8'), before[1]);
  });
});

describe('okr check --quiet', () => {
  before(ensureBuilt);

  it('reports errors only, in every format, and counts only them', () => {
    const all = JSON.parse(okr(['check', '--format', 'json', '--today', TODAY], { cwd: WS }).stdout) as JsonOutput;
    assert.ok(all.summary.warnings > 0 && all.summary.infos > 0 && all.summary.errors > 0);
    for (const flag of ['--quiet', '-q']) {
      const r = okr(['check', flag, '--format', 'json', '--today', TODAY], { cwd: WS });
      const json = JSON.parse(r.stdout) as JsonOutput;
      assert.deepEqual(json.summary, { ...all.summary, warnings: 0, infos: 0, hints: 0 });
      assert.ok(json.files.every((f) => f.diagnostics.every((d) => d.severity === 'error')));
      assert.equal(r.code, 1);
    }
    const text = okr(['check', '-q', '--today', TODAY], { cwd: WS }).stdout;
    assert.ok(!/warning|info/.test(text.split('\n').slice(0, -2).join('\n')), text);
    const github = okr(['check', '-q', '--format', 'github', '--today', TODAY], { cwd: WS }).stdout;
    assert.ok(github.trim().split('\n').every((l) => l.startsWith('::error ')), github);
  });

  it('with warnings only: no output at all, exit 0, and --max-warnings has nothing to count', () => {
    const t = tempDir();
    try {
      write(path.join(t.dir, 'w.okr'), 'period: 2026-Q4\nobjectives:\n  - id: a\n    title: Grow\n    owner: "@a"\n    key_results:\n      - id: k\n        title: Improve things\n');
      const loud = okr(['check', '--max-warnings', '0', '--today', TODAY], { cwd: t.dir });
      assert.equal(loud.code, 1, loud.stdout);
      const r = okr(['check', '--quiet', '--max-warnings', '0', '--today', TODAY], { cwd: t.dir });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '');
    } finally {
      t.cleanup();
    }
  });
});

describe('okr check: text wraps on a terminal only', () => {
  const long = 'This milestone is a task: what result should it cause? A binary key result is often a task in disguise; consider measuring the result instead.';
  const result: CheckResult = {
    root: '/ws',
    today: TODAY,
    files: [
      {
        abs: '/ws/a.okr',
        rel: 'a.okr',
        rootRel: 'a.okr',
        text: '',
        diagnostics: [
          { rule: 'kr-output-not-outcome', severity: 'info', message: long, range: { start: { line: 14, character: 15 }, end: { line: 14, character: 20 } }, docsUrl: '' },
          { rule: 'schema', severity: 'error', message: "Unknown key 'tem'. Did you mean 'team'?", range: { start: { line: 4, character: 0 }, end: { line: 4, character: 3 } }, docsUrl: '' },
        ],
      },
    ],
    summary: { files: 1, errors: 1, warnings: 0, infos: 1, hints: 0 },
  };
  const c = colors(false);

  it('to the width: messages in their column, every line within it', () => {
    const out = formatText(result, { colors: c, width: 100 });
    const lines = out.split('\n');
    assert.ok(lines.every((l) => l.length <= 100), out);
    assert.deepEqual(lines.slice(1, 5), [
      '  15:16  info     This milestone is a task: what result should it cause? A     kr-output-not-outcome',
      '                  binary key result is often a task in disguise; consider',
      '                  measuring the result instead.',
      "  5:1    error    Unknown key 'tem'. Did you mean 'team'?                      schema",
    ]);
    const narrow = formatText(result, { colors: c, width: 60 });
    assert.ok(narrow.split('\n').every((l) => l.length <= 60), narrow);
    assert.ok(narrow.includes('\n                  kr-output-not-outcome\n'), 'no room beside the message: the rule id goes below it');
  });

  it('without a width (a pipe, a CI log): one line per problem', () => {
    const out = formatText(result, { colors: c });
    assert.ok(out.split('\n').some((l) => l.includes(long) && l.endsWith('kr-output-not-outcome')));
  });

  it('the bundled CLI on a terminal wraps to its width (a pseudo-terminal from util-linux `script`)', function () {
    ensureBuilt();
    const probe = spawnSync('script', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) this.skip();
    const cmd = `stty cols 72; '${process.execPath}' '${CLI}' check --today ${TODAY} --no-color`;
    const r = spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: WS, encoding: 'utf8', env: { ...process.env, OKR_TODAY: '' } });
    const lines = r.stdout.replace(/\r/g, '').split('\n');
    assert.ok(lines.some((l) => l.includes('error')), r.stdout);
    assert.ok(lines.every((l) => l.length <= 72), r.stdout);
    assert.ok(lines.some((l) => /^ {10,}\S/.test(l)), 'a message continues on an indented line');
  });

  it('the bundled CLI writing to a pipe does not wrap', () => {
    ensureBuilt();
    const r = okr(['check', '--today', TODAY], { cwd: WS, env: { COLUMNS: '40' } });
    assert.ok(r.stdout.split('\n').some((l) => l.length > 80), 'long lines stay whole');
  });
});

describe('okr init', () => {
  let t: ReturnType<typeof tempDir>;
  before(ensureBuilt);
  beforeEach(() => {
    t = tempDir();
  });
  afterEach(() => t.cleanup());

  it('creates okr.config.yaml and a first .okr file for the quarter, says so, and they check without errors', () => {
    const r = okr(['init', '--today', TODAY], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^created okr\.config\.yaml\ncreated okrs\/team\.okr\n/);
    const first = fs.readFileSync(path.join(t.dir, 'okrs', 'team.okr'), 'utf8');
    assert.match(first, /^period: 2026-Q4$/m);
    const config = fs.readFileSync(path.join(t.dir, 'okr.config.yaml'), 'utf8');
    assert.match(config, /^ {2}staleCheckinDays: 14 {2}# /m, 'the defaults, explained');
    const check = okr(['check', '--format', 'json', '--today', TODAY], { cwd: t.dir });
    const json = JSON.parse(check.stdout) as JsonOutput;
    assert.equal(json.summary.errors, 0, check.stdout);
    assert.equal(check.code, 0);
    assert.deepEqual(json.files.map((f) => f.path), ['okrs/team.okr'], 'no problem in the config');
  });

  it('never overwrites: keeps an existing file, creates the missing one, refuses when both exist', () => {
    write(path.join(t.dir, 'okr.config.yaml'), 'rules: {}\n');
    const r = okr(['init', '--today', TODAY], { cwd: t.dir });
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^created okrs\/team\.okr\nkept okr\.config\.yaml \(exists already; not overwritten\)\n/);
    assert.equal(fs.readFileSync(path.join(t.dir, 'okr.config.yaml'), 'utf8'), 'rules: {}\n');
    const edited = fs.readFileSync(path.join(t.dir, 'okrs', 'team.okr'), 'utf8') + '# mine\n';
    fs.writeFileSync(path.join(t.dir, 'okrs', 'team.okr'), edited);
    const again = okr(['init'], { cwd: t.dir });
    assert.equal(again.code, 2);
    assert.equal(again.stderr, 'okr: okr.config.yaml and okrs/team.okr exist already; nothing to create (okr init never overwrites a file)\n');
    assert.equal(fs.readFileSync(path.join(t.dir, 'okrs', 'team.okr'), 'utf8'), edited);
  });

  it('into a given folder, created when missing', () => {
    const r = okr(['init', 'plans/2027', '--today', '2027-02-01'], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /created plans\/2027\/okrs\/team\.okr/);
    assert.match(fs.readFileSync(path.join(t.dir, 'plans', '2027', 'okrs', 'team.okr'), 'utf8'), /^period: 2027-Q1$/m);
  });
});

describe('machine output keeps full precision', () => {
  before(ensureBuilt);

  it('okr score --format json prints 0.5625; the text shows 0.56', () => {
    const t = tempDir();
    try {
      write(
        path.join(t.dir, 'p.okr'),
        'period: 2026-Q4\nobjectives:\n  - id: o\n    title: Grow\n    key_results:\n      - id: k\n        title: Raise widgets from 0 to 8\n        baseline: 0\n        target: 8\n        current: 4.5\n',
      );
      const json = JSON.parse(okr(['score', '--format', 'json', '--today', TODAY], { cwd: t.dir }).stdout);
      const kr = json.files[0].objectives[0].key_results[0];
      assert.equal(kr.progress, 0.5625);
      assert.equal(kr.score, 0.5625);
      assert.equal(json.files[0].objectives[0].score, 0.5625);
      const text = okr(['score', '--today', TODAY], { cwd: t.dir }).stdout;
      assert.match(text, /0\.56 █{6}░{4}/);
      assert.ok(!text.includes('0.5625'));
      assert.match(okr(['report', '--today', TODAY], { cwd: t.dir }).stdout, /\| 0\.56 \|/);
    } finally {
      t.cleanup();
    }
  });
});
