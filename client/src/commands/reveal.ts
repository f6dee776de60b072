// Reveal in File (tree click and context menu), Copy Reference, and Show in Objectives (status bar).
import * as vscode from 'vscode';
import type { TreeNode } from '../tree/nodes';
import { keyResultAtCursor } from './pickKeyResult';
import type { Services } from './services';

export function referenceOf(node: TreeNode): string | undefined {
  switch (node.kind) {
    case 'keyResult':
      return node.keyResult.ref;
    case 'objective':
    case 'alignedGroup':
      return node.objective.ref;
    case 'alignedObjective':
      return node.child.ref;
    case 'file':
      return node.file.fileRef;
    case 'period':
      return undefined;
  }
}

export async function revealInFile(node: TreeNode | undefined): Promise<boolean> {
  if (!node || node.kind === 'period') return false;
  const uri = vscode.Uri.parse(node.uri);
  const start = node.kind === 'file' ? new vscode.Position(0, 0) : new vscode.Position(node.range.start.line, node.range.start.character);
  const editor = await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start), preserveFocus: false, preview: true });
  if (node.kind !== 'file') {
    const r = node.range;
    editor.revealRange(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
  return true;
}

export async function copyReference(services: Services, node: TreeNode | undefined): Promise<string | undefined> {
  const ref = node ? referenceOf(node) : keyResultAtCursor(services.store)?.keyResult.ref;
  if (!ref) {
    void vscode.window.showInformationMessage('Select a key result or objective (in the tree or with the cursor) to copy its reference.');
    return undefined;
  }
  await vscode.env.clipboard.writeText(ref);
  vscode.window.setStatusBarMessage(`$(copy) Copied ${ref}`, 3000);
  return ref;
}

export async function revealFileInTree(services: Services, uri: vscode.Uri | undefined): Promise<boolean> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return false;
  await services.store.get();
  return services.view.revealFile(target);
}
