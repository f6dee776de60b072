// Finding and reading .okr files on disk: host code shared by the CLI and the language server
// (the core never touches the disk). Honours .gitignore files, nested ones relative to their
// folder, including `!pattern` re-includes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { readRegularFile, type RegularRead } from './read-file';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.tools', '.vscode-test']);

/** Files larger than this are refused: an OKR file is a page of YAML, not a data dump. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface IgnoreLevel {
  dir: string;
  ig: Ignore;
}

/**
 * .gitignore lines longer than this are skipped (with a warning): no path pattern needs more, and the
 * `ignore` package turns a line into one regular expression, which past some tens of thousands of
 * characters V8 refuses ("Regular expression too large") and which costs its length on every path.
 */
export const MAX_IGNORE_PATTERN_CHARS = 1024;
/** A .gitignore larger than this is not read (with a warning). */
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

export interface DiscoverOptions {
  /** Told of .gitignore lines skipped and folders that could not be read (the walk goes on). */
  onProblem?: (problem: WalkProblem) => void;
  /** File name ending to collect (default `.okr`; '' collects every file). */
  extension?: string;
  /** Stop after this many files (a guard for huge folders opened by mistake). */
  limit?: number;
  /** .gitignore levels from folders above `dir`. */
  inherited?: readonly IgnoreLevel[];
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

export interface WalkProblem {
  kind: 'ignore-pattern' | 'unreadable-folder';
  /** The .gitignore file or the folder. */
  path: string;
  message: string;
}

/**
 * The patterns of a .gitignore file, without the lines too long to be a pattern (told to `onProblem`).
 * Undefined when there is no readable .gitignore (a FIFO or a huge file is not read).
 */
export function readIgnoreFile(file: string, onProblem?: (p: WalkProblem) => void): Ignore | undefined {
  let read: RegularRead;
  try {
    read = readRegularFile(file, MAX_IGNORE_FILE_BYTES);
  } catch {
    return undefined;
  }
  if (!read.ok) {
    onProblem?.({ kind: 'ignore-pattern', path: file, message: `${file}: not read (${read.problem === 'too-large' ? `larger than ${MAX_IGNORE_FILE_BYTES / 1024 / 1024} MB` : 'not a regular file'}); nothing is ignored by it` });
    return undefined;
  }
  const lines = read.bytes.toString('utf8').split(/\r?\n/);
  const kept: string[] = [];
  lines.forEach((line, i) => {
    if (line.length <= MAX_IGNORE_PATTERN_CHARS) kept.push(line);
    else onProblem?.({ kind: 'ignore-pattern', path: file, message: `${file}:${i + 1}: pattern of ${line.length} characters skipped (the limit is ${MAX_IGNORE_PATTERN_CHARS})` });
  });
  return ignore().add(kept);
}

function isIgnored(abs: string, isDir: boolean, levels: readonly IgnoreLevel[]): boolean {
  // Outermost first; a deeper .gitignore may re-include (`!pattern`) what a parent ignored.
  let ignored = false;
  for (const level of levels) {
    const rel = path.relative(level.dir, abs).split(path.sep).join('/') + (isDir ? '/' : '');
    let t: { ignored: boolean; unignored: boolean };
    try {
      t = level.ig.test(rel);
    } catch {
      // A pattern the regular-expression engine refuses (compiled on first use): it ignores nothing.
      continue;
    }
    if (t.ignored) ignored = true;
    else if (t.unignored) ignored = false;
  }
  return ignored;
}

/**
 * Walks `dir` (depth first, entries in name order), pushing matching files to `out` and stopping
 * after each folder it reads: a generator, so the language server can spread a large walk over
 * turns of the event loop.
 */
function* walk(current: string, levels: readonly IgnoreLevel[], ext: string, limit: number, out: string[], onProblem?: (p: WalkProblem) => void): Generator<void, void, void> {
  if (out.length >= limit) return;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(current, { withFileTypes: true });
  } catch (e) {
    // Its files cannot be checked: said, so a run over it is not mistaken for a clean one.
    onProblem?.({ kind: 'unreadable-folder', path: current, message: describeFsError(e, current) });
    return;
  }
  yield;
  let here = levels;
  if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
    const ig = readIgnoreFile(path.join(current, '.gitignore'), onProblem);
    if (ig) here = [...levels, { dir: current, ig }];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (ALWAYS_SKIPPED.has(e.name)) continue;
    const full = path.join(current, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      // Follow links to files; not links to folders (they can loop).
      isFile = (statOrNull(full)?.isDirectory() ?? true) === false;
      isDir = false;
    }
    // A FIFO, device or socket named like an .okr file is listed too: reading it is refused with a
    // message naming it, where skipping it would hide it. (Not for the source-file search: ext ''.)
    if (!isFile && !isDir && ext !== '' && e.name.endsWith(ext)) isFile = true;
    if (!isDir && !(isFile && e.name.endsWith(ext))) continue;
    if (isIgnored(full, isDir, here)) continue;
    if (isDir) yield* walk(full, here, ext, limit, out, onProblem);
    else out.push(full);
    if (out.length >= limit) return;
  }
}

function walkFrom(dir: string, options: DiscoverOptions, out: string[]): Generator<void, void, void> {
  return walk(dir, options.inherited ?? [], options.extension ?? '.okr', options.limit ?? Infinity, out, options.onProblem);
}

/** Every matching file under `dir`, sorted, skipping node_modules, .git and what .gitignore files exclude. */
export function discoverOkrFiles(dir: string, options: DiscoverOptions = {}): string[] {
  const out: string[] = [];
  for (const _ of walkFrom(dir, options, out));
  return out;
}

/**
 * The same walk, giving the event loop a turn after about `sliceMs` of it, so a server answers
 * requests while it lists a large workspace (tens of thousands of source files beside the OKRs).
 */
export async function discoverOkrFilesInSlices(dir: string, sliceMs = 10, options: DiscoverOptions = {}): Promise<string[]> {
  const out: string[] = [];
  let until = performance.now() + sliceMs;
  for (const _ of walkFrom(dir, options, out)) {
    if (performance.now() < until) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    until = performance.now() + sliceMs;
  }
  return out;
}

/** `bom`: the bytes started with a UTF-8 byte-order mark (dropped from `text`; a write-back restores it). */
export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; message: string };

export function describeFsError(e: unknown, shown: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return `${shown}: no such file or directory`;
    case 'EACCES':
    case 'EPERM':
      return `${shown}: permission denied`;
    case 'EISDIR':
      return `${shown}: is a directory, expected a file`;
    default:
      return `${shown}: cannot read (${code ?? (e as Error).message})`;
  }
}

/**
 * Reads a text file for analysis, or says in one line why it cannot: missing, a folder, too large,
 * binary, not UTF-8. `shown` is the path as the user should see it.
 */
export function readOkrText(abs: string, shown: string = abs): ReadResult {
  let read: RegularRead;
  try {
    read = readRegularFile(abs, MAX_FILE_BYTES);
  } catch (e) {
    return { ok: false, message: describeFsError(e, shown) };
  }
  if (read.ok) return decodeOkrBytes(read.bytes, shown);
  switch (read.problem) {
    case 'directory':
      return { ok: false, message: describeFsError({ code: 'EISDIR' }, shown) };
    case 'not-regular':
      return { ok: false, message: `${shown}: not a regular file (a device, FIFO or socket, or a link to one), not read` };
    case 'too-large':
      return { ok: false, message: tooLarge(shown, read.size) };
  }
}

/**
 * Why an editor's text is not analysed, as decodeOkrBytes would refuse the same file on disk: over
 * the size limit (a 10 MB document took minutes of analysis), or holding a NUL character.
 */
export function refusalOfText(text: string, shown: string): string | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only a text near the limit is measured exactly.
  if (text.length * 3 > MAX_FILE_BYTES) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_FILE_BYTES) return tooLarge(shown, bytes);
  }
  const nul = text.indexOf('\0');
  if (nul < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < nul; i = text.indexOf('\n', i + 1)) line++;
  return `${shown}: NUL character on line ${line}, not a text .okr file`;
}

/** The 1-based line of byte `at`. */
function lineOfByte(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i >= 0 && i < at; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

function tooLarge(shown: string, bytes: number): string {
  return `${shown}: file is too large (${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`;
}

/** The text of a file's bytes (from disk or standard input), or why they are not an .okr file's text. */
export function decodeOkrBytes(buf: Uint8Array, shown: string): ReadResult {
  if (buf.byteLength > MAX_FILE_BYTES) return { ok: false, message: tooLarge(shown, buf.byteLength) };
  // A NUL byte anywhere (memchr over at most 5 MB): no YAML text holds one, and a parser shown the
  // rest would report what follows it as nonsense.
  const nul = buf.indexOf(0);
  if (nul >= 0 && nul < 8192) return { ok: false, message: `${shown}: binary file, not a text .okr file` };
  if (nul >= 0) return { ok: false, message: `${shown}: NUL byte on line ${lineOfByte(buf, nul)}, not a text .okr file` };
  let text: string;
  try {
    // ignoreBOM: keep the mark in the decoded text, to know it was there.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return { ok: false, message: `${shown}: not valid UTF-8 text (binary file?)` };
  }
  // Editors do not show a byte-order mark as part of the text; drop it so positions agree.
  const bom = text.charCodeAt(0) === 0xfeff;
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}

/**
 * Whether a file under `root` is left out by the walk: a folder the walk skips on its path, or a
 * .gitignore between the root and the file. For single files a watcher reports (the walk decides for
 * the rest); reads those .gitignore files each time, which is a few small reads.
 */
export function isSkippedByWalk(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return true;
  const parts = rel.split(path.sep);
  if (parts.some((p) => ALWAYS_SKIPPED.has(p))) return true;
  const levels: IgnoreLevel[] = [];
  let dir = root;
  for (let i = 0; i < parts.length; i++) {
    try {
      const ig = readIgnoreFile(path.join(dir, '.gitignore'));
      if (ig) levels.push({ dir, ig });
    } catch {
      // no .gitignore here
    }
    const next = path.join(dir, parts[i]!);
    const isDir = i < parts.length - 1;
    if (levels.length && isIgnored(next, isDir, levels)) return true;
    dir = next;
  }
  return false;
}
