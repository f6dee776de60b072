// Runs the built CLI (dist/cli.js) as a user would. Builds it once per test process so the
// tests see the current sources whether or not `npm test` built first.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');
export const FIXTURES = path.join(REPO, 'test', 'fixtures', 'cli');

let built = false;

export function ensureBuilt(): void {
  if (built) return;
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stderr}${r.stdout}`);
  built = true;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** What the command reads on standard input (nothing, an immediate end, when absent). */
  input?: string | Buffer;
}

/** `okr ...args` with a clean environment: no OKR_TODAY, no colours unless asked for. */
export function okr(args: string[], options: RunOptions = {}): RunResult {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.OKR_TODAY;
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, input: options.input ?? '' });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-cli-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function write(file: string, text: string | Buffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** stderr must be one clear line: `okr: ...`, no stack trace. */
export function assertCleanError(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
  if (!lines[0]!.startsWith('okr: ')) throw new Error(`expected 'okr: ' prefix:\n${stderr}`);
  if (/^\s+at /m.test(stderr) || /internal error/.test(stderr)) throw new Error(`stack trace or internal error on stderr:\n${stderr}`);
  return lines[0]!;
}

export interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

export interface JsonOutput {
  files: Array<{ path: string; diagnostics: JsonDiagnostic[] }>;
  summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
}

/** 0-based line and character of the first occurrence of `needle` in a file. */
export function positionOf(file: string, needle: string): { line: number; character: number } {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i]!.indexOf(needle);
    if (c >= 0) return { line: i, character: c };
  }
  throw new Error(`'${needle}' not in ${file}`);
}

/**
 * A git repository in a temporary folder whose commits have the dates the test gives: `commit(date,
 * message)` sets GIT_AUTHOR_DATE and GIT_COMMITTER_DATE (noon UTC of that day), so history rules see
 * a known timeline. Global and system git configuration are ignored.
 */
export function gitRepo(dir: string): { git(...args: string[]): string; commit(date: string, message: string, author?: string): string } {
  const env = (date?: string, author = 'Ann Example'): NodeJS.ProcessEnv => ({
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'ann@example.com',
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'ann@example.com',
    ...(date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {}),
  });
  const run = (args: string[], date?: string, author?: string): string => {
    const r = spawnSync('git', args, { cwd: dir, env: env(date, author), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed:\n${r.stderr}`);
    return r.stdout.trim();
  };
  fs.mkdirSync(dir, { recursive: true });
  run(['init', '-q', '-b', 'main']);
  return {
    git: (...args) => run(args),
    commit(date, message, author) {
      run(['add', '-A']);
      run(['commit', '-q', '--allow-empty', '-m', message], date, author);
      return run(['rev-parse', 'HEAD']);
    },
  };
}
