// "Compare with Period Start": the text of a file at the last commit before its period started, read
// from git on request (the editor shows it in a diff editor). Every refusal is a sentence for the user.
import * as path from 'node:path';
import { shortSha, type OkrDocument } from '../core';
import { commitBefore, openRepo, readBlobs, topRelative } from '../git/repo';
import type { PeriodStartTextResult } from '../shared/protocol';

export async function periodStartText(doc: OkrDocument, filePath: string, root: string): Promise<PeriodStartTextResult> {
  const period = doc.period;
  if (!period) return { ok: false, message: `${path.basename(filePath)} has no period: nothing to compare with.` };
  try {
    const repo = await openRepo(root);
    if (!repo) return { ok: false, message: `${path.basename(filePath)} is not in a git repository: there is no history to compare with.` };
    const commit = await commitBefore(repo, period.start);
    if (!commit) {
      const shallow = repo.shallow ? ' (this is a shallow clone: fetch more history)' : '';
      return { ok: false, message: `No commit before ${period.start}, the start of ${period.label}${shallow}.` };
    }
    const gitPath = topRelative(repo, filePath);
    const text = (await readBlobs(repo, [{ rev: commit.sha, path: gitPath }])).get(`${commit.sha}:${gitPath}`);
    if (text === undefined) return { ok: false, message: `${gitPath} did not exist in commit ${shortSha(commit.sha)}, the last before ${period.label} started on ${period.start}.` };
    return { ok: true, text, period: period.label, periodStart: period.start, commit: commit.sha, commitDate: commit.date };
  } catch (e) {
    return { ok: false, message: `Cannot read the history: ${(e as Error).message}` };
  }
}
