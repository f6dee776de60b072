// Offers "okr: check" in Tasks: Run Task (one per workspace folder) and runs `okr` tasks written in
// tasks.json. Output goes through the `$okr` problem matcher into the Problems panel. Which process
// runs, and why through pipes rather than a terminal of its own, is explained in checkTask.ts.
import * as vscode from 'vscode';
import { BUNDLED_CLI, defaultCheckDefinition, PROBLEM_MATCHER, readTaskDefinition, TASK_TYPE, taskProcess, type OkrTaskDefinition } from './checkTask';
import { runTaskProcess } from './run';

/** The task's terminal: shows the process's output and closes with its exit code. */
class TaskTerminal implements vscode.Pseudoterminal {
  private readonly written = new vscode.EventEmitter<string>();
  private readonly closed = new vscode.EventEmitter<number>();
  readonly onDidWrite = this.written.event;
  readonly onDidClose = this.closed.event;
  private stop: (() => void) | undefined;

  constructor(
    private readonly definition: OkrTaskDefinition,
    private readonly cliPath: string,
    private readonly cwd: string,
  ) {}

  open(): void {
    const p = taskProcess(this.definition, this.cliPath, process.execPath);
    this.stop = runTaskProcess(p, this.cwd, {
      write: (text) => this.written.fire(text),
      exit: (code) => this.closed.fire(code),
    });
  }

  close(): void {
    this.stop?.();
    this.written.dispose();
    this.closed.dispose();
  }
}

export class OkrTaskProvider implements vscode.TaskProvider {
  constructor(
    private readonly cliPath: string,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  provideTasks(): vscode.Task[] {
    return (vscode.workspace.workspaceFolders ?? []).map((folder) => this.task(defaultCheckDefinition(), folder));
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    const read = readTaskDefinition(task.definition);
    if (!read.ok) {
      this.output.warn(`[tasks] ${task.name}: ${read.message}`);
      return undefined;
    }
    // A task from tasks.json: its own definition object must be kept, and its scope (folder).
    const folder = typeof task.scope === 'object' ? task.scope : vscode.workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    return this.task(read.definition, folder, task.definition);
  }

  private task(definition: OkrTaskDefinition, folder: vscode.WorkspaceFolder, original: vscode.TaskDefinition = definition): vscode.Task {
    // Relative paths in the output are relative to this folder, as the problem matcher expects.
    const execution = new vscode.CustomExecution(async () => new TaskTerminal(definition, this.cliPath, folder.uri.fsPath));
    const task = new vscode.Task(original, folder, definition.command, TASK_TYPE, execution, [PROBLEM_MATCHER]);
    task.detail = `okr ${[definition.command, ...(definition.args ?? []), ...(definition.paths ?? [])].join(' ')}`;
    return task;
  }
}

export function registerTaskProvider(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, new OkrTaskProvider(context.asAbsolutePath(BUNDLED_CLI), output));
}
