// UI pass in a real VS Code (code-server + headless Chromium, same tools as run.ts):
// `npx tsx test/vscode/ui.ts`. Opens examples/ (or, while it has no .okr files, a temp copy of the
// fixture workspace) with the extension under development, opens an .okr file, asserts the
// language mode status bar shows "OKR", opens the Problems panel, and saves screenshots into
// test-results/screenshots/. Assumes `npm run build` ran. Exit code 0 = every check passed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..');
const HERE = path.join(ROOT, 'test', 'vscode');
const OUT = path.join(ROOT, 'out', 'vscode-ui');

function say(msg: string): void {
  process.stderr.write(`[test:vscode:ui] ${msg}\n`);
}

function okrFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.okr') && !f.split(path.sep).includes('node_modules'))
    .sort();
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

  let folder = path.join(ROOT, 'examples');
  let temp: string | undefined;
  if (okrFiles(folder).length === 0) {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-vscode-ui-'));
    fs.cpSync(path.join(HERE, 'workspace'), temp, { recursive: true });
    folder = temp;
    say('examples/ has no .okr files yet: using the fixture workspace test/vscode/workspace/');
  }
  const file = okrFiles(folder)[0];
  const shim = path.join(HERE, 'code-server-shim');
  fs.chmodSync(shim, 0o755);
  try {
    const r = spawnSync(
      shim,
      [`--extensionDevelopmentPath=${ROOT}`, `--ui-driver=${path.join(OUT, 'driver.js')}`, folder],
      {
        stdio: 'inherit',
        env: {
          ...process.env,
          OKR_VSCODE_UI_FILE: file,
          OKR_VSCODE_SCREENSHOTS: path.join(ROOT, 'test-results', 'screenshots'),
        },
      },
    );
    const code = r.status ?? 1;
    say(code === 0 ? 'UI checks passed' : `UI checks failed (exit ${code})`);
    return code;
  } finally {
    if (temp) fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(`error: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(1);
  },
);
