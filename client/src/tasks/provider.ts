// Offers "okr: check" in Tasks: Run Task (one per workspace folder) and runs `okr` tasks written in
// tasks.json. Output goes through the `$okr` problem matcher into the Problems panel. How the process
// is chosen is explained in checkTask.ts.
import * as vscode from 'vscode';
import { BUNDLED_CLI, defaultCheckDefinition, PROBLEM_MATCHER, readTaskDefinition, TASK_TYPE, taskProcess, type OkrTaskDefinition } from './checkTask';

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
    const p = taskProcess(definition, this.cliPath, process.execPath);
    // Relative paths in the output are relative to this folder, as the problem matcher expects.
    const execution = new vscode.ProcessExecution(p.command, p.args, { cwd: folder.uri.fsPath, env: p.env });
    const task = new vscode.Task(original, folder, definition.command, TASK_TYPE, execution, [PROBLEM_MATCHER]);
    task.detail = `okr ${[definition.command, ...(definition.args ?? []), ...(definition.paths ?? [])].join(' ')}`;
    return task;
  }
}

export function registerTaskProvider(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.tasks.registerTaskProvider(TASK_TYPE, new OkrTaskProvider(context.asAbsolutePath(BUNDLED_CLI), output));
}
