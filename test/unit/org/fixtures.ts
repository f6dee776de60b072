// A small organisation for the organisation view's tests: a company file with two objectives, two
// teams aligned to them (one two levels deep), one objective aligned to nothing, one whose
// alignment does not resolve and two that align to each other (a cycle the server marked).
import type { WorkspaceModel } from '../../../server/src/shared/protocol';
import { file, kr, objective } from '../client/fixtures';

export function orgModel(): WorkspaceModel {
  return {
    today: '2026-11-16',
    files: [
      file(
        'teams/web',
        [
          objective('checkout', [kr('errors', { ref: 'teams/web#checkout/errors', owner: '@ana', unit: '%', baseline: 2.4, target: 0.5, current: 1.2, score: 0.63, checkins: [{ date: '2026-10-06', value: 2.1 }, { date: '2026-11-10', value: 1.2, note: 'fixed' }] })], {
            ref: 'teams/web#checkout',
            alignsTo: 'company#quality',
            owner: '@dana',
            score: 0.57,
            expectedScore: 0.35,
            status: 'on-track',
            aligned: [{ ref: 'teams/web-a11y#audit', weight: 1 }],
          }),
          objective('lonely', [], { ref: 'teams/web#lonely', score: 0.1, expectedScore: 0.35, status: 'off-track' }),
          objective('typo', [], { ref: 'teams/web#typo', alignsTo: 'company#qualty', score: 0.3, expectedScore: 0.35, status: 'at-risk' }),
        ],
        { team: 'Web' },
      ),
      file('teams/web-a11y', [objective('audit', [], { ref: 'teams/web-a11y#audit', alignsTo: 'teams/web#checkout', owner: '@lee', score: 0.2, expectedScore: 0.35, status: 'at-risk' })]),
      file(
        'company',
        [
          objective('quality', [kr('nps', { ref: 'company#quality/nps' })], {
            ref: 'company#quality',
            score: 0.4,
            expectedScore: 0.35,
            rollup: 'both',
            arithmetic: '(0.4 + 0.57) / 2',
            aligned: [{ ref: 'teams/web#checkout', weight: 1 }, { ref: 'teams/platform#builds', weight: 1 }],
          }),
          objective('cost', [], { ref: 'company#cost', score: undefined, status: 'no-score' }),
          objective('a', [], { ref: 'company#a', alignsTo: 'company#b', aligned: [{ ref: 'company#b', weight: 1, excluded: 'cycle' }] }),
          objective('b', [], { ref: 'company#b', alignsTo: 'company#a', aligned: [{ ref: 'company#a', weight: 1, excluded: 'cycle' }] }),
        ],
        { team: 'Acme' },
      ),
      file('teams/platform', [objective('builds', [], { ref: 'teams/platform#builds', alignsTo: 'company#quality', owner: '@omar', score: 0.9, expectedScore: 0.35, status: 'on-track', state: 'dropped' })], {
        team: 'Platform',
      }),
    ],
  };
}
