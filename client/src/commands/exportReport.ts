// OKR: Export Organisation Report. Writes the organisation view of the current model as one
// self-contained HTML file (the same page `okr report --format html` writes) where the save dialog
// says. Tests pass the target URI and skip the dialog.
import * as vscode from 'vscode';
import { readReportAssets } from '../../../server/src/node/report-assets';
import { orgReportHtml } from '../../../server/src/shared/org/report-html';
import { buildOrgView } from '../../../server/src/shared/org/view';
import type { Services } from './services';

export async function exportReport(services: Services, target?: unknown): Promise<vscode.Uri | undefined> {
  const model = await services.store.get();
  if (!model || model.files.length === 0) {
    void vscode.window.showInformationMessage('There is no .okr file in this workspace to report on yet.');
    return undefined;
  }
  let uri = target instanceof vscode.Uri ? target : undefined;
  if (!uri) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    uri = await vscode.window.showSaveDialog({
      title: 'Export Organisation Report',
      saveLabel: 'Export',
      defaultUri: folder ? vscode.Uri.joinPath(folder, `okr-report-${model.today}.html`) : undefined,
      filters: { 'HTML page': ['html'] },
    });
    if (!uri) return undefined;
  }
  const html = orgReportHtml({ view: buildOrgView(model), ...readReportAssets(services.context.extensionUri.fsPath) });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(html));
  services.output.info(`[report] wrote the organisation report to ${uri.toString()}`);
  if (target === undefined) {
    void vscode.window.showInformationMessage(`Organisation report written to ${vscode.workspace.asRelativePath(uri)}.`, 'Open').then((pick) => {
      if (pick) void vscode.env.openExternal(uri);
    });
  }
  return uri;
}
