// Placeholder client: activates for .okr files. The language client arrives with the LSP issue.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
