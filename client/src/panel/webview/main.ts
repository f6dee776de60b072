// The progress panel's page script (bundled for the browser to dist/webview/panel.js). It draws the
// PanelView the extension sends and reports clicks back as typed messages. Text from the .okr files
// only ever goes into the DOM through textContent and attribute setters: never as HTML. Colours come
// from media/panel/panel.css, which uses only the theme's --vscode-* variables.
import { parseHostMessage, type PanelMessage } from '../messages';
import type { AlignedView, BarView, FileView, ItemTarget, KeyResultView, ObjectiveView, PanelView, TrendView } from '../view';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';

function post(message: PanelMessage): void {
  vscode.postMessage(message);
}

/** An element with a class and optional text (set as text, never parsed). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

const pct = (share: number) => `${Math.round(Math.min(1, Math.max(0, share)) * 1000) / 10}%`;

function bar(b: BarView, className = ''): HTMLElement {
  const outer = el('div', ['bar', className, b.broken ? 'broken' : ''].filter(Boolean).join(' '));
  outer.setAttribute('role', 'img');
  outer.setAttribute('aria-label', b.label);
  outer.title = b.label;
  const fill = el('div', 'fill');
  // CSSOM, not a style attribute: allowed under the CSP without 'unsafe-inline'.
  fill.style.width = pct(b.fill);
  outer.append(fill);
  if (b.expected !== undefined) {
    const tick = el('div', 'expected');
    tick.style.left = pct(b.expected);
    outer.append(tick);
  }
  return outer;
}

/** The status, with why it is that status as its tooltip (the score and the expected score). */
function statusBadge(status: string, label: string, title: string): HTMLElement {
  const badge = el('span', `status status-${status}`, label);
  badge.title = title;
  return badge;
}

function sparkline(t: TrendView): SVGSVGElement {
  const s = svg('svg', { class: 'trend', width: t.width, height: t.height, viewBox: `0 0 ${t.width} ${t.height}`, role: 'img', 'aria-label': t.label });
  s.append(Object.assign(svg('title', {}), { textContent: t.label }));
  if (t.today !== undefined) s.append(svg('line', { class: 'today', x1: t.today, y1: 0, x2: t.today, y2: t.height }));
  if (t.pace) s.append(svg('line', { class: 'pace', x1: t.pace.x1, y1: t.pace.y1, x2: t.pace.x2, y2: t.pace.y2 }));
  if (t.threshold !== undefined) s.append(svg('line', { class: 'threshold', x1: 0, y1: t.threshold, x2: t.width, y2: t.threshold }));
  if (t.points.length > 1) s.append(svg('polyline', { class: 'line', points: t.path }));
  t.points.forEach((p, i) => {
    const dot = svg('circle', { class: i === t.points.length - 1 ? 'point last' : 'point', cx: p.x, cy: p.y, r: i === t.points.length - 1 ? 2.5 : 1.8 });
    const title = svg('title', {});
    title.textContent = p.text;
    dot.append(title);
    s.append(dot);
  });
  return s;
}

/** A focusable row that reveals its item on click, Enter or Space. */
function row(className: string, key: string, target: ItemTarget, label: string): HTMLElement {
  const r = el('div', `row ${className}`);
  r.tabIndex = 0;
  r.dataset.key = key;
  r.setAttribute('aria-label', label);
  r.title = 'Reveal in the file';
  r.addEventListener('click', (e) => {
    if ((e.target as Element).closest('button')) return;
    post({ type: 'reveal', target });
  });
  r.addEventListener('keydown', (e) => {
    if (e.target !== r) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      post({ type: 'reveal', target });
    }
  });
  return r;
}

function keyResult(kr: KeyResultView): HTMLElement {
  const li = el('li');
  const label = `Key result: ${kr.title}. ${kr.kind}, score ${kr.scoreText}, ${kr.statusLabel}${kr.problemsText ? `, ${kr.problemsText}` : ''}`;
  const r = row('kr', kr.key, kr.target, label);

  const main = el('div', 'kr-main');
  main.append(el('div', 'kr-title', kr.title));
  if (kr.stateText) main.append(el('div', 'meta state-note', kr.stateText));
  const meta = el('div', 'meta');
  const parts = [kr.kind, kr.owner, kr.checkinCount === 1 ? '1 check-in' : `${kr.checkinCount} check-ins`].filter((p): p is string => Boolean(p));
  meta.append(el('span', undefined, parts.join(' · ')));
  if (kr.problemsText) {
    const problems = el('span', kr.problems.errors ? 'problems errors' : 'problems warnings', kr.problemsText);
    problems.title = 'Problems on this key result (see the Problems panel)';
    meta.append(problems);
  }
  main.append(meta);

  const progress = el('div', 'kr-progress');
  if (kr.bar) progress.append(bar(kr.bar));
  const values = el('div', 'values');
  if (kr.values.text !== undefined) {
    values.append(el('span', undefined, kr.values.text));
  } else {
    values.title = 'baseline → current → target';
    values.append(el('span', 'baseline', kr.values.baseline ?? '?'), el('span', 'arrow', ' → '), el('span', 'current', kr.values.current ?? '?'), el('span', 'arrow', ' → '), el('span', 'target', kr.values.target ?? '?'));
  }
  progress.append(values);

  const trend = el('div', 'kr-trend');
  if (kr.trend) trend.append(sparkline(kr.trend));
  else trend.append(el('span', 'muted no-trend', kr.noTrend ?? ''));

  const score = el('div', 'kr-score');
  score.append(el('span', 'score', kr.scoreText), statusBadge(kr.status, kr.statusLabel, kr.statusTitle));
  if (kr.expectedText) score.append(el('span', 'expected-text muted', kr.expectedText));

  const conf = el('div', 'kr-confidence');
  if (kr.confidenceText !== undefined) {
    conf.append(el('span', 'muted', 'conf. '), el('span', 'confidence', kr.confidenceText));
    conf.title = `Confidence of reaching the target: ${kr.confidenceText}${kr.lastCheckin ? `\nLast check-in: ${kr.lastCheckin}` : ''}`;
  } else if (kr.lastCheckin) {
    conf.title = `Last check-in: ${kr.lastCheckin}`;
  }

  const actions = el('div', 'kr-actions');
  if (kr.canCheckIn) {
    const b = el('button', 'secondary', 'Check in');
    b.type = 'button';
    b.dataset.action = 'checkIn';
    b.setAttribute('aria-label', `Check in: ${kr.title}`);
    const t = kr.target;
    b.addEventListener('click', () => {
      if (t.objectiveId && t.keyResultId) post({ type: 'checkIn', target: { uri: t.uri, objectiveId: t.objectiveId, keyResultId: t.keyResultId } });
    });
    actions.append(b);
  }

  r.append(main, progress, trend, score, conf, actions);
  li.append(r);
  return li;
}

/** The heading row of a file or an objective: title and details, its score bar, score and status. */
function headRow(className: string, item: FileView | ObjectiveView, heading: 'h2' | 'h3', what: string, details: Array<string | undefined>): HTMLElement {
  const head = row(className, item.key, item.target, `${what}: ${item.title}. score ${item.scoreText}, ${item.statusLabel}`);
  const titles = el('div', 'kr-main');
  titles.append(el(heading, undefined, item.title), el('div', 'meta', details.filter(Boolean).join(' · ')));
  const score = el('div', 'head-score');
  score.append(bar(item.bar, 'wide'), el('span', 'score', item.scoreText), statusBadge(item.status, item.statusLabel, item.statusTitle));
  head.append(titles, score);
  return head;
}

/** An aligned objective: its ref, title, score and status; a click reveals it in its own file. */
function alignedRow(a: AlignedView): HTMLElement {
  const li = el('li');
  const r = row(`aligned${a.counted ? '' : ' not-counted'}`, a.key, a.target, `Aligned objective: ${a.title}. ${a.text}${a.counted ? '' : ', not counted'}`);
  const main = el('div', 'kr-main');
  main.append(el('div', 'kr-title', a.title), el('div', 'meta', a.ref + (a.counted ? '' : ' · not counted')));
  const score = el('div', 'kr-score');
  score.append(el('span', 'score', a.scoreText), statusBadge(a.status, a.statusLabel, a.statusTitle));
  r.append(main, score);
  li.append(r);
  return li;
}

function objective(o: ObjectiveView): HTMLElement {
  const section = el('section', 'objective');
  const list = el('ul', 'krs');
  for (const kr of o.keyResults) list.append(keyResult(kr));
  if (o.keyResults.length === 0 && o.aligned.length === 0) list.append(el('li', 'muted empty-list', 'No key results yet.'));
  section.append(headRow('objective-head', o, 'h3', 'Objective', [o.type, o.owner, o.expectedText, o.stateText]));
  if (o.rollupText) section.append(el('p', 'muted rollup', o.rollupText));
  section.append(list);
  if (o.aligned.length > 0) {
    const aligned = el('ul', 'krs aligned-list');
    aligned.setAttribute('aria-label', `Objectives aligned to ${o.title}`);
    for (const a of o.aligned) aligned.append(alignedRow(a));
    section.append(el('div', 'muted aligned-head', `Aligned (${o.aligned.length})`), aligned);
  }
  return section;
}

function file(f: FileView): HTMLElement {
  const section = el('section', 'file');
  const head = headRow('file-head', f, 'h2', 'File', [f.fileRef, f.period]);
  head.append(el('div', 'summary muted', f.summary));
  section.append(head);
  for (const o of f.objectives) section.append(objective(o));
  if (f.objectives.length === 0) section.append(el('p', 'muted empty-list', 'No objectives yet.'));
  return section;
}

function render(view: PanelView, app: HTMLElement): { files: number; keyResults: number; trendPoints: number } {
  // Keep the keyboard focus on the same row (or its button) across updates.
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  const focusKey = active?.closest<HTMLElement>('[data-key]')?.dataset.key;
  const focusAction = active?.dataset.action;

  app.replaceChildren();
  app.setAttribute('aria-busy', 'false');
  let keyResults = 0;
  let trendPoints = 0;
  if (view.state === 'loading') {
    app.setAttribute('aria-busy', 'true');
    app.append(el('p', 'state', 'Loading objectives…'));
  } else if (view.state === 'empty') {
    const box = el('div', 'state');
    box.append(
      el('h2', undefined, 'No .okr file in this workspace yet'),
      el('p', 'muted', "An .okr file holds a team's objectives and key results for a period. Their progress and trends show here."),
    );
    const b = el('button', undefined, 'Create OKR File');
    b.type = 'button';
    b.addEventListener('click', () => post({ type: 'newFile' }));
    box.append(b);
    app.append(box);
  } else {
    const header = el('header', 'top');
    const n = view.files.length;
    // How the teams' files roll up into the company's objectives is the organisation map's view.
    const map = el('button', 'secondary map', 'Organisation map');
    map.type = 'button';
    map.title = 'OKR: Show Organisation Map: company objectives with the team objectives aligned to them';
    map.addEventListener('click', () => post({ type: 'showOrganisation' }));
    header.append(el('h1', undefined, 'OKR progress'), el('span', 'muted', `${n} file${n === 1 ? '' : 's'}${view.today ? ` · as of ${view.today}` : ''}`), map);
    app.append(header);
    for (const f of view.files) {
      app.append(file(f));
      for (const o of f.objectives) {
        keyResults += o.keyResults.length;
        for (const kr of o.keyResults) trendPoints += kr.trend?.points.length ?? 0;
      }
    }
  }

  if (focusKey !== undefined) {
    const target = Array.from(app.querySelectorAll<HTMLElement>('[data-key]')).find((e) => e.dataset.key === focusKey);
    const button = focusAction ? target?.querySelector<HTMLElement>(`[data-action="${focusAction}"]`) : undefined;
    (button ?? target)?.focus();
  }
  return { files: view.files.length, keyResults, trendPoints };
}

/** Up and Down move between rows, Home and End to the first and last. */
function onKey(e: KeyboardEvent, app: HTMLElement): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const current = (e.target as Element).closest?.('.row');
  if (!current || e.target !== current) return;
  const rows = Array.from(app.querySelectorAll<HTMLElement>('.row'));
  const i = rows.indexOf(current as HTMLElement);
  const next = e.key === 'ArrowDown' ? rows[i + 1] : e.key === 'ArrowUp' ? rows[i - 1] : e.key === 'Home' ? rows[0] : rows[rows.length - 1];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

function start(): void {
  const app = document.getElementById('app');
  if (!app) return;
  app.addEventListener('keydown', (e) => onKey(e, app));
  window.addEventListener('message', (event: MessageEvent) => {
    const message = parseHostMessage(event.data);
    if (!message) {
      console.warn('[okr panel] ignored a message that is not a view message');
      return;
    }
    const counts = render(message.view, app);
    post({ type: 'rendered', revision: message.revision, ...counts });
  });
  post({ type: 'ready' });
}

start();
