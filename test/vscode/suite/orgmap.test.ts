// The organisation map in a real VS Code: OKR: Show Organisation Map opens one webview tab of type
// okr.organisation whose page (real CSP, the report's script) draws the organisation view, with the
// team objective of test/vscode/workspace/org/ under its company objective; an edit that breaks the
// alignment moves it apart, and undoing it puts it back. The page's `rendered` report and the view
// the extension sent are read through the hidden okr.test.organisationSnapshot command.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './helpers';

interface Snapshot {
  open: boolean;
  revision: number;
  company: string[];
  apart: string[];
  rendered?: { revision: number; rows: number; total: number; objectives: number; matches: number; trends: number };
}
const snapshot = async (): Promise<Snapshot> => (await vscode.commands.executeCommand<Snapshot>('okr.test.organisationSnapshot'))!;
// Refs are as short as the workspace allows (`company#mission` while one file is called company).
const isMission = (ref: string) => /(^|\/)company#mission$/.test(ref);
const isTeamGoal = (ref: string) => /(^|\/)team#team-goal( |$)/.test(ref);
const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('okr.organisation'));

/** The page drew the latest view sent, and that view satisfies `ok`. */
async function drawn(what: string, ok: (s: Snapshot) => boolean): Promise<Snapshot> {
  let last: Snapshot | undefined;
  try {
    return await waitFor(
      what,
      async () => {
        last = await snapshot();
        return last.rendered && last.rendered.revision === last.revision && ok(last) ? last : undefined;
      },
      30_000,
      100,
    );
  } catch (err) {
    throw new Error(`${(err as Error).message}; last seen: ${JSON.stringify(last)}`);
  }
}

describe('organisation map', function () {
  this.timeout(90_000);

  after(async () => {
    for (const tab of tabs()) await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('OKR: Show Organisation Map opens the map: the team objective under its company objective', async () => {
    const company = workspaceFile('org', 'company.okr');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(company));
    await vscode.commands.executeCommand('okr.showOrganisation');
    await waitFor('a webview tab of type okr.organisation', () => tabs().length === 1);
    assert.equal(tabs()[0]!.label, 'OKR Organisation');
    const s = await drawn('the map with company#mission as a company objective', (x) => x.company.some(isMission));
    assert.ok(s.rendered!.rows >= 2 && s.rendered!.objectives >= 2, JSON.stringify(s.rendered));
    await vscode.commands.executeCommand('okr.showOrganisation');
    assert.equal(tabs().length, 1, 'the command again reveals the same map');
  });

  it('follows an edit: a renamed parent sends its team objective apart, unresolved; undoing it brings it back', async () => {
    const company = workspaceFile('org', 'company.okr');
    const doc = await vscode.workspace.openTextDocument(company);
    const at = doc.getText().indexOf('id: mission');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(company, new vscode.Range(doc.positionAt(at + 4), doc.positionAt(at + 'id: mission'.length)), 'purpose');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await drawn('the team objective apart, unresolved', (x) => x.apart.some((a) => isTeamGoal(a) && a.endsWith('(unresolved)')) && !x.company.some(isMission));
    const back = new vscode.WorkspaceEdit();
    back.replace(company, new vscode.Range(doc.positionAt(at + 4), doc.positionAt(at + 'id: purpose'.length)), 'mission');
    assert.ok(await vscode.workspace.applyEdit(back));
    await drawn('the team objective back under mission', (x) => x.company.some(isMission) && !x.apart.some(isTeamGoal));
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('OKR: Export Organisation Report writes one self-contained HTML page of the map', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-export-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'report.html'));
      const written = await vscode.commands.executeCommand<vscode.Uri>('okr.exportReport', target);
      assert.equal(written?.fsPath, target.fsPath);
      const html = fs.readFileSync(target.fsPath, 'utf8');
      assert.match(html, /content="default-src 'none'; script-src 'sha256-/);
      assert.match(html, /"ref":"(org\/)?company#mission"/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
