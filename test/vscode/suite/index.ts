// Entry point loaded by VS Code's extension host (`extensionTestsPath`), bundled by
// test/vscode/run.ts into out/vscode-suite/index.js. Runs every `*.test.js` bundled next to it
// with mocha. Adding a suite = adding a `test/vscode/suite/**/*.test.ts` file.
//
// Under code-server, the extension host's console reaches us only through the browser page, and
// printf-style formatting is lost on the way. So mocha's reporter output is formatted here and
// every line is tagged; the shim (code-server-shim) relays tagged lines to its stdout. On the
// desktop route the tag is harmless (the runner strips it there).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

const TAG = '[ext-test] ';

function log(...args: unknown[]): void {
  const text = util.format(...args);
  // One console call per line: the browser console and the relay keep lines whole.
  for (const line of text.split('\n')) console.log(TAG + line);
}

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = log;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: process.env.OKR_VSCODE_COLOR === '1',
    timeout: Number(process.env.OKR_VSCODE_TEST_TIMEOUT || 20000),
    grep: process.env.OKR_VSCODE_GREP || undefined,
  });
  const files = findTests(__dirname);
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files under ${__dirname}`));
  for (const f of files) mocha.addFile(f);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        // A closing line that CI recognises ("N passed, N failed"), after mocha's own summary.
        const stats = runner.stats;
        log('vscode: %d passed, %d failed, %d skipped', stats?.passes ?? 0, failures, stats?.pending ?? 0);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else resolve();
      });
    } catch (err) {
      log('error while loading the suites: %s', err instanceof Error ? err.stack : String(err));
      reject(err);
    }
  });
}
