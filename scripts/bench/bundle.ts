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
  clientKb: number;
  serverKb: number;
  activationMs: number | string;
}

/** Builds the client and server minified into `dir` (as `npm run package` does) and measures them. */
export async function measureBundles(repo: string, dir: string): Promise<Bundles> {
  const out = path.join(dir, 'bundles');
  const common: esbuild.BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, logLevel: 'warning', absWorkingDir: repo };
  await esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: path.join(out, 'client.js'), external: ['vscode'] });
  await esbuild.build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: path.join(out, 'server.js') });
  const kb = (f: string) => fs.statSync(path.join(out, f)).size / 1024;
  return { clientKb: kb('client.js'), serverKb: kb('server.js'), activationMs: activation(path.join(out, 'client.js'), out, vscodeApiNames(repo)) };
}

/** The names the `vscode` module exports (from its type definitions): the stand-in module has each. */
function vscodeApiNames(repo: string): string[] {
  const dts = fs.readFileSync(path.join(repo, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\t(?:export )(?:namespace|class|enum|const|function|let) (\w+)/gm)].map((m) => m[1]!))];
}

/** Median of five activations, each in a fresh process (a module loads once per process). */
function activation(clientJs: string, dir: string, names: string[]): number | string {
  const script = path.join(dir, 'activate.js');
  fs.writeFileSync(script, `const NAMES = ${JSON.stringify(names)};\n${ACTIVATE}`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, [script, clientJs], { encoding: 'utf8', timeout: 20_000 });
    const ms = Number(/^activation (\S+)/m.exec(r.stdout)?.[1]);
    if (r.status !== 0 || !Number.isFinite(ms)) return 'error';
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return times[2]!;
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
const t0 = performance.now();
const ext = require(process.argv[2]);
Promise.resolve(ext.activate(context)).then(() => {
  process.stdout.write('activation ' + (performance.now() - t0).toFixed(2) + '\\n');
  process.exit(0);
}, (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;
