// Code tags in a real VS Code: the code lens over a key result counts its tagged code and opens it in
// a peek, and from the tag in the source file, go to definition leads back to the key result.
// Fixtures: test/vscode/workspace/org/company.okr and src/incidents.ts (tagged with mission/incidents).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './helpers';

describe('code tags', function () {
  this.timeout(60_000);

  it('the code lens over a key result opens its tagged code in a peek, and the tag leads back', async () => {
    const company = workspaceFile('org', 'company.okr');
    const tagged = workspaceFile('src', 'incidents.ts');
    const doc = await vscode.workspace.openTextDocument(company);
    await vscode.window.showTextDocument(doc);
    const krLine = doc.positionAt(doc.getText().indexOf('id: incidents')).line;
    // The source files are searched after the .okr files: poll until the lens counts the tag.
    const lens = await waitFor(
      'a code lens counting the tagged code over the incidents key result',
      async () => {
        const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', company)) ?? [];
        return lenses.find((l) => l.range.start.line === krLine && l.command?.title === '1 code reference');
      },
      30_000,
      200,
    );
    assert.equal(lens.command!.command, 'okr.showReferences');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === tagged.toString()), 'the tagged file is not open yet');
    // Run as a click on the lens does: the peek loads the tagged file to preview it.
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    await waitFor('the tagged file previewed in the peek', () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === tagged.toString()), 10_000);
    await vscode.commands.executeCommand('closeReferenceSearch');

    const code = await vscode.workspace.openTextDocument(tagged);
    const at = code.positionAt(code.getText().indexOf('mission/incidents'));
    const defs = (await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', tagged, at)) ?? [];
    const def = defs[0];
    assert.ok(def, 'a definition for the tag');
    const uri = 'targetUri' in def ? def.targetUri : def.uri;
    const range = 'targetRange' in def ? def.targetRange : def.range;
    assert.equal(uri.toString(), company.toString());
    assert.equal(range.start.line, krLine);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
