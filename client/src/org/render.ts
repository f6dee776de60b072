// The organisation map's renderer, shared by the organisation panel's page and the HTML report (one
// bundle, dist/webview/org.js). It draws the rows orgRows() gives for the reader's state: an ARIA tree
// (flat rows with aria-level, setsize and posinset; roving tabindex; arrows, Home, End, Enter),
// filters, sort and search, and a key result's trend on demand as inline SVG with a text alternative.
// Text from the files only reaches the DOM through textContent and attribute setters, never as HTML.
// Only what is expanded is in the DOM, cut to a page with a "Show more" row.
import { orgRows, ORG_SORTS, PAGE, parseUiState, type OrgRow, type OrgUiState } from '../../../server/src/shared/org/rows';
import { trendChart, valueText, type TrendChart } from '../../../server/src/shared/org/trend';
import { formatScore, placeNote, statusText, type OrgKeyResult, type OrgObjective, type OrgView } from '../../../server/src/shared/org/view';
import { STATUSES, STATUS_LABEL } from '../../../server/src/core/status';

/** What the page around the renderer provides: where the state is kept, and (panel) opening files. */
export interface OrgHost {
  loadState(): unknown;
  saveState(state: OrgUiState): void;
  /** Opens the item in its file (the panel); absent in the report. */
  reveal?(target: { uri: string; objectiveId?: string; keyResultId?: string }): void;
  /** Called after each draw with what it drew (the panel reports it; tests read it). */
  drawn?(counts: OrgDrawn): void;
}

export interface OrgDrawn {
  rows: number;
  total: number;
  objectives: number;
  matches: number;
  trends: number;
}

const SVG = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

const clampPct = (n: number) => `${Math.round(Math.min(1, Math.max(0, Number.isFinite(n) ? n : 0)) * 1000) / 10}%`;

function scoreBar(score: number | undefined, expected: number | undefined): HTMLElement {
  const label = `${score === undefined ? 'no score yet' : `score ${score.toFixed(2)}`}${expected !== undefined ? `, expected ${expected.toFixed(2)} today` : ''}`;
  const outer = el('div', 'bar');
  outer.setAttribute('role', 'img');
  outer.setAttribute('aria-label', label);
  outer.title = label;
  const fill = el('div', 'fill');
  // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
  fill.style.width = clampPct(score ?? 0);
  outer.append(fill);
  if (expected !== undefined) {
    const tick = el('div', 'expected');
    tick.style.left = clampPct(expected);
    outer.append(tick);
  }
  return outer;
}

function badge(status: string, label: string): HTMLElement {
  return el('span', `status status-${status}`, label);
}

function gapText(o: OrgObjective): string | undefined {
  if (o.gap === undefined) return undefined;
  const g = Math.abs(o.gap).toFixed(2);
  return o.gap < -0.005 ? `${g} behind expected` : o.gap > 0.005 ? `${g} ahead of expected` : 'on expected';
}

export function drawChart(c: TrendChart): HTMLElement {
  const figure = el('figure', 'trend');
  const s = svg('svg', { class: 'chart', width: c.width, height: c.height, viewBox: `0 0 ${c.width} ${c.height}`, role: 'img', 'aria-label': c.summary });
  s.append(svg('title', {}, c.summary));
  const bottom = c.height - 16;
  s.append(svg('line', { class: 'axis', x1: 0, y1: bottom, x2: c.width, y2: bottom }));
  if (c.axis.start) s.append(svg('text', { class: 'axis-label', x: 2, y: c.height - 3 }, c.axis.start));
  if (c.axis.end) s.append(svg('text', { class: 'axis-label', x: c.width - 2, y: c.height - 3, 'text-anchor': 'end' }, c.axis.end));
  // The value range, unless the target's own label sits there already.
  if (c.axis.top && !(c.target && c.target.y < 14)) s.append(svg('text', { class: 'axis-label', x: 2, y: 9 }, c.axis.top));
  if (c.axis.bottom && !(c.target && c.target.y > bottom - 14)) s.append(svg('text', { class: 'axis-label', x: 2, y: bottom - 3 }, c.axis.bottom));
  if (c.target) {
    s.append(svg('line', { class: 'target', x1: 0, y1: c.target.y, x2: c.width, y2: c.target.y }));
    s.append(svg('text', { class: 'axis-label target-label', x: c.width - 2, y: Math.max(9, c.target.y - 3), 'text-anchor': 'end' }, c.target.label));
  }
  if (c.pace) s.append(svg('line', { class: 'pace', x1: c.pace.x1, y1: c.pace.y1, x2: c.pace.x2, y2: c.pace.y2 }));
  if (c.today) {
    const line = svg('line', { class: 'today', x1: c.today.x, y1: 0, x2: c.today.x, y2: bottom });
    line.append(svg('title', {}, c.today.label));
    s.append(line);
  }
  if (c.points.length > 1) s.append(svg('polyline', { class: 'line', points: c.path }));
  // Many check-ins: smaller dots, so 30 of them still read as a line.
  const r = c.points.length > 12 ? 1.6 : 2.6;
  c.points.forEach((p, i) => {
    const dot = svg('circle', { class: i === c.points.length - 1 ? 'point last' : 'point', cx: p.x, cy: p.y, r: i === c.points.length - 1 ? r + 1 : r });
    dot.append(svg('title', {}, p.text));
    s.append(dot);
  });
  if (c.expected) {
    const mark = svg('rect', { class: 'expected-mark', x: c.expected.x - 3.5, y: c.expected.y - 3.5, width: 7, height: 7, transform: `rotate(45 ${c.expected.x} ${c.expected.y})` });
    mark.append(svg('title', {}, c.expected.label));
    s.append(mark);
  }
  const caption = el('figcaption', 'muted', c.summary);
  figure.append(s, caption);
  if (c.table.length > 0) {
    const details = el('details', 'checkins');
    details.append(el('summary', undefined, `Check-ins (${c.table.length})`));
    const table = el('table');
    const head = el('tr');
    head.append(el('th', undefined, 'Date'), el('th', undefined, 'Value'), el('th', undefined, 'Note'));
    table.append(head);
    for (const row of c.table) {
      const tr = el('tr');
      tr.append(el('td', undefined, row.date), el('td', undefined, row.value), el('td', undefined, row.note));
      table.append(tr);
    }
    details.append(table);
    figure.append(details);
  }
  return figure;
}

function krValues(kr: OrgKeyResult): string {
  switch (kr.kind) {
    case 'metric':
      return `${valueText(kr.baseline, kr.unit)} → ${valueText(typeof kr.current === 'number' ? kr.current : undefined, kr.unit)} → ${valueText(kr.target, kr.unit)}`;
    case 'guardrail':
      return `keep ${valueText(kr.target, kr.unit)}, now ${valueText(typeof kr.current === 'number' ? kr.current : undefined, kr.unit)}`;
    case 'milestone':
      return kr.current === true ? 'done' : 'not done yet';
    case 'draft':
      return 'draft: no target yet';
  }
}

function select(label: string, name: string, value: string, options: Array<{ value: string; label: string }>): { wrap: HTMLElement; select: HTMLSelectElement } {
  const wrap = el('label', 'filter');
  wrap.append(el('span', undefined, label));
  const s = el('select');
  s.name = name;
  for (const o of options) {
    const opt = el('option', undefined, o.label);
    opt.value = o.value;
    s.append(opt);
  }
  s.value = options.some((o) => o.value === value) ? value : '';
  wrap.append(s);
  return { wrap, select: s };
}

export function mountOrg(app: HTMLElement, host: OrgHost): { show(view: OrgView | undefined): void } {
  let view: OrgView | undefined;
  let state: OrgUiState = parseUiState(host.loadState());
  let focusKey: string | undefined;

  const header = el('header', 'top');
  const toolbar = el('div', 'toolbar');
  toolbar.setAttribute('role', 'search');
  const summary = el('p', 'muted summary');
  summary.setAttribute('aria-live', 'polite');
  const tree = el('div', 'tree');
  tree.setAttribute('role', 'tree');
  tree.setAttribute('aria-label', 'Alignment map');
  app.replaceChildren(header, toolbar, summary, tree);

  const save = () => host.saveState(state);
  const update = (change: Partial<OrgUiState>) => {
    state = { ...state, ...change };
    save();
    draw();
  };
  const toggle = (list: 'expanded' | 'trends', key: string) => {
    const set = new Set(state[list]);
    if (set.has(key)) set.delete(key);
    else set.add(key);
    update({ [list]: [...set] });
  };

  function drawToolbar(v: OrgView): void {
    const search = el('input', 'search');
    search.type = 'search';
    search.placeholder = 'Search titles, owners, teams';
    search.setAttribute('aria-label', 'Search objectives and key results');
    search.value = state.search;
    search.addEventListener('input', () => {
      focusKey = undefined;
      update({ search: search.value, limit: PAGE });
    });
    const files = select('Team', 'file', state.file, [{ value: '', label: 'All teams' }, ...v.files.map((f) => ({ value: f.fileRef, label: f.label === f.fileRef ? f.fileRef : `${f.label} (${f.fileRef})` }))]);
    const owners = select('Owner', 'owner', state.owner, [{ value: '', label: 'All owners' }, ...v.owners.map((o) => ({ value: o, label: o }))]);
    const statuses = select('Status', 'status', state.status, [{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))]);
    const sort = select('Sort', 'sort', state.sort, ORG_SORTS.map((s) => ({ value: s.id, label: s.label })));
    files.select.addEventListener('change', () => update({ file: files.select.value, limit: PAGE }));
    owners.select.addEventListener('change', () => update({ owner: owners.select.value, limit: PAGE }));
    statuses.select.addEventListener('change', () => update({ status: statuses.select.value, limit: PAGE }));
    sort.select.addEventListener('change', () => update({ sort: sort.select.value as OrgUiState['sort'] }));
    const clear = el('button', 'secondary', 'Clear filters');
    clear.type = 'button';
    clear.addEventListener('click', () => {
      update({ file: '', owner: '', status: '', search: '', limit: PAGE });
      drawToolbar(v);
    });
    toolbar.replaceChildren(search, files.wrap, owners.wrap, statuses.wrap, sort.wrap, clear);
  }

  function rowShell(r: OrgRow, label: string): HTMLElement {
    const div = el('div', `row row-${r.kind}`);
    div.setAttribute('role', 'treeitem');
    div.setAttribute('aria-level', String(r.level));
    div.setAttribute('aria-setsize', String(r.setSize));
    div.setAttribute('aria-posinset', String(r.posInSet));
    div.setAttribute('aria-label', label);
    div.dataset.key = r.key;
    div.tabIndex = -1;
    div.style.setProperty('--level', String(r.level - 1));
    if ('expanded' in r && r.expanded !== undefined) div.setAttribute('aria-expanded', String(r.expanded));
    const twisty = el('span', 'twisty');
    twisty.setAttribute('aria-hidden', 'true');
    if ('expanded' in r && r.expanded !== undefined) twisty.textContent = r.expanded ? '▾' : '▸';
    div.append(twisty);
    return div;
  }

  function revealButton(target: { uri: string; objectiveId?: string; keyResultId?: string }, what: string): HTMLElement | undefined {
    if (!host.reveal) return undefined;
    const b = el('button', 'reveal secondary', 'Open');
    b.type = 'button';
    b.tabIndex = -1;
    b.setAttribute('aria-label', `Open ${what} in its file`);
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      host.reveal!(target);
    });
    return b;
  }

  function objectiveRow(v: OrgView, r: Extract<OrgRow, { kind: 'objective' }>): HTMLElement {
    const o = v.objectives[r.index]!;
    const file = v.files[o.file]!;
    const note = placeNote(o);
    const gap = gapText(o);
    const label = `${o.title}. ${file.label}. score ${o.scoreText}, ${o.statusLabel}${gap ? `, ${gap}` : ''}${note ? `. ${note}` : ''}${r.childCount ? `. ${r.childCount} items below` : ''}`;
    const div = rowShell(r, label);
    div.classList.add(`place-${o.place}`);
    if (r.context) div.classList.add('context');
    if (o.excluded) div.classList.add('excluded');
    const main = el('div', 'main');
    main.append(el('span', 'title', o.title));
    const meta = el('span', 'meta');
    const parts = [file.label, o.owner, o.ref, o.children.length ? `${o.children.length} aligned` : undefined, o.excluded ? `left out of its parent's score (${o.excluded})` : undefined, o.state ? `${o.state}${o.reason ? `: ${o.reason}` : ''}` : undefined];
    meta.textContent = parts.filter(Boolean).join(' · ');
    main.append(meta);
    if (note && o.place !== 'unaligned') main.append(el('span', 'meta problem', note));
    const score = el('div', 'score-cell');
    score.append(scoreBar(o.score, o.expectedScore), el('span', 'score', o.scoreText), badge(o.status, o.statusLabel));
    score.append(el('span', `gap${o.gap !== undefined && o.gap < -0.005 ? ' behind' : ''}`, gap ?? ''));
    if (o.rollupText) div.title = o.rollupText;
    div.append(main, score);
    const b = revealButton({ uri: file.uri, objectiveId: o.id }, o.title);
    if (b) div.append(b);
    return div;
  }

  function krRow(v: OrgView, r: Extract<OrgRow, { kind: 'kr' }>): HTMLElement {
    const o = v.objectives[r.objective]!;
    const kr = o.keyResults[r.kr]!;
    const values = krValues(kr);
    const scoreText = formatScore(kr.score);
    const statusLabel = statusText(kr.status, kr.grade);
    const label = `Key result: ${kr.title}. ${kr.kind}, ${values}, score ${scoreText}, ${statusLabel}. ${r.expanded ? 'Trend shown' : 'Expand for its trend'}`;
    const div = rowShell(r, label);
    const main = el('div', 'main');
    main.append(el('span', 'title', kr.title));
    main.append(el('span', 'meta', [kr.kind, kr.owner, `${kr.checkins.length} check-in${kr.checkins.length === 1 ? '' : 's'}`, kr.state].filter(Boolean).join(' · ')));
    const score = el('div', 'score-cell');
    score.append(el('span', 'values', values), el('span', 'score', scoreText), badge(kr.status, statusLabel), el('span', 'gap'));
    div.append(main, score);
    const b = revealButton({ uri: v.files[o.file]!.uri, objectiveId: o.id, keyResultId: kr.id }, kr.title);
    if (b) div.append(b);
    return div;
  }

  function trendRow(v: OrgView, r: Extract<OrgRow, { kind: 'trend' }>): HTMLElement {
    const o = v.objectives[r.objective]!;
    const kr = o.keyResults[r.kr]!;
    const chart = trendChart(kr, v.files[o.file]!.period, v.today);
    const div = rowShell(r, chart.summary);
    div.append(drawChart(chart));
    return div;
  }

  function groupRow(r: Extract<OrgRow, { kind: 'group' }>): HTMLElement {
    const div = rowShell(r, `${r.label}: ${r.count}`);
    div.append(el('span', 'group-title', r.label), el('span', 'muted count', String(r.count)));
    return div;
  }

  function draw(): void {
    const v = view;
    if (!v) return;
    // Keep the keyboard focus on the same row across redraws.
    const active = document.activeElement;
    if (active instanceof HTMLElement && tree.contains(active)) focusKey = active.closest<HTMLElement>('[data-key]')?.dataset.key ?? focusKey;
    const hadFocus = active instanceof HTMLElement && tree.contains(active);
    const result = orgRows(v, state);
    const els: HTMLElement[] = [];
    let trends = 0;
    for (const r of result.rows) {
      if (r.kind === 'group') els.push(groupRow(r));
      else if (r.kind === 'objective') els.push(objectiveRow(v, r));
      else if (r.kind === 'kr') els.push(krRow(v, r));
      else {
        els.push(trendRow(v, r));
        trends++;
      }
    }
    if (result.total > result.rows.length) {
      const more = el('div', 'more');
      const b = el('button', 'secondary', `Show ${Math.min(PAGE, result.total - result.rows.length)} more (${result.total - result.rows.length} not shown)`);
      b.type = 'button';
      b.addEventListener('click', () => update({ limit: state.limit + PAGE }));
      more.append(b);
      els.push(more);
    }
    if (result.rows.length === 0) els.push(el('p', 'muted empty', result.filtered ? 'No objective matches these filters.' : 'No objectives yet.'));
    tree.replaceChildren(...els);
    const n = v.objectives.length;
    summary.textContent = result.filtered ? `${result.matches} of ${n} objectives match.` : `${n} objective${n === 1 ? '' : 's'}, ${v.keyResultCount} key results in ${v.files.length} file${v.files.length === 1 ? '' : 's'}.`;
    // Roving tabindex: one row in the tab order, the focused one (or the first).
    const rows = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    const target = rows.find((e) => e.dataset.key === focusKey) ?? rows[0];
    if (target) {
      target.tabIndex = 0;
      if (hadFocus) target.focus();
    }
    host.drawn?.({ rows: result.rows.length, total: result.total, objectives: n, matches: result.matches, trends });
  }

  function activate(row: HTMLElement): void {
    const key = row.dataset.key;
    if (!key || !view) return;
    focusKey = key;
    if (row.classList.contains('row-kr')) toggle('trends', key);
    else if (row.hasAttribute('aria-expanded')) toggle('expanded', key);
  }

  tree.addEventListener('click', (e) => {
    const row = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    // A click inside a trend (its table, its details) is not a toggle.
    if (!row || row.classList.contains('row-trend')) return;
    if ((e.target as Element).closest('button')) return;
    activate(row);
  });
  tree.addEventListener('focusin', (e) => {
    const row = (e.target as Element).closest<HTMLElement>('[role="treeitem"]');
    if (!row) return;
    for (const r of Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"][tabindex="0"]'))) if (r !== row) r.tabIndex = -1;
    row.tabIndex = 0;
    focusKey = row.dataset.key;
  });
  tree.addEventListener('keydown', (e) => {
    const row = e.target instanceof HTMLElement && e.target.getAttribute('role') === 'treeitem' ? e.target : undefined;
    if (!row) return;
    const rows = Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]'));
    const i = rows.indexOf(row);
    const level = Number(row.getAttribute('aria-level'));
    const expanded = row.getAttribute('aria-expanded');
    let next: HTMLElement | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = rows[i + 1];
        break;
      case 'ArrowUp':
        next = rows[i - 1];
        break;
      case 'Home':
        next = rows[0];
        break;
      case 'End':
        next = rows[rows.length - 1];
        break;
      case 'ArrowRight':
        if (expanded === 'false') activate(row);
        else if (expanded === 'true') next = rows[i + 1];
        break;
      case 'ArrowLeft':
        if (expanded === 'true') activate(row);
        else for (let k = i - 1; k >= 0; k--) if (Number(rows[k]!.getAttribute('aria-level')) < level) {
          next = rows[k];
          break;
        }
        break;
      case 'Enter':
      case ' ':
        if (e.key === 'Enter' && e.shiftKey && host.reveal) row.querySelector<HTMLButtonElement>('button.reveal')?.click();
        else activate(row);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next) next.focus();
  });

  return {
    show(v: OrgView | undefined): void {
      view = v;
      app.setAttribute('aria-busy', v ? 'false' : 'true');
      if (!v) {
        header.replaceChildren(el('h1', undefined, 'Organisation'));
        summary.textContent = 'Loading objectives…';
        tree.replaceChildren();
        return;
      }
      const h1 = el('h1', undefined, 'Organisation');
      header.replaceChildren(h1, el('span', 'muted', `as of ${v.today}`));
      // A saved filter on a team that no longer exists would hide everything: drop it.
      if (state.file && !v.files.some((f) => f.fileRef === state.file)) state = { ...state, file: '' };
      if (state.owner && !v.owners.includes(state.owner)) state = { ...state, owner: '' };
      drawToolbar(v);
      draw();
    },
  };
}
