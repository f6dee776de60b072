// `npm run eval:quality` on a fresh clone (no ../shared next to it): one line that names the dev set
// it expected and how to pass a file, exit 2; never a stack trace.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DatasetError, datasetPath, readRows } from '../../../scripts/eval-quality';

const REPO = path.resolve(__dirname, '..', '..', '..');

describe('eval:quality: a missing or broken labelled file', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-eval-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('without the dev set: names the path it expected and how to pass a file', () => {
    const absent = path.join(dir, 'shared', 'okr-quality', 'key_results.dev.jsonl');
    assert.throws(
      () => datasetPath(undefined, dir, absent),
      (e: unknown) =>
        e instanceof DatasetError &&
        e.message.includes('shared/okr-quality/key_results.dev.jsonl') &&
        e.message.includes('npm run eval:quality -- path/to/set.jsonl'),
    );
  });

  it('finds the default dev set and a given file when they exist', () => {
    const f = path.join(dir, 'set.jsonl');
    fs.writeFileSync(f, '{"id":"a","text":"Raise NPS from 30 to 40","label":"measurable","reasons":[]}\n');
    assert.equal(datasetPath(undefined, dir, f), f);
    assert.equal(datasetPath('set.jsonl', dir), f);
    assert.equal(readRows(f).length, 1);
  });

  it('a line that is not JSON is named by its number', () => {
    const f = path.join(dir, 'bad.jsonl');
    fs.writeFileSync(f, '{"id":"a","text":"x","label":"vague","reasons":[]}\nnot json\n');
    assert.throws(() => readRows(f), (e: unknown) => e instanceof DatasetError && /bad\.jsonl:2: not a JSON object/.test(e.message));
  });

  it('as a process: a missing file is one line on stderr and exit 2', () => {
    const tsx = path.join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const r = spawnSync(process.execPath, [tsx, path.join(REPO, 'scripts', 'eval-quality.ts'), 'missing.jsonl'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr.trim(), 'eval:quality: no labelled file at missing.jsonl. Pass a .jsonl file with one {"id", "text", "label", "reasons"} object per line.');
  });
});
