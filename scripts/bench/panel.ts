// The organisation map scenario of `npm run bench` (BENCH_PANEL=1): the 2,000-file organisation
// workspace's model (as the language server builds it, through node/file-model.ts) turned into the
// organisation view, posted to the organisation panel's page in headless Chromium, until the first
// paint; then a search typed and a company objective with 500 aligned teams opened, each until its
// draw is painted. Needs playwright-core (test/vscode/setup-tools.sh; OKR_TOOLS_DIR) and Chromium.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { panelHtml } from '../../client/src/panel/html';
import { loadWorkspace } from '../../server/src/cli/load-workspace';
import { buildFileModel } from '../../server/src/node/file-model';
import { buildOrgView } from '../../server/src/shared/org/view';
import type { WorkspaceModel } from '../../server/src/shared/protocol';
import type { OrgLine } from './org';
import { ORG, writeOrgWorkspace } from './workspace';

export const PANEL_BUDGETS = { firstPaint: 1000, interaction: 100 };

const ORIGIN = 'https://okr-bench-panel.test';

interface PageLike {
  route(url: string, handler: (route: { request(): { url(): string }; fulfill(r: { status?: number; contentType: string; body: string }): Promise<void> }) => unknown): Promise<void>;
  addInitScript(script: { content: string }): Promise<void>;
  goto(url: string): Promise<unknown>;
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
  waitForFunction(fn: () => unknown, arg?: unknown, options?: { timeout?: number }): Promise<unknown>;
}
interface BrowserLike {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<PageLike>;
  close(): Promise<void>;
}

export async function measurePanel(dir: string, repo: string, today: string): Promise<{ lines: OrgLine[]; objectives: number; viewMb: number } | { skipped: string }> {
  const tools = path.resolve(process.env.OKR_TOOLS_DIR || path.join(repo, '.tools'));
  const playwright = path.join(tools, 'node_modules', 'playwright-core');
  const chromiumPath = process.env.OKR_CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(path.join(playwright, 'package.json')) || !fs.existsSync(chromiumPath)) return { skipped: `playwright-core (${playwright}) or Chromium (${chromiumPath}) is missing` };

  const ws = writeOrgWorkspace(path.join(dir, 'panel'), { ...ORG, sourceFiles: 0 });
  const loaded = loadWorkspace({ paths: [ws.root], cwd: ws.root });
  const model: WorkspaceModel = {
    today,
    files: loaded.reported.map((f) => buildFileModel({ index: loaded.index, config: loaded.config, rootPath: loaded.root, path: f.abs, doc: f.doc, today, diagnostics: [] })),
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require(playwright) as { chromium: { launch(o: object): Promise<BrowserLike> } };
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-bench-chromium-'));
  const browser = await chromium.launch({ executablePath: chromiumPath, env: { ...process.env, HOME: home }, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    // The panel's host: messages the page posts are kept; each paint after a draw is stamped.
    await page.addInitScript({
      content: `
        window.__drawn = [];
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => { if (m.type === 'rendered') requestAnimationFrame(() => requestAnimationFrame(() => window.__drawn.push({ at: performance.now(), rows: m.rows }))); },
          getState: () => undefined, setState: () => {},
        });
      `,
    });
    const html = panelHtml({ cspSource: ORIGIN, nonce: randomBytes(18).toString('base64'), scriptUri: `${ORIGIN}/org.js`, styleUri: `${ORIGIN}/org.css`, title: 'OKR Organisation' });
    await page.route(`${ORIGIN}/**`, (route) => {
      const p = new URL(route.request().url()).pathname;
      if (p === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
      if (p === '/org.js') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(path.join(repo, 'dist', 'webview', 'org.js'), 'utf8') });
      if (p === '/org.css') return route.fulfill({ contentType: 'text/css', body: fs.readFileSync(path.join(repo, 'media', 'org', 'org.css'), 'utf8') });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: '' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await page.waitForFunction(() => document.querySelector('.tree') !== null);

    const paints = () => page.evaluate(() => (window as unknown as { __drawn: unknown[] }).__drawn.length);
    const nextPaint = async (n: number) => {
      await page.waitForFunction(new Function(`return window.__drawn.length > ${n}`) as () => boolean, undefined, { timeout: 60_000 });
      return page.evaluate((i) => (window as unknown as { __drawn: Array<{ at: number }> }).__drawn[i]!.at, n);
    };

    // Model -> first paint: the host's buildOrgView and the structured clone of postMessage are in it
    // (the view is serialised here as the extension host serialises it for the webview).
    const firstPaints: number[] = [];
    let viewBytes = 0;
    let objectives = 0;
    for (let rep = 0; rep < 3; rep++) {
      const n = await paints();
      const t0 = performance.now();
      const view = buildOrgView(model);
      const json = JSON.stringify(view);
      const built = performance.now() - t0;
      viewBytes = Buffer.byteLength(json);
      objectives = view.objectives.length;
      // The text reaches the page before the clock starts: Playwright's transfer of 12 MB is the
      // harness's cost, not the panel's (VS Code hands the webview the string the extension posts).
      await page.evaluate((text) => ((window as unknown as { __json: string }).__json = text), json);
      const start = await page.evaluate(() => {
        const t = performance.now();
        window.postMessage({ type: 'org', revision: 1, json: (window as unknown as { __json: string }).__json }, '*');
        return t;
      });
      const painted = await nextPaint(n);
      firstPaints.push(built + (painted - start));
    }

    const interact = async (action: string) => {
      const n = await paints();
      const start = await page.evaluate(() => performance.now());
      await page.evaluate(new Function(action) as () => void);
      return (await nextPaint(n)) - start;
    };
    const search = await interact(`const s = document.querySelector('input.search'); s.value = 'checkout'; s.dispatchEvent(new Event('input'));`);
    await interact(`const s = document.querySelector('input.search'); s.value = ''; s.dispatchEvent(new Event('input'));`);
    const expand = await interact(`document.querySelector('[data-key="company#quality"]').click();`);
    const trend = await interact(`document.querySelector('.row-kr').click();`);
    const sorted = await interact(`const s = document.querySelector('select[name="sort"]'); s.value = 'risk'; s.dispatchEvent(new Event('change'));`);
    const median = [...firstPaints].sort((a, b) => a - b)[1]!;
    return {
      objectives,
      viewMb: viewBytes / 1024 ** 2,
      lines: [
        { what: `organisation map: model to first paint (${model.files.length.toLocaleString('en-US')} files)`, value: median, unit: 'ms', budget: PANEL_BUDGETS.firstPaint, note: `buildOrgView and serialising ${(viewBytes / 1024 ** 2).toFixed(1)} MB in the host; parsing, validating, drawing and painting in the page; median of 3` },
        { what: 'organisation map: search typed to paint', value: search, unit: 'ms', budget: PANEL_BUDGETS.interaction, note: `${objectives.toLocaleString('en-US')} objectives and their key results searched` },
        { what: 'organisation map: open a company objective to paint', value: expand, unit: 'ms', budget: PANEL_BUDGETS.interaction, note: 'its 2,000 aligned team objectives: one page of 200 rows drawn' },
        { what: 'organisation map: open a trend to paint', value: trend, unit: 'ms', budget: PANEL_BUDGETS.interaction },
        { what: 'organisation map: sort by risk to paint', value: sorted, unit: 'ms', budget: PANEL_BUDGETS.interaction },
      ],
    };
  } finally {
    await browser.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
