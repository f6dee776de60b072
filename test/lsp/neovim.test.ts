// A second, independent LSP client: headless Neovim (Debian's `neovim`, 0.7+) starts the built
// server with vim.lsp.start_client, opens a fixture and prints the diagnostics it received.
// Skips only when nvim is not installed; CI installs it (apt-get install neovim).
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, REPO, SERVER } from './client';

interface NvimDiagnostic {
  code: string;
  source: string;
  severity: number;
  line: number;
  col: number;
  end_line: number;
  end_col: number;
  message: string;
}

const SCRIPT = path.join(REPO, 'test', 'neovim', 'diagnostics.lua');

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

/** Runs the Lua script in a throw-away Neovim home and returns its JSON lines. */
function runNeovim(root: string, file: string, extra: Record<string, string> = {}): Promise<{ lines: Array<Record<string, unknown>>; code: number | null; stderr: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-nvim-'));
  const env = {
    ...process.env,
    OKR_TODAY: '2026-11-20',
    OKR_NODE: process.execPath,
    OKR_SERVER: SERVER,
    OKR_ROOT: root,
    OKR_FILE: file,
    OKR_TIMEOUT_MS: '10000',
    ...extra,
    // Neovim's state, log and shada stay out of the user's home.
    XDG_CONFIG_HOME: home,
    XDG_DATA_HOME: home,
    XDG_CACHE_HOME: home,
    XDG_STATE_HOME: home,
  };
  return new Promise((resolve, reject) => {
    const proc = spawn('nvim', ['--headless', '--clean', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (d) => (stdout += String(d)));
    proc.stderr.on('data', (d) => (stderr += String(d)));
    // The script bounds its own wait; this only catches a Neovim that never exits.
    const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timer);
      fs.rmSync(home, { recursive: true, force: true });
      const lines = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      resolve({ lines, code, stderr });
    });
  });
}

describe('Neovim as a second LSP client', function () {
  let version: string | undefined;
  before(function () {
    version = nvimVersion();
    if (!version) {
      console.log('      nvim is not installed: skipping (apt-get install -y --no-install-recommends neovim)');
      this.skip();
    }
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`);
  });

  it('receives the rule diagnostics of an .okr file over stdio', async () => {
    const { lines, code, stderr } = await runNeovim(fixture('ws'), fixture('ws', 'teams', 'web.okr'));
    const summary = `${version}; exit ${code}; stdout ${JSON.stringify(lines)}; stderr ${stderr.slice(0, 500)}`;
    assert.equal(code, 0, summary);
    assert.deepEqual(lines[lines.length - 1], { done: true, count: 2 }, summary);
    const diagnostics = lines.flatMap((l) => (l.diagnostic ? [l.diagnostic as NvimDiagnostic] : []));
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['kr-not-measurable', 'schema']);
    assert.ok(diagnostics.every((d) => d.source === 'okr'));
    const schema = diagnostics.find((d) => d.code === 'schema')!;
    // Neovim's own shape: 0-based lnum/col, severity 1 = ERROR.
    assert.deepEqual([schema.line, schema.col, schema.end_line, schema.end_col, schema.severity], [11, 8, 11, 14, 1]);
    assert.match(schema.message, /Did you mean 'target'/);
  });

  it('renames an objective in the open file and the closed files that refer to it, in one edit', async () => {
    // company.okr line 4 is `  - id: quality`; web.okr and mobile.okr (closed) align to it.
    const { lines, code } = await runNeovim(fixture('graph'), fixture('graph', 'company.okr'), { OKR_RENAME: '4,10,excellence' });
    assert.equal(code, 0, JSON.stringify(lines));
    const rename = lines.find((l) => l.rename)?.rename as Record<string, number> | undefined;
    assert.ok(rename, JSON.stringify(lines));
    const counts = Object.fromEntries(Object.entries(rename).map(([uri, n]) => [uri.slice(uri.indexOf('/graph/') + 1), n]));
    assert.deepEqual(counts, { 'graph/company.okr': 1, 'graph/teams/web.okr': 2, 'graph/teams/mobile.okr': 2 });
  });

  it('resolves alignment across the workspace folder it announced', async () => {
    const { lines, code } = await runNeovim(fixture('navigation'), fixture('navigation', 'teams', 'web.okr'));
    assert.equal(code, 0, JSON.stringify(lines));
    const codes = lines.flatMap((l) => (l.diagnostic ? [(l.diagnostic as NvimDiagnostic).code] : []));
    // The missing link target is found (files resolve from the root Neovim sent); aligns_to resolves.
    assert.ok(codes.includes('link-broken'), JSON.stringify(codes));
    assert.ok(!codes.includes('alignment-unresolved'), JSON.stringify(codes));
  });
});
