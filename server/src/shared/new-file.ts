// The content of a new .okr file: the current quarter prefilled and one sample objective. Shared by
// the editor's "OKR: New OKR File" and `okr init`, so both start people off with the same file. Pure.

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
    '    title: Delight new users in their first week',
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
