// `okr report --format html [--out FILE]`: the organisation view as one self-contained page, built
// from the same file models as the editor's; `md` stays the default.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isOrgView } from '../../server/src/shared/org/validate';
import type { OrgView } from '../../server/src/shared/org/view';
import { REPO, ensureBuilt, okr } from './helpers';

const EXAMPLES = path.join(REPO, 'examples');

/** The view model embedded in a report page. */
function embedded(html: string): OrgView {
  const m = /<script type="application\/json" id="okr-data">([^<]*)<\/script>/.exec(html);
  assert.ok(m, 'the page holds its data block');
  const view = JSON.parse(m[1]!) as unknown;
  assert.ok(isOrgView(view));
  return view;
}

describe('okr report --format html', () => {
  before(() => ensureBuilt());
  let dir = '';
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-report-html-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one self-contained page to --out: its CSP, the inlined script and style, the examples\' alignment map', () => {
    const out = path.join(dir, 'report.html');
    const r = okr(['report', '--format', 'html', '--out', out, '--today', '2026-11-20'], { cwd: EXAMPLES });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '', 'the page went to the file');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;|content="default-src 'none'; script-src 'sha256-/);
    assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=/, 'nothing loaded from elsewhere');
    assert.doesNotMatch(html, /sourceMappingURL/);
    const view = embedded(html);
    assert.equal(view.today, '2026-11-20');
    const company = view.company.map((i) => view.objectives[i]!.ref);
    assert.deepEqual(company, ['company#quality', 'company#infrastructure', 'company#service']);
    const quality = view.objectives[view.company[0]!]!;
    assert.ok(quality.children.length > 0 && quality.children.every((c) => view.objectives[c]!.place === 'aligned'));
    // The examples keep one misspelt aligns_to: it sits apart, unresolved.
    assert.ok(view.apart.some((i) => view.objectives[i]!.place === 'unresolved'));
  });

  it('gives the same scores as okr score --format json', () => {
    const html = okr(['report', '--format', 'html', '--today', '2026-11-20'], { cwd: EXAMPLES }).stdout;
    const view = embedded(html);
    const scores = JSON.parse(okr(['score', '--format', 'json', '--today', '2026-11-20'], { cwd: EXAMPLES }).stdout) as { files: Array<{ objectives: Array<{ id: string; score: number | null }> }> } | Array<{ objectives: Array<{ id: string; score: number | null }> }>;
    const files = Array.isArray(scores) ? scores : scores.files;
    const byId = new Map(files.flatMap((f) => f.objectives.map((o) => [o.id, o.score])));
    let compared = 0;
    for (const o of view.objectives) {
      if (!byId.has(o.id)) continue;
      assert.equal(o.score ?? null, byId.get(o.id), o.ref);
      compared++;
    }
    assert.equal(compared, view.objectives.length, 'every objective compared');
  });

  it('keeps Markdown the default, accepts --format md, and refuses another format or an --out it cannot write', () => {
    assert.match(okr(['report', '--today', '2026-11-20'], { cwd: EXAMPLES }).stdout, /^# OKR report$/m);
    assert.match(okr(['report', '--format', 'md', '--today', '2026-11-20'], { cwd: EXAMPLES }).stdout, /^# OKR report$/m);
    const bad = okr(['report', '--format', 'pdf'], { cwd: EXAMPLES });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format must be one of md, html/);
    const nowhere = okr(['report', '--format', 'html', '--out', path.join(dir, 'no', 'such', 'folder', 'r.html')], { cwd: EXAMPLES });
    assert.equal(nowhere.code, 2);
    assert.match(nowhere.stderr, /cannot write the report to .*r\.html: ENOENT/);
  });
});
