// `okr score`: every file, objective and key result with its score, expected progress and status,
// as JSON or as a readable tree. Objectives roll up the objectives aligned to them (docs/scoring.md);
// both formats list those children.
import { GRADE_LABEL, STATUS_LABEL, WorkspaceScorer, scoreDocument, type Grade, type ItemState, type KrKind, type ObjectiveScorer, type Status } from '../core';
import { visibleLength, type Colors } from './color';
import type { LoadedFile, Workspace } from './load-workspace';

export interface KrRow {
  id: string | null;
  title: string | null;
  kind: KrKind;
  score: number | null;
  progress: number | null;
  expected: number;
  /** The score expected today (expected × the aim): what the status was judged against. */
  expectedScore: number;
  status: Status;
  exceeded: boolean;
  arithmetic: string;
  grade: Grade | null;
  state: ItemState;
  reason: string | null;
}

export interface AlignedRow {
  /** `<file-ref>#<objective-id>` */
  ref: string;
  title: string | null;
  score: number | null;
  status: Status;
  grade: Grade | null;
  weight: number;
  /** Left out of the parent's score: `dropped`, or `cycle` (its aligns_to closes a cycle). */
  excluded: 'dropped' | 'cycle' | null;
}

export interface ObjectiveRow {
  id: string | null;
  title: string | null;
  type: 'aspirational' | 'committed';
  score: number | null;
  expected: number;
  expectedScore: number;
  status: Status;
  grade: Grade | null;
  rollup: 'own' | 'aligned' | 'both';
  arithmetic: string;
  aligned: AlignedRow[];
  state: ItemState;
  reason: string | null;
  keyResults: KrRow[];
}

export interface FileRow {
  path: string;
  period: string | null;
  team: string | null;
  score: number | null;
  expected: number;
  expectedScore: number;
  status: Status;
  grade: Grade | null;
  objectives: ObjectiveRow[];
}

/** A number as computed (machine output keeps full precision), or null when there is none. */
export function exact(n: number | undefined): number | null {
  return n === undefined || !Number.isFinite(n) ? null : n;
}

/** Two decimals, for people: the precision scores are discussed at (0.7 is the aspirational aim). */
export function twoDecimals(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

/** The reported files of a loaded workspace, scored with the rollups of the whole workspace. */
export function scoreWorkspace(ws: Workspace, today: string): FileRow[] {
  return scoreFiles(ws.reported, today, WorkspaceScorer.for(ws.index, today, ws.config.scoring));
}

/** Without a scorer each file is scored alone: objectives from their own key results. */
export function scoreFiles(files: readonly LoadedFile[], today: string, scorer?: ObjectiveScorer): FileRow[] {
  return files.map((f) => {
    const s = scoreDocument(f.doc, today, { scorer });
    return {
      path: f.rel,
      period: f.doc.period?.label ?? null,
      team: f.doc.team ?? null,
      score: exact(s.score),
      expected: exact(s.expected) ?? 0,
      expectedScore: exact(s.expectedScore) ?? 0,
      status: s.status,
      grade: s.grade ?? null,
      objectives: f.doc.objectives.map((o, i) => {
        const os = s.objectives[i]!;
        return {
          id: o.id ?? null,
          title: o.title ?? null,
          type: o.type,
          score: exact(os.score),
          expected: exact(os.expected) ?? 0,
          expectedScore: exact(os.expectedScore) ?? 0,
          status: os.status,
          grade: os.grade ?? null,
          rollup: os.rollup,
          arithmetic: os.arithmetic,
          aligned: os.aligned.children.map((c) => ({
            ref: c.ref,
            title: c.title ?? null,
            score: exact(c.score),
            status: c.status,
            grade: c.grade ?? null,
            weight: c.weight,
            excluded: c.excluded ?? null,
          })),
          state: o.state,
          reason: o.reason ?? null,
          keyResults: o.keyResults.map((kr, j) => {
            const ks = os.keyResults[j]!;
            return {
              id: kr.id ?? null,
              title: kr.title ?? null,
              kind: kr.kind,
              score: exact(ks.score),
              progress: exact(ks.progress),
              expected: exact(ks.expected) ?? 0,
              expectedScore: exact(ks.expectedScore) ?? 0,
              status: ks.status,
              exceeded: ks.exceeded,
              arithmetic: ks.arithmetic,
              grade: ks.grade ?? null,
              state: ks.state,
              reason: ks.reason ?? null,
            };
          }),
        };
      }),
    };
  });
}

export function formatScoreJson(rows: readonly FileRow[]): string {
  const json = {
    files: rows.map((f) => ({
      path: f.path,
      period: f.period,
      team: f.team,
      score: f.score,
      expected_score: f.expectedScore,
      status: f.status,
      ...(f.grade ? { grade: f.grade } : {}),
      objectives: f.objectives.map((o) => ({
        id: o.id,
        title: o.title,
        score: o.score,
        expected_score: o.expectedScore,
        status: o.status,
        ...(o.grade ? { grade: o.grade } : {}),
        ...(o.state !== 'active' ? { state: o.state, reason: o.reason } : {}),
        rollup: o.rollup,
        arithmetic: o.arithmetic,
        aligned: o.aligned.map((a) => ({
          ref: a.ref,
          title: a.title,
          score: a.score,
          status: a.status,
          weight: a.weight,
          counted: o.rollup !== 'own' && a.excluded === null,
          ...(a.excluded ? { excluded: a.excluded } : {}),
        })),
        key_results: o.keyResults.map((k) => ({
          id: k.id,
          title: k.title,
          kind: k.kind,
          score: k.score,
          progress: k.progress,
          expected: k.expected,
          expected_score: k.expectedScore,
          status: k.status,
          ...(k.grade ? { grade: k.grade } : {}),
          ...(k.state !== 'active' ? { state: k.state, reason: k.reason } : {}),
        })),
      })),
    })),
  };
  return JSON.stringify(json, null, 2) + '\n';
}

const BAR_CELLS = 10;

export function bar(score: number | null): string {
  if (score === null) return '·'.repeat(BAR_CELLS);
  // From the score as shown (two decimals), so the bar never disagrees with the number beside it.
  const filled = Math.max(0, Math.min(BAR_CELLS, Math.round(Number(twoDecimals(score)) * BAR_CELLS)));
  return '█'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
}

/** Green, yellow, red by status; a final score by its grade. */
export function paintStatus(c: Colors, status: Status, text: string, grade?: Grade | null): string {
  if (status === 'final') return grade === 'met' ? c.green(text) : grade === 'partial' ? c.yellow(text) : grade === 'missed' ? c.red(text) : c.gray(text);
  switch (status) {
    case 'done':
    case 'on-track':
      return c.green(text);
    case 'at-risk':
      return c.yellow(text);
    case 'off-track':
      return c.red(text);
    default:
      return c.gray(text);
  }
}

const STATUS_WIDTH = Math.max(...Object.values(STATUS_LABEL).map((s) => s.length));

function scoreText(score: number | null): string {
  return score === null ? '  – ' : twoDecimals(score);
}

function truncate(s: string, width: number): string {
  if (width <= 1) return '';
  return s.length <= width ? s : s.slice(0, width - 1).trimEnd() + '…';
}

export interface ScoreTextOptions {
  colors: Colors;
  today: string;
  /** Terminal width, to shorten long titles. */
  width?: number;
}

/** `exp 0.39`: the expected score a status was judged against; blanks where none was (guardrails, drafts, no period). */
function expectedColumn(c: Colors, expected: number | null): string {
  return expected === null ? ' '.repeat(8) : c.dim(`exp ${twoDecimals(expected)}`);
}

/** Aligned children listed per objective in text; JSON lists them all. */
export const MAX_ALIGNED_LINES = 10;

interface LineItem {
  score: number | null;
  status: Status;
  grade?: Grade | null;
  id: string | null;
  title: string | null;
}

/** One line: `  0.62 ██████░░░░ on track   exp 0.39  crash-free  Raise crash-free…` */
function line(c: Colors, indent: string, item: LineItem, expected: number | null, idWidth: number, width: number, suffix = ''): string {
  const { score, status, grade } = item;
  const head = `${indent}${c.bold(scoreText(score))} ${paintStatus(c, status, bar(score), grade)} ${paintStatus(c, status, STATUS_LABEL[status].padEnd(STATUS_WIDTH), grade)} ${expectedColumn(c, expected)}  ${(item.id ?? '(no id)').padEnd(idWidth)}  `;
  const room = width - visibleLength(head) - visibleLength(suffix);
  return head + truncate(item.title ?? '(no title)', Math.max(room, 20)) + suffix;
}

/** ` (fell short)`, ` (dropped: metric retired)`, ` (closed)`: what the status column cannot say. */
function stateNote(c: Colors, item: { status: Status; grade: Grade | null; state: ItemState; reason: string | null }): string {
  if (item.state === 'dropped') return c.dim(` (dropped${item.reason ? `: ${item.reason}` : ''})`);
  const parts: string[] = [];
  if (item.status === 'final' && item.grade) parts.push(GRADE_LABEL[item.grade]);
  if (item.state === 'closed') parts.push(`closed${item.reason ? `: ${item.reason}` : ''}`);
  return parts.length ? c.dim(` (${parts.join('; ')})`) : '';
}

const ROLLUP_NAME = { own: 'own key results', aligned: 'aligned objectives', both: 'own key results and aligned objectives' } as const;

/** ` × aim 0.7` when the expected score is scaled (aspirational), nothing for a committed aim of 1. */
export function aimText(expected: number, expectedScore: number): string {
  if (expected <= 0) return '';
  const aim = Math.round((expectedScore / expected) * 10) / 10;
  return aim === 1 ? '' : ` × aim ${aim}`;
}

export function formatScoreText(rows: readonly FileRow[], options: ScoreTextOptions): string {
  const c = options.colors;
  const width = Math.max(options.width ?? 120, 60); // no terminal (a pipe, CI): a generous fixed width
  const out: string[] = [];
  for (const f of rows) {
    const about = [f.team, f.period].filter(Boolean).join(' · ');
    out.push(`${c.underline(c.bold(f.path))}${about ? '  ' + about : ''}`);
    const fileNote =
      f.status === 'final' && f.grade
        ? c.dim(`  (final: ${GRADE_LABEL[f.grade]}; the period ended)`)
        : c.dim(`  (expected ${twoDecimals(f.expectedScore)} as of ${options.today}: ${Math.round(f.expected * 100)}% of the period elapsed${aimText(f.expected, f.expectedScore)})`);
    out.push(`  ${c.bold(scoreText(f.score))} ${paintStatus(c, f.status, bar(f.score), f.grade)} ${paintStatus(c, f.status, STATUS_LABEL[f.status], f.grade)}` + fileNote);
    const idWidth = Math.max(0, ...f.objectives.flatMap((o) => [(o.id ?? '(no id)').length, ...o.keyResults.map((k) => (k.id ?? '(no id)').length + 2)]));
    // A final or dropped score was not judged against an expected score.
    const live = (s: Status) => s !== 'not-started' && s !== 'final' && s !== 'dropped';
    for (const o of f.objectives) {
      const judged = f.period !== null && live(o.status);
      out.push(line(c, '  ', o, judged ? o.expectedScore : null, idWidth, width, (o.type === 'committed' ? c.dim(' [committed]') : '') + stateNote(c, o)));
      for (const k of o.keyResults) {
        const note = k.exceeded && k.progress !== null ? c.green(` (exceeded: ${twoDecimals(k.progress)})`) : k.kind === 'draft' && k.state === 'active' ? c.dim(' (draft)') : '';
        const kJudged = judged && live(k.status) && (k.kind === 'metric' || k.kind === 'milestone');
        out.push(line(c, '    ', k, kJudged ? k.expectedScore : null, Math.max(idWidth - 2, 0), width, note + stateNote(c, k)));
      }
      if (o.state === 'dropped') continue;
      if (o.rollup !== 'own') out.push(c.dim(`    from ${ROLLUP_NAME[o.rollup]}: ${o.arithmetic}`));
      if (o.aligned.length > 0) {
        const counted = o.rollup !== 'own';
        out.push(c.dim(`    aligned to it${counted ? '' : ' (not counted: scored from its own key results)'}:`));
        const refWidth = Math.max(...o.aligned.slice(0, MAX_ALIGNED_LINES).map((a) => a.ref.length));
        for (const a of o.aligned.slice(0, MAX_ALIGNED_LINES)) {
          const note = a.excluded === 'cycle' ? c.dim(' (left out: alignment cycle)') : a.excluded === 'dropped' ? c.dim(' (dropped)') : a.status === 'final' && a.grade ? c.dim(` (${GRADE_LABEL[a.grade]})`) : '';
          out.push(line(c, '    ↳ ', { ...a, id: a.ref }, null, refWidth, width, (a.weight !== 1 ? c.dim(` ×${a.weight}`) : '') + note));
        }
        if (o.aligned.length > MAX_ALIGNED_LINES) out.push(c.dim(`    … and ${o.aligned.length - MAX_ALIGNED_LINES} more (--format json lists all)`));
      }
    }
    out.push('');
  }
  if (rows.length === 0) out.push('no .okr files found', '');
  return out.join('\n');
}
