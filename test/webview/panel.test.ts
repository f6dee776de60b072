// The progress panel's page in headless Chromium: the real page (client/src/panel/html.ts) and the
// built script (dist/webview/panel.js) and style sheet, under their real CSP, with a stub
// `acquireVsCodeApi` that records what the page posts. Requests go to a made-up origin answered by
// Playwright's router (no network). Waits on the page's own messages, never on sleeps.
// Needs playwright-core in .tools/ and /usr/bin/chromium (test/vscode/setup-tools.sh); skipped
// without them, like the Neovim suite without nvim.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { panelHtml } from '../../client/src/panel/html';
import type { HostMessage, PanelMessage, RenderedMessage } from '../../client/src/panel/messages';
import { buildPanelView, type PanelView } from '../../client/src/panel/view';
import type { WorkspaceModel } from '../../server/src/shared/protocol';
import { file, kr, objective } from '../unit/client/fixtures';

const ROOT = path.resolve(__dirname, '..', '..');
const TOOLS = path.resolve(process.env.OKR_TOOLS_DIR || path.join(ROOT, '.tools'));
const PLAYWRIGHT = path.join(TOOLS, 'node_modules', 'playwright-core');
const CHROMIUM = process.env.OKR_CHROMIUM || '/usr/bin/chromium';
const SCRIPT = path.join(ROOT, 'dist', 'webview', 'panel.js');
const STYLE = path.join(ROOT, 'media', 'panel', 'panel.css');
const ORIGIN = 'https://okr-panel.test';
const XSS = '<img src=x onerror=alert(1)>';

// The few Playwright calls used here (its types live only in .tools/).
interface ElementHandleLike {
  click(): Promise<void>;
}
interface PageLike {
  route(url: string, handler: (route: { request(): { url(): string }; fulfill(r: { status?: number; contentType: string; body: string }): Promise<void> }) => unknown): Promise<void>;
  addInitScript(script: { content: string }): Promise<void>;
  exposeFunction(name: string, fn: (arg: unknown) => void): Promise<void>;
  goto(url: string): Promise<unknown>;
  evaluate<R, A = undefined>(fn: (arg: A) => R, arg?: A): Promise<R>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  hover(selector: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  $(selector: string): Promise<ElementHandleLike | null>;
  on(event: 'console' | 'pageerror' | 'dialog', fn: (arg: any) => void): void;
  close(): Promise<void>;
}
interface BrowserLike {
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<PageLike>;
  close(): Promise<void>;
}

function model(): WorkspaceModel {
  const checkins = [
    { date: '2026-10-06', value: 2.1, confidence: 0.6, note: 'retry with backoff shipped' },
    { date: '2026-11-17', value: 1.2, confidence: 0.7, note: `payment timeouts fixed ${XSS}` },
  ];
  return {
    today: '2026-11-20',
    files: [
      file(
        'teams/web',
        [
          objective(
            'checkout',
            [
              kr('errors', { title: `Reduce checkout errors ${XSS}`, unit: '%', baseline: 2.4, target: 0.5, current: 1.2, progress: 0.63, score: 0.63, expected: 0.55, expectedScore: 0.385, confidence: 0.7, checkins, problems: { errors: 0, warnings: 2 }, range: { start: { line: 9, character: 8 }, end: { line: 20, character: 0 } } }),
              kr('flaky', { baseline: 40, target: 5, current: 22, progress: 0.51, score: 0.51, status: 'at-risk', checkins: [{ date: '2026-11-03', value: 22 }] }),
              kr('observability', { title: 'Improve checkout observability', kind: 'draft', status: 'no-score' }),
            ],
            { title: 'Make checkout boringly reliable', score: 0.57 },
          ),
          objective('a11y', [kr('audit', { kind: 'milestone', current: false, score: 0, status: 'at-risk', checkins: [{ date: '2026-10-20', value: false }] })], { title: 'Accessible storefront' }),
          objective('safe', [kr('p1', { title: 'Keep P1 incidents at or below 2', kind: 'guardrail', unit: 'incidents', target: 2, current: 3, score: 0, status: 'off-track' })], { title: 'Stay safe', score: 0, status: 'off-track' }),
        ],
        { team: `Web ${XSS}`, score: 0.53 },
      ),
    ],
  };
}

describe('progress panel page in headless Chromium', function () {
  this.timeout(60_000);
  let browser: BrowserLike | undefined;
  let page: PageLike;
  let home = '';
  let nonce = '';
  const posted: PanelMessage[] = [];
  const bus = new EventEmitter();
  const problems: string[] = [];
  const dialogs: string[] = [];
  let revision = 0;

  /** The next message the page posts that satisfies `ok` (already posted ones count), or a timeout. */
  function next<T extends PanelMessage>(what: string, ok: (m: PanelMessage) => m is T, from = 0): Promise<T> {
    const seen = posted.slice(from).find(ok);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        bus.off('message', on);
        reject(new Error(`timed out waiting for the page to post ${what}; posted: ${JSON.stringify(posted).slice(0, 500)}`));
      }, 10_000);
      const on = (m: PanelMessage) => {
        if (!ok(m)) return;
        clearTimeout(timer);
        bus.off('message', on);
        resolve(m);
      };
      bus.on('message', on);
    });
  }
  const isRendered = (rev: number) => (m: PanelMessage): m is RenderedMessage => m.type === 'rendered' && m.revision === rev;

  /** Posts a view to the page as the extension does, and waits until the page says it drew it. */
  async function show(view: PanelView): Promise<RenderedMessage> {
    const message: HostMessage = { type: 'view', revision: ++revision, view };
    const from = posted.length;
    await page.evaluate((m) => window.postMessage(m, '*'), JSON.parse(JSON.stringify(message)));
    return next(`rendered revision ${revision}`, isRendered(revision), from);
  }

  before(async function () {
    if (!fs.existsSync(path.join(PLAYWRIGHT, 'package.json')) || !fs.existsSync(CHROMIUM)) {
      console.log(`      playwright-core (${PLAYWRIGHT}) or Chromium (${CHROMIUM}) is missing: skipping (run test/vscode/setup-tools.sh)`);
      this.skip();
    }
    assert.ok(fs.existsSync(SCRIPT), `${SCRIPT} is missing: run npm run build`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require(PLAYWRIGHT) as { chromium: { launch(o: object): Promise<BrowserLike> } };
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-webview-'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      env: { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, XDG_DATA_HOME: home },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.exposeFunction('__okrPosted', (m: unknown) => {
      posted.push(m as PanelMessage);
      bus.emit('message', m);
    });
    // Before the page's own script: the API VS Code provides, and a recorder of CSP violations.
    await page.addInitScript({
      content: `
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__okrPosted(JSON.parse(JSON.stringify(m))), getState: () => undefined, setState: () => {} });
      `,
    });
    nonce = randomBytes(18).toString('base64');
    const html = panelHtml({ cspSource: ORIGIN, nonce, scriptUri: `${ORIGIN}/dist/webview/panel.js`, styleUri: `${ORIGIN}/media/panel/panel.css` });
    await page.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/index.html') return route.fulfill({ contentType: 'text/html', body: html });
      if (url.pathname === '/dist/webview/panel.js') return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(SCRIPT, 'utf8') });
      if (url.pathname === '/media/panel/panel.css') return route.fulfill({ contentType: 'text/css', body: fs.readFileSync(STYLE, 'utf8') });
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    });
    await page.goto(`${ORIGIN}/index.html`);
    await next('ready', (m): m is PanelMessage => m.type === 'ready');
  });

  after(async () => {
    await browser?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it("loads under a CSP with default-src 'none' and a nonce, and says ready", async () => {
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`), csp);
    assert.ok(csp.includes(`style-src ${ORIGIN}`), csp);
    const scripts = await page.evaluate(() => Array.from(document.scripts).map((s) => ({ nonce: s.nonce, src: s.getAttribute('src'), inline: s.textContent ?? '' })));
    assert.deepEqual(scripts, [{ nonce, src: `${ORIGIN}/dist/webview/panel.js`, inline: '' }]);
    // The style sheet loaded (its rules apply): the loading text is shown with the panel's padding.
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).paddingLeft), '20px');
    assert.equal(await page.evaluate(() => document.querySelector('#app')?.textContent), 'Loading objectives…');
  });

  it('draws files, objectives and key results with bars, aria labels and sparklines', async () => {
    const view = buildPanelView(model());
    const rendered = await show(view);
    assert.deepEqual({ files: rendered.files, keyResults: rendered.keyResults, trendPoints: rendered.trendPoints }, { files: 1, keyResults: 5, trendPoints: 4 });

    const dom = await page.evaluate(() => ({
      heading: document.querySelector('h2')?.textContent,
      objectives: Array.from(document.querySelectorAll('.objective h3')).map((e) => e.textContent),
      rows: Array.from(document.querySelectorAll('.row.kr')).map((r) => ({
        title: r.querySelector('.kr-title')?.textContent,
        label: r.getAttribute('aria-label'),
        tabIndex: (r as HTMLElement).tabIndex,
        bar: r.querySelector('.bar')?.getAttribute('aria-label') ?? null,
        role: r.querySelector('.bar')?.getAttribute('role') ?? null,
        width: (r.querySelector('.bar .fill') as HTMLElement | null)?.style.width ?? null,
        expected: (r.querySelector('.bar .expected') as HTMLElement | null)?.style.left ?? null,
        values: r.querySelector('.values')?.textContent,
        score: r.querySelector('.score')?.textContent,
        status: r.querySelector('.status')?.textContent,
        statusTitle: (r.querySelector('.status') as HTMLElement | null)?.title ?? null,
        expectedText: r.querySelector('.expected-text')?.textContent ?? null,
        confidence: r.querySelector('.confidence')?.textContent ?? null,
        problems: r.querySelector('.problems')?.textContent ?? null,
        noTrend: r.querySelector('.no-trend')?.textContent ?? null,
        button: r.querySelector('button')?.textContent ?? null,
        buttonLabel: r.querySelector('button')?.getAttribute('aria-label') ?? null,
        trend: r.querySelector('svg.trend')?.getAttribute('aria-label') ?? null,
        trendRole: r.querySelector('svg.trend')?.getAttribute('role') ?? null,
        points: Array.from(r.querySelectorAll('svg.trend circle')).map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy')), c.querySelector('title')?.textContent]),
        polyline: r.querySelector('svg.trend polyline')?.getAttribute('points') ?? null,
        pace: r.querySelector('svg.trend line.pace') ? true : false,
      })),
    }));
    assert.equal(dom.heading, `Web ${XSS}`);
    assert.deepEqual(dom.objectives, ['Make checkout boringly reliable', 'Accessible storefront', 'Stay safe']);
    assert.equal(dom.rows.length, 5);

    const [errors, flaky, draft, audit, p1] = dom.rows;
    const errorsView = view.files[0]!.objectives[0]!.keyResults[0]!;
    assert.equal(errors!.title, `Reduce checkout errors ${XSS}`);
    assert.equal(errors!.label, `Key result: Reduce checkout errors ${XSS}. metric, score 0.63, on track, 2 warnings`);
    assert.equal(errors!.tabIndex, 0);
    assert.equal(errors!.role, 'img');
    // Aspirational, 55% of the period: the tick is at the expected score 0.385, not at 55%.
    assert.equal(errors!.bar, 'progress 63%, expected 39% today');
    assert.equal(errors!.width, '63%');
    assert.equal(errors!.expected, '38.5%');
    assert.equal(errors!.expectedText, 'expected 0.39');
    assert.equal(errors!.statusTitle, 'on track: score 0.63, expected 0.39 today (55% of the period elapsed × aim 0.7)');
    assert.equal(errors!.values, '2.4% → 1.2% → 0.5%');
    assert.deepEqual([errors!.score, errors!.status, errors!.confidence, errors!.problems], ['0.63', 'on track', '0.7', '2 warnings']);
    assert.deepEqual([errors!.button, errors!.buttonLabel], ['Check in', `Check in: Reduce checkout errors ${XSS}`]);
    assert.equal(errors!.trendRole, 'img');
    assert.match(errors!.trend!, /^trend: 2 check-ins, from 2\.1% on 2026-10-06 to 1\.2% on 2026-11-17; expected pace from 2\.4% to 0\.5%$/);
    assert.deepEqual(
      errors!.points,
      errorsView.trend!.points.map((p) => [p.x, p.y, p.text]),
    );
    assert.equal(errors!.points[1]![2], `2026-11-17, 1.2%, confidence 0.7 — payment timeouts fixed ${XSS}`);
    assert.equal(errors!.polyline, errorsView.trend!.path);
    assert.ok(errors!.pace);

    assert.deepEqual([flaky!.status, flaky!.width, flaky!.points.length, flaky!.polyline], ['at risk', '51%', 1, null]);
    assert.deepEqual([draft!.bar, draft!.button, draft!.noTrend, draft!.values, draft!.status, draft!.expectedText], [null, null, 'no check-ins yet', 'draft: no target to score yet', 'no score', null]);
    assert.deepEqual([p1!.bar, p1!.width, p1!.values, p1!.expectedText], ['guardrail broken', '100%', 'keep 2 incidents, now 3 incidents', null]);
    assert.deepEqual([audit!.bar, audit!.width, audit!.values, audit!.points.length], ['milestone not done', '0%', 'not done yet', 1]);

    const file = await page.evaluate(() => {
      const head = document.querySelector('.file-head')!;
      return { label: head.getAttribute('aria-label'), bar: head.querySelector('.bar')?.getAttribute('aria-label'), width: (head.querySelector('.bar .fill') as HTMLElement).style.width, summary: head.querySelector('.summary')?.textContent };
    });
    assert.deepEqual(file, { label: `File: Web ${XSS}. score 0.53, on track`, bar: 'score 0.53, expected 0.35', width: '53%', summary: 'score 0.53 · expected 0.35 today (50% of the period elapsed × aim 0.7)' });
  });

  it('reads in a light theme: a broken guardrail is a red bar, at risk and on track differ in shape, not only in colour', async () => {
    // The colours of Light Modern, as VS Code sets them on the page.
    await page.evaluate(() => {
      const vars: Record<string, string> = {
        '--vscode-charts-red': 'rgb(229, 83, 75)',
        '--vscode-charts-green': 'rgb(56, 138, 52)',
        '--vscode-charts-yellow': 'rgb(191, 136, 3)',
        '--vscode-progressBar-background': 'rgb(0, 90, 158)',
        '--vscode-scrollbarSlider-background': 'rgba(100, 100, 100, 0.4)',
      };
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
      document.body.classList.add('vscode-light');
    });
    // No named functions inside evaluate: the test's transpiler would wrap them in a helper the page lacks.
    const look = await page.evaluate(() => {
      const [onTrack, atRisk, offTrack] = ['on-track', 'at-risk', 'off-track'].map((status) => {
        const st = getComputedStyle(document.querySelector(`.row.kr .status-${status}`)!, '::before');
        return { background: st.backgroundColor, shape: `${st.clipPath} ${st.borderRadius}` };
      });
      const row = Array.from(document.querySelectorAll('.row.kr')).find((r) => r.querySelector('.kr-title')?.textContent === 'Keep P1 incidents at or below 2')!;
      return { onTrack: onTrack!, atRisk: atRisk!, offTrack: offTrack!, broken: getComputedStyle(row.querySelector('.bar .fill')!).backgroundColor };
    });
    assert.equal(look.broken, 'rgb(229, 83, 75)', 'the broken guardrail is drawn in the theme red');
    assert.equal(look.onTrack.background, 'rgb(56, 138, 52)');
    assert.equal(look.atRisk.background, 'rgb(191, 136, 3)');
    assert.notEqual(look.atRisk.shape, look.onTrack.shape, 'at risk has its own shape');
    assert.notEqual(look.offTrack.shape, look.onTrack.shape, 'off track has its own shape');
    assert.notEqual(look.offTrack.shape, look.atRisk.shape);
  });

  it('shows a row\'s Check in button on hover or focus only, not on every row', async () => {
    const opacities = () => page.evaluate(() => Array.from(document.querySelectorAll('.row.kr')).map((r) => (r.querySelector('.kr-actions button') ? getComputedStyle(r.querySelector('.kr-actions')!).opacity : null)));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.hover('h1');
    assert.deepEqual(await opacities(), ['0', '0', null, '0', '0']);
    await page.hover('.krs li:nth-child(2) .row.kr');
    assert.deepEqual((await opacities())[1], '1', 'the row under the mouse shows its button');
    await page.hover('h1');
    await page.focus('.krs li:nth-child(1) .row.kr');
    assert.deepEqual(await opacities(), ['1', '0', null, '0', '0'], 'the row holding the focus shows its button');
    // The keyboard reaches it: Tab from the row lands on its button.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action ?? null), 'checkIn');
  });

  it('renders markup in titles and notes as text: no element, no script, no dialog', async () => {
    const found = await page.evaluate(() => ({ imgs: document.querySelectorAll('img').length, text: document.body.textContent ?? '' }));
    assert.equal(found.imgs, 0);
    assert.ok(found.text.includes(XSS));
    assert.deepEqual(dialogs, []);
  });

  it('clicking a key result posts a typed reveal message; its Check in button posts checkIn instead', async () => {
    let from = posted.length;
    await page.click('.row.kr .kr-title');
    const reveal = await next('reveal', (m): m is PanelMessage & { type: 'reveal' } => m.type === 'reveal', from);
    assert.deepEqual(reveal, { type: 'reveal', target: { uri: 'file:///ws/teams/web.okr', objectiveId: 'checkout', keyResultId: 'errors' } });

    from = posted.length;
    await page.click('.row.kr button');
    const checkIn = await next('checkIn', (m): m is PanelMessage & { type: 'checkIn' } => m.type === 'checkIn' || m.type === 'reveal', from);
    assert.deepEqual(checkIn, { type: 'checkIn', target: { uri: 'file:///ws/teams/web.okr', objectiveId: 'checkout', keyResultId: 'errors' } });

    from = posted.length;
    await page.click('.objective-head h3');
    const objective = await next('reveal of the objective', (m): m is PanelMessage & { type: 'reveal' } => m.type === 'reveal', from);
    assert.deepEqual(objective.target, { uri: 'file:///ws/teams/web.okr', objectiveId: 'checkout' });
  });

  it('works from the keyboard: arrows move between rows, Enter reveals, focus survives an update', async () => {
    await page.focus('.row.kr');
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.key ?? null);
    assert.equal(await focused(), 'file:///ws/teams/web.okr#checkout/flaky');
    const from = posted.length;
    await page.keyboard.press('Enter');
    const reveal = await next('reveal by Enter', (m): m is PanelMessage & { type: 'reveal' } => m.type === 'reveal', from);
    assert.equal(reveal.target.keyResultId, 'flaky');
    // A model update redraws everything: the same row keeps the focus.
    const changed = model();
    changed.files[0]!.objectives[0]!.keyResults[1]!.checkins.push({ date: '2026-11-19', value: 15 });
    const rendered = await show(buildPanelView(changed));
    assert.equal(rendered.trendPoints, 5);
    assert.equal(await focused(), 'file:///ws/teams/web.okr#checkout/flaky');
    assert.equal(await page.evaluate(() => document.querySelectorAll('.row.kr')[1]!.querySelectorAll('svg.trend circle').length), 2);
  });

  it('ignores a malformed message and draws the next good one', async () => {
    await page.evaluate(() => window.postMessage({ type: 'view', revision: 'x', view: { state: 'ready', files: 'nope' } }, '*'));
    const rendered = await show(buildPanelView(model()));
    assert.equal(rendered.keyResults, 5);
    assert.ok(!posted.some((m) => m.type === 'rendered' && typeof (m as { revision: unknown }).revision !== 'number'));
  });

  it('its header button asks for the organisation map', async () => {
    await show(buildPanelView(model()));
    const from = posted.length;
    const button = await page.$('.top button.map');
    assert.ok(button);
    await button.click();
    await next('showOrganisation', (m): m is PanelMessage => m.type === 'showOrganisation', from);
  });

  it('shows the empty state with a button that asks for a new file', async () => {
    await show(buildPanelView({ today: '2026-11-20', files: [] }));
    assert.equal(await page.evaluate(() => document.querySelector('.state h2')?.textContent), 'No .okr file in this workspace yet');
    const from = posted.length;
    const button = await page.$('.state button');
    assert.ok(button);
    await button.click();
    await next('newFile', (m): m is PanelMessage => m.type === 'newFile', from);
  });

  it('reported no CSP violation and no error; an inline script is blocked (the check can fail)', async () => {
    assert.deepEqual(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations), []);
    assert.deepEqual(problems, []);
    const blocked = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violation: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (e) => resolve({ ran: Boolean((window as unknown as { __inline?: number }).__inline), violation: e.violatedDirective }), { once: true });
          const s = document.createElement('script');
          s.textContent = 'window.__inline = 1';
          document.body.append(s);
        }),
    );
    assert.deepEqual(blocked, { ran: false, violation: 'script-src-elem' });
  });
});
