// Runs the suites in test/vscode/suite/ inside a real VS Code: `npx tsx test/vscode/run.ts`
// (npm run test:vscode). Assumes `npm run build` ran (dist/client.js is the extension's main).
//
// Route (default): VS Code cannot be downloaded here, so @vscode/test-electron's runTests() gets
// `vscodeExecutablePath` = test/vscode/code-server-shim, which plays VS Code with code-server
// (VS Code 1.139 server) + headless Chromium, installed once into .tools/ by setup-tools.sh.
// OKR_VSCODE=desktop: test-electron downloads and runs desktop VS Code instead (needs network).
//
// Flags / env:
//   --self-test               also check that a failing suite fails the run (runs VS Code twice)
//   OKR_VSCODE_FAILING_PROBE=1  add the deliberately failing probe suite (exit code must be 1)
//   OKR_VSCODE_GREP=text      run only tests whose full title contains text
//   OKR_VSCODE_TIMEOUT=300    seconds before the shim gives up (clear TIMEOUT message, exit 124)
//   OKR_VSCODE_VERBOSE=1      show code-server output and the whole browser console
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = path.join(ROOT, 'test', 'vscode');
const OUT = path.join(ROOT, 'out', 'vscode-suite');
const SHIM = path.join(HERE, 'code-server-shim');
const DESKTOP = process.env.OKR_VSCODE === 'desktop';

function say(msg: string): void {
  process.stderr.write(`[test:vscode] ${msg}\n`);
}

function findTs(dir: string, suffix: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** Bundles the suite entry and every *.test.ts into OUT (cleaned first, so removed suites go). */
async function buildSuites(withFailingProbe: boolean, onlyProbe = false): Promise<void> {
  fs.rmSync(OUT, { recursive: true, force: true });
  const suiteDir = path.join(HERE, 'suite');
  const entryPoints = [path.join(suiteDir, 'index.ts')];
  if (!onlyProbe) entryPoints.push(...findTs(suiteDir, '.test.ts'));
  if (withFailingProbe || onlyProbe) entryPoints.push(...findTs(path.join(HERE, 'probe'), '.test.ts'));
  await esbuild.build({
    entryPoints: entryPoints.map((p) => ({
      in: p,
      // suite/a/b.test.ts -> a/b.test.js; probe/x.test.ts -> probe-x.test.js
      out: p.startsWith(suiteDir + path.sep)
        ? path.relative(suiteDir, p).replace(/\.ts$/, '')
        : `probe-${path.basename(p, '.ts')}`,
    })),
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline', // stack traces point at the .ts sources
    // vscode is provided by the extension host. mocha 12 is ESM with a CJS bridge that require()s
    // ESM files; bundling it avoids depending on the host's require(esm) support.
    external: ['vscode'],
    logLevel: 'warning',
    // mocha's parallel mode (unused here) require.resolve()s its worker files.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
}

function ensureTools(): void {
  const r = spawnSync('bash', [path.join(HERE, 'setup-tools.sh')], { stdio: 'inherit' });
  if (r.status !== 0) {
    say(`setup-tools.sh failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

function copyWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-vscode-ws-'));
  fs.cpSync(path.join(HERE, 'workspace'), dir, { recursive: true });
  return dir;
}

/** One VS Code run of the bundled suites; returns the exit code (0 = every test passed). */
async function runOnce(): Promise<number> {
  const workspace = copyWorkspace();
  try {
    await runTests({
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      ...(DESKTOP ? {} : { vscodeExecutablePath: SHIM }),
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: {
        OKR_VSCODE_COLOR: process.stdout.isTTY ? '1' : '0',
        // Tell the extension host where it is (suites may branch on it, e.g. skip UI-only checks).
        OKR_VSCODE_ROUTE: DESKTOP ? 'desktop' : 'code-server',
      },
    });
    return 0;
  } catch (err) {
    const code = (err as { code?: number }).code;
    if (typeof code === 'number' && code !== 0) return code;
    say(`run failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/**
 * The probe run of the self-test, in a child process of this script whose output is captured:
 * test-electron writes VS Code's output to its own process's stdout, and the probe's
 * "N passed, 1 failed" line must not reach the CI log (it would read as a failure).
 */
function runProbeCaptured(): { code: number; text: string } {
  const r = spawnSync(process.execPath, [...process.execArgv, __filename, '--probe-only'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? 1, text: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

async function main(): Promise<number> {
  const selfTest = process.argv.includes('--self-test');
  if (process.argv.includes('--probe-only')) {
    // The child of runProbeCaptured(): only the deliberately failing probe suite.
    await buildSuites(true, true);
    return runOnce();
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'client.js'))) {
    say('dist/client.js is missing: run `npm run build` first');
    return 1;
  }
  if (!DESKTOP) {
    ensureTools();
    fs.chmodSync(SHIM, 0o755); // in case a checkout lost the executable bit
  }
  const t0 = Date.now();
  await buildSuites(process.env.OKR_VSCODE_FAILING_PROBE === '1');
  const code = await runOnce();
  say(`suites finished with exit code ${code} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (!selfTest || code !== 0) return code;

  // Self-test of the harness: a failing assertion inside VS Code must fail the run and its
  // message must reach the output. The probe's output is captured, not printed (its
  // "N passed, 1 failed" line would read as a failure to anyone skimming a CI log), and shown
  // only if the self-test fails.
  say('self-test: running the deliberately failing probe suite (output captured)');
  const t1 = Date.now();
  const { code: probeCode, text } = runProbeCaptured();
  await buildSuites(false); // leave out/ as a normal run would
  const problems: string[] = [];
  if (probeCode === 0) problems.push('the run exited 0');
  if (!text.includes('OKR_FAILING_PROBE: deliberate failure inside the extension host')) {
    problems.push("the assertion's message did not reach the output");
  }
  if (!/\d+ passed, [1-9]\d* failed/.test(text)) problems.push('no "N passed, N failed" line with failures');
  if (problems.length) {
    process.stderr.write(text);
    say(`self-test FAILED: ${problems.join('; ')}`);
    return 1;
  }
  say(
    `self-test passed: the failing probe made the run exit ${probeCode} with its assertion message ` +
      `in the output (${((Date.now() - t1) / 1000).toFixed(1)} s)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(`error: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
