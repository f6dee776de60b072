// An objective that, through its chain of aligns_to, aligns to itself. Each file reports the
// objectives of its own that are in a cycle, so every file of the cycle shows it.
// Cost: one walk up the parent chain per objective (O(depth), a visited set ends it), with
// index.resolve() per step; never a scan of the workspace.
import type { Field, Objective, OkrDocument } from '../model';
import type { WorkspaceIndex } from '../workspace';
import type { Rule } from './rule';

export const alignmentCycle: Rule = {
  id: 'alignment-cycle',
  defaultSeverity: 'error',
  description: 'Objectives whose `aligns_to` chain leads back to themselves.',
  scope: 'workspace',
  check(ctx) {
    const ws = ctx.workspace;
    if (!ws || !ctx.path) return;
    for (const objective of ctx.doc.objectives) {
      if (!objective.id || !objective.effectiveAlignsTo) continue;
      const cycle = cycleThrough(ws, ctx.path, objective);
      if (!cycle) continue;
      const field = alignsToField(ctx.doc, objective);
      if (!field) continue;
      const files = new Set(cycle.files).size;
      const where = files > 1 ? `across ${files} files` : cycle.steps.length > 2 ? 'in this file' : 'to itself';
      ctx.report({
        range: field.valueRange,
        message:
          `Alignment cycle ${where}: ${cycle.steps.join(' → ')}. An objective cannot contribute to itself, so its progress cannot ` +
          `roll up; change or remove one aligns_to in the cycle.`,
      });
    }
  },
};

/** The field that gives an objective its parent: its own aligns_to, or the file's it inherits. */
export function alignsToField(doc: OkrDocument, objective: Objective): Field | undefined {
  return objective.alignsTo !== undefined ? objective.node.fields.get('aligns_to') : doc.root?.fields.get('aligns_to');
}

/**
 * The cycle that leads from the objective back to itself, as references (first and last are the
 * objective), with the file of each step; undefined when its chain ends, breaks, or enters a cycle
 * the objective is not part of (that one is reported on its own members).
 */
export function cycleThrough(ws: WorkspaceIndex, startPath: string, start: Objective): { steps: string[]; files: string[] } | undefined {
  const key = (p: string, o: Objective) => `${p}\0${o.index}`;
  const startKey = key(startPath, start);
  // The steps are labelled only when they close a cycle: most chains end at a root objective, and
  // 2,000 files re-checked after a parent changed labelled every step of every chain.
  const path: Array<{ file: string; objective: Objective }> = [{ file: startPath, objective: start }];
  const visited = new Set<string>([startKey]);
  let file = startPath;
  let current = start;
  for (;;) {
    const ref = current.effectiveAlignsTo;
    if (!ref) return undefined;
    const r = ws.resolve(ref, file);
    if (!r.ok) return undefined;
    const k = key(r.path, r.objective);
    if (k === startKey) {
      const steps = [...path, { file: r.path, objective: r.objective }].map((s) => `${ws.shortRef(s.file)}#${s.objective.id}`);
      return { steps, files: path.map((s) => s.file) };
    }
    if (visited.has(k)) return undefined;
    visited.add(k);
    path.push({ file: r.path, objective: r.objective });
    file = r.path;
    current = r.objective;
  }
}
