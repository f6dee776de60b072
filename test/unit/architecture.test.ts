// ARCHITECTURE.md's layering, checked: the core knows nothing of LSP, VS Code, the terminal or the
// disk, and the client never parses .okr files (everything comes from the server).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');

function sources(dir: string): Array<{ file: string; text: string }> {
  return (fs.readdirSync(path.join(REPO, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ file: path.join(dir, f), text: fs.readFileSync(path.join(REPO, dir, f), 'utf8') }));
}

/** Modules a file loads at run time (`import type` is erased by the build, so it does not count). */
function imports(text: string): string[] {
  const runtime = text.replace(/^import type [^;]*;/gm, '');
  return [...runtime.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

describe('architecture invariants', () => {
  it('the core imports no LSP, VS Code, disk or process modules and reads no process state', () => {
    const forbidden = /^(vscode|vscode-languageserver.*|vscode-languageclient.*|vscode-jsonrpc|node:(fs|child_process|net|os|process|url)|fs|child_process)(\/|$)/;
    const offenders: string[] = [];
    for (const { file, text } of sources('server/src/core')) {
      for (const m of imports(text)) if (forbidden.test(m)) offenders.push(`${file}: imports ${m}`);
      const code = text.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      if (/\bprocess\.(env|cwd|argv|stdout|stderr|exit)\b/.test(code)) offenders.push(`${file}: reads process state`);
    }
    assert.deepEqual(offenders, []);
  });

  it('the client never imports the parser, the rules or the analysis (it asks the server)', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources('client/src')) {
      for (const m of imports(text)) {
        if (/server\/src\/(core|lsp|cli)(\/|$)/.test(m) && !/server\/src\/core\/status$/.test(m)) offenders.push(`${file}: imports ${m}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('in the server and the CLI only server/src/git runs processes (git, without a shell)', () => {
    const offenders: string[] = [];
    for (const { file, text } of sources('server/src')) {
      if (file.startsWith(path.join('server', 'src', 'git'))) continue;
      for (const m of imports(text)) if (/^(node:)?child_process$/.test(m)) offenders.push(`${file}: imports ${m}`);
    }
    assert.deepEqual(offenders, []);
    const git = sources('server/src/git').map((s) => s.text).join('\n');
    assert.match(git, /execFile\(/);
    // exec() and the *Sync forms go through a shell or block the server's event loop.
    assert.doesNotMatch(git, /shell:\s*true|execSync|spawnSync|import \{[^}]*\bexec\b[^}]*\} from 'node:child_process'/);
  });

  it('the check itself can fail: it sees the modules it is meant to forbid', () => {
    assert.ok(imports("import * as fs from 'node:fs';").some((m) => m === 'node:fs'));
    assert.deepEqual(imports("import type { Range } from '../core/positions';"), []);
    assert.ok(sources('server/src/core').length > 20, 'it reads the core');
    assert.ok(sources('client/src').length > 5, 'it reads the client');
  });
});
