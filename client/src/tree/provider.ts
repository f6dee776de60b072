// The Objectives view's data provider: rebuilds the plain tree (nodes.ts) from each new workspace
// model and fires one change event for it. Ids are stable (file URI + refs), so VS Code keeps the
// user's expansion and selection across refreshes.
import * as vscode from 'vscode';
import type { WorkspaceModel } from '../../../server/src/shared/protocol';
import { alignedTooltip, fileTooltip, keyResultTooltip, objectiveTooltip, statusColor, statusIcon, statusLabel } from '../model/format';
import type { ModelStore } from '../model/store';
import { buildTree, describeView, isFilterActive, snapshot, type NodeSnapshot, type TreeFilter, type TreeNode, type TreeOptions } from './nodes';

export const VIEW_ID = 'okr.objectives';

export class ObjectivesProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private roots: TreeNode[] = [];
  private model: WorkspaceModel | undefined;
  private options: TreeOptions = { filter: {}, sort: 'file' };
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly optionsEmitter = new vscode.EventEmitter<TreeOptions>();
  /** Fires when the filter or the sort order changes (the view shows them in its description). */
  readonly onDidChangeOptions = this.optionsEmitter.event;
  private readonly subscription: vscode.Disposable;

  constructor(store: ModelStore) {
    this.subscription = store.onDidChange((m) => this.setModel(m));
    if (store.current) this.setModel(store.current);
  }

  get tree(): readonly TreeNode[] {
    return this.roots;
  }

  get currentOptions(): TreeOptions {
    return this.options;
  }

  get hasModel(): boolean {
    return this.model !== undefined;
  }

  setModel(model: WorkspaceModel): void {
    this.model = model;
    this.rebuild();
  }

  setFilter(filter: TreeFilter): void {
    this.options = { ...this.options, filter };
    this.rebuild();
    this.optionsEmitter.fire(this.options);
  }

  setSort(sort: TreeOptions['sort']): void {
    this.options = { ...this.options, sort };
    this.rebuild();
    this.optionsEmitter.fire(this.options);
  }

  get filterActive(): boolean {
    return isFilterActive(this.options.filter);
  }

  get description(): string | undefined {
    return describeView(this.options) || undefined;
  }

  private rebuild(): void {
    this.roots = this.model ? buildTree(this.model, this.options) : [];
    this.emitter.fire(undefined);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsible =
      node.children.length === 0
        ? vscode.TreeItemCollapsibleState.None
        : node.kind === 'objective' || node.kind === 'alignedGroup'
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.contextValue = node.contextValue;
    if (node.kind === 'period') {
      item.iconPath = new vscode.ThemeIcon('calendar');
      item.tooltip = `Period ${node.label}`;
      return item;
    }
    item.iconPath =
      node.kind === 'alignedGroup' ? new vscode.ThemeIcon('type-hierarchy-sub') : new vscode.ThemeIcon(statusIcon(node.status), new vscode.ThemeColor(statusColor(node.status, node.grade)));
    item.accessibilityInformation = { label: `${node.label}, ${node.description || statusLabel(node.status, node.grade)}` };
    const md =
      node.kind === 'file'
        ? fileTooltip(node.file)
        : node.kind === 'objective' || node.kind === 'alignedGroup'
          ? objectiveTooltip(node.objective)
          : node.kind === 'alignedObjective'
            ? alignedTooltip(node.child, node.objective)
            : keyResultTooltip(node.keyResult);
    item.tooltip = new vscode.MarkdownString(md);
    if (node.kind === 'file') item.resourceUri = vscode.Uri.parse(node.uri);
    item.command = { command: 'okr.revealInFile', title: 'Reveal in File', arguments: [node] };
    return item;
  }

  /** Plain data for the real-VS-Code tests. */
  snapshot(): NodeSnapshot[] {
    return snapshot(this.roots);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.optionsEmitter.dispose();
  }
}
