// The progress panel in a real VS Code: OKR: Show Progress Panel opens one webview tab of type
// okr.progress whose page (real CSP, real script) draws the same key results as the tree and
// redraws after a check-in changes the model. The page's own `rendered` report, read through the
// hidden okr.test.progressSnapshot command, says what it drew. No sleeps: polling with deadlines.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceFile } from './helpers';

interface Snapshot {
  open: boolean;
  visible: boolean;
  revision: number;
  rendered?: { revision: number; files: number; keyResults: number; trendPoints: number };
}
interface NodeSnapshot {
  contextValue: string;
  children: NodeSnapshot[];
}

const snapshot = async (): Promise<Snapshot> => (await vscode.commands.executeCommand<Snapshot>('okr.test.progressSnapshot'))!;

function panelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('okr.progress'));
}

/** The page drew the latest view the extension sent, and it satisfies `ok`. */
async function drawn(what: string, ok: (r: NonNullable<Snapshot['rendered']>) => boolean): Promise<NonNullable<Snapshot['rendered']>> {
  let last: Snapshot | undefined;
  try {
    return await waitFor(
      what,
      async () => {
        last = await snapshot();
        const r = last.rendered;
        return r && r.revision === last.revision && ok(r) ? r : undefined;
      },
      20000,
      100,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

async function treeKeyResults(): Promise<number> {
  const s = (await vscode.commands.executeCommand<{ description: string; roots: NodeSnapshot[] }>('okr.test.treeSnapshot'))!;
  assert.equal(s.description, '', 'the tree is not filtered');
  const count = (nodes: NodeSnapshot[]): number => nodes.reduce((n, node) => n + (node.contextValue.startsWith('okr.keyResult') ? 1 : 0) + count(node.children), 0);
  return count(s.roots);
}

describe('progress panel', () => {
  before(async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('platform.okr'));
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    await waitFor('the extension to activate', () => ext?.isActive, 15000);
  });

  after(async () => {
    for (const tab of panelTabs()) await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('OKR: Show Progress Panel opens one webview tab whose page draws every key result of the tree', async () => {
    await vscode.commands.executeCommand('okr.showProgress');
    await waitFor('a webview tab of type okr.progress', () => panelTabs().length === 1);
    assert.equal(panelTabs()[0]!.label, 'OKR Progress');
    const want = await treeKeyResults();
    assert.ok(want > 0);
    const r = await drawn(`the page to draw ${want} key results`, (x) => x.keyResults === want);
    assert.ok(r.files >= 3, `files: ${r.files}`);
    assert.ok(r.trendPoints > 0, 'the fixtures have check-ins: some sparkline has points');
    const s = await snapshot();
    assert.ok(s.open && s.visible);
  });

  it('running the command again reveals the same panel instead of opening another', async () => {
    await vscode.commands.executeCommand('okr.showProgress');
    await vscode.commands.executeCommand('okr.showProgress');
    assert.equal(panelTabs().length, 1);
  });

  it('redraws when a check-in changes the model, and again when the edit is reverted', async () => {
    const before = await drawn('the page to draw the current model', () => true);
    const doc = await vscode.workspace.openTextDocument(workspaceFile('platform.okr'));
    const ok = await vscode.commands.executeCommand('okr.checkIn', { uri: doc.uri.toString(), objectiveId: 'platform-reliability', keyResultId: 'p95-latency', value: 600, date: '2026-08-01' });
    assert.equal(ok, true);
    await drawn('one more sparkline point after the check-in', (r) => r.trendPoints === before.trendPoints + 1);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await drawn('the point gone after the revert', (r) => r.trendPoints === before.trendPoints);
  });

  it('closing the tab disposes the panel; the command opens a new one', async () => {
    for (const tab of panelTabs()) await vscode.window.tabGroups.close(tab);
    await waitFor('the panel to be disposed', async () => !(await snapshot()).open);
    await vscode.commands.executeCommand('okr.showProgress');
    await waitFor('a new okr.progress tab', () => panelTabs().length === 1);
    await drawn('the new page to draw the model', (r) => r.keyResults > 0);
  });
});
