// UI pass in a real VS Code (code-server + headless Chromium, same tools as run.ts):
// `npx tsx test/vscode/ui.ts`. Opens examples/ with the extension under development and, through
// test/vscode/ui/driver.ts, checks the Objectives tree, an .okr file's squiggles, hovers and status
// bar item, the Problems panel and the walkthrough, with screenshots in test-results/screenshots/.
// The figures the UI must show come from the CLI run on the same files for the same date: the UI
// runs with OKR_TODAY (default 2026-11-20, the date `npm start` uses), passed through the shim to
// code-server and so to the extension host and the language server.
// The README's screenshots (media/screenshots/) come from this pass. Each one's text record (what
// the product shows in it: tree rows and icons, hovers, panel rows; test/vscode/ui/shown.ts) is
// committed in media/screenshots/shown.json. When what the product shows now differs, the pass
// writes the new screenshots and record into media/screenshots/ and FAILS, printing the difference:
// look at the pictures and commit them. OKR_UPDATE_SCREENSHOTS=1 rewrites them without failing.
// Assumes `npm run build` ran. Exit code 0 = every check passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import type { Expectations } from './ui/driver';

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = path.join(ROOT, 'test', 'vscode');
const OUT = path.join(ROOT, 'out', 'vscode-ui');

function say(msg: string): void {
  process.stderr.write(`[test:vscode:ui] ${msg}\n`);
}

const TODAY = process.env.OKR_TODAY || '2026-11-20';
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
// Screenshots the README shows: test-results name -> media/screenshots name.
const README_SHOTS: Record<string, string> = {
  '03-tree.png': 'tree.png',
  '04-hover.png': 'hover.png',
  '05-vague-hover.png': 'vague.png',
  '06-walkthrough.png': 'walkthrough.png',
  '07-problems-panel.png': 'problems.png',
  '08-progress.png': 'progress.png',
  '11-code-lens.png': 'codelens.png',
};

interface CliKr {
  id?: string;
  title?: string;
  kind: string;
  score: number | null;
  expected_score: number;
  status: string;
}
interface CliScore {
  files: { path: string; team: string; score: number | null; status: string; objectives: { id?: string; title?: string; score: number | null; status: string; key_results: CliKr[] }[] }[];
}
interface CliCheck {
  files: { path: string; diagnostics: { rule: string; range: { start: { line: number; character: number } } }[] }[];
}

function cli<T>(folder: string, args: string[]): T {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args, '--today', TODAY, '--format', 'json'], {
    cwd: folder,
    encoding: 'utf8',
  });
  if (r.error || !r.stdout) throw new Error(`okr ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** What the UI must show for examples/, computed by the CLI for the same date. */
function expectations(folder: string): Expectations {
  const score = cli<CliScore>(folder, ['score', '.']);
  const editorPath = 'okrs/teams/web-experience.okr';
  const file = score.files.find((f) => f.path === editorPath);
  const objective = file?.objectives.find((o) => o.id === 'checkout-reliable');
  const kr = (id: string) => objective?.key_results.find((k) => k.id === id)?.title;
  const metricTitle = kr('checkout-errors');
  const vagueTitle = kr('observability');
  if (!file || file.score === null || !objective?.title || !metricTitle || !vagueTitle) {
    throw new Error(`examples/${editorPath} no longer has the objective checkout-reliable with key results checkout-errors and observability: update test/vscode/ui.ts`);
  }
  const check = cli<CliCheck>(folder, ['check', editorPath]);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: { walkthroughs: { title: string; steps: { title: string; media: { markdown?: string } }[] }[] };
  };
  const walkthrough = pkg.contributes.walkthroughs[0]!;
  const md = walkthrough.steps[0]!.media.markdown;
  const media = md ? /^# (.+)$/m.exec(fs.readFileSync(path.join(ROOT, md), 'utf8'))?.[1] : undefined;
  if (!media) throw new Error(`the walkthrough's first step has no markdown media with a "# " heading: update test/vscode/ui.ts`);
  return {
    today: TODAY,
    files: score.files.map((f) => ({ path: f.path, team: f.team, score: f.score, status: f.status })),
    tree: {
      objective: objective.title,
      keyResults: objective.key_results.map((k) => ({ title: k.title ?? '', kind: k.kind, score: k.score, expectedScore: k.expected_score, status: k.status })),
    },
    scores: score.files.flatMap((f) => [
      { title: f.team, score: f.score, status: f.status },
      ...f.objectives.flatMap((o) => [{ title: o.title ?? '', score: o.score, status: o.status }, ...o.key_results.map((k) => ({ title: k.title ?? '', score: k.score, status: k.status }))]),
    ]),
    editor: { path: editorPath, score: file.score, status: file.status, metricTitle, vagueTitle },
    problems: (check.files[0]?.diagnostics ?? []).map((d) => ({ rule: d.rule, line: d.range.start.line + 1, column: d.range.start.character + 1 })),
    walkthrough: { title: walkthrough.title, steps: walkthrough.steps.map((s) => s.title), media },
  };
}

type Shown = Record<string, string[]>;

/** The lines that differ between two records of one screenshot, `-` committed, `+` now. */
function difference(before: Shown | undefined, now: Shown): string[] {
  const out: string[] = [];
  for (const part of [...new Set([...Object.keys(before ?? {}), ...Object.keys(now)])]) {
    const a = before?.[part] ?? [];
    const b = now[part] ?? [];
    for (const l of a) if (!b.includes(l)) out.push(`  - ${part}: ${l}`);
    for (const l of b) if (!a.includes(l)) out.push(`  + ${part}: ${l}`);
    if (out.length === 0 && a.join('\n') !== b.join('\n')) out.push(`  ~ ${part}: same lines, another order`);
  }
  return out;
}

/**
 * Compares what each README screenshot shows now with the record committed beside the pictures.
 * Stale (or `update`): writes the new pictures and record into media/screenshots/. Stale fails.
 */
function readmeScreenshots(update: boolean): number {
  const media = path.join(ROOT, 'media', 'screenshots');
  const recordFile = path.join(media, 'shown.json');
  const now = JSON.parse(fs.readFileSync(path.join(SHOTS, 'shown.json'), 'utf8')) as Record<string, Shown>;
  const committed = fs.existsSync(recordFile) ? (JSON.parse(fs.readFileSync(recordFile, 'utf8')) as Record<string, Shown>) : {};
  const record: Record<string, Shown> = {};
  const stale: string[] = [];
  const rewrite: string[] = [];
  for (const [from, to] of Object.entries(README_SHOTS)) {
    const shown = now[from];
    if (!shown) throw new Error(`the UI pass took no ${from}`);
    record[to] = shown;
    const diff = difference(committed[to], shown);
    if (!fs.existsSync(path.join(media, to))) diff.unshift('  (the picture is missing)');
    if (diff.length) stale.push(`media/screenshots/${to} shows what the product no longer shows:\n${diff.join('\n')}`);
    // Only the stale pictures are rewritten (pixels differ between runs: no churn for the others).
    if (diff.length || update) rewrite.push(from);
  }
  if (!update && stale.length === 0) {
    say(`README screenshots show what the product shows (${Object.keys(README_SHOTS).length} checked against media/screenshots/shown.json)`);
    return 0;
  }
  fs.mkdirSync(media, { recursive: true });
  for (const from of rewrite) {
    const to = README_SHOTS[from]!;
    fs.copyFileSync(path.join(SHOTS, from), path.join(media, to));
    const kb = Math.round(fs.statSync(path.join(media, to)).size / 1024);
    say(`wrote media/screenshots/${to} (${kb} KB)${kb > 250 ? ': over 250 KB, too heavy for the README' : ''}`);
  }
  fs.writeFileSync(recordFile, JSON.stringify(record, null, 2) + '\n');
  if (update) return 0;
  say(`README screenshots were stale:\n${stale.join('\n')}\nThe new ones are in media/screenshots/: look at them and commit them (or run with OKR_UPDATE_SCREENSHOTS=1).`);
  return 1;
}

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    say('dist/client.js is missing: run `npm run build` first');
    return 1;
  }
  const setup = spawnSync('bash', [path.join(HERE, 'setup-tools.sh')], { stdio: 'inherit' });
  if (setup.status !== 0) return setup.status || 1;

  await esbuild.build({
    entryPoints: [path.join(HERE, 'ui', 'driver.ts')],
    outfile: path.join(OUT, 'driver.js'),
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'warning',
  });

  const folder = path.join(ROOT, 'examples');
  const expectFile = path.join(OUT, 'expect.json');
  fs.writeFileSync(expectFile, JSON.stringify(expectations(folder), null, 2));
  const shim = path.join(HERE, 'code-server-shim');
  fs.chmodSync(shim, 0o755);
  const t0 = Date.now();
  const r = spawnSync(
    shim,
    [`--extensionDevelopmentPath=${ROOT}`, `--ui-driver=${path.join(OUT, 'driver.js')}`, folder],
    {
      stdio: 'inherit',
      env: { ...process.env, OKR_TODAY: TODAY, OKR_VSCODE_UI_EXPECT: expectFile, OKR_VSCODE_SCREENSHOTS: SHOTS },
    },
  );
  const code = r.status ?? 1;
  say(`${code === 0 ? 'UI checks passed' : `UI checks failed (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s (today = ${TODAY})`);
  if (code !== 0) return code;
  return readmeScreenshots(process.env.OKR_UPDATE_SCREENSHOTS === '1');
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(`error: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
