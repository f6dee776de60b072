// From command-line paths to an analysed workspace: find the root (the folder holding
// okr.config.yaml), read and validate the config, discover `.okr` files (honouring .gitignore),
// load every file of the root into the WorkspaceIndex so cross-file references resolve, and
// remember which files the user asked about. A file asked about that cannot be read is kept as
// `unreadable` (reported as an error on that file), so it never hides the results of the others.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CONFIG_FILE_NAME,
  RULE_IDS,
  WorkspaceIndex,
  mergeConfig,
  parseConfig,
  parseOkrDocument,
  type ConfigProblem,
  type FileHistory,
  type OkrConfig,
  type OkrDocument,
  type ParseHooks,
} from '../core';
import { decodeOkrBytes, describeFsError, discoverOkrFiles, readOkrText } from '../node/discover';
import { gitRemoteConfig } from '../node/repository';
import { InputError } from './errors';

export interface LoadedFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the current folder, with forward slashes (what the user sees). */
  rel: string;
  doc: OkrDocument;
  /** The file on disk starts with a byte-order mark (kept when --fix writes it back). */
  bom: boolean;
  /** The text came from standard input (--fix prints it rather than writing the file). */
  fromStdin: boolean;
}

/** A file asked about that could not be read: binary, too large, not UTF-8, no permission. */
export interface UnreadableFile {
  abs: string;
  rel: string;
  /** One line, starting with the path as shown. */
  message: string;
}

/** The root of a workspace and its configuration. */
export interface WorkspaceRoot {
  cwd: string;
  root: string;
  config: OkrConfig;
  /** The config file read, if any (okr.config.yaml at the root, or --config). */
  configPath?: string;
  configText?: string;
  configProblems: ConfigProblem[];
  /** .gitignore lines skipped as too long to be a pattern: printed as warnings, the run goes on. */
  ignoreWarnings: string[];
}

export interface Workspace extends WorkspaceRoot {
  index: WorkspaceIndex;
  /** The files under the given paths, sorted by `rel`. */
  reported: LoadedFile[];
  /** The files under the given paths that could not be read, sorted by `rel`. */
  unreadable: UnreadableFile[];
  /** The given folders: their source files are searched for code tags (none for files or standard input). */
  sourceDirs: string[];
  /** Git history of the reported files by absolute path, once loaded (history.ts); none outside a repository. */
  histories?: Map<string, FileHistory>;
}

/** The path shown for standard input without --stdin-filename. */
export const STDIN_NAME = '<stdin>';

export interface LoadOptions {
  paths: string[];
  cwd: string;
  /** --config FILE */
  configFile?: string;
  /**
   * The text of one file from standard input, and the path it stands for (which need not exist):
   * it is the only file reported, and it replaces that path's disk version in the index.
   */
  stdin?: { path?: string; bytes: Uint8Array };
  /** What each file's parse tells (the key-result titles a quality pool judges meanwhile); given each text and the root's configuration. */
  parseHooks?: (text: string, config: OkrConfig) => ParseHooks | undefined;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** The nearest folder at or above `start` holding okr.config.yaml, stopping at a repository's top or the filesystem root. */
export function findConfigRoot(start: string): string | undefined {
  let dir = statOrNull(start)?.isDirectory() ? start : path.dirname(start);
  for (;;) {
    // Anything but a folder by that name counts: reading it then says why it is not a usable file.
    if (statOrNull(path.join(dir, CONFIG_FILE_NAME))?.isDirectory() === false) return dir;
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads a text file or throws an InputError that says, in one line, why it cannot. */
export function readTextFile(abs: string, shown: string): string {
  const read = readOkrText(abs, shown);
  if (!read.ok) throw new InputError(read.message);
  return read.text;
}

/** Where a workspace's files are, before any is read: what `okr check` splits between threads. */
export interface WorkspacePlan extends WorkspaceRoot {
  /** Every .okr file of the root, and of the folders and files given outside it. */
  all: string[];
  /** The files under the given paths, sorted. */
  reported: string[];
  /** The given folders: their source files are searched for code tags. */
  sourceDirs: string[];
  /** Folders under the given paths that could not be listed: each reported like an unreadable file. */
  unreadableFolders: UnreadableFile[];
}

/** Discovery that keeps what the walk could not do: skipped .gitignore lines and unreadable folders. */
function discoverNoting(dir: string, cwd: string, ignoreWarnings: string[], folders: Map<string, string>): string[] {
  return discoverOkrFiles(dir, {
    onProblem: (p) => {
      // Messages start with the path: shown as the user typed paths, relative to where okr runs.
      const message = p.message.startsWith(p.path) ? displayPath(p.path, cwd) + p.message.slice(p.path.length) : p.message;
      if (p.kind === 'unreadable-folder') folders.set(p.path, message);
      else if (!ignoreWarnings.includes(message)) ignoreWarnings.push(message);
    },
  });
}

export function planWorkspace(options: LoadOptions): WorkspacePlan {
  const cwd = options.cwd;
  const given = (options.paths.length ? options.paths : ['.']).map((p) => ({ arg: p, abs: path.resolve(cwd, p) }));
  const stats = given.map((g) => {
    try {
      return fs.statSync(g.abs);
    } catch (e) {
      throw new InputError(describeFsError(e, g.arg));
    }
  });

  const first = given[0]!.abs;
  const { root, config, configPath, configText, configProblems } = loadConfig(options, first, stats[0]!.isDirectory());
  // Discovery: everything under the root (for references), plus given folders and files outside it.
  const ignoreWarnings: string[] = [];
  const folders = new Map<string, string>();
  const all = new Set(discoverNoting(root, cwd, ignoreWarnings, folders));
  given.forEach((g, i) => {
    if (!stats[i]!.isDirectory()) all.add(g.abs); // a file named on the command line is checked whatever its name or .gitignore say
    else if (!isInside(g.abs, root)) for (const f of discoverNoting(g.abs, cwd, ignoreWarnings, folders)) all.add(f);
  });
  // An unreadable folder under a given path hides files that were asked about; elsewhere under the root it only holds context.
  const unreadableFolders = [...folders]
    .filter(([dir]) => given.some((g, i) => stats[i]!.isDirectory() && isInside(dir, g.abs)))
    .map(([abs, message]) => ({ abs, rel: displayPath(abs, cwd), message: `${displayPath(abs, cwd)}: folder cannot be read (${message.slice(displayPath(abs, cwd).length + 2)})` }))
    .sort(byRel);
  const reportedPaths = new Set<string>();
  given.forEach((g, i) => {
    if (!stats[i]!.isDirectory()) reportedPaths.add(g.abs);
    else for (const f of all) if (isInside(f, g.abs)) reportedPaths.add(f);
  });
  const sourceDirs = given.filter((_, i) => stats[i]!.isDirectory()).map((g) => g.abs);
  return { cwd, root, config, configPath, configText, configProblems, ignoreWarnings, all: [...all], reported: [...reportedPaths].sort(), sourceDirs, unreadableFolders };
}

export function loadWorkspace(options: LoadOptions, planned?: WorkspacePlan): Workspace {
  if (options.stdin) return loadWithStdin(options, options.stdin);
  const plan = planned ?? planWorkspace(options);
  const { cwd, root, config, configPath, configText, configProblems } = plan;
  const index = new WorkspaceIndex(root);
  const reported: LoadedFile[] = [];
  const unreadable: UnreadableFile[] = [];
  for (const abs of plan.reported) {
    const rel = displayPath(abs, cwd);
    const read = readOkrText(abs, rel);
    if (!read.ok) {
      unreadable.push({ abs, rel, message: read.message });
      continue;
    }
    const doc = parseOkrDocument(read.text, pathToFileURL(abs).href, 0, options.parseHooks?.(read.text, config));
    index.set(abs, doc);
    reported.push({ abs, rel, doc, bom: read.bom, fromStdin: false });
  }
  loadContext(index, plan.all, new Set(plan.reported));
  unreadable.push(...plan.unreadableFolders);
  reported.sort(byRel);
  unreadable.sort(byRel);
  return { cwd, root, config, configPath, configText, configProblems, ignoreWarnings: plan.ignoreWarnings, index, reported, unreadable, sourceDirs: plan.sourceDirs };
}

/** `okr check -` / `--stdin-filename F`: F (or `<stdin>` in the current folder) holds the text read from standard input. */
function loadWithStdin(options: LoadOptions, stdin: { path?: string; bytes: Uint8Array }): Workspace {
  const cwd = options.cwd;
  const abs = path.resolve(cwd, stdin.path ?? STDIN_NAME);
  const rel = stdin.path === undefined ? STDIN_NAME : displayPath(abs, cwd);
  const { root, config, configPath, configText, configProblems } = loadConfig(options, abs, false);
  const ignoreWarnings: string[] = [];
  const all = new Set(discoverNoting(root, cwd, ignoreWarnings, new Map()));
  const index = new WorkspaceIndex(root);
  const reported: LoadedFile[] = [];
  const unreadable: UnreadableFile[] = [];
  const read = decodeOkrBytes(stdin.bytes, rel);
  if (read.ok) {
    const doc = parseOkrDocument(read.text, pathToFileURL(abs).href, 0);
    index.set(abs, doc);
    reported.push({ abs, rel, doc, bom: read.bom, fromStdin: true });
  } else {
    unreadable.push({ abs, rel, message: read.message });
  }
  loadContext(index, all, new Set([abs]));
  return { cwd, root, config, configPath, configText, configProblems, ignoreWarnings, index, reported, unreadable, sourceDirs: [] };
}

export function byRel(a: { rel: string }, b: { rel: string }): number {
  return a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0;
}

/** The other files of the root, for references: skipped quietly when unreadable (not asked about). */
function loadContext(index: WorkspaceIndex, all: Iterable<string>, reported: ReadonlySet<string>): void {
  for (const abs of all) {
    if (reported.has(abs)) continue;
    const read = readOkrText(abs);
    if (read.ok) index.set(abs, parseOkrDocument(read.text, pathToFileURL(abs).href, 0));
  }
}

/** The workspace root of a folder and its configuration, without reading any .okr file (okr diff reads them from git). */
export function loadRootConfig(cwd: string, configFile?: string): { root: string; config: OkrConfig } {
  const { root, config } = loadConfig({ paths: [], cwd, configFile }, cwd, true);
  return { root, config };
}

/** The workspace root for the first path, and its configuration: --config wins over the root's okr.config.yaml. */
function loadConfig(options: LoadOptions, first: string, firstIsDir: boolean) {
  const cwd = options.cwd;
  const configRoot = findConfigRoot(first);
  const root = configRoot ?? (isInside(first, cwd) ? cwd : firstIsDir ? first : path.dirname(first));
  let configPath: string | undefined;
  if (options.configFile !== undefined) {
    configPath = path.resolve(cwd, options.configFile);
  } else if (configRoot) {
    configPath = path.join(configRoot, CONFIG_FILE_NAME);
  }
  let configText: string | undefined;
  let configProblems: ConfigProblem[] = [];
  // The git remote names the default issue repository unless okr.config.yaml does.
  const remote = gitRemoteConfig(root);
  let config = mergeConfig(remote);
  if (configPath) {
    configText = readTextFile(configPath, options.configFile ?? displayPath(configPath, cwd));
    const loaded = parseConfig(configText, RULE_IDS);
    configProblems = loaded.problems;
    config = mergeConfig(remote, loaded.input);
  }
  return { root, config, configPath, configText, configProblems };
}
