// The README's promise to a new user: two commands, one Node.js statement, and CI running exactly
// those commands, so a green CI proves the README.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');

/** The shell commands of the README's "Try it" block, without their comments. */
function tryItCommands(): string[] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
}

describe('set-up: README, package.json and CI agree', () => {
  it('the README gives `npm install && npm start` and `npm install && npm test`', () => {
    assert.deepEqual(tryItCommands(), ['npm install && npm start', 'npm install && npm test']);
  });

  it('.ci/run runs exactly the README commands after installing Debian packages', () => {
    const lines = read('.ci/run').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const npmLines = lines.filter((l) => /\bnpm\b/.test(l));
    assert.deepEqual(npmLines, tryItCommands());
    const apt = lines.findIndex((l) => l.startsWith('apt-get install'));
    assert.ok(apt >= 0 && apt < lines.indexOf(npmLines[0]!), 'Debian packages come first');
  });

  it('states one Node.js version: package.json engines, the README, and npm enforcing it', () => {
    const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };
    assert.equal(manifest.engines.node, '>=20.19');
    assert.match(read('README.md'), /Requires Node\.js 20\.19 or newer/);
    assert.match(read('.npmrc'), /^engine-strict=true$/m);
  });

  it('npm test installs the test tools before mocha, so the browser tests run on a first run', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const steps = scripts.test!.split('&&').map((s) => s.trim());
    const tools = steps.indexOf('npm run -s test:tools');
    assert.ok(tools >= 0, scripts.test);
    assert.ok(tools < steps.indexOf('mocha'), scripts.test);
    assert.equal(scripts['test:tools'], 'bash test/vscode/setup-tools.sh');
  });

  it("setup-tools.sh drops the outer npm's environment before its nested installs", () => {
    // The loop as written in the script, run with what `npm test` exports.
    const script = read('test/vscode/setup-tools.sh');
    const loop = /^while IFS= read -r var; do[\s\S]*?^done < <\(compgen -e\)$/m.exec(script);
    assert.ok(loop, 'the scrubbing loop');
    const r = spawnSync('bash', ['-c', `${loop[0]}\nenv`], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, npm_config_user_agent: 'npm/11 node/v20.19.0', npm_lifecycle_event: 'test', INIT_CWD: '/x', KEEP_ME: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /^(npm_|INIT_CWD=)/m);
    assert.match(r.stdout, /^KEEP_ME=1$/m);
  });
});
