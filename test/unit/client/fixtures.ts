// A small workspace model for the client's unit tests, shaped like the server's okr/workspaceModel.
import type { FileModel, KeyResultModel, ObjectiveModel, WorkspaceModel } from '../../../server/src/shared/protocol';

const r = (a: number, b: number) => ({ start: { line: a, character: 4 }, end: { line: b, character: 20 } });

export function kr(id: string, over: Partial<KeyResultModel> = {}): KeyResultModel {
  return {
    id,
    title: `Key result ${id}`,
    ref: `x#o/${id}`,
    kind: 'metric',
    expected: 0.5,
    expectedScore: 0.35, // aspirational: 0.5 of the period × aim 0.7
    status: 'on-track',
    checkins: [],
    links: [],
    range: r(0, 0),
    problems: { errors: 0, warnings: 0 },
    ...over,
  };
}

export function objective(id: string, keyResults: KeyResultModel[], over: Partial<ObjectiveModel> = {}): ObjectiveModel {
  return { id, title: `Objective ${id}`, ref: `x#${id}`, type: 'aspirational', expected: 0.5, expectedScore: 0.35, status: 'on-track', rollup: 'own', arithmetic: '', aligned: [], range: r(0, 0), keyResults, ...over };
}

export function file(fileRef: string, objectives: ObjectiveModel[], over: Partial<FileModel> = {}): FileModel {
  return {
    uri: `file:///ws/${fileRef}.okr`,
    fileRef,
    period: { label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' },
    expected: 0.5,
    expectedScore: 0.35, // aspirational: 0.5 of the period × aim 0.7
    status: 'on-track',
    objectives,
    ...over,
  };
}

/** Two Q4 files (platform, company) and one Q3 file; owners @omar and @ana. */
export function model(): WorkspaceModel {
  return {
    today: '2026-11-20',
    files: [
      file(
        'teams/platform',
        [
          objective(
            'upgrade',
            [
              kr('clusters', { score: 0.75, status: 'on-track', owner: '@omar', range: r(10, 18), links: [{ text: 'INFRA-1', kind: 'tracker', target: 'https://t/INFRA-1' }] }),
              kr('cost', { score: 0.1, status: 'off-track', owner: '@ana', range: r(19, 25) }),
            ],
            { score: 0.43, status: 'at-risk', owner: '@omar', range: r(5, 25) },
          ),
          objective('builds', [kr('ci', { score: 0.5, status: 'on-track', range: r(28, 34) })], { score: 0.5, range: r(26, 34) }),
        ],
        { team: 'Platform', score: 0.46, status: 'at-risk' },
      ),
      file('company', [objective('quality', [kr('nps', { score: 0.36, status: 'at-risk', kind: 'milestone' }), kr('draft-one', { kind: 'draft', status: 'no-score' })], { score: 0.2 })], {
        team: 'Acme Company',
        score: 0.2,
        status: 'off-track',
      }),
      file('old', [objective('past', [kr('done-kr', { score: 1, status: 'done' })], { score: 1, status: 'done' })], {
        period: { label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' },
        score: 1,
        status: 'done',
      }),
    ],
  };
}
