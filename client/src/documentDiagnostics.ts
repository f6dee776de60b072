// Each .okr document's problems, fed by the server's okr/documentDiagnostics notification in blocks
// (one per objective; see DOCUMENT_DIAGNOSTICS_OPTION in the protocol): after the first message, only
// the blocks a change touched arrive, and blocks that only moved arrive as their new first line. A
// keystroke in a file with thousands of problems then costs a message of one objective's problems,
// where publishDiagnostics would carry the whole list again.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient/node';
import { DocumentDiagnosticsNotification, type DocumentDiagnosticsParams } from '../../server/src/shared/protocol';

interface HeldBlock {
  line: number;
  diagnostics: vscode.Diagnostic[];
}

/** LSP diagnostics with lines counted from `base`, as the document's lines. */
function absolute(diagnostics: unknown[], base: number): LspDiagnostic[] {
  if (base === 0) return diagnostics as LspDiagnostic[];
  return (diagnostics as LspDiagnostic[]).map((d) => ({
    ...d,
    range: { start: { line: d.range.start.line + base, character: d.range.start.character }, end: { line: d.range.end.line + base, character: d.range.end.character } },
  }));
}

export function registerDocumentDiagnostics(client: LanguageClient): vscode.Disposable {
  // Its own name: the language client's own collection is 'okr' (the panel shows each problem's source either way).
  const collection = vscode.languages.createDiagnosticCollection('okr-documents');
  const held = new Map<string, Map<string, HeldBlock>>();
  // Conversions are asynchronous: one chain applies the messages in the order the server sent them.
  let chain = Promise.resolve();
  const onMessage = client.onNotification(DocumentDiagnosticsNotification, (params: DocumentDiagnosticsParams) => {
    chain = chain.then(async () => {
      if (params.reset) held.delete(params.uri);
      let blocks = held.get(params.uri);
      if (!blocks) held.set(params.uri, (blocks = new Map()));
      for (const key of params.removed) blocks.delete(key);
      for (const b of params.blocks) {
        if (b.diagnostics) {
          blocks.set(b.key, { line: b.line, diagnostics: await client.protocol2CodeConverter.asDiagnostics(absolute(b.diagnostics, b.line)) });
          continue;
        }
        const block = blocks.get(b.key);
        if (!block) continue; // cannot happen with an ordered channel; nothing to move
        const delta = b.line - block.line;
        for (const d of block.diagnostics) d.range = new vscode.Range(d.range.start.translate(delta), d.range.end.translate(delta));
        block.line = b.line;
      }
      const uri = client.protocol2CodeConverter.asUri(params.uri);
      const all = [...blocks.values()].flatMap((b) => b.diagnostics);
      if (all.length === 0) {
        held.delete(params.uri);
        collection.delete(uri);
      } else collection.set(uri, all);
    });
  });
  // A new server process sends every file's again: what the old one said no longer holds.
  const onState = client.onDidChangeState((e) => {
    if (e.newState !== State.Running) {
      held.clear();
      collection.clear();
    }
  });
  return vscode.Disposable.from(collection, onMessage, onState);
}
