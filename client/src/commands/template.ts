// The content of a new .okr file: the current quarter prefilled and one sample objective. Pure.

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

/** A team name from a path: `teams/web-experience.okr` -> `Web experience`. */
export function teamFromPath(p: string): string {
  const base = p.replace(/\\/g, '/').split('/').pop()!.replace(/\.okr$/, '').replace(/[-_]+/g, ' ').trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : 'My team';
}

export function newFileTemplate(options: { period: string; team: string; owner?: string }): string {
  const owner = options.owner ?? '@you';
  return [
    `# OKRs of ${options.team} for ${options.period}. Hover a key for help; Ctrl+Space completes keys.`,
    `period: ${options.period}`,
    `team: ${options.team}`,
    `owner: "${owner}"`,
    'objectives:',
    '  - id: delight-new-users',
    '    title: Make the first week with our product a delight',
    '    key_results:',
    '      - id: activation-rate',
    '        title: Raise week-1 activation from 35% to 50%',
    '        unit: "%"',
    '        baseline: 35',
    '        target: 50',
    '      - id: onboarding-guide',
    '        title: Ship the interactive onboarding guide to all new accounts',
    '        done: false',
    '',
  ].join('\n');
}
