// Hover: the score card of a key result, the rollup of an objective, the period's calendar, the
// parent of `aligns_to`, and the schema description of a key. Reads the cached model; never parses.
import * as path from 'node:path';
import { MarkupKind, type Hover } from 'vscode-languageserver';
import {
  AIM,
  containsPosition,
  daysBetween,
  elapsedShare,
  fmt,
  GRADE_LABEL,
  keysOf,
  latestCheckin,
  periodLength,
  isSuppressed,
  qualityOf,
  scoreKeyResult,
  ruleById,
  scoreObjective,
  severityFor,
  suggestReferences,
  STATUS_LABEL,
  WorkspaceScorer,
  type Grade,
  type KeyResult,
  type Objective,
  type OkrConfig,
  type ObjectiveScore,
  type OkrDocument,
  type Period,
  type Status,
  type Position,
  type WorkspaceIndex,
  type FileHistory,
  describeGoalMove,
  historyKey,
  movedGoals,
} from '../../core';
import { locate } from './locate';
import { linkCard } from './link-preview';
import { codeSpan, mdText, tableCell, tableCode } from '../../shared/markdown';

function linkAt(kr: KeyResult, pos: Position) {
  return kr.links.find((l) => containsPosition(l.range, pos));
}

export interface HoverInput {
  doc: OkrDocument;
  position: Position;
  today: string;
  config: OkrConfig;
  index?: WorkspaceIndex;
  docPath?: string;
  /** The file's git history, when the server has read it: moved goal posts and committed values. */
  history?: FileHistory;
}

export function hoverAt(input: HoverInput): Hover | null {
  const { doc } = input;
  const loc = locate(doc, input.position);
  const field = loc.field;
  if (!field || !loc.mapKind) return null;
  const parts: string[] = [];
  if (loc.part === 'key') {
    const info = keysOf(loc.mapKind).find((k) => k.key === field.key);
    if (info) parts.push(`\`${info.key}\`${info.required ? ' (required)' : ''}: ${info.description}`);
  }
  if (loc.mapKind === 'file' && field.key === 'period') {
    if (doc.period) parts.push(periodCard(doc.period, input.today));
    else if (loc.part === 'value') parts.push('Not a period: write `2026-Q4`, `2026-H2`, `2026`, `2026-11` or `{start: …, end: …}`.');
  } else if (field.key === 'aligns_to' && (loc.mapKind === 'file' || loc.mapKind === 'objective')) {
    const ref = typeof field.value === 'string' ? field.value : undefined;
    if (ref) parts.push(alignmentCard(ref, input));
  } else if (field.key === 'links' && loc.part === 'value' && loc.keyResult && input.docPath && linkAt(loc.keyResult, input.position)) {
    // On a link: what it opens, not the key result's card.
    const link = linkAt(loc.keyResult, input.position)!;
    const root = input.index?.root ?? path.dirname(input.docPath);
    return { contents: { kind: MarkupKind.Markdown, value: linkCard(link.text, input.docPath, root, input.config) }, range: link.range };
  } else if (loc.keyResult && loc.objective && (loc.mapKind === 'keyResult' || (loc.mapKind === 'checkin' && loc.part === 'value'))) {
    parts.push(keyResultCard(loc.keyResult, loc.objective, input));
  } else if (loc.objective && loc.mapKind === 'objective' && field.key !== 'key_results') {
    parts.push(objectiveCard(loc.objective, input));
  }
  if (parts.length === 0) return null;
  const range = loc.part === 'key' ? field.keyRange : field.valueRange;
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range };
}

const pct = (n: number) => `${Math.round(n * 100)}%`;

/** `on track`; `final, fell short`. */
function statusText(status: Status, grade?: Grade): string {
  return status === 'final' && grade ? `${STATUS_LABEL[status]}, ${GRADE_LABEL[grade]}` : STATUS_LABEL[status];
}

/** Aligned objectives listed in a hover; the rest are counted ("… and 1,990 more"). */
const MAX_CHILD_ROWS = 10;

export function periodCard(period: Period, today: string): string {
  const days = periodLength(period);
  const share = elapsedShare(period, today);
  const elapsedDays = Math.round(share * days);
  let when: string;
  if (today < period.start) when = `starts in ${daysBetween(today, period.start)} days`;
  else if (today > period.end) when = `ended ${daysBetween(period.end, today)} days ago`;
  else when = `day ${elapsedDays} of ${days}, ${days - elapsedDays} days left`;
  return `**Period ${period.label}**: ${period.start} → ${period.end} (${days} days)  \n${when}; ${pct(share)} elapsed on ${today}`;
}

export function keyResultCard(kr: KeyResult, objective: Objective, input: Pick<HoverInput, 'doc' | 'today' | 'config' | 'history'>): string {
  const s = scoreKeyResult(kr, input.doc.period, input.today, objective.type, objective.state);
  const rows: string[] = [];
  rows.push(`**Key result ${codeSpan(kr.id ?? String(kr.index + 1))}** · ${kr.kind}${kr.weight !== 1 ? ` · weight ${fmt(kr.weight)}` : ''}${kr.effectiveOwner ? ` · ${mdText(kr.effectiveOwner)}` : ''}`);
  if (s.state === 'dropped') {
    // Nothing else about a dropped key result counts; say so and why.
    rows.push(`**Dropped**${kr.state === 'dropped' ? (kr.reason ? `: ${mdText(kr.reason)}` : ' (no reason given)') : ' with its objective'}  \nLeft out of the objective's score.`);
    return rows.join('  \n');
  }
  if (s.state === 'closed') rows.push(`**Closed**${kr.state === 'closed' ? (kr.reason ? `: ${mdText(kr.reason)}` : '') : ' with its objective'}: its score is final and still counts.`);
  if (s.score !== undefined) rows.push(`Score **${fmt(s.score)}** · ${statusText(s.status, s.grade)}${s.exceeded ? ' · target exceeded' : ''}`);
  // Without a score the status adds nothing ("no score"), unless the period has not started; say why instead.
  else rows.push(`No score${s.status === 'not-started' ? ` · ${STATUS_LABEL[s.status]}` : ''}: ${s.arithmetic}`);
  if (kr.kind === 'metric') {
    const source = s.currentSource === 'checkin' ? 'latest check-in' : s.currentSource === 'baseline' ? 'baseline, no check-in yet' : s.currentSource;
    rows.push(`Progress: \`${s.arithmetic}\`${source ? ` (current from ${source})` : ''}`);
  } else if (kr.kind !== 'draft') {
    rows.push(`${kr.kind === 'guardrail' ? 'Guardrail' : 'Milestone'}: ${s.arithmetic}`);
  }
  // The expected score is what a status is judged against: a guardrail is judged on holding its
  // line, and a draft has no score (and a final score is graded, not judged), so for them it would be a figure that explains nothing.
  if (input.doc.period && s.status !== 'final' && kr.kind !== 'guardrail' && !(kr.kind === 'draft' && s.score === undefined)) {
    rows.push(`Expected today: ${fmt(s.expectedScore)} (${pct(s.expected)} of the period elapsed × ${objective.type} aim ${String(AIM[objective.type])})`);
  }
  const last = latestCheckin(kr);
  if (last?.date) {
    const age = daysBetween(last.date, input.today);
    const value = last.value !== undefined ? `, value ${String(last.value)}` : '';
    rows.push(`Last check-in: ${last.date} (${age === 0 ? 'today' : age === 1 ? '1 day ago' : `${age} days ago`}${value})`);
  } else if (kr.kind !== 'draft') {
    rows.push('No check-in yet');
  }
  const committed = committedValues(kr, objective, input.history);
  if (committed) rows.push(`Committed values: ${committed}`);
  const trend = confidenceTrend(kr);
  if (trend) rows.push(`Confidence: ${trend}`);
  // A goal post moved since the period started says so here too, not only in the Problems panel.
  if (input.doc.period) {
    for (const m of movedGoals(input.doc, input.history, input.today)) if (m.kr === kr) rows.push(`⚠️ ${mdText(describeGoalMove(m, input.doc.period.start))}`);
  }
  rows.push(qualityLine(kr, input.config, input.doc));
  return rows.join('  \n');
}

/** The values `current` took in commits (git): "99.2 (2026-10-02) → 99.5 (2026-10-20), 3 commits". */
function committedValues(kr: KeyResult, objective: Objective, history: FileHistory | undefined): string | undefined {
  const values = history?.keyResults.get(historyKey(objective, kr))?.values;
  if (!values?.length) return undefined;
  const first = values[0]!;
  const last = values[values.length - 1]!;
  if (values.length === 1) return `${String(last.value)} (${last.date})`;
  return `${String(first.value)} (${first.date}) → ${String(last.value)} (${last.date}), ${values.length} changes in git`;
}

function confidenceTrend(kr: KeyResult): string | undefined {
  const series = kr.checkins.filter((c) => c.date && c.confidence !== undefined).sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  if (series.length === 0) return kr.confidence !== undefined ? fmt(kr.confidence) : undefined;
  const first = series[0]!.confidence!;
  const last = series[series.length - 1]!.confidence!;
  if (series.length === 1) return fmt(last);
  const dir = last > first ? 'rising' : last < first ? 'falling' : 'steady';
  return `${fmt(first)} → ${fmt(last)} (${dir}, ${series.length} check-ins)`;
}

const REASON_TEXT: Record<string, string> = {
  no_number: 'no number',
  no_target: 'no target',
  weasel: 'vague wording',
  task: 'a task rather than a result',
  no_baseline: 'no starting value',
  no_unit: 'no unit',
  deadline_only: 'only a deadline',
  compound: 'several results in one',
};

function qualityLine(kr: KeyResult, config: OkrConfig, doc: OkrDocument): string {
  if (kr.kind !== 'draft') {
    const has = kr.kind === 'metric' ? 'target' : kr.kind === 'guardrail' ? 'guardrail' : 'done';
    return `Quality: measurable: has ${has}`;
  }
  if (!kr.title) return 'Quality: no title to judge';
  const q = qualityOf(kr.title, config);
  const reasons = q.reasons.length ? ` (${q.reasons.map((r) => REASON_TEXT[r] ?? r).join(', ')})` : '';
  // The rule whose diagnostic (shown in the same hover, just above) already gives the fix: say it
  // once. kr-not-measurable has the fix and example rewrite of a vague title, kr-missing-baseline the
  // starting value of a measurable one. With that rule off, or silenced on this title by an
  // okr-disable-next-line comment, the card is the only place for it.
  const owner = ruleById(q.measurable ? 'kr-missing-baseline' : 'kr-not-measurable');
  const titleLine = kr.node.fields.get('title')?.valueRange.start.line;
  const silenced = owner !== undefined && titleLine !== undefined && isSuppressed(doc, titleLine, owner.id);
  const ownerSeverity = owner && !silenced ? severityFor(owner.id, owner.defaultSeverity, config) : 'off';
  const ownsAdvice = !q.measurable || q.reasons.includes('no_baseline');
  if (owner && ownsAdvice && ownerSeverity !== 'off') {
    const verdict = q.measurable ? `measurable: ${mdText(q.summary)}` : '**not measurable**';
    return `Quality: ${verdict}${reasons}: see the ${codeSpan(owner.id)} ${ownerSeverity} for how to fix it`;
  }
  let line = `Quality: ${q.measurable ? 'measurable' : '**not measurable**'}: ${mdText(q.summary)}${reasons}`;
  if (q.fix) line += `  \nFix: ${mdText(q.fix)}`;
  if (q.example) line += `  \nFor example: "${mdText(q.example)}"`;
  return line;
}

type CardInput = Pick<HoverInput, 'doc' | 'today'> & Partial<Pick<HoverInput, 'index' | 'config'>>;

/** The objective's score with its aligned children when the workspace is known, else from its own key results. */
function objectiveScore(o: Objective, doc: OkrDocument, input: CardInput): ObjectiveScore {
  const scoring = input.config?.scoring;
  if (input.index) return WorkspaceScorer.for(input.index, input.today, scoring).objective(o, doc);
  return scoreObjective(o, doc.period, input.today, { config: scoring });
}

const ROLLUP_TEXT = {
  own: 'its own key results',
  aligned: 'the objectives aligned to it',
  both: 'its own key results and the objectives aligned to it',
} as const;

export function objectiveCard(o: Objective, input: CardInput): string {
  const s = objectiveScore(o, input.doc, input);
  const rows: string[] = [];
  rows.push(`**Objective ${codeSpan(o.id ?? String(o.index + 1))}** · ${o.type} (aims for ${String(AIM[o.type])})${o.weight !== 1 ? ` · weight ${fmt(o.weight)}` : ''}${o.effectiveOwner ? ` · ${mdText(o.effectiveOwner)}` : ''}`);
  if (s.state === 'dropped') {
    rows.push(`**Dropped**${o.reason ? `: ${mdText(o.reason)}` : ' (no reason given)'}  \nLeft out of the file's score and of the objective it aligns to.`);
    return rows.join('  \n');
  }
  if (s.state === 'closed') rows.push(`**Closed**${o.reason ? `: ${mdText(o.reason)}` : ''}: its score is final and still counts.`);
  const expected = input.doc.period && s.status !== 'final' ? ` · expected ${fmt(s.expectedScore)} today` : '';
  rows.push(`${s.score !== undefined ? `Score **${fmt(s.score)}**` : 'No score'} · ${statusText(s.status, s.grade)}${expected}`);
  const how = o.rollup ? `\`rollup: ${o.rollup}\`` : 'default';
  const weights = s.weights ? ` (own ×${fmt(s.weights.own)}, aligned ×${fmt(s.weights.aligned)})` : '';
  rows.push(`Scored from ${ROLLUP_TEXT[s.rollup]}${weights} · ${how}`);
  let out = rows.join('  \n');
  if (o.keyResults.length) {
    const table = ['| Key result | Score | Weight | Status |', '|---|---|---|---|'];
    o.keyResults.forEach((kr, i) => {
      const k = s.keyResults[i]!;
      const status = k.state === 'dropped' ? `dropped${kr.reason ? `: ${mdText(kr.reason)}` : ''}` : statusText(k.status, k.grade);
      table.push(`| ${tableCell(String(kr.id ?? i + 1))} | ${k.score !== undefined ? fmt(k.score) : '–'} | ${fmt(kr.weight)} | ${status} |`);
    });
    out += `\n\n${table.join('\n')}`;
  }
  const children = s.aligned.children;
  if (children.length) {
    const counted = s.rollup !== 'own';
    const table = [`| Aligned objective${counted ? '' : ' (not counted)'} | Score | Weight | Status |`, '|---|---|---|---|'];
    for (const c of children.slice(0, MAX_CHILD_ROWS)) {
      const status = c.excluded === 'cycle' ? 'left out: alignment cycle' : c.excluded === 'dropped' ? 'dropped' : statusText(c.status, c.grade);
      // Inside a code span backslashes show as typed: keep the ref as is, minus any backtick.
      table.push(`| ${tableCode(c.ref)} ${tableCell(c.title ?? '')} | ${c.score !== undefined && !c.excluded ? fmt(c.score) : '–'} | ${fmt(c.weight)} | ${status} |`);
    }
    if (children.length > MAX_CHILD_ROWS) table.push(`| … and ${(children.length - MAX_CHILD_ROWS).toLocaleString('en-US')} more | | | |`);
    out += `\n\n${table.join('\n')}`;
    if (!counted) out += `\n\nAligned objectives do not count: it has key results of its own${o.rollup ? '' : ' (`rollup: auto`)'}. Write \`rollup: both\` or \`rollup: aligned\` to count them.`;
  }
  if (s.rollup === 'both') out += `\n\nOwn: \`${s.own.arithmetic}\`  \nAligned: \`${s.aligned.arithmetic}\`  \nRollup: \`${s.arithmetic}\``;
  else out += `\n\nRollup: \`${s.arithmetic}\``;
  return out;
}

export function alignmentCard(ref: string, input: Pick<HoverInput, 'today' | 'index' | 'docPath'> & Partial<Pick<HoverInput, 'config'>>): string {
  if (!input.index) return `**Aligns to** ${codeSpan(ref)}: no workspace to resolve it in`;
  const r = input.index.resolve(ref, input.docPath);
  if (!r.ok) {
    // The likeliest corrections first (as alignment-unresolved ranks them), else what the file holds.
    const ranked = suggestReferences(input.index, ref, input.docPath).map((c) => c.ref);
    const candidates = ranked.length
      ? `  \nDid you mean ${ranked.map(codeSpan).join(', ')}?`
      : r.candidates?.length ? `  \nCandidates: ${r.candidates.map(codeSpan).join(', ')}` : '';
    return `**Aligns to** ${codeSpan(ref)}: unresolved: ${mdText(r.reason)}${candidates}`;
  }
  const o = r.objective;
  const s = objectiveScore(o, r.doc, { ...input, doc: r.doc });
  const score = s.score !== undefined ? `score ${fmt(s.score)}` : 'no score';
  return `**Aligns to** ${codeSpan(ref)}: ${mdText(o.title ?? o.id ?? '')}  \n${o.effectiveOwner ? `owner ${mdText(o.effectiveOwner)} · ` : ''}${score} · ${statusText(s.status, s.grade)} · ${codeSpan(`${input.index.fileRef(r.path)}.okr`)}`;
}
