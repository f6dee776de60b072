// The organisation map in headless Chromium, in both of its hosts: the self-contained HTML report
// (`orgReportHtml`, as `okr report --format html` writes it) and the organisation panel's page (the
// panel shell under its nonce CSP with a stub acquireVsCodeApi). DOM checks of the map, trends,
// filters and the saved state; a hostile organisation (titles that are HTML or script, 5,000-character
// titles, 2,000 files) drawn as text with no script run and no CSP violation; screenshots in light,
// dark and high-contrast themes written to test-results/webview/ (gitignored). Requests go to made-up
// origins answered by Playwright's router: nothing reaches a network. Waits on the page's own
// signals, never on sleeps. Skipped without playwright-core in .tools/ and Chromium, like panel.test.ts.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { panelHtml } from '../../client/src/panel/html';
import { readReportAssets } from '../../server/src/node/report-assets';
import { orgReportHtml } from '../../server/src/shared/org/report-html';
import { buildOrgView, type OrgView } from '../../server/src/shared/org/view';
import type { WorkspaceModel } from '../../server/src/shared/protocol';
import { file, kr, objective } from '../unit/client/fixtures';
import { orgModel } from '../unit/org/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.resolve(process.env.OKR_TOOLS_DIR || path.join(ROOT, '.tools'));
const PLAYWRIGHT = path.join(TOOLS, 'node_modules', 'playwright-core');
const CHROMIUM = process.env.OKR_CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test-results', 'webview');
const REPORT_ORIGIN = 'https://okr-report.test';
const PANEL_ORIGIN = 'https://okr-org-panel.test';

const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '</script><script>window.__pwned = 3</script>',
  '<!--<script>window.__pwned = 4</script>',
  '<svg onload="window.__pwned = 5">',
];

interface PageLike {
  route(url: string, handler: (route: { request(): { url(): string }; fulfill(r: { status?: number; contentType: string; body: string }): Promise<void> }) => unknown): Promise<void>;
  addInitScript(script: { content: string }): Promise<void>;
  goto(url: string): Promise<unknown>;
  reload(): Promise<unknown>;
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
  waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, options?: { timeout?: number }): Promise<unknown>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  selectOption(selector: string, value: string): Promise<unknown>;
  fill(selector: string, value: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  emulateMedia(o: { colorScheme?: 'light' | 'dark'; forcedColors?: 'active' | 'none' }): Promise<void>;
  screenshot(o: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: 'console' | 'pageerror' | 'dialog' | 'request', fn: (arg: any) => void): void;
  close(): Promise<void>;
}
interface BrowserLike {
  newPage(options?: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark' }): Promise<PageLike>;
  close(): Promise<void>;
}

/** The example organisation, with check-ins enough to draw. */
function exampleView(): OrgView {
  return buildOrgView(orgModel());
}

function hostileModel(files: number): WorkspaceModel {
  const long = 'L'.repeat(4990) + HOSTILE[0]!.slice(0, 10);
  const company = file('company', [
    objective('top', [kr('k', { ref: 'company#top/k', title: HOSTILE[1]!, owner: HOSTILE[4], checkins: [{ date: '2026-11-01', value: 1, note: HOSTILE[2] }] })], {
      ref: 'company#top',
      title: HOSTILE[0]!,
      owner: HOSTILE[3],
      score: 0.4,
      aligned: Array.from({ length: files - 1 }, (_, i) => ({ ref: `t${i}#o`, weight: 1 })),
    }),
  ], { team: HOSTILE[2] });
  const teams = Array.from({ length: files - 1 }, (_, i) =>
    file(`t${i}`, [
      objective('o', [kr('a', { ref: `t${i}#o/a`, title: HOSTILE[i % HOSTILE.length]!, checkins: [{ date: '2026-10-10', value: 2 }, { date: '2026-11-10', value: 1.5, note: HOSTILE[(i + 1) % HOSTILE.length] }] })], {
        ref: `t${i}#o`,
        title: i === 0 ? long : `${HOSTILE[i % HOSTILE.length]} team ${i}`,
        alignsTo: 'company#top',
        owner: `@owner${i % 40}`,
        score: (i % 10) / 10,
        expectedScore: 0.35,
        status: i % 3 === 0 ? 'off-track' : 'on-track',
      }),
    ], { team: HOSTILE[(i + 2) % HOSTILE.length] }),
  );
  return { today: '2026-11-16', files: [company, ...teams] };
}

describe('organisation map in headless Chromium', function () {
  this.timeout(90_000);
  let browser: BrowserLike | undefined;
  let home = '';
  let assets: { script: string; style: string };
  const requests: string[] = [];

  before(async function () {
    if (!fs.existsSync(path.join(PLAYWRIGHT, 'package.json')) || !fs.existsSync(CHROMIUM)) {
      console.log(`      playwright-core (${PLAYWRIGHT}) or Chromium (${CHROMIUM}) is missing: skipping (run test/vscode/setup-tools.sh)`);
      this.skip();
    }
    assets = readReportAssets(ROOT);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require(PLAYWRIGHT) as { chromium: { launch(o: object): Promise<BrowserLike> } };
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-org-'));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  after(async () => {
    await browser?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  /** A page with recorders of CSP violations, errors, dialogs and every request it makes. */
  async function newPage(scheme: 'light' | 'dark' = 'light'): Promise<{ page: PageLike; problems: string[] }> {
    const page = await browser!.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: scheme });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r: { url(): string }) => requests.push(r.url()));
    await page.addInitScript({
      content: `window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    return { page, problems };
  }

  async function openReport(view: OrgView, scheme: 'light' | 'dark' = 'light', hash = ''): Promise<{ page: PageLike; problems: string[]; html: string }> {
    const html = orgReportHtml({ view, ...assets });
    const { page, problems } = await newPage(scheme);
    await page.route(`${REPORT_ORIGIN}/**`, (route) =>
      new URL(route.request().url()).pathname === '/report.html' ? route.fulfill({ contentType: 'text/html', body: html }) : route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
    );
    await page.goto(`${REPORT_ORIGIN}/report.html${hash}`);
    await drawn(page);
    return { page, problems, html };
  }

  /** Waits until the report page has drawn (it sets data-drawn after every draw). */
  async function drawn(page: PageLike, before?: string): Promise<{ rows: number; total: number; objectives: number; matches: number; trends: number }> {
    await page.waitForFunction((b) => document.body.getAttribute('data-drawn') !== null && document.body.getAttribute('data-drawn') !== b, before ?? null, { timeout: 20_000 });
    return JSON.parse((await page.evaluate(() => document.body.getAttribute('data-drawn')))!);
  }
  const drawnNow = (page: PageLike) => page.evaluate(() => document.body.getAttribute('data-drawn') ?? '');
  /** Runs an action that redraws and waits for the redraw. */
  async function redraw(page: PageLike, action: () => Promise<unknown>) {
    const before = await drawnNow(page);
    // Two draws can report the same counts: mark the body so the next draw is told apart.
    await page.evaluate(() => document.body.setAttribute('data-drawn', 'stale'));
    await action();
    return drawn(page, before === 'stale' ? '' : 'stale');
  }
  const rowTexts = (page: PageLike) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('[role="treeitem"]')).map((r) => `${r.getAttribute('aria-level')}:${r.querySelector('.title, .group-title')?.textContent ?? r.className}`),
    );

  it('is one self-contained page: CSP default-src none with hashes, the view in a data block no title can close, no request but the page', async () => {
    const { page, problems, html } = await openReport(buildOrgView(hostileModel(3)));
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    assert.match(csp, /^default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(html, /<\/script><script>window/, 'a title cannot close the data block');
    assert.equal((html.match(/<script/g) ?? []).length, 2, 'the data block and the page script, nothing else');
    assert.doesNotMatch(html, /\b(src|href)=["']?https?:/);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(REPORT_ORIGIN)), []);
    await page.close();
  });

  it('draws the alignment map as an ARIA tree: company objectives, aligned objectives nested on expand, the rest apart with why', async () => {
    const { page, problems } = await openReport(exampleView());
    assert.deepEqual(await rowTexts(page), [
      '1:Company objectives',
      '2:Objective quality',
      '1:Not aligned to a company objective',
      '2:Objective cost',
      '2:Objective a',
      '2:Objective b',
      '2:Objective lonely',
      '2:Objective typo',
    ]);
    const tree = await page.evaluate(() => ({ role: document.querySelector('.tree')?.getAttribute('role'), label: document.querySelector('.tree')?.getAttribute('aria-label') }));
    assert.deepEqual(tree, { role: 'tree', label: 'Alignment map' });
    const typo = await page.evaluate(() => Array.from(document.querySelectorAll('.row-objective')).find((r) => r.querySelector('.title')?.textContent === 'Objective typo')?.querySelector('.problem')?.textContent);
    assert.equal(typo, "aligns_to 'company#qualty' does not resolve");
    await redraw(page, () => page.click('[data-key="company#quality"]'));
    await redraw(page, () => page.click('[data-key="teams/web#checkout"]'));
    assert.deepEqual((await rowTexts(page)).slice(0, 6), ['1:Company objectives', '2:Objective quality', '3:Key result nps', '3:Objective checkout', '4:Key result errors', '4:Objective audit']);
    const quality = await page.evaluate(() => {
      const r = document.querySelector('[data-key="company#quality"]')!;
      return { expanded: r.getAttribute('aria-expanded'), level: r.getAttribute('aria-level'), set: [r.getAttribute('aria-posinset'), r.getAttribute('aria-setsize')], score: r.querySelector('.score')?.textContent, status: r.querySelector('.status')?.textContent, bar: r.querySelector('.bar')?.getAttribute('aria-label'), gap: r.querySelector('.gap')?.textContent };
    });
    assert.deepEqual(quality, { expanded: 'true', level: '2', set: ['1', '1'], score: '0.40', status: 'on track', bar: 'score 0.40, expected 0.35 today', gap: '0.05 ahead of expected' });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("opens a key result's trend from the keyboard: an SVG image with its summary, the lines, and a table of the check-ins", async () => {
    const { page } = await openReport(exampleView(), 'light', `#state=${encodeURIComponent(JSON.stringify({ expanded: ['group:company', 'company#quality', 'teams/web#checkout'] }))}`);
    await page.focus('[data-key="teams/web#checkout/errors"]');
    await redraw(page, () => page.keyboard.press('Enter'));
    const trend = await page.evaluate(() => {
      const row = document.querySelector('[data-key="teams/web#checkout/errors~trend"]');
      const svg = row?.querySelector('svg');
      return {
        focused: (document.activeElement as HTMLElement | null)?.dataset.key,
        expanded: document.querySelector('[data-key="teams/web#checkout/errors"]')?.getAttribute('aria-expanded'),
        role: svg?.getAttribute('role'),
        label: svg?.getAttribute('aria-label'),
        caption: row?.querySelector('figcaption')?.textContent,
        parts: ['line.pace', 'line.target', 'line.today', 'rect.expected-mark', 'polyline.line'].filter((s) => svg?.querySelector(s)),
        points: svg?.querySelectorAll('circle').length,
        table: Array.from(row?.querySelectorAll('tr') ?? []).map((tr) => Array.from(tr.children).map((c) => c.textContent)),
      };
    });
    assert.equal(trend.focused, 'teams/web#checkout/errors', 'focus stays on the row');
    assert.equal(trend.expanded, 'true');
    assert.equal(trend.role, 'img');
    assert.match(trend.label!, /^Trend of Key result errors: 2 check-ins, from 2\.1% on 2026-10-06 to 1\.2% on 2026-11-10; straight line from 2\.4% on 2026-10-01 to 0\.5% on 2026-12-31; expected today 1\.45%\.$/);
    assert.equal(trend.caption, trend.label);
    assert.deepEqual(trend.parts, ['line.pace', 'line.target', 'line.today', 'rect.expected-mark', 'polyline.line']);
    assert.equal(trend.points, 2);
    assert.deepEqual(trend.table, [['Date', 'Value', 'Note'], ['2026-10-06', '2.1%', ''], ['2026-11-10', '1.2%', 'fixed']]);
    // Arrows: Up to the objective, Left collapses it, Home to the first row.
    await page.keyboard.press('ArrowUp');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key), 'teams/web#checkout');
    await redraw(page, () => page.keyboard.press('ArrowLeft'));
    assert.equal(await page.evaluate(() => document.querySelector('[data-key="teams/web#checkout"]')?.getAttribute('aria-expanded')), 'false');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-key="teams/web#checkout/errors"]').length), 0, 'a collapsed subtree is not in the DOM');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.key), 'group:company');
    assert.equal(await page.evaluate(() => document.querySelectorAll('[role="treeitem"][tabindex="0"]').length), 1, 'one row in the tab order');
    await page.close();
  });

  it('filters by team, owner and status, searches, sorts by risk, and keeps the state across a reload', async () => {
    const { page } = await openReport(exampleView());
    let d = await redraw(page, () => page.selectOption('select[name="file"]', 'teams/web-a11y'));
    assert.equal(d.matches, 1);
    assert.deepEqual(await rowTexts(page), ['1:Company objectives', '2:Objective quality', '3:Objective checkout', '4:Objective audit']);
    assert.equal(await page.evaluate(() => document.querySelector('.summary')?.textContent), '1 of 9 objectives match.');
    d = await redraw(page, () => page.selectOption('select[name="file"]', ''));
    d = await redraw(page, () => page.selectOption('select[name="owner"]', '@omar'));
    assert.deepEqual(await rowTexts(page), ['1:Company objectives', '2:Objective quality', '3:Objective builds']);
    d = await redraw(page, () => page.selectOption('select[name="owner"]', ''));
    d = await redraw(page, () => page.selectOption('select[name="status"]', 'off-track'));
    assert.deepEqual(await rowTexts(page), ['1:Not aligned to a company objective', '2:Objective lonely']);
    d = await redraw(page, () => page.selectOption('select[name="status"]', ''));
    d = await redraw(page, () => page.fill('input.search', 'AUDIT'));
    assert.equal(d.matches, 1);
    d = await redraw(page, () => page.fill('input.search', ''));
    d = await redraw(page, () => page.selectOption('select[name="sort"]', 'risk'));
    assert.deepEqual((await rowTexts(page)).slice(2, 4), ['1:Not aligned to a company objective', '2:Objective lonely'], 'furthest behind expected first');
    await redraw(page, () => page.click('[data-key="company#quality"]'));
    const hash = await page.evaluate(() => location.hash);
    assert.match(hash, /^#state=/);
    await page.reload();
    await drawn(page);
    const after = await page.evaluate(() => ({ sort: (document.querySelector('select[name="sort"]') as HTMLSelectElement).value, expanded: document.querySelector('[data-key="company#quality"]')?.getAttribute('aria-expanded') }));
    assert.deepEqual(after, { sort: 'risk', expanded: 'true' });
    await page.close();
  });

  it('draws a hostile organisation of 2,000 files as text: markup titles stay text, no script runs, no CSP violation, collapsed rows stay out of the DOM', async () => {
    const view = buildOrgView(hostileModel(2000));
    const { page, problems } = await openReport(view);
    await redraw(page, () => page.click('[data-key="company#top"]'));
    const dom = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      violations: (window as unknown as { __violations: string[] }).__violations,
      injected: document.querySelectorAll('.tree script, .tree img, .tree iframe, .tree svg[onload], .toolbar script').length,
      treeitems: document.querySelectorAll('[role="treeitem"]').length,
      titles: Array.from(document.querySelectorAll('.row-objective .title')).slice(0, 4).map((e) => e.textContent),
      more: document.querySelector('.more button')?.textContent,
      longWidth: Math.max(...Array.from(document.querySelectorAll('.title')).map((e) => e.getBoundingClientRect().width)),
      pageWidth: document.documentElement.scrollWidth,
    }));
    assert.equal(dom.pwned, undefined, 'no injected script ran');
    assert.deepEqual(dom.violations, []);
    assert.equal(dom.injected, 0);
    assert.deepEqual(dom.titles.slice(0, 1), [HOSTILE[0]]);
    assert.equal(dom.titles[1]!.length, 5000, 'the 5,000-character title, whole, as text');
    assert.equal(dom.treeitems, 200, 'one page of rows, not 2,000');
    assert.match(dom.more!, /^Show 200 more \(1\d{3} not shown\)$/);
    assert.ok(dom.pageWidth <= 1200, `a long title wraps instead of widening the page (${dom.pageWidth}px)`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('in the panel page: draws what the extension posts, reports it, posts reveal, and keeps its state with setState across a reload', async () => {
    const { page, problems } = await newPage();
    await page.addInitScript({
      content: `
        window.__posted = [];
        window.acquireVsCodeApi = () => ({
          postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
          getState: () => JSON.parse(sessionStorage.getItem('okr-state') || 'null') ?? undefined,
          setState: (s) => sessionStorage.setItem('okr-state', JSON.stringify(s)),
        });
      `,
    });
    const nonce = randomBytes(18).toString('base64');
    const html = panelHtml({ cspSource: PANEL_ORIGIN, nonce, scriptUri: `${PANEL_ORIGIN}/dist/webview/org.js`, styleUri: `${PANEL_ORIGIN}/media/org/org.css`, title: 'OKR Organisation' });
    await page.route(`${PANEL_ORIGIN}/**`, (route) => {
      const p = new URL(route.request().url()).pathname;
      if (p === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
      if (p === '/dist/webview/org.js') return route.fulfill({ contentType: 'text/javascript', body: assets.script });
      if (p === '/media/org/org.css') return route.fulfill({ contentType: 'text/css', body: fs.readFileSync(path.join(ROOT, 'media', 'org', 'org.css'), 'utf8') });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    });
    const posted = (type: string, revision?: number) =>
      page.waitForFunction(([t, r]) => (window as unknown as { __posted: Array<{ type: string; revision?: number }> }).__posted.some((m) => m.type === t && (r === null || m.revision === r)), [type, revision ?? null] as const, { timeout: 20_000 });
    const send = (revision: number, view: OrgView | undefined) => page.evaluate(([r, json]) => window.postMessage({ type: 'org', revision: r, json }, '*'), [revision, view && JSON.stringify(view)] as const);
    await page.goto(`${PANEL_ORIGIN}/index.html`);
    await posted('ready');
    await send(1, exampleView());
    await posted('rendered', 1);
    const rendered = await page.evaluate(() => (window as unknown as { __posted: Array<Record<string, unknown>> }).__posted.find((m) => m.type === 'rendered' && m.revision === 1));
    assert.deepEqual(rendered, { type: 'rendered', revision: 1, rows: 8, total: 8, objectives: 9, matches: 9, trends: 0 });
    await page.click('[data-key="company#quality"]');
    await posted('rendered', 1);
    await page.evaluate(() => (document.querySelector('[data-key="company#quality"] button.reveal') as HTMLButtonElement).click());
    await posted('reveal');
    const reveal = await page.evaluate(() => (window as unknown as { __posted: Array<Record<string, unknown>> }).__posted.find((m) => m.type === 'reveal'));
    assert.deepEqual(reveal, { type: 'reveal', target: { uri: 'file:///ws/company.okr', objectiveId: 'quality' } });
    // A malformed view is dropped; the next good one is drawn.
    await send(2, { ...exampleView(), company: [99_999] });
    await send(3, exampleView());
    await posted('rendered', 3);
    assert.ok(!(await page.evaluate(() => (window as unknown as { __posted: Array<{ type: string; revision?: number }> }).__posted.some((m) => m.revision === 2))));
    // Reload: the page asks again and draws with the state it saved (quality still open).
    await page.reload();
    await posted('ready');
    await send(4, exampleView());
    await posted('rendered', 4);
    assert.equal(await page.evaluate(() => document.querySelector('[data-key="company#quality"]')?.getAttribute('aria-expanded')), 'true');
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(problems.filter((p) => !p.includes('ignored a message')), []);
    await page.close();
  });

  it('writes screenshots of the report in light and dark and of the panel in a high-contrast theme (test-results/webview/)', async () => {
    const state = `#state=${encodeURIComponent(JSON.stringify({ expanded: ['group:company', 'group:apart', 'company#quality', 'teams/web#checkout'], trends: ['teams/web#checkout/errors'] }))}`;
    for (const scheme of ['light', 'dark'] as const) {
      const { page } = await openReport(exampleView(), scheme, state);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(background, scheme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(13, 17, 23)', 'prefers-color-scheme picks the theme');
      await page.screenshot({ path: path.join(ARTIFACTS, `organisation-report-${scheme}.png`), fullPage: true });
      await page.close();
    }
    // High contrast: VS Code's HC Black colours, set on the page as VS Code sets them (CSSOM).
    const { page } = await openReport(exampleView(), 'dark', state);
    await page.evaluate(() => {
      const hc: Record<string, string> = {
        '--vscode-foreground': '#ffffff', '--vscode-editor-background': '#000000', '--vscode-descriptionForeground': '#ffffff', '--vscode-focusBorder': '#f38518',
        '--vscode-contrastBorder': '#6fc3df', '--vscode-list-hoverBackground': '#000000', '--vscode-progressBar-background': '#0f4a85', '--vscode-scrollbarSlider-background': '#6fc3df66',
        '--vscode-charts-green': '#89d185', '--vscode-charts-yellow': '#ffd700', '--vscode-charts-red': '#f48771', '--vscode-charts-blue': '#75beff', '--vscode-charts-orange': '#f38518',
        '--vscode-editorWarning-foreground': '#ffd700', '--vscode-panel-border': '#6fc3df', '--vscode-input-background': '#000000', '--vscode-dropdown-background': '#000000', '--vscode-input-border': '#6fc3df', '--vscode-dropdown-border': '#6fc3df',
      };
      for (const [k, v] of Object.entries(hc)) document.documentElement.style.setProperty(k, v);
    });
    await page.screenshot({ path: path.join(ARTIFACTS, 'organisation-high-contrast.png'), fullPage: true });
    assert.ok(fs.statSync(path.join(ARTIFACTS, 'organisation-high-contrast.png')).size > 10_000);
    await page.close();
  });
});
