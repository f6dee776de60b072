// How scores, statuses and key results read in the client (tree, status bar, quick picks).
// Pure: no `vscode` import, unit-tested in test/unit/client/.
import type { CheckinSummary, FileModel, KeyResultModel, ObjectiveModel } from '../../../server/src/shared/protocol';
import type { AlignedChild } from './aligned';
import { GRADE_LABEL, STATUS_LABEL, type Grade, type Status } from '../../../server/src/core/status';
export { STATUSES, type Grade, type Status } from '../../../server/src/core/status';
// Titles, owners, refs and team names come from user files: escaped by the one shared module.
import { codeSpan, mdText } from '../../../server/src/shared/markdown';

/** `on track`; a final score with its grade: `final, fell short`. */
export function statusLabel(status: Status, grade?: Grade): string {
  const label = STATUS_LABEL[status] ?? status;
  return status === 'final' && grade ? `${label}, ${GRADE_LABEL[grade]}` : label;
}

/** Theme colour id per status (`charts.*` exist in every theme, high contrast included); a final score takes its grade's. */
export function statusColor(status: Status, grade?: Grade): string {
  switch (status) {
    case 'final':
      return grade === 'met' ? 'charts.green' : grade === 'partial' ? 'charts.yellow' : grade === 'missed' ? 'charts.red' : 'disabledForeground';
    case 'dropped':
      return 'disabledForeground';
    case 'done':
    case 'on-track':
      return 'charts.green';
    case 'at-risk':
      return 'charts.yellow';
    case 'off-track':
      return 'charts.red';
    case 'not-started':
    case 'no-score':
      return 'disabledForeground';
  }
}

/**
 * Codicon per status, so the state reads without colour too. None of them is a diagnostic's icon
 * (warning triangle, error cross, info): those mean "the Problems panel has something", and a key
 * result that is behind is not a problem in the file. Filled = judged, hollow or a dash = not yet.
 */
export function statusIcon(status: Status): string {
  switch (status) {
    case 'done':
      return 'pass-filled';
    case 'on-track':
      return 'circle-filled';
    case 'at-risk':
      return 'arrow-circle-down';
    case 'off-track':
      return 'stop-circle';
    case 'not-started':
      return 'circle-large-outline';
    case 'no-score':
      return 'dash';
    case 'final':
      return 'flag';
    case 'dropped':
      return 'close';
  }
}

export function formatScore(score: number | undefined): string {
  return score === undefined || !Number.isFinite(score) ? '–' : score.toFixed(2);
}

/** `0.62 · on track` (or just the status when there is no score); `0.62 · final, fell short` after the period. */
export function scoreAndStatus(score: number | undefined, status: Status, grade?: Grade): string {
  return score === undefined ? statusLabel(status) : `${formatScore(score)} · ${statusLabel(status, grade)}`;
}

/** A tree row's description: score and status, or why the item does not count (`dropped: merged into a`). */
export function itemDescription(item: { score?: number; status: Status; grade?: Grade; state?: 'active' | 'closed' | 'dropped'; reason?: string }): string {
  if (item.status === 'dropped') return item.reason ? `dropped: ${item.reason}` : 'dropped';
  const text = scoreAndStatus(item.score, item.status, item.grade);
  return item.state === 'closed' ? `${text} · closed` : text;
}

/** `web#checkout · 0.57 · on track`; `· left out: alignment cycle` when it does not count. */
export function alignedDescription(c: AlignedChild): string {
  if (c.excluded === 'cycle') return `${c.ref} · left out: alignment cycle`;
  if (c.excluded === 'dropped') return `${c.ref} · dropped`;
  return `${c.ref} · ${scoreAndStatus(c.score, c.status, c.grade)}${c.weight !== 1 ? ` · ×${num(c.weight)}` : ''}`;
}

const ROLLUP_LABEL = { own: 'its own key results', aligned: 'the objectives aligned to it', both: 'its own key results and the objectives aligned to it' } as const;

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * The score a status was judged against, and where it comes from: `0.39 (55% of the period elapsed
 * × aim 0.7)`. An aspirational objective aims for 0.7, so its expected score is not the elapsed share.
 */
export function expectedText(item: { expected: number; expectedScore: number }, when = ''): string {
  const aim = item.expected > 0 ? item.expectedScore / item.expected : 1;
  const why = `${percent(item.expected)} of the period elapsed${Math.abs(aim - 1) > 1e-9 ? ` × aim ${num(aim)}` : ''}`;
  return `${formatScore(item.expectedScore)}${when} (${why})`;
}

/** Whether a key result's status is judged against the expected score (not a guardrail's line, not a draft). */
export function judgedAgainstExpected(kr: Pick<KeyResultModel, 'kind'>): boolean {
  return kr.kind === 'metric' || kr.kind === 'milestone';
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/** Currency symbols written before the number: `$120`, `€5`. */
const CURRENCY = '$€£¥₹₩₽₺₪₫฿₴₦₱';
/** A currency unit with an optional scale: `$`, `k$`, `$k`, `M€`, `€bn`. */
const MONEY = new RegExp(`^(k|K|M|m|mm|MM|bn|B|T)?([${CURRENCY}])(k|K|M|m|mm|MM|bn|B|T)?$`);

/**
 * A value with its unit as people write it in a title: currency symbols before (`$120k` for unit
 * `k$`), `%` attached (`99.5%`), words after a space (`12 clusters`).
 */
export function withUnit(n: number, unit: string | undefined): string {
  const u = unit?.trim();
  if (!u) return num(n);
  if (u === '%') return `${num(n)}%`;
  const money = MONEY.exec(u);
  if (money && !(money[1] && money[3])) {
    const sign = n < 0 ? '-' : '';
    return `${sign}${money[2]}${num(Math.abs(n))}${money[1] ?? money[3] ?? ''}`;
  }
  return `${num(n)} ${u}`;
}

/** `(9 − 0) / (12 − 0) = 75%` for a metric with baseline, target and a current value. */
export function progressArithmetic(kr: KeyResultModel): string | undefined {
  if (kr.kind === 'milestone') return kr.current === true ? 'done' : kr.current === false ? 'not done' : undefined;
  if (kr.progress === undefined) return undefined;
  const { baseline, target, current } = kr;
  if (typeof current === 'number' && baseline !== undefined && target !== undefined && target !== baseline) {
    return `(${num(current)} − ${num(baseline)}) / (${num(target)} − ${num(baseline)}) = ${percent(kr.progress)}`;
  }
  return percent(kr.progress);
}

export function lastCheckin(kr: KeyResultModel): CheckinSummary | undefined {
  return kr.checkins.length ? kr.checkins[kr.checkins.length - 1] : undefined;
}

export function formatCheckin(c: CheckinSummary, unit?: string): string {
  const parts = [c.date];
  if (typeof c.value === 'number') parts.push(withUnit(c.value, unit));
  else if (typeof c.value === 'boolean') parts.push(c.value ? 'done' : 'not done');
  if (c.confidence !== undefined) parts.push(`confidence ${num(c.confidence)}`);
  let text = parts.join(', ');
  if (c.note) text += ` — ${c.note}`;
  if (c.commit) text += ` (current in commit ${c.commit})`;
  return text;
}


/** Markdown tooltip of an aligned objective in the tree. */
export function alignedTooltip(c: AlignedChild, parent: ObjectiveModel): string {
  const lines = [`**${mdText(c.title)}**`, '', `${codeSpan(c.ref)} aligned to ${codeSpan(parent.ref)}`, ''];
  lines.push(`- Score: ${scoreAndStatus(c.score, c.status, c.grade)}`);
  lines.push(`- Weight in the parent's aligned mean: ${num(c.weight)}`);
  if (c.excluded === 'cycle') lines.push('- Left out: its alignment closes a cycle');
  else if (c.excluded === 'dropped') lines.push('- Left out: dropped');
  else lines.push(parent.rollup === 'own' ? "- Not counted: the parent is scored from its own key results" : "- Counted in the parent's score");
  return lines.join('\n');
}

/** Markdown tooltip lines for a key result: owner, progress (with arithmetic), expected, last check-in. */
export function keyResultTooltip(kr: KeyResultModel): string {
  const lines = [`**${mdText(kr.title)}**`, '', `${codeSpan(kr.ref)} · ${kr.kind}`, ''];
  lines.push(`- Score: ${scoreAndStatus(kr.score, kr.status, kr.grade)}`);
  if (kr.state && kr.state !== 'active') lines.push(`- ${kr.state === 'dropped' ? 'Dropped, left out of the score' : 'Closed, final'}${kr.reason ? `: ${mdText(kr.reason)}` : ''}`);
  if (kr.owner) lines.push(`- Owner: ${mdText(kr.owner)}`);
  const arithmetic = progressArithmetic(kr);
  if (arithmetic) lines.push(`- Progress: ${arithmetic}`);
  if (kr.kind !== 'milestone' && (kr.baseline !== undefined || kr.target !== undefined)) {
    const from = kr.baseline !== undefined ? withUnit(kr.baseline, kr.unit) : '?';
    const to = kr.target !== undefined ? withUnit(kr.target, kr.unit) : '?';
    lines.push(`- From ${mdText(from)} to ${mdText(to)}${typeof kr.current === 'number' ? `, now ${mdText(withUnit(kr.current, kr.unit))}` : ''}`);
  }
  if (judgedAgainstExpected(kr)) lines.push(`- Expected score today: ${expectedText(kr)}`);
  if (kr.confidence !== undefined) lines.push(`- Confidence: ${num(kr.confidence)}`);
  const last = lastCheckin(kr);
  lines.push(`- Last check-in: ${last ? mdText(formatCheckin(last, kr.unit)) : 'none'}`);
  const p = kr.problems;
  if (p.errors || p.warnings) lines.push(`- Problems: ${p.errors} error(s), ${p.warnings} warning(s)`);
  return lines.join('\n');
}

export function objectiveTooltip(o: ObjectiveModel): string {
  const lines = [`**${mdText(o.title)}**`, '', `${codeSpan(o.ref)} · ${o.type}`, ''];
  lines.push(`- Score: ${scoreAndStatus(o.score, o.status, o.grade)}`);
  if (o.state && o.state !== 'active') lines.push(`- ${o.state === 'dropped' ? 'Dropped, left out of the score' : 'Closed, final'}${o.reason ? `: ${mdText(o.reason)}` : ''}`);
  if (o.owner) lines.push(`- Owner: ${mdText(o.owner)}`);
  lines.push(`- Expected score today: ${expectedText(o)}`);
  if (o.alignsTo) lines.push(`- Aligns to: ${codeSpan(o.alignsTo)}`);
  lines.push(`- Key results: ${o.keyResults.length}`);
  if (o.rollup && o.state !== 'dropped') {
    lines.push(`- Scored from ${ROLLUP_LABEL[o.rollup]}: ${codeSpan(o.arithmetic)}`);
    const n = o.aligned?.length ?? 0;
    if (n > 0) lines.push(`- Aligned objectives: ${n}${o.rollup === 'own' ? ' (not counted)' : ''}`);
  }
  return lines.join('\n');
}

export function fileTooltip(f: FileModel): string {
  const lines = [`**${mdText(f.team ?? f.fileRef)}**`, '', codeSpan(f.fileRef), ''];
  lines.push(`- Score: ${scoreAndStatus(f.score, f.status, f.grade)}`);
  if (f.period) lines.push(`- Period: ${f.period.label} (${f.period.start} – ${f.period.end})`);
  if (f.period) lines.push(`- Expected score today: ${expectedText(f)}`);
  lines.push(`- Objectives: ${f.objectives.length}`);
  return lines.join('\n');
}

/** The status bar item's tooltip (Markdown): the team (or file) as text, score, period, expected score. */
export function statusBarTooltip(f: FileModel): string {
  const parts = [`**${mdText(f.team ?? f.fileRef)}**: ${scoreAndStatus(f.score, f.status, f.grade)}`];
  if (f.period) parts.push(`Period ${mdText(f.period.label)} (${f.period.start} – ${f.period.end})`, `Expected score today: ${expectedText(f)}`);
  parts.push('Click to show the objectives in the tree');
  return parts.join('\n\n');
}

/** The status bar text for a file: `$(target) 0.62 · on track`. */
export function statusBarText(f: FileModel): string {
  return `$(target) ${scoreAndStatus(f.score, f.status, f.grade)}`;
}
