// The `okr` task type (package.json `contributes.taskDefinitions`) as plain data: which definitions
// are valid and the process one runs. No `vscode` import, so it is unit-tested.
//
// The task runs the CLI bundled with the extension (dist/cli.js), not `npx okr check`: the CLI is the
// same build as the language server the editor runs, so the task reports what the Problems panel
// shows; nothing needs installing in the workspace (npx would look for okr-as-code in the
// workspace's node_modules or the registry); and no shell stands between the arguments and the
// process, so paths need no quoting. The Node that runs it is the one that runs VS Code's extension
// host (`process.execPath`): in the desktop app that is Electron, which acts as plain Node when
// ELECTRON_RUN_AS_NODE=1; where the extension host is Node itself (code-server) the variable is
// ignored.
//
// The CLI's output reaches the terminal through pipes (run.ts), not a terminal of its own: on a
// terminal `okr check` wraps long messages to the width, and the `$okr` problem matcher needs one
// line per problem. FORCE_COLOR keeps the colours; VS Code drops colour codes before matching.

export const TASK_TYPE = 'okr';
/** The CLI bundle the task runs, relative to the extension folder: the .vsix must ship it. */
export const BUNDLED_CLI = 'dist/cli.js';
/** Commands a task may run; `check` is the one with a problem matcher. */
export const TASK_COMMANDS = ['check'] as const;
export type TaskCommand = (typeof TASK_COMMANDS)[number];
/** The problem matcher contributed for `okr check`'s text output (package.json `problemMatchers`). */
export const PROBLEM_MATCHER = '$okr';

/** What a task of type `okr` says in tasks.json (and what the provider's tasks carry). */
export interface OkrTaskDefinition {
  type: typeof TASK_TYPE;
  command: TaskCommand;
  /** Files or folders, relative to the workspace folder; none means the whole folder. */
  paths?: string[];
  /** More options for the command, e.g. ["--max-warnings", "0"]. */
  args?: string[];
}

export interface TaskProcess {
  command: string;
  args: string[];
  env: Record<string, string>;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** The definition, or why it is not one this extension can run (tasks.json is hand-written). */
export function readTaskDefinition(raw: unknown): { ok: true; definition: OkrTaskDefinition } | { ok: false; message: string } {
  const d = (raw ?? {}) as Record<string, unknown>;
  if (d.type !== TASK_TYPE) return { ok: false, message: `not an ${TASK_TYPE} task` };
  if (!(TASK_COMMANDS as readonly unknown[]).includes(d.command)) {
    return { ok: false, message: `an okr task needs "command": one of ${TASK_COMMANDS.map((c) => `"${c}"`).join(', ')}, got ${JSON.stringify(d.command)}` };
  }
  if (d.paths !== undefined && !isStringArray(d.paths)) return { ok: false, message: 'an okr task\'s "paths" must be a list of strings' };
  if (d.args !== undefined && !isStringArray(d.args)) return { ok: false, message: 'an okr task\'s "args" must be a list of strings' };
  return { ok: true, definition: { type: TASK_TYPE, command: d.command as TaskCommand, paths: d.paths as string[] | undefined, args: d.args as string[] | undefined } };
}

/** The task the provider offers for each workspace folder: "okr: check" on the whole folder. */
export function defaultCheckDefinition(): OkrTaskDefinition {
  return { type: TASK_TYPE, command: 'check' };
}

/** The process a definition runs: the bundled CLI under the extension host's Node. */
export function taskProcess(definition: OkrTaskDefinition, cliPath: string, execPath: string): TaskProcess {
  // `--` keeps a path that starts with a dash from being read as an option.
  const paths = definition.paths?.length ? ['--', ...definition.paths] : [];
  return {
    command: execPath,
    args: [cliPath, definition.command, ...(definition.args ?? []), ...paths],
    env: { ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '1' },
  };
}
