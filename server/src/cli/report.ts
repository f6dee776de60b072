// `okr report`: Markdown for a pull-request comment or a wiki page. Per file: the overall score,
// then a table of objectives and key results with score, status and expected progress, and how
// many problems `okr check` finds in it.
import { AT_RISK_GAP, GRADE_LABEL, OFF_TRACK_GAP, STATUS_LABEL, type Grade, type Status } from '../core';
import { countSeverities, type CheckResult } from './check';
import { aimText, MAX_ALIGNED_LINES, twoDecimals, type FileRow, type KrRow } from './score';
import { codeSpan, tableCell, tableCode } from '../shared/markdown';

const STATUS_ICON: Record<Status, string> = {
  done: '✅',
  'on-track': '🟢',
  'at-risk': '🟡',
  'off-track': '🔴',
  'not-started': '⚪',
  'no-score': '⚪',
  final: '🏁',
  dropped: '✖️',
};

/** Text from the files, in a table cell: literal (no links, images or HTML), on one line. */
function cell(s: string | null): string {
  return tableCell(s ?? '');
}

function score(n: number | null): string {
  return n === null ? '–' : twoDecimals(n);
}

const GRADE_ICON: Record<Grade, string> = { met: '🟢', partial: '🟡', missed: '🔴' };

/** `🟢 on track`; a final score shows its grade: `🟡 final, fell short`. */
function status(s: Status, grade?: Grade | null): string {
  if (s === 'final' && grade) return `${GRADE_ICON[grade]} ${STATUS_LABEL[s]}, ${GRADE_LABEL[grade]}`;
  return `${STATUS_ICON[s]} ${STATUS_LABEL[s]}`;
}

/** Guardrails hold or break, drafts have no score: no expected score judged them. */
function judged(k: KrRow): boolean {
  return k.kind === 'metric' || k.kind === 'milestone';
}

function why(state: string, reason: string | null): string {
  return state === 'active' ? '' : ` _(${state}${reason ? `: ${cell(reason)}` : ''})_`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatReport(rows: readonly FileRow[], check: CheckResult, today: string): string {
  const out: string[] = [`# OKR report`, '', `As of ${today}. Scores run from 0 to 1; a status compares the score with the *expected* score: the share of the period elapsed × the aim (0.7 for aspirational objectives, 1 for committed ones); within ${AT_RISK_GAP.toFixed(2)} of it is on track, within ${OFF_TRACK_GAP.toFixed(2)} at risk.`, ''];
  const byPath = new Map(check.files.map((f) => [f.rel, f]));
  if (rows.length === 0) out.push('No `.okr` files found.', '');
  for (const f of rows) {
    out.push(`## ${codeSpan(f.path)}`, '');
    const about = [f.team ? `**${cell(f.team)}**` : '', f.period ? `period ${f.period}` : ''].filter(Boolean).join(', ');
    if (about) out.push(about + '  ');
    out.push(`Score **${score(f.score)}** · ${status(f.status, f.grade)}${f.period && f.status !== 'final' ? ` · expected ${score(f.expectedScore)} (${Math.round(f.expected * 100)}% of the period elapsed${aimText(f.expected, f.expectedScore)})` : ''}  `);
    const c = countSeverities(byPath.get(f.path)?.diagnostics ?? []);
    const problems = [c.errors ? plural(c.errors, 'error') : '', plural(c.warnings, 'warning')].filter(Boolean).join(', ');
    out.push(`${c.errors || c.warnings ? '⚠️' : '✔️'} ${problems} from \`okr check\`${c.infos + c.hints ? ` (and ${plural(c.infos + c.hints, 'suggestion')})` : ''}`, '');
    if (f.objectives.length === 0) {
      out.push('_No objectives._', '');
      continue;
    }
    out.push('| Objective / key result | Score | Status | Expected |', '| --- | ---: | --- | ---: |');
    for (const o of f.objectives) {
      const from = o.rollup === 'aligned' ? ' _(from aligned objectives)_' : o.rollup === 'both' ? ' _(from its key results and aligned objectives)_' : '';
      const title = `**${cell(o.title) || '(no title)'}** ${tableCode(o.id || '?')}${o.type === 'committed' ? ' _(committed)_' : ''}${from}${why(o.state, o.reason)}`;
      // A final or dropped score was not judged against an expected score.
      const live = (s: Status) => s !== 'final' && s !== 'dropped';
      out.push(`| ${title} | **${score(o.score)}** | ${status(o.status, o.grade)} | ${f.period && live(o.status) ? score(o.expectedScore) : '–'} |`);
      for (const k of o.keyResults) {
        const extra = k.exceeded && k.progress !== null ? ` _(exceeded: ${twoDecimals(k.progress)})_` : k.kind === 'draft' && k.state === 'active' ? ' _(draft)_' : '';
        out.push(`| ↳ ${cell(k.title) || '(no title)'} ${tableCode(k.id || '?')}${extra}${why(k.state, k.reason)} | ${score(k.score)} | ${status(k.status, k.grade)} | ${f.period && judged(k) && live(k.status) ? score(k.expectedScore) : '–'} |`);
      }
      if (o.state === 'dropped') continue;
      const counted = o.rollup !== 'own';
      for (const a of o.aligned.slice(0, MAX_ALIGNED_LINES)) {
        const left = a.excluded === 'cycle' ? ' _(left out: alignment cycle)_' : a.excluded === 'dropped' ? ' _(dropped)_' : counted ? '' : ' _(not counted)_';
        out.push(`| ⤷ aligned: ${cell(a.title) || '(no title)'} ${tableCode(a.ref)}${a.weight !== 1 ? ` ×${a.weight}` : ''}${left} | ${score(a.score)} | ${status(a.status, a.grade)} | |`);
      }
      if (o.aligned.length > MAX_ALIGNED_LINES) out.push(`| ⤷ … and ${o.aligned.length - MAX_ALIGNED_LINES} more aligned objectives | | | |`);
    }
    out.push('');
  }
  const s = check.summary;
  out.push(`---`, `${plural(rows.length, 'file')}, ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos + s.hints, 'suggestion')}.`, '');
  return out.join('\n');
}
