// Starts the OKR language server (dist/server.js over IPC) and keeps it running: after a crash it is
// restarted (up to 5 times in 3 minutes) and the user is told, with a button to the output channel.
//
// Its own bundle (dist/language-client.js), loaded by extension.ts just after activate() returns:
// vscode-languageclient and its protocol libraries are 420 KB of the client's 480, and the host need
// not compile them before the tree, status bar and commands exist. Everything else in the client
// imports this module's types only (a value import would pull the library back into dist/client.js;
// test/unit/client/bundle-split.test.ts checks that it does not).
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

import { DOCUMENT_DIAGNOSTICS_OPTION, GRAPH_DIAGNOSTICS_OPTION, SERVER_NODE_OPTIONS } from '../../server/src/shared/protocol';

export { registerGraphDiagnostics } from './graphDiagnostics';
export { registerDocumentDiagnostics } from './documentDiagnostics';
export type { LanguageClient };

/** How the status command and tests name the client's state. */
export function serverState(c: LanguageClient | undefined): 'running' | 'starting' | 'stopped' {
  const state = c?.state;
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

export const CLIENT_ID = 'okr';
export const CLIENT_NAME = 'OKR Language Server';

const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Restarts after a crash unless it keeps crashing; tells the user either way. */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    // A few broken messages are tolerated; a connection that keeps failing is shut down.
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < RESTART_WINDOW_MS);
    this.restarts.push(now);
    if (this.restarts.length > MAX_RESTARTS) {
      this.output.appendLine(`[client] the server stopped ${MAX_RESTARTS + 1} times in 3 minutes; not restarting it`);
      void tell(this.output, 'error', 'The OKR language server keeps crashing and was not restarted. Run "OKR: Restart Language Server" to try again.');
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.output.appendLine('[client] the server stopped unexpectedly; restarting it');
    void tell(this.output, 'warning', 'The OKR language server stopped unexpectedly and was restarted.');
    return { action: CloseAction.Restart, handled: true };
  }
}

async function tell(output: vscode.LogOutputChannel, level: 'warning' | 'error', message: string): Promise<void> {
  const show = 'Show output';
  const pick = level === 'error' ? await vscode.window.showErrorMessage(message, show) : await vscode.window.showWarningMessage(message, show);
  if (pick === show) output.show(true);
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // .okr documents for the OKR features, and source files of every language for code tags
    // (`// okr: company#quality/nps`): the server gives its .okr-only features an .okr selector and
    // never analyses the others as OKRs; typing in them costs a search for `okr:`.
    documentSelector: [
      { scheme: 'file', language: 'okr' },
      { scheme: 'untitled', language: 'okr' },
      { scheme: 'file' },
    ],
    // The server registers its own file watchers (dynamic registration) and pulls `okr` settings.
    // Cross-file problems come apart, in okr/graphDiagnostics (graphDiagnostics.ts), and each
    // document's own in blocks of which only the changed ones are sent (documentDiagnostics.ts).
    initializationOptions: { graphDiagnostics: GRAPH_DIAGNOSTICS_OPTION, documentDiagnostics: DOCUMENT_DIAGNOSTICS_OPTION },
    outputChannel: output,
    traceOutputChannel: output,
    errorHandler: new RestartingErrorHandler(output),
    initializationFailedHandler: (error) => {
      output.appendLine(`[client] the server failed to initialize: ${error instanceof Error ? error.message : String(error)}`);
      void tell(output, 'error', 'The OKR language server failed to start.');
      return false;
    },
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}
