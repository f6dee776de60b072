// `okr check` in a git repository: the history of each reported file (its state at the period start,
// its values over commits) for target-moved, baseline-moved and checkin-stale. Outside a repository,
// without git, or when git fails, the check runs without it: history adds findings, it never blocks one.
import type { FileHistory, OkrConfig, OkrDocument } from '../core';
import { readHistories } from '../git/history';
import { openRepo, topRelative } from '../git/repo';
import type { Workspace } from './load-workspace';

/** The rules that read history; when all are off, git is not run at all. */
const HISTORY_RULES = ['target-moved', 'baseline-moved', 'checkin-stale'];

export function loadHistories(ws: Workspace): Promise<Map<string, FileHistory>> {
  return historiesOf(ws.root, ws.config, ws.reported);
}

/** The histories of some files of a root, by absolute path (also run by each thread of a parallel check). */
export async function historiesOf(root: string, config: OkrConfig, docs: ReadonlyArray<{ abs: string; doc: OkrDocument }>): Promise<Map<string, FileHistory>> {
  const out = new Map<string, FileHistory>();
  if (docs.length === 0 || HISTORY_RULES.every((r) => config.rules[r] === 'off')) return out;
  try {
    const repo = await openRepo(root);
    if (!repo) return out;
    // A file without a period has no start to compare with and nothing to be stale against.
    const files = docs.filter((f) => f.doc.period).map((f) => ({ abs: f.abs, path: topRelative(repo, f.abs), periodStart: f.doc.period!.start }));
    const histories = await readHistories(repo, files);
    for (const f of files) {
      const h = histories.get(f.path);
      if (h) out.set(f.abs, h);
    }
  } catch {
    // A broken repository or an odd path: check without history rather than not at all.
  }
  return out;
}
