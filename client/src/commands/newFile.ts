// OKR: New OKR File. Asks for a name in the workspace (or a save dialog without a folder), writes the
// template with the current quarter and a sample objective, and opens it.
import * as vscode from 'vscode';
import { newFileTemplate, normalizeNewFileName, quarterOf, teamFromPath } from './template';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function chooseTarget(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    return vscode.window.showSaveDialog({ filters: { OKR: ['okr'] }, saveLabel: 'Create OKR File', title: 'New OKR File' });
  }
  const folder = folders.length === 1 ? folders[0] : await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder for the new OKR file' });
  if (!folder) return undefined;
  const name = await vscode.window.showInputBox({
    title: 'New OKR File',
    prompt: `File name in ${folder.name} (a path like teams/platform works too)`,
    value: 'team',
    valueSelection: [0, 4],
    validateInput: async (s) => {
      const r = normalizeNewFileName(s);
      if (!r.ok) return r.message;
      return (await exists(vscode.Uri.joinPath(folder.uri, r.path))) ? `${r.path} already exists` : undefined;
    },
  });
  if (name === undefined) return undefined;
  const r = normalizeNewFileName(name);
  return r.ok ? vscode.Uri.joinPath(folder.uri, r.path) : undefined;
}

/** `arg.path` (relative to the first workspace folder) skips the prompts: for tests. */
export async function newFile(arg?: unknown): Promise<vscode.Uri | undefined> {
  let uri: vscode.Uri | undefined;
  const given = (arg as { path?: unknown } | undefined)?.path;
  if (typeof given === 'string') {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const r = normalizeNewFileName(given);
    if (!folder || !r.ok) return undefined;
    uri = vscode.Uri.joinPath(folder.uri, r.path);
  } else {
    uri = await chooseTarget();
  }
  if (!uri) return undefined;
  if (await exists(uri)) {
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists.`);
    return undefined;
  }
  const text = newFileTemplate({ period: quarterOf(new Date()), team: teamFromPath(uri.path) });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return uri;
}
