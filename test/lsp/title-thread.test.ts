// The server judges a large file's key-result titles on a second thread while it parses it
// (node/quality-pool.ts): the diagnostics must be exactly those it publishes on one thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateRealisticOkr } from '../../scripts/bench/generate';
import { LspClient, type Diagnostic } from './client';

describe('LSP: key-result titles judged on a second thread', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-lsp-titles-'));
    fs.writeFileSync(path.join(dir, 'team.okr'), generateRealisticOkr(150, 5).text);
    // Settings that change verdicts: the thread must judge under the root's configuration.
    fs.writeFileSync(path.join(dir, 'okr.config.yaml'), 'quality:\n  extraVagueWords: [latency, checkout]\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function openedWith(env: Record<string, string>): Promise<{ diagnostics: Diagnostic[]; stderr: string }> {
    const client = new LspClient({ OKR_DEBUG: '1', ...env });
    try {
      await client.initialize(dir);
      const { uri, version } = await client.open(path.join(dir, 'team.okr'));
      const p = await client.diagnosticsFor(uri, version);
      return { diagnostics: p.diagnostics, stderr: client.stderr };
    } finally {
      await client.stop();
    }
  }

  it('publishes on opening a large file what one thread publishes', async () => {
    const alone = await openedWith({ OKR_QUALITY_THREAD: '0' });
    const shared = await openedWith({});
    assert.doesNotMatch(alone.stderr, /judged on a second thread/);
    const judged = /okr: (\d+) key-result titles judged on a second thread/.exec(shared.stderr);
    assert.ok(judged && Number(judged[1]) > 300, `the thread judged the titles: ${shared.stderr}`);
    assert.ok(alone.diagnostics.filter((d) => d.code === 'kr-not-measurable').length > 10, 'there are title problems to compare');
    assert.deepEqual(shared.diagnostics, alone.diagnostics);
  });
});
