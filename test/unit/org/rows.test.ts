import * as assert from 'node:assert/strict';
import { defaultUiState, GROUP_APART, GROUP_MAP, orgRows, parseUiState, PAGE, type OrgRow, type OrgUiState } from '../../../server/src/shared/org/rows';
import { buildOrgView } from '../../../server/src/shared/org/view';
import { file, objective } from '../client/fixtures';
import { orgModel } from './fixtures';

const v = buildOrgView(orgModel());
const state = (over: Partial<OrgUiState> = {}): OrgUiState => ({ ...defaultUiState(), ...over });
/** "group:company", "  company#quality", "    kr:company#quality/nps"... */
function shape(rows: OrgRow[]): string[] {
  return rows.map((r) => {
    const pad = '  '.repeat(r.level - 1);
    if (r.kind === 'group') return `${pad}${r.key}`;
    if (r.kind === 'objective') return `${pad}${r.key}${r.context ? ' (context)' : ''}`;
    return `${pad}${r.kind}:${r.key}`;
  });
}

describe('organisation map rows', () => {
  it('shows the groups open and every objective collapsed by default: a collapsed subtree has no row', () => {
    const { rows } = orgRows(v, state());
    assert.deepEqual(shape(rows), [GROUP_MAP, '  company#quality', GROUP_APART, '  company#cost', '  company#a', '  company#b', '  teams/web#lonely', '  teams/web#typo']);
    const quality = rows[1]!;
    assert.equal(quality.kind === 'objective' && quality.expanded, false);
  });

  it('opens an objective to its key results then its aligned objectives, at any depth, with ARIA positions', () => {
    const { rows } = orgRows(v, state({ expanded: [GROUP_MAP, 'company#quality', 'teams/web#checkout'], trends: ['teams/web#checkout/errors'] }));
    assert.deepEqual(shape(rows), [
      GROUP_MAP,
      '  company#quality',
      '    kr:company#quality/nps',
      '    teams/web#checkout',
      '      kr:teams/web#checkout/errors',
      '        trend:teams/web#checkout/errors~trend',
      '      teams/web-a11y#audit',
      '    teams/platform#builds',
      GROUP_APART,
    ]);
    const checkout = rows[3]!;
    assert.deepEqual([checkout.level, checkout.posInSet, checkout.setSize], [3, 2, 3]);
  });

  it('filters by team, owner, status and search, showing the ancestors of a match as context', () => {
    const team = orgRows(v, state({ file: 'teams/web-a11y' }));
    assert.deepEqual(shape(team.rows), [GROUP_MAP, '  company#quality (context)', '    teams/web#checkout (context)', '      teams/web-a11y#audit']);
    assert.equal(team.matches, 1);
    assert.deepEqual(shape(orgRows(v, state({ owner: '@ana' })).rows), [GROUP_MAP, '  company#quality (context)', '    teams/web#checkout'], 'a key result owner counts');
    assert.deepEqual(shape(orgRows(v, state({ status: 'off-track' })).rows), [GROUP_APART, '  teams/web#lonely']);
    assert.deepEqual(shape(orgRows(v, state({ search: '  PLATFORM ' })).rows), [GROUP_MAP, '  company#quality (context)', '    teams/platform#builds'], 'team names, case-insensitive');
    const none = orgRows(v, state({ search: 'nothing like this' }));
    assert.deepEqual([none.rows.length, none.matches, none.filtered], [0, 0, true]);
  });

  it('sorts siblings by risk (furthest behind expected first), by score either way, unscored last', () => {
    const apart = (sort: OrgUiState['sort']) => shape(orgRows(v, state({ sort, expanded: [GROUP_APART] })).rows).slice(2);
    assert.deepEqual(apart('risk').slice(0, 2), ['  teams/web#lonely', '  teams/web#typo']);
    assert.equal(apart('score-asc')[0], '  teams/web#lonely');
    assert.equal(apart('score-desc')[0], '  teams/web#typo');
    assert.deepEqual(apart('score-desc').slice(-3), ['  company#cost', '  company#a', '  company#b'], 'unscored last, in map order');
  });

  it('cuts the rows to a page and counts the rest, so 10,000 open objectives do not reach the DOM', () => {
    const many = buildOrgView({
      today: '2026-11-16',
      files: [
        file('company', [objective('top', [], { ref: 'company#top', aligned: Array.from({ length: 1000 }, (_, i) => ({ ref: `t${i}#o`, weight: 1 })) })]),
        ...Array.from({ length: 1000 }, (_, i) => file(`t${i}`, [objective('o', [], { ref: `t${i}#o`, alignsTo: 'company#top' })])),
      ],
    });
    const r = orgRows(many, state({ expanded: [GROUP_MAP, 'company#top'] }));
    assert.equal(r.rows.length, PAGE);
    assert.equal(r.total, 1002);
    assert.equal(orgRows(many, state({ expanded: [GROUP_MAP, 'company#top'], limit: PAGE * 10 })).rows.length, 1002);
  });

  it('walks an alignment chain thousands deep without recursion', () => {
    const n = 5000;
    const deep = buildOrgView({
      today: '2026-11-16',
      files: Array.from({ length: n }, (_, i) => file(`f${i}`, [objective('o', [], { ref: `f${i}#o`, alignsTo: i ? `f${i - 1}#o` : undefined, aligned: i < n - 1 ? [{ ref: `f${i + 1}#o`, weight: 1 }] : [] })])),
    });
    const r = orgRows(deep, state({ expanded: [GROUP_MAP, ...deep.objectives.map((o) => o.ref)], limit: n + 10 }));
    assert.equal(r.total, n + 1);
  });

  it('reads a saved state back field by field, replacing what is malformed with the default', () => {
    assert.deepEqual(parseUiState(undefined), defaultUiState());
    assert.deepEqual(parseUiState({ sort: 'risk', search: 'x', expanded: ['a'], limit: 400 }), { ...defaultUiState(), sort: 'risk', search: 'x', expanded: ['a'], limit: 400 });
    assert.deepEqual(parseUiState({ sort: 'sideways', expanded: [1], limit: -3, owner: 7 }), defaultUiState());
  });
});
