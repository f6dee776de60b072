// Aligned rollups over stdio, on a multi-file fixture (test/fixtures/lsp/rollup): the hover of a
// parent objective shows where its score comes from, its aligned children (from closed files) with
// their scores, and the arithmetic; an edit in a child file moves the parent; the workspace model
// carries the children; dropped items say why they do not count. OKR_TODAY is 2026-11-20.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { WorkspaceModel } from '../../server/src/shared/protocol';
import { fixture, LspClient } from './client';

const ws = (...p: string[]) => fixture('rollup', ...p);

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture has ${needle}`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('LSP: aligned rollups over stdio', function () {
  let client: LspClient;
  let company: { uri: string; text: string };

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(ws());
    // Workspace symbols answer once the scan is done: the closed team files are in the index.
    await client.request('workspace/symbol', { query: '' });
    const text = fs.readFileSync(ws('company.okr'), 'utf8');
    const { uri, version } = await client.open(ws('company.okr'), text);
    await client.diagnosticsFor(uri, version);
    company = { uri, text };
  });
  afterEach(async () => client.stop());

  async function hover(uri: string, text: string, needle: string, delta = 6): Promise<string> {
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, needle, delta) });
    assert.ok(h, `a hover on ${needle}`);
    return h.contents.value;
  }

  it('the hover of a parent without key results lists its aligned children from closed files with their scores and the arithmetic', async () => {
    const md = await hover(company.uri, company.text, 'id: platform');
    assert.match(md, /Score \*\*0\.70\*\* · on track/);
    assert.match(md, /Scored from the objectives aligned to it · default/);
    assert.match(md, /^\| `infra#clusters` Every service on a supported cluster \| 0\.40 \| 1 \| on track \|$/m);
    assert.match(md, /^\| `infra#costs` Spend less on compute \| 0\.80 \| 3 \| on track \|$/m);
    assert.match(md, /^\| `web#legacy` Keep the legacy storefront alive \| – \| 1 \| dropped \|$/m);
    assert.match(md, /Rollup: `\(0\.40×1 \+ 0\.80×3\) \/ 4 = 0\.70`/);
  });

  it('rollup: both shows both means; a dropped key result shows its reason and is left out', async () => {
    const md = await hover(company.uri, company.text, 'id: quality');
    assert.match(md, /Scored from its own key results and the objectives aligned to it \(own ×1, aligned ×1\) · `rollup: both`/);
    assert.match(md, /^\| old-survey \| – \| 1 \| dropped: the survey was retired in October \|$/m);
    assert.match(md, /^\| `web#checkout` A checkout that never fails \| 0\.70 \| 1 \| on track \|$/m);
    assert.match(md, /Own: `\(0\.50×1\) \/ 1 = 0\.50`/);
    assert.match(md, /Aligned: `\(0\.70×1\) \/ 1 = 0\.70`/);
    assert.match(md, /Rollup: `\(own 0\.50×1 \+ aligned 0\.70×1\) \/ 2 = 0\.60`/);
    const kr = await hover(company.uri, company.text, 'id: old-survey');
    assert.match(kr, /\*\*Dropped\*\*: the survey was retired in October/);
  });

  it('an edit in a child file moves the parent score', async () => {
    const path = ws('teams', 'infra.okr');
    const text = fs.readFileSync(path, 'utf8');
    const child = await client.open(path, text);
    await client.diagnosticsFor(child.uri, child.version);
    const version = await client.change(child.uri, text.replace('current: 4', 'current: 8'));
    await client.diagnosticsFor(child.uri, version);
    const md = await hover(company.uri, company.text, 'id: platform');
    assert.match(md, /^\| `infra#clusters` Every service on a supported cluster \| 0\.80 \| 1 \| on track \|$/m);
    assert.match(md, /Rollup: `\(0\.80×1 \+ 0\.80×3\) \/ 4 = 0\.80`/);
  });

  it('the hover of aligns_to shows the parent with its rolled-up score', async () => {
    const path = ws('teams', 'web.okr');
    const text = fs.readFileSync(path, 'utf8');
    const { uri, version } = await client.open(path, text);
    await client.diagnosticsFor(uri, version);
    const md = await hover(uri, text, 'aligns_to: company#quality', 12);
    assert.match(md, /\*\*Aligns to\*\* `company#quality`: Ship software customers trust/);
    assert.match(md, /score 0\.60 · on track/);
  });

  it('the workspace model carries each objective rollup, arithmetic and aligned children', async () => {
    const model = await client.request<WorkspaceModel>('okr/workspaceModel', {});
    const file = model.files.find((f) => f.fileRef === 'company')!;
    const platform = file.objectives.find((o) => o.id === 'platform')!;
    assert.equal(platform.rollup, 'aligned');
    assert.ok(Math.abs(platform.score! - 0.7) < 1e-9, String(platform.score));
    assert.equal(platform.arithmetic, '(0.40×1 + 0.80×3) / 4 = 0.70');
    // Children by ref only: their scores are in their own files' models.
    assert.deepEqual(platform.aligned, [
      { ref: 'infra#clusters', weight: 1 },
      { ref: 'infra#costs', weight: 3 },
      { ref: 'web#legacy', weight: 1, excluded: 'dropped' },
    ]);
    const infra = model.files.find((f) => f.fileRef === 'infra')!;
    assert.deepEqual(infra.objectives.map((o) => [o.ref, Math.round(o.score! * 100) / 100]), [
      ['infra#clusters', 0.4],
      ['infra#costs', 0.8],
    ]);
    const quality = file.objectives.find((o) => o.id === 'quality')!;
    assert.equal(quality.keyResults.find((k) => k.id === 'old-survey')!.state, 'dropped');
    const web = model.files.find((f) => f.fileRef === 'web')!;
    const legacy = web.objectives.find((o) => o.id === 'legacy')!;
    assert.deepEqual([legacy.status, legacy.state, legacy.reason], ['dropped', 'dropped', 'the storefront was switched off']);
  });
});
