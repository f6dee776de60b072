// From command-line paths to an analysed workspace: find the root (the folder holding
// okr.config.yaml), read and validate the config, discover `.okr` files (honouring .gitignore),
// load every file of the root into the WorkspaceIndex so cross-file references resolve, and
// remember which files the user asked about.
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
  type OkrConfig,
  type OkrDocument,
} from '../core';
import { describeFsError, discoverOkrFiles, readOkrText } from '../node/discover';
import { InputError } from './errors';

export interface LoadedFile {
  /** Absolute path. */
  abs: string;
  /** Path relative to the current folder, with forward slashes (what the user sees). */
  rel: string;
  doc: OkrDocument;
}

export interface Workspace {
  cwd: string;
  root: string;
  config: OkrConfig;
  /** The config file read, if any (okr.config.yaml at the root, or --config). */
  configPath?: string;
  configText?: string;
  configProblems: ConfigProblem[];
  index: WorkspaceIndex;
  /** The files under the given paths, sorted by `rel`. */
  reported: LoadedFile[];
}

export interface LoadOptions {
  paths: string[];
  cwd: string;
  /** --config FILE */
  configFile?: string;
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
    if (statOrNull(path.join(dir, CONFIG_FILE_NAME))?.isFile()) return dir;
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

export function loadWorkspace(options: LoadOptions): Workspace {
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
  const configRoot = findConfigRoot(first);
  const root = configRoot ?? (isInside(first, cwd) ? cwd : stats[0]!.isDirectory() ? first : path.dirname(first));

  // Configuration: --config wins over the root's okr.config.yaml.
  let configPath: string | undefined;
  if (options.configFile !== undefined) {
    configPath = path.resolve(cwd, options.configFile);
  } else if (configRoot) {
    configPath = path.join(configRoot, CONFIG_FILE_NAME);
  }
  let configText: string | undefined;
  let configProblems: ConfigProblem[] = [];
  let config = mergeConfig();
  if (configPath) {
    configText = readTextFile(configPath, options.configFile ?? displayPath(configPath, cwd));
    const loaded = parseConfig(configText, RULE_IDS);
    configProblems = loaded.problems;
    config = mergeConfig(loaded.input);
  }

  // Discovery: everything under the root (for references), plus given folders and files outside it.
  const all = new Set(discoverOkrFiles(root));
  given.forEach((g, i) => {
    if (!stats[i]!.isDirectory()) all.add(g.abs); // a file named on the command line is checked whatever its name or .gitignore say
    else if (!isInside(g.abs, root)) for (const f of discoverOkrFiles(g.abs)) all.add(f);
  });
  const reportedPaths = new Set<string>();
  given.forEach((g, i) => {
    if (!stats[i]!.isDirectory()) reportedPaths.add(g.abs);
    else for (const f of all) if (isInside(f, g.abs)) reportedPaths.add(f);
  });

  const index = new WorkspaceIndex(root);
  const reported: LoadedFile[] = [];
  // The files asked about must be readable (exit 2 otherwise); the others are context, skipped if not.
  for (const abs of [...reportedPaths].sort()) {
    const rel = displayPath(abs, cwd);
    const doc = parseOkrDocument(readTextFile(abs, rel), pathToFileURL(abs).href, 0);
    index.set(abs, doc);
    reported.push({ abs, rel, doc });
  }
  for (const abs of all) {
    if (reportedPaths.has(abs)) continue;
    try {
      index.set(abs, parseOkrDocument(readTextFile(abs, abs), pathToFileURL(abs).href, 0));
    } catch {
      // not ours to report
    }
  }
  reported.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { cwd, root, config, configPath, configText, configProblems, index, reported };
}
