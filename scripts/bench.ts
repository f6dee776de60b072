// npm run bench: how the okr language server feels in an editor, measured over stdio the way an
// editor talks to it, next to yaml-language-server given the equivalent JSON Schema on the same
// files in the same run. Prints a table and writes docs/performance.md.
//
// Per size and server, in a fresh server process and from a client process of its own (bench/rows.ts):
// didOpen -> diagnostics (first open is reported
// as "cold", then the median of re-opens), a one-character edit -> diagnostics, completion, hover,
// document symbols (medians), and the server's peak RSS (VmHWM).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { okrJsonSchema } from '../server/src/core';
import { SIZES, writeWorkspace } from './bench/generate';
import { specs, type Cell, type Row } from './bench/rows';
import { type measureOrg, type OrgLine } from './bench/org';
import { isolated } from './bench/isolated';
import { measurePanel } from './bench/panel';
import { measureBundles, type Bundles } from './bench/bundle';
import { okrCheckMs, yamlFloorMs } from './bench/floor';
import { QUALITY_BUDGET_MS, qualityTiming } from './bench/quality';

const REPO = path.resolve(__dirname, '..');
const SERVER = path.join(REPO, 'dist', 'server.js');
const CLI = path.join(REPO, 'dist', 'cli.js');
const YAMLLS = path.join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const TODAY = '2026-11-20';

/** Budgets for the okr server (reported, not enforced by tests; issue #13 set most of them). */
const BUDGETS = {
  open100: 50,
  edit100: 50,
  /** One-character edit -> diagnostics of the 5x4 file. */
  editSmall: 20,
  /** Same, in the realistic 1000x5 file (about 8,000 problems). */
  editRealistic: 50,
  /** Hover and completion, at every size: they must not grow with the file. */
  request: 5,
  /** didOpen -> diagnostics (cold) and `okr check` of the file, as multiples of the yaml parse floor (files of 1 MB and more). */
  openVsFloor: 1.2,
  checkVsFloor: 1.5,
  /** Peak RSS of the server with the 5000x5 file open. */
  peakMb5000: 400,
  clientActivation: 50,
  clientKb: 300,
  serverKb: 1536,
  qualityPerKr: QUALITY_BUDGET_MS,
};
/** The ratio budgets apply from this size on: below it fixed costs (a process start, a message) are most of the figure. */
const FLOOR_RATIO_MIN_BYTES = 1024 * 1024;

function fmtMs(c: Cell): string {
  if (typeof c === 'number') return c < 10 ? c.toFixed(1) : c.toFixed(0);
  return c === undefined || c === '' ? '–' : c;
}

function fmtSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} kB`;
}

function table(rows: Row[]): string {
  const head = ['size (obj x KR)', 'file', 'server', 'yaml floor', 'open cold', 'open', 'edit', 'completion', 'hover', 'symbols', 'okr check', 'peak RSS', 'diags'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i < 3 ? '---' : '---:')).join('|')}|`];
  for (const r of rows) {
    lines.push(
      `| ${[r.size, fmtSize(r.bytes), r.server, fmtMs(r.floor), fmtMs(r.openCold), fmtMs(r.open), fmtMs(r.edit), fmtMs(r.completion), fmtMs(r.hover), fmtMs(r.symbols), fmtMs(r.check), typeof r.peakMb === 'number' ? `${r.peakMb.toFixed(0)} MB` : '–', String(r.diagnostics ?? '–')].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function budgets(rows: Row[], quality: { perKr: number; titles: number }, bundles: Bundles | undefined): string[] {
  const out: string[] = [];
  const ok = (c: Cell, limit: number) => typeof c === 'number' && c < limit;
  const line = (pass: boolean, what: string, c: Cell, limit: number, unit = 'ms') => out.push(`- ${pass ? 'PASS' : 'FAIL'}  ${what}: ${fmtMs(c)} ${unit} (budget < ${limit} ${unit})`);
  out.push(
    `- ${quality.perKr < BUDGETS.qualityPerKr ? 'PASS' : 'FAIL'}  key-result text analysis: ${quality.perKr.toFixed(3)} ms per title over ${quality.titles} titles (budget < ${BUDGETS.qualityPerKr} ms)`,
  );
  for (const r of rows.filter((x) => x.server === 'okr')) {
    if (r.size === '100x5') {
      line(ok(r.open, BUDGETS.open100), `didOpen -> diagnostics, ${r.size}`, r.open, BUDGETS.open100);
      line(ok(r.edit, BUDGETS.edit100), `edit -> diagnostics, ${r.size}`, r.edit, BUDGETS.edit100);
    }
    if (r.size === '5x4') line(ok(r.edit, BUDGETS.editSmall), `edit -> diagnostics, ${r.size}`, r.edit, BUDGETS.editSmall);
    if (r.size === '1000x5 realistic') line(ok(r.edit, BUDGETS.editRealistic), `edit -> diagnostics, ${r.size}`, r.edit, BUDGETS.editRealistic);
    line(ok(r.completion, BUDGETS.request), `completion, ${r.size}`, r.completion, BUDGETS.request);
    line(ok(r.hover, BUDGETS.request), `hover, ${r.size}`, r.hover, BUDGETS.request);
    if (r.floor !== undefined && r.bytes >= FLOOR_RATIO_MIN_BYTES) {
      const ratio = (c: Cell, limit: number, what: string) => {
        const x = typeof c === 'number' ? c / r.floor! : undefined;
        out.push(`- ${x !== undefined && x < limit ? 'PASS' : 'FAIL'}  ${what}, ${r.size}: ${fmtMs(c)} ms = ${x === undefined ? '–' : x.toFixed(2)}x the yaml parse floor of ${fmtMs(r.floor)} ms (budget < ${limit}x)`);
      };
      ratio(r.openCold, BUDGETS.openVsFloor, 'didOpen -> diagnostics (cold)');
      ratio(r.check, BUDGETS.checkVsFloor, '`okr check` of the file');
    }
    if (r.size === '5000x5') line(ok(r.peakMb, BUDGETS.peakMb5000), `peak memory, ${r.size}`, typeof r.peakMb === 'number' ? Math.round(r.peakMb) : r.peakMb, BUDGETS.peakMb5000, 'MB');
  }
  if (bundles) {
    line(ok(bundles.activationMs, BUDGETS.clientActivation), 'client activation (simulated host)', bundles.activationMs, BUDGETS.clientActivation);
    line(bundles.clientKb < BUDGETS.clientKb, 'client bundle loaded to activate (dist/client.js), minified', Math.round(bundles.clientKb), BUDGETS.clientKb, 'KB');
    // No budget of its own, and not hidden: the library the client is built on, loaded on the turn
    // after activate() returns (see client/src/languageClient.ts).
    out.push(
      `- INFO  language client bundle loaded after activation (dist/language-client.js, vscode-languageclient): ${Math.round(bundles.languageClientKb)} KB minified, loaded in ${fmtMs(bundles.languageClientLoadMs)} ms; the client's code in all: ${Math.round(bundles.clientKb + bundles.languageClientKb)} KB`,
    );
    line(bundles.serverKb < BUDGETS.serverKb, 'server bundle, minified', Math.round(bundles.serverKb), BUDGETS.serverKb, 'KB');
  }
  return out;
}

function orgTable(lines: OrgLine[]): string {
  const out = ['| measurement | value | budget | note |', '|---|---:|---:|---|'];
  for (const l of lines) out.push(`| ${l.what} | ${l.value === undefined ? '–' : `${fmtMs(l.value)} ${l.unit}`} | < ${l.budget} ${l.unit} | ${l.note ?? ''} |`);
  return out.join('\n');
}

function orgBudgets(lines: OrgLine[], scenario = 'organisation'): string[] {
  return lines.map((l) => `- ${l.value !== undefined && l.value < l.budget ? 'PASS' : 'FAIL'}  ${scenario}, ${l.what}: ${l.value === undefined ? 'not measured' : `${fmtMs(l.value)} ${l.unit}`} (budget < ${l.budget} ${l.unit})${l.note ? `; ${l.note}` : ''}`);
}

function machine(loadAtStart: number[]): string[] {
  const cpus = os.cpus();
  let osName = `${os.type()} ${os.release()}`;
  try {
    const m = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync('/etc/os-release', 'utf8'));
    if (m) osName = `${m[1]} (kernel ${os.release()})`;
  } catch {
    // not Linux
  }
  const yamlVersion = (JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')) as { version: string }).version;
  const ourVersion = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
  return [
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores (os.availableParallelism ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB; load average at the start ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}, at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (other work on the machine shows up as noise)`,
    `- OS: ${osName}`,
    `- Node ${process.version}`,
    `- okr-language-server ${ourVersion} (dist/server.js, development build); yaml-language-server ${yamlVersion}`,
  ];
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: npm run build`);
  const started = Date.now();
  const loadAtStart = os.loadavg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-bench-'));
  const schemaFile = path.join(dir, 'okr.schema.json');
  fs.writeFileSync(schemaFile, JSON.stringify(okrJsonSchema(), null, 2));
  const rows: Row[] = [];
  let org: Awaited<ReturnType<typeof measureOrg>> | undefined;
  let bundles: Bundles | undefined;
  let history: OrgLine[] | undefined;
  let tags: OrgLine[] | undefined;
  let panel: OrgLine[] | undefined;
  try {
    // BENCH_SIZES=5x4,1000x5-realistic runs a subset (for a quick look; the committed figures use all
    // sizes); BENCH_SIZES=none runs none (with BENCH_ORG=0: only the bundles).
    const only = process.env.BENCH_SIZES?.split(',').map((s) => s.trim().replace(/\s+/g, '-'));
    for (const size of SIZES.filter((s) => !only || only.includes(s.name.replace(/\s+/g, '-')))) {
      const gen = writeWorkspace(dir, size);
      // BENCH_PEER=0 leaves out yaml-language-server (while developing; the committed figures have it).
      const schemaUri = pathToFileURL(schemaFile).toString();
      for (const spec of specs(schemaUri, SERVER, YAMLLS, TODAY).filter((x) => process.env.BENCH_PEER !== '0' || x.name === 'okr')) {
        process.stderr.write(`bench: ${size.name} (${fmtSize(gen.bytes)}) with ${spec.name}...`);
        const t0 = Date.now();
        // The client of each row in a process of its own (rows.ts says why).
        const row = await isolated<Row>('row', [spec.name, schemaUri, SERVER, YAMLLS, TODAY, size.name, JSON.stringify(gen)]);
        if (spec.name === 'okr') {
          // The floor and `okr check` in the same run, while no server is running (the large files'
          // floor was measured by the row, beside its cold opens: rows.ts).
          row.floor ??= yamlFloorMs(gen.file, Math.min(size.reps, 5));
          row.check = okrCheckMs(CLI, gen.file, TODAY, Math.min(size.reps, 5));
        }
        rows.push(row);
        // Sanity: both servers really answered (a fast empty answer would be meaningless).
        process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s (${row.completionItems ?? 0} completion items, hover ${row.hoverChars ?? 0} chars)\n`);
      }
    }
    // BENCH_BUNDLES=0 leaves out the minified bundles and the client's activation.
    if (process.env.BENCH_BUNDLES !== '0') {
      process.stderr.write('bench: minified bundles and client activation...');
      bundles = await measureBundles(REPO, dir);
      process.stderr.write(' done\n');
    }
    // BENCH_ORG=0 leaves out the organisation workspace (2,001 files; about a minute).
    if (process.env.BENCH_ORG !== '0') {
      process.stderr.write('bench: organisation workspace (2,001 .okr files, 20,000 source files)...');
      const t0 = Date.now();
      org = await isolated<Awaited<ReturnType<typeof measureOrg>>>('org', [dir, SERVER, CLI, TODAY]);
      process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    // BENCH_PANEL=1 adds the organisation map in headless Chromium (needs .tools/ or OKR_TOOLS_DIR).
    if (process.env.BENCH_PANEL === '1') {
      process.stderr.write('bench: organisation map in headless Chromium (2,001 files)...');
      const t0 = Date.now();
      const r = await measurePanel(dir, REPO, TODAY);
      if ('skipped' in r) process.stderr.write(` skipped: ${r.skipped}\n`);
      else {
        panel = r.lines;
        process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
      }
    }
    // BENCH_TAGS=0 leaves out the code-tag scenario (20,000 source files, a 5,000-line source file).
    if (process.env.BENCH_TAGS !== '0') {
      process.stderr.write('bench: code tags (20,000 source files; a 5,000-line source file)...');
      const t0 = Date.now();
      tags = await isolated<OrgLine[]>('tags', [dir, SERVER, TODAY]);
      process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
    // BENCH_HISTORY=0 leaves out the git history scenario (okr diff over 2,001 files, a file with 200 commits).
    if (process.env.BENCH_HISTORY !== '0') {
      process.stderr.write('bench: git history (okr diff over 2,001 files; a file with 200 commits)...');
      const t0 = Date.now();
      history = await isolated<OrgLine[]>('history', [dir, SERVER, CLI, TODAY]);
      process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }

  const t = table(rows);
  const b = [...budgets(rows, qualityTiming(), bundles), ...(org ? orgBudgets(org.lines) : []), ...(tags ? orgBudgets(tags, 'code tags') : []), ...(history ? orgBudgets(history, 'git history') : []), ...(panel ? orgBudgets(panel, 'organisation map') : [])];
  const total = ((Date.now() - started) / 1000).toFixed(0);
  if (org) process.stdout.write(`\nOrganisation workspace:\n${orgTable(org.lines)}\n`);
  if (tags) process.stdout.write(`\nCode tags:\n${orgTable(tags)}\n`);
  if (history) process.stdout.write(`\nGit history:\n${orgTable(history)}\n`);
  if (panel) process.stdout.write(`\nOrganisation map:\n${orgTable(panel)}\n`);
  process.stdout.write(`\n${t}\n\nBudgets (okr server):\n${b.join('\n')}\n\nTimes in ms (medians); whole run ${total} s.\n`);

  const doc = [
    '# Performance',
    '',
    'Generated by `npm run bench` (`scripts/bench.ts`); do not edit by hand, run it again.',
    '',
    `Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${total} s in all.`,
    '',
    ...machine(loadAtStart),
    '',
    '## Results',
    '',
    'Times in milliseconds (median of the repetitions), peak RSS of the server process.',
    '',
    'The okr server is started as the VS Code client starts it: with its Node options (`--min-semi-space-size=8`,',
    '`SERVER_NODE_OPTIONS` in `server/src/shared/protocol.ts`) and asking for each document\'s problems in blocks',
    '(`initializationOptions.documentDiagnostics`: after the first message, only the blocks of objectives a change',
    'touched are sent; every problem of the file, cross-file ones included, is in what is timed and counted).',
    'yaml-language-server is started with its defaults.',
    '',
    t,
    '',
    '- **open cold**: the first `didOpen` of the file in a fresh server until its diagnostics arrive (from 1 MB, the',
    '  median over three fresh servers); **open**: re-opens',
    '  after `didClose`: the text equals the disk, so the server reuses the model it parsed when it scanned the',
    '  workspace and runs the rules (a file edited outside the workspace scan would add a full parse).',
    '- **edit**: one character typed or deleted at the end of a title in the middle of the file (incremental',
    '  `didChange`) until the diagnostics for that version arrive.',
    '- **completion**: in the middle of typing a key (`tar|get`) of that key result; **hover**: on its title.',
    '- **symbols**: `textDocument/documentSymbol` for the whole file.',
    '- **yaml floor**: the `yaml` package alone parsing the file (`parseDocument`, the options the okr parser uses),',
    '  warm, median (from 1 MB: measured just before each of the three cold opens, no server running, so the two come',
    '  from the same moments of the machine). The okr server reads plain block YAML with its own one-pass reader',
    '  (`block-reader.ts`), which is why it can open a file in about the floor\'s time. **okr check**: `okr check <file>`',
    '  as a process (Node start-up included; the CLI loads with the code cache the build made, and from 256 KB judges',
    '  key-result titles on a second thread while it parses), median.',
    '- **diags**: how many diagnostics the first open produced (both servers report the deliberate `tagret` typo;',
    '  only the okr server judges the key results themselves).',
    '- `timeout` / `error` / `crashed` in a cell: the server missed the per-operation limit (10 s up to 100x5, 30 s',
    '  for 1000x5, 60 s for 5000x5), answered with an error, or died; the run goes on.',
    '',
    ...(org
      ? [
          '## Organisation workspace',
          '',
          `${org.files.toLocaleString('en-US')} .okr files (${org.okrMb.toFixed(1)} MB, ${org.keyResults.toLocaleString('en-US')} key results; every team objective aligned to a company objective) and 20,000 small source files, generated by \`scripts/bench/workspace.ts\` and measured by \`scripts/bench/org.ts\` over stdio, as the VS Code client talks to it (work-done progress, cross-file problems apart in \`okr/graphDiagnostics\`): a team file opened as the server starts; hovers sent while the index is built; the end of the indexing progress; one-character edits, each followed by the delta request the VS Code client sends (\`okr/workspaceModelDelta\`); \`company.okr\` changed on disk (an objective every team aligns to renamed) until the open team file and every closed team file report it (their other problems did not change, so only the cross-file ones are sent); the server's peak memory; \`okr check\` of the whole workspace as a process (on every core, as it runs by default).`,
          '',
          orgTable(org.lines),
          '',
        ]
      : []),
    ...(tags
      ? [
          '## Code tags',
          '',
          'Measured by `scripts/bench/code-tags.ts`: the organisation workspace with a code tag in every tenth source file; the time a fresh server logs for its search of the source files for code tags (after its .okr index), then keystrokes in an open 5,000-line source file (each until the next request is answered) and a tag edited there until its `unknown-okr-tag` is published.',
          '',
          orgTable(tags),
          '',
        ]
      : []),
    ...(history
      ? [
          '## Git history',
          '',
          'Measured by `scripts/bench/history.ts`: `okr diff` as a process between two commits of the organisation workspace (2,001 .okr files, no source files; the second commit changes a target in every team file), and a fresh server started on a folder whose `team.okr` has 200 commits, until the open file\'s first diagnostics, with git (`OKR_GIT_HISTORY` unset) and without (`OKR_GIT_HISTORY=off`), alternating, and until the diagnostics that read the history arrive.',
          '',
          orgTable(history),
          '',
        ]
      : []),
    ...(panel
      ? [
          '## Organisation map',
          '',
          'Measured by `scripts/bench/panel.ts` (`BENCH_PANEL=1`): the organisation workspace\'s model built as the server builds it, turned into the organisation view and posted to the organisation panel\'s page in headless Chromium, until the page has painted its first draw; then a search, opening a company objective, opening a trend and sorting by risk, each until painted.',
          '',
          orgTable(panel),
          '',
        ]
      : []),
    '## Budgets (okr server)',
    '',
    ...b,
    '',
    '## Method',
    '',
    `- Files: ${SIZES.map((s) => `${s.name} (${s.reps} repetitions)`).join(', ')} objectives x key results, generated`,
    '  by `scripts/bench/generate.ts`: realistic titles (metrics with units, guardrails, dated milestones, about one',
    '  in nine vague on purpose), owners, `aligns_to` to a second file, check-ins on a quarter of the key results.',
    '  **1000x5 realistic** is a file as people write it (`generateRealisticOkr`): every key result with owner, metric,',
    '  unit, baseline, target, current, two links and a block check-in, and their mistakes (targets written as text,',
    '  confidences as percentages, stale check-ins, targets on the wrong side of the baseline, vague and compound',
    '  titles, tracker keys without a URL template): about 8,000 problems, 1,700 of them from the schema.',
    '- Bundles: client and server built minified (as `npm run package` does) by `scripts/bench/bundle.ts`; the client\'s',
    '  activation is loading that bundle and calling `activate()` in a fresh Node process with a stand-in `vscode`',
    '  module, until the promise it returns settles (median of five). The language client (vscode-languageclient and',
    '  its protocol libraries) is a bundle of its own that activate() loads on the next turn: its size and load time',
    '  are printed beside the budgets, not in them.',
    '- Key-result text analysis: `analyzeKeyResultText` bundled by esbuild with the server\'s build options (as the server and',
    '  the CLI run it), warm, median of ten rounds over the labelled dev set (`scripts/bench/quality.ts`). `npm run bench:quality`',
    '  measures only that, without rewriting this page, and prints the same code loaded from the sources through tsx beside it.',
    '- Subsets: `BENCH_SIZES=5x4,1000x5-realistic BENCH_ORG=0 BENCH_BUNDLES=0 BENCH_PEER=0 npm run bench` (a subset rewrites this',
    '  page with only those rows: run the whole bench before committing it).',
    '  Each size is its own workspace folder with that file and the `company.okr` it aligns to.',
    '- `BENCH_PANEL=1` adds the organisation map in headless Chromium (`scripts/bench/panel.ts`; needs playwright-core',
    '  in `.tools/` or `OKR_TOOLS_DIR`, and Chromium): off by default, since it needs the browser.',
    '- Each server runs in a fresh process per size, started with `node <server> --stdio` and driven by',
    '  `scripts/bench/lsp.ts` over JSON-RPC like an editor: `initialize` with workspace folders, settings answered',
    '  through `workspace/configuration`, then the operations above in order. Times are wall-clock from sending',
    '  the message to receiving the response or the `publishDiagnostics` for that version. The client of each row',
    '  runs in a process of its own (`scripts/bench/rows.ts`), as the organisation, code-tag and history scenarios',
    '  do: the bench process\'s heap after the larger rows showed its own pauses in the next row\'s latencies.',
    `- The okr server runs with \`OKR_TODAY=${TODAY}\`. yaml-language-server gets \`okrJsonSchema()\` (the schema`,
    '  `okr schema` prints) through `yaml.schemas` for `*.okr`, with `yaml.validate`, `hover` and `completion` on and',
    '  the schema store off. It waits a fixed 200 ms (`validationDelayMs`) before every validation, which its',
    '  open and edit figures include: that is what an editor sees.',
    '- Peak memory is `VmHWM` from `/proc/<pid>/status` of the server process at the end of its run.',
    '',
  ].join('\n');
  fs.mkdirSync(path.join(REPO, 'docs'), { recursive: true });
  fs.writeFileSync(path.join(REPO, 'docs', 'performance.md'), doc);
  process.stdout.write('Wrote docs/performance.md\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
