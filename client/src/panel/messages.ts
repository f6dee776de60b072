// The messages between the extension and the progress panel's webview, typed once and imported by
// both sides (client/src/panel/panel.ts and the webview script client/src/panel/webview/main.ts).
// Each side validates what it receives: a message that does not match is dropped, never acted on.
// No `vscode` import and no run-time import of the view model: this module is bundled into the page.
import type { ItemTarget, PanelView } from './view';

/** extension -> webview: everything to draw, replacing what is shown. `revision` grows by one per message. */
export interface ViewMessage {
  type: 'view';
  revision: number;
  view: PanelView;
}
export type HostMessage = ViewMessage;

/** webview -> extension: the page is loaded and listening; send the view. */
export interface ReadyMessage {
  type: 'ready';
}
/** webview -> extension: open the file at the objective or key result (or at the top for a file). */
export interface RevealMessage {
  type: 'reveal';
  target: ItemTarget;
}
/** webview -> extension: run OKR: Check In for this key result (the command asks for the value). */
export interface CheckInMessage {
  type: 'checkIn';
  target: Required<ItemTarget>;
}
/** webview -> extension: run OKR: New OKR File (the empty state's button). */
export interface NewFileMessage {
  type: 'newFile';
}
/** webview -> extension: run OKR: Show Organisation Map (the header's button). */
export interface ShowOrganisationMessage {
  type: 'showOrganisation';
}
/** webview -> extension: the page drew `revision` (what it shows, counted; read by the tests). */
export interface RenderedMessage {
  type: 'rendered';
  revision: number;
  files: number;
  keyResults: number;
  /** Points drawn in all sparklines. */
  trendPoints: number;
}
export type PanelMessage = ReadyMessage | RevealMessage | CheckInMessage | NewFileMessage | ShowOrganisationMessage | RenderedMessage;

/** The panel's webview type (also its serializer's). */
export const PANEL_VIEW_TYPE = 'okr.progress';

const MAX_ID = 2000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = MAX_ID): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const keysAre = (o: Obj, allowed: string[]) => Object.keys(o).every((k) => allowed.includes(k));

function parseTarget(v: unknown): ItemTarget | undefined {
  if (!isObj(v) || !keysAre(v, ['uri', 'objectiveId', 'keyResultId'])) return undefined;
  if (!isStr(v.uri, 10_000)) return undefined;
  if (v.objectiveId !== undefined && !isStr(v.objectiveId)) return undefined;
  if (v.keyResultId !== undefined && (!isStr(v.keyResultId) || v.objectiveId === undefined)) return undefined;
  return { uri: v.uri, objectiveId: v.objectiveId as string | undefined, keyResultId: v.keyResultId as string | undefined };
}

/** The extension's check of what the webview sent: a well-formed PanelMessage, or undefined. */
export function parsePanelMessage(raw: unknown): PanelMessage | undefined {
  if (!isObj(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'newFile':
    case 'showOrganisation':
      return keysAre(raw, ['type']) ? { type: raw.type } : undefined;
    case 'reveal': {
      const target = keysAre(raw, ['type', 'target']) ? parseTarget(raw.target) : undefined;
      return target ? { type: 'reveal', target } : undefined;
    }
    case 'checkIn': {
      const target = keysAre(raw, ['type', 'target']) ? parseTarget(raw.target) : undefined;
      if (!target?.objectiveId || !target.keyResultId) return undefined;
      return { type: 'checkIn', target: { uri: target.uri, objectiveId: target.objectiveId, keyResultId: target.keyResultId } };
    }
    case 'rendered': {
      if (!keysAre(raw, ['type', 'revision', 'files', 'keyResults', 'trendPoints'])) return undefined;
      const { revision, files, keyResults, trendPoints } = raw;
      if (!isCount(revision) || !isCount(files) || !isCount(keyResults) || !isCount(trendPoints)) return undefined;
      return { type: 'rendered', revision, files, keyResults, trendPoints };
    }
    default:
      return undefined;
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const optStr = (v: unknown) => v === undefined || typeof v === 'string';

function isBar(v: unknown): boolean {
  return isObj(v) && isNum(v.fill) && (v.expected === undefined || isNum(v.expected)) && (v.broken === undefined || typeof v.broken === 'boolean') && typeof v.label === 'string';
}

function isTrend(v: unknown): boolean {
  if (!isObj(v) || !isNum(v.width) || !isNum(v.height) || typeof v.path !== 'string' || typeof v.label !== 'string' || !Array.isArray(v.points)) return false;
  if (!v.points.every((p) => isObj(p) && isNum(p.x) && isNum(p.y) && typeof p.date === 'string' && typeof p.text === 'string')) return false;
  if (v.pace !== undefined && !(isObj(v.pace) && [v.pace.x1, v.pace.y1, v.pace.x2, v.pace.y2].every(isNum))) return false;
  return (v.threshold === undefined || isNum(v.threshold)) && (v.today === undefined || isNum(v.today));
}

function isHeader(v: Obj): boolean {
  return typeof v.key === 'string' && parseTarget(v.target) !== undefined && typeof v.title === 'string' && typeof v.scoreText === 'string' && typeof v.status === 'string' && typeof v.statusLabel === 'string' && typeof v.statusTitle === 'string' && optStr(v.expectedText);
}

function isKeyResult(v: unknown): boolean {
  if (!isObj(v) || !isHeader(v) || typeof v.kind !== 'string' || typeof v.ref !== 'string' || !optStr(v.owner)) return false;
  if (v.bar !== undefined && !isBar(v.bar)) return false;
  if (v.trend !== undefined && !isTrend(v.trend)) return false;
  const values = v.values;
  if (!isObj(values) || ![values.baseline, values.current, values.target, values.text].every(optStr)) return false;
  if (!optStr(v.confidenceText) || !optStr(v.noTrend) || !optStr(v.lastCheckin) || !optStr(v.problemsText)) return false;
  const p = v.problems;
  return isCount(v.checkinCount) && isObj(p) && isCount(p.errors) && isCount(p.warnings) && typeof v.canCheckIn === 'boolean' && optStr(v.stateText);
}

function isAligned(v: unknown): boolean {
  return isObj(v) && isHeader(v) && typeof v.ref === 'string' && typeof v.text === 'string' && typeof v.counted === 'boolean';
}

function isObjective(v: unknown): boolean {
  if (!isObj(v) || !optStr(v.rollupText) || !optStr(v.stateText) || !Array.isArray(v.aligned) || !v.aligned.every(isAligned)) return false;
  return isHeader(v) && typeof v.ref === 'string' && isBar(v.bar) && optStr(v.owner) && Array.isArray(v.keyResults) && v.keyResults.every(isKeyResult);
}

function isFile(v: unknown): boolean {
  return isObj(v) && isHeader(v) && typeof v.fileRef === 'string' && optStr(v.period) && typeof v.summary === 'string' && isBar(v.bar) && Array.isArray(v.objectives) && v.objectives.every(isObjective);
}

/** The webview's check of what the extension sent: a well-formed HostMessage, or undefined. */
export function parseHostMessage(raw: unknown): HostMessage | undefined {
  if (!isObj(raw) || raw.type !== 'view' || !isCount(raw.revision)) return undefined;
  const view = raw.view;
  if (!isObj(view) || !['loading', 'empty', 'ready'].includes(view.state as string) || !optStr(view.today)) return undefined;
  if (!Array.isArray(view.files) || !view.files.every(isFile)) return undefined;
  return raw as unknown as HostMessage;
}
