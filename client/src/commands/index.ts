// Registers every `okr.*` command. Ids and titles are in package.json (`contributes.commands`).
import * as vscode from 'vscode';
import type { TreeNode } from '../tree/nodes';
import { checkIn } from './checkIn';
import { exportReport } from './exportReport';
import { comparePeriodStart, periodStartContentProvider } from './comparePeriodStart';
import { openLinks } from './links';
import { showKeyResultCode, showReferences } from './showCode';
import { newFile } from './newFile';
import { copyReference, revealFileInTree, revealInFile } from './reveal';
import type { Services } from './services';
import { clearFilter, filterByOwner, filterByStatus } from './treeCommands';

export function registerCommands(services: Services, restartServer: () => Promise<void>): vscode.Disposable[] {
  const reg = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn);
  const provider = services.view.provider;
  return [
    reg('okr.restartServer', restartServer),
    reg('okr.checkIn', (arg?: unknown) => checkIn(services, arg)),
    reg('okr.newFile', (arg?: unknown) => newFile(arg)),
    reg('okr.openLinks', (arg?: unknown) => openLinks(services, arg)),
    // Run by the code lens over a key result (the server names it); hidden from the palette.
    reg('okr.showReferences', (uri: string, position: Parameters<typeof showReferences>[2], locations: Parameters<typeof showReferences>[3]) =>
      showReferences(services.client(), uri, position, locations),
    ),
    reg('okr.showCode', (arg?: unknown) => showKeyResultCode(arg)),
    reg('okr.copyReference', (node?: TreeNode) => copyReference(services, node)),
    reg('okr.revealInFile', (node?: TreeNode) => revealInFile(node)),
    reg('okr.revealFileInTree', (uri?: vscode.Uri) => revealFileInTree(services, uri)),
    reg('okr.filterByOwner', (arg?: unknown) => filterByOwner(services, arg)),
    reg('okr.filterByStatus', (arg?: unknown) => filterByStatus(services, arg)),
    reg('okr.clearFilter', () => clearFilter(services)),
    reg('okr.sortByScore', () => provider.setSort('score')),
    reg('okr.sortByFileOrder', () => provider.setSort('file')),
    reg('okr.refreshTree', () => services.store.refresh()),
    reg('okr.showProgress', () => services.panel.show()),
    reg('okr.showOrganisation', () => services.organisation.show()),
    reg('okr.exportReport', (target?: unknown) => exportReport(services, target)),
    reg('okr.comparePeriodStart', (uri?: unknown) => comparePeriodStart(services, uri)),
    periodStartContentProvider(),
    // Kept for the real-VS-Code tests (hidden from the palette): the tree as plain data, after a
    // fresh model from the server.
    reg('okr.test.treeSnapshot', async () => {
      await services.store.refresh();
      const server = services.serverState();
      return { description: services.view.view.description ?? '', roots: provider.snapshot(), statusBar: services.statusBar.text, server };
    }),
    // The progress panel as the tests see it: open, visible, and what its page last reported drawing.
    reg('okr.test.progressSnapshot', () => services.panel.snapshot()),
    // The organisation panel as the tests see it: what its page last reported drawing.
    reg('okr.test.organisationSnapshot', () => services.organisation.snapshot()),
  ];
}
