// The peek of a key result's code and issues. The server's code lens carries its locations as JSON
// (`okr.showReferences`: uri, position, locations); VS Code's peek (editor.action.showReferences)
// wants its own types, so they are converted here. "OKR: Show Code and Issues" on a key result of
// the tree runs the lens over that key result.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Location, Position } from 'vscode-languageserver-protocol';
import { targetOfNode } from './pickKeyResult';

export async function showReferences(client: LanguageClient | undefined, uri: string, position: Position, locations: Location[]): Promise<void> {
  if (!client) return;
  const c = client.protocol2CodeConverter;
  await vscode.commands.executeCommand('editor.action.showReferences', c.asUri(uri), c.asPosition(position), locations.map((l) => c.asLocation(l)));
}

/** Opens the key result's file at the key result and peeks at its code and issues (what its code lens shows). */
export async function showKeyResultCode(arg: unknown): Promise<void> {
  const target = targetOfNode(arg);
  if (!target) return;
  const uri = vscode.Uri.parse(target.file.uri);
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
  const lens = lenses.find((l) => l.command?.command === 'okr.showReferences' && l.range.start.line >= target.keyResult.range.start.line && l.range.start.line <= target.keyResult.range.end.line);
  if (!lens?.command) {
    void vscode.window.showInformationMessage('No code tags, code links or issues for this key result yet. Tag code with a comment `okr: <file>#<objective>/<key-result>`.');
    return;
  }
  await vscode.window.showTextDocument(uri, { selection: lens.range, preview: true });
  await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
}
