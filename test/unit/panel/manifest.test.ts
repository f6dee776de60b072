// The progress panel's part of package.json: the command is reachable from the palette, the
// Objectives view's title bar and an .okr editor's title bar; the test hook is hidden; a panel left
// open restores after a reload (its serializer activates the extension).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PANEL_VIEW_TYPE } from '../../../client/src/panel/messages';

const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));

describe('progress panel manifest', () => {
  it('contributes OKR: Show Progress Panel to the palette, the Objectives title bar and the .okr editor title bar', () => {
    const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'okr.showProgress');
    assert.deepEqual(cmd, { command: 'okr.showProgress', title: 'Show Progress Panel', category: 'OKR', icon: '$(graph)' });
    const menus = pkg.contributes.menus;
    assert.ok(!menus.commandPalette.some((m: { command: string }) => m.command === 'okr.showProgress'), 'no palette restriction');
    assert.ok(menus['view/title'].some((m: { command: string; when: string; group: string }) => m.command === 'okr.showProgress' && m.when === 'view == okr.objectives' && m.group.startsWith('navigation')));
    assert.ok(menus['editor/title'].some((m: { command: string; when: string }) => m.command === 'okr.showProgress' && m.when === 'resourceLangId == okr'));
    assert.equal(menus.commandPalette.find((m: { command: string }) => m.command === 'okr.test.progressSnapshot')?.when, 'false');
  });

  it('activates on a restored panel of its view type', () => {
    assert.ok(pkg.activationEvents.includes(`onWebviewPanel:${PANEL_VIEW_TYPE}`));
  });
});
