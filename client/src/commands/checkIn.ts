// OKR: Check In. From a tree item (or the progress panel, which passes the same shape), the palette
// (quick pick of key results) or, for tests, an argument object that skips the prompts. The server
// computes the edits (keeping comments and formatting); they are applied as a WorkspaceEdit so undo
// works.
import * as vscode from 'vscode';
import { CheckinRequest, type CheckinParams, type CheckinResult } from '../../../server/src/shared/protocol';
import { normalizeUri } from '../model/store';
import { parseCheckinValue, parseConfidence, valuePrompt } from './checkinInput';
import { findKeyResult, pickKeyResult, targetOfNode, type KeyResultTarget } from './pickKeyResult';
import type { Services } from './services';

/** The argument form that skips the prompts (tests, other extensions, keybindings). */
export type CheckinArgs = Omit<CheckinParams, 'uri'> & { uri: string | vscode.Uri };

function isCheckinArgs(arg: unknown): arg is CheckinArgs {
  const a = arg as Partial<CheckinArgs> | undefined;
  return Boolean(a && typeof a === 'object' && a.uri && typeof a.objectiveId === 'string' && typeof a.keyResultId === 'string' && a.value !== undefined);
}

/** Asks for value, confidence and note. Undefined when the user cancels. */
async function prompt(target: KeyResultTarget): Promise<Omit<CheckinParams, 'uri' | 'objectiveId' | 'keyResultId'> | undefined> {
  const kr = target.keyResult;
  const title = `Check in: ${kr.title}`;
  let value: number | boolean | undefined;
  if (kr.kind === 'milestone') {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'Done', value: true },
        { label: 'Not done yet', value: false },
      ],
      { title, placeHolder: `Is "${kr.title}" done?` },
    );
    if (!pick) return undefined;
    value = pick.value;
  } else {
    const { prompt: p, placeHolder } = valuePrompt(kr);
    const text = await vscode.window.showInputBox({
      title,
      prompt: p,
      placeHolder,
      ignoreFocusOut: true,
      validateInput: (s) => {
        const r = parseCheckinValue(kr.kind, s, kr.unit);
        return r.ok ? undefined : r.message;
      },
    });
    if (text === undefined) return undefined;
    const r = parseCheckinValue(kr.kind, text, kr.unit);
    if (!r.ok) return undefined;
    value = r.value;
  }
  const confText = await vscode.window.showInputBox({
    title,
    prompt: 'Confidence of reaching the target, 0 to 1 (optional: press Enter to skip)',
    placeHolder: kr.confidence !== undefined ? `last: ${kr.confidence}` : 'e.g. 0.7',
    ignoreFocusOut: true,
    validateInput: (s) => {
      const r = parseConfidence(s);
      return r.ok ? undefined : r.message;
    },
  });
  if (confText === undefined) return undefined;
  const conf = parseConfidence(confText);
  if (!conf.ok) return undefined;
  const note = await vscode.window.showInputBox({ title, prompt: 'Note (optional: what changed?)', ignoreFocusOut: true });
  if (note === undefined) return undefined;
  return { value, confidence: conf.value, note: note.trim() || undefined };
}

/**
 * Asks the server for the edits and applies them. When the document is open, its version must be
 * the one the server computed the edits for; otherwise the request is repeated.
 */
export async function applyCheckin(services: Services, params: CheckinParams): Promise<{ ok: boolean; message?: string }> {
  const client = services.client();
  if (!client) return { ok: false, message: 'the OKR language server is not running' };
  const key = normalizeUri(params.uri);
  for (let attempt = 0; attempt < 3; attempt++) {
    let result: CheckinResult;
    // The version of the open document goes along: the server refuses edits for a text it does not hold.
    const held = vscode.workspace.textDocuments.find((d) => normalizeUri(d.uri.toString()) === key)?.version;
    try {
      result = await client.sendRequest<CheckinResult>(CheckinRequest, { ...params, version: held });
    } catch (err) {
      // The server is restarting or failed: say so in the check-in's own message, not as a command crash.
      return { ok: false, message: `the OKR language server did not answer (${err instanceof Error ? err.message : String(err)})` };
    }
    if (!result.ok && result.changed) continue; // the document moved on meanwhile: ask again
    if (!result.ok) return { ok: false, message: result.message };
    const uri = vscode.Uri.parse(result.uri);
    const open = vscode.workspace.textDocuments.find((d) => normalizeUri(d.uri.toString()) === normalizeUri(result.uri));
    if (open && open.version !== result.version) continue; // the server saw another version: ask again
    const edit = new vscode.WorkspaceEdit();
    for (const e of result.edits) {
      const r = e.range;
      edit.replace(uri, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) return { ok: false, message: 'VS Code did not apply the edit' };
    return { ok: true };
  }
  return { ok: false, message: 'the file kept changing while checking in; try again' };
}

export async function checkIn(services: Services, arg?: unknown): Promise<boolean> {
  let params: CheckinParams;
  if (isCheckinArgs(arg)) {
    const { uri, ...rest } = arg;
    params = { ...rest, uri: typeof uri === 'string' ? uri : uri.toString() };
  } else {
    const target =
      targetOfNode(arg) ??
      (await pickKeyResult(services.store, {
        title: 'OKR: Check In',
        filter: (kr) => kr.kind !== 'draft',
        emptyMessage: 'No key result to check in: the workspace has no .okr file with key results.',
      }));
    if (!target) return false;
    // The tree item may be older than the model: use the latest copy for the prompts.
    const fresh = findKeyResult(services.store, target.file.uri, target.objective.id, target.keyResult.id) ?? target;
    const answers = await prompt(fresh);
    if (!answers) return false;
    params = { uri: fresh.file.uri, objectiveId: fresh.objective.id, keyResultId: fresh.keyResult.id, ...answers };
  }
  const result = await applyCheckin(services, params);
  if (!result.ok) {
    void vscode.window.showErrorMessage(`Check-in failed: ${result.message}`);
    return false;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(params.uri));
  // The progress panel passes the column beside it, so the file does not open over the panel.
  const column = (arg as { viewColumn?: unknown } | undefined)?.viewColumn;
  const viewColumn = typeof column === 'number' ? (column as vscode.ViewColumn) : undefined;
  if (!isCheckinArgs(arg)) await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: true, viewColumn });
  vscode.window.setStatusBarMessage(`$(check) Checked in ${params.keyResultId}: ${String(params.value)}`, 5000);
  return true;
}
