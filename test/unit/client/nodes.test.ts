import * as assert from 'node:assert/strict';
import { buildTree, describeView, fileNodeOf, keyResultContext, nodeAt, ownersOf, snapshot, walk, type TreeNode } from '../../../client/src/tree/nodes';
import { buildPanelView } from '../../../client/src/panel/view';
import { file, kr, model, objective } from './fixtures';

const labels = (nodes: readonly TreeNode[]): unknown => nodes.map((n) => (n.children.length ? [n.label, labels(n.children)] : n.label));

describe('client tree: building', () => {
  it('groups period -> file -> objective -> key result, newest period first, files by label', () => {
    assert.deepEqual(labels(buildTree(model())), [
      [
        '2026-Q4',
        [
          ['Acme Company', [['Objective quality', ['Key result nps', 'Key result draft-one']]]],
          [
            'Platform',
            [
              ['Objective upgrade', ['Key result clusters', 'Key result cost']],
              ['Objective builds', ['Key result ci']],
            ],
          ],
        ],
      ],
      ['2026-Q3', [['old', [['Objective past', ['Key result done-kr']]]]]],
    ]);
  });

  it('describes items with score and status, and marks kinds in contextValue', () => {
    const [q4] = buildTree(model());
    const platform = q4!.children[1]!;
    assert.equal(platform.description, '0.46 · at risk');
    assert.equal(platform.contextValue, 'okr.file');
    const upgrade = platform.children[0]!;
    assert.equal(upgrade.contextValue, 'okr.objective');
    assert.deepEqual(
      upgrade.children.map((c) => [c.description, c.contextValue]),
      [
        ['0.75 · on track', 'okr.keyResult.hasLinks.canCheckIn'],
        ['0.10 · off track', 'okr.keyResult.canCheckIn'],
      ],
    );
    const draft = q4!.children[0]!.children[0]!.children[1]!;
    assert.equal(draft.description, 'no score');
    assert.equal(draft.contextValue, 'okr.keyResult');
  });

  it('uses the file ref when the file names no team, and "No period" last', () => {
    const m = { today: '2026-11-20', files: [file('a/b', [], { period: undefined }), file('z', [])] };
    assert.deepEqual(labels(buildTree(m)), [['2026-Q4', ['z']], ['No period', ['a/b']]]);
  });

  it('periods starting the same day go by label, and the progress panel lists files in the tree\'s order', () => {
    const q4 = { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' };
    const m = {
      today: '2026-11-20',
      files: [
        file('nope', [], { period: undefined }),
        file('b', [], { period: { ...q4, label: 'Q4 platform' } }),
        file('old', [], { period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' } }),
        file('a', [], { period: { ...q4, label: 'Q4 company' } }),
        file('c', [], { period: { ...q4, label: 'Q4 company' } }),
      ],
    };
    assert.deepEqual(labels(buildTree(m)), [['Q4 company', ['a', 'c']], ['Q4 platform', ['b']], ['2026-Q3', ['old']], ['No period', ['nope']]]);
    assert.deepEqual(buildPanelView(m).files.map((f) => f.title), ['a', 'c', 'b', 'old', 'nope']);
  });

  it('gives stable, unique ids even when a file repeats an id', () => {
    const m = { today: '2026-11-20', files: [file('dup', [objective('o', [kr('k'), kr('k')]), objective('o', [])])] };
    const ids = [...walk(buildTree(m))].map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(ids, ['period:2026-Q4', 'file:file:///ws/dup.okr', 'file:///ws/dup.okr#o', 'file:///ws/dup.okr#o/k', 'file:///ws/dup.okr#o/k~2', 'file:///ws/dup.okr#o~2']);
    assert.deepEqual(
      [...walk(buildTree(m))].map((n) => n.id),
      ids,
      'same model, same ids',
    );
  });

  it('links parents for TreeView.reveal', () => {
    for (const n of walk(buildTree(model()))) {
      if (n.kind === 'period') assert.equal(n.parent, undefined);
      else assert.ok(n.parent && n.parent.children.includes(n), `${n.id} is not a child of its parent`);
    }
  });

  it('keyResultContext: hasLinks only for links with a target', () => {
    assert.equal(keyResultContext(kr('a', { links: [{ text: 'bad', kind: 'invalid' }] })), 'okr.keyResult.canCheckIn');
  });

  it('snapshot is plain data', () => {
    const s = snapshot(buildTree(model()));
    assert.doesNotThrow(() => JSON.stringify(s));
    assert.deepEqual(Object.keys(s[0]!).sort(), ['children', 'contextValue', 'description', 'id', 'label']);
  });
});

describe('client tree: filter and sort', () => {
  it('filters key results by owner, keeping an owned objective with all its key results', () => {
    const tree = buildTree(model(), { filter: { owner: 'omar' } });
    assert.deepEqual(labels(tree), [['2026-Q4', [['Platform', [['Objective upgrade', ['Key result clusters', 'Key result cost']]]]]]]);
    const ana = buildTree(model(), { filter: { owner: '@ana' } });
    assert.deepEqual(labels(ana), [['2026-Q4', [['Platform', [['Objective upgrade', ['Key result cost']]]]]]]);
  });

  it('filters by status and drops empty objectives, files and periods', () => {
    const tree = buildTree(model(), { filter: { statuses: ['off-track', 'done'] } });
    assert.deepEqual(labels(tree), [
      ['2026-Q4', [['Platform', [['Objective upgrade', ['Key result cost']]]]]],
      ['2026-Q3', [['old', [['Objective past', ['Key result done-kr']]]]]],
    ]);
  });

  it('combines owner and status filters', () => {
    assert.deepEqual(labels(buildTree(model(), { filter: { owner: '@omar', statuses: ['on-track'] } })), [
      ['2026-Q4', [['Platform', [['Objective upgrade', ['Key result clusters']]]]]],
    ]);
    assert.deepEqual(buildTree(model(), { filter: { owner: '@nobody' } }), []);
  });

  it('sorts by score, lowest first, unscored last, at every level', () => {
    const [q4] = buildTree(model(), { sort: 'score' });
    assert.deepEqual(q4!.children.map((f) => f.label), ['Acme Company', 'Platform']);
    const platform = q4!.children[1]!;
    assert.deepEqual(platform.children.map((o) => o.label), ['Objective upgrade', 'Objective builds']);
    assert.deepEqual(platform.children[0]!.children.map((k) => k.label), ['Key result cost', 'Key result clusters']);
    assert.deepEqual(q4!.children[0]!.children[0]!.children.map((k) => k.label), ['Key result nps', 'Key result draft-one']);
  });

  it('lists owners once each, sorted', () => {
    assert.deepEqual(ownersOf(model()), ['@ana', '@omar']);
  });

  it('describes the active filter and sort for the view', () => {
    assert.equal(describeView({}), '');
    assert.equal(describeView({ filter: { owner: '@omar', statuses: ['at-risk', 'off-track'] }, sort: 'score' }), 'owner @omar · at-risk, off-track · by score');
  });
});

describe('client tree: cursor', () => {
  it('finds the deepest item under a position, and the file node', () => {
    const tree = buildTree(model());
    assert.equal(nodeAt(tree, 'file:///ws/teams/platform.okr', 20, 6)?.id, 'file:///ws/teams/platform.okr#upgrade/cost');
    assert.equal(nodeAt(tree, 'file:///ws/teams/platform.okr', 7, 6)?.id, 'file:///ws/teams/platform.okr#upgrade');
    assert.equal(nodeAt(tree, 'file:///ws/teams/platform.okr', 2, 0), undefined);
    assert.equal(nodeAt(tree, 'file:///ws/other.okr', 20, 6), undefined);
    assert.equal(fileNodeOf(tree, 'file:///ws/company.okr')?.label, 'Acme Company');
  });
});
