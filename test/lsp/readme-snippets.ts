// The editor set-ups in README.md are tested as written: a test takes the fenced block that follows a
// marker comment (`<!-- <marker>... -->`), puts this checkout's server path in place of the README's
// placeholder, and runs it. A README edit that breaks a snippet breaks its test.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './client';

/** The path the README's snippets use for the server; replaced by the built one in tests. */
export const README_SERVER_PLACEHOLDER = '/path/to/okr-as-code/dist/server.js';

/** The code of the first fenced block after the line `<!-- <marker>` in README.md. */
export function readmeSnippet(marker: string, readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8')): string {
  const lines = readme.split('\n');
  const at = lines.findIndex((l) => l.startsWith(`<!-- ${marker}`));
  if (at < 0) throw new Error(`README.md has no '<!-- ${marker}' marker`);
  const open = lines.findIndex((l, i) => i > at && l.startsWith('```'));
  const close = lines.findIndex((l, i) => i > open && l.startsWith('```'));
  if (open < 0 || close < 0 || lines.slice(at + 1, open).some((l) => l.trim() !== '')) {
    throw new Error(`README.md: the '${marker}' marker is not followed by a fenced code block`);
  }
  return lines.slice(open + 1, close).join('\n') + '\n';
}

/** The snippet with the server path of this checkout in place of the placeholder (which must occur once). */
export function withServerPath(snippet: string, server: string): string {
  const parts = snippet.split(README_SERVER_PLACEHOLDER);
  if (parts.length !== 2) throw new Error(`the snippet should name '${README_SERVER_PLACEHOLDER}' once, found ${parts.length - 1}:\n${snippet}`);
  // The placeholder sits inside a quoted string of Lua or Emacs Lisp; a path that needs escaping there
  // would change the snippet's meaning rather than only its path.
  if (/['"\\]/.test(server)) throw new Error(`the server path ${server} has a quote or backslash: check out the repository elsewhere`);
  return parts.join(server);
}
