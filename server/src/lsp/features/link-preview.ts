// Hover on a link of a key result: a preview of what it opens instead of the key result's score card.
// A file link shows the first lines of its range (or of the file), fenced with the file's language;
// an issue or merge request shows its URL; a web link, itself. Reads the linked file (a few KB at most).
import * as path from 'node:path';
import { resolveLink, type OkrConfig } from '../../core';
import { codeSpan, mdText } from '../../shared/markdown';
import { readRegularText } from '../../node/read-file';

/** Lines shown of a linked range; a longer range ends with "… N more lines". */
const PREVIEW_LINES = 12;
const MAX_READ_BYTES = 1024 * 1024;

const LANGUAGE_BY_EXTENSION: Record<string, string> = {
  ts: 'typescript', tsx: 'tsx', js: 'javascript', jsx: 'jsx', mjs: 'javascript', cjs: 'javascript', py: 'python', rb: 'ruby', go: 'go',
  rs: 'rust', java: 'java', kt: 'kotlin', cs: 'csharp', c: 'c', h: 'c', cpp: 'cpp', hpp: 'cpp', swift: 'swift', php: 'php', sh: 'bash',
  sql: 'sql', html: 'html', css: 'css', scss: 'scss', md: 'markdown', json: 'json', yaml: 'yaml', yml: 'yaml', toml: 'toml', xml: 'xml',
  lua: 'lua', okr: 'yaml', tf: 'hcl', ex: 'elixir', exs: 'elixir', clj: 'clojure', scala: 'scala', dart: 'dart', vue: 'vue',
};

export function linkCard(text: string, docPath: string, root: string, config: OkrConfig): string {
  const t = resolveLink(text, docPath, root, config);
  switch (t.kind) {
    case 'file': {
      const shown = path.relative(root, t.path).split(path.sep).join('/') || t.path;
      if (t.outside) return `**Link** ${codeSpan(shown)}: outside the workspace, not shown`;
      const lines = readLines(t.path);
      if (!lines) return `**Link** ${codeSpan(shown)}: cannot be read (missing, a folder, or over 1 MB)`;
      const from = (t.startLine ?? 1) - 1;
      const to = Math.min(t.endLine ?? lines.length, lines.length) - 1;
      if (from >= lines.length) return `**Link** ${codeSpan(shown)} lines ${t.startLine}–${t.endLine}: past the end of the file (${lines.length} lines)`;
      const last = Math.min(to, from + PREVIEW_LINES - 1);
      const fence = '`'.repeat(Math.max(3, ...lines.slice(from, last + 1).map((l) => (/`{3,}/.exec(l)?.[0].length ?? 0) + 1)));
      const lang = LANGUAGE_BY_EXTENSION[path.extname(t.path).slice(1).toLowerCase()] ?? '';
      const range = t.startLine ? ` lines ${t.startLine}–${Math.min(t.endLine ?? t.startLine, lines.length)}` : '';
      const more = to > last ? `\n\n… ${to - last} more line${to - last === 1 ? '' : 's'}` : '';
      return `**Link** ${codeSpan(shown)}${range}\n\n${fence}${lang}\n${lines.slice(from, last + 1).join('\n')}\n${fence}${more}`;
    }
    case 'github':
      return t.url ? `**GitHub issue** ${mdText(text)}: ${mdText(t.url)}` : `**GitHub issue** ${mdText(text)}: no default repository to open it in`;
    case 'gitlab':
      return `**GitLab ${t.mergeRequest ? 'merge request' : 'issue'}** ${mdText(text)}: ${t.url ? mdText(t.url) : 'no default project to open it in'}`;
    case 'tracker':
      return t.url ? `**${mdText(t.key)}**: ${mdText(t.url)}` : `**${mdText(t.key)}**: no URL template for tracker ${mdText(t.project)}`;
    case 'url':
      // The URL as text (the document link opens it): a `<` or `)` in it is not markup.
      return `**Link**: ${mdText(t.url)}`;
    case 'invalid':
      return `**Link** ${mdText(text)}: ${mdText(t.reason)}`;
  }
}

function readLines(file: string): string[] | undefined {
  try {
    const text = readRegularText(file, MAX_READ_BYTES);
    if (text === undefined) return undefined;
    const lines = text.split(/\r?\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  } catch {
    return undefined;
  }
}
