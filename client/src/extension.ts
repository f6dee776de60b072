// Entry point of the VS Code extension (dist/client.js): starts the language client, the Objectives
// tree, the status bar item, the progress panel, the organisation map, the commands and the `okr` task type. Everything is disposed through context.subscriptions.
import * as vscode from 'vscode';
import { ModelChangedNotification } from '../../server/src/shared/protocol';
import { registerCommands } from './commands';
import type * as LanguageClientModule from './languageClient';
import type { LanguageClient } from './languageClient';
import { ModelStore } from './model/store';
import { OrganisationPanel } from './org/panel';
import { ProgressPanel } from './panel/panel';
import { ScoreStatusBar } from './statusBar';
import { registerTaskProvider } from './tasks/provider';
import { ObjectivesProvider } from './tree/provider';
import { ObjectivesView } from './tree/view';

let client: LanguageClient | undefined;
let lsp: typeof LanguageClientModule | undefined;
let deactivated = false;

/** The language client's own bundle (see languageClient.ts for why it is apart). */
function loadLanguageClientModule(context: vscode.ExtensionContext): typeof LanguageClientModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path, on purpose not bundled
  return require(context.asAbsolutePath('dist/language-client.js')) as typeof LanguageClientModule;
}

export function activate(context: vscode.ExtensionContext): void {
  deactivated = false;
  const output = vscode.window.createOutputChannel('OKR', { log: true });
  context.subscriptions.push(output);

  const store = new ModelStore(() => client, output);
  const provider = new ObjectivesProvider(store);
  const view = new ObjectivesView(provider);
  const statusBar = new ScoreStatusBar(store);
  const panel = new ProgressPanel(context.extensionUri, store, output);
  const organisation = new OrganisationPanel(context.extensionUri, store, output);
  context.subscriptions.push(store, provider, view, statusBar, panel, organisation);

  const setLoaded = () => void vscode.commands.executeCommand('setContext', 'okr.modelLoaded', true);
  context.subscriptions.push(store.onDidChange(setLoaded));

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
  const serverState = () => (lsp ? lsp.serverState(client) : 'starting');
  context.subscriptions.push(...registerCommands({ context, output, client: () => client, serverState, store, view, statusBar, panel, organisation }, restartServer));
  context.subscriptions.push(registerTaskProvider(context, output));

  // After activate() returns: VS Code counts activate() until its promise settles, and neither the
  // language client's bundle nor the server's start (a process, then initialize: hundreds of
  // milliseconds) is needed for the tree, status bar and commands to exist. They fill in when the
  // first model arrives; until then a command finds no client and says the server is not running.
  setImmediate(() => {
    if (deactivated) return;
    try {
      lsp = loadLanguageClientModule(context);
      const c = lsp.createLanguageClient(context, output);
      client = c;
      context.subscriptions.push(c.onNotification(ModelChangedNotification, () => void store.refresh()));
      context.subscriptions.push(lsp.registerGraphDiagnostics(c));
      context.subscriptions.push(lsp.registerDocumentDiagnostics(c));
      void startClient(c, store, output);
    } catch (err) {
      output.appendLine(`[client] the language client could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
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
  deactivated = true;
  const c = client;
  client = undefined;
  // stop() rejects unless the client runs (after a failed start, or while it restarts).
  if (c?.isRunning()) await c.stop();
}
