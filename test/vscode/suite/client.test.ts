// The VS Code client in a real VS Code: language client (diagnostics, completion, hover, quick
// fixes, restart after a crash), the Objectives tree, the status bar and the check-in command.
// Fixtures: test/vscode/workspace/client/. No sleeps: events where VS Code has them, polling with a
// deadline for UI state (tree, status bar, processes).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor, waitForEvent, workspaceFile } from './helpers';

interface NodeSnapshot {
  id: string;
  label: string;
  description: string;
  contextValue: string;
  children: NodeSnapshot[];
}
interface TreeSnapshot {
  description: string;
  roots: NodeSnapshot[];
  statusBar?: string;
  server: 'running' | 'starting' | 'stopped';
}

const snapshot = async (): Promise<TreeSnapshot> => (await vscode.commands.executeCommand<TreeSnapshot>('okr.test.treeSnapshot'))!;

function* walk(nodes: NodeSnapshot[]): Generator<NodeSnapshot> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}
const find = (s: TreeSnapshot, id: string) => [...walk(s.roots)].find((n) => n.id.endsWith(id));

/** Waits until the tree has a node whose id ends with `id` and whose description satisfies `ok`. */
async function treeNode(id: string, ok: (description: string) => boolean = () => true, timeoutMs = 15000): Promise<NodeSnapshot> {
  let last: TreeSnapshot | undefined;
  try {
    return await waitFor(
      `tree node ${id}`,
      async () => {
        last = await snapshot();
        const n = find(last, id);
        return n && ok(n.description) ? n : undefined;
      },
      timeoutMs,
      100,
    );
  } catch (err) {
    const n = last && find(last, id);
    throw new Error(`${(err as Error).message}; last seen: ${n ? JSON.stringify(n.description) : 'no such node'}`);
  }
}

/** Diagnostics of `uri` once they satisfy `ok` (checked now, then on every change). */
async function diagnostics(uri: vscode.Uri, ok: (d: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 15000): Promise<vscode.Diagnostic[]> {
  const event = waitForEvent(
    what,
    vscode.languages.onDidChangeDiagnostics,
    (e) => e.uris.some((u) => u.toString() === uri.toString()) && ok(vscode.languages.getDiagnostics(uri)),
    timeoutMs,
  );
  const now = vscode.languages.getDiagnostics(uri);
  if (ok(now)) {
    event.catch(() => undefined);
    return now;
  }
  await event;
  return vscode.languages.getDiagnostics(uri);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Language server processes forked by this extension host (Linux: /proc). */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('dist/server.js') || cmd.includes('dist\\server.js')) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

describe('client', () => {
  const checkinUri = () => workspaceFile('client/checkin.okr');
  const problemsUri = () => workspaceFile('client/problems.okr');

  before(async () => {
    const doc = await vscode.workspace.openTextDocument(checkinUri());
    await vscode.window.showTextDocument(doc);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await waitFor('the extension to activate', () => ext.isActive, 20000);
  });

  after(async () => {
    await vscode.commands.executeCommand('okr.clearFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers its commands on activation', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['okr.checkIn', 'okr.newFile', 'okr.restartServer', 'okr.openLinks', 'okr.copyReference', 'okr.filterByOwner', 'okr.test.treeSnapshot']) {
      assert.ok(all.includes(id), `${id} is not registered`);
    }
  });

  it('shows the server diagnostics of a file with known problems', async () => {
    const doc = await vscode.workspace.openTextDocument(problemsUri());
    const diags = await diagnostics(doc.uri, (d) => d.some((x) => codeOf(x) === 'schema'), 'diagnostics for client/problems.okr');
    const typo = diags.find((d) => /tagret/.test(d.message));
    assert.ok(typo, `no diagnostic about 'tagret': ${diags.map((d) => d.message).join(' | ')}`);
    assert.equal(typo.source, 'okr');
    assert.equal(doc.getText(typo.range), 'tagret');
    assert.ok(
      diags.some((d) => codeOf(d) === 'kr-not-measurable' && doc.lineAt(d.range.start.line).text.includes('Improve reliability')),
      `no kr-not-measurable on "Improve reliability": ${diags.map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ')}`,
    );
  });

  it('offers the quick fix "target" for the unknown key tagret', async () => {
    const doc = await vscode.workspace.openTextDocument(problemsUri());
    const diags = await diagnostics(doc.uri, (d) => d.some((x) => /tagret/.test(x.message)), 'the tagret diagnostic');
    const typo = diags.find((d) => /tagret/.test(d.message))!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', doc.uri, typo.range);
    const fix = actions?.find((a): a is vscode.CodeAction => 'edit' in a && /target/.test(a.title));
    assert.ok(fix, `no quick fix mentioning target: ${(actions ?? []).map((a) => a.title).join(' | ') || 'none'}`);
    assert.ok(fix.edit, 'the quick fix has no edit');
    const edits = fix.edit.get(doc.uri);
    assert.ok(edits.some((e) => e.newText.includes('target')), `edits: ${JSON.stringify(edits.map((e) => e.newText))}`);
  });

  it('completes key-result keys (baseline) through the server', async () => {
    const content = ['period: 2099-Q1', 'objectives:', '  - id: o', '    title: Grow the community', '    key_results:', '      - id: k', '        title: Raise signups from 10 to 20 a week', '        '].join('\n');
    const doc = await vscode.workspace.openTextDocument({ language: 'okr', content });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(7, 8));
    const labels = (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('baseline'), `completion labels: ${labels.join(', ') || 'none'}`);
  });

  it('hovers a key result with its progress', async () => {
    const doc = await vscode.workspace.openTextDocument(checkinUri());
    const line = doc.getText().split('\n').findIndex((l) => l.includes('title: Cut median first reply time'));
    assert.ok(line > 0);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, 10));
    const text = (hovers ?? [])
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /progress/i, `hover: ${text || 'none'}`);
  });

  it('fills the Objectives tree with scores and statuses from the server', async () => {
    const kr = await treeNode('client/checkin.okr#faster-support/first-reply');
    assert.equal(kr.label, 'Cut median first reply time from 10 h to 0 h');
    assert.match(kr.description, /^0\.50 · /);
    assert.equal(kr.contextValue, 'okr.keyResult.canCheckIn');
    const csat = await treeNode('client/checkin.okr#faster-support/csat');
    assert.match(csat.description, /^0\.80 · /);
    assert.equal(csat.contextValue, 'okr.keyResult.hasLinks.canCheckIn');
    const s = await snapshot();
    const period = s.roots.find((r) => r.label === '2099-Q1');
    assert.ok(period, `no 2099-Q1 period: ${s.roots.map((r) => r.label).join(', ')}`);
    const file = period.children.find((f) => f.label === 'Client fixture');
    assert.ok(file, `no "Client fixture" file under 2099-Q1: ${period.children.map((f) => f.label).join(', ')}`);
    assert.equal(file.contextValue, 'okr.file');
    assert.match(file.description, /^0\.65 · /);
    assert.deepEqual(file.children.map((o) => [o.label, o.contextValue]), [['Answer customers while they still care', 'okr.objective']]);
  });

  it('shows the active file score in the status bar', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(checkinUri()));
    const text = await waitFor('the status bar score', async () => (await snapshot()).statusBar, 10000, 100);
    assert.match(text, /^\$\(target\) 0\.65 · /);
  });

  it('filters the tree by owner and status and shows the filter in the view description', async () => {
    await vscode.commands.executeCommand('okr.filterByOwner', '@nobody-owns-this');
    let s = await snapshot();
    assert.deepEqual(s.roots, []);
    assert.equal(s.description, 'owner @nobody-owns-this');
    await vscode.commands.executeCommand('okr.clearFilter');
    await vscode.commands.executeCommand('okr.filterByOwner', '@cleo');
    s = await snapshot();
    assert.deepEqual(
      [...walk(s.roots)].filter((n) => n.contextValue.startsWith('okr.keyResult')).map((n) => n.label).sort(),
      ['Cut median first reply time from 10 h to 0 h', 'Raise CSAT from 80% to 90%'],
    );
    await vscode.commands.executeCommand('okr.clearFilter');
    await vscode.commands.executeCommand('okr.sortByScore');
    s = await snapshot();
    assert.equal(s.description, 'by score');
    await vscode.commands.executeCommand('okr.sortByFileOrder');
    assert.equal((await snapshot()).description, '');
  });

  it('checks in through the server edit, keeps comments, updates the tree, and undo restores the text', async () => {
    const doc = await vscode.workspace.openTextDocument(checkinUri());
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const ok = await vscode.commands.executeCommand('okr.checkIn', {
      uri: doc.uri.toString(),
      objectiveId: 'faster-support',
      keyResultId: 'first-reply',
      value: 3,
      confidence: 0.7,
      note: 'new triage rota',
      date: '2099-02-01',
    });
    assert.equal(ok, true, 'okr.checkIn did not report success');
    const after = doc.getText();
    assert.notEqual(after, before);
    const lines = after.split('\n');
    const old = lines.findIndex((l) => l.includes('date: 2099-01-10'));
    const added = lines[old + 1] ?? '';
    assert.match(added, /^ {10}- .*2099-02-01/, `line after the last check-in: ${JSON.stringify(added)}`);
    assert.match(added, /value: 3\b/);
    assert.match(added, /confidence: 0\.7/);
    assert.match(added, /new triage rota/);
    assert.ok(after.includes('# The check-in test appends to this key result; keep the comment.'), 'the comment was lost');
    assert.ok(doc.isDirty, 'the edit went through the editor (undoable), not to disk');
    await treeNode('client/checkin.okr#faster-support/first-reply', (d) => d.startsWith('0.70 · '));

    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore the text', () => doc.getText() === before, 5000);
    await treeNode('client/checkin.okr#faster-support/first-reply', (d) => d.startsWith('0.50 · '));
  });

  it('refuses a check-in the server rejects (a milestone value for a metric) without editing', async () => {
    const doc = await vscode.workspace.openTextDocument(checkinUri());
    const before = doc.getText();
    const ok = await vscode.commands.executeCommand('okr.checkIn', { uri: doc.uri.toString(), objectiveId: 'faster-support', keyResultId: 'first-reply', value: true });
    assert.equal(ok, false);
    assert.equal(doc.getText(), before);
  });

  it('restarts the server after it is killed, and diagnostics still arrive', async function () {
    if (process.platform !== 'linux') this.skip();
    const doc = await vscode.workspace.openTextDocument(problemsUri());
    await vscode.window.showTextDocument(doc);
    const [pid] = await waitFor('the language server process', () => (serverPids().length ? serverPids() : undefined), 10000);
    process.kill(pid!, 'SIGKILL');
    const fresh = await waitFor('a new language server process', () => serverPids().find((p) => p !== pid), 15000, 100);
    assert.notEqual(fresh, pid);
    await waitFor('the client to be running again', async () => (await snapshot()).server === 'running', 15000, 100);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '        tagreet: 5\n'));
    const diags = await diagnostics(doc.uri, (d) => d.some((x) => /tagreet/.test(x.message)), 'diagnostics from the restarted server', 20000);
    assert.ok(diags.some((d) => /tagreet/.test(d.message)));
    await vscode.commands.executeCommand('undo');
  });

  it('OKR: Restart Language Server starts a new server that answers', async function () {
    if (process.platform !== 'linux') this.skip();
    const before = await waitFor('the language server process', () => (serverPids().length ? serverPids() : undefined), 10000);
    await vscode.commands.executeCommand('okr.restartServer');
    await waitFor('a new language server process', () => serverPids().find((p) => !before.includes(p)), 15000, 100);
    await treeNode('client/checkin.okr#faster-support/first-reply', (d) => d.startsWith('0.50 · '));
  });

  it('creates a new OKR file from the template and opens it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('okr.newFile', { path: 'client/new-team' });
    assert.ok(uri, 'okr.newFile returned no file');
    assert.ok(uri.path.endsWith('/client/new-team.okr'));
    const editor = await waitFor('the new file in an editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor);
    const text = editor.document.getText();
    assert.match(text, /^period: \d{4}-Q[1-4]$/m);
    assert.match(text, /^team: New team$/m);
    assert.equal(editor.document.languageId, 'okr');
    await treeNode('client/new-team.okr#delight-new-users/activation-rate');
  });
});
