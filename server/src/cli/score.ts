// `okr score`: every file, objective and key result with its score, expected progress and status,
// as JSON or as a readable tree.
import { STATUS_LABEL, scoreDocument, type KrKind, type Status } from '../core';
import { visibleLength, type Colors } from './color';
import type { LoadedFile } from './load-workspace';

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
}

export interface ObjectiveRow {
  id: string | null;
  title: string | null;
  type: 'aspirational' | 'committed';
  score: number | null;
  expected: number;
  expectedScore: number;
  status: Status;
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

export function scoreFiles(files: readonly LoadedFile[], today: string): FileRow[] {
  return files.map((f) => {
    const s = scoreDocument(f.doc, today);
    return {
      path: f.rel,
      period: f.doc.period?.label ?? null,
      team: f.doc.team ?? null,
      score: exact(s.score),
      expected: exact(s.expected) ?? 0,
      expectedScore: exact(s.expectedScore) ?? 0,
      status: s.status,
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
      objectives: f.objectives.map((o) => ({
        id: o.id,
        title: o.title,
        score: o.score,
        expected_score: o.expectedScore,
        status: o.status,
        key_results: o.keyResults.map((k) => ({
          id: k.id,
          title: k.title,
          kind: k.kind,
          score: k.score,
          progress: k.progress,
          expected: k.expected,
          expected_score: k.expectedScore,
          status: k.status,
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

export function paintStatus(c: Colors, status: Status, text: string): string {
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

/** One line: `  0.62 ██████░░░░ on track   exp 0.39  crash-free  Raise crash-free…` */
function line(c: Colors, indent: string, score: number | null, status: Status, expected: number | null, id: string | null, title: string | null, idWidth: number, width: number, suffix = ''): string {
  const head = `${indent}${c.bold(scoreText(score))} ${paintStatus(c, status, bar(score))} ${paintStatus(c, status, STATUS_LABEL[status].padEnd(STATUS_WIDTH))} ${expectedColumn(c, expected)}  ${(id ?? '(no id)').padEnd(idWidth)}  `;
  const room = width - visibleLength(head) - visibleLength(suffix);
  return head + truncate(title ?? '(no title)', Math.max(room, 20)) + suffix;
}

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
    out.push(
      `  ${c.bold(scoreText(f.score))} ${paintStatus(c, f.status, bar(f.score))} ${paintStatus(c, f.status, STATUS_LABEL[f.status])}` +
        c.dim(`  (expected ${twoDecimals(f.expectedScore)} as of ${options.today}: ${Math.round(f.expected * 100)}% of the period elapsed${aimText(f.expected, f.expectedScore)})`),
    );
    const idWidth = Math.max(0, ...f.objectives.flatMap((o) => [(o.id ?? '(no id)').length, ...o.keyResults.map((k) => (k.id ?? '(no id)').length + 2)]));
    for (const o of f.objectives) {
      const judged = f.period !== null && o.status !== 'not-started';
      out.push(line(c, '  ', o.score, o.status, judged ? o.expectedScore : null, o.id, o.title, idWidth, width, o.type === 'committed' ? c.dim(' [committed]') : ''));
      for (const k of o.keyResults) {
        const note = k.exceeded && k.progress !== null ? c.green(` (exceeded: ${twoDecimals(k.progress)})`) : k.kind === 'draft' ? c.dim(' (draft)') : '';
        const kJudged = judged && (k.kind === 'metric' || k.kind === 'milestone');
        out.push(line(c, '    ', k.score, k.status, kJudged ? k.expectedScore : null, k.id, k.title, Math.max(idWidth - 2, 0), width, note));
      }
    }
    out.push('');
  }
  if (rows.length === 0) out.push('no .okr files found', '');
  return out.join('\n');
}
