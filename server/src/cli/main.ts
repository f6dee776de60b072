// The `okr` command line: parse arguments, dispatch to a command, map outcomes to exit codes
// (0 clean, 1 problems found, 2 bad usage or unreadable input). Nothing escapes as a stack trace.
import * as path from 'node:path';
import { okrJsonSchema } from '../core';
import { version } from '../../../package.json';
import { parseArgs, resolveToday, type ParsedArgs } from './args';
import { runCheck } from './check';
import { colors, shouldColor } from './color';
import { InputError, UsageError } from './errors';
import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { helpText } from './help';
import { loadWorkspace } from './load-workspace';
import { formatReport } from './report';
import { formatRules } from './rules';
import { formatScoreJson, formatScoreText, scoreFiles } from './score';
import { formatSummary } from './summary';

export interface Io {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  isTTY: boolean;
  columns?: number;
}

/** Runs one command line; returns the exit code. Throws UsageError / InputError for exit 2. */
export function run(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv);
  if (args.version) {
    io.stdout(version + '\n');
    return 0;
  }
  if (args.help) {
    io.stdout(helpText(args.command));
    return 0;
  }
  if (!args.command) {
    io.stderr(helpText());
    return 2;
  }
  switch (args.command) {
    case 'schema':
      io.stdout(JSON.stringify(okrJsonSchema(), null, 2) + '\n');
      return 0;
    case 'rules':
      io.stdout(formatRules());
      return 0;
    default:
      return runOnFiles(args, io);
  }
}

function runOnFiles(args: ParsedArgs, io: Io): number {
  const today = resolveToday(args.today, io.env);
  const c = colors(shouldColor(args.noColor, io.env, io.isTTY));
  const ws = loadWorkspace({ paths: args.paths, cwd: io.cwd, configFile: args.config });
  switch (args.command) {
    case 'check': {
      const result = runCheck(ws, today);
      const format = args.format ?? 'text';
      if (format === 'json') io.stdout(formatJson(result));
      else if (format === 'sarif') io.stdout(formatSarif(result, version));
      else if (format === 'github') io.stdout(formatGithub(result));
      else io.stdout(formatText(result, { colors: c, maxWarnings: args.maxWarnings }));
      const tooManyWarnings = args.maxWarnings !== undefined && args.maxWarnings >= 0 && result.summary.warnings > args.maxWarnings;
      if (tooManyWarnings && format !== 'text') io.stderr(`okr: too many warnings: ${result.summary.warnings} (--max-warnings ${args.maxWarnings})\n`);
      return result.summary.errors > 0 || tooManyWarnings ? 1 : 0;
    }
    case 'score': {
      const rows = scoreFiles(ws.reported, today);
      io.stdout(args.format === 'json' ? formatScoreJson(rows) : formatScoreText(rows, { colors: c, today, width: io.columns }));
      return 0;
    }
    case 'report': {
      io.stdout(formatReport(scoreFiles(ws.reported, today), runCheck(ws, today), today));
      return 0;
    }
    case 'summary': {
      const shown = args.paths.length ? args.paths.join(', ') : path.basename(io.cwd) || '.';
      io.stdout(formatSummary(ws, today, shown, { colors: c, width: io.columns }));
      return 0;
    }
    default:
      throw new UsageError(`unknown command '${args.command}'`);
  }
}

/** The process entry: real streams, and a last-resort handler that prints one line, never a stack. */
export function main(): void {
  // `okr check | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  try {
    process.exitCode = run(process.argv.slice(2), {
      cwd: process.cwd(),
      env: process.env,
      stdout: (t) => process.stdout.write(t),
      stderr: (t) => process.stderr.write(t),
      isTTY: Boolean(process.stdout.isTTY),
      columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    });
  } catch (e) {
    const known = e instanceof UsageError || e instanceof InputError;
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`okr: ${known ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    if (!known && process.env.OKR_DEBUG && e instanceof Error && e.stack) process.stderr.write(e.stack + '\n');
    process.exitCode = 2;
  }
}

if (require.main === module) main();
