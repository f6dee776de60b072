// What the organisation map shows for a UI state: the view model filtered (team or file, owner,
// status, search), sorted (map order, score, risk) and flattened into the rows of an ARIA tree, only
// through expanded items (a collapsed subtree costs nothing), cut to a page. Pure and unit-tested: the
// renderer draws the rows it gets and nothing else.
import { krRef, type OrgObjective, type OrgView } from './view';

export type OrgSort = 'map' | 'score-asc' | 'score-desc' | 'risk';
export const ORG_SORTS: ReadonlyArray<{ id: OrgSort; label: string }> = [
  { id: 'map', label: 'Map order' },
  { id: 'risk', label: 'Risk: furthest behind first' },
  { id: 'score-asc', label: 'Score: low to high' },
  { id: 'score-desc', label: 'Score: high to low' },
];

/** What the reader chose; saved by the page (panel state, or the report's location hash). */
export interface OrgUiState {
  /** Keys of expanded rows: group ids, objective refs. */
  expanded: string[];
  /** Refs of key results whose trend is open. */
  trends: string[];
  /** A file ref, or '' for all. */
  file: string;
  owner: string;
  status: string;
  search: string;
  sort: OrgSort;
  /** Rows drawn; "Show more" raises it. */
  limit: number;
}

export const PAGE = 200;
export const GROUP_MAP = 'group:company';
export const GROUP_APART = 'group:apart';

export function defaultUiState(): OrgUiState {
  return { expanded: [GROUP_MAP, GROUP_APART], trends: [], file: '', owner: '', status: '', search: '', sort: 'map', limit: PAGE };
}

/** A saved state read back: anything malformed falls back to the default, field by field. */
export function parseUiState(raw: unknown): OrgUiState {
  const d = defaultUiState();
  if (typeof raw !== 'object' || raw === null) return d;
  const r = raw as Record<string, unknown>;
  const strs = (v: unknown, fallback: string[]) => (Array.isArray(v) && v.length <= 100_000 && v.every((s) => typeof s === 'string') ? (v as string[]) : fallback);
  const str = (v: unknown) => (typeof v === 'string' && v.length <= 2000 ? v : '');
  return {
    expanded: strs(r.expanded, d.expanded),
    trends: strs(r.trends, d.trends),
    file: str(r.file),
    owner: str(r.owner),
    status: str(r.status),
    search: str(r.search),
    sort: ORG_SORTS.some((s) => s.id === r.sort) ? (r.sort as OrgSort) : d.sort,
    limit: typeof r.limit === 'number' && Number.isInteger(r.limit) && r.limit >= PAGE && r.limit <= 1_000_000 ? r.limit : d.limit,
  };
}

interface RowBase {
  key: string;
  /** aria-level: 1 for the groups. */
  level: number;
  /** aria-setsize / aria-posinset among its siblings as shown. */
  setSize: number;
  posInSet: number;
}
export type OrgRow =
  | (RowBase & { kind: 'group'; id: typeof GROUP_MAP | typeof GROUP_APART; label: string; count: number; expanded: boolean })
  | (RowBase & { kind: 'objective'; index: number; expanded?: boolean; childCount: number; context: boolean })
  | (RowBase & { kind: 'kr'; objective: number; kr: number; expanded: boolean })
  | (RowBase & { kind: 'trend'; objective: number; kr: number });

export interface OrgRows {
  rows: OrgRow[];
  /** Rows there would be without the page limit. */
  total: number;
  /** Objectives matching the filters (all of them when none is set). */
  matches: number;
  filtered: boolean;
}

function filtersSet(s: OrgUiState): boolean {
  return Boolean(s.file || s.owner || s.status || s.search.trim());
}

/**
 * Per view, each objective's searchable text lowercased once (title, ref, owner, team, its key
 * results' titles, a line each): a keystroke in the search box then costs one `includes` per objective.
 */
const searchTexts = new WeakMap<OrgView, string[]>();
function searchText(view: OrgView): string[] {
  let texts = searchTexts.get(view);
  if (!texts) {
    texts = view.objectives.map((o) => [o.title, o.ref, o.owner ?? '', view.files[o.file]?.label ?? '', ...o.keyResults.map((k) => k.title)].join('\n').toLowerCase());
    searchTexts.set(view, texts);
  }
  return texts;
}

function matcher(view: OrgView, s: OrgUiState): (o: OrgObjective, i: number) => boolean {
  // A search of several lines could match across two fields of the joined text: one line only.
  const needle = s.search.trim().toLowerCase().split('\n')[0]!;
  const texts = needle ? searchText(view) : [];
  return (o, i) => {
    if (s.file && view.files[o.file]?.fileRef !== s.file) return false;
    if (s.status && o.status !== s.status) return false;
    if (s.owner && o.owner !== s.owner && !o.keyResults.some((k) => k.owner === s.owner)) return false;
    return !needle || texts[i]!.includes(needle);
  };
}

/** Siblings in the chosen order; ties keep the map order. */
function sorted(view: OrgView, ids: readonly number[], sort: OrgSort): number[] {
  if (sort === 'map') return [...ids];
  const o = view.objectives;
  const key = (i: number): number | undefined => (sort === 'risk' ? o[i]!.gap : o[i]!.score);
  const dir = sort === 'score-desc' ? -1 : 1;
  return ids
    .map((i, at) => ({ i, at, k: key(i) }))
    .sort((a, b) => {
      // Items with nothing to compare go last in every order.
      if (a.k === undefined || b.k === undefined) return a.k === b.k ? a.at - b.at : a.k === undefined ? 1 : -1;
      return (a.k - b.k) * dir || a.at - b.at;
    })
    .map((x) => x.i);
}

export function orgRows(view: OrgView, s: OrgUiState): OrgRows {
  const filtered = filtersSet(s);
  const expanded = new Set(s.expanded);
  const trends = new Set(s.trends);
  const objectives = view.objectives;
  // With filters: the matches and their ancestors (shown as context, opened so the matches show).
  let visible: Uint8Array | undefined;
  let matches = objectives.length;
  if (filtered) {
    const match = matcher(view, s);
    visible = new Uint8Array(objectives.length); // 0 hidden, 1 context, 2 match
    matches = 0;
    objectives.forEach((o, i) => {
      if (!match(o, i)) return;
      matches++;
      visible![i] = 2;
      for (let up = o.parent; up !== undefined && visible![up] === 0; up = objectives[up]!.parent) visible![up] = 1;
    });
  }
  const shown = (i: number) => !visible || visible[i] !== 0;

  const rows: OrgRow[] = [];
  let total = 0;
  const push = (r: OrgRow) => {
    total++;
    if (rows.length < s.limit) rows.push(r);
  };
  // Depth-first with an explicit stack: an alignment chain thousands deep cannot overflow.
  type Frame = { kind: 'objective'; index: number; level: number; setSize: number; posInSet: number };
  const walk = (roots: number[], level: number) => {
    const stack: Frame[] = [];
    const pushSiblings = (ids: number[], lvl: number, offset: number, size: number) => {
      for (let k = ids.length - 1; k >= 0; k--) stack.push({ kind: 'objective', index: ids[k]!, level: lvl, setSize: size, posInSet: offset + k + 1 });
    };
    const top = sorted(view, roots.filter(shown), s.sort);
    pushSiblings(top, level, 0, top.length);
    while (stack.length) {
      const f = stack.pop()!;
      const o = objectives[f.index]!;
      const kids = sorted(view, o.children.filter(shown), s.sort);
      const childCount = o.keyResults.length + kids.length;
      const context = visible !== undefined && visible[f.index] === 1;
      // A context ancestor is opened: the point of showing it is the match below.
      const open = childCount > 0 && (context || expanded.has(o.ref));
      push({ kind: 'objective', key: o.ref, index: f.index, level: f.level, setSize: f.setSize, posInSet: f.posInSet, expanded: childCount > 0 ? open : undefined, childCount, context });
      if (!open) continue;
      // Key results first, then the aligned objectives (pushed on the stack, drawn after them).
      const krs = context ? [] : o.keyResults;
      const size = krs.length + kids.length;
      krs.forEach((kr, j) => {
        const ref = krRef(o, kr);
        const trend = trends.has(ref);
        push({ kind: 'kr', key: ref, objective: f.index, kr: j, level: f.level + 1, setSize: size, posInSet: j + 1, expanded: trend });
        if (trend) push({ kind: 'trend', key: `${ref}~trend`, objective: f.index, kr: j, level: f.level + 2, setSize: 1, posInSet: 1 });
      });
      pushSiblings(kids, f.level + 1, krs.length, size);
    }
  };
  const groups: Array<{ id: typeof GROUP_MAP | typeof GROUP_APART; label: string; ids: number[] }> = [
    { id: GROUP_MAP, label: 'Company objectives', ids: view.company },
    { id: GROUP_APART, label: 'Not aligned to a company objective', ids: view.apart },
  ];
  const present = groups.filter((g) => g.ids.some(shown));
  present.forEach((g, gi) => {
    const open = expanded.has(g.id) || filtered;
    push({ kind: 'group', key: g.id, id: g.id, label: g.label, count: g.ids.filter(shown).length, expanded: open, level: 1, setSize: present.length, posInSet: gi + 1 });
    if (open) walk(g.ids, 2);
  });
  return { rows, total, matches, filtered };
}
