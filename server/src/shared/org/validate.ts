// The page's check of an OrgView it was given (a panel message, or the data block of a report that
// may have been edited by hand): the shape the renderer relies on, indices in range and the parent
// links acyclic, so a malformed view is refused whole instead of drawn half or looping.
import { STATUSES } from '../../core/status';
import type { OrgView } from './view';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const optNum = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));
const isStatus = (v: unknown) => (STATUSES as readonly unknown[]).includes(v);
const isIndex = (v: unknown, n: number) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < n;
const GRADES = ['met', 'partial', 'missed'];
const KINDS = ['metric', 'guardrail', 'milestone', 'draft'];
const PLACES = ['company', 'aligned', 'unaligned', 'unresolved', 'cycle'];

function isPeriod(v: unknown): boolean {
  return v === undefined || (isObj(v) && str(v.label) && str(v.start) && str(v.end));
}

function isKeyResult(k: unknown): boolean {
  if (!isObj(k) || !str(k.id) || !str(k.title) || !KINDS.includes(k.kind as string) || !optStr(k.owner) || !optStr(k.unit)) return false;
  if (!optNum(k.baseline) || !optNum(k.target) || !optNum(k.score) || !(optNum(k.current) || typeof k.current === 'boolean')) return false;
  if (!isStatus(k.status) || !(k.grade === undefined || GRADES.includes(k.grade as string)) || typeof k.elapsed !== 'number' || !Array.isArray(k.checkins)) return false;
  return k.checkins.every((c) => isObj(c) && str(c.date) && (optNum(c.value) || typeof c.value === 'boolean') && optStr(c.note));
}

export function isOrgView(v: unknown): v is OrgView {
  if (!isObj(v) || !str(v.today) || !Array.isArray(v.files) || !Array.isArray(v.objectives) || !Array.isArray(v.company) || !Array.isArray(v.apart)) return false;
  if (!Array.isArray(v.owners) || !v.owners.every(str) || typeof v.keyResultCount !== 'number') return false;
  if (!v.files.every((f) => isObj(f) && str(f.uri) && str(f.fileRef) && str(f.label) && isPeriod(f.period))) return false;
  const n = v.objectives.length;
  const files = v.files.length;
  for (const o of v.objectives) {
    if (!isObj(o) || !str(o.ref) || !str(o.id) || !str(o.title) || !isIndex(o.file, files) || !optStr(o.owner) || !str(o.scoreText) || !isStatus(o.status) || !str(o.statusLabel)) return false;
    if (!optNum(o.score) || !optNum(o.expectedScore) || !optNum(o.gap) || !PLACES.includes(o.place as string) || !optStr(o.alignsTo) || !optStr(o.rollupText) || !optStr(o.reason)) return false;
    if (!(o.parent === undefined || isIndex(o.parent, n)) || !Array.isArray(o.children) || !o.children.every((c) => isIndex(c, n))) return false;
    if (!Array.isArray(o.keyResults) || !o.keyResults.every(isKeyResult)) return false;
  }
  const objectives = v.objectives as Obj[];
  // Every child names its parent back, and no parent chain loops (each walked once): the renderer's walk ends.
  const mark = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!(objectives[i]!.children as number[]).every((c) => objectives[c]!.parent === i)) return false;
    const path: number[] = [];
    for (let at = i as number | undefined; at !== undefined && mark[at] !== 2; at = objectives[at]!.parent as number | undefined) {
      if (mark[at] === 1) return false;
      mark[at] = 1;
      path.push(at);
    }
    for (const k of path) mark[k] = 2;
  }
  return v.company.every((i) => isIndex(i, n)) && v.apart.every((i) => isIndex(i, n));
}
