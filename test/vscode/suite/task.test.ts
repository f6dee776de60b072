// The `okr check` task in a real VS Code: offered by the extension's task provider, run through
// the bundled CLI, and read by the `$okr` problem matcher into the Problems panel (next to the
// server's own diagnostics of the same file). Fixture: test/vscode/workspace/org/team.okr.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, waitForEvent, workspaceFile } from './helpers';

const code = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

describe('okr check task', function () {
  this.timeout(90_000);

  it('is offered for the folder, runs, and its problem matcher fills the Problems panel', async () => {
    const team = workspaceFile('org', 'team.okr');
    // The server publishes the closed file's problem first (the extension is active once any .okr is open).
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('org', 'company.okr')));
    await waitFor('the server\'s kr-not-measurable on team.okr', () => vscode.languages.getDiagnostics(team).some((d) => code(d) === 'kr-not-measurable'), 30_000);

    const tasks = await vscode.tasks.fetchTasks({ type: 'okr' });
    const check = tasks.find((t) => t.name.includes('check'));
    assert.ok(check, `okr tasks: ${tasks.map((t) => t.name).join(', ') || 'none'}`);
    const ended = waitForEvent('the okr check task to end', vscode.tasks.onDidEndTask, (e) => e.execution.task.name === check.name, 60_000);
    await vscode.tasks.executeTask(check);
    await ended;
    // One from the language server, one read by $okr from the task's output.
    await waitFor('the task\'s kr-not-measurable on team.okr', () => vscode.languages.getDiagnostics(team).filter((d) => code(d) === 'kr-not-measurable').length === 2, 20_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
