// UI pass, run by code-server-shim (--ui-driver) in its own process against the live workbench
// page: opens an .okr file, checks the language mode in the status bar, opens the Problems panel,
// and takes screenshots. Bundled to out/vscode-ui/driver.js by test/vscode/ui.ts.
//
// Playwright's types live only in .tools/, so the few page methods used are declared here.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface Locator {
  waitFor(options?: { state?: 'attached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  textContent(): Promise<string | null>;
  count(): Promise<number>;
  first(): Locator;
}
interface Page {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
  screenshot(options: { path: string }): Promise<unknown>;
}
interface Context {
  say(msg: string): void;
  folder?: string;
}

const TIMEOUT = Number(process.env.OKR_VSCODE_UI_TIMEOUT || 60000);

async function visible(page: Page, selector: string, what: string, hasText?: string | RegExp): Promise<Locator> {
  const loc = page.locator(selector, hasText ? { hasText } : undefined).first();
  try {
    await loc.waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    throw new Error(`timed out after ${TIMEOUT} ms waiting for ${what} (${selector}${hasText ? ` with text ${hasText}` : ''})`);
  }
  return loc;
}

export async function run(page: Page, ctx: Context): Promise<void> {
  const file = process.env.OKR_VSCODE_UI_FILE;
  const shots = process.env.OKR_VSCODE_SCREENSHOTS;
  if (!file || !shots) throw new Error('OKR_VSCODE_UI_FILE and OKR_VSCODE_SCREENSHOTS must be set (run test/vscode/ui.ts)');
  fs.mkdirSync(shots, { recursive: true });
  const shot = async (name: string): Promise<void> => {
    const p = path.join(shots, name);
    await page.screenshot({ path: p });
    ctx.say(`screenshot ${path.relative(process.cwd(), p)}`);
  };

  await visible(page, '.monaco-workbench .part.statusbar', 'the workbench');
  await visible(page, '.explorer-folders-view .monaco-list-row', 'the explorer to list the workspace');

  // Quick Open (Ctrl+P), type the file's path, Enter.
  await page.keyboard.press('Control+P');
  await visible(page, '.quick-input-widget .quick-input-box input', 'the Quick Open box');
  await page.keyboard.type(file);
  await visible(page, '.quick-input-widget .monaco-list-row', `Quick Open to find ${file}`, path.basename(file));
  await page.keyboard.press('Enter');
  await visible(page, '.editor-instance .monaco-editor .view-lines', `the editor for ${file}`);

  // The language mode status bar item names the language of the active editor.
  const mode = await visible(page, '[id="status.editor.mode"]', 'the language mode in the status bar');
  try {
    await page.locator('[id="status.editor.mode"]', { hasText: /^\s*OKR\s*$/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    throw new Error(`the language mode status bar shows "${(await mode.textContent())?.trim()}", expected "OKR"`);
  }
  ctx.say(`status bar language mode: ${(await mode.textContent())?.trim()}`);
  await shot('01-okr-file.png');

  // Problems panel (Ctrl+Shift+M).
  await page.keyboard.press('Control+Shift+M');
  await visible(page, '.markers-panel', 'the Problems panel');
  const rows = await page.locator('.markers-panel .monaco-list-row').count();
  ctx.say(`Problems panel open, ${rows} row(s)`);
  await shot('02-problems-panel.png');
}
