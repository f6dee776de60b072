// The aligned children of an objective as the views show them: the model sends them by ref only, and
// their titles, scores and statuses come from their own files' models. Pure (no `vscode`), unit-tested.
import type { FileModel, ObjectiveModel, WorkspaceModel } from '../../../server/src/shared/protocol';
import type { Range } from '../../../server/src/core/positions';
import type { Grade, Status } from '../../../server/src/core/status';

export interface AlignedChild {
  ref: string;
  /** The child's file, to reveal it; empty when the model does not hold it. */
  uri: string;
  range?: Range;
  title: string;
  score?: number;
  status: Status;
  grade?: Grade;
  weight: number;
  excluded?: 'dropped' | 'cycle';
}

/** Looks children up by ref in the model's files: build once per model, ask per objective. */
export function alignedResolver(model: WorkspaceModel): (o: ObjectiveModel) => AlignedChild[] {
  const byRef = new Map<string, { file: FileModel; objective: ObjectiveModel }>();
  for (const file of model.files) for (const objective of file.objectives) if (!byRef.has(objective.ref)) byRef.set(objective.ref, { file, objective });
  return (o) =>
    (o.aligned ?? []).map((c): AlignedChild => {
      const found = byRef.get(c.ref);
      if (!found) return { ref: c.ref, uri: '', title: c.ref, status: 'no-score', weight: c.weight, excluded: c.excluded };
      const child = found.objective;
      // A child left out of the rollup has no score in it, whatever its own.
      const left = c.excluded !== undefined;
      return {
        ref: c.ref,
        uri: found.file.uri,
        range: child.range,
        title: child.title,
        score: left ? undefined : child.score,
        status: c.excluded === 'dropped' ? 'dropped' : c.excluded === 'cycle' ? 'no-score' : child.status,
        grade: left ? undefined : child.grade,
        weight: c.weight,
        excluded: c.excluded,
      };
    });
}
