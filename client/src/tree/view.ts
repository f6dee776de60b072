// The Objectives view: the TreeView around the provider, its description (active filter and sort),
// a context key for the title-bar buttons, and following the cursor in an .okr editor.
import * as vscode from 'vscode';
import { normalizeUri } from '../model/store';
import { fileNodeOf, nodeAt, type TreeNode } from './nodes';
import { ObjectivesProvider, VIEW_ID } from './provider';

export class ObjectivesView implements vscode.Disposable {
  readonly view: vscode.TreeView<TreeNode>;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(readonly provider: ObjectivesProvider) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
    this.disposables.push(
      this.view,
      provider.onDidChangeOptions(() => this.updateDescription()),
      // Follow the cursor (only while the view is visible: revealing would otherwise open it).
      vscode.window.onDidChangeTextEditorSelection((e) => this.follow(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((e) => e && this.follow(e)),
      this.view.onDidChangeVisibility((e) => e.visible && vscode.window.activeTextEditor && this.follow(vscode.window.activeTextEditor)),
      provider.onDidChangeTreeData(() => vscode.window.activeTextEditor && this.follow(vscode.window.activeTextEditor)),
    );
    this.updateDescription();
  }

  private updateDescription(): void {
    this.view.description = this.provider.description;
    void vscode.commands.executeCommand('setContext', 'okr.treeFiltered', this.provider.filterActive);
    void vscode.commands.executeCommand('setContext', 'okr.treeSortedByScore', this.provider.currentOptions.sort === 'score');
  }

  private follow(editor: vscode.TextEditor): void {
    if (!this.view.visible || editor.document.languageId !== 'okr') return;
    const pos = editor.selection.active;
    const node = nodeAt(this.provider.tree, normalizeUri(editor.document.uri.toString()), pos.line, pos.character);
    if (!node) return;
    const selected = this.view.selection;
    if (selected.length === 1 && selected[0]!.id === node.id) return;
    this.view.reveal(node, { select: true, focus: false }).then(undefined, () => undefined);
  }

  /** Shows the view with the file's node expanded and selected. */
  async revealFile(uri: vscode.Uri): Promise<boolean> {
    const node = fileNodeOf(this.provider.tree, normalizeUri(uri.toString()));
    if (!node) return false;
    await this.view.reveal(node, { select: true, focus: true, expand: 2 });
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
