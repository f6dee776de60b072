// `okr diff` as text (a terminal) and as Markdown (a pull-request comment: a summary table, then the
// details of each file folded in <details>). Both read the same DiffResult; JSON is in diff.ts.
import { STATUS_LABEL, type FieldChange, type FileDiff, type KeyResultDiff, type ObjectiveDiff, type ProblemChange, type ScoreAt } from '../core';
import type { Colors } from './color';
import type { DiffResult, DiffSide } from './diff';

function pct(score: number | undefined): string {
  return score === undefined ? '–' : `${Math.round(score * 100)}%`;
}

function side(s: DiffSide): string {
  return s.sha ? `${s.label} (${s.sha.slice(0, 7)})` : s.label;
}

/** "50% on track → 75% on track"; one side only when the item was added or removed. */
function scoreMove(before: ScoreAt | undefined, after: ScoreAt | undefined): string {
  const one = (s: ScoreAt) => `${pct(s.score)} ${STATUS_LABEL[s.status]}`;
  if (before && after) return one(before) === one(after) ? one(after) : `${one(before)} → ${one(after)}`;
  if (after) return one(after);
  if (before) return `was ${one(before)}`;
  return '';
}

function value(v: FieldChange['before']): string {
  if (v === undefined) return '(none)';
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

function fieldText(f: FieldChange): string {
  const t = `${f.field} ${value(f.before)} → ${value(f.after)}`;
  return f.easier ? `${t} (made easier after the period started)` : t;
}

const MARK = { added: '+', removed: '-', changed: '~', unchanged: ' ' } as const;

function summaryLine(r: DiffResult): string {
  const s = r.summary;
  if (s.files === 0) return `No .okr file changed between ${side(r.base)} and ${side(r.head)}.`;
  const parts = [`${s.files} file${s.files === 1 ? '' : 's'} changed`];
  if (s.added) parts.push(`${s.added} added`);
  if (s.removed) parts.push(`${s.removed} removed`);
  if (s.goalsMoved) parts.push(`${s.goalsMoved} goal${s.goalsMoved === 1 ? '' : 's'} made easier`);
  if (s.problemsAppeared) parts.push(`${s.problemsAppeared} new problem${s.problemsAppeared === 1 ? '' : 's'}`);
  if (s.problemsFixed) parts.push(`${s.problemsFixed} fixed`);
  return parts.join(', ');
}

function fileHeading(f: FileDiff): string {
  return f.change === 'renamed' ? `${f.oldPath} → ${f.path}` : f.path;
}

function problemText(p: ProblemChange): string {
  return `${p.severity} ${p.rule} (line ${p.line}): ${p.message}`;
}

export function formatDiffText(r: DiffResult, c: Colors): string {
  const out: string[] = [`okr diff ${side(r.base)} → ${side(r.head)}`, ''];
  for (const f of r.files) {
    out.push(`${c.bold(fileHeading(f))}  ${f.change}  ${scoreMove(f.before, f.after)}`);
    for (const x of f.fields) out.push(`  ${fieldText(x)}`);
    for (const o of f.objectives) {
      if (o.change === 'unchanged') continue;
      out.push(`  ${MARK[o.change]} objective ${o.id}${o.title ? ` ${JSON.stringify(o.title)}` : ''}  ${scoreMove(o.before, o.after)}`);
      for (const x of o.fields) out.push(`      ${fieldText(x)}`);
      for (const k of o.keyResults) {
        if (k.change === 'unchanged') continue;
        out.push(`    ${MARK[k.change]} key result ${k.id}  ${scoreMove(k.before, k.after)}`);
        for (const x of k.fields) out.push(`        ${x.easier ? c.yellow(fieldText(x)) : fieldText(x)}`);
      }
    }
    for (const p of f.appeared) out.push(`  ${c.red('new')}   ${problemText(p)}`);
    for (const p of f.fixed) out.push(`  ${c.green('fixed')} ${problemText(p)}`);
    out.push('');
  }
  out.push(summaryLine(r));
  return out.join('\n') + '\n';
}

/** Markdown cells must not break the table: pipes escaped, newlines flattened. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(s: string): string {
  return '`' + s.replace(/`/g, "'") + '`';
}

function krRow(o: ObjectiveDiff, k: KeyResultDiff): string {
  const fields = k.fields.map((x) => (x.easier ? `⚠️ **${cell(fieldText(x))}**` : cell(fieldText(x)))).join('<br>');
  return `| ${MARK[k.change] === ' ' ? '' : MARK[k.change]} | ${code(`${o.id}/${k.id}`)} ${cell(k.title ?? '')} | ${k.change} | ${fields || '–'} | ${cell(scoreMove(k.before, k.after))} |`;
}

export function formatDiffMarkdown(r: DiffResult): string {
  const out: string[] = ['## OKR changes', '', `Comparing ${code(side(r.base))} with ${code(side(r.head))}: ${summaryLine(r)}`];
  if (r.files.length === 0) return out.join('\n') + '\n';
  out.push('', '| File | Change | Score | Goals made easier | New problems | Fixed |', '|---|---|---|---|---|---|');
  for (const f of r.files) {
    const moved = f.objectives.reduce((n, o) => n + o.keyResults.reduce((m, k) => m + k.fields.filter((x) => x.easier).length, 0), 0);
    out.push(`| ${code(fileHeading(f))} | ${f.change} | ${cell(scoreMove(f.before, f.after))} | ${moved ? `⚠️ ${moved}` : '0'} | ${f.appeared.length} | ${f.fixed.length} |`);
  }
  for (const f of r.files) {
    out.push('', `<details${r.files.length <= 3 ? ' open' : ''}><summary><b>${escapeHtml(fileHeading(f))}</b> (${f.change})</summary>`, '');
    for (const x of f.fields) out.push(`- ${cell(fieldText(x))}`);
    const rows: string[] = [];
    for (const o of f.objectives) {
      if (o.change === 'unchanged') continue;
      const fields = o.fields.map((x) => cell(fieldText(x))).join('<br>');
      rows.push(`| ${MARK[o.change]} | **${code(o.id)}** ${cell(o.title ?? '')} | ${o.change} | ${fields || '–'} | ${cell(scoreMove(o.before, o.after))} |`);
      for (const k of o.keyResults) if (k.change !== 'unchanged') rows.push(krRow(o, k));
    }
    if (rows.length) out.push('| | Objective / key result | Change | Fields | Score |', '|---|---|---|---|---|', ...rows);
    else if (!f.fields.length) out.push('No change to objectives or key results (comments or layout only).');
    if (f.appeared.length || f.fixed.length) {
      out.push('');
      for (const p of f.appeared) out.push(`- 🆕 ${cell(problemText(p))}`);
      for (const p of f.fixed) out.push(`- ✅ fixed: ${cell(problemText(p))}`);
    }
    out.push('', '</details>');
  }
  return out.join('\n') + '\n';
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
