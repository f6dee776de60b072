// OKR: Open Links. A quick pick of a key result's links; file links open in an editor at their lines,
// web links in the browser. Only ever on the user's action; in an untrusted workspace web links are
// confirmed first.
import * as vscode from 'vscode';
import type { LinkSummary } from '../../../server/src/shared/protocol';
import { parseLineFragment } from './linkTarget';
import { keyResultAtCursor, pickKeyResult, targetOfNode } from './pickKeyResult';
import type { Services } from './services';

export async function openLink(link: LinkSummary): Promise<boolean> {
  if (!link.target) return false;
  const uri = vscode.Uri.parse(link.target);
  if (uri.scheme === 'file') {
    if (link.outside) {
      // The link climbs out of the workspace (link-outside-workspace): the user decides.
      const open = 'Open';
      const answer = await vscode.window.showWarningMessage(`${link.text} leads out of the workspace, to ${uri.fsPath}. Open it?`, { modal: true }, open);
      if (answer !== open) return false;
    }
    const lines = parseLineFragment(uri.fragment);
    const file = uri.with({ fragment: '' });
    try {
      const doc = await vscode.workspace.openTextDocument(file);
      const selection = lines ? new vscode.Range(lines.start, 0, lines.end, doc.lineAt(Math.min(lines.end, doc.lineCount - 1)).text.length) : undefined;
      await vscode.window.showTextDocument(doc, { selection, preview: true });
      return true;
    } catch (err) {
      void vscode.window.showErrorMessage(`Cannot open ${link.text}: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    }
  }
  if (!vscode.workspace.isTrusted) {
    const open = 'Open';
    const answer = await vscode.window.showWarningMessage(
      `This workspace is not trusted. Open ${link.target} in the browser?`,
      { modal: true },
      open,
    );
    if (answer !== open) return false;
  }
  return vscode.env.openExternal(uri);
}

export async function openLinks(services: Services, arg?: unknown): Promise<boolean> {
  const target =
    targetOfNode(arg) ??
    keyResultAtCursor(services.store) ??
    (await pickKeyResult(services.store, {
      title: 'OKR: Open Links',
      filter: (kr) => kr.links.some((l) => l.target),
      emptyMessage: 'No key result in the workspace has links.',
    }));
  if (!target) return false;
  const links = target.keyResult.links;
  if (!links.some((l) => l.target)) {
    void vscode.window.showInformationMessage(`"${target.keyResult.title}" has no links that can be opened.`);
    return false;
  }
  type Item = vscode.QuickPickItem & { link: LinkSummary };
  const items: Item[] = links
    .filter((l) => l.target)
    .map((link) => ({
      label: `${link.kind === 'file' ? '$(file-code)' : '$(link-external)'} ${link.text}`,
      description: link.kind,
      detail: link.target,
      link,
    }));
  const pick = await vscode.window.showQuickPick(items, { title: `Links of ${target.keyResult.title}`, placeHolder: 'Open a link', matchOnDetail: true });
  return pick ? openLink(pick.link) : false;
}
