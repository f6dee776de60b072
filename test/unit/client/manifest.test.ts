// The client's part of package.json agrees with the code: every registered command is contributed
// (category OKR), menus name existing commands, test-only commands are hidden, media files exist.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributed: { command: string; title: string; category?: string }[] = pkg.contributes.commands;
const ids = new Set(contributed.map((c) => c.command));

/** Command ids passed to registerCommand in client/src (reg('okr.x', …)). */
function registered(): string[] {
  const src = fs.readFileSync(path.join(ROOT, 'client', 'src', 'commands', 'index.ts'), 'utf8');
  return [...src.matchAll(/reg\('(okr\.[\w.]+)'/g)].map((m) => m[1]!);
}

describe('client manifest', () => {
  it('contributes every registered command, with category OKR, and nothing unregistered', () => {
    const reg = registered();
    assert.ok(reg.length >= 10, `found only ${reg.length} registered commands`);
    assert.deepEqual([...ids].filter((id) => id.startsWith('okr.')).sort(), [...reg].sort());
    for (const c of contributed) if (c.command.startsWith('okr.')) assert.equal(c.category, 'OKR', c.command);
  });

  it('menus only name contributed commands; test-only and item-only commands are hidden from the palette', () => {
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>)) {
      for (const item of items) assert.ok(ids.has(item.command), `${menu} names unknown command ${item.command}`);
    }
    const palette = new Map((pkg.contributes.menus.commandPalette as { command: string; when?: string }[]).map((m) => [m.command, m.when]));
    assert.equal(palette.get('okr.test.treeSnapshot'), 'false');
    assert.equal(palette.get('okr.revealInFile'), 'false');
  });

  it('item context menus are keyed on the view and the contextValue', () => {
    for (const item of pkg.contributes.menus['view/item/context'] as { when: string }[]) {
      assert.match(item.when, /^view == okr\.objectives && viewItem =~ \/\^okr\\\./);
    }
  });

  it('has the view container, view, welcome content and a walkthrough whose media exist', () => {
    const c = pkg.contributes;
    assert.ok(fs.existsSync(path.join(ROOT, c.viewsContainers.activitybar[0].icon)));
    assert.equal(c.views.okr[0].id, 'okr.objectives');
    assert.ok(c.viewsWelcome.some((w: { contents: string }) => w.contents.includes('command:okr.newFile')));
    const steps = c.walkthroughs[0].steps as { media: { markdown: string }; completionEvents: string[] }[];
    assert.ok(steps.length >= 4);
    for (const s of steps) {
      assert.ok(fs.existsSync(path.join(ROOT, s.media.markdown)), s.media.markdown);
      assert.ok(s.completionEvents.length > 0);
    }
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it("the walkthrough's texts fit: no backticks in step descriptions (shown as is), no code line too long for the media column", () => {
    const steps = pkg.contributes.walkthroughs[0].steps as { description: string; media: { markdown: string } }[];
    for (const s of steps) {
      assert.doesNotMatch(s.description, /`/, `VS Code shows backticks in a step description literally: ${s.description}`);
      const md = fs.readFileSync(path.join(ROOT, s.media.markdown), 'utf8');
      const code = md.split(/^```.*$/m).filter((_, i) => i % 2 === 1).flatMap((block) => block.split('\n'));
      // About 56 monospace characters fit the media column of a 1280-pixel window (test/vscode/ui.ts checks the real one).
      const long = code.filter((l) => l.length > 56);
      assert.deepEqual(long, [], s.media.markdown);
    }
    assert.ok(pkg.activationEvents.includes('workspaceContains:**/*.okr'));
  });
});
