// The `$okr` problem matcher (package.json `contributes.problemMatchers`) against real `okr check`
// output: the CLI is run as the "okr: check" task runs it (client/src/tasks/: the same command,
// arguments, environment and runner), its text is read line by line the way VS Code's multi-line
// matcher reads a terminal, and what the matcher finds must be exactly what `--format json` reports.
// When the text format changes, this fails until the matcher follows.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultCheckDefinition, PROBLEM_MATCHER, taskProcess } from '../../client/src/tasks/checkTask';
import { runTaskProcess } from '../../client/src/tasks/run';
import { CLI, ensureBuilt, FIXTURES, okr, REPO, tempDir, write, type JsonOutput } from './helpers';

interface PatternSpec {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
  loop?: boolean;
}

interface MatcherSpec {
  name: string;
  owner: string;
  source?: string;
  fileLocation: [string, string];
  pattern: PatternSpec[];
}

interface Problem {
  file: string;
  line: number;
  column: number;
  severity: string;
  message: string;
  code: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { problemMatchers: MatcherSpec[] } };
const matcher = pkg.contributes.problemMatchers.find((m) => `$${m.name}` === PROBLEM_MATCHER)!;

/**
 * VS Code's reading of a multi-line pattern whose last part loops: the first pattern and the second
 * must match two consecutive lines (that is the first problem); each following line the looping
 * pattern matches is one more problem for the same file; the first line it does not match ends the
 * loop and is tried again as a first line. Groups are trimmed, as VS Code does.
 */
function runMatcher(spec: MatcherSpec, lines: string[], workspaceFolder: string): Problem[] {
  assert.equal(spec.pattern.length, 2, 'a file line, then looping problem lines');
  const [head, row] = spec.pattern as [PatternSpec, PatternSpec];
  assert.ok(row.loop && !head.loop);
  const headRe = new RegExp(head.regexp);
  const rowRe = new RegExp(row.regexp);
  const group = (m: RegExpExecArray, i: number | undefined) => (i === undefined ? '' : (m[i] ?? '').trim());
  const problem = (file: string, m: RegExpExecArray): Problem => ({
    // fileLocation ["autoDetect", "${workspaceFolder}"]: an absolute path as is, else relative to the folder.
    file: path.resolve(workspaceFolder, file),
    line: Number(group(m, row.line)),
    column: Number(group(m, row.column)),
    severity: group(m, row.severity),
    message: group(m, row.message),
    code: group(m, row.code),
  });
  const problems: Problem[] = [];
  let file: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (file !== undefined) {
      const m = rowRe.exec(lines[i]!);
      if (m) {
        problems.push(problem(file, m));
        continue;
      }
      file = undefined;
    }
    const h = headRe.exec(lines[i]!);
    const first = h && i + 1 < lines.length ? rowRe.exec(lines[i + 1]!) : null;
    if (h && first) {
      file = group(h, head.file);
      problems.push(problem(file, first));
      i++;
    }
  }
  return problems;
}

/** What the matcher should find: the JSON report of the same run, in the text format's terms. */
function expected(json: JsonOutput, cwd: string): Problem[] {
  return json.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      file: path.resolve(cwd, f.path),
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: d.severity,
      // The text format puts a message on one line.
      message: d.message.replace(/\s*[\r\n]+\s*/g, ' '),
      code: d.rule,
    })),
  );
}

/**
 * The task's process (client/src/tasks/checkTask.ts) run by the task's own runner (run.ts), with a
 * fixed date: the text its terminal gets, split into the lines VS Code's matcher reads, colour codes
 * dropped as VS Code drops them.
 */
function runTask(cwd: string): Promise<{ lines: string[]; colours: boolean; code: number }> {
  const p = taskProcess(defaultCheckDefinition(), CLI, process.execPath);
  p.env = { ...p.env, OKR_TODAY: '2026-11-20' };
  let text = '';
  return new Promise((resolve) =>
    runTaskProcess(p, cwd, {
      write: (t) => (text += t),
      exit: (code) =>
        resolve({
          // eslint-disable-next-line no-control-regex
          lines: text.replace(/\u001b\[[0-9;]*m/g, '').split('\r\n'),
          colours: text.includes('\u001b['),
          code,
        }),
    }),
  );
}

describe('the $okr problem matcher reads okr check', () => {
  let t: ReturnType<typeof tempDir>;
  before(ensureBuilt);
  before(() => {
    // Every severity, a problem of okr.config.yaml, broken YAML and a message too long to be padded.
    t = tempDir();
    write(path.join(t.dir, 'okr.config.yaml'), 'rules:\n  kr-not-measurable: error\n  kr-missing-baseline: hint\n  no-such-rule: warning\n');
    write(path.join(t.dir, 'okrs', 'web.okr'), 'period: 2026-Q4\nobjectives:\n  - id: fast\n    title: Make checkout fast\n    key_results:\n      - id: p95\n        title: Improve checkout latency\n      - id: errors\n        title: Reduce errors to 1%\n        target: 1\n');
    write(path.join(t.dir, 'okrs', 'broken.okr'), 'period: 2026-Q4\nobjectives:\n  - id: a\n    title: "unterminated\n');
  });
  after(() => t.cleanup());

  it('is contributed as $okr, owned apart from the language server\'s diagnostics', () => {
    assert.ok(matcher, `no problem matcher named ${PROBLEM_MATCHER.slice(1)}`);
    // The language client's diagnostics have the owner "okr": the task's markers must not replace them.
    assert.notEqual(matcher.owner, 'okr');
    assert.equal(matcher.source, 'okr');
    assert.deepEqual(matcher.fileLocation, ['autoDetect', '${workspaceFolder}']);
  });

  const cases: Array<[string, () => string]> = [
    ['the examples', () => path.join(REPO, 'examples')],
    ['the CLI fixture workspace (an error, ignored files)', () => path.join(FIXTURES, 'workspace')],
    ['a workspace with every severity, config problems and broken YAML', () => t.dir],
  ];
  for (const [name, folder] of cases) {
    it(`finds every problem of ${name}, with position, severity, message and rule`, async () => {
      const cwd = folder();
      const json = JSON.parse(okr(['check', '--format', 'json', '--today', '2026-11-20'], { cwd }).stdout) as JsonOutput;
      const want = expected(json, cwd);
      assert.ok(want.length > 0, 'the fixture has problems');
      const run = await runTask(cwd);
      assert.ok(run.code === 0 || run.code === 1, run.lines.join('\n'));
      // The task keeps colours (FORCE_COLOR): the matcher is tried on text whose codes were dropped.
      assert.ok(run.colours, 'the task output has colours');
      const got = runMatcher(matcher, run.lines, cwd);
      assert.deepEqual(got, want);
      for (const p of got) assert.ok(fs.existsSync(p.file), p.file);
    });
  }

  it('covers every severity and an okr.config.yaml problem in the last case (so the patterns are tried on them)', () => {
    const json = JSON.parse(okr(['check', '--format', 'json', '--today', '2026-11-20'], { cwd: t.dir }).stdout) as JsonOutput;
    const severities = new Set(json.files.flatMap((f) => f.diagnostics.map((d) => d.severity)));
    assert.deepEqual([...severities].sort(), ['error', 'hint', 'info', 'warning']);
    assert.ok(json.files.some((f) => f.path === 'okr.config.yaml'));
    assert.ok(json.files.some((f) => f.diagnostics.some((d) => d.message.length > 100)));
  });

  it('the reading can fail: a row without its file line, or a changed row layout, is not matched', () => {
    const cwd = path.join(REPO, 'examples');
    assert.deepEqual(runMatcher(matcher, ['  55:13  warning  No check-in.  checkin-stale'], cwd), []);
    assert.deepEqual(runMatcher(matcher, ['okrs/company.okr', '55:13 warning No check-in. checkin-stale'], cwd), []);
    assert.deepEqual(runMatcher(matcher, ['✖ 1 problem (0 errors, 1 warning)', '  55:13  warning  No check-in.  checkin-stale'], cwd), []);
    assert.equal(runMatcher(matcher, ['okrs/company.okr', '  55:13  warning  No check-in.  checkin-stale'], cwd).length, 1);
  });
});
