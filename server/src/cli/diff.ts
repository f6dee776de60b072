// `okr diff [<base>] [<head>] [paths...]`: what changed in the .okr files between two revisions (or a
// revision and the working tree), as a reviewer reads it: objectives and key results added, removed or
// changed, scores and statuses before and after, goal posts moved, problems that appeared or were
// fixed. Git is read through server/src/git; the comparison itself is the core's diffOkrFile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceScorer, WorkspaceIndex, analyzeDocument, diffOkrFile, hasSemanticChange, parseOkrDocument, type FileDiff, type FileVersion, type OkrConfig, type OkrDocument } from '../core';
import { GitError } from '../git/git';
import { catFile, changedOkrFiles, defaultBase, topRelative, okrFilesAt, openRepo, resolveCommit, type ChangedFile, type Repo } from '../git/repo';
import { readOkrText } from '../node/discover';
import { InputError, UsageError } from './errors';
import { displayPath, loadRootConfig } from './load-workspace';

export interface DiffSide {
  /** As given (or chosen): `main`, `HEAD~2`, `merge-base(HEAD, origin/main)`, `working tree`. */
  label: string;
  /** Full commit name; absent for the working tree. */
  sha?: string;
}

export interface DiffResult {
  base: DiffSide;
  head: DiffSide;
  today: string;
  files: FileDiff[];
  summary: DiffSummary;
}

export interface DiffSummary {
  files: number;
  added: number;
  removed: number;
  changed: number;
  /** Targets and baselines made easier while the period is under way. */
  goalsMoved: number;
  problemsAppeared: number;
  problemsFixed: number;
}

interface Revisions {
  base?: string;
  head?: string;
  paths: string[];
}

/**
 * Which positionals are revisions: before `--` all of them (at most two); otherwise the leading ones
 * that are `a..b` or name a commit and not a file (as git itself decides).
 */
async function splitPositionals(repo: Repo, positionals: readonly string[], beforeDashDash: number | undefined, cwd: string): Promise<Revisions> {
  let revs: string[];
  let paths: string[];
  if (beforeDashDash !== undefined) {
    revs = positionals.slice(0, beforeDashDash);
    paths = positionals.slice(beforeDashDash);
  } else {
    revs = [];
    let i = 0;
    for (; i < positionals.length && revs.length < 2; i++) {
      const p = positionals[i]!;
      const onDisk = fs.existsSync(path.resolve(cwd, p));
      // Not a file and not a commit: a revision that does not exist, unless it reads as a path (a
      // removed .okr file or folder); resolveCommit says so below.
      if (!onDisk && (p.includes('..') || (await isCommit(repo, p)) || !looksLikePath(p))) revs.push(p);
      else break;
      if (p.includes('..')) {
        i++;
        break;
      }
    }
    paths = positionals.slice(i);
  }
  if (revs.length === 1 && revs[0]!.includes('..')) {
    const [base, head] = revs[0]!.split(/\.\.\.?/);
    if (revs[0]!.includes('...')) throw new UsageError(`'${revs[0]}': use <base>..<head> (two dots)`);
    return { base: base || 'HEAD', head: head || 'HEAD', paths };
  }
  if (revs.some((r) => r.includes('..'))) throw new UsageError(`give either <base>..<head> or <base> <head>, not both`);
  if (revs.length > 2) throw new UsageError(`at most two revisions, got '${revs.join("', '")}'`);
  return { base: revs[0], head: revs[1], paths };
}

function looksLikePath(p: string): boolean {
  return p.endsWith('.okr') || p.endsWith('/') || p === '.' || /^\.\.?\//.test(p);
}

async function isCommit(repo: Repo, rev: string): Promise<boolean> {
  try {
    await resolveCommit(repo, rev);
    return true;
  } catch {
    return false;
  }
}

export interface DiffOptions {
  cwd: string;
  positionals: string[];
  beforeDashDash?: number;
  configFile?: string;
  today: string;
}

export async function runDiff(options: DiffOptions): Promise<DiffResult> {
  const cwd = fs.realpathSync(options.cwd);
  const repo = await openRepo(cwd).catch(rethrow);
  if (!repo) throw new InputError(`not in a git repository: okr diff compares revisions of .okr files in git (run it inside a repository)`);
  const revs = await splitPositionals(repo, options.positionals, options.beforeDashDash, cwd);
  const base: DiffSide = revs.base ? { label: revs.base, sha: await resolveCommit(repo, revs.base).catch(rethrow) } : await defaultBase(repo).catch(rethrow);
  const head: DiffSide = revs.head ? { label: revs.head, sha: await resolveCommit(repo, revs.head).catch(rethrow) } : { label: 'working tree' };

  // The configuration and the workspace root come from the working tree, for both sides.
  const ws = loadRootConfig(cwd, options.configFile);
  const top = (abs: string): string => {
    try {
      return topRelative(repo, abs);
    } catch (e) {
      return rethrow(e);
    }
  };
  const rootRel = top(ws.root);
  const specs = revs.paths.map((p) => top(path.resolve(cwd, p)));
  // Every change under the root builds the two workspaces; the paths given choose what is reported.
  const all = await changedOkrFiles(repo, base.sha!, head.sha, rootRel ? [rootRel] : []).catch(rethrow);
  const inside = (p: string | undefined) => p !== undefined && specs.some((s) => s === '' || p === s || p.startsWith(s.endsWith('/') ? s : `${s}/`));
  const changed = specs.length ? all.filter((c) => inside(c.path) || inside(c.oldPath)) : all;

  // Every .okr file of the root on both sides (rollups read the whole workspace), each distinct blob
  // parsed once: a file the change leaves alone is one document shared by both sides.
  const parsed = new Map<string, OkrDocument>();
  const baseIndex = await indexAt(repo, base.sha!, rootRel, ws.root, parsed);
  const headIndex = head.sha ? await indexAt(repo, head.sha, rootRel, ws.root, parsed) : headFromDisk(baseIndex, repo, all, ws.root);
  const scorers = {
    base: new WorkspaceScorer(baseIndex, options.today, ws.config.scoring),
    head: new WorkspaceScorer(headIndex, options.today, ws.config.scoring),
  };
  const version = (index: WorkspaceIndex, scorer: WorkspaceScorer, rel: string | undefined): FileVersion | undefined => {
    if (rel === undefined) return undefined;
    const abs = path.join(repo.top, rel);
    const doc = index.get(abs);
    if (!doc) return undefined;
    return { path: displayPath(abs, cwd), doc, scorer, diagnostics: problems(doc, abs, index, ws.config, options.today) };
  };
  const files: FileDiff[] = [];
  for (const c of changed) {
    const before = version(baseIndex, scorers.base, c.status === 'added' ? undefined : (c.oldPath ?? c.path));
    const after = version(headIndex, scorers.head, c.status === 'removed' ? undefined : c.path);
    if (!before && !after) continue;
    const d = diffOkrFile(before, after, { config: ws.config, today: options.today });
    if (d.change !== 'unchanged') files.push(d);
  }
  return { base, head, today: options.today, files, summary: summarize(files) };
}

/** The problems of one version, with that version's workspace (links are not checked: the disk is not that version). */
function problems(doc: FileVersion['doc'], abs: string, index: WorkspaceIndex, config: OkrConfig, today: string) {
  return analyzeDocument(doc, { config, today, path: abs, workspace: index, fileExists: () => undefined });
}

/** Every .okr file of the root at a commit, parsed (once per blob across both sides), in an index of its own. */
async function indexAt(repo: Repo, sha: string, rootRel: string, root: string, parsed: Map<string, OkrDocument>): Promise<WorkspaceIndex> {
  const files = await okrFilesAt(repo, sha, rootRel).catch(rethrow);
  const missing = [...new Set(files.map((f) => f.blob).filter((b) => !parsed.has(b)))];
  const texts = await catFile(repo, missing).catch(rethrow);
  const index = new WorkspaceIndex(root);
  for (const f of files) {
    const abs = path.join(repo.top, f.path);
    // The same content at another path is another document (its uri names the file).
    const known = parsed.get(f.blob);
    let doc = known && known.uri === pathToFileURL(abs).href ? known : undefined;
    if (!doc) {
      const text = texts.get(f.blob) ?? known?.text;
      if (text === undefined) continue;
      doc = parseOkrDocument(text, pathToFileURL(abs).href, 0);
      parsed.set(f.blob, doc);
    }
    index.set(abs, doc);
  }
  return index;
}

/**
 * The working tree: the base's documents for the files git says are unchanged, and the changed and
 * untracked ones read from disk.
 */
function headFromDisk(base: WorkspaceIndex, repo: Repo, changed: readonly ChangedFile[], root: string): WorkspaceIndex {
  const index = new WorkspaceIndex(root);
  const touched = new Set<string>();
  for (const c of changed) {
    touched.add(path.join(repo.top, c.path));
    if (c.oldPath) touched.add(path.join(repo.top, c.oldPath));
  }
  for (const p of base.paths()) if (!touched.has(p)) index.set(p, base.get(p)!);
  for (const c of changed) {
    if (c.status === 'removed') continue;
    const abs = path.join(repo.top, c.path);
    const read = readOkrText(abs);
    if (read.ok) index.set(abs, parseOkrDocument(read.text, pathToFileURL(abs).href, 0));
  }
  return index;
}

function rethrow(e: unknown): never {
  if (e instanceof GitError) throw new InputError(e.message);
  throw e;
}

function summarize(files: readonly FileDiff[]): DiffSummary {
  const s: DiffSummary = { files: files.length, added: 0, removed: 0, changed: 0, goalsMoved: 0, problemsAppeared: 0, problemsFixed: 0 };
  for (const f of files) {
    if (f.change === 'added') s.added++;
    else if (f.change === 'removed') s.removed++;
    else if (hasSemanticChange(f)) s.changed++;
    s.problemsAppeared += f.appeared.length;
    s.problemsFixed += f.fixed.length;
    for (const o of f.objectives) for (const k of o.keyResults) s.goalsMoved += k.fields.filter((x) => x.easier).length;
  }
  return s;
}

/** `okr diff --format json`: the whole result, numbers at full precision. */
export function formatDiffJson(r: DiffResult): string {
  return JSON.stringify({ base: r.base, head: r.head, today: r.today, summary: r.summary, files: r.files }, null, 2) + '\n';
}
