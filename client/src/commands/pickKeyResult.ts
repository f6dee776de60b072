// Quick pick of the workspace's key results (with scores), for commands run from the palette.
import * as vscode from 'vscode';
import type { FileModel, KeyResultModel, ObjectiveModel } from '../../../server/src/shared/protocol';
import { keyResultAtLine } from '../model/at';
import { scoreAndStatus } from '../model/format';
import type { ModelStore } from '../model/store';
import type { TreeNode } from '../tree/nodes';

export interface KeyResultTarget {
  file: FileModel;
  objective: ObjectiveModel;
  keyResult: KeyResultModel;
}

export function targetOfNode(node: unknown): KeyResultTarget | undefined {
  const n = node as TreeNode | undefined;
  return n && typeof n === 'object' && n.kind === 'keyResult' ? { file: n.file, objective: n.objective, keyResult: n.keyResult } : undefined;
}

/** Finds a key result in the current model by file URI and ids. */
export function findKeyResult(store: ModelStore, uri: string, objectiveId: string, keyResultId: string): KeyResultTarget | undefined {
  for (const file of store.current?.files ?? []) {
    if (file.uri !== uri) continue;
    for (const objective of file.objectives) {
      if (objective.id !== objectiveId) continue;
      const keyResult = objective.keyResults.find((k) => k.id === keyResultId);
      if (keyResult) return { file, objective, keyResult };
    }
  }
  return undefined;
}

/** The key result under the cursor of the active .okr editor, if any. */
export function keyResultAtCursor(store: ModelStore): KeyResultTarget | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'okr') return undefined;
  const uri = editor.document.uri.toString();
  const line = editor.selection.active.line;
  for (const file of store.current?.files ?? []) {
    if (file.uri !== uri) continue;
    const at = keyResultAtLine(file, line);
    if (at) return { file, ...at };
  }
  return undefined;
}

export async function pickKeyResult(
  store: ModelStore,
  options: { title: string; filter?: (kr: KeyResultModel) => boolean; emptyMessage: string },
): Promise<KeyResultTarget | undefined> {
  const model = await store.get();
  type Item = vscode.QuickPickItem & { target?: KeyResultTarget };
  const items: Item[] = [];
  const atCursor = keyResultAtCursor(store);
  for (const file of model?.files ?? []) {
    const krItems: Item[] = [];
    for (const objective of file.objectives) {
      for (const keyResult of objective.keyResults) {
        if (options.filter && !options.filter(keyResult)) continue;
        krItems.push({
          label: keyResult.title,
          description: scoreAndStatus(keyResult.score, keyResult.status),
          detail: keyResult.ref,
          target: { file, objective, keyResult },
        });
      }
    }
    if (krItems.length) items.push({ label: file.team ?? file.fileRef, kind: vscode.QuickPickItemKind.Separator }, ...krItems);
  }
  if (!items.length) {
    void vscode.window.showInformationMessage(options.emptyMessage);
    return undefined;
  }
  const qp = vscode.window.createQuickPick<Item>();
  qp.title = options.title;
  qp.placeholder = 'Pick a key result (type to filter by title or reference)';
  qp.matchOnDetail = true;
  qp.matchOnDescription = true;
  qp.items = items;
  const active = atCursor && items.find((i) => i.target?.keyResult.ref === atCursor.keyResult.ref && i.target.file.uri === atCursor.file.uri);
  if (active) qp.activeItems = [active];
  return new Promise<KeyResultTarget | undefined>((resolve) => {
    let picked: KeyResultTarget | undefined;
    qp.onDidAccept(() => {
      picked = qp.selectedItems[0]?.target;
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(picked);
    });
    qp.show();
  });
}
