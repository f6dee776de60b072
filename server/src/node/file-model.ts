// One file's model as the views show it (protocol.ts FileModel): scores rolled up through the
// workspace, key results with their check-ins (and the values `current` took in commits), links
// resolved, problems counted. Host code shared by the language server (lsp/workspace-model.ts, with
// the server's diagnostics and histories) and the CLI (`okr report --format html`, with `okr check`'s),
// so the panel and the shareable report draw the same numbers.
import { pathToFileURL } from 'node:url';
import {
  handleOf,
  historyKey,
  shortSha,
  latestCheckin,
  resolveLink,
  WorkspaceScorer,
  type FileHistory,
  type HistoryValue,
  type KeyResult,
  type OkrConfig,
  type OkrDiagnostic,
  type OkrDocument,
  type Range,
  type WorkspaceIndex,
} from '../core';
import type { CheckinSummary, FileModel, KeyResultModel, LinkSummary } from '../shared/protocol';

export interface FileModelInput {
  index: WorkspaceIndex;
  config: OkrConfig;
  /** The workspace root's path (links resolve against it). */
  rootPath: string;
  path: string;
  doc: OkrDocument;
  today: string;
  /** The file's diagnostics, counted per key result. */
  diagnostics: readonly Pick<OkrDiagnostic, 'range' | 'severity'>[];
  history?: FileHistory;
  /** Path to file: URI; the server passes its cached converter. */
  toUri?: (p: string) => string;
}

const defaultUri = (p: string) => pathToFileURL(p).toString();

/** A block map's range ends at column 0 of the next item's line: that line is not the item's. */
function lastLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}

export function buildFileModel(input: FileModelInput): FileModel {
  const { index, config, path: p, doc, today, diagnostics: diags, history } = input;
  const toUri = input.toUri ?? defaultUri;
  // Shared per index epoch: the files of one model build reuse each other's rollups.
  const score = WorkspaceScorer.for(index, today, config.scoring).document(doc);
  const fileRef = index.shortRef(p);
  const problemsIn = (kr: KeyResult) => {
    const last = lastLine(kr.node.range);
    const inside = diags.filter((d) => d.range.start.line >= kr.node.range.start.line && d.range.start.line <= last);
    return { errors: inside.filter((d) => d.severity === 'error').length, warnings: inside.filter((d) => d.severity === 'warning').length };
  };
  return {
    uri: toUri(p),
    fileRef,
    team: doc.team,
    period: doc.period,
    score: score.score,
    expected: score.expected,
    expectedScore: score.expectedScore,
    status: score.status,
    grade: score.grade,
    objectives: doc.objectives.map((o, i) => {
      const os = score.objectives[i]!;
      const oid = handleOf(o, 'objective');
      return {
        id: oid,
        title: o.title ?? '(untitled objective)',
        ref: `${fileRef}#${oid}`,
        owner: o.effectiveOwner,
        type: o.type,
        alignsTo: o.effectiveAlignsTo,
        score: os.score,
        expected: os.expected,
        expectedScore: os.expectedScore,
        status: os.status,
        grade: os.grade,
        rollup: os.rollup,
        arithmetic: os.arithmetic,
        aligned: os.aligned.children.map((c) => (c.excluded ? { ref: c.ref, weight: c.weight, excluded: c.excluded } : { ref: c.ref, weight: c.weight })),
        // Only what differs from the default: the model is sent for every key result of the workspace.
        state: o.state === 'active' ? undefined : o.state,
        reason: o.reason,
        range: o.node.range,
        keyResults: o.keyResults.map((kr, j): KeyResultModel => {
          const ks = os.keyResults[j]!;
          const kid = handleOf(kr, 'kr');
          return {
            id: kid,
            title: kr.title ?? '(untitled key result)',
            ref: `${fileRef}#${oid}/${kid}`,
            kind: kr.kind,
            owner: kr.effectiveOwner,
            unit: kr.unit,
            baseline: kr.baseline,
            target: kr.target,
            current: ks.current,
            score: ks.score,
            progress: ks.progress,
            expected: ks.expected,
            expectedScore: ks.expectedScore,
            status: ks.status,
            grade: ks.grade,
            state: ks.state === 'active' ? undefined : ks.state,
            reason: ks.reason,
            // The newest check-in by date that gives one (as the hover's trend), not the last written.
            confidence: kr.confidence ?? latestCheckin({ ...kr, checkins: kr.checkins.filter((c) => c.confidence !== undefined) })?.confidence,
            checkins: withCommittedValues(
              kr.checkins.filter((c) => c.date).map((c) => ({ date: c.date!, value: c.value, confidence: c.confidence, note: c.note })),
              history?.keyResults.get(historyKey(o, kr))?.values,
            ),
            links: kr.links.map((l) => linkSummaryOf(l.text, p, input.rootPath, config, toUri)),
            range: kr.node.range,
            problems: problemsIn(kr),
          };
        }),
      };
    }),
  };
}

export function linkSummaryOf(text: string, docPath: string, rootPath: string, config: OkrConfig, toUri: (p: string) => string = defaultUri): LinkSummary {
  const t = resolveLink(text, docPath, rootPath, config);
  switch (t.kind) {
    case 'file':
      return {
        text,
        kind: 'file',
        target: toUri(t.path) + (t.startLine ? `#L${t.startLine}${t.endLine && t.endLine !== t.startLine ? `-L${t.endLine}` : ''}` : ''),
        ...(t.outside ? { outside: true as const } : {}),
      };
    case 'github':
    case 'gitlab':
    case 'tracker':
      return { text, kind: t.kind, target: t.url };
    case 'url':
      return { text, kind: 'url', target: t.url };
    case 'invalid':
      return { text, kind: 'invalid' };
  }
}

/**
 * Explicit check-ins plus the values `current` took in commits (git history), by date: a committed
 * value on a day that already has a check-in with a value is left out (the check-in says more).
 */
function withCommittedValues(checkins: CheckinSummary[], values: readonly HistoryValue[] | undefined): CheckinSummary[] {
  const out = [...checkins];
  if (values?.length) {
    const days = new Set(checkins.filter((c) => c.value !== undefined).map((c) => c.date));
    for (const v of values) if (!days.has(v.date)) out.push({ date: v.date, value: v.value, commit: shortSha(v.sha) });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
