// Code actions: quick fixes for the rules' diagnostics, and refactorings. Filled in below.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { OkrConfig, OkrDocument, WorkspaceIndex } from '../../core';

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract];

export interface CodeActionInput {
  doc: OkrDocument;
  range: Range;
  diagnostics: Diagnostic[];
  only?: string[];
  today: string;
  config: OkrConfig;
  index?: WorkspaceIndex;
}

export function codeActions(_input: CodeActionInput): CodeAction[] {
  return [];
}
