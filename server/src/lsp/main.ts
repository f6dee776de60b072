// Entry point of dist/server.js. The transport comes from the command line: --stdio, --node-ipc
// or --socket=N (vscode-languageserver reads it), so any LSP client can start the server.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { RequestGuard } from './request-guard';
import { startServer } from './server';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
  process.stderr.write('okr language server: start it with --stdio, --node-ipc or --socket=<port>\n');
  process.exit(2);
}
// Every message passes the guard first (request-guard.ts): not initialized, malformed params.
const guard = new RequestGuard();
startServer(createConnection(ProposedFeatures.all, { messageStrategy: guard }), guard);
