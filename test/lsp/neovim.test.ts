// A second, independent LSP client: headless Neovim (Debian's `neovim` is 0.7). The client set-up is
// exactly the README's: each `<!-- neovim-snippet X.Y` block is taken from README.md, the built
// server's path put in, and installed as the init.lua of a throw-away Neovim home; then
// test/neovim/diagnostics.lua opens a fixture and prints the filetype, the attached clients and the
// diagnostics. A snippet is run by Neovim X.Y or later and skipped, with a message, on an older one;
// everything skips only when nvim is not installed (CI installs it: apt-get install neovim).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runEditor, type EditorRun } from './headless-editor';
import { fixture, REPO, SERVER } from './client';
import { readmeSnippet, withServerPath } from './readme-snippets';

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

function nvimVersion(): { line: string; minor: number } | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  const line = r.stdout.split('\n')[0]!;
  const m = /v0\.(\d+)\./.exec(line);
  return { line, minor: m ? Number(m[1]) : Infinity };
}

/** Runs Neovim with `initLua` as its init.lua, in `root`, and returns the script's JSON lines. */
function runNeovim(initLua: string, root: string, file: string, extra: Record<string, string> = {}): Promise<EditorRun> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-nvim-'));
  // Where Neovim looks for a user's init.lua; the XDG variables keep its state out of the real home.
  fs.mkdirSync(path.join(home, 'nvim'));
  fs.writeFileSync(path.join(home, 'nvim', 'init.lua'), initLua);
  const env = {
    ...process.env,
    // The snippet runs `node`: make it the Node running the tests.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    OKR_TODAY: '2026-11-20',
    OKR_FILE: file,
    OKR_TIMEOUT_MS: '10000',
    HOME: home,
    XDG_CONFIG_HOME: home,
    XDG_DATA_HOME: home,
    XDG_CACHE_HOME: home,
    XDG_STATE_HOME: home,
    ...extra,
  };
  // The README's 0.7 snippet takes the current directory as the workspace root: start Neovim there.
  return runEditor('nvim', ['--headless', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], root, env, home);
}

const diagnosticsOf = (lines: Array<Record<string, unknown>>) => lines.flatMap((l) => (l.diagnostic ? [l.diagnostic as NvimDiagnostic] : []));

describe('Neovim as a second LSP client, set up with the README snippet', function () {
  let version: ReturnType<typeof nvimVersion>;
  before(function () {
    version = nvimVersion();
    if (!version) {
      console.log('      nvim is not installed: skipping (apt-get install -y --no-install-recommends neovim)');
      this.skip();
    }
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`);
  });

  for (const minor of [7, 8]) {
    describe(`the Neovim 0.${minor} snippet`, () => {
      let init = '';
      before(function () {
        if (version!.minor < minor) {
          console.log(`      ${version!.line} is older than 0.${minor}: skipping the README's 0.${minor} snippet`);
          this.skip();
        }
        init = withServerPath(readmeSnippet(`neovim-snippet 0.${minor}`), SERVER);
      });

      it('gives .okr files the okr filetype and YAML syntax, attaches the okr client, and receives its diagnostics', async () => {
        const { lines, code, stderr } = await runNeovim(init, fixture('ws'), fixture('ws', 'teams', 'web.okr'));
        const summary = `${version!.line}; exit ${code}; stdout ${JSON.stringify(lines)}; stderr ${stderr.slice(0, 500)}`;
        assert.deepEqual(lines[0], { filetype: 'okr', syntax: 'yaml', clients: ['okr'] }, summary);
        assert.equal(code, 0, summary);
        assert.deepEqual(lines[lines.length - 1], { done: true, count: 2 }, summary);
        const diagnostics = diagnosticsOf(lines);
        assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['kr-not-measurable', 'schema']);
        assert.ok(diagnostics.every((d) => d.source === 'okr'));
        const schema = diagnostics.find((d) => d.code === 'schema')!;
        // Neovim's own shape: 0-based lnum/col, severity 1 = ERROR.
        assert.deepEqual([schema.line, schema.col, schema.end_line, schema.end_col, schema.severity], [11, 8, 11, 14, 1]);
        assert.match(schema.message, /Did you mean 'target'/);
      });

      it('renames an objective in the open file and the closed files that refer to it, in one edit', async () => {
        // company.okr line 4 is `  - id: quality`; web.okr and mobile.okr (closed) align to it.
        const { lines, code } = await runNeovim(init, fixture('graph'), fixture('graph', 'company.okr'), { OKR_RENAME: '4,10,excellence' });
        assert.equal(code, 0, JSON.stringify(lines));
        const rename = lines.find((l) => l.rename)?.rename as Record<string, number> | undefined;
        assert.ok(rename, JSON.stringify(lines));
        const counts = Object.fromEntries(Object.entries(rename).map(([uri, n]) => [uri.slice(uri.indexOf('/graph/') + 1), n]));
        assert.deepEqual(counts, { 'graph/company.okr': 1, 'graph/teams/web.okr': 2, 'graph/teams/mobile.okr': 2 });
      });

      it("with the README's source file types added: from a code tag to its key result, and from the key result to the tag", async () => {
        // The README: add the source file types to the snippet's FileType pattern for tags in them.
        const withSources = init.replace("pattern = 'okr',", "pattern = { 'okr', 'typescript' },");
        assert.notEqual(withSources, init, 'the snippet has the pattern the README tells users to extend');
        // retry.ts line 1 is `// okr: company#quality/errors`: go to definition on `errors`.
        const there = await runNeovim(withSources, fixture('codetags'), fixture('codetags', 'src', 'checkout', 'retry.ts'), {
          OKR_REQUEST: 'textDocument/definition|1,27',
          OKR_EXPECT: 'company.okr',
        });
        assert.equal(there.code, 0, JSON.stringify(there.lines));
        const definition = there.lines.find((l) => l.response)?.response as Array<{ uri?: string; targetUri?: string; range?: { start: { line: number } }; targetRange?: { start: { line: number } } }>;
        const target = [definition].flat()[0]!;
        assert.match(target.uri ?? target.targetUri ?? '', /okrs\/company\.okr$/);
        assert.equal((target.range ?? target.targetRange)!.start.line, 12, 'the line of `- id: errors`');
        // And back: references on the key result's id list the tag in retry.ts.
        const back = await runNeovim(withSources, fixture('codetags'), fixture('codetags', 'okrs', 'company.okr'), {
          OKR_REQUEST: 'textDocument/references|12,15',
          OKR_EXPECT: 'retry.ts',
        });
        assert.equal(back.code, 0, JSON.stringify(back.lines));
        const refs = back.lines.find((l) => l.response)?.response as Array<{ uri: string; range: { start: { line: number } } }>;
        assert.ok(refs.some((r) => r.uri.endsWith('/src/checkout/retry.ts') && r.range.start.line === 1), JSON.stringify(refs));
      });

      it('resolves alignment across the workspace folder it announced', async () => {
        const { lines, code } = await runNeovim(init, fixture('navigation'), fixture('navigation', 'teams', 'web.okr'));
        assert.equal(code, 0, JSON.stringify(lines));
        const codes = diagnosticsOf(lines).map((d) => d.code);
        // The missing link target is found (files resolve from the root Neovim sent); aligns_to resolves.
        assert.ok(codes.includes('link-broken'), JSON.stringify(codes));
        assert.ok(!codes.includes('alignment-unresolved'), JSON.stringify(codes));
      });
    });
  }
});
