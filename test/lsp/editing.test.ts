import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyEdits, LineIndex } from '../../server/src/core';
import { fixture, LspClient, type Diagnostic } from './client';

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit: { changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> };
}

function applyAction(text: string, uri: string, a: Action): string {
  return applyEdits(text, a.edit.changes[uri]!, new LineIndex(text));
}

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
      // Formatting is for .okr documents only: a client that also syncs source files (for code tags) must not offer it there.
      assert.deepEqual(init.capabilities.documentFormattingProvider, { documentSelector: [{ language: 'okr' }, { pattern: '**/*.okr' }] });
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

  async function actionsFor(uri: string, d: Diagnostic, only?: string[]): Promise<Action[]> {
    return client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
  }

  it('quick fixes: did-you-mean for a key and an enum value, preferred, with the diagnostic attached', async () => {
    const { uri, text } = await openWeb();
    const p = await client.diagnosticsFor(uri, 1);
    const key = p.diagnostics.find((d) => d.code === 'schema' && /tagret/.test(d.message))!;
    const rename = (await actionsFor(uri, key)).find((a) => a.title === "Rename 'tagret' to 'target'")!;
    assert.ok(rename, 'rename offered');
    assert.equal(rename.kind, 'quickfix');
    assert.equal(rename.isPreferred, true);
    assert.deepEqual(rename.diagnostics, [key]);
    assert.equal(applyAction(text, uri, rename), text.replace('        tagret: 1\n', '        target: 1\n'));
    const value = p.diagnostics.find((d) => d.code === 'schema' && /commited/.test(String(d.range.start.line) + text.split('\n')[d.range.start.line]))!;
    const change = (await actionsFor(uri, value)).find((a) => a.title === "Change to 'committed'")!;
    assert.equal(applyAction(text, uri, change), text.replace('type: commited', 'type: committed'));
  });

  it('quick fixes: add the most used owner, insert a check-in for today, add a suppression comment', async () => {
    const { uri, text } = await openWeb();
    const p = await client.diagnosticsFor(uri, 1);
    const owner = p.diagnostics.find((d) => d.code === 'missing-owner')!;
    const add = (await actionsFor(uri, owner)).find((a) => a.title.startsWith('Add owner: "@'))!;
    assert.equal(add.title, 'Add owner: "@dana"');
    assert.equal(applyAction(text, uri, add), text.replace('        title: Launch the referral program\n', '        title: Launch the referral program\n        owner: "@dana"\n'));

    const stale = p.diagnostics.find((d) => d.code === 'checkin-stale' && d.range.start.line === positionOf(text, 'id: errors').line)!;
    assert.ok(stale, JSON.stringify(p.diagnostics.map((d) => [d.code, d.range.start.line])));
    const checkin = (await actionsFor(uri, stale)).find((a) => a.title.startsWith('Check in today'))!;
    assert.equal(checkin.title, 'Check in today (2026-11-20) with the current value 2.4');
    const after = applyAction(text, uri, checkin);
    assert.ok(after.includes('        tagret: 1\n        checkins:\n          - {date: 2026-11-20, value: 2.4}\n  - id: growth'), after);

    const suppress = (await actionsFor(uri, stale)).find((a) => a.title === "Suppress 'checkin-stale' on this line")!;
    assert.equal(applyAction(text, uri, suppress), text.replace('      - id: errors\n', '      # okr-disable-next-line checkin-stale\n      - id: errors\n'));
    // The suppressed diagnostic is gone once the client applies the edit.
    const v2 = await client.change(uri, applyAction(text, uri, suppress));
    const p2 = await client.diagnosticsFor(uri, v2);
    assert.ok(!p2.diagnostics.some((d) => d.code === 'checkin-stale' && d.range.start.line === stale.range.start.line + 1));
  });

  it('refactor: extracts baseline, target and unit from a draft title "from 800 ms to 300 ms"', async () => {
    const { uri, text } = await openWeb();
    const position = positionOf(text, 'Cut p95', 2);
    const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
    const extract = actions.find((a) => a.kind === 'refactor.extract')!;
    assert.equal(extract.title, 'Extract baseline 800, target 300, unit "ms" from the title');
    assert.equal(
      applyAction(text, uri, extract),
      text.replace('from 800 ms to 300 ms\n', 'from 800 ms to 300 ms\n        unit: ms\n        baseline: 800\n        target: 300\n'),
    );
    const onlyFixes = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(onlyFixes, [], 'the context.only filter is honoured');
  });

  it('source.fixAll: the safe fixes of the whole file at once, only when asked for by kind, as minimal edits', async () => {
    const { uri, text } = await openWeb();
    const ask = (only?: string[]) =>
      client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], ...(only ? { only } : {}) } });
    // 'tagret' is not renamed: its key result has a `target` already, and a duplicate key would break the file.
    const fixed = text.replace('type: commited', 'type: committed');
    for (const only of [['source.fixAll'], ['source.fixAll.okr'], ['source']]) {
      const actions = await ask(only);
      assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.okr', 'Fix all safe OKR problems (1 fix)']], only.join());
      const edits = actions[0]!.edit.changes[uri]!;
      assert.deepEqual(edits.map((e) => e.newText), ['committed'], 'the quick fix itself, not a rewrite of the file');
      assert.equal(applyAction(text, uri, actions[0]!), fixed);
    }
    // Not in the light bulb (no kind asked for) nor among quick fixes; the owner and check-in fixes stay one-by-one.
    assert.ok(!(await ask()).some((a) => a.kind.startsWith('source')));
    assert.ok(!(await ask(['quickfix'])).some((a) => a.kind.startsWith('source')));
    // Once applied there is nothing left to fix: the misspelt value is gone, 'tagret' stays for the author.
    const v2 = await client.change(uri, fixed);
    const p2 = await client.diagnosticsFor(uri, v2);
    assert.deepEqual(p2.diagnostics.filter((d) => d.code === 'schema').map((d) => d.message), ["Unknown key 'tagret' in a key result. Did you mean 'target'?"]);
    assert.deepEqual(await ask(['source.fixAll']), []);
    const caps = await (async () => {
      const c2 = new LspClient();
      try {
        return ((await c2.initialize(fixture('editing'))) as { capabilities: { codeActionProvider: { codeActionKinds: string[] } } }).capabilities;
      } finally {
        await c2.stop();
      }
    })();
    assert.ok(caps.codeActionProvider.codeActionKinds.includes('source.fixAll') && caps.codeActionProvider.codeActionKinds.includes('source.fixAll.okr'));
  });

  it('formats only when okr.format.enable is on, keeping comments', async () => {
    const messy = fs.readFileSync(WEB, 'utf8').replace('        title: Launch the referral program\n        done: false\n', '        done: false   # not yet\n        title: Launch the referral program\n');
    const { uri } = await openWeb(messy);
    const off = await client.request<unknown>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(off, null);
    client.settings = { format: { enable: true } };
    // The server pulls the settings when told they changed, applies them, then announces a model change
    // (okr/modelChanged): awaiting that notification after our answer means the settings are in.
    const applied = new Promise<void>((resolve) =>
      client.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
        client.conn.onNotification('okr/modelChanged', () => resolve());
        return p.items.map(() => client.settings);
      }),
    );
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await applied;
    const edits = await client.request<Array<{ range: Diagnostic['range']; newText: string }>>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits.length, 1);
    const out = applyEdits(messy, edits, new LineIndex(messy));
    assert.ok(out.includes('        title: Launch the referral program\n        done: false # not yet\n'), out);
    for (const comment of ['# Web team OKRs for Q4', '# the parent objective', '# latency is still a draft', '# not yet']) assert.ok(out.includes(comment), comment);
    const v2 = await client.change(uri, out);
    await client.diagnosticsFor(uri, v2);
    assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), [], 'formatted text is stable');
  });
});
