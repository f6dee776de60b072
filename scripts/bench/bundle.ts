// The extension's bundles as they ship (`--production`: minified) and the client's activation.
//
// Activation is measured in a simulated host: a fresh Node process loads the minified client bundle
// with a stand-in `vscode` module (every API a no-op that answers with another stand-in) and calls
// activate() with a stand-in context. The figure is the time to load the bundle plus activate() up to
// the point where it hands over to the language client (it returns, or awaits the server start):
// what VS Code's "activation time" holds apart from the host's own work. The server start itself is
// not in it: the stand-in never starts a process.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

export interface Bundles {
  /** dist/client.js: what the host loads to activate. */
  clientKb: number;
  /** dist/language-client.js: vscode-languageclient, loaded just after activation. */
  languageClientKb: number;
  serverKb: number;
  activationMs: number | string;
  /** Loading the language client's bundle after activation (not in activationMs, reported beside it). */
  languageClientLoadMs: number | string;
}

/** Builds the client and server minified into `dir` (as `npm run package` does) and measures them. */
export async function measureBundles(repo: string, dir: string): Promise<Bundles> {
  const out = path.join(dir, 'bundles');
  const common: esbuild.BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', absWorkingDir: repo };
  await esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: path.join(out, 'client.js'), external: ['vscode'] });
  await esbuild.build({ ...common, entryPoints: ['client/src/languageClient.ts'], outfile: path.join(out, 'language-client.js'), external: ['vscode'] });
  await esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: path.join(out, 'server.js') });
  const kb = (f: string) => fs.statSync(path.join(out, f)).size / 1024;
  const times = activation(path.join(out, 'client.js'), out, vscodeApiNames(repo));
  return {
    clientKb: kb('client.js'),
    languageClientKb: kb('language-client.js'),
    serverKb: kb('server.js'),
    activationMs: typeof times === 'string' ? times : times.activation,
    languageClientLoadMs: typeof times === 'string' ? times : times.languageClient,
  };
}

/** The names the `vscode` module exports (from its type definitions): the stand-in module has each. */
function vscodeApiNames(repo: string): string[] {
  const dts = fs.readFileSync(path.join(repo, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\t(?:export )(?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!))];
}

/**
 * Medians of five activations, each in a fresh process (a module loads once per process): activate()
 * itself, and the language client's bundle that it loads on the next turn.
 */
function activation(clientJs: string, dir: string, names: string[]): { activation: number; languageClient: number } | string {
  const script = path.join(dir, 'activate.js');
  fs.writeFileSync(script, `const NAMES = ${JSON.stringify(names)};\n${ACTIVATE}`);
  const times: number[] = [];
  const lcTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, [script, clientJs], { encoding: 'utf8', timeout: 20_000 });
    const ms = Number(/^activation (\S+)/m.exec(r.stdout)?.[1]);
    const lc = Number(/^language-client (\S+)/m.exec(r.stdout)?.[1]);
    if (r.status !== 0 || !Number.isFinite(ms) || !Number.isFinite(lc)) return `error: ${r.stderr.trim().split('\n')[0] ?? r.status}`;
    times.push(ms);
    lcTimes.push(lc);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[2]!;
  return { activation: median(times), languageClient: median(lcTimes) };
}

// Plain JavaScript, run by `node` in its own process. The stand-in answers any property with another
// stand-in that is also callable and constructible (values set on it are kept); `then` is absent so
// a stand-in is never taken for a promise.
const ACTIVATE = `
const Module = require('node:module');
const { performance } = require('node:perf_hooks');
function standIn(name) {
  const fn = function () { return standIn(name + '()'); };
  const set = new Map();
  return new Proxy(fn, {
    set(_t, key, value) { set.set(key, value); return true; },
    defineProperty(_t, key, d) { set.set(key, d.value ?? (d.get && d.get())); return true; },
    get(_t, key) {
      if (set.has(key)) return set.get(key);
      if (key === 'then') return undefined;
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'length') return 0;
      return standIn(name + '.' + String(key));
    },
    apply() { return standIn(name + '()'); },
    construct() { return standIn('new ' + name); },
  });
}
const vscode = Object.fromEntries(NAMES.map((n) => [n, standIn('vscode.' + n)]));
vscode.version = '1.99.0';
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const context = { subscriptions: [], extensionUri: standIn('uri'), extensionPath: __dirname, asAbsolutePath: (p) => require('node:path').join(__dirname, p.replace(/^dist\\//, '')), globalState: standIn('globalState'), workspaceState: standIn('workspaceState'), extensionMode: 1, logUri: standIn('logUri') };
// The language client's bundle is timed where activate() loads it (a require of language-client.js).
let lcMs;
Module._load = ((inner) => function (request, ...rest) {
  if (!/language-client\.js$/.test(request)) return inner.call(this, request, ...rest);
  const t = performance.now();
  try { return inner.call(this, request, ...rest); } finally { lcMs = performance.now() - t; }
})(Module._load);
const t0 = performance.now();
const ext = require(process.argv[2]);
Promise.resolve(ext.activate(context)).then(() => {
  const activationMs = performance.now() - t0;
  // activate() loads the language client on the next turn; wait for it to have happened.
  const waitForLoad = () => lcMs === undefined ? setImmediate(waitForLoad) : done();
  const done = () => {
    process.stdout.write('activation ' + activationMs.toFixed(2) + '\\nlanguage-client ' + lcMs.toFixed(2) + '\\n');
    process.exit(0);
  };
  waitForLoad();
}, (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;
