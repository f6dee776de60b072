// Semantic tokens (full document): meaning on top of the TextMate grammar. Ids of objectives and key
// results are declarations, `aligns_to` values references; numbers (and numbers with units in
// titles and notes), dates, owners, links and issue keys, enum values and suppression comments each
// get a standard token type, so every theme colours them without configuration.
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver';
import type { Field, MapNode, OkrDocument } from '../../core';

export const TOKEN_TYPES = ['namespace', 'property', 'variable', 'number', 'string', 'keyword', 'comment', 'macro', 'type', 'enumMember'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'readonly'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/** What each token type means in an .okr file (documented for theme authors and tests). */
export const TOKEN_MEANING = {
  objectiveId: { type: 'namespace', modifiers: ['declaration'] },
  keyResultId: { type: 'property', modifiers: ['declaration'] },
  reference: { type: 'namespace', modifiers: [] },
  owner: { type: 'variable', modifiers: ['readonly'] },
  number: { type: 'number', modifiers: [] },
  date: { type: 'number', modifiers: ['readonly'] },
  unit: { type: 'type', modifiers: [] },
  link: { type: 'string', modifiers: [] },
  issueKey: { type: 'enumMember', modifiers: [] },
  enumValue: { type: 'keyword', modifiers: [] },
  comment: { type: 'comment', modifiers: [] },
  directive: { type: 'macro', modifiers: [] },
  ruleId: { type: 'keyword', modifiers: [] },
} as const satisfies Record<string, { type: TokenType; modifiers: readonly TokenModifier[] }>;

type Meaning = keyof typeof TOKEN_MEANING;

interface Token {
  line: number;
  char: number;
  length: number;
  meaning: Meaning;
}

const DATE_RE = /\b\d{4}-\d{2}-\d{2}\b/g;
const PERIOD_RE = /^\s*["']?\d{4}(?:-(?:Q[1-4]|H[12]|\d{2}))?["']?\s*$/;
/** `company#quality/crash-free` written in a title or a note. */
const REF_IN_TEXT_RE = /(?<![\w./#-])[\w.-]+(?:\/[\w.-]+)*#[A-Za-z_][\w-]*(?:\/[\w-]+)?/g;
const OWNER_RE = /(?<![\w@])@[\w.-]*\w/g;
const QUANTITY_RE =
  /(?<![\w.])[$€£]?\d+(?:[.,]\d+)*(?:\s?(?:%|pp|ms|s|sec|min|h|hours?|days?|weeks?|months?|k|K|M|x|GB|MB|KB|TB|rps|req\/s|users?|points?|pts))?(?![\w%])/g;
const ISSUE_RE = /^(?:[\w.-]+\/[\w.-]+)?#\d+$|^[A-Z][A-Z0-9_]*-\d+$/;
const SUPPRESS_RE = /^([ \t]*#[ \t]*)(okr-disable-next-line)\b(.*)$/;
const NUMBER_KEYS = ['baseline', 'target', 'current', 'confidence', 'weight'];

export function semanticTokens(doc: OkrDocument): SemanticTokens {
  const tokens: Token[] = [];
  const text = doc.text;

  /** A token over a single-line range given by offsets. */
  const at = (s: number, e: number, meaning: Meaning) => {
    if (e <= s) return;
    const p = doc.lines.positionAt(s);
    const q = doc.lines.positionAt(e);
    if (p.line !== q.line) return; // multi-line tokens are not portable across clients
    tokens.push({ line: p.line, char: p.character, length: e - s, meaning });
  };
  const value = (f: Field | undefined, meaning: Meaning) => {
    if (!f || f.value === null || typeof f.value === 'object') return;
    at(doc.lines.offsetAt(f.valueRange.start), doc.lines.offsetAt(f.valueRange.end), meaning);
  };
  /** References, dates, owners and quantities inside free text (titles, notes). */
  const prose = (f: Field | undefined) => {
    if (!f || typeof f.value !== 'string') return;
    const s = doc.lines.offsetAt(f.valueRange.start);
    const raw = text.slice(s, doc.lines.offsetAt(f.valueRange.end));
    const taken: Array<[number, number]> = [];
    const claim = (re: RegExp, meaning: Meaning) => {
      for (const m of raw.matchAll(re)) {
        const a = m.index!;
        const b = a + m[0].length;
        if (taken.some(([x, y]) => a < y && b > x)) continue;
        taken.push([a, b]);
        at(s + a, s + b, meaning);
      }
    };
    claim(REF_IN_TEXT_RE, 'reference');
    claim(DATE_RE, 'date');
    claim(OWNER_RE, 'owner');
    claim(QUANTITY_RE, 'number');
  };
  const numbers = (m: MapNode) => {
    for (const k of NUMBER_KEYS) {
      const f = m.fields.get(k);
      if (typeof f?.value === 'number') value(f, 'number');
    }
  };

  const root = doc.root;
  if (root) {
    const period = root.fields.get('period');
    if (period && (typeof period.value === 'string' || typeof period.value === 'number')) {
      const s = doc.lines.offsetAt(period.valueRange.start);
      const e = doc.lines.offsetAt(period.valueRange.end);
      if (PERIOD_RE.test(text.slice(s, e))) at(s, e, 'date');
    } else if (period?.value && typeof period.value === 'object') {
      dates(doc, period, at);
    }
    value(root.fields.get('owner'), 'owner');
    value(root.fields.get('aligns_to'), 'reference');
  }
  for (const o of doc.objectives) {
    const f = o.node.fields;
    value(f.get('id'), 'objectiveId');
    value(f.get('owner'), 'owner');
    value(f.get('aligns_to'), 'reference');
    value(f.get('type'), 'enumValue');
    prose(f.get('title'));
    numbers(o.node);
    for (const kr of o.keyResults) {
      const k = kr.node.fields;
      value(k.get('id'), 'keyResultId');
      value(k.get('owner'), 'owner');
      value(k.get('unit'), 'unit');
      value(k.get('guardrail'), 'enumValue');
      value(k.get('done'), 'enumValue');
      prose(k.get('title'));
      prose(k.get('metric'));
      numbers(kr.node);
      for (const link of kr.links) {
        const s = doc.lines.offsetAt(link.range.start);
        at(s, doc.lines.offsetAt(link.range.end), ISSUE_RE.test(link.text.trim()) ? 'issueKey' : 'link');
      }
      for (const c of kr.checkins) {
        const cf = c.node.fields;
        value(cf.get('date'), 'date');
        const v = cf.get('value');
        value(v, typeof v?.value === 'boolean' ? 'enumValue' : 'number');
        numbers(c.node);
        prose(cf.get('note'));
      }
    }
  }
  for (const line of doc.suppressions.keys()) suppression(doc, line - 1, tokens);
  return { data: encode(tokens) };
}

/** `{start: 2026-10-01, end: 2026-12-31}` periods: each date. */
function dates(doc: OkrDocument, f: Field, at: (s: number, e: number, m: Meaning) => void): void {
  const s = doc.lines.offsetAt(f.valueRange.start);
  const raw = doc.text.slice(s, doc.lines.offsetAt(f.valueRange.end));
  for (const m of raw.matchAll(DATE_RE)) at(s + m.index!, s + m.index! + m[0].length, 'date');
}

/** `# okr-disable-next-line rule-a, rule-b -- reason`: comment, directive, rule ids, comment. */
function suppression(doc: OkrDocument, line: number, tokens: Token[]): void {
  const { start, end } = doc.lines.lineBounds(line);
  const m = SUPPRESS_RE.exec(doc.text.slice(start, end));
  if (!m) return;
  const prefix = m[1]!;
  tokens.push({ line, char: 0, length: prefix.length, meaning: 'comment' });
  tokens.push({ line, char: prefix.length, length: m[2]!.length, meaning: 'directive' });
  const restStart = prefix.length + m[2]!.length;
  const rest = m[3]!;
  const reason = rest.search(/\s--(\s|$)/);
  const ids = reason >= 0 ? rest.slice(0, reason) : rest;
  for (const id of ids.matchAll(/[\w*-]+/g)) tokens.push({ line, char: restStart + id.index!, length: id[0].length, meaning: 'ruleId' });
  if (reason >= 0) {
    const r = rest.slice(reason).replace(/^\s+/, '');
    tokens.push({ line, char: restStart + rest.length - r.length, length: r.length, meaning: 'comment' });
  }
}

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));

/** Sorted, non-overlapping, relative encoding (LSP 3.16). */
function encode(tokens: Token[]): number[] {
  tokens.sort((a, b) => a.line - b.line || a.char - b.char);
  const data: number[] = [];
  let line = 0;
  let char = 0;
  let lastEnd = -1;
  let lastLine = -1;
  for (const t of tokens) {
    if (t.line === lastLine && t.char < lastEnd) continue; // overlap: the earlier token wins
    const meaning = TOKEN_MEANING[t.meaning];
    const mods = meaning.modifiers.reduce((acc, m) => acc | (1 << TOKEN_MODIFIERS.indexOf(m)), 0);
    data.push(t.line - line, t.line === line ? t.char - char : t.char, t.length, TYPE_INDEX.get(meaning.type)!, mods);
    line = t.line;
    char = t.char;
    lastLine = t.line;
    lastEnd = t.char + t.length;
  }
  return data;
}
