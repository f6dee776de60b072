// Facts about a workspace folder read from the disk for the core: the git remote's default issue
// repository, and the line counts of linked files. Shared by the CLI and the language server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configFromGitRemote, type OkrConfigInput } from '../core';
import { readRegularFile, readRegularText } from './read-file';

/** The configuration layer `.git/config`'s remote `origin` implies (lowest: okr.config.yaml and settings win). */
export function gitRemoteConfig(root: string): OkrConfigInput | undefined {
  try {
    const text = readRegularText(path.join(root, '.git', 'config'), MAX_COUNTED_BYTES);
    return text === undefined ? undefined : configFromGitRemote(text);
  } catch {
    return undefined; // no repository, or a worktree whose .git is a file: no default
  }
}

/** Files above this are not counted: a link range into them is not checked. */
const MAX_COUNTED_BYTES = 5 * 1024 * 1024;
const lineCounts = new Map<string, { mtimeMs: number; size: number; lines: number }>();

/** Lines of a file (a final line break ends the last line, it does not start one), cached by mtime and size. */
export function fileLineCount(file: string): number | undefined {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    return undefined;
  }
  if (!st.isFile() || st.size > MAX_COUNTED_BYTES) return undefined;
  const hit = lineCounts.get(file);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.lines;
  let buf: Buffer;
  try {
    const read = readRegularFile(file, MAX_COUNTED_BYTES);
    if (!read.ok) return undefined;
    buf = read.bytes;
  } catch {
    return undefined;
  }
  let lines = buf.length === 0 ? 0 : 1;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) if (i < buf.length - 1) lines++;
  if (lineCounts.size > 10_000) lineCounts.clear();
  lineCounts.set(file, { mtimeMs: st.mtimeMs, size: st.size, lines });
  return lines;
}
