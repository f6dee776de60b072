// The workspace's source files, for code tags: host code shared by the CLI and the language server.
// Listing honours .gitignore (discover.ts's walk), the include/exclude globs of `codeTags` and the
// editor's `files.exclude`; reading skips .okr files, files over 1 MB and binary files, and decodes
// only the files whose bytes contain the tag marker (most source files do not).
import * as fs from 'node:fs';
import { OPEN_FLAGS } from './read-file';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { scanCodeTags, TAG_MARKER, type CodeTag, type OkrConfig } from '../core';
import { discoverOkrFiles, discoverOkrFilesInSlices } from './discover';

/** Source files larger than this are not searched for tags (generated code, bundles, data). */
export const MAX_SOURCE_BYTES = 1024 * 1024;

/** Names never worth opening: binary by their extension (the NUL-byte check catches the rest). */
const BINARY_EXTENSIONS = new Set(
  'png jpg jpeg gif bmp ico webp avif tiff psd pdf zip gz tgz bz2 xz 7z rar tar jar war class exe dll so dylib o a lib obj wasm woff woff2 ttf otf eot mp3 mp4 m4a mov avi mkv webm wav flac ogg sqlite db pyc node bin dat iso dmg'.split(' '),
);

export interface SourceFilterOptions {
  config: OkrConfig['codeTags'];
  /** The editor's `files.exclude` globs that are on. */
  filesExclude?: readonly string[];
}

/** Whether a file (absolute path under `root`) is searched for tags, by its name and path alone. */
export function sourceFileFilter(root: string, options: SourceFilterOptions): (file: string) => boolean {
  const { include, exclude } = options.config;
  const globs = (list: readonly string[]) => (list.length ? picomatch(list as string[], { dot: true }) : undefined);
  const included = globs(include);
  const excluded = globs([...exclude, ...(options.filesExclude ?? [])]);
  const prefix = root.endsWith(path.sep) ? root : root + path.sep;
  return (file) => {
    const name = file.slice(file.lastIndexOf(path.sep) + 1);
    if (name.endsWith('.okr')) return false;
    const dot = name.lastIndexOf('.');
    if (dot > 0 && BINARY_EXTENSIONS.has(name.slice(dot + 1).toLowerCase())) return false;
    if (!included && !excluded) return true;
    // Files come from a walk of the root: slicing is enough (path.relative resolves both paths, 20,000 times).
    const inside = file.startsWith(prefix) ? file.slice(prefix.length) : path.relative(root, file);
    const rel = path.sep === '/' ? inside : inside.split(path.sep).join('/');
    if (included && !included(rel)) return false;
    // VS Code's files.exclude globs match a folder too (`**/build` hides everything under it).
    if (excluded && (excluded(rel) || ancestors(rel).some((a) => excluded(a)))) return false;
    return true;
  };
}

function ancestors(rel: string): string[] {
  const out: string[] = [];
  for (let i = rel.indexOf('/'); i >= 0; i = rel.indexOf('/', i + 1)) out.push(rel.slice(0, i));
  return out;
}

/** `files.exclude` as VS Code sends it (`{"**\/.git": true, "**\/*.js": {"when": …}}`): the globs that are simply on. */
export function filesExcludeGlobs(raw: unknown): string[] {
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

/** The source files under `root` to search for tags, sorted. */
export function listSourceFiles(root: string, filter: (file: string) => boolean): string[] {
  return discoverOkrFiles(root, { extension: '' }).filter(filter);
}

/** The same list, walking in slices of about `sliceMs` so a server keeps answering meanwhile. */
export async function listSourceFilesInSlices(root: string, filter: (file: string) => boolean, sliceMs: number): Promise<string[]> {
  return (await discoverOkrFilesInSlices(root, sliceMs, { extension: '' })).filter(filter);
}

const MARKER = Buffer.from(TAG_MARKER);

/**
 * The tags of a file on disk; [] for a file without any, a file too large, binary or unreadable
 * (a file that cannot be searched holds no tags we can know of).
 */
export function readSourceTags(file: string): CodeTag[] {
  // open, fstat, one read into a reused buffer: the fewest system calls per file (20,000 of them).
  let fd: number | undefined;
  try {
    // Without blocking: a FIFO among the sources would otherwise hold the search until a writer came.
    fd = fs.openSync(file, OPEN_FLAGS);
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > MAX_SOURCE_BYTES) return [];
    if (st.size > shared.length) shared = Buffer.allocUnsafe(Math.max(st.size, shared.length * 2));
    let read = 0;
    while (read < st.size) {
      const n = fs.readSync(fd, shared, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return tagsOfBytes(shared.subarray(0, read));
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** The read buffer readSourceTags reuses (grows to the largest file read, 1 MB at most). */
let shared = Buffer.allocUnsafe(64 * 1024);

/** The tags of a file's bytes: searched as bytes first, decoded only when the marker is there. */
export function tagsOfBytes(buf: Buffer): CodeTag[] {
  if (buf.length > MAX_SOURCE_BYTES || buf.indexOf(MARKER) < 0) return [];
  if (buf.subarray(0, 8192).includes(0)) return []; // binary
  return scanCodeTags(buf.toString('utf8'));
}
