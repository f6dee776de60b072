import * as assert from 'node:assert/strict';
import { buildOrgView, placeNote, type OrgView } from '../../../server/src/shared/org/view';
import { isOrgView } from '../../../server/src/shared/org/validate';
import { file, objective } from '../client/fixtures';
import { orgModel } from './fixtures';

const at = (v: OrgView, ref: string) => v.objectives.findIndex((o) => o.ref === ref);
const refs = (v: OrgView, ids: number[]) => ids.map((i) => v.objectives[i]!.ref);

describe('organisation view model', () => {
  const v = buildOrgView(orgModel());

  it('puts objectives aligned to nothing with objectives aligned to them at the top, as company objectives', () => {
    assert.deepEqual(refs(v, v.company), ['company#quality']);
    assert.equal(v.objectives[at(v, 'company#quality')]!.place, 'company');
  });

  it('nests aligned objectives below their parent at any depth, from the aligned lists the server resolved', () => {
    const quality = v.objectives[at(v, 'company#quality')]!;
    assert.deepEqual(refs(v, quality.children), ['teams/web#checkout', 'teams/platform#builds']);
    const checkout = v.objectives[at(v, 'teams/web#checkout')]!;
    assert.equal(checkout.place, 'aligned');
    assert.equal(checkout.parent, at(v, 'company#quality'));
    assert.deepEqual(refs(v, checkout.children), ['teams/web-a11y#audit']);
    assert.equal(v.objectives[at(v, 'teams/web-a11y#audit')]!.parent, at(v, 'teams/web#checkout'));
  });

  it('groups apart what is aligned to nothing, what does not resolve and what closes a cycle, each saying so', () => {
    const apart = Object.fromEntries(v.apart.map((i) => [v.objectives[i]!.ref, v.objectives[i]!.place]));
    assert.deepEqual(apart, { 'teams/web#lonely': 'unaligned', 'teams/web#typo': 'unresolved', 'company#cost': 'unaligned', 'company#a': 'cycle', 'company#b': 'cycle' });
    assert.equal(placeNote(v.objectives[at(v, 'teams/web#typo')]!), "aligns_to 'company#qualty' does not resolve");
    assert.match(placeNote(v.objectives[at(v, 'company#a')]!)!, /cycle/);
  });

  it('keeps the rolled-up score, the expected score and the gap the risk sort reads', () => {
    const quality = v.objectives[at(v, 'company#quality')]!;
    assert.equal(quality.scoreText, '0.40');
    assert.equal(quality.expectedScore, 0.35);
    assert.ok(Math.abs(quality.gap! - 0.05) < 1e-9);
    assert.equal(quality.rollupText, 'From its key results and the objectives aligned to it: (0.4 + 0.57) / 2');
    assert.equal(v.objectives[at(v, 'company#cost')]!.gap, undefined, 'no score, no gap');
  });

  it('marks a dropped child as left out of its parent, and lists every owner once, sorted', () => {
    assert.equal(v.objectives[at(v, 'teams/platform#builds')]!.state, 'dropped');
    assert.deepEqual(v.owners, ['@ana', '@dana', '@lee', '@omar']);
    assert.equal(v.files.find((f) => f.fileRef === 'teams/web-a11y')!.label, 'teams/web-a11y', 'no team: the file ref');
  });

  it('keeps each key result\'s check-ins, baseline, target and the elapsed share for its trend', () => {
    const k = v.objectives[at(v, 'teams/web#checkout')]!.keyResults[0]!;
    assert.deepEqual(k.checkins, [{ date: '2026-10-06', value: 2.1 }, { date: '2026-11-10', value: 1.2, note: 'fixed' }]);
    assert.deepEqual([k.baseline, k.target, k.elapsed, k.unit], [2.4, 0.5, 0.5, '%']);
  });

  it('cuts a parent chain that loops although the server did not mark it, instead of nesting forever', () => {
    const loop = buildOrgView({
      today: '2026-11-16',
      files: [
        file('x', [
          objective('p', [], { ref: 'x#p', alignsTo: 'x#q', aligned: [{ ref: 'x#q', weight: 1 }] }),
          objective('q', [], { ref: 'x#q', alignsTo: 'x#p', aligned: [{ ref: 'x#p', weight: 1 }] }),
        ]),
      ],
    });
    assert.ok(isOrgView(loop));
    assert.ok(loop.objectives.some((o) => o.place === 'cycle'));
  });

  it('is a valid view for the page, and the page refuses one whose indices are out of range or loop', () => {
    assert.ok(isOrgView(v));
    const bad = JSON.parse(JSON.stringify(v)) as OrgView;
    bad.objectives[0]!.children.push(999);
    assert.equal(isOrgView(bad), false);
    const loop = JSON.parse(JSON.stringify(v)) as OrgView;
    const q = at(loop, 'company#quality');
    loop.objectives[q]!.parent = at(loop, 'teams/web#checkout');
    assert.equal(isOrgView(loop), false);
    assert.equal(isOrgView({ ...v, objectives: [{ ...v.objectives[0], title: 42 }] }), false);
  });
});
