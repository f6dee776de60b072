// OKR: Compare with Period Start. Opens a diff editor between the file as it was at the last commit
// before its period started (asked of the server, which reads git) and the file as it is now, so a
// reviewer sees which goals moved since the quarter began. The old text is served read-only under the
// `okr-period-start` scheme.
import * as vscode from 'vscode';
import { PeriodStartTextRequest, type PeriodStartTextParams, type PeriodStartTextResult } from '../../../server/src/shared/protocol';
import type { Services } from './services';

export const PERIOD_START_SCHEME = 'okr-period-start';

/** The texts served by the content provider, by virtual uri. */
const texts = new Map<string, string>();

export function periodStartContentProvider(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PERIOD_START_SCHEME, {
    provideTextDocumentContent: (uri) => texts.get(uri.toString()) ?? '',
  });
}

export async function comparePeriodStart(services: Services, arg?: unknown): Promise<void> {
  const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!uri || !uri.path.endsWith('.okr')) {
    void vscode.window.showInformationMessage('Open an .okr file to compare it with its period start.');
    return;
  }
  const client = services.client();
  if (!client) return;
  const result = await client.sendRequest<PeriodStartTextResult>(PeriodStartTextRequest, { uri: uri.toString() } satisfies PeriodStartTextParams);
  if (!result.ok) {
    void vscode.window.showInformationMessage(result.message);
    return;
  }
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  // The commit in the path keeps two periods' versions apart; the language id follows the .okr name.
  const left = vscode.Uri.from({ scheme: PERIOD_START_SCHEME, path: `/${result.commit.slice(0, 7)}/${name}`, query: uri.toString() });
  texts.set(left.toString(), result.text);
  const title = `${name} (start of ${result.period}, ${result.commit.slice(0, 7)}) ↔ now`;
  await vscode.commands.executeCommand('vscode.diff', left, uri, title);
}
