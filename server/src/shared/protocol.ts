// Custom messages between the VS Code client and the language server, typed once and imported by
// both sides. Every message names the side that sends it. Other LSP clients can ignore them all.
// Plain method names and types: each side wraps them with its own vscode-jsonrpc, so the client and
// the server need not share a protocol library version.
import type { Range } from '../core/positions';
import type { Grade, Status } from '../core/status';

export interface CheckinSummary {
  date: string;
  value?: number | boolean;
  confidence?: number;
  note?: string;
  /** Not written as a check-in: the value `current` took in this commit (short sha), read from git. */
  commit?: string;
}

export interface LinkSummary {
  text: string;
  /** What the link opens: a file URI (with #L line fragment) or a web URL; absent when unresolvable. */
  target?: string;
  kind: 'file' | 'github' | 'gitlab' | 'tracker' | 'url' | 'invalid';
  /** A file outside the workspace (`../../etc/passwd`): the client asks before opening it. */
  outside?: true;
}

export interface KeyResultModel {
  id: string;
  title: string;
  /** `<file-ref>#<objective-id>/<kr-id>` */
  ref: string;
  kind: 'metric' | 'guardrail' | 'milestone' | 'draft';
  owner?: string;
  unit?: string;
  baseline?: number;
  target?: number;
  current?: number | boolean;
  score?: number;
  progress?: number;
  /** The share of the period elapsed today. */
  expected: number;
  /** The score expected today (`expected` × the objective type's aim): the status is judged against it. */
  expectedScore: number;
  status: Status;
  /** With status `final`: the grade of the score. */
  grade?: Grade;
  /** `status:` as written in the file (closed and dropped: docs/format.md); absent when active. */
  state?: ItemState;
  /** Why it was closed or dropped. */
  reason?: string;
  confidence?: number;
  checkins: CheckinSummary[];
  links: LinkSummary[];
  range: Range;
  /** Number of diagnostics on this key result, by severity. */
  problems: { errors: number; warnings: number };
}

export type ItemState = 'active' | 'closed' | 'dropped';

/**
 * An objective aligned to another (its `aligns_to` resolves to it), by reference only: its title, score
 * and status are in its own file's model (the objective whose `ref` this is), so a child's check-in does
 * not re-send the parent's list, and a company objective with 2,000 children stays small.
 */
export interface AlignedChildModel {
  /** `<file-ref>#<objective-id>`: the `ref` of the child's ObjectiveModel. */
  ref: string;
  /** Its `weight` in the parent's aligned mean. */
  weight: number;
  /** Left out of the parent's score: dropped, or its alignment closes a cycle. */
  excluded?: 'dropped' | 'cycle';
}

export interface ObjectiveModel {
  id: string;
  title: string;
  ref: string;
  owner?: string;
  type: 'aspirational' | 'committed';
  alignsTo?: string;
  score?: number;
  expected: number;
  expectedScore: number;
  status: Status;
  grade?: Grade;
  /** Where the score comes from: own key results, the aligned objectives, or both (docs/scoring.md). */
  rollup: 'own' | 'aligned' | 'both';
  /** How the score was computed, e.g. `(0.40×1 + 0.80×3) / 4 = 0.70`. */
  arithmetic: string;
  /** The objectives aligned to this one, by ref; listed whether or not they count (`rollup`). */
  aligned: AlignedChildModel[];
  /** Absent when active. */
  state?: ItemState;
  reason?: string;
  range: Range;
  keyResults: KeyResultModel[];
}

export interface FileModel {
  uri: string;
  /** `<file-ref>`: path from the workspace root without `.okr`. */
  fileRef: string;
  team?: string;
  period?: { label: string; start: string; end: string };
  score?: number;
  expected: number;
  expectedScore: number;
  status: Status;
  grade?: Grade;
  objectives: ObjectiveModel[];
}

export interface WorkspaceModel {
  today: string;
  files: FileModel[];
}

/** client -> server: the whole workspace model (files, objectives, key results, scores, check-ins). */
export const WorkspaceModelRequest = 'okr/workspaceModel';

/**
 * client -> server: what changed in the model since the revision the client holds, file by file, so
 * a keystroke in one file does not send the whole workspace again. Without `since` (or with a
 * revision of another server process, after a restart) the answer is the whole model (`full`).
 */
export const WorkspaceModelDeltaRequest = 'okr/workspaceModelDelta';
export interface WorkspaceModelDeltaParams {
  since?: { server: string; revision: number };
}
export interface WorkspaceModelDelta {
  /** Identifies the server process: revisions of another process mean nothing here. */
  server: string;
  revision: number;
  today: string;
  /** True when `files` is the whole model and the client drops what it held. */
  full: boolean;
  /** Files added or changed since `since` (every file when `full`). */
  files: FileModel[];
  /** URIs of files gone since `since`. */
  removed: string[];
}

/** server -> client: the model changed (a file was edited, added or removed); ask again when needed. */
export const ModelChangedNotification = 'okr/modelChanged';
export interface ModelChangedParams {
  uris: string[];
}

/**
 * client -> server, in `initializationOptions.graphDiagnostics`: 'notification' asks for the problems
 * of the workspace-scope rules (references, alignment cycles, periods, links on disk: those another
 * file's change can move) apart, in GraphDiagnosticsNotification, and only the rest in
 * textDocument/publishDiagnostics. A parent renamed on disk then re-sends one small report per
 * dependent file instead of each file's every problem. Other clients get all problems pushed as usual.
 */
export const GRAPH_DIAGNOSTICS_OPTION = 'notification';

/** server -> client: the cross-file problems of some files (an empty list clears a file's). */
export const GraphDiagnosticsNotification = 'okr/graphDiagnostics';
export interface GraphDiagnosticsParams {
  /** LSP Diagnostic objects (source, code, docs link and data as in publishDiagnostics). */
  items: Array<{ uri: string; diagnostics: unknown[] }>;
}

/**
 * client -> server, in `initializationOptions.documentDiagnostics`: 'blocks' asks for each document's
 * problems in DocumentDiagnosticsNotification instead of textDocument/publishDiagnostics: in blocks,
 * one per objective and one for the rest of the file, and after the first message only the blocks
 * that changed (a keystroke in a large file changes one objective's problems; publishDiagnostics
 * would send all of them again). Other clients get publishDiagnostics as usual.
 */
export const DOCUMENT_DIAGNOSTICS_OPTION = 'blocks';

/** server -> client: what changed in one document's problems (see DOCUMENT_DIAGNOSTICS_OPTION). */
export const DocumentDiagnosticsNotification = 'okr/documentDiagnostics';
export interface DocumentDiagnosticsParams {
  uri: string;
  /** The version of the open document they are for; null for the file on disk. */
  version: number | null;
  /** Drop every block held for the document first (the first message, or after a clear). */
  reset: boolean;
  /**
   * Blocks that changed or moved. With `diagnostics`: the block's problems now (LSP Diagnostic
   * objects, lines counted from `line`). Without: the same problems as before, now from `line`.
   */
  blocks: Array<{ key: string; line: number; diagnostics?: unknown[] }>;
  /** Blocks that no longer have problems. */
  removed: string[];
}

export interface CheckinParams {
  uri: string;
  objectiveId: string;
  keyResultId: string;
  /** A number for metrics and guardrails, true/false for milestones. */
  value: number | boolean;
  confidence?: number;
  note?: string;
  /** Defaults to the server's today. */
  date?: string;
  /**
   * The version of the open document the client computed the check-in for: when the server's copy
   * has moved on (or not caught up), it answers `ok: false` instead of edits for another text.
   */
  version?: number;
}

export interface TextEditLike {
  range: Range;
  newText: string;
}

/** `changed`: refused because the document's version is not the one asked for (ask again). */
export type CheckinResult = { ok: true; uri: string; version?: number; edits: TextEditLike[] } | { ok: false; message: string; changed?: boolean };

/** client -> server: the edits that append a check-in (and update `current`), keeping comments and formatting. */
export const CheckinRequest = 'okr/checkinEdit';

/** client -> server: a file as it was at the last commit before its period started ("Compare with Period Start"). */
export const PeriodStartTextRequest = 'okr/periodStartText';
export interface PeriodStartTextParams {
  uri: string;
}
export type PeriodStartTextResult =
  | { ok: true; text: string; period: string; periodStart: string; commit: string; commitDate: string }
  | { ok: false; message: string };

/**
 * Node options the VS Code client starts the server with (the bench starts it the same way): a young
 * generation that never shrinks below 8 MB. After a large answer (the organisation's whole model, 24
 * MB of JSON for 2,000 files) a full collection shrank it to a megabyte or two, and each keystroke's
 * couple of megabytes then paid two scavenges of about 9 ms: the organisation keystroke measured
 * 25-35 ms in a third of the runs instead of 4-8. A 32 MB maximum (once here, when a keystroke in a
 * large file copied the models below it) did not prevent that, and cost 20 MB of peak memory.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--min-semi-space-size=8'];

