import * as assert from 'node:assert/strict';
import { applyDelta } from '../../../client/src/model/delta';
import type { WorkspaceModelDelta } from '../../../server/src/shared/protocol';
import { file } from './fixtures';

const delta = (over: Partial<WorkspaceModelDelta>): WorkspaceModelDelta => ({ server: 's1', revision: 1, today: '2026-11-20', full: false, files: [], removed: [], ...over });

describe('client: model deltas', () => {
  it('a full answer replaces every file held', () => {
    const held = new Map([['file:///old.okr', { ...file('old', []), uri: 'file:///old.okr' }]]);
    const a = { ...file('a', []), uri: 'file:///a.okr' };
    assert.equal(applyDelta(held, delta({ full: true, files: [a] })), true);
    assert.deepEqual([...held.keys()], ['file:///a.okr']);
  });

  it('a delta sets changed files, adds new ones and drops removed ones, keeping the rest', () => {
    const a = { ...file('a', []), uri: 'file:///a.okr' };
    const b = { ...file('b', []), uri: 'file:///b.okr' };
    const held = new Map([[a.uri, a], [b.uri, b]]);
    const a2 = { ...a, score: 0.9 };
    const c = { ...file('c', []), uri: 'file:///c.okr' };
    assert.equal(applyDelta(held, delta({ files: [a2, c], removed: [b.uri] })), true);
    assert.deepEqual([...held.keys()].sort(), [a.uri, c.uri]);
    assert.equal(held.get(a.uri)?.score, 0.9);
  });

  it('an empty delta changes nothing and says so (no redraw)', () => {
    const a = { ...file('a', []), uri: 'file:///a.okr' };
    const held = new Map([[a.uri, a]]);
    assert.equal(applyDelta(held, delta({})), false);
    assert.equal(held.get(a.uri), a);
  });
});
