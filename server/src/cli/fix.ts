// `okr check --fix`: the safe fixes of every file asked about (the core's fixAll, the same as the
// editor's "Fix all"), written back in place with only the fixed characters changed, and the report
// of what changed. A file read from standard input is not written: its fixed text is printed.
import * as fs from 'node:fs';
import { fixAll, type AppliedFix } from '../core';
import { analyzeOptions } from './check';
import type { Colors } from './color';
import { InputError } from './errors';
import type { LoadedFile, Workspace } from './load-workspace';

export interface FileFixes {
  file: LoadedFile;
  fixed: AppliedFix[];
}

/**
 * Fixes every reported file in memory: each file's model in `ws` (and the index other files resolve
 * against) becomes the fixed one, so the check that follows reports what remains.
 */
export function fixWorkspace(ws: Workspace, today: string): FileFixes[] {
  const out: FileFixes[] = [];
  for (const file of ws.reported) {
    const r = fixAll(file.doc, analyzeOptions(ws, file.abs, today));
    if (r.fixed.length === 0) continue;
    file.doc = r.doc;
    ws.index.set(file.abs, r.doc);
    out.push({ file, fixed: r.fixed });
  }
  return out;
}

/** Writes the fixed files back (never the one from standard input), keeping a byte-order mark the file had. */
export function writeFixedFiles(fixes: readonly FileFixes[]): void {
  for (const { file } of fixes) {
    if (file.fromStdin) continue;
    try {
      fs.writeFileSync(file.abs, (file.bom ? '\ufeff' : '') + file.doc.text);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (code ?? (e as Error).message);
      throw new InputError(`${file.rel}: cannot write the fixes (${why})`);
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * What --fix changed, per file: `path: fixed N problems`, one line per fix (where, what, rule), and
 * a total. Empty when nothing was fixed. Positions are where the problem was before its fix.
 */
export function formatFixes(fixes: readonly FileFixes[], c: Colors): string {
  if (fixes.length === 0) return '';
  const out: string[] = [];
  let total = 0;
  for (const { file, fixed } of fixes) {
    total += fixed.length;
    out.push(`${c.underline(file.rel)}: fixed ${plural(fixed.length, 'problem')}`);
    // In file order (a fix from a later pass, which an earlier fix revealed, may sit above it).
    const rows = [...fixed]
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((f) => ({ pos: `${f.range.start.line + 1}:${f.range.start.character + 1}`, f }));
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    const titleWidth = Math.max(...rows.map((r) => r.f.title.length));
    for (const r of rows) out.push(`  ${c.dim(r.pos.padEnd(posWidth))}  ${c.green('fixed')}  ${r.f.title.padEnd(titleWidth)}  ${c.dim(r.f.rule)}`);
    out.push('');
  }
  out.push(c.green(`✔ fixed ${plural(total, 'problem')} in ${plural(fixes.length, 'file')}`), '');
  return out.join('\n') + '\n';
}
