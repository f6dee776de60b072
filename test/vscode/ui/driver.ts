// UI pass, run by code-server-shim (--ui-driver) in its own process against the live workbench
// page with examples/ open. Bundled to out/vscode-ui/driver.js by test/vscode/ui.ts, which also
// writes the expectations file (OKR_VSCODE_UI_EXPECT): what the CLI says about examples/ for the
// same date (OKR_TODAY), so the figures in the UI are checked against an independent computation.
//
// Steps, in this order, each ending in a screenshot in OKR_VSCODE_SCREENSHOTS (FAILED.png on failure):
//   01 an .okr file open, language mode "OKR"
//   03 the OKRs view: every team with the CLI's score and status, one objective expanded to its KRs
//      with theirs
//   -- another .okr file: warning squiggles; the status bar item shows the file's score and status
//   04 hover on a metric key result: "Progress" and its arithmetic "(a - b) / (c - d)"
//   05 hover on a vague key result: "not measurable" (diagnostic and score card) and the rule id
//   11 the code lens over a key result ("N code references · M issues") opens them in a peek
//   07 the Problems panel: exactly the CLI's problems for that file, by rule and position; picking
//      one scrolls the editor to its squiggle
//   06 the walkthrough, full width: its title and every step title on screen, the first step's media
//      rendered
//   08 the progress panel from the command palette, full width: every team and the expanded
//      objective's key results with the CLI's scores and statuses, sparklines drawn; 09 the same in
//      the Dark Modern theme; then its Check in button prompts for a value and a click on a key
//      result opens the file beside it at that key result (10: the panel's narrow layout)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { settled, texts, TIMEOUT, until, visible, type Page } from './page';
import { treeRows, treeRowText, whatIsShown, type Shown } from './shown';

interface Context {
  say(msg: string): void;
  folder?: string;
}

/** Written by test/vscode/ui.ts. Paths are relative to the workspace folder. */
export interface Expectations {
  today: string;
  files: { path: string; team: string; score: number | null; status: string }[];
  tree: { objective: string; keyResults: { title: string; kind: string; score: number | null; expectedScore: number; status: string }[] };
  /** Every file (by team), objective and key result title with the CLI's score and status. */
  scores: { title: string; score: number | null; status: string }[];
  editor: {
    path: string;
    score: number;
    status: string;
    metricTitle: string; // a metric key result's title: its hover shows the arithmetic
    vagueTitle: string; // a kr-not-measurable key result's title
  };
  problems: { rule: string; line: number; column: number }[]; // of editor.path, 1-based
  walkthrough: { title: string; steps: string[]; media: string }; // media: first step's markdown heading
}

const STATUS = /(on track|at risk|off track|done)/;
const SCORE_STATUS = new RegExp(`(\\d\\.\\d\\d) · ${STATUS.source}`);
// "(1.2 - 2.4) / (0.5 - 2.4)": the hover writes an ASCII minus, the tree's tooltip U+2212.
const ARITHMETIC = /\([^()]+ [−-] [^()]+\) \/ \([^()]+ [−-] [^()]+\)/;
const label = (status: string) => status.replace(/-/g, ' ');
const fmt = (score: number) => score.toFixed(2);

export async function run(page: Page, ctx: Context): Promise<void> {
  const shots = process.env.OKR_VSCODE_SCREENSHOTS;
  const expectFile = process.env.OKR_VSCODE_UI_EXPECT;
  if (!shots || !expectFile) throw new Error('OKR_VSCODE_UI_EXPECT and OKR_VSCODE_SCREENSHOTS must be set (run test/vscode/ui.ts)');
  const exp = JSON.parse(fs.readFileSync(expectFile, 'utf8')) as Expectations;
  fs.mkdirSync(shots, { recursive: true });
  for (const f of fs.readdirSync(shots)) if (f.endsWith('.png')) fs.rmSync(path.join(shots, f));
  // What each screenshot shows, as text (test/vscode/ui/shown.ts): ui.ts compares the README's.
  const shown: Record<string, Shown> = {};
  const shot = async (name: string): Promise<void> => {
    const p = path.join(shots, name);
    await page.screenshot({ path: p });
    if (name !== 'FAILED.png') shown[name] = await whatIsShown(page);
    ctx.say(`screenshot ${path.relative(process.cwd(), p)}`);
  };
  const t0 = Date.now();
  const step = (msg: string) => ctx.say(`[${((Date.now() - t0) / 1000).toFixed(1)} s] ${msg}`);
  try {
    if (!ctx.folder) throw new Error('the shim opened no workspace folder');
    await steps(page, ctx.folder, exp, shot, step);
    fs.writeFileSync(path.join(shots, 'shown.json'), JSON.stringify(shown, null, 2) + '\n');
  } catch (e) {
    await shot('FAILED.png').catch(() => {});
    throw e;
  }
}

async function steps(page: Page, folder: string, exp: Expectations, shot: (name: string) => Promise<void>, say: (msg: string) => void): Promise<void> {
  await visible(page, '.monaco-workbench .part.statusbar', 'the workbench');
  await visible(page, '.explorer-folders-view .monaco-list-row', 'the explorer to list the workspace');

  // ------------------------------------------------------------ 01: an .okr file, language mode
  await openFile(page, folder, exp.files[0]!.path);
  await until(
    'the language mode status bar item to show "OKR"',
    async () => ((await page.locator('[id="status.editor.mode"]').first().innerText()).trim() === 'OKR' ? true : undefined),
    async () => `"${(await page.locator('[id="status.editor.mode"]').first().innerText()).trim()}"`,
  );
  say('language mode: OKR');
  await shot('01-okr-file.png');

  // ------------------------------------------------------------ 03: the OKRs view
  await visible(page, '.part.activitybar [aria-label^="OKRs"]', 'the OKRs icon in the activity bar');
  await page.locator('.part.activitybar .action-item [aria-label^="OKRs"]').first().click();
  await widenSideBar(page, 560); // room for the objectives' titles and scores
  const rowsSel = '.part.sidebar [id="workbench.view.extension.okr"] .monaco-list-row';
  // "label description" per row (innerText runs the two together).
  const rowTexts = () =>
    page.evaluate(
      (sel) =>
        Array.from(document.querySelectorAll(sel)).map((row) =>
          Array.from(row.querySelectorAll('.label-name, .label-description'))
            .map((e) => (e.textContent ?? '').trim())
            .join(' '),
        ),
      rowsSel,
    );
  const teams = await until(
    `the Objectives tree to list ${exp.files.map((f) => `"${f.team} ${f.score === null ? '' : fmt(f.score)} · ${label(f.status)}"`).join(', ')}`,
    async () => {
      const rows = await rowTexts();
      const found = exp.files.map((f) => rows.find((r) => r.startsWith(`${f.team} `)));
      if (found.some((r) => r === undefined)) return undefined;
      for (const [i, f] of exp.files.entries()) {
        const m = SCORE_STATUS.exec(found[i]!);
        if (!m || f.score === null || m[1] !== fmt(f.score) || m[2] !== label(f.status)) return undefined;
      }
      return found as string[];
    },
    async () => JSON.stringify(await rowTexts()),
  );
  say(`tree teams: ${teams.join(' | ')}`);

  // Expand one objective (its twistie: a click on the row itself would reveal it in the file).
  const objRow = page.locator(rowsSel, { hasText: exp.tree.objective }).first();
  if ((await objRow.getAttribute('aria-expanded')) !== 'true') await objRow.locator('.monaco-tl-twistie').click();
  const krRows = await until(
    `the key results of "${exp.tree.objective}" in the tree`,
    async () => {
      if ((await objRow.getAttribute('aria-expanded')) !== 'true') return undefined;
      const rows = await rowTexts();
      const found = exp.tree.keyResults.map((kr) => rows.find((r) => r.startsWith(kr.title)));
      if (found.some((r) => r === undefined)) return undefined;
      for (const [i, kr] of exp.tree.keyResults.entries()) {
        if (kr.score === null) continue; // drafts: "no score"
        const m = SCORE_STATUS.exec(found[i]!);
        if (!m || m[1] !== fmt(kr.score) || m[2] !== label(kr.status)) return undefined;
      }
      return found as string[];
    },
    async () => JSON.stringify(await rowTexts()),
  );
  say(`expanded "${exp.tree.objective}": ${krRows.join(' | ')}`);
  // Every row on screen reads as the CLI says (title, score, status), and no status borrows a
  // diagnostic's icon: warning and error icons belong to the Problems panel.
  const rows = await treeRows(page);
  const wrong: string[] = [];
  for (const r of rows) {
    if (/^\d{4}(-[QH]\d|-\d\d)?$/.test(r.label)) continue; // a period group
    const m = SCORE_STATUS.exec(r.description) ?? (r.description === 'no score' ? ['', '', 'no score'] : undefined);
    const cli = exp.scores.find((e) => e.title === r.label);
    if (!m || !cli) wrong.push(`${treeRowText(r)}: ${!cli ? 'not a title the CLI knows' : 'no "score · status" description'}`);
    else if (m[2] !== label(cli.status) || (m[1] && cli.score !== null && m[1] !== fmt(cli.score))) wrong.push(`${treeRowText(r)}: the CLI says ${cli.score === null ? '–' : fmt(cli.score)} · ${label(cli.status)}`);
    if (['warning', 'error', 'info'].includes(r.icon)) wrong.push(`${treeRowText(r)}: a diagnostic's icon for a status`);
  }
  if (wrong.length) throw new Error(`the Objectives tree differs from okr score:\n  ${wrong.join('\n  ')}`);
  say(`tree: ${rows.length} rows match okr score; icons ${[...new Set(rows.map((r) => r.icon))].join(', ')}`);
  await page.mouse.move(640, 790); // no tooltip over the tree in the picture
  await shot('03-tree.png');

  // ------------------------------------------------------------ 04, 05: squiggles, hovers, status bar
  await openFile(page, folder, exp.editor.path);
  const editor = '.editor-instance .monaco-editor';
  const squiggles = await until(
    'warning squiggles in the editor',
    async () => {
      const n = await page.locator(`${editor} .squiggly-warning`).count();
      return n > 0 ? n : undefined;
    },
  );
  say(`${squiggles} warning squiggle(s) in ${exp.editor.path}`);

  const want = `${fmt(exp.editor.score)} · ${label(exp.editor.status)}`;
  const statusItem = page.locator('.part.statusbar [id$="okr.score"]').first();
  const statusText = await until(
    `the OKR score status bar item to show "${want}"`,
    async () => {
      const t = (await statusItem.innerText()).trim();
      const m = SCORE_STATUS.exec(t);
      return m && m[0] === want && m[2] !== 'done' ? t : undefined;
    },
    async () => `"${(await statusItem.innerText()).trim()}"`,
  );
  say(`status bar: ${statusText}`);

  const hover = await hoverOver(page, exp.editor.metricTitle, (t) => t.includes('Progress') && ARITHMETIC.test(t), 'Progress and "(… − …) / (… − …)"');
  say(`hover on "${exp.editor.metricTitle}": ${/Progress[^\n]*/.exec(hover)![0]}`);
  await shot('04-hover.png');

  const vague = await hoverOver(page, exp.editor.vagueTitle, (t) => /not measurable/.test(t) && t.includes('kr-not-measurable'), '"not measurable" and "kr-not-measurable"');
  say(`hover on "${exp.editor.vagueTitle}": ${/[^\n]*not measurable[^\n]*/.exec(vague)![0].slice(0, 100)}…`);
  await shot('05-vague-hover.png');
  await page.keyboard.press('Escape');
  await page.locator('.monaco-hover', { hasText: 'not measurable' }).first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});

  // ------------------------------------------------------------ 11: from a key result to its code
  // The code lens over a key result counts its tags, linked code and issues; a click peeks at them.
  const lens = page.locator(`${editor} .codelens-decoration a`, { hasText: /[1-9]\d* code references? · [1-9]\d* issues?/ }).first();
  const lensText = await until('a code lens "N code references · M issues" over a key result', async () => ((await lens.count()) ? (await lens.innerText()).trim() : undefined));
  say(`code lens: ${lensText}`);
  await lens.click();
  await visible(page, '.peekview-widget', "the peek of the key result's code and issues");
  await until('the peek to list the tagged source file retry.ts', async () => ((await page.locator('.peekview-widget').first().innerText()).includes('retry.ts') ? true : undefined));
  await shot('11-code-lens.png');
  await page.keyboard.press('Escape');
  await page.locator('.peekview-widget').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => {});

  // ------------------------------------------------------------ 07: the Problems panel
  await page.keyboard.press('Control+Shift+M');
  await visible(page, '.markers-panel', 'the Problems panel');
  // The server publishes the problems of every .okr file, open or not: show this file's only (a
  // glob in the panel's filter), or its rows may be scrolled out of the virtual list.
  const filter = await visible(page, '.part.panel .viewpane-filter input', "the Problems panel's filter box");
  await filter.click();
  await page.keyboard.type(`**/${exp.editor.path}`);
  const base = path.basename(exp.editor.path);
  const markerRows = () => texts(page, '.markers-panel .monaco-list-row');
  const problems = await until(
    `the Problems panel to list ${exp.problems.length} problem(s) of ${base}: ${exp.problems.map((p) => `${p.rule} [Ln ${p.line}, Col ${p.column}]`).join(', ')}`,
    async () => {
      const rows = await markerRows();
      // Rows from the file's header ("web-experience.okr", its folder, the count) to the next header.
      const start = rows.findIndex((r) => r.startsWith(base) && !/\[Ln \d+/.test(r));
      if (start < 0) return undefined;
      const mine: string[] = [];
      for (const r of rows.slice(start + 1)) {
        if (!/\[Ln \d+, Col \d+\]/.test(r)) break;
        mine.push(r);
      }
      if (mine.length !== exp.problems.length) return undefined;
      const ok = exp.problems.every((p) => mine.some((r) => r.includes(p.rule) && r.includes(`[Ln ${p.line}, Col ${p.column}]`)));
      return ok ? mine : undefined;
    },
    async () => JSON.stringify(await markerRows()),
  );
  say(`Problems panel, ${base}: ${problems.length} row(s), e.g. ${problems[0]}`);
  // Pick the vague key result's problem: the editor scrolls to it, its squiggle in view.
  const vagueProblem = exp.problems.find((p) => p.rule === 'kr-not-measurable') ?? exp.problems[0]!;
  const at = `Ln ${vagueProblem.line}, Col ${vagueProblem.column}`;
  await page.locator('.markers-panel .monaco-list-row', { hasText: `[${at}]` }).first().click();
  const cursor = page.locator('[id="status.editor.selection"]').first();
  await until(
    `the cursor on line ${vagueProblem.line} after picking that problem`,
    // The problem's range gets selected: "Ln 31, Col 46 (30 selected)".
    async () => ((await cursor.innerText()).includes(`Ln ${vagueProblem.line}, `) ? true : undefined),
    async () => `"${(await cursor.innerText()).trim()}"`,
  );
  await onScreen(page, `${editor} .squiggly-warning`, 'a squiggle in the editor above the Problems panel');
  await page.mouse.move(640, 790);
  await shot('07-problems-panel.png');

  // ------------------------------------------------------------ 06: the walkthrough
  // Full width, no panel: the walkthrough's steps and its media side by side.
  await page.keyboard.press('Control+J');
  await page.locator('.markers-panel').first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  await page.keyboard.press('Control+B');
  await page.locator('.part.sidebar').first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  await runCommand(page, 'Welcome: Open Walkthrough');
  await visible(page, '.quick-input-widget .monaco-list-row', `"${exp.walkthrough.title}" among the walkthroughs`, exp.walkthrough.title);
  await page.keyboard.type(exp.walkthrough.title);
  await visible(page, '.quick-input-widget .monaco-list-row.focused', `"${exp.walkthrough.title}" picked`, exp.walkthrough.title);
  await page.keyboard.press('Enter');
  const wt = '.gettingStartedContainer .gettingStartedSlideDetails';
  const titleSel = `${wt} .category-title`;
  const stepSel = `${wt} .getting-started-step .step-title`;
  // Text actually on screen: the element (or its child) is what the browser hits at its centre.
  const shownTexts = (sel: string) =>
    page.evaluate(
      (s) =>
        Array.from(document.querySelectorAll(s)).map((el) => {
          const r = el.getBoundingClientRect();
          const hit = document.elementFromPoint(r.x + Math.min(r.width / 2, 20), r.y + r.height / 2);
          const text = (el.textContent ?? '').trim();
          return hit && el.contains(hit) && r.bottom <= window.innerHeight ? text : `(hidden) ${text}`;
        }),
      sel,
    );
  const shown = await until(
    `the walkthrough "${exp.walkthrough.title}" on screen with its steps ${exp.walkthrough.steps.map((s) => `"${s}"`).join(', ')}`,
    async () => {
      const title = (await shownTexts(titleSel))[0];
      const steps = await shownTexts(stepSel);
      if (title !== exp.walkthrough.title) return undefined;
      if (steps.length !== exp.walkthrough.steps.length || exp.walkthrough.steps.some((s, i) => steps[i] !== s)) return undefined;
      return { title, steps };
    },
    async () => JSON.stringify({ title: await shownTexts(titleSel), steps: await shownTexts(stepSel) }),
  );
  // The open step's media: its markdown rendered in a webview (nested iframes).
  await until(`the first step's media "${exp.walkthrough.media}" rendered beside the steps`, async () => {
    for (const frame of page.frames()) {
      const h = frame.locator('h1', { hasText: exp.walkthrough.media }).first();
      if ((await h.count()) > 0 && (await h.isVisible())) return true;
    }
    return undefined;
  });
  await settled(page.locator(wt).first(), 'the walkthrough');
  // Nothing clipped: no title cut with an ellipsis, no line of the media running past its box.
  const clipped: string[] = await page.evaluate(
    (sel) =>
      Array.from(document.querySelectorAll(`${sel} .category-title, ${sel} .category-description, ${sel} .step-title, ${sel} .step-description`))
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => `"${(e.textContent ?? '').trim()}" (${e.scrollWidth}×${e.scrollHeight} in ${e.clientWidth}×${e.clientHeight})`),
    wt,
  );
  for (const frame of page.frames()) {
    if ((await frame.locator('h1', { hasText: exp.walkthrough.media }).count()) === 0) continue;
    clipped.push(
      ...(await frame.locator('pre, code, p, li, h1, h2').evaluateAll((els) =>
        els
          .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).display !== 'inline')
          .map((e) => `media: "${(e.textContent ?? '').trim().slice(0, 80)}" (${e.scrollWidth} px in ${e.clientWidth} px)`),
      )),
    );
  }
  if (clipped.length) throw new Error(`the walkthrough clips text:\n  ${clipped.join('\n  ')}`);
  say(`walkthrough "${shown.title}": ${shown.steps.map((s) => `"${s}"`).join(', ')}; media "${exp.walkthrough.media}" shown`);
  await shot('06-walkthrough.png');

  // ------------------------------------------------------------ 08: the progress panel
  // From the command palette, full width: every team with the CLI's score and status, the expanded
  // objective's key results with theirs, bars and sparklines drawn by the page under its CSP.
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'OKR: Show Progress Panel');
  await visible(page, '.tabs-container .tab.active', 'the "OKR Progress" editor tab', 'OKR Progress');
  const panelFrame = await until('the progress panel page in a webview frame', async () => {
    for (const frame of page.frames()) if ((await frame.locator('.file-head').count()) > 0) return frame;
    return undefined;
  });
  const panelRows = () =>
    panelFrame.locator('.row').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('h2, h3, .kr-title')?.textContent ?? '', r.querySelector('.score')?.textContent ?? '', r.querySelector('.status')?.textContent ?? ''].join(' | ')),
    );
  const panelShown = await until(
    `the panel to list ${exp.files.map((f) => `"${f.team}"`).join(', ')} and the key results of "${exp.tree.objective}" with the CLI's scores and statuses`,
    async () => {
      const rows = await panelRows();
      const want = [
        ...exp.files.map((f) => `${f.team} | ${f.score === null ? '–' : fmt(f.score)} | ${label(f.status)}`),
        ...exp.tree.keyResults.map((k) => `${k.title} | ${k.score === null ? '–' : fmt(k.score)} | ${label(k.status)}`),
      ];
      return want.every((w) => rows.includes(w)) ? rows : undefined;
    },
    async () => JSON.stringify(await panelRows()),
  );
  // Each judged key result shows the expected score its status was judged against (the CLI's).
  const expectedShown = await panelFrame.locator('.row.kr').evaluateAll((rows) =>
    rows.map((r) => [r.querySelector('.kr-title')?.textContent ?? '', r.querySelector('.expected-text')?.textContent ?? ''] as [string, string]),
  );
  for (const k of exp.tree.keyResults) {
    const want = k.kind === 'metric' || k.kind === 'milestone' ? `expected ${fmt(k.expectedScore)}` : '';
    const got = expectedShown.find(([t]) => t === k.title)?.[1];
    if (got !== want) throw new Error(`the panel shows "${got}" as the expected score of "${k.title}", the CLI says "${want}"`);
  }
  const sparklines = await panelFrame.locator('svg.trend[role="img"]').count();
  if (sparklines === 0) throw new Error('the progress panel drew no sparkline');
  say(`progress panel: ${panelShown.length} rows, ${sparklines} sparklines`);
  await page.mouse.move(640, 790);
  await settled(panelFrame.locator('.file').first(), 'the progress panel');
  // Row actions show on the row under the mouse or holding the focus, not on every row.
  const shownButtons = await until(
    'the Check in buttons hidden on rows without the mouse or the focus',
    async () => {
      const n = await panelFrame.locator('.row.kr button').evaluateAll((bs) => bs.filter((b) => getComputedStyle(b.closest('.kr-actions')!).opacity !== '0').length);
      return n <= 1 ? n : undefined; // 1: the row holding the focus, if any
    },
  );
  say(`progress panel: ${shownButtons} Check in buttons shown without hover or focus`);
  await shot('08-progress.png');

  // The same panel in a dark theme (not in the README: a check that it reads there too).
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await visible(page, '.quick-input-widget .quick-input-box input', 'the color theme picker');
  await page.keyboard.type('Dark Modern');
  await visible(page, '.quick-input-widget .monaco-list-row.focused', 'the Dark Modern theme picked', 'Dark Modern');
  await page.keyboard.press('Enter');
  await until('the workbench in a dark theme', () => page.evaluate(() => (document.querySelector('.monaco-workbench')?.classList.contains('vs-dark') ? true : undefined), undefined));
  await settled(panelFrame.locator('.file').first(), 'the progress panel');
  await shot('09-progress-dark.png');

  // The panel's page talks to the extension: Check in asks for the value (cancelled here), and a
  // click on a key result opens its file beside the panel with the cursor on it.
  const metricRow = panelFrame.locator('.row.kr', { hasText: exp.editor.metricTitle }).first();
  await metricRow.locator('button').click();
  await visible(page, '.quick-input-widget .quick-input-title', 'the check-in prompt opened from the panel', `Check in: ${exp.editor.metricTitle}`);
  await page.keyboard.press('Escape');
  await page.locator('.quick-input-widget').first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  const lines = fs.readFileSync(path.join(folder, exp.editor.path), 'utf8').split('\n');
  const titleLine = lines.findIndex((l) => l.includes(`title: ${exp.editor.metricTitle}`));
  let itemLine = titleLine;
  while (itemLine > 0 && !/^\s*- /.test(lines[itemLine]!)) itemLine--;
  await metricRow.locator('.kr-title').click();
  await visible(page, '.tabs-container .tab.active', `the editor tab of ${exp.editor.path} opened from the panel`, path.basename(exp.editor.path));
  const cursorItem = page.locator('[id="status.editor.selection"]').first();
  await until(
    `the cursor on line ${itemLine + 1} (the key result "${exp.editor.metricTitle}")`,
    async () => ((await cursorItem.innerText()).includes(`Ln ${itemLine + 1}, `) ? true : undefined),
    async () => `"${(await cursorItem.innerText()).trim()}"`,
  );
  // Each editor group has its own active tab: the panel is still shown, in the other group.
  await visible(page, '.tabs-container .tab.active', 'the panel still shown beside the file', 'OKR Progress');
  await page.mouse.move(640, 790);
  await settled(panelFrame.locator('.file').first(), 'the progress panel beside the file');
  await shot('10-progress-beside.png');
  say(`progress panel: Check in prompted for "${exp.editor.metricTitle}"; a click revealed it at line ${itemLine + 1}`);

  // ------------------------------------------------------------ 11: the organisation map
  // From the command palette, on examples/: the company's objectives with the team objectives aligned
  // to them below, each with the CLI's score (the map computes none of its own).
  await runCommand(page, 'View: Close All Editors');
  await runCommand(page, 'OKR: Show Organisation Map');
  await visible(page, '.tabs-container .tab.active', 'the "OKR Organisation" editor tab', 'OKR Organisation');
  const orgFrame = await until('the organisation map page in a webview frame', async () => {
    for (const frame of page.frames()) if ((await frame.locator('.tree .row-objective').count()) > 0) return frame;
    return undefined;
  });
  const orgRows = () =>
    orgFrame.locator('.tree .row-objective').evaluateAll((rows) => rows.map((r) => [r.querySelector('.title')?.textContent ?? '', r.querySelector('.score')?.textContent ?? ''] as [string, string]));
  const objectiveScores = new Map(exp.scores.map((x) => [x.title, x.score === null ? '–' : fmt(x.score)]));
  const orgShown = await until(
    'the map to show the objectives of examples/, nested under the company, with the CLI\'s scores',
    async () => {
      const rows = await orgRows();
      const known = rows.filter(([t]) => objectiveScores.has(t));
      // The company objectives and at least one team objective aligned to them (open by default).
      return known.length >= 3 && known.every(([t, sc]) => objectiveScores.get(t) === sc) ? rows : undefined;
    },
    async () => JSON.stringify(await orgRows()),
  );
  await page.mouse.move(640, 790);
  await settled(orgFrame.locator('.tree').first(), 'the organisation map');
  await shot('11-organisation.png');
  say(`organisation map: ${orgShown.length} objective rows, each with the CLI's score`);
}

/** Waits until an element matching `selector` is on screen (inside the viewport, not covered). */
async function onScreen(page: Page, selector: string, what: string): Promise<void> {
  await until(what, () =>
    page.evaluate((sel) => {
      for (const el of Array.from(document.querySelectorAll(sel))) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.bottom > window.innerHeight || r.top < 0) continue;
        const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        // Squiggles sit in an overlay layer under the text: accept a hit in the same editor.
        if (hit && (el.contains(hit) || el.closest('.monaco-editor')?.contains(hit))) return true;
      }
      return undefined;
    }, selector),
  );
}

/**
 * Quick Open (Ctrl+P), type the file's absolute path, Enter; waits for its editor tab to be the
 * active one. An absolute path is found at once, without waiting for the file search (which takes
 * seconds on a busy machine).
 */
async function openFile(page: Page, folder: string, rel: string): Promise<void> {
  const base = path.basename(rel);
  await page.keyboard.press('Control+P');
  await visible(page, '.quick-input-widget .quick-input-box input', 'the Quick Open box');
  await page.keyboard.type(path.join(folder, rel));
  await visible(page, '.quick-input-widget .monaco-list-row.focused', `Quick Open to find ${rel}`, base);
  await page.keyboard.press('Enter');
  await visible(page, '.tabs-container .tab.active', `the editor tab of ${rel}`, base);
  await visible(page, '.editor-instance .monaco-editor .view-lines', `the editor for ${rel}`);
}

/** Drags the sash between the side bar and the editor so the side bar is about `width` px wide. */
async function widenSideBar(page: Page, width: number): Promise<void> {
  const sidebar = page.locator('.part.sidebar').first();
  const box = await until('the side bar to be laid out', async () => (await sidebar.boundingBox()) ?? undefined);
  if (box.width >= width) return;
  const sash = page.locator('.monaco-sash.vertical', { hasText: '' });
  // The sash on the side bar's right edge: the vertical one whose centre is nearest to it.
  const edge = box.x + box.width;
  let best: { x: number; y: number } | undefined;
  for (let i = 0; i < (await sash.count()); i++) {
    const b = await sash.nth(i).boundingBox();
    if (!b || b.height < box.height / 2) continue;
    const x = b.x + b.width / 2;
    if (!best || Math.abs(x - edge) < Math.abs(best.x - edge)) best = { x, y: box.y + box.height / 2 };
  }
  if (!best || Math.abs(best.x - edge) > 10) throw new Error(`no sash found on the side bar's edge at x=${edge}`);
  await page.mouse.move(best.x, best.y);
  await page.mouse.down();
  await page.mouse.move(best.x + (width - box.width), best.y, { steps: 5 });
  await page.mouse.up();
  await until(
    `the side bar to be ${width} px wide`,
    async () => ((await sidebar.boundingBox())!.width >= width - 20 ? true : undefined),
    async () => `${(await sidebar.boundingBox())?.width} px`,
  );
}

/** Runs a command through the command palette (F1), picking the row whose label is `title`. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await visible(page, '.quick-input-widget .quick-input-box input', 'the command palette');
  await page.keyboard.type(title);
  await visible(page, '.quick-input-widget .monaco-list-row.focused', `the command "${title}"`, title);
  await page.keyboard.press('Enter');
}

/**
 * Moves the mouse onto the middle of `text` in the active editor and waits for a hover widget whose
 * text passes `ok`; returns that text. The widget must be fully shown (not fading in) before the
 * screenshot that follows.
 */
async function hoverOver(page: Page, text: string, ok: (t: string) => boolean, what: string): Promise<string> {
  // Where the text is now: a code lens that arrives late moves the lines below it down a row.
  const locate = () =>
    page.evaluate((needle) => {
      const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line');
      for (const line of Array.from(lines)) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        // Monaco renders spaces as U+00A0.
        const full = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        const at = full.indexOf(needle);
        if (at < 0) continue;
        const target = at + Math.floor(needle.length / 2);
        let seen = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const len = n.textContent?.length ?? 0;
          if (seen + len > target) {
            const range = document.createRange();
            range.setStart(n, target - seen);
            range.setEnd(n, target - seen + 1);
            const r = range.getBoundingClientRect();
            return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
          }
          seen += len;
        }
      }
      return undefined;
    }, text);
  let point = await until(`"${text}" on screen in the editor`, locate);
  const hoverSel = '.monaco-editor .monaco-hover:not(.hidden)';
  const read = async () => (await page.locator(hoverSel).first().innerText()).replace(/\u00a0/g, ' ');
  let moves = 0;
  const content = await until(
    `a hover on "${text}" with ${what}`,
    async () => {
      // Re-enter the word every ~2 s, where it is now, in case the first move landed before the
      // editor listened or the line moved since.
      if (moves++ % 20 === 0) {
        point = (await locate()) ?? point;
        await page.mouse.move(point.x - 20, point.y);
        await page.mouse.move(point.x, point.y, { steps: 4 });
      }
      const loc = page.locator(hoverSel).first();
      if (!(await loc.isVisible())) return undefined;
      const t = await read();
      return ok(t) ? t : undefined;
    },
    async () => JSON.stringify(await read()),
  );
  await settled(page.locator(hoverSel).first(), 'the hover');
  return content;
}
