// How the client shows rollups and ended/closed items: the tree's "Aligned" group under a parent
// objective, descriptions of final, dropped and closed items, tooltips, the panel's aligned rows.
import * as assert from 'node:assert/strict';
import type { AlignedChildModel, WorkspaceModel } from '../../../server/src/shared/protocol';
import { alignedResolver, type AlignedChild } from '../../../client/src/model/aligned';
import { alignedDescription, itemDescription, objectiveTooltip, scoreAndStatus, statusBarText, statusColor, statusIcon, statusLabel, STATUSES } from '../../../client/src/model/format';
import { buildPanelView } from '../../../client/src/panel/view';
import { parseHostMessage } from '../../../client/src/panel/messages';
import { buildTree, nodeAt, walk, type AlignedGroupNode, type AlignedObjectiveNode, type ObjectiveNode } from '../../../client/src/tree/nodes';
import { file, kr, objective } from './fixtures';

const r = (a: number, b: number) => ({ start: { line: a, character: 4 }, end: { line: b, character: 20 } });

function child(ref: string, over: Partial<AlignedChildModel> = {}): AlignedChildModel {
  return { ref, weight: 1, ...over };
}

function resolved(over: Partial<AlignedChild> = {}): AlignedChild {
  return { ref: 'a#b', uri: 'file:///ws/a.okr', title: 'A', score: 0.5, status: 'on-track', weight: 1, ...over };
}

/** company#platform (no key results) with two team objectives aligned to it; one dropped. */
function model(): WorkspaceModel {
  const platform = objective('platform', [], {
    rollup: 'aligned',
    score: 0.7,
    arithmetic: '(0.40×1 + 0.80×3) / 4 = 0.70',
    aligned: [child('infra#clusters'), child('infra#costs', { weight: 3 }), child('web#legacy', { excluded: 'dropped' })],
  });
  const quality = objective('quality', [kr('nps', { score: 0.5 }), kr('old', { status: 'dropped', state: 'dropped', reason: 'retired' })], {
    rollup: 'own',
    aligned: [child('web#checkout'), child('gone#x')],
  });
  const infra = objective('clusters', [kr('upgraded', { score: 0.4 })], { ref: 'infra#clusters', title: 'Title of infra#clusters', score: 0.4, range: r(5, 12) });
  const costs = objective('costs', [kr('cost', { score: 0.8 })], { ref: 'infra#costs', title: 'Title of infra#costs', score: 0.8, range: r(13, 20) });
  const checkout = objective('checkout', [], { ref: 'web#checkout', title: 'Title of web#checkout', score: 0.7 });
  const legacy = objective('legacy', [], { ref: 'web#legacy', title: 'Title of web#legacy', status: 'dropped', state: 'dropped' });
  return {
    today: '2026-11-20',
    files: [
      file('company', [platform, quality], { team: 'Company' }),
      file('infra', [infra, costs], { team: 'Infra' }),
      file('web', [checkout, legacy], { team: 'Web' }),
      file('old', [objective('past', [kr('k', { score: 0.62, status: 'final', grade: 'partial' })], { score: 0.62, status: 'final', grade: 'partial' })], {
        period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
        score: 0.62,
        status: 'final',
        grade: 'partial',
      }),
    ],
  };
}

function objectiveNode(id: string, m = model()): ObjectiveNode {
  const n = [...walk(buildTree(m))].find((x): x is ObjectiveNode => x.kind === 'objective' && x.objective.id === id);
  assert.ok(n, id);
  return n;
}

describe('client: aligned rollups and final / dropped items', () => {
  it('the tree shows an "Aligned" group under a parent objective, listing the children by ref with their scores', () => {
    const platform = objectiveNode('platform');
    const group = platform.children.at(-1) as AlignedGroupNode;
    assert.equal(group.kind, 'alignedGroup');
    assert.equal(group.label, 'Aligned (3)');
    assert.equal(group.description, 'counted');
    assert.deepEqual(
      group.children.map((c) => [c.label, c.description, c.status]),
      [
        ['Title of infra#clusters', 'infra#clusters · 0.40 · on track', 'on-track'],
        ['Title of infra#costs', 'infra#costs · 0.80 · on track · ×3', 'on-track'],
        ['Title of web#legacy', 'web#legacy · dropped', 'dropped'],
      ],
    );
  });

  it('an aligned child reveals its own objective in its own file; following the cursor still picks the real objective', () => {
    const roots = buildTree(model());
    const costs = [...walk(roots)].find((n): n is AlignedObjectiveNode => n.kind === 'alignedObjective' && n.child.ref === 'infra#costs')!;
    assert.equal(costs.uri, 'file:///ws/infra.okr');
    assert.deepEqual(costs.range, r(13, 20));
    const at = nodeAt(roots, 'file:///ws/infra.okr', 14, 6);
    assert.equal(at?.kind, 'objective');
  });

  it('children of an objective scored from its own key results are listed as not counted', () => {
    const quality = objectiveNode('quality');
    const group = quality.children.at(-1) as AlignedGroupNode;
    assert.equal(group.description, 'not counted');
    // A ref the model does not hold shows as the ref, and reveals the parent.
    const gone = group.children[1] as AlignedObjectiveNode;
    assert.deepEqual([gone.label, gone.description, gone.uri], ['gone#x', 'gone#x · no score', 'file:///ws/company.okr']);
    assert.deepEqual(
      quality.children.slice(0, 2).map((c) => c.description),
      ['0.50 · on track', 'dropped: retired'],
    );
  });

  it('a status filter keeps the aligned children with those statuses; an owner filter hides the group', () => {
    const byStatus = buildTree(model(), { filter: { statuses: ['dropped'] } });
    const group = [...walk(byStatus)].find((n) => n.kind === 'alignedGroup');
    assert.deepEqual(group?.children.map((c) => c.label), ['Title of web#legacy']);
    const byOwner = buildTree(model(), { filter: { owner: '@nobody' } });
    assert.equal([...walk(byOwner)].some((n) => n.kind === 'alignedGroup'), false);
  });

  it('sorted by score, aligned children put the lowest first and the left-out ones last', () => {
    const tree = buildTree(model(), { sort: 'score' });
    const group = [...walk(tree)].find((n): n is AlignedGroupNode => n.kind === 'alignedGroup' && n.objective.id === 'platform')!;
    assert.deepEqual(group.children.map((c) => (c as AlignedObjectiveNode).child.ref), ['infra#clusters', 'infra#costs', 'web#legacy']);
  });

  it('final scores read with their grade and take its colour; dropped reads with its reason', () => {
    assert.equal(scoreAndStatus(0.62, 'final', 'partial'), '0.62 · final, fell short');
    assert.equal(statusLabel('final', 'met'), 'final, aim met');
    assert.equal(statusColor('final', 'met'), 'charts.green');
    assert.equal(statusColor('final', 'partial'), 'charts.yellow');
    assert.equal(statusColor('final', 'missed'), 'charts.red');
    assert.equal(statusColor('dropped'), 'disabledForeground');
    for (const s of STATUSES) assert.ok(statusIcon(s) && statusColor(s), s);
    assert.equal(itemDescription({ status: 'dropped', reason: 'merged' }), 'dropped: merged');
    assert.equal(itemDescription({ score: 0.9, status: 'final', grade: 'met', state: 'closed' }), '0.90 · final, aim met · closed');
    assert.equal(statusBarText(model().files[3]!), '$(target) 0.62 · final, fell short');
    assert.equal(alignedDescription(resolved({ excluded: 'cycle', score: undefined, status: 'no-score' })), 'a#b · left out: alignment cycle');
  });

  it('children are looked up by ref in their own files: title, score, status and where to reveal them', () => {
    const m = model();
    const of = alignedResolver(m);
    const platform = m.files[0]!.objectives[0]!;
    assert.deepEqual(
      of(platform).map((c) => [c.ref, c.title, c.score, c.status, c.uri, c.weight]),
      [
        ['infra#clusters', 'Title of infra#clusters', 0.4, 'on-track', 'file:///ws/infra.okr', 1],
        ['infra#costs', 'Title of infra#costs', 0.8, 'on-track', 'file:///ws/infra.okr', 3],
        ['web#legacy', 'Title of web#legacy', undefined, 'dropped', 'file:///ws/web.okr', 1],
      ],
    );
  });

  it('the objective tooltip says where its score comes from and how many objectives are aligned', () => {
    const md = objectiveTooltip(model().files[0]!.objectives[0]!);
    assert.match(md, /- Scored from the objectives aligned to it: `\(0\.40×1 \+ 0\.80×3\) \/ 4 = 0\.70`/);
    assert.match(md, /- Aligned objectives: 3$/m);
    assert.match(objectiveTooltip(model().files[0]!.objectives[1]!), /- Aligned objectives: 2 \(not counted\)/);
  });

  it('the progress panel shows the rollup arithmetic and the aligned rows, and validates them', () => {
    const view = buildPanelView(model());
    const company = view.files.find((f) => f.fileRef === 'company')!;
    const platform = company.objectives[0]!;
    assert.equal(platform.rollupText, 'From the objectives aligned to it: (0.40×1 + 0.80×3) / 4 = 0.70');
    assert.deepEqual(
      platform.aligned.map((a) => [a.ref, a.scoreText, a.counted, a.target.uri, a.target.objectiveId]),
      [
        ['infra#clusters', '0.40', true, 'file:///ws/infra.okr', 'clusters'],
        ['infra#costs', '0.80', true, 'file:///ws/infra.okr', 'costs'],
        ['web#legacy', '–', false, 'file:///ws/web.okr', 'legacy'],
      ],
    );
    const quality = company.objectives[1]!;
    assert.equal(quality.rollupText, undefined);
    assert.deepEqual(quality.aligned.map((a) => a.counted), [false, false]);
    assert.deepEqual(quality.aligned[1]!.target, { uri: 'file:///ws/company.okr', objectiveId: 'quality' });
    const old = quality.keyResults[1]!;
    assert.deepEqual([old.stateText, old.canCheckIn], ['Dropped: retired', false]);
    const past = view.files.find((f) => f.fileRef === 'old')!;
    assert.equal(past.statusLabel, 'final, fell short');
    assert.ok(parseHostMessage({ type: 'view', revision: 1, view }), 'the page accepts the view');
    const broken = structuredClone(view);
    (broken.files[0]!.objectives[0]!.aligned[0] as unknown as Record<string, unknown>).counted = 'yes';
    assert.equal(parseHostMessage({ type: 'view', revision: 1, view: broken }), undefined);
  });
});
