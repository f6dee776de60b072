// The cross-file problems (references, alignment cycles, periods, links on disk) in a collection of
// their own, fed by the server's okr/graphDiagnostics notification (see GRAPH_DIAGNOSTICS_OPTION in
// the protocol). A parent renamed on disk then updates thousands of closed files' problems with a few
// small messages, while publishDiagnostics carries the rest. The Problems panel shows both as one list.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient/node';
import { GraphDiagnosticsNotification, type GraphDiagnosticsParams } from '../../server/src/shared/protocol';

export function registerGraphDiagnostics(client: LanguageClient): vscode.Disposable {
  // Its own name (a second 'okr' collection would be renamed by VS Code with a warning); the panel
  // shows each problem's source, "okr", either way.
  const collection = vscode.languages.createDiagnosticCollection('okr-graph');
  // Conversions are asynchronous: one chain keeps the batches in the order the server sent them.
  let chain = Promise.resolve();
  const onBatch = client.onNotification(GraphDiagnosticsNotification, (params: GraphDiagnosticsParams) => {
    chain = chain.then(async () => {
      for (const item of params.items) {
        const uri = client.protocol2CodeConverter.asUri(item.uri);
        if (item.diagnostics.length === 0) collection.delete(uri);
        else collection.set(uri, await client.protocol2CodeConverter.asDiagnostics(item.diagnostics as LspDiagnostic[]));
      }
    });
  });
  // A new server process sends every file's again: what the old one said no longer holds.
  const onState = client.onDidChangeState((e) => {
    if (e.newState !== State.Running) collection.clear();
  });
  return vscode.Disposable.from(collection, onBatch, onState);
}
