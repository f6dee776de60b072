// The objectives tree as plain data: period -> file -> objective -> key result, built from the
// server's workspace model with the active filter and sort. Pure (no `vscode`), so the shape,
// ids, labels and filtering are unit-tested without an editor.
import type { FileModel, KeyResultModel, ObjectiveModel, WorkspaceModel } from '../../../server/src/shared/protocol';
import { alignedResolver, type AlignedChild } from '../model/aligned';
import type { Range } from '../../../server/src/core/positions';
import { alignedDescription, itemDescription, type Grade, type Status } from '../model/format';

export type NodeKind = 'period' | 'file' | 'objective' | 'keyResult' | 'alignedGroup' | 'alignedObjective';

interface NodeBase {
  /** Stable across refreshes (VS Code keeps expansion and selection by id). Unique in the tree. */
  id: string;
  label: string;
  description: string;
  contextValue: string;
  status: Status;
  /** With status `final`: colours the icon by the grade. */
  grade?: Grade;
  children: TreeNode[];
  parent?: TreeNode;
}

export interface PeriodNode extends NodeBase {
  kind: 'period';
}
export interface FileNode extends NodeBase {
  kind: 'file';
  uri: string;
  file: FileModel;
}
export interface ObjectiveNode extends NodeBase {
  kind: 'objective';
  uri: string;
  range: Range;
  objective: ObjectiveModel;
  file: FileModel;
}
export interface KeyResultNode extends NodeBase {
  kind: 'keyResult';
  uri: string;
  range: Range;
  keyResult: KeyResultModel;
  objective: ObjectiveModel;
  file: FileModel;
}
/** "Aligned (2)" under an objective: the objectives aligned to it. Reveals the objective itself. */
export interface AlignedGroupNode extends NodeBase {
  kind: 'alignedGroup';
  uri: string;
  range: Range;
  objective: ObjectiveModel;
  file: FileModel;
}
/** An objective aligned to the parent objective, by ref with its score; reveals it in its own file. */
export interface AlignedObjectiveNode extends NodeBase {
  kind: 'alignedObjective';
  uri: string;
  range: Range;
  child: AlignedChild;
  /** The objective it is aligned to. */
  objective: ObjectiveModel;
}
export type TreeNode = PeriodNode | FileNode | ObjectiveNode | KeyResultNode | AlignedGroupNode | AlignedObjectiveNode;

export interface TreeFilter {
  /** Owner as written (`@omar`); matches objectives and key results owned by them. */
  owner?: string;
  /** Key results (and objectives) whose status is one of these. */
  statuses?: Status[];
}

export type SortOrder = 'file' | 'score';

export interface TreeOptions {
  filter?: TreeFilter;
  sort?: SortOrder;
}

export const NO_PERIOD = 'No period';

export function isFilterActive(filter: TreeFilter | undefined): boolean {
  return Boolean(filter && (filter.owner !== undefined || (filter.statuses && filter.statuses.length > 0)));
}

/** The view's description: what the tree currently hides and how it is sorted. */
export function describeView(options: TreeOptions): string {
  const parts: string[] = [];
  if (options.filter?.owner !== undefined) parts.push(`owner ${options.filter.owner}`);
  if (options.filter?.statuses?.length) parts.push(options.filter.statuses.join(', '));
  if (options.sort === 'score') parts.push('by score');
  return parts.join(' · ');
}

function ownerMatches(owner: string | undefined, wanted: string): boolean {
  return owner !== undefined && normalizeOwner(owner) === normalizeOwner(wanted);
}

export function normalizeOwner(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}

/** Every owner named in the model, as written the first time, sorted. */
export function ownersOf(model: WorkspaceModel): string[] {
  const seen = new Map<string, string>();
  const add = (o?: string) => {
    if (o && !seen.has(normalizeOwner(o))) seen.set(normalizeOwner(o), o);
  };
  for (const f of model.files) for (const o of f.objectives) {
    add(o.owner);
    for (const kr of o.keyResults) add(kr.owner);
  }
  return [...seen.values()].sort((a, b) => normalizeOwner(a).localeCompare(normalizeOwner(b)));
}

function krMatches(kr: KeyResultModel, filter: TreeFilter): boolean {
  if (filter.owner !== undefined && !ownerMatches(kr.owner, filter.owner)) return false;
  if (filter.statuses?.length && !filter.statuses.includes(kr.status)) return false;
  return true;
}

/** Key results of `o` that the filter keeps; all of them when the objective itself matches the owner filter. */
function keptKeyResults(o: ObjectiveModel, filter: TreeFilter): KeyResultModel[] {
  if (!isFilterActive(filter)) return o.keyResults;
  const statusOk = (s: Status) => !filter.statuses?.length || filter.statuses.includes(s);
  if (filter.owner !== undefined && ownerMatches(o.owner, filter.owner)) {
    return o.keyResults.filter((kr) => statusOk(kr.status));
  }
  return o.keyResults.filter((kr) => krMatches(kr, filter));
}

function objectiveKept(o: ObjectiveModel, kept: KeyResultModel[], filter: TreeFilter): boolean {
  if (!isFilterActive(filter)) return true;
  if (kept.length > 0) return true;
  // An objective without (matching) key results still shows when it matches on its own.
  const ownerOk = filter.owner === undefined || ownerMatches(o.owner, filter.owner);
  const statusOk = !filter.statuses?.length || filter.statuses.includes(o.status);
  return ownerOk && statusOk && o.keyResults.length === 0;
}

/** Lowest score first (what needs attention on top); unscored last; ties keep file order. */
function byScore<T>(items: T[], score: (t: T) => number | undefined): T[] {
  return items
    .map((item, i) => ({ item, i, s: score(item) }))
    .sort((a, b) => {
      if (a.s === undefined && b.s === undefined) return a.i - b.i;
      if (a.s === undefined) return 1;
      if (b.s === undefined) return -1;
      return a.s - b.s || a.i - b.i;
    })
    .map((x) => x.item);
}

/** Makes ids unique (a file may repeat an id: the server reports it, the tree must not break). */
class Ids {
  private used = new Set<string>();
  take(id: string): string {
    let out = id;
    for (let n = 2; this.used.has(out); n++) out = `${id}~${n}`;
    this.used.add(out);
    return out;
  }
}

export function keyResultContext(kr: KeyResultModel): string {
  const parts = ['okr.keyResult'];
  if (kr.links.some((l) => l.target)) parts.push('hasLinks');
  if (kr.kind !== 'draft') parts.push('canCheckIn');
  return parts.join('.');
}

export function fileLabel(f: FileModel): string {
  return f.team ?? f.fileRef;
}

/**
 * The order the tree and the progress panel show files in: newest period first (files without a
 * period last, periods starting the same day by label), then by label.
 */
export function compareFilesForDisplay(a: FileModel, b: FileModel): number {
  if (!a.period !== !b.period) return a.period ? -1 : 1;
  const p = a.period && b.period ? b.period.start.localeCompare(a.period.start) || a.period.label.localeCompare(b.period.label) : 0;
  return p || fileLabel(a).localeCompare(fileLabel(b)) || a.fileRef.localeCompare(b.fileRef);
}

/** Builds the roots (periods) of the tree. Periods sort newest first; files by label. */
export function buildTree(model: WorkspaceModel, options: TreeOptions = {}): PeriodNode[] {
  const filter = options.filter ?? {};
  const sort = options.sort ?? 'file';
  const ids = new Ids();
  const byPeriod = new Map<string, FileModel[]>();
  // Grouping files already in display order keeps the periods and the files in each in that order.
  for (const f of [...model.files].sort(compareFilesForDisplay)) {
    const key = f.period?.label ?? NO_PERIOD;
    const list = byPeriod.get(key) ?? [];
    list.push(f);
    byPeriod.set(key, list);
  }
  const alignedOf = alignedResolver(model);
  const roots: PeriodNode[] = [];
  for (const key of byPeriod.keys()) {
    const files = byPeriod.get(key)!;
    const period: PeriodNode = {
      kind: 'period',
      id: ids.take(`period:${key}`),
      label: key,
      description: '',
      contextValue: 'okr.period',
      status: 'no-score',
      children: [],
    };
    let fileNodes: FileNode[] = [];
    for (const f of files) {
      const fileNode: FileNode = {
        kind: 'file',
        id: ids.take(`file:${f.uri}`),
        label: fileLabel(f),
        description: itemDescription(f),
        contextValue: 'okr.file',
        status: f.status,
        grade: f.grade,
        uri: f.uri,
        file: f,
        children: [],
        parent: period,
      };
      let objectiveNodes: ObjectiveNode[] = [];
      for (const o of f.objectives) {
        const kept = keptKeyResults(o, filter);
        // An objective also stays for its aligned children that match a status filter.
        if (!objectiveKept(o, kept, filter) && alignedKept(alignedOf(o), filter).length === 0) continue;
        const oNode: ObjectiveNode = {
          kind: 'objective',
          id: ids.take(`${f.uri}#${o.id}`),
          label: o.title,
          description: itemDescription(o),
          contextValue: 'okr.objective',
          status: o.status,
          grade: o.grade,
          uri: f.uri,
          range: o.range,
          objective: o,
          file: f,
          children: [],
          parent: fileNode,
        };
        const krs = sort === 'score' ? byScore(kept, (k) => k.score) : kept;
        oNode.children = krs.map(
          (kr): KeyResultNode => ({
            kind: 'keyResult',
            id: ids.take(`${f.uri}#${o.id}/${kr.id}`),
            label: kr.title,
            description: itemDescription(kr),
            contextValue: keyResultContext(kr),
            status: kr.status,
            grade: kr.grade,
            uri: f.uri,
            range: kr.range,
            keyResult: kr,
            objective: o,
            file: f,
            children: [],
            parent: oNode,
          }),
        );
        const group = alignedGroup(oNode, alignedOf(o), filter, sort, ids);
        if (group) oNode.children.push(group);
        objectiveNodes.push(oNode);
      }
      if (sort === 'score') objectiveNodes = byScore(objectiveNodes, (n) => n.objective.score);
      fileNode.children = objectiveNodes;
      if (objectiveNodes.length > 0 || !isFilterActive(filter)) fileNodes.push(fileNode);
    }
    if (sort === 'score') fileNodes = byScore(fileNodes, (n) => n.file.score);
    period.children = fileNodes;
    if (fileNodes.length > 0) roots.push(period);
  }
  return roots;
}

/** The aligned children a filter keeps: by status; none in a view of one owner's items (the model has no owners for them). */
function alignedKept(children: AlignedChild[], filter: TreeFilter): AlignedChild[] {
  if (filter.owner !== undefined) return [];
  return filter.statuses?.length ? children.filter((c) => filter.statuses!.includes(c.status)) : children;
}

/**
 * The "Aligned" group of an objective: every objective aligned to it, by ref with its score, whether
 * or not the objective's rollup counts them. A status filter keeps the children with those statuses.
 */
function alignedGroup(parent: ObjectiveNode, all: AlignedChild[], filter: TreeFilter, sort: SortOrder, ids: Ids): AlignedGroupNode | undefined {
  const o = parent.objective;
  const children = alignedKept(all, filter);
  if (children.length === 0) return undefined;
  const counted = o.rollup !== 'own';
  const group: AlignedGroupNode = {
    kind: 'alignedGroup',
    id: ids.take(`aligned:${parent.uri}#${o.id}`),
    label: `Aligned (${children.length})`,
    description: counted ? (o.rollup === 'both' ? 'counted with its key results' : 'counted') : 'not counted',
    contextValue: 'okr.alignedGroup',
    status: o.status,
    grade: o.grade,
    uri: parent.uri,
    range: parent.range,
    objective: o,
    file: parent.file,
    children: [],
    parent,
  };
  const ordered = sort === 'score' ? byScore(children, (c) => (c.excluded ? undefined : c.score)) : children;
  group.children = ordered.map((c): AlignedObjectiveNode => {
    return {
      kind: 'alignedObjective',
      id: ids.take(`aligned:${parent.uri}#${o.id}>${c.ref}`),
      label: c.title,
      description: alignedDescription(c),
      contextValue: 'okr.alignedObjective',
      status: c.status,
      grade: c.grade,
      // Not in the model (another root): it reveals its parent instead.
      uri: c.uri || parent.uri,
      range: c.range ?? parent.range,
      child: c,
      objective: o,
      children: [],
      parent: group,
    };
  });
  return group;
}

/** Depth-first walk over the tree. */
export function* walk(nodes: readonly TreeNode[]): Generator<TreeNode> {
  for (const n of nodes) {
    yield n;
    yield* walk(n.children);
  }
}

function contains(range: Range, line: number, character: number): boolean {
  const { start, end } = range;
  if (line < start.line || line > end.line) return false;
  if (line === start.line && character < start.character) return false;
  if (line === end.line && character > end.character) return false;
  return true;
}

/** The deepest objective or key result of `uri` whose range contains the position. */
export function nodeAt(roots: readonly TreeNode[], uri: string, line: number, character: number): TreeNode | undefined {
  let best: TreeNode | undefined;
  for (const n of walk(roots)) {
    if ((n.kind === 'objective' || n.kind === 'keyResult') && n.uri === uri && contains(n.range, line, character)) {
      if (!best || n.kind === 'keyResult') best = n;
    }
  }
  return best;
}

export function fileNodeOf(roots: readonly TreeNode[], uri: string): FileNode | undefined {
  for (const n of walk(roots)) if (n.kind === 'file' && n.uri === uri) return n;
  return undefined;
}

/** Plain data for tests (`okr.test.treeSnapshot`): no parents, no models. */
export interface NodeSnapshot {
  id: string;
  label: string;
  description: string;
  contextValue: string;
  children: NodeSnapshot[];
}

export function snapshot(nodes: readonly TreeNode[]): NodeSnapshot[] {
  return nodes.map((n) => ({ id: n.id, label: n.label, description: n.description, contextValue: n.contextValue, children: snapshot(n.children) }));
}
