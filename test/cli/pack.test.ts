// The README's CI recipe: `npm pack` in this repository makes a tarball that installs into another
// project with no dependencies and no network, and whose `okr` binary checks a workspace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureBuilt, REPO } from './helpers';

function npm(args: string[], cwd: string): { code: number | null; out: string } {
  // A clean npm environment: under `npm test` the outer npm's npm_config_* would be read as config.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const r = spawnSync('npm', args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('CLI tarball (npm pack, the README CI recipe)', function () {
  this.timeout(120_000);
  let tmp: string;
  let tarball: string;

  before(() => {
    ensureBuilt();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-pack-'));
    // --ignore-scripts: the bundles were just built; prepack would only build them again.
    const r = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], REPO);
    assert.equal(r.code, 0, r.out);
    const [info] = JSON.parse(r.out.slice(r.out.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(tmp, info!.filename);
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundles and the docs, and no sources, tests or dependencies', () => {
    const list = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    assert.deepEqual(list, [
      'package/CHANGELOG.md',
      'package/LICENSE',
      'package/README.md',
      'package/dist/cli.js',
      'package/dist/okr-cli.js',
      'package/dist/quality-worker.js',
      'package/dist/server.js',
      'package/okr.config.schema.json',
      'package/okr.schema.json',
      'package/package.json',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { dependencies?: object; bin: { okr: string } };
    assert.equal(manifest.dependencies, undefined, 'the bundles include their libraries: nothing to install with them');
    assert.equal(manifest.bin.okr, './dist/cli.js');
  });

  it('installs offline into another project, and its okr binary checks that project', () => {
    const project = path.join(tmp, 'okrs-repo');
    fs.mkdirSync(path.join(project, 'okrs'), { recursive: true });
    fs.writeFileSync(path.join(project, 'package.json'), '{"private":true}\n');
    fs.writeFileSync(
      path.join(project, 'okrs', 'team.okr'),
      'period: 2026-Q4\nobjectives:\n  - id: fast\n    title: Make the site fast\n    key_results:\n      - id: perf\n        title: Improve performance\n',
    );
    const install = npm(['install', '--offline', '--no-save', '--no-audit', '--no-fund', tarball], project);
    assert.equal(install.code, 0, install.out);
    const bin = path.join(project, 'node_modules', '.bin', 'okr');
    assert.ok(fs.existsSync(bin), 'node_modules/.bin/okr');
    const check = spawnSync(bin, ['check', '--today', '2026-11-20'], { cwd: project, encoding: 'utf8' });
    assert.match(check.stdout, /kr-not-measurable/);
    assert.match(check.stdout, /okrs\/team\.okr/);
  });
});
