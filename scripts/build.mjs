// One esbuild script for the bundles (client, server, CLI, the progress panel's page script). `--production` minifies (used by packaging),
// `--watch` rebuilds on change. Type checking is separate (`npm run typecheck`).
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The thread that judges key-result titles while a large file is parsed (server and CLI, see quality-pool.ts).
  { ...common, entryPoints: ['server/src/node/quality-worker.ts'], outfile: 'dist/quality-worker.js' },
  // The progress panel's page script: runs in the webview (a browser), loaded under its CSP.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/panel/webview/main.ts'], outfile: 'dist/webview/panel.js' },
  // The organisation map's page script: the organisation panel's page and, inlined, the HTML report.
  { ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/src/org/webview/main.ts'], outfile: 'dist/webview/org.js' },
];

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
