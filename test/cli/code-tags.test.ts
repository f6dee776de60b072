// The CLI and code tags: `okr check` reports tags that name no key result at their place in the
// source file, in every format; `okr refs` lists a key result's tags, links and issues as text or JSON.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ensureBuilt, okr, REPO } from './helpers';

const WS = path.join(REPO, 'test', 'fixtures', 'lsp', 'codetags');
const TODAY = '2026-11-20';

describe('CLI: code tags', function () {
  before(() => ensureBuilt());

  it('okr check reports an unknown tag with its location in the code file, and a did-you-mean', () => {
    const r = okr(['check', '--today', TODAY], { cwd: WS });
    assert.match(r.stdout, /src\/api\/server\.py\n {2}8:12 +warning +Code tag 'okr: company#quality\/eror' names no key result: .*Did you mean 'company#quality\/errors'\? +unknown-okr-tag/);
    // Tags that resolve are not reported, nor files without problems.
    assert.ok(!/^src\/checkout\/retry\.ts$/m.test(r.stdout), r.stdout);
  });

  it('in JSON, SARIF and GitHub annotations alike', () => {
    const json = JSON.parse(okr(['check', '--format', 'json', '--today', TODAY], { cwd: WS }).stdout) as { files: Array<{ path: string; diagnostics: Array<{ rule: string; range: { start: { line: number } } }> }> };
    const py = json.files.find((f) => f.path.endsWith('server.py'));
    assert.deepEqual(py?.diagnostics.map((d) => [d.rule, d.range.start.line]), [['unknown-okr-tag', 7]]);
    const sarif = JSON.parse(okr(['check', '--format', 'sarif', '--today', TODAY], { cwd: WS }).stdout) as {
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }> }>;
    };
    const result = sarif.runs[0]!.results.find((x) => x.ruleId === 'unknown-okr-tag');
    assert.match(result!.locations[0]!.physicalLocation.artifactLocation.uri, /(^|\/)src\/api\/server\.py$/);
    assert.equal(result?.locations[0]!.physicalLocation.region.startLine, 8);
    const gh = okr(['check', '--format', 'github', '--today', TODAY], { cwd: WS }).stdout;
    assert.match(gh, /::warning file=src\/api\/server\.py,line=8,.*unknown-okr-tag/);
  });

  it('okr refs lists a key result\'s tags, links, issues and the key results sharing its code', () => {
    const r = okr(['refs', 'company#quality/errors'], { cwd: WS });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
      'company#quality/errors  Cut checkout errors from 2% to 0.5%  (okrs/company.okr:13)',
      '  tag     src/api/server.py:6:32',
      '  tag     src/checkout/retry.ts:2:9',
      '  code    /src/checkout/retry.ts#L3-L5',
      '  code    /src/checkout/retry.ts#L10-L200',
      '  issue   acme/shop#12  https://github.com/acme/shop/issues/12',
      '  issue   #14  https://github.com/acme/shop/issues/14',
      '  shared  web#checkout/latency links /src/checkout/retry.ts (okrs/web.okr:13)',
    ]);
  });

  it('okr refs --format json, for scripts', () => {
    const refs = JSON.parse(okr(['refs', 'okrs/company#quality/nps', '--format', 'json'], { cwd: WS }).stdout) as { file: string; tags: Array<{ file: string; line: number }>; links: unknown[] };
    assert.equal(refs.file, 'okrs/company.okr');
    assert.deepEqual(refs.tags.map((t) => `${t.file}:${t.line}`), ['db/schema.sql:1']);
    assert.deepEqual(refs.links, []);
  });

  it('okr refs on a reference that names nothing: exit 2 with the likeliest references', () => {
    const r = okr(['refs', 'company#quality/eror'], { cwd: WS });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /did you mean 'company#quality\/errors'\?/);
    assert.equal(okr(['refs'], { cwd: WS }).code, 2);
  });
});
