// Completion: keys valid at the cursor, enum values, periods, owners, units, alignment targets,
// links and snippets. Reads the cached model and the workspace index; never parses.
import * as path from 'node:path';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver';
import { keysOf, upcomingQuarters, type KeyInfo, type MapKind, type OkrDocument, type Position, type WorkspaceIndex } from '../../core';
import { lineContext, type LineContext } from './locate';
import { codeSpan, mdText } from '../../shared/markdown';

export interface CompletionInput {
  doc: OkrDocument;
  position: Position;
  today: string;
  /** The workspace index of the document's root (owners, units, objectives, issue keys). */
  index?: WorkspaceIndex;
  /** Absolute path of the document, for link paths relative to it and for alignment. */
  docPath?: string;
  /** Absolute paths of the workspace's files (a cached listing; link completion). */
  files?: () => readonly string[];
}

export const COMPLETION_TRIGGERS = [':', ' ', '-', '#', '@', '/'];

const SEQUENCE_KEYS = new Set(['objectives', 'key_results', 'checkins', 'links']);
const MAP_KEYS = new Set(['period']);
const MAX_FILES = 2000;

export function completions(input: CompletionInput): CompletionItem[] {
  const ctx = lineContext(input.doc, input.position);
  if (ctx.type === 'key') return keyCompletions(input, ctx);
  if (ctx.type === 'value') return valueCompletions(input, ctx);
  return [];
}

// ---------------------------------------------------------------------------------------------
// Keys and snippets

function keyCompletions(input: CompletionInput, ctx: Extract<LineContext, { type: 'key' }>): CompletionItem[] {
  const out: CompletionItem[] = [];
  const range: Range = ctx.replace;
  const kind = ctx.mapKind;
  if (kind) {
    for (const info of keysOf(kind)) {
      if (ctx.present.has(info.key) || info.key === '$schema') continue;
      out.push(keyItem(info, kind, ctx.column, range));
    }
  }
  if (ctx.newItem || (kind && ctx.present.size === 0)) {
    const pad = ' '.repeat(ctx.column);
    if (kind === 'objective') out.push(snippet('New objective', objectiveSnippet(pad), range, 'An objective with one metric key result.'));
    if (kind === 'keyResult') for (const s of keyResultSnippets(pad)) out.push(snippet(s.label, s.body, range, s.doc));
    if (kind === 'checkin') out.push(snippet(`Check-in for today (${input.today})`, checkinSnippet(pad, input.today), range, 'A check-in dated today.'));
  }
  return out;
}

function keyItem(info: KeyInfo, kind: MapKind, column: number, range: Range): CompletionItem {
  const pad = ' '.repeat(column);
  let insert = `${info.key}: `;
  let format: InsertTextFormat = InsertTextFormat.PlainText;
  if (SEQUENCE_KEYS.has(info.key)) {
    insert = `${info.key}:\n${pad}  - $0`;
    format = InsertTextFormat.Snippet;
  } else if (MAP_KEYS.has(info.key) && kind !== 'file') {
    insert = `${info.key}:\n${pad}  $0`;
    format = InsertTextFormat.Snippet;
  }
  return {
    label: info.key,
    kind: CompletionItemKind.Property,
    detail: info.required ? 'required' : 'optional',
    documentation: { kind: MarkupKind.Markdown, value: `${info.required ? '**Required.** ' : ''}${info.description}` },
    sortText: `${info.required ? '0' : '1'}_${info.key}`,
    textEdit: { range, newText: insert },
    insertTextFormat: format,
    insertTextMode: InsertTextMode.asIs,
  };
}

function snippet(label: string, body: string, range: Range, doc: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    documentation: { kind: MarkupKind.Markdown, value: `${doc}\n\n\`\`\`yaml\n${body.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '')}\n\`\`\`` },
    sortText: `2_${label}`,
    filterText: label.split(' ')[0] === 'New' ? 'id ' + label : label,
    textEdit: { range, newText: body },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  };
}

/** Body for a map item whose first key goes at the cursor; later lines carry their own indentation. */
function lines(pad: string, ...rows: string[]): string {
  return rows.map((r, i) => (i === 0 ? r : pad + r)).join('\n');
}

export function objectiveSnippet(pad: string): string {
  return lines(
    pad,
    'id: ${1:objective-id}',
    'title: ${2:A qualitative, inspiring statement}',
    'owner: "${3:@owner}"',
    'key_results:',
    '  - id: ${4:kr-id}',
    '    title: ${5:Raise the metric from baseline to target}',
    '    baseline: ${6:0}',
    '    target: ${7:100}',
  );
}

export function keyResultSnippets(pad: string): Array<{ label: string; body: string; doc: string }> {
  return [
    {
      label: 'New metric key result',
      body: lines(pad, 'id: ${1:kr-id}', 'title: ${2:Raise the metric from X to Y}', 'metric: ${3:what is measured}', 'unit: "${4:%}"', 'baseline: ${5:0}', 'target: ${6:100}'),
      doc: 'A metric: progress is (current - baseline) / (target - baseline).',
    },
    {
      label: 'New guardrail key result',
      body: lines(pad, 'id: ${1:kr-id}', 'title: ${2:Keep the metric at most X}', 'guardrail: ${3|at_most,at_least|}', 'target: ${4:0}'),
      doc: 'A guardrail: holds while `current` stays at most / at least `target`.',
    },
    {
      label: 'New milestone key result',
      body: lines(pad, 'id: ${1:kr-id}', 'title: ${2:Ship the thing that moves the outcome}', 'done: ${3|false,true|}'),
      doc: 'A milestone: scored 1 when `done: true`.',
    },
  ];
}

export function checkinSnippet(pad: string, today: string): string {
  return lines(pad, `date: \${1:${today}}`, 'value: ${2:0}', 'confidence: ${3:0.7}', 'note: ${4:What changed}');
}

// ---------------------------------------------------------------------------------------------
// Values

function valueCompletions(input: CompletionInput, ctx: Extract<LineContext, { type: 'value' }>): CompletionItem[] {
  const range: Range = ctx.replace;
  const plain = (values: string[], kind: CompletionItemKind, detail?: (v: string) => string | undefined) =>
    values.map((v, i): CompletionItem => ({ label: v, kind, detail: detail?.(v), sortText: String(i).padStart(4, '0'), textEdit: { range, newText: v } }));

  if (ctx.listItem) return ctx.key === 'links' ? linkCompletions(input, ctx) : [];
  switch (ctx.key) {
    case 'type':
      return ctx.mapKind === 'objective' ? plain(['aspirational', 'committed'], CompletionItemKind.EnumMember, (v) => (v === 'committed' ? 'aims for 1.0' : 'aims for 0.7 (default)')) : [];
    case 'guardrail':
      return ctx.mapKind === 'keyResult' ? plain(['at_most', 'at_least'], CompletionItemKind.EnumMember) : [];
    case 'done':
      return ctx.mapKind === 'keyResult' ? plain(['true', 'false'], CompletionItemKind.Value) : [];
    case 'rollup':
      return ctx.mapKind === 'objective' ? plain(['auto', 'own', 'aligned', 'both'], CompletionItemKind.EnumMember, (v) => ROLLUP_DETAIL[v]) : [];
    case 'status':
      return ctx.mapKind === 'objective' || ctx.mapKind === 'keyResult'
        ? plain(['active', 'closed', 'dropped'], CompletionItemKind.EnumMember, (v) => STATE_DETAIL[v])
        : [];
    case 'value':
      return ctx.mapKind === 'checkin' && ctx.keyResult?.kind === 'milestone' ? plain(['true', 'false'], CompletionItemKind.Value) : [];
    case 'date':
      return ctx.mapKind === 'checkin' ? plain([input.today], CompletionItemKind.Value, () => 'today') : [];
    case 'period':
      return ctx.mapKind === 'file' ? plain(periodValues(input.today), CompletionItemKind.Value) : [];
    case 'owner':
      return quoted(ownersOf(input), ctx, CompletionItemKind.Value, 'used in the workspace');
    case 'unit':
      return ctx.mapKind === 'keyResult' ? quoted(unitsOf(input), ctx, CompletionItemKind.Unit, 'used in the workspace') : [];
    case 'aligns_to':
      return alignCompletions(input, ctx);
    default:
      return [];
  }
}

const ROLLUP_DETAIL: Record<string, string> = {
  auto: 'own key results if it has any, else aligned objectives (default)',
  own: 'its own key results',
  aligned: 'the objectives aligned to it',
  both: 'own key results and aligned objectives',
};

const STATE_DETAIL: Record<string, string> = {
  active: 'tracked (default)',
  closed: 'finished: score final, still counts',
  dropped: 'abandoned: left out of scores (give a reason)',
};

export function periodValues(today: string): string[] {
  const year = Number(today.slice(0, 4));
  const half = Number(today.slice(5, 7)) <= 6 ? 1 : 2;
  return [...upcomingQuarters(today, 4), `${year}-H${half}`, String(year)];
}

/** Values that need quotes in YAML when they start with an indicator (`@`, `%`, `#`...). */
function quoted(values: string[], ctx: Extract<LineContext, { type: 'value' }>, kind: CompletionItemKind, detail: string): CompletionItem[] {
  const inQuotes = ctx.quoted;
  // The value being typed is in the model too; it is not a suggestion.
  const typed = ctx.prefix.replace(/["']$/, '');
  return values.filter((v) => v !== typed).map((v, i) => ({
    label: v,
    kind,
    detail,
    sortText: String(i).padStart(4, '0'),
    filterText: v,
    textEdit: { range: ctx.replace, newText: inQuotes || !needsQuotes(v) ? v : JSON.stringify(v) },
  }));
}

function needsQuotes(v: string): boolean {
  return /^[@%#&*!|>'"`{[\],?:-]/.test(v) || /[:#]\s|\s#/.test(v) || /^(true|false|null|yes|no|~)$/i.test(v) || /^[\d.+-]+$/.test(v);
}

function ownersOf(input: CompletionInput): string[] {
  const counts = new Map<string, number>();
  const add = (o: string | undefined) => o && counts.set(o, (counts.get(o) ?? 0) + 1);
  for (const [, doc] of docsOf(input)) {
    add(doc.owner);
    for (const o of doc.objectives) {
      add(o.owner);
      for (const kr of o.keyResults) add(kr.owner);
    }
  }
  return byCount(counts);
}

function unitsOf(input: CompletionInput): string[] {
  const counts = new Map<string, number>();
  for (const [, doc] of docsOf(input)) for (const o of doc.objectives) for (const kr of o.keyResults) if (kr.unit) counts.set(kr.unit, (counts.get(kr.unit) ?? 0) + 1);
  return byCount(counts);
}

function byCount(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/** Every document of the workspace, with the edited one (its latest version) included. */
function docsOf(input: CompletionInput): Array<[string, OkrDocument]> {
  const entries = input.index ? input.index.entries() : [];
  return entries.some(([, d]) => d === input.doc) ? entries : [...entries, [input.docPath ?? input.doc.uri, input.doc]];
}

function alignCompletions(input: CompletionInput, ctx: Extract<LineContext, { type: 'value' }>): CompletionItem[] {
  if (!input.index) return [];
  const self = ctx.mapKind === 'objective' ? ctx.objective : undefined;
  return input.index
    .objectives()
    .filter((e) => e.objective !== self)
    .map((e, i) => ({
      label: e.ref,
      kind: CompletionItemKind.Reference,
      detail: e.objective.title,
      documentation: {
        kind: MarkupKind.Markdown,
        value: [`**${mdText(e.objective.title ?? e.objective.id ?? '')}**`, e.objective.effectiveOwner ? `owner ${mdText(e.objective.effectiveOwner)}` : '', codeSpan(`${input.index!.fileRef(e.path)}.okr`)]
          .filter(Boolean)
          .join(' · '),
      },
      sortText: String(i).padStart(5, '0'),
      textEdit: { range: ctx.replace, newText: e.ref },
    }));
}

const ISSUE_RE = /^([\w.-]+\/[\w.-]+)?#\d+$|^[A-Z][A-Z0-9_]*-\d+$/;

function linkCompletions(input: CompletionInput, ctx: Extract<LineContext, { type: 'value' }>): CompletionItem[] {
  const out: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const [, doc] of docsOf(input)) {
    for (const o of doc.objectives) {
      for (const kr of o.keyResults) {
        for (const l of kr.links) {
          if (!ISSUE_RE.test(l.text) || seen.has(l.text)) continue;
          seen.add(l.text);
          out.push({
            label: l.text,
            kind: CompletionItemKind.Reference,
            detail: 'issue used in the workspace',
            sortText: `0_${l.text}`,
            textEdit: { range: ctx.replace, newText: ctx.quoted || !l.text.startsWith('#') ? l.text : JSON.stringify(l.text) },
          });
        }
      }
    }
  }
  if (ctx.prefix.startsWith('#')) return out;
  if (input.files && input.docPath) {
    const dir = path.dirname(input.docPath);
    let n = 0;
    for (const file of input.files()) {
      if (file === input.docPath) continue;
      const rel = path.relative(dir, file).split(path.sep).join('/');
      out.push({ label: rel, kind: CompletionItemKind.File, sortText: `1_${rel}`, textEdit: { range: ctx.replace, newText: rel } });
      if (++n >= MAX_FILES) break;
    }
  }
  return out;
}
