// The history scenario of `npm run bench` (also alone: `npx tsx scripts/bench/history.ts`, after
// `npm run build`): `okr diff` over the 2,000-file organisation workspace between two commits, and the
// server's first diagnostics on a file with 200 commits of history, with git and without it
// (OKR_GIT_HISTORY=off), in fresh server processes.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BenchClient, okrServerSpec, withTimeout } from './lsp';
import type { OrgLine } from './org';
import { ORG, writeOrgWorkspace } from './workspace';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function git(cwd: string, args: string[], date?: string): string {
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * Three commits of the organisation workspace: the plan, a pull request's worth of edits (a target
 * raised in 50 team files), then a target raised in every other team file.
 */
export function diffWorkspace(dir: string): { root: string; files: number } {
  const ws = writeOrgWorkspace(path.join(dir, 'org-git'), { ...ORG, sourceFiles: 0 });
  git(ws.root, ['init', '-q', '-b', 'main']);
  git(ws.root, ['add', '-A']);
  git(ws.root, ['commit', '-q', '-m', 'plan'], '2026-09-20T12:00:00Z');
  const raise = (team: string) => {
    const text = fs.readFileSync(team, 'utf8');
    fs.writeFileSync(team, text.replace(/target: (\d+(?:\.\d+)?)/, (_, n: string) => `target: ${Number(n) + 1}`));
  };
  ws.teams.slice(0, 50).forEach(raise);
  git(ws.root, ['commit', '-q', '-am', 'raise 50 targets'], '2026-10-20T12:00:00Z');
  ws.teams.slice(50).forEach(raise);
  git(ws.root, ['commit', '-q', '-am', 'raise the others'], '2026-10-21T12:00:00Z');
  return { root: ws.root, files: ws.teams.length + 1 };
}

/** A team file with 200 commits, each a new `current` of its key result (the last on 2026-11-06). */
export function longHistory(dir: string): string {
  const root = path.join(dir, 'long-history');
  fs.mkdirSync(root, { recursive: true });
  git(root, ['init', '-q', '-b', 'main']);
  const file = path.join(root, 'team.okr');
  const text = (current: number) =>
    [
      'period: 2026-Q4',
      'owner: "@dana"',
      'objectives:',
      '  - id: reliability',
      '    title: Make checkout boringly reliable',
      '    key_results:',
      '      - id: crash-free',
      '        title: Raise crash-free sessions from 99.2% to 99.8%',
      '        baseline: 99.2',
      '        target: 99.8',
      `        current: ${current}`,
      '',
    ].join('\n');
  const start = Date.parse('2026-09-01T00:00:00Z');
  for (let i = 0; i < 200; i++) {
    fs.writeFileSync(file, text(Math.round((99.2 + i * 0.003) * 1000) / 1000));
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', `update ${i}`], new Date(start + i * 8 * 3600_000).toISOString());
  }
  return file;
}

/** Start → first diagnostics of the open file, in a fresh server; and, with git, until the history's re-publish. */
export async function firstDiagnostics(file: string, today: string, serverPath: string, withGit: boolean): Promise<{ first: number; history?: number }> {
  const spec = okrServerSpec(serverPath, today);
  if (!withGit) spec.env = { ...spec.env, OKR_GIT_HISTORY: 'off' };
  const client = new BenchClient(spec);
  const uri = pathToFileURL(file).toString();
  let historyAt: number | undefined;
  try {
    const t0 = performance.now();
    await client.initialize(pathToFileURL(path.dirname(file)).toString(), 30_000);
    // A committed value is a check-in: the checkin-stale warning goes when the history arrives.
    let arrived: () => void = () => undefined;
    const later = new Promise<void>((resolve) => (arrived = resolve));
    client.onPublish((p) => {
      if (p.uri !== uri || p.version === undefined || JSON.stringify(p.diagnostics).includes('checkin-stale')) return;
      historyAt ??= performance.now() - t0;
      arrived();
    });
    await client.open(uri, fs.readFileSync(file, 'utf8'), 30_000);
    const first = performance.now() - t0;
    if (withGit) await withTimeout(later, 30_000);
    return { first, history: historyAt };
  } finally {
    await client.stop();
  }
}

export async function measureHistory(dir: string, serverPath: string, cliPath: string, today: string): Promise<OrgLine[]> {
  const lines: OrgLine[] = [];
  const ws = diffWorkspace(dir);
  for (const [from, to, budget] of [
    ['HEAD~2', 'HEAD~1', 10_000],
    ['HEAD~2', 'HEAD', 20_000],
  ] as const) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cliPath, 'diff', from, to, '--format', 'markdown', '--today', today], { cwd: ws.root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - t0;
    const changed = /(\d+) files changed/.exec(r.stdout)?.[1];
    lines.push({ what: `okr diff ${from} ${to} --format markdown (${ws.files} files, ${changed ?? '?'} changed)`, value: r.status === 0 ? ms : undefined, unit: 'ms', budget, note: `exit ${r.status}` });
  }

  const file = longHistory(dir);
  const without: number[] = [];
  const withGit: number[] = [];
  const arrived: number[] = [];
  // Alternating, so a burst of load from other processes hits both sides alike.
  for (let i = 0; i < 5; i++) {
    without.push((await firstDiagnostics(file, today, serverPath, false)).first);
    const g = await firstDiagnostics(file, today, serverPath, true);
    withGit.push(g.first);
    if (g.history !== undefined) arrived.push(g.history);
  }
  lines.push({ what: 'start -> first diagnostics, file with 200 commits, git off', value: median(without), unit: 'ms', budget: 1000, note: 'median of 5' });
  lines.push({ what: 'start -> first diagnostics, file with 200 commits, git on', value: median(withGit), unit: 'ms', budget: Math.round(median(without) + 50), note: 'median of 5; budget: git off + 50 ms' });
  lines.push({ what: 'start -> diagnostics with the history (200 revisions read)', value: arrived.length ? median(arrived) : undefined, unit: 'ms', budget: 5000, note: 'median of 5' });
  return lines;
}

if (require.main === module) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-bench-history-'));
  const repo = path.resolve(__dirname, '..', '..');
  measureHistory(dir, path.join(repo, 'dist', 'server.js'), path.join(repo, 'dist', 'cli.js'), '2026-11-20')
    .then((lines) => {
      for (const l of lines) process.stdout.write(`${l.value !== undefined && l.value < l.budget ? 'PASS' : 'FAIL'}  ${l.what}: ${l.value?.toFixed(0) ?? '–'} ${l.unit} (budget < ${l.budget.toFixed(0)})${l.note ? `; ${l.note}` : ''}\n`);
      process.stdout.write(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}\n`);
    })
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
