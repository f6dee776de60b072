// The messages between the extension and the organisation panel's page, typed once and validated on
// each side: a message that does not match is dropped, never acted on. No `vscode` import: bundled
// into the page.
import { isOrgView } from '../../../server/src/shared/org/validate';
import type { OrgView } from '../../../server/src/shared/org/view';

/**
 * extension -> page: the view to draw, as JSON text (absent while the model loads). Text, not an
 * object: postMessage copies one string cheaply, and the objects JSON.parse makes in the page are
 * fast to read, where a structured clone of 40,000 key results made validating them alone take
 * most of a second.
 */
export interface OrgViewMessage {
  type: 'org';
  revision: number;
  json?: string;
}

/** What the page makes of a view message: the view, parsed and checked. */
export interface OrgViewReceived {
  revision: number;
  view?: OrgView;
}

/** page -> extension */
export type OrgPageMessage =
  | { type: 'ready' }
  | { type: 'reveal'; target: { uri: string; objectiveId?: string; keyResultId?: string } }
  | { type: 'rendered'; revision: number; rows: number; total: number; objectives: number; matches: number; trends: number };

export const ORG_VIEW_TYPE = 'okr.organisation';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const keysAre = (o: Obj, allowed: string[]) => Object.keys(o).every((k) => allowed.includes(k));
const isId = (v: unknown, max = 2000) => typeof v === 'string' && v.length > 0 && v.length <= max;

export function parseOrgPageMessage(raw: unknown): OrgPageMessage | undefined {
  if (!isObj(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return keysAre(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'reveal': {
      const t = raw.target;
      if (!keysAre(raw, ['type', 'target']) || !isObj(t) || !keysAre(t, ['uri', 'objectiveId', 'keyResultId']) || !isId(t.uri, 10_000)) return undefined;
      if (t.objectiveId !== undefined && !isId(t.objectiveId)) return undefined;
      if (t.keyResultId !== undefined && (!isId(t.keyResultId) || t.objectiveId === undefined)) return undefined;
      return { type: 'reveal', target: { uri: t.uri as string, objectiveId: t.objectiveId as string | undefined, keyResultId: t.keyResultId as string | undefined } };
    }
    case 'rendered': {
      const keys = ['revision', 'rows', 'total', 'objectives', 'matches', 'trends'];
      if (!keysAre(raw, ['type', ...keys]) || !keys.every((k) => isCount(raw[k]))) return undefined;
      const r = raw as Record<string, number>;
      return { type: 'rendered', revision: r.revision!, rows: r.rows!, total: r.total!, objectives: r.objectives!, matches: r.matches!, trends: r.trends! };
    }
    default:
      return undefined;
  }
}

export function parseOrgViewMessage(raw: unknown): OrgViewReceived | undefined {
  if (!isObj(raw) || raw.type !== 'org' || !isCount(raw.revision) || !keysAre(raw, ['type', 'revision', 'json'])) return undefined;
  if (raw.json === undefined) return { revision: raw.revision };
  if (typeof raw.json !== 'string') return undefined;
  let view: unknown;
  try {
    view = JSON.parse(raw.json);
  } catch {
    return undefined;
  }
  return isOrgView(view) ? { revision: raw.revision, view } : undefined;
}
