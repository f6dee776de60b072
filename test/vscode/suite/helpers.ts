// Shared helpers for the in-VS-Code suites (bundled into each *.test.js that imports them).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'okr-as-code.okr-as-code';

/** The temp copy of test/vscode/workspace/ that the runner opened. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open: the runner passes a copy of test/vscode/workspace/');
  return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments.flatMap((s) => s.split(path.posix.sep)));
}

/**
 * Polls `probe` until it returns a value other than undefined/false, or fails after `timeoutMs`
 * with `what` in the message. For state with no event to wait on (e.g. extension activation).
 * Prefer waitForEvent when VS Code has an event for the state.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 10000,
  intervalMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * Resolves with the first event from `event` that satisfies `predicate` (subscribe BEFORE
 * triggering the action), or rejects after `timeoutMs` with `what` in the message.
 */
export function waitForEvent<T>(
  what: string,
  event: vscode.Event<T>,
  predicate: (e: T) => boolean = () => true,
  timeoutMs = 10000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((e) => {
      if (!predicate(e)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(e);
    });
  });
}
