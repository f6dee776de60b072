import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fixture, LspClient } from './client';

interface Item {
  label: string;
  detail?: string;
  textEdit?: { newText: string };
}

const WEB = fixture('editing', 'teams', 'web.okr');

function positionOf(text: string, needle: string, delta = 0): { line: number; character: number } {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `fixture has ${needle}`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('LSP: editing features over stdio', function () {
  let client: LspClient;
  beforeEach(async () => {
    client = new LspClient();
    await client.initialize(fixture('editing'));
  });
  afterEach(async () => client.stop());

  async function openWeb(text = fs.readFileSync(WEB, 'utf8')) {
    const { uri, version } = await client.open(WEB, text);
    await client.diagnosticsFor(uri, version);
    return { uri, text };
  }

  it('announces completion triggers, hover, code actions and formatting', async () => {
    const c2 = new LspClient();
    try {
      const init = (await c2.initialize(fixture('editing'))) as { capabilities: Record<string, unknown> };
      assert.deepEqual((init.capabilities.completionProvider as { triggerCharacters: string[] }).triggerCharacters, [':', ' ', '-', '#', '@', '/']);
      assert.equal(init.capabilities.hoverProvider, true);
      assert.equal(init.capabilities.documentFormattingProvider, true);
      assert.ok(init.capabilities.codeActionProvider);
    } finally {
      await c2.stop();
    }
  });

  it('completes the keys missing from a key result, with their documentation', async () => {
    const text = fs.readFileSync(WEB, 'utf8').replace('        tagret: 1\n', '        tagret: 1\n        \n');
    const { uri } = await openWeb(text);
    const position = positionOf(text, '        tagret: 1\n', '        tagret: 1\n'.length + 8);
    const items = await client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position });
    const names = items.map((i) => i.label);
    assert.ok(names.includes('unit') && names.includes('checkins') && names.includes('owner'), names.join());
    assert.ok(!names.includes('baseline') && !names.includes('target') && !names.includes('title'), names.join());
  });

  it('completes enum values, owners and aligns_to targets with their titles', async () => {
    const base = fs.readFileSync(WEB, 'utf8');
    const text = base.replace('    type: commited\n', '    type: \n    aligns_to: \n    owner: \n');
    const { uri } = await openWeb(text);
    const at = (needle: string) => client.request<Item[]>('textDocument/completion', { textDocument: { uri }, position: positionOf(text, needle, needle.replace(/\n$/, '').length) });
    assert.deepEqual((await at('    type: ')).map((i) => i.label), ['aspirational', 'committed']);
    const targets = await at('    aligns_to: \n');
    const pick = targets.map((i) => [i.label, i.detail]);
    assert.deepEqual(pick.filter(([l]) => l!.startsWith('company#')), [
      ['company#quality', 'Enhance software quality'],
      ['company#revenue', 'Grow revenue sustainably'],
    ]);
    assert.ok(pick.some(([l]) => l === 'web#checkout'), 'objectives of the same file are targets too');
    const owners = (await at('    owner: \n')).map((i) => i.label);
    for (const o of ['@cto', '@cfo', '@dana', '@lee']) assert.ok(owners.includes(o), owners.join());
  });

  it('hovers a key result with its progress arithmetic, and an objective with its rollup', async () => {
    const { uri, text } = await openWeb();
    const h = await client.request<{ contents: { kind: string; value: string }; range: unknown }>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'id: uptime', 6) });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /\(99\.5 - 99\.2\) \/ \(99\.8 - 99\.2\) = 0\.50/);
    assert.match(h.contents.value, /Last check-in: 2026-11-15 \(5 days ago/);
    const o = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'id: checkout', 6) });
    assert.match(o.contents.value, /Rollup: `\(0\.50×1 \+ 0×1\) \/ 2 = 0\.25`/);
    const none = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(none, null);
  });
});
