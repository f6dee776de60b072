import type { TextEdit } from 'vscode-languageserver';
import type { OkrDocument } from '../../core';

export function formatDocument(_doc: OkrDocument): TextEdit[] {
  return [];
}
