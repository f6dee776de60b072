// What the product asks of a git repository: its top folder, revisions, the .okr files that changed
// between two revisions (renames followed), file texts at a revision (one `cat-file --batch` for all),
// and commit data. Paths in and out are relative to the repository's top, with forward slashes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitError, gitRunner, type GitRunner } from './git';
import type { CommitInfo } from '../core/history/file-history';
import { MAX_FILE_BYTES } from '../node/discover';

export interface Repo {
  git: GitRunner;
  /** Absolute path of the work tree's top folder. */
  top: string;
  shallow: boolean;
}

/** The repository holding `dir`, or undefined when there is none (or no git). */
export async function openRepo(dir: string): Promise<Repo | undefined> {
  const git = gitRunner(dir);
  try {
    const out = (await git.run(['rev-parse', '--show-toplevel', '--is-shallow-repository'])).toString('utf8').split('\n');
    const top = out[0]!.trim();
    if (!top) return undefined;
    return { git: gitRunner(top), top, shallow: out[1]?.trim() === 'true' };
  } catch (e) {
    if (e instanceof GitError && (e.kind === 'not-a-repository' || e.kind === 'no-git')) return undefined;
    throw e;
  }
}

/** The full commit name of a revision; a GitError of kind bad-revision that names it when there is none. */
export async function resolveCommit(repo: Repo, rev: string): Promise<string> {
  // `--end-of-options` keeps a revision starting with '-' from being read as an option.
  try {
    const out = (await repo.git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).toString('utf8').trim();
    if (out) return out;
  } catch {
    // fall through to the one message below
  }
  const hint = repo.shallow ? ' (this is a shallow clone: fetch more history, e.g. actions/checkout with fetch-depth: 0)' : '';
  throw new GitError(`revision '${rev}' does not exist in this repository${hint}`, 'bad-revision');
}

async function exists(repo: Repo, rev: string): Promise<boolean> {
  try {
    return (await repo.git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).toString('utf8').trim() !== '';
  } catch {
    return false;
  }
}

/**
 * The default base of `okr diff`: where the current branch left the default branch (the merge base
 * with origin/HEAD, else main, else master), else HEAD. Also says which it chose, for the report.
 */
export async function defaultBase(repo: Repo): Promise<{ sha: string; label: string }> {
  let branch: string | undefined;
  try {
    branch = (await repo.git.run(['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])).toString('utf8').trim() || undefined;
  } catch {
    branch = undefined;
  }
  const candidates = [branch, 'origin/main', 'origin/master', 'main', 'master'].filter((b): b is string => b !== undefined);
  for (const b of candidates) {
    if (!(await exists(repo, b))) continue;
    try {
      const sha = (await repo.git.run(['merge-base', 'HEAD', b])).toString('utf8').trim();
      if (sha) return { sha, label: `merge-base(HEAD, ${b})` };
    } catch {
      // no common history: try the next
    }
  }
  return { sha: await resolveCommit(repo, 'HEAD'), label: 'HEAD' };
}

export interface ChangedFile {
  status: 'added' | 'removed' | 'renamed' | 'modified';
  path: string;
  /** The path at the base, for a renamed file. */
  oldPath?: string;
}

/**
 * The .okr files that differ between `base` and `head` (a commit), or the working tree (head
 * undefined: tracked changes plus untracked files not ignored). Renames are followed.
 */
export async function changedOkrFiles(repo: Repo, base: string, head: string | undefined, pathspecs: readonly string[]): Promise<ChangedFile[]> {
  const specs = pathspecs.length ? pathspecs.map(topSpec) : ['.'];
  const args = ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', base, ...(head ? [head] : []), '--', ...specs];
  const fields = (await repo.git.run(args)).toString('utf8').split('\0');
  const out: ChangedFile[] = [];
  for (let i = 0; i < fields.length - 1; ) {
    const code = fields[i++]!;
    if (code[0] === 'R' || code[0] === 'C') {
      const oldPath = fields[i++]!;
      const path = fields[i++]!;
      if (code[0] === 'R') out.push({ status: 'renamed', path, oldPath });
      else out.push({ status: 'added', path });
    } else {
      const path = fields[i++]!;
      out.push({ status: code[0] === 'A' ? 'added' : code[0] === 'D' ? 'removed' : 'modified', path });
    }
  }
  if (!head) {
    const untracked = (await repo.git.run(['ls-files', '-z', '--others', '--exclude-standard', '--', ...specs])).toString('utf8').split('\0');
    for (const path of untracked) if (path) out.push({ status: 'added', path });
  }
  return out.filter((f) => isOkr(f.path) || (f.oldPath !== undefined && isOkr(f.oldPath))).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A pathspec relative to the top, literal (no glob surprises in a folder name). */
function topSpec(p: string): string {
  return `:(top,literal)${p}`;
}

export function isOkr(p: string): boolean {
  return p.endsWith('.okr');
}

/** Every .okr file in a commit, under `under` (top-relative; '' for all), with its blob's object name. */
export async function okrFilesAt(repo: Repo, rev: string, under: string): Promise<Array<{ path: string; blob: string }>> {
  const out = (await repo.git.run(['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...(under ? [topSpec(under)] : [])])).toString('utf8');
  const files: Array<{ path: string; blob: string }> = [];
  // "<mode> blob <sha>\t<path>"
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [, type, blob] = entry.slice(0, tab).split(' ');
    const p = entry.slice(tab + 1);
    if (type === 'blob' && blob && isOkr(p)) files.push({ path: p, blob });
  }
  return files;
}

/**
 * The texts of `rev:path` for many pairs in one `git cat-file --batch`: a missing one (the file did not
 * exist at that commit) is absent from the result. Keys are `${rev}:${path}`.
 */
export async function readBlobs(repo: Repo, specs: ReadonlyArray<{ rev: string; path: string }>): Promise<Map<string, string>> {
  // A path with a newline cannot be asked for on cat-file's line-based input: such files are skipped.
  const asked = specs.filter((s) => !/[\n\r]/.test(s.path)).map((s) => `${s.rev}:${s.path}`);
  return catFile(repo, asked);
}

/** The texts of blobs by object name (or any `rev:path`), in one `git cat-file --batch`. */
export async function catFile(repo: Repo, objects: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  if (objects.length === 0) return result;
  const out = await repo.git.run(['cat-file', '--batch'], objects.map((o) => `${o}\n`).join(''));
  let at = 0;
  for (const s of objects) {
    const eol = out.indexOf(10, at);
    if (eol < 0) break;
    const header = out.toString('utf8', at, eol);
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) continue; // "<spec> missing" or "ambiguous"
    const size = Number(m[2]);
    // A version too large or not text is left out, as the file on disk would be refused: parsing a
    // 100 MB blob some commit once held would cost minutes for a history nobody can read from it.
    if (m[1] === 'blob' && size <= MAX_FILE_BYTES && out.subarray(at, at + size).indexOf(0) < 0) result.set(s, stripBom(out.toString('utf8', at, at + size)));
    at += size + 1;
  }
  return result;
}

function stripBom(t: string): string {
  return t.charCodeAt(0) === 0xfeff ? t.slice(1) : t;
}

const FORMAT = '%H%x02%ct%x02%an';

function commitFrom(line: string): CommitInfo | undefined {
  const [sha, time, author] = line.split('\x02');
  if (!sha || !/^[0-9a-f]{40,64}$/.test(sha)) return undefined;
  return { sha, date: new Date(Number(time) * 1000).toISOString(), author: author || undefined };
}

/** The commit data of a revision. */
export async function commitInfo(repo: Repo, rev: string): Promise<CommitInfo | undefined> {
  const out = (await repo.git.run(['log', '-1', `--format=${FORMAT}`, '--end-of-options', rev, '--'])).toString('utf8').trim();
  return commitFrom(out);
}

/**
 * The last commit of HEAD's history before a day started (UTC): the state of the repository when a
 * period began. Undefined when there is none (a younger repository, or a shallow clone).
 */
export async function commitBefore(repo: Repo, day: string): Promise<CommitInfo | undefined> {
  try {
    const out = (await repo.git.run(['log', '-1', `--format=${FORMAT}`, `--before=${day}T00:00:00Z`, 'HEAD', '--'])).toString('utf8').trim();
    return out ? commitFrom(out) : undefined;
  } catch {
    return undefined; // no HEAD yet (a repository without commits)
  }
}

/**
 * The commits of HEAD that touch each of `paths`, newest first, at most `max` per file: one `git log`
 * for all of them (since `since`, a day, when given, so the walk ends early).
 */
export async function commitsTouching(repo: Repo, paths: readonly string[], max: number, since?: string): Promise<Map<string, CommitInfo[]>> {
  const result = new Map<string, CommitInfo[]>(paths.map((p) => [p, []]));
  if (paths.length === 0) return result;
  const args = ['log', `--format=%x01${FORMAT}`, '--name-only', '-z', '--no-renames'];
  if (since) args.push(`--since=${since}T00:00:00Z`);
  // One file alone: let git stop after `max` commits.
  if (paths.length === 1) args.push(`-n${max}`);
  args.push('HEAD', '--', ...(paths.length > 200 ? ['.'] : paths.map(topSpec)));
  let out: string;
  try {
    out = (await repo.git.run(args)).toString('utf8');
  } catch {
    return result; // no commits yet
  }
  // Each record: \x01 sha \x02 time \x02 author \0 \n name \0 name \0 ...
  for (const record of out.split('\x01')) {
    const end = record.indexOf('\0');
    if (end < 0) continue;
    const commit = commitFrom(record.slice(0, end));
    if (!commit) continue;
    for (const name of record.slice(end + 1).split('\0')) {
      const list = result.get(name.replace(/^\n/, ''));
      if (list && list.length < max) list.push(commit);
    }
  }
  return result;
}

/** A path as git names it: relative to the top, forward slashes (symbolic links resolved as git resolves them). */
export function topRelative(repo: Repo, abs: string): string {
  let real = abs;
  try {
    real = fs.realpathSync(abs);
  } catch {
    // a removed file: its folder may still resolve
    try {
      real = path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
    } catch {
      real = abs;
    }
  }
  const rel = path.relative(repo.top, real);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new GitError(`${abs}: not inside the repository ${repo.top}`, 'failed');
  return rel.split(path.sep).join('/');
}
