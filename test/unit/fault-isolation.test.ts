// A bug in one piece of the analysis costs that piece's output only: one file's model, one link,
// one rule's findings; never the workspace model the tree, status bar and panel are drawn from.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { mergeConfig } from '../../server/src/core/config';
import { resolveLink } from '../../server/src/core/links';
import { parseOkrDocument } from '../../server/src/core/parse';
import { WorkspaceModelCache } from '../../server/src/lsp/model-cache';
import { ServerState } from '../../server/src/lsp/state';
import { catFile } from '../../server/src/git/repo';
import { scanCodeTags } from '../../server/src/core/code-tags';
import { checkCodeTags } from '../../server/src/core/rules/unknown-okr-tag';
import type { WorkspaceIndex } from '../../server/src/core/workspace';
import { MAX_FILE_BYTES } from '../../server/src/node/discover';

const TEXT = 'period: 2026-Q4\nobjectives:\n  - id: o\n    title: T\n    key_results:\n      - {id: k, baseline: 0, target: 10, current: 3}\n';

describe('fault isolation', () => {
  it('a link with a line terminator is an invalid link, never a throw', () => {
    for (const text of ['https://example.com/a\nb', 'docs/x\u2028y.md', '#12\n3', 'ACME-1\r2', 'a.okr\u2029#L3', 'dir/a\nb.okr#L1-L2']) {
      const t = resolveLink(text, '/ws/a.okr', '/ws', mergeConfig());
      assert.equal(t.kind, 'invalid', JSON.stringify(text));
      assert.match((t as { reason: string }).reason, /line break/);
    }
  });

  it("a file whose model cannot be built stays in the workspace model, empty, and the others keep theirs", () => {
    const state = new ServerState();
    const logged: string[] = [];
    const models = new WorkspaceModelCache(state, (m) => logged.push(m));
    const root = state.addRoot(path.join(os.tmpdir(), 'okr-fault-isolation'));
    const good = parseOkrDocument(TEXT, 'file:///ws/good.okr');
    const bad = parseOkrDocument(TEXT, 'file:///ws/bad.okr');
    root.index.set(path.join(root.path, 'good.okr'), good);
    root.index.set(path.join(root.path, 'bad.okr'), bad);
    // As a link the resolver chokes on did: the model of the file reads it, the index does not.
    Object.defineProperty(bad.objectives[0]!.keyResults[0]!, 'links', { get: () => { throw new Error('boom'); } });
    const model = models.model('2026-11-20');
    const byRef = new Map(model.files.map((f) => [f.fileRef, f]));
    assert.equal(byRef.get('good')?.objectives.length, 1);
    assert.deepEqual(byRef.get('bad')?.objectives, []);
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /bad\.okr.*boom/s);
  });
});

describe('fault isolation of code tags', () => {
  it('a bug while checking code tags is one internal-error diagnostic of that file, not a throw', () => {
    const index = new Proxy({}, { get: () => { throw new Error('boom'); } }) as unknown as WorkspaceIndex;
    const tags = scanCodeTags('// okr: web#a/b\n// okr: web#c/d\n');
    const found = checkCodeTags(index, tags, mergeConfig());
    assert.deepEqual(found.map((d) => [d.rule, d.severity, d.message, d.range.start.line]), [['unknown-okr-tag', 'error', "Internal error in rule 'unknown-okr-tag': boom. Please report it.", 0]]);
  });
});

describe('bounded reads of git history', () => {
  it('leaves out a blob over the size limit or holding a NUL byte, and keeps the others', async () => {
    const blobs: Array<[string, Buffer]> = [
      ['small', Buffer.from('period: 2026-Q4\n')],
      ['huge', Buffer.alloc(MAX_FILE_BYTES + 1, 0x23)],
      ['binary', Buffer.from('period: 2026-Q4\n\u0000\n')],
      ['after', Buffer.from('team: B\n')],
    ];
    // What `git cat-file --batch` writes: "<sha> blob <size>\n<bytes>\n" per object asked.
    const out = Buffer.concat(blobs.flatMap(([, b], i) => [Buffer.from(`${String(i).repeat(40)} blob ${b.length}\n`), b, Buffer.from('\n')]));
    const repo = { top: '/repo', shallow: false, git: { cwd: '/repo', run: async () => out } };
    const texts = await catFile(repo, blobs.map(([name]) => name));
    assert.deepEqual([...texts.keys()], ['small', 'after']);
    assert.equal(texts.get('after'), 'team: B\n');
  });
});
