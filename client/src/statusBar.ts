// A status bar item for the active .okr editor: its file's overall score and status. The tooltip
// gives the period and the expected progress; a click reveals the file's objectives in the tree.
import * as vscode from 'vscode';
import type { FileModel } from '../../server/src/shared/protocol';
import { scoreAndStatus, statusBarText, statusBarTooltip } from './model/format';
import { normalizeUri, type ModelStore } from './model/store';

export class ScoreStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('okr.score', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: ModelStore) {
    this.item.name = 'OKR Score';
    this.disposables.push(
      this.item,
      store.onDidChange(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  private fileFor(editor: vscode.TextEditor | undefined): FileModel | undefined {
    if (!editor || editor.document.languageId !== 'okr') return undefined;
    const uri = normalizeUri(editor.document.uri.toString());
    return this.store.current?.files.find((f) => f.uri === uri);
  }

  update(): void {
    const editor = vscode.window.activeTextEditor;
    const file = this.fileFor(editor);
    if (!editor || !file) {
      this.item.hide();
      return;
    }
    this.item.text = statusBarText(file);
    // The team name comes from the file: statusBarTooltip escapes it (no links, images or HTML).
    this.item.tooltip = new vscode.MarkdownString(statusBarTooltip(file));
    this.item.accessibilityInformation = { label: `OKR score ${scoreAndStatus(file.score, file.status, file.grade)}` };
    this.item.command = { command: 'okr.revealFileInTree', title: 'Show in Objectives', arguments: [editor.document.uri] };
    this.item.show();
  }

  /** For tests: what the item shows, or undefined while hidden. */
  get text(): string | undefined {
    return this.fileFor(vscode.window.activeTextEditor) ? this.item.text : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
