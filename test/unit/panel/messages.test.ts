// The progress panel's messages (client/src/panel/messages.ts) and page shell (html.ts): each side
// accepts only well-formed messages, and the page's CSP allows nothing but its own style sheet and
// the nonce'd script.
import * as assert from 'node:assert/strict';
import { panelCsp, panelHtml } from '../../../client/src/panel/html';
import { parseHostMessage, parsePanelMessage } from '../../../client/src/panel/messages';
import { buildPanelView } from '../../../client/src/panel/view';
import { model } from '../client/fixtures';

const uri = 'file:///ws/teams/platform.okr';

describe('progress panel messages', () => {
  it('the extension accepts the page messages it knows', () => {
    assert.deepEqual(parsePanelMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePanelMessage({ type: 'newFile' }), { type: 'newFile' });
    assert.deepEqual(parsePanelMessage({ type: 'showOrganisation' }), { type: 'showOrganisation' });
    assert.equal(parsePanelMessage({ type: 'showOrganisation', command: 'x' }), undefined);
    assert.deepEqual(parsePanelMessage({ type: 'reveal', target: { uri } }), { type: 'reveal', target: { uri, objectiveId: undefined, keyResultId: undefined } });
    assert.deepEqual(parsePanelMessage({ type: 'reveal', target: { uri, objectiveId: 'o', keyResultId: 'k' } }), { type: 'reveal', target: { uri, objectiveId: 'o', keyResultId: 'k' } });
    assert.deepEqual(parsePanelMessage({ type: 'checkIn', target: { uri, objectiveId: 'o', keyResultId: 'k' } }), { type: 'checkIn', target: { uri, objectiveId: 'o', keyResultId: 'k' } });
    assert.deepEqual(parsePanelMessage({ type: 'rendered', revision: 3, files: 1, keyResults: 4, trendPoints: 7 }), { type: 'rendered', revision: 3, files: 1, keyResults: 4, trendPoints: 7 });
  });

  it('the extension drops anything else', () => {
    const bad: unknown[] = [
      undefined,
      null,
      'ready',
      [],
      { type: 'unknown' },
      { type: 'ready', extra: 1 },
      { type: 'reveal' },
      { type: 'reveal', target: { uri: 42 } },
      { type: 'reveal', target: { uri: '' } },
      { type: 'reveal', target: { uri, keyResultId: 'k' } }, // a key result needs its objective
      { type: 'reveal', target: { uri, objectiveId: 'o', range: { start: 0 } } },
      { type: 'reveal', target: { uri: 'x'.repeat(20_000) } },
      { type: 'checkIn', target: { uri, objectiveId: 'o' } },
      { type: 'rendered', revision: -1, files: 0, keyResults: 0, trendPoints: 0 },
      { type: 'rendered', revision: 1.5, files: 0, keyResults: 0, trendPoints: 0 },
      { type: 'rendered', revision: 1, files: 0, keyResults: 0 },
    ];
    for (const m of bad) assert.equal(parsePanelMessage(m), undefined, JSON.stringify(m));
  });

  it('the page accepts the views the extension builds, for every state', () => {
    for (const m of [undefined, { today: '2026-11-20', files: [] }, model()]) {
      const message = { type: 'view', revision: 1, view: buildPanelView(m) };
      // What postMessage delivers: a JSON copy.
      assert.ok(parseHostMessage(JSON.parse(JSON.stringify(message))), JSON.stringify(message).slice(0, 200));
    }
  });

  it('the page drops malformed views', () => {
    const good = () => JSON.parse(JSON.stringify({ type: 'view', revision: 1, view: buildPanelView(model()) }));
    const mutations: Array<(m: any) => void> = [
      (m) => (m.type = 'model'),
      (m) => (m.revision = 'one'),
      (m) => (m.view.state = 'busy'),
      (m) => (m.view.files = {}),
      (m) => (m.view.files[0].title = 42),
      (m) => (m.view.files[0].bar.fill = 'wide'),
      (m) => (m.view.files[0].objectives[0].keyResults[0].problems = { errors: -1, warnings: 0 }),
      (m) => (m.view.files[0].objectives[0].keyResults[0].target = { uri: 7 }),
      (m) => (m.view.files[0].objectives[0].keyResults[0].trend = { width: 1, height: 1, path: '', label: '', points: [{ x: 'a', y: 0, date: '', text: '' }] }),
    ];
    for (const [i, mutate] of mutations.entries()) {
      const m = good();
      mutate(m);
      assert.equal(parseHostMessage(m), undefined, `mutation ${i}`);
    }
  });
});

describe('progress panel page', () => {
  const html = panelHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abcdefghijklmnop0123==', scriptUri: 'https://x.vscode-cdn.net/dist/webview/panel.js', styleUri: 'https://x.vscode-cdn.net/media/panel/panel.css?a="b"' });

  it("has a CSP with default-src 'none', the webview's source for styles and a nonce for the script", () => {
    assert.equal(panelCsp('https://x', 'NONCE'), "default-src 'none'; style-src https://x; script-src 'nonce-NONCE'");
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src https:\/\/x\.vscode-cdn\.net; script-src 'nonce-abcdefghijklmnop0123=='">/);
    assert.match(html, /<script nonce="abcdefghijklmnop0123==" src="https:\/\/x\.vscode-cdn\.net\/dist\/webview\/panel\.js"><\/script>/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval|<style|style="/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline code');
  });

  it('escapes the URIs it writes into attributes and refuses a weak nonce', () => {
    assert.match(html, /panel\.css\?a=&quot;b&quot;"/);
    assert.throws(() => panelHtml({ cspSource: 'x', nonce: 'short', scriptUri: 'a', styleUri: 'b' }), /nonce/);
    assert.throws(() => panelHtml({ cspSource: 'x', nonce: "abcdefghijklmnopq' 'unsafe-inline", scriptUri: 'a', styleUri: 'b' }), /nonce/);
  });
});
