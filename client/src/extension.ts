// Entry point of the VS Code extension (dist/client.js): starts the language client, the Objectives
// tree, the status bar item, the progress panel, the commands and the `okr` task type. Everything is disposed through context.subscriptions.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelChangedNotification } from '../../server/src/shared/protocol';
import { registerCommands } from './commands';
import { registerGraphDiagnostics } from './graphDiagnostics';
import { createLanguageClient } from './languageClient';
import { ModelStore } from './model/store';
import { ProgressPanel } from './panel/panel';
import { ScoreStatusBar } from './statusBar';
import { registerTaskProvider } from './tasks/provider';
import { ObjectivesProvider } from './tree/provider';
import { ObjectivesView } from './tree/view';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('OKR', { log: true });
  context.subscriptions.push(output);

  client = createLanguageClient(context, output);
  const store = new ModelStore(() => client, output);
  const provider = new ObjectivesProvider(store);
  const view = new ObjectivesView(provider);
  const statusBar = new ScoreStatusBar(store);
  const panel = new ProgressPanel(context.extensionUri, store, output);
  context.subscriptions.push(store, provider, view, statusBar, panel);

  const setLoaded = () => void vscode.commands.executeCommand('setContext', 'okr.modelLoaded', true);
  context.subscriptions.push(store.onDidChange(setLoaded));
  context.subscriptions.push(client.onNotification(ModelChangedNotification, () => void store.refresh()));
  context.subscriptions.push(registerGraphDiagnostics(client));

  const restartServer = async () => {
    if (!client) return;
    output.appendLine('[client] restarting the language server (OKR: Restart Language Server)');
    try {
      await client.restart();
      void store.refresh();
    } catch (err) {
      output.appendLine(`[client] restart failed: ${err instanceof Error ? err.message : String(err)}`);
      void vscode.window.showErrorMessage('The OKR language server could not be restarted.', 'Show output').then((p) => p && output.show(true));
    }
  };
  context.subscriptions.push(...registerCommands({ context, output, client: () => client, store, view, statusBar, panel }, restartServer));
  context.subscriptions.push(registerTaskProvider(context, output));

  // Not awaited: VS Code counts activate() until its promise settles, and the server's start (a
  // process, then initialize) takes hundreds of milliseconds of which the host need not wait any.
  // The tree, status bar and panel fill in when the first model arrives.
  void startClient(client, store, output);
}

async function startClient(c: LanguageClient, store: ModelStore, output: vscode.LogOutputChannel): Promise<void> {
  try {
    await c.start();
  } catch (err) {
    output.appendLine(`[client] the server did not start: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  void store.refresh();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  // stop() rejects unless the client runs (after a failed start, or while it restarts).
  if (c?.isRunning()) await c.stop();
}
