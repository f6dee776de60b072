// The server reads each file's git history in the background: the first diagnostics do not wait for
// it, and when it arrives target-moved is published, the hover says the target moved, and committed
// values of `current` join the check-ins of the workspace model (the panel's sparkline).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gitRepo, tempDir, write } from '../cli/helpers';
import { teamOkr } from '../fixtures/team-okr';
import { LspClient } from './client';

describe('LSP: git history', function () {
  this.timeout(30_000);
  let tmp: ReturnType<typeof tempDir>;
  let client: LspClient;
  beforeEach(() => {
    tmp = tempDir();
    client = new LspClient(); // today: 2026-11-20
  });
  afterEach(async () => {
    await client.stop();
    tmp.cleanup();
  });

  it('publishes target-moved when the history arrives; the hover and the model show it', async () => {
    const repo = gitRepo(tmp.dir);
    const file = path.join(tmp.dir, 'team.okr');
    write(file, teamOkr({ current: 99.3, withLatency: false }));
    repo.commit('2026-09-20', 'plan');
    write(file, teamOkr({ current: 99.4, crashTarget: 99.5, withLatency: false }));
    const sha = repo.commit('2026-10-20', 'lower', 'Bob Example');
    const uri = pathToFileURL(file).toString();
    await client.initialize(tmp.dir);
    const { version } = await client.open(file);
    const moved = await client.diagnostics(uri, (p) => p.version === version && p.diagnostics.some((d) => d.code === 'target-moved'));
    const d = moved.diagnostics.find((x) => x.code === 'target-moved')!;
    assert.equal(d.severity, 2);
    assert.equal(d.range.start.line, 9);
    assert.match(d.message, new RegExp(`^Target lowered from 99\\.8 to 99\\.5 on 2026-10-20 in commit ${sha.slice(0, 7)} by Bob Example`));

    const hover = (await client.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 10 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /⚠️ Target lowered from 99\.8 to 99\.5/);
    assert.match(hover.contents.value, /Committed values: 99\.3 \(2026-09-20\) → 99\.4 \(2026-10-20\), 2 changes in git/);

    const start = (await client.conn.sendRequest('okr/periodStartText', { uri })) as { ok: boolean; text: string; period: string; commit: string };
    assert.equal(start.ok, true);
    assert.equal(start.period, '2026-Q4');
    assert.equal(start.text, teamOkr({ current: 99.3, withLatency: false }));
    assert.equal(start.commit, repo.git('rev-parse', 'HEAD~1'));

    const model = (await client.conn.sendRequest('okr/workspaceModel')) as { files: Array<{ objectives: Array<{ keyResults: Array<{ checkins: Array<{ date: string; value: number; commit?: string }> }> }> }> };
    const checkins = model.files[0]!.objectives[0]!.keyResults[0]!.checkins;
    assert.deepEqual(
      checkins.map((c) => [c.date, c.value, c.commit]),
      [
        ['2026-09-20', 99.3, checkins[0]!.commit],
        ['2026-10-20', 99.4, sha.slice(0, 7)],
      ],
    );
  });

  it('a file outside any repository gets its diagnostics, and no history findings', async () => {
    const file = write(path.join(tmp.dir, 'team.okr'), teamOkr({ crashTarget: 99.5 }));
    const uri = pathToFileURL(file).toString();
    await client.stop();
    client = new LspClient({ GIT_CEILING_DIRECTORIES: path.dirname(tmp.dir) });
    await client.initialize(tmp.dir);
    const { version } = await client.open(file);
    const p = await client.diagnostics(uri, (x) => x.version === version);
    assert.deepEqual(p.diagnostics.filter((d) => d.code === 'target-moved'), []);
    const start = (await client.conn.sendRequest('okr/periodStartText', { uri })) as { ok: boolean; message: string };
    assert.deepEqual(start, { ok: false, message: 'team.okr is not in a git repository: there is no history to compare with.' });
  });
});
