// The organisation in a real VS Code: the Problems panel lists problems of .okr files that are not
// open, and a closed file broken by an edit of its parent in another file shows it (and clears when
// the parent is mended). Fixtures: test/vscode/workspace/org/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './helpers';

interface NodeSnapshot {
  id: string;
  label: string;
  description: string;
  children: NodeSnapshot[];
}
const snapshot = async () => (await vscode.commands.executeCommand<{ roots: NodeSnapshot[] }>('okr.test.treeSnapshot'))!;
function* walk(nodes: NodeSnapshot[]): Generator<NodeSnapshot> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

const codes = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));

describe('organisation', function () {
  this.timeout(60_000);

  it('lists the problems of a file that is not open, and follows an edit of its parent in another file', async () => {
    const team = workspaceFile('org', 'team.okr');
    const company = workspaceFile('org', 'company.okr');
    // Activation comes with any .okr document; open the parent only, never the team file.
    const doc = await vscode.workspace.openTextDocument(company);
    await vscode.window.showTextDocument(doc);
    await waitFor('the closed team file\'s kr-not-measurable in the Problems panel', () => codes(team).includes('kr-not-measurable'), 30_000);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === team.toString()), 'the team file stays closed');
    assert.ok(!codes(team).includes('alignment-unresolved'));

    const at = doc.getText().indexOf('id: mission');
    const range = new vscode.Range(doc.positionAt(at + 4), doc.positionAt(at + 'id: mission'.length));
    const rename = new vscode.WorkspaceEdit();
    rename.replace(company, range, 'purpose');
    assert.ok(await vscode.workspace.applyEdit(rename));
    await waitFor('alignment-unresolved on the closed team file', () => codes(team).includes('alignment-unresolved'), 20_000);

    const back = new vscode.WorkspaceEdit();
    back.replace(company, new vscode.Range(doc.positionAt(at + 4), doc.positionAt(at + 'id: purpose'.length)), 'mission');
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor('the closed team file mended', () => !codes(team).includes('alignment-unresolved'), 20_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('shows the objectives aligned to a parent under it in the tree, with their scores', async () => {
    // team.okr's objective aligns to org/company#mission; the team file is never opened.
    const group = await waitFor(
      'an Aligned group under the mission objective',
      async () => [...walk((await snapshot()).roots)].find((n) => n.label.startsWith('Aligned') && n.id.includes('company.okr#mission')),
      30_000,
    );
    assert.equal(group.label, 'Aligned (1)');
    const child = group.children[0]!;
    assert.equal(child.label, 'Make checkout dependable');
    // (1.2 - 2.4) / (0.5 - 2.4) = 0.63 for its one scored key result (the vague one has no score).
    assert.match(child.description, /0\.63/);
  });
});
