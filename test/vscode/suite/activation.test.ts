// The extension loads into a real VS Code and activates when an .okr file is opened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, workspaceFile } from './helpers';

describe('activation', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('is installed from the development path and contributes the okr language', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    assert.ok((await vscode.languages.getLanguages()).includes('okr'), 'language id okr is not registered');
  });

  it('opening an .okr file sets language okr and activates the extension', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const doc = await vscode.workspace.openTextDocument(workspaceFile('platform.okr'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'okr');
    // VS Code has no event for "extension activated": poll with a deadline.
    await waitFor('the extension to activate after opening an .okr file', () => ext.isActive, 15000);
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'okr');
  });

  it('recognises .okr files in sub-folders too', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('team/vague.okr'));
    assert.equal(doc.languageId, 'okr');
  });
});
