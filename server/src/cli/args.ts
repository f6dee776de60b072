// Command-line parsing: `okr <command> [paths...] [options]`. Hand-written so every mistake gets
// one clear line (which option, what was expected) rather than a library's generic message.
import { isValidIsoDate } from '../core';
import { UsageError } from './errors';

export const COMMANDS = ['check', 'score', 'report', 'summary', 'refs', 'diff', 'init', 'schema', 'rules'] as const;
export type Command = (typeof COMMANDS)[number];

export interface ParsedArgs {
  command?: Command;
  help: boolean;
  version: boolean;
  paths: string[];
  format?: string;
  /** --out: write the report to this file instead of standard output. */
  out?: string;
  maxWarnings?: number;
  today?: string;
  config?: string;
  noColor: boolean;
  /** --fix: apply the safe fixes. */
  fix: boolean;
  /** --quiet: errors only. */
  quiet: boolean;
  /** Read the file from standard input (`-` as the path, or --stdin-filename). */
  stdin: boolean;
  /** --stdin-filename: the path standard input stands for. */
  stdinFilename?: string;
  /** --jobs: threads `okr check` may use (default: one per core for large workspaces). */
  jobs?: number;
  /** How many positionals came before `--` (okr diff: revisions before it, paths after). */
  beforeDashDash?: number;
}

type OptionName = 'format' | 'out' | 'max-warnings' | 'today' | 'config' | 'no-color' | 'fix' | 'quiet' | 'stdin-filename' | 'jobs';

/** Which options each command accepts, the formats it can print, and how many paths it takes. */
export const COMMAND_OPTIONS: Record<Command, { options: OptionName[]; formats?: string[]; paths: boolean | 'one' }> = {
  check: {
    options: ['format', 'max-warnings', 'today', 'config', 'no-color', 'fix', 'quiet', 'stdin-filename', 'jobs'],
    formats: ['text', 'json', 'sarif', 'github'],
    paths: true,
  },
  score: { options: ['format', 'today', 'config', 'no-color'], formats: ['text', 'json'], paths: true },
  report: { options: ['format', 'out', 'today', 'config'], formats: ['md', 'html'], paths: true },
  summary: { options: ['today', 'config', 'no-color'], paths: true },
  // The first positional is the key result's reference; the rest are paths.
  refs: { options: ['format', 'config'], formats: ['text', 'json'], paths: true },
  diff: { options: ['format', 'today', 'config', 'no-color'], formats: ['text', 'markdown', 'json'], paths: true },
  init: { options: ['today'], paths: 'one' },
  schema: { options: [], paths: false },
  rules: { options: [], paths: false },
};

const TAKES_VALUE = new Set<OptionName>(['format', 'out', 'max-warnings', 'today', 'config', 'stdin-filename', 'jobs']);
const KNOWN = new Set<string>(['format', 'out', 'max-warnings', 'today', 'config', 'no-color', 'fix', 'quiet', 'stdin-filename', 'jobs', 'help', 'version']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const out: ParsedArgs = { help: false, version: false, paths: [], noColor: false, fix: false, quiet: false, stdin: false };
  const seen: OptionName[] = [];
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      if (out.command === undefined) {
        if (!(COMMANDS as readonly string[]).includes(arg)) {
          throw new UsageError(`unknown command '${arg}' (commands: ${COMMANDS.join(', ')}; see okr --help)`);
        }
        out.command = arg as Command;
      } else {
        out.paths.push(arg);
      }
      continue;
    }
    if (arg === '--') {
      if (!onlyPositionals) out.beforeDashDash = out.paths.length;
      onlyPositionals = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      out.help = true;
      continue;
    }
    if (arg === '-v' || arg === '--version') {
      out.version = true;
      continue;
    }
    if (arg === '-q') {
      out.quiet = true;
      seen.push('quiet');
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unknown option '${arg}' (see okr --help)`);
    const eq = arg.indexOf('=');
    const name = (eq < 0 ? arg.slice(2) : arg.slice(2, eq)) as OptionName;
    if (!KNOWN.has(name)) throw new UsageError(`unknown option '--${name}' (see okr ${out.command ?? ''}${out.command ? ' ' : ''}--help)`);
    let value: string | undefined;
    if (TAKES_VALUE.has(name)) {
      if (eq >= 0) value = arg.slice(eq + 1);
      else {
        value = argv[i + 1];
        if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`option '--${name}' needs a value`);
        i++;
      }
    } else if (eq >= 0) {
      throw new UsageError(`option '--${name}' takes no value`);
    }
    seen.push(name);
    switch (name) {
      case 'format':
        out.format = value;
        break;
      case 'out':
        if (value === '' || value === '-') throw new UsageError(`--out needs a file name`);
        out.out = value;
        break;
      case 'max-warnings': {
        if (!/^-?\d+$/.test(value!) || Number(value) < -1) throw new UsageError(`--max-warnings needs a whole number of warnings (0 or more, or -1 for no limit), got '${value}'`);
        out.maxWarnings = Number(value);
        break;
      }
      case 'today':
        if (!isValidIsoDate(value!)) throw new UsageError(`--today needs a date YYYY-MM-DD, got '${value}'`);
        out.today = value;
        break;
      case 'config':
        if (value === '') throw new UsageError(`--config needs a file name`);
        out.config = value;
        break;
      case 'no-color':
        out.noColor = true;
        break;
      case 'fix':
        out.fix = true;
        break;
      case 'quiet':
        out.quiet = true;
        break;
      case 'stdin-filename':
        if (value === '' || value === '-') throw new UsageError(`--stdin-filename needs the path of the file standard input stands for`);
        out.stdinFilename = value;
        break;
      case 'jobs':
        if (!/^\d+$/.test(value!) || Number(value) < 1 || Number(value) > 64) throw new UsageError(`--jobs needs a number of threads from 1 to 64, got '${value}'`);
        out.jobs = Number(value);
        break;
    }
  }
  if (out.command && !out.help) {
    const spec = COMMAND_OPTIONS[out.command];
    for (const name of seen) {
      if (!spec.options.includes(name)) throw new UsageError(`'okr ${out.command}' has no option '--${name}' (see okr ${out.command} --help)`);
    }
    if (!spec.paths && out.paths.length) throw new UsageError(`'okr ${out.command}' takes no paths, got '${out.paths[0]}'`);
    if (spec.paths === 'one' && out.paths.length > 1) throw new UsageError(`'okr ${out.command}' takes one folder, got '${out.paths.join("', '")}'`);
    checkStdin(out);
    if (out.format !== undefined && !spec.formats!.includes(out.format)) {
      throw new UsageError(`--format must be one of ${spec.formats!.join(', ')} for 'okr ${out.command}', got '${out.format}'`);
    }
  }
  return out;
}

/** `-` (standard input) is the only path when given, and --stdin-filename implies it. */
function checkStdin(out: ParsedArgs): void {
  const dash = out.paths.includes('-');
  if (dash && out.command !== 'check') throw new UsageError(`'okr ${out.command}' cannot read standard input ('-'); give paths`);
  if (dash && out.paths.length > 1) throw new UsageError(`'-' (standard input) cannot be combined with other paths`);
  if (out.stdinFilename !== undefined && out.paths.length > 0 && !dash) {
    throw new UsageError(`--stdin-filename reads the file from standard input: give no other paths (got '${out.paths[0]}')`);
  }
  out.stdin = dash || out.stdinFilename !== undefined;
  if (out.stdin) out.paths = [];
}

/** Today: --today, else OKR_TODAY, else the clock (UTC). A malformed OKR_TODAY is a usage error, not silently ignored. */
export function resolveToday(flag: string | undefined, env: NodeJS.ProcessEnv, now: Date = new Date()): string {
  if (flag) return flag;
  const fixed = env.OKR_TODAY;
  if (fixed !== undefined && fixed !== '') {
    if (!isValidIsoDate(fixed)) throw new UsageError(`OKR_TODAY must be a date YYYY-MM-DD, got '${fixed}'`);
    return fixed;
  }
  return now.toISOString().slice(0, 10);
}
