// Finding .okr files on disk, honouring .gitignore files (nested ones relative to their folder).
// Node-side host code shared by the CLI and the language server; the core never reads the disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.tools', '.vscode-test']);

export interface DiscoverOptions {
  /** Stop after this many files (a guard for huge folders opened by mistake). */
  limit?: number;
  extension?: string;
}

export function discoverOkrFiles(dir: string, options: DiscoverOptions = {}): string[] {
  const ext = options.extension ?? '.okr';
  const limit = options.limit ?? 100_000;
  const out: string[] = [];
  const walk = (current: string, rules: Array<{ base: string; ig: Ignore }>) => {
    if (out.length >= limit) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return; // unreadable folder: skip it, the caller reports files it could not read
    }
    const here = readGitignore(current);
    const active = here ? [...rules, { base: current, ig: here }] : rules;
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (ALWAYS_SKIPPED.has(e.name)) continue;
      const full = path.join(current, e.name);
      const isDir = e.isDirectory();
      if (isIgnored(active, full, isDir)) continue;
      if (isDir) walk(full, active);
      else if (e.isFile() && e.name.endsWith(ext)) out.push(full);
      if (out.length >= limit) return;
    }
  };
  walk(dir, []);
  return out;
}

function readGitignore(dir: string): Ignore | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return ignore().add(text);
  } catch {
    return undefined;
  }
}

function isIgnored(rules: Array<{ base: string; ig: Ignore }>, full: string, isDir: boolean): boolean {
  for (const { base, ig } of rules) {
    const rel = path.relative(base, full).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

/** Files larger than this are not analysed: a clear message beats a frozen editor. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/** Reads a text file for analysis, refusing binary and oversized files with a clear message. */
export function readOkrFile(file: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, message: code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${code ?? (e as Error).message}` };
  }
  if (stat.isDirectory()) return { ok: false, message: `${file} is a folder` };
  if (stat.size > MAX_FILE_BYTES) {
    return { ok: false, message: `${file} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; .okr files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not analysed` };
  }
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, message: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  if (buf.includes(0)) return { ok: false, message: `${file} is a binary file, not YAML text` };
  return { ok: true, text: buf.toString('utf8').replace(/^\uFEFF/, '') };
}
