// The organisation map's part of package.json: both commands in the palette, the map in the
// Objectives view's title bar, the test hook hidden, and a map left open restores after a reload.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ORG_VIEW_TYPE, parseOrgPageMessage, parseOrgViewMessage } from '../../../client/src/org/messages';
import { buildOrgView } from '../../../server/src/shared/org/view';
import { orgModel } from './fixtures';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('organisation map manifest and messages', () => {
  it('contributes OKR: Show Organisation Map and OKR: Export Organisation Report, and hides the test hook', () => {
    const titles = Object.fromEntries(pkg.contributes.commands.map((c: { command: string; title: string }) => [c.command, c.title]));
    assert.equal(titles['okr.showOrganisation'], 'Show Organisation Map');
    assert.equal(titles['okr.exportReport'], 'Export Organisation Report');
    const menus = pkg.contributes.menus;
    assert.ok(menus['view/title'].some((m: { command: string; when: string }) => m.command === 'okr.showOrganisation' && m.when === 'view == okr.objectives'));
    assert.ok(!menus.commandPalette.some((m: { command: string }) => m.command === 'okr.exportReport' || m.command === 'okr.showOrganisation'), 'no palette restriction');
    assert.equal(menus.commandPalette.find((m: { command: string }) => m.command === 'okr.test.organisationSnapshot')?.when, 'false');
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${ORG_VIEW_TYPE}`));
  });

  it('accepts the page\'s well-formed messages only', () => {
    assert.deepEqual(parseOrgPageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseOrgPageMessage({ type: 'reveal', target: { uri: 'file:///a.okr', objectiveId: 'o' } }), { type: 'reveal', target: { uri: 'file:///a.okr', objectiveId: 'o', keyResultId: undefined } });
    assert.equal(parseOrgPageMessage({ type: 'reveal', target: { uri: 'file:///a.okr', keyResultId: 'k' } }), undefined, 'a key result needs its objective');
    assert.equal(parseOrgPageMessage({ type: 'reveal', target: { uri: 'file:///a.okr', path: '/etc/passwd' } }), undefined);
    assert.equal(parseOrgPageMessage({ type: 'rendered', revision: 1, rows: -1, total: 0, objectives: 0, matches: 0, trends: 0 }), undefined);
    assert.equal(parseOrgPageMessage({ type: 'run', command: 'x' }), undefined);
  });

  it('the page draws a valid view message and drops one whose view is malformed', () => {
    const view = buildOrgView(orgModel());
    assert.deepEqual(parseOrgViewMessage({ type: 'org', revision: 3, json: JSON.stringify(view) }), { revision: 3, view: JSON.parse(JSON.stringify(view)) });
    assert.deepEqual(parseOrgViewMessage({ type: 'org', revision: 0 }), { revision: 0 }, 'no view yet: loading');
    assert.equal(parseOrgViewMessage({ type: 'org', revision: 3, json: JSON.stringify({ ...view, company: [10_000] }) }), undefined);
    assert.equal(parseOrgViewMessage({ type: 'org', revision: 3, json: '{"today": ' }), undefined, 'not JSON');
    assert.equal(parseOrgViewMessage({ type: 'org', revision: 3, view }), undefined, 'an object, not the JSON text');
  });
});
