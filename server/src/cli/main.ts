// The `okr` command line: parse arguments, dispatch to a command, map outcomes to exit codes
// (0 clean, 1 problems found, 2 bad usage or unreadable input). Nothing escapes as a stack trace.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AppliedFix } from '../core';
import { okrJsonSchema, onQualityMiss } from '../core';
import { version } from '../../../package.json';
import { parseArgs, resolveToday, type ParsedArgs } from './args';
import { errorsOnly, runCheck, type CheckResult } from './check';
import { colors, shouldColor, type Colors } from './color';
import { InputError, UsageError } from './errors';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { fixWorkspace, formatFixes, writeFixedFiles, type FileFixes } from './fix';
import { helpText } from './help';
import { formatInit, initWorkspace } from './init';
import { loadWorkspace, planWorkspace, type LoadOptions, type Workspace } from './load-workspace';
import { qualityPool, TITLE_THREAD_FROM_BYTES } from '../node/quality-pool';
import { runCheckInParallel, runWorkerIfAny, threadsFor } from './parallel-check';
import { formatRefsText, refsOf } from './refs';
import { formatReport } from './report';
import { formatHtmlReport } from './report-html';
import { formatRules } from './rules';
import { formatScoreJson, formatScoreText, scoreWorkspace } from './score';
import { formatSummary } from './summary';
import { formatDiffJson, runDiff } from './diff';
import { loadHistories } from './history';
import { formatDiffMarkdown, formatDiffText } from './format-diff';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  /** The terminal's width, when stdout is a terminal. */
  columns?: number;
  /** All of standard input (read only for `okr check -` / --stdin-filename). */
  readStdin(): Promise<Uint8Array>;
}

/** Runs one command line; returns the exit code. Throws UsageError / InputError for exit 2. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv);
  if (args.version) {
    io.stdout(version + '\n');
    return 0;
  }
  // Bare `okr` is a request for help, not a mistake (as git, npm and cargo treat it).
  if (args.help || !args.command) {
    io.stdout(helpText(args.command));
    return 0;
  }
  switch (args.command) {
    case 'schema':
      io.stdout(JSON.stringify(okrJsonSchema(), null, 2) + '\n');
      return 0;
    case 'rules':
      io.stdout(formatRules());
      return 0;
    case 'init': {
      const folder = path.resolve(io.cwd, args.paths[0] ?? '.');
      io.stdout(formatInit(initWorkspace(folder, resolveToday(args.today, io.env), io.cwd)));
      return 0;
    }
    case 'diff':
      return diff(args, io);
    default:
      return runOnFiles(args, io);
  }
}

async function diff(args: ParsedArgs, io: Io): Promise<number> {
  const today = resolveToday(args.today, io.env);
  const result = await runDiff({ cwd: io.cwd, positionals: args.paths, beforeDashDash: args.beforeDashDash, configFile: args.config, today });
  if (args.format === 'json') io.stdout(formatDiffJson(result));
  else if (args.format === 'markdown') io.stdout(formatDiffMarkdown(result));
  else io.stdout(formatDiffText(result, colors(shouldColor(args.noColor, io.env, io.isTTY))));
  return 0;
}

async function runOnFiles(args: ParsedArgs, io: Io): Promise<number> {
  const today = resolveToday(args.today, io.env);
  const c = colors(shouldColor(args.noColor, io.env, io.isTTY));
  const stdin = args.stdin ? { path: args.stdinFilename, bytes: await io.readStdin() } : undefined;
  // `okr refs <kr-ref> [paths...]`: the first positional is the reference, not a path.
  const refArg = args.command === 'refs' ? args.paths[0] : undefined;
  if (args.command === 'refs' && !refArg) throw new UsageError(`'okr refs' needs a reference: okr refs <file>#<objective>/<key-result>`);
  const paths = args.command === 'refs' ? args.paths.slice(1) : args.paths;
  const titles = args.command === 'check' || args.command === 'report' ? titleThread(io) : undefined;
  try {
    const options = { paths, cwd: io.cwd, configFile: args.config, stdin, parseHooks: titles?.parseHooks };
    if (args.command === 'check' && !args.fix && !stdin) {
      // A large workspace is checked on every core (parallel-check.ts); the report is the same.
      const plan = planWorkspace(options);
      warnIgnored(plan, io);
      const threads = threadsFor(plan.all.length, args.jobs);
      if (io.env.OKR_DEBUG) io.stderr(`okr: checking ${plan.all.length} files on ${threads} thread(s)\n`);
      if (threads > 1) return printCheck(args, io, await runCheckInParallel(plan, today, threads, __filename), [], c);
      const planned = loadWorkspace(options, plan);
      planned.histories = await loadHistories(planned);
      titles?.start();
      return check(args, io, planned, today, c);
    }
    const ws = loadWorkspace(options);
    warnIgnored(ws, io);
    // The rules that compare with git (target-moved, baseline-moved, and check-ins from commits).
    if (args.command !== 'score') ws.histories = await loadHistories(ws);
    titles?.start();
    switch (args.command) {
      case 'refs': {
        const refs = refsOf(ws, refArg!);
        io.stdout(args.format === 'json' ? JSON.stringify(refs, null, 2) + '\n' : formatRefsText(refs));
        return 0;
      }
      case 'check':
        return check(args, io, ws, today, c);
      case 'score': {
        const rows = scoreWorkspace(ws, today);
        io.stdout(args.format === 'json' ? formatScoreJson(rows) : formatScoreText(rows, { colors: c, today, width: io.columns }));
        return reportUnreadable(ws, io);
      }
      case 'report': {
        const text = args.format === 'html' ? formatHtmlReport(ws, runCheck(ws, today), today) : formatReport(scoreWorkspace(ws, today), runCheck(ws, today), today);
        if (args.out) writeReport(path.resolve(io.cwd, args.out), text);
        else io.stdout(text);
        return reportUnreadable(ws, io);
      }
      case 'summary': {
        const shown = args.paths.length ? args.paths.join(', ') : path.basename(io.cwd) || '.';
        io.stdout(formatSummary(ws, today, shown, { colors: c, width: io.columns }));
        return reportUnreadable(ws, io);
      }
      default:
        throw new UsageError(`unknown command '${args.command}'`);
    }
  } finally {
    titles?.finish();
  }
}

/** A .gitignore line skipped as too long: a warning on stderr (the exit code is the run's). */
function warnIgnored(ws: { ignoreWarnings: readonly string[] }, io: Io): void {
  for (const w of ws.ignoreWarnings) io.stderr(`okr: warning: ${w}\n`);
}

/** --out: the report to a file; a folder that does not exist or a file that cannot be written is bad input, said plainly. */
function writeReport(file: string, text: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new InputError(`cannot write the report to ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

/**
 * score / report / summary show the files they could read; each one they could not is one line on
 * stderr and the exit code is 2, so a script notices the gap.
 */
function reportUnreadable(ws: Workspace, io: Io): number {
  for (const u of ws.unreadable) io.stderr(`okr: ${u.message}\n`);
  return ws.unreadable.length > 0 ? 2 : 0;
}

function check(args: ParsedArgs, io: Io, ws: Workspace, today: string, c: Colors): number {
  // As a filter, an empty stdout would read as "the fixed text is empty": fail instead (exit 2, nothing on stdout).
  if (args.fix && args.stdin && ws.unreadable.length > 0) throw new InputError(ws.unreadable[0]!.message);
  const fixes = args.fix ? fixWorkspace(ws, today) : [];
  if (args.fix) writeFixedFiles(fixes);
  // `--fix` on standard input is a filter: the text (fixed or not) on stdout, the report on stderr.
  if (args.fix && args.stdin) io.stdout(ws.reported[0]!.doc.text);
  return printCheck(args, io, runCheck(ws, today), fixes, c);
}

/** Prints a check's report in the chosen format and returns the exit code. */
function printCheck(args: ParsedArgs, io: Io, checked: CheckResult, fixes: FileFixes[], c: Colors): number {
  const result = args.quiet ? errorsOnly(checked) : checked;
  const filter = args.fix && args.stdin;
  const report = filter ? io.stderr : io.stdout;
  const rc = filter ? colors(false) : c;
  const format = args.format ?? 'text';
  const fixedByPath = args.fix ? new Map<string, AppliedFix[]>(fixes.map((f) => [f.file.rel, f.fixed])) : undefined;
  const fixReport = args.quiet ? '' : formatFixes(fixes, rc);
  if (format === 'json') report(formatJson(result, fixedByPath));
  else {
    // The other formats have no place for fixes: text shows them first, sarif and github on stderr.
    if (format === 'text') report(fixReport);
    else io.stderr(fixReport);
    if (format === 'sarif') report(formatSarif(result, version));
    else if (format === 'github') report(formatGithub(result));
    else report(formatText(result, { colors: rc, maxWarnings: args.maxWarnings, width: filter ? undefined : io.columns, quiet: args.quiet }));
  }
  const tooManyWarnings = args.maxWarnings !== undefined && args.maxWarnings >= 0 && result.summary.warnings > args.maxWarnings;
  if (tooManyWarnings && format !== 'text') io.stderr(`okr: too many warnings: ${result.summary.warnings} (--max-warnings ${args.maxWarnings})\n`);
  return result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', (e: NodeJS.ErrnoException) => reject(new InputError(`standard input: cannot read (${e.code ?? e.message})`)));
  });
}

/**
 * A second thread that judges key-result titles while a large file is parsed (node/quality-pool.ts),
 * for files of a size where that saves more than the thread's start costs; off with
 * OKR_QUALITY_THREAD=0 (the output is the same either way, only later).
 */
function titleThread(io: Io): { parseHooks: LoadOptions['parseHooks']; start(): void; finish(): void } | undefined {
  const pool = io.env.OKR_QUALITY_THREAD === '0' ? undefined : qualityPool(__dirname);
  if (!pool) return undefined;
  return {
    // Large files only: a workspace of 2,000 small team files repeats its titles (the thread judged 120
    // of 40,000) and checked no faster with it.
    parseHooks: (text, config) => (text.length >= TITLE_THREAD_FROM_BYTES ? pool.hooks(config) : undefined),
    // The parse is over: the rules may start, waiting only for an answer they need that is not in yet.
    start: () => {
      pool.flush();
      onQualityMiss((title, config) => pool.waitFor(title, config));
    },
    finish: () => {
      onQualityMiss(undefined);
      pool.close();
      if (io.env.OKR_DEBUG) io.stderr(`okr: ${pool.answered} key-result titles judged on a second thread\n`);
    },
  };
}

/** The process entry: real streams, and a last-resort handler that prints one line, never a stack. */
export async function main(): Promise<void> {
  // `okr check | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = await run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      isTTY: Boolean(process.stdout.isTTY),
      columns: process.stdout.isTTY ? process.stdout.columns : undefined,
      readStdin: () => readAll(process.stdin),
    });
  } catch (e) {
    const known = e instanceof UsageError || e instanceof InputError;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`okr: ${known ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    if (!known && process.env.OKR_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    process.exitCode = 2;
  }
}

// The threads of a parallel check run this same bundle: they do their share instead of main().
if (!runWorkerIfAny() && require.main === module) void main();
