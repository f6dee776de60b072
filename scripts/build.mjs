// One esbuild script for the bundles (client, server, CLI, the progress panel's page script). `--production` minifies (used by packaging),
// `--watch` rebuilds on change. Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// `npm start` and `npm test` both build first, so this is where an unsupported Node.js is named
// plainly (package.json "engines" is the one statement; .npmrc's engine-strict enforces it on install).
const wanted = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const [wantMajor, wantMinor] = wanted.replace(/^>=\s*/, '').split('.').map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < wantMajor || (major === wantMajor && minor < (wantMinor ?? 0))) {
  console.error(`OKRs as Code needs Node.js ${wanted}; this is ${process.version}. Install a newer Node.js (20 LTS from 20.19, 22 or 24).`);
  process.exit(1);
}

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  // The language client apart: extension.ts loads it just after activation (see languageClient.ts).
  { ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/language-client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The `okr` command: a small entry that loads the CLI bundle with V8's code cache (see launch.ts).
  { ...common, entryPoints: ['server/src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/okr-cli.js' },
  // The thread that judges key-result titles while a large file is parsed (okr check, see quality-pool.ts).
  { ...common, entryPoints: ['server/src/node/quality-worker.ts'], outfile: 'dist/quality-worker.js' },
  // The progress panel's page script: runs in the webview (a browser), loaded under its CSP.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/panel/webview/main.ts'], outfile: 'dist/webview/panel.js' },
  // The organisation map's page script: the organisation panel's page and, inlined, the HTML report.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/org/webview/main.ts'], outfile: 'dist/webview/org.js' },
];

// The CLI's code cache (launch.ts), made by an `okr check` of the examples so it holds the functions a
// check runs. Made by this machine's Node.js for this build: it is not packaged, and a watch build, whose
// bundle changes, has none (a cache of another bundle would not be used anyway).
const codeCache = new URL('../dist/okr-cli.cache', import.meta.url);
rmSync(codeCache, { force: true });
if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples', '--format', 'json', '--today', '2026-11-20'], {
    cwd: root,
    env: { ...process.env, OKR_WRITE_CODE_CACHE: '1', OKR_DEBUG: '' },
    stdio: 'ignore',
  });
  // Exit 1 is "problems found" (the examples have some); without a cache the CLI only starts slower.
  if (run.status !== 0 && run.status !== 1) console.warn(`build: the CLI's code cache was not made (okr check exited ${run.status ?? run.signal})`);
}
