// `okr init [folder]`: a starting point for a new repository: okr.config.yaml (every setting at its
// default, each explained, generated from the schema so it cannot drift) and a first .okr file (the
// same one the editor's "New OKR File" writes). Existing files are never overwritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, DEFAULT_CONFIG, LimitsSchema } from '../core';
import { newFileTemplate } from '../shared/new-file';
import { InputError } from './errors';
import { displayPath } from './load-workspace';

/** Where the first .okr file goes, relative to the folder. */
export const FIRST_FILE = path.join('okrs', 'team.okr');

export const DOCS_URL = 'https://github.com/okr-as-code/okr-as-code/blob/main/docs/format.md';

/** `2026-Q4` for 2026-11-20. */
export function quarterOfIsoDate(date: string): string {
  const [year, month] = date.split('-').map(Number);
  return `${year}-Q${Math.floor((month! - 1) / 3) + 1}`;
}

/** okr.config.yaml with the defaults written out and explained. */
export function configTemplate(): string {
  const limits = Object.entries(LimitsSchema.shape).map(([key, schema]) => {
    const value = DEFAULT_CONFIG.limits[key as keyof typeof DEFAULT_CONFIG.limits];
    return `  ${key}: ${value}  # ${schema.description ?? ''}`;
  });
  return [
    `# OKRs as Code: read by \`okr check\` (CI) and by the editor alike. Every key is optional.`,
    `# Reference: ${DOCS_URL}#okrconfigyaml`,
    '',
    '# Severity per rule: error, warning, info, hint or off (`okr rules` lists the rules), e.g.',
    '#   kr-not-measurable: error',
    'rules: {}',
    '',
    '# Limits of the counting rules (these are the defaults).',
    'limits:',
    ...limits,
    '',
    '# Issue trackers for links such as SHOP-123, and the repository of #123 links:',
    '# trackers:',
    '#   SHOP: "https://jira.example.com/browse/SHOP-{id}"',
    '# github:',
    '#   repository: owner/repo',
    '',
  ].join('\n');
}

export interface InitResult {
  created: string[];
  kept: string[];
}

/** Writes what is missing in `folder`; refuses (InputError) when everything is there already. */
export function initWorkspace(folder: string, today: string, cwd: string): InitResult {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new InputError(`${displayPath(folder, cwd)}: cannot create the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (!fs.statSync(folder).isDirectory()) throw new InputError(`${displayPath(folder, cwd)}: not a folder`);
  const files: Array<[string, string]> = [
    [path.join(folder, CONFIG_FILE_NAME), configTemplate()],
    [path.join(folder, FIRST_FILE), newFileTemplate({ period: quarterOfIsoDate(today), team: 'Team' })],
  ];
  const kept = files.filter(([f]) => fs.existsSync(f)).map(([f]) => displayPath(f, cwd));
  if (kept.length === files.length) throw new InputError(`${kept.join(' and ')} exist already; nothing to create (okr init never overwrites a file)`);
  const created: string[] = [];
  for (const [file, text] of files) {
    if (fs.existsSync(file)) continue;
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // 'wx': fail rather than overwrite, should the file appear in between.
      fs.writeFileSync(file, text, { flag: 'wx' });
    } catch (e) {
      throw new InputError(`${displayPath(file, cwd)}: cannot create (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    created.push(displayPath(file, cwd));
  }
  return { created, kept };
}

export function formatInit(r: InitResult): string {
  const out = r.created.map((f) => `created ${f}`);
  for (const f of r.kept) out.push(`kept ${f} (exists already; not overwritten)`);
  out.push('', 'Next: edit the objectives, then run `okr check` (problems) and `okr score` (progress).', '');
  return out.join('\n');
}
