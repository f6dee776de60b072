// A third LSP client: headless Emacs 28 with Debian's eglot (`emacs-nox elpa-eglot`). The client set-up
// is exactly the README's: the `<!-- emacs-eglot-snippet` block is taken from README.md, the built
// server's path put in, and loaded as init.el; test/emacs/diagnostics.el then visits a fixture (in a
// Git repository, the project eglot announces as the workspace folder) and prints what Flymake got
// and what eglot warned. Skips, with a message, only when emacs is not installed or has no eglot.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runEditor, type EditorRun } from './headless-editor';
import { fixture, REPO, SERVER } from './client';
import { readmeSnippet, withServerPath } from './readme-snippets';

interface EmacsDiagnostic {
  type: string;
  line: number;
  text: string;
}

const SCRIPT = path.join(REPO, 'test', 'emacs', 'diagnostics.el');
const INSTALL = 'apt-get install -y --no-install-recommends emacs-nox elpa-eglot';

/** "GNU Emacs 28.2" when emacs runs and eglot loads after package activation; otherwise why not. */
function emacsWithEglot(): { version?: string; missing?: string } {
  const r = spawnSync('emacs', ['--batch', '--eval', '(progn (package-activate-all) (require (quote eglot)) (princ emacs-version))'], { encoding: 'utf8' });
  if (r.error) return { missing: 'emacs is not installed' };
  if (r.status !== 0) return { missing: `emacs ${r.stderr.split('\n').filter(Boolean).pop() ?? ''}: eglot does not load` };
  return { version: `GNU Emacs ${r.stdout.trim()}` };
}

/** Runs Emacs on a copy of the fixture folder made a Git repository; returns the script's JSON lines. */
function runEmacs(initEl: string, fixtureDir: string, file: string, options: { dirLocals?: string; waitFor?: string } = {}): Promise<EditorRun> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-emacs-'));
  const project = path.join(home, 'project');
  fs.cpSync(fixtureDir, project, { recursive: true });
  // eglot's workspace folder is the project.el project: a repository, as where a team keeps its OKRs.
  execFileSync('git', ['init', '-q', project]);
  if (options.dirLocals !== undefined) fs.writeFileSync(path.join(project, '.dir-locals.el'), options.dirLocals);
  const init = path.join(home, 'init.el');
  fs.writeFileSync(init, initEl);
  const env = {
    ...process.env,
    // The snippet runs `node`: make it the Node running the tests.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    OKR_TODAY: '2026-11-20',
    OKR_INIT: init,
    OKR_FILE: path.join(project, path.relative(fixtureDir, file)),
    OKR_TIMEOUT_MS: '10000',
    OKR_WAIT_FOR: options.waitFor ?? '',
    // Emacs's own files (eln cache, history) stay out of the real home.
    HOME: home,
  };
  return runEditor('emacs', ['--batch', '-l', SCRIPT], project, env, home);
}

describe('Emacs eglot as an LSP client, set up with the README snippet', function () {
  let version: string | undefined;
  let init = '';
  before(function () {
    const found = emacsWithEglot();
    if (!found.version) {
      console.log(`      ${found.missing}: skipping (${INSTALL})`);
      this.skip();
    }
    version = found.version;
    assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build`);
    init = withServerPath(readmeSnippet('emacs-eglot-snippet'), SERVER);
  });

  it('visits an .okr file in okr-mode, connects the server, and shows its diagnostics in Flymake without an eglot warning', async () => {
    const { lines, code, stderr } = await runEmacs(init, fixture('ws'), fixture('ws', 'teams', 'web.okr'));
    const summary = `${version}; exit ${code}; stdout ${JSON.stringify(lines)}; stderr ${stderr.slice(-1500)}`;
    assert.equal(lines[0]?.mode, 'okr-mode', summary);
    assert.equal(lines[0]?.managed, true, summary);
    assert.match(String(lines[0]?.server), /^EGLOT \(project\/\(okr-mode\)\)$/, summary);
    assert.equal(code, 0, summary);
    assert.deepEqual(lines[lines.length - 1], { done: true, count: 2 }, summary);
    const diagnostics = lines.flatMap((l) => (l.diagnostic ? [l.diagnostic as EmacsDiagnostic] : []));
    // eglot's text is "<source> [<code>]: <message>"; lines are 1-based.
    const schema = diagnostics.find((d) => d.text.startsWith('okr [schema]: '));
    assert.ok(schema, summary);
    assert.deepEqual([schema.type, schema.line], ['eglot-error', 12]);
    assert.match(schema.text, /Did you mean 'target'/);
    assert.ok(diagnostics.some((d) => d.text.startsWith('okr [kr-not-measurable]: ') && d.type === 'eglot-warning'), summary);
    // eglot warns on stderr and in *Warnings* when the server registers what it did not offer. The
    // server registers during `initialized`, before it publishes anything, and eglot handles messages
    // in order: with the diagnostics in, any such warning has been given.
    const warnings = lines.find((l) => 'warnings' in l)?.warnings as string;
    assert.doesNotMatch(`${warnings}\n${stderr}`, /unsupported capability|\(warning\)/i, summary);
  });

  it('sends the okr settings of the README\'s .dir-locals.el when the server asks (kr-not-measurable becomes an error)', async () => {
    const dirLocals = readmeSnippet('emacs-eglot-settings');
    // Diagnostics may be published once before the server has pulled the settings: wait for the error.
    const waitFor = '^eglot-error okr \\[kr-not-measurable\\]';
    const { lines, code, stderr } = await runEmacs(init, fixture('ws'), fixture('ws', 'teams', 'web.okr'), { dirLocals, waitFor });
    const summary = `exit ${code}; stdout ${JSON.stringify(lines)}; stderr ${stderr.slice(-1500)}`;
    assert.equal(code, 0, summary);
    const vague = lines.flatMap((l) => (l.diagnostic ? [l.diagnostic as EmacsDiagnostic] : [])).find((d) => d.text.startsWith('okr [kr-not-measurable]: '));
    assert.equal(vague?.type, 'eglot-error', summary);
  });

  it('resolves alignment across the repository it announced as the workspace folder', async () => {
    const { lines, code } = await runEmacs(init, fixture('navigation'), fixture('navigation', 'teams', 'web.okr'));
    assert.equal(code, 0, JSON.stringify(lines));
    const texts = lines.flatMap((l) => (l.diagnostic ? [(l.diagnostic as EmacsDiagnostic).text] : []));
    assert.ok(texts.some((t) => t.startsWith('okr [link-broken]')), JSON.stringify(texts));
    assert.ok(!texts.some((t) => t.startsWith('okr [alignment-unresolved]')), JSON.stringify(texts));
  });
});
