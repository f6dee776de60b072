// Which key result of a file model holds a line (pure: no `vscode` import, unit-tested).
import type { FileModel, KeyResultModel, ObjectiveModel } from '../../../server/src/shared/protocol';

/**
 * The key result whose lines include `line`. A block map's range ends at column 0 of the next item's
 * line, so that line belongs to the next key result (or objective), not to this one.
 */
export function keyResultAtLine(file: FileModel, line: number): { objective: ObjectiveModel; keyResult: KeyResultModel } | undefined {
  for (const objective of file.objectives) {
    for (const keyResult of objective.keyResults) {
      const { start, end } = keyResult.range;
      const last = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
      if (start.line <= line && line <= last) return { objective, keyResult };
    }
  }
  return undefined;
}
