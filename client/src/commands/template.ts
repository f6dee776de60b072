// A new .okr file: the quarter of a date and the name the user typed. The content itself is in
// server/src/shared/new-file.ts (shared with `okr init`). Pure.

/** `2026-Q3` for a date in July..September 2026 (local calendar). */
export function quarterOf(d: Date): string {
  return `${d.getFullYear()}-Q${Math.floor(d.getMonth() / 3) + 1}`;
}

/** A file name the user typed -> a relative path ending in `.okr`, or an error message. */
export function normalizeNewFileName(input: string): { ok: true; path: string } | { ok: false; message: string } {
  let name = input.trim().replace(/\\/g, '/');
  if (!name) return { ok: false, message: 'Enter a file name, e.g. platform or teams/platform.' };
  if (name.startsWith('/') || name.split('/').some((s) => s === '..' || s === '')) {
    return { ok: false, message: 'Use a path inside the workspace folder, e.g. teams/platform.' };
  }
  if (!/^[\w./ -]+$/.test(name)) return { ok: false, message: 'Use letters, digits, spaces, -, _ and / only.' };
  if (!name.endsWith('.okr')) name += '.okr';
  return { ok: true, path: name };
}

// The file's content is shared with `okr init`, which writes the same first file.
export { newFileTemplate, teamFromPath } from '../../../server/src/shared/new-file';
