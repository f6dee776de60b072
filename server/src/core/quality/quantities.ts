/**
 * Finds the quantities in a key-result title: the amounts a reader could check at the
 * end of the quarter. The order of the passes matters: more specific shapes (dates,
 * currency, percentages, durations) claim their characters first, so a later generic
 * number pass does not report "2026" in "2026-11-30" or "3.5" in "$3.5M" again.
 */
import type { Quantity, QuantityKind } from './types';
import {
  DURATION_UNITS, FREQUENCY_WORDS, IDENTIFIER_PREFIXES, MAGNITUDES, METRIC_NOUNS, MONTHS, NUMBER_WORDS,
} from './lexicon';

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const MAG = String.raw`(?:k|K|M|MM|mm|bn|B|million|billion|thousand)`;
const MONTH_ALT = MONTHS.join('|');
const numberWordAlt = Object.keys(NUMBER_WORDS).join('|');
const DURATION_ALT = Object.keys(DURATION_UNITS)
  .sort((a, b) => b.length - a.length)
  .map((u) => u.replace(/ /g, String.raw`\s+`))
  .join('|');

/** "1,200" -> 1200; the guide keeps typos like "250,0000", which still parse to a number. */
export function parseNumber(raw: string): number {
  return Number(raw.replace(/,/g, ''));
}

function magnitude(raw: string | undefined): number {
  if (!raw) return 1;
  const key = raw.toLowerCase();
  return MAGNITUDES[key] ?? 1;
}

/** Threshold words right before an amount; they make the amount a guardrail. */
const MIN_BEFORE = /(?:at\s+least|no\s+less\s+than|no\s+fewer\s+than|more\s+than|over|above|greater\s+than|>=?|≥|minimum)\s*$/i;
const MAX_BEFORE = /(?:at\s+most|no\s+more\s+than|less\s+than|fewer\s+than|under|below|within|up\s+to|<=?|≤|maximum)\s*$/i;
const APPROX_BEFORE = /(?:about|around|approx(?:imately|\.)?|~|roughly)\s*$/i;

function comparatorBefore(text: string, start: number): Quantity['comparator'] {
  const before = text.slice(Math.max(0, start - 24), start);
  if (MAX_BEFORE.test(before)) return 'max';
  if (MIN_BEFORE.test(before)) return 'min';
  if (APPROX_BEFORE.test(before)) return 'approx';
  return undefined;
}

interface Claimed { start: number; end: number }

class Collector {
  readonly items: Quantity[] = [];
  private readonly claimed: Claimed[] = [];
  constructor(private readonly text: string) {}

  free(start: number, end: number): boolean {
    return !this.claimed.some((c) => start < c.end && end > c.start);
  }

  claim(start: number, end: number): void {
    this.claimed.push({ start, end });
  }

  add(kind: QuantityKind, start: number, end: number, value?: number, unit?: string): Quantity | undefined {
    if (!this.free(start, end)) return undefined;
    const q: Quantity = { text: this.text.slice(start, end), start, end, kind };
    if (value !== undefined && Number.isFinite(value)) q.value = value;
    if (unit) q.unit = unit;
    if (kind !== 'date' && kind !== 'quantifier' && kind !== 'placeholder') {
      const cmp = /\+$/.test(q.text) ? 'min' : comparatorBefore(this.text, start);
      if (cmp) q.comparator = cmp;
    }
    this.items.push(q);
    this.claim(start, end);
    return q;
  }

  /** Run a global regex and hand each match to `fn` with its absolute offset. */
  scan(re: RegExp, fn: (m: RegExpExecArray) => void, gate?: RegExp): void {
    // Cheap gates skip whole passes that cannot match (most KRs have no currency, month...).
    if (gate && !gate.test(this.text)) return;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(this.text)) !== null) {
      fn(m);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}

const MONTH_AFTER = new RegExp(String.raw`^\s+(?:${MONTHS.join('|')})\b`, 'i');
const STOP_AFTER_NAME = new Set(['of', 'to', 'in', 'on', 'for', 'by', 'and', 'or', 'at', 'per', 'than', 'a', 'an', 'the', 'new', 'more', 'less', 'times', 'x']);

/** A number glued to letters ("P1", "G2", "libp2p", "Week-1", "V0") is a name, not an amount. */
function isIdentifierContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 3);
  if (/[\p{L}_]$/u.test(before)) return true;
  if (/[\p{L}_]-$/u.test(before) && !/top-$/i.test(before)) return true;
  if (/[#&!]$/.test(before)) return true; // issue, epic or MR reference "#4260", "gitlab-org&2023"
  if (/^(?:st|nd|rd|th)\b/i.test(after)) return true; // ordinals
  if (/^[_]/.test(after)) return true;
  // "30-day retention", "7-day active users": the number is part of the metric's name.
  // "5.5-hours total" (plural unit) is an amount, though.
  // So is a decimal star rating ("a 4.6-star average rating"): no name has a fractional star count.
  if (/^-\p{L}/u.test(after) && !/^-(?:hours|hrs|days|weeks|minutes|mins|months|seconds|secs)\b/i.test(text.slice(end, end + 10)) &&
    !(/\.\d/.test(text.slice(start, end)) && /^-stars?\b/i.test(text.slice(end, end + 7)))) return true;
  const prev = /([\p{L}]+)[\s.]*$/u.exec(before);
  if (prev && IDENTIFIER_PREFIXES.has(prev[1].toLowerCase()) && !/^no$/i.test(prev[1])) return true;
  if (/\bv\.?\s*$/i.test(before)) return true;
  // "PostgreSQL 11 upgrade", "Kubernetes/Omnibus 50K reference architecture": a number
  // between a product name (capitalised, mixed case, not opening the sentence) and a
  // singular noun names a version or size class; it is not an amount.
  const name = /[^.;:!?\s]\s+[\p{L}/]*\p{Lu}[\p{L}/]*\p{Ll}[\p{L}/]*\s+$/u.exec(text.slice(Math.max(0, start - 40), start));
  const head = /^\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?(?:\s+([a-z][a-z-]*))?/.exec(text.slice(end, end + 40).replace(/^(?:[kKMB]|MM|bn)\b/, ''));
  if (name && head && !STOP_AFTER_NAME.has(head[1]) && !(head[1] in DURATION_UNITS) &&
    ![head[1], head[2], head[3]].some((x) => x && /[^s]s$/.test(x))) return true;
  // version numbers "1.2.3", "the 1.0 version", "version 2"; a release line "the 2.x branch", "3.x"
  if (/^\.\d/.test(after) || /^\.[x*](?![\p{L}\d])/iu.test(after)) return true;
  // "Phase 1 and 2", "tier 1/2": a number coordinated with a named one is named too.
  const coordinated = /\b([\p{L}]+)\s+\d+[a-z]?\s*(?:,|and|or|&|\/)\s*$/iu.exec(text.slice(Math.max(0, start - 24), start));
  if (coordinated && IDENTIFIER_PREFIXES.has(coordinated[1]!.toLowerCase())) return true;
  // "401 (k)", "501(c)": a letter in parentheses right after the number names a plan or a law.
  if (/^\s?\([a-z]\)/i.test(text.slice(end, end + 5))) return true;
  // "FIPS 140-2", "IEEE 802-3": an acronym, then a number hyphened to another, names a standard.
  // A metric's acronym keeps its range ("NPS 40-50").
  const acronym = /(?:^|[^\p{L}])(\p{Lu}{2,6})\s+(?:\d+-)?$/u.exec(text.slice(Math.max(0, start - 16), start));
  if (acronym && !METRIC_NOUNS.has(acronym[1]!.toLowerCase()) && (/^-\d/.test(after) || /-$/.test(acronym[0]))) return true;
  // "the 2019 Summit", "2018 Summitt": a year before a capitalised noun names an event or edition.
  if (/^(?:19|20)\d{2}$/.test(text.slice(start, end)) && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(end, end + 4)) &&
    !MONTH_AFTER.test(text.slice(end, end + 12))) return true;
  // "the 2025 annual report", "our 2.0 roadmap": a year or a dotted version between a determiner and
  // the noun it modifies says which edition or version the deliverable is; it counts nothing. A plural
  // head ("the 2.5 days", "the 2000 users") or a unit keeps the amount.
  if (/^(?:(?:19|20)\d{2}|\d+\.\d+(?:\.\d+)?)$/.test(text.slice(start, end)) && /\b(?:the|our|its|their|this|next|a)\s+$/i.test(before)) {
    const noun = /^\s+([a-z][a-z-]*)(?:\s+([a-z][a-z-]*))?/.exec(text.slice(end, end + 30));
    // "the 4.5 rating" is a level of the metric; "the 2026 budget" is the edition of a plan.
    const level = text.slice(start, end).includes('.') && METRIC_NOUNS.has(noun?.[1] ?? '');
    if (noun && !level && !(noun[1]! in DURATION_UNITS) && !STOP_AFTER_NAME.has(noun[1]!) &&
      ![noun[1], noun[2]].some((x) => x && /[^s]s$/.test(x))) return true;
  }
  // "N+1 queries", "C++17": a number after a letter and "+" is part of a name.
  if (/\p{L}\+$/u.test(before)) return true;
  // "360 feedback": the name of a review format, not a count.
  if (text.slice(start, end) === '360' && /^\s+(?:feedback|reviews?|assessments?|surveys?)\b/i.test(text.slice(end, end + 14))) return true;
  if (/^\s+versions?\b/i.test(text.slice(end, end + 10)) && /\./.test(text.slice(start, end))) return true;
  return false;
}

export interface ExtractOptions {
  /** Extra unit words from configuration (accepted after a number as its unit). */
  units?: string[];
}

/** Extract every quantity in reading order. */
// Gates for whole passes (see Collector.scan).
const HAS_DIGIT = /\d/;
const PLACEHOLDER_GATE = /[XN%$€£\[<?]|TB[DC]/;
const XYN_GATE = /\b[XYN]\b/;
const QUARTER_GATE = /[QH][1-4]|FY|CY|q[1-4] (?:19|20)/;
const MONTH_GATE = new RegExp(String.raw`\b(?:${MONTH_ALT})`, 'i');
const END_GATE = /\b(?:end|close)\s+of|\bEO[QYMWD]\b/i;
const CURRENCY_GATE = /[$€£¥]/;
const CURRENCY_CODE_GATE = /USD|EUR|GBP|CHF|dollar|euro|pound/i;
const DURATION_GATE = new RegExp(String.raw`\d|\b(?:${Object.keys(NUMBER_WORDS).join('|')}|within|under|less\s+than|no\s+more\s+than|inside)\b`, 'i');
// A threshold word before "a/an <unit>" makes it a limit of one unit: "within an hour",
// "in under a day", "in less than a week" (unlike the cadence "twice a week").
const ONE_UNIT_LIMIT_BEFORE = /\b(?:within|under|inside(?:\s+of)?|(?:in\s+)?less\s+than|no\s+more\s+than|no\s+later\s+than|at\s+most)\s+$/i;
const CADENCE_GATE = /\b(?:once|twice|times?)\b/i;
const OVER_GATE = /over|MoM|QoQ|YoY|WoW/;
const HIRE_TITLE_GATE = /\b(?:[Hh]ire|[Rr]ecruit|[Oo]nboard)s?\s+(?:VP|SVP|EVP|Director|Head|Chief|C[TFOMRI]O|CISO|Manager|Lead)\b/;
const NO_GATE = /\bno\s/i;
const NEGATION_GATE = /n[’']t\b|\bnot\b|\bno\s+longer\b/i;
const HIRE_GATE = /hire|recruit|bring/i;
const RELATIVE_GATE = /\b(?:week|sprint|day|month|iteration|milestone)\s+\d/i;

// Compiled once: building these per call cost more than the whole analysis.
const QUARTER_RE = new RegExp(String.raw`\b(?:(?:the\s+)?(?:end|start|beginning|middle|mid|close)\s+of\s+(?:the\s+)?)?(?:(?:FY|CY)\s?'?\d{2,4}[-\s]?)?(?:Q[1-4]|H[12])(?:\s?[+/&]\s?(?:Q[1-4]|H[12]))*(?:[-\s/]?(?:FY)?'?(?:19|20)?\d{2}\b)?|\b(?:FY|CY)\s?'?\d{2,4}\b|\bq[1-4]\s+(?:19|20)\d{2}\b`, 'g');
const MONTH_DATE_RE = new RegExp(String.raw`\b(?:(?:by|in|until|before|during|through|from|on|since|of|mid|early|late|end\s+of|start\s+of)\s+)(?:(?:mid|early|late|the\s+end\s+of)[-\s])?(?:${MONTH_ALT})\b\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:19|20)\d{2})?|\b(?:${MONTH_ALT.split('|').filter((x) => x !== 'may' && x !== 'mar').join('|')})\b\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:19|20)\d{2}\b|\b(?:${MONTH_ALT.split('|').filter((x) => x !== 'may' && x !== 'mar').join('|')})\s+\d{1,2}(?:st|nd|rd|th)?\b` +
  // Day before month, as British and European writers date: "by 31 March", "on 1st October 2026".
  // "May" is a month only after a preposition ("by 31 May"; "5 may attend" is not a date).
  String.raw`|\b(?:by|on|until|before|from|since)\s+\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_ALT})\b\.?(?:,?\s+(?:19|20)\d{2})?` +
  String.raw`|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTH_ALT.split('|').filter((x) => x !== 'may' && x !== 'mar').join('|')})\b\.?(?:,?\s+(?:19|20)\d{2})?`, 'gi');
const CURRENCY_SYMBOL_RE = new RegExp(String.raw`[$€£¥]\s?(${NUM})\s?(${MAG})?\b`, 'g');
const CURRENCY_CODE_RE = new RegExp(String.raw`\b(${NUM})\s?(${MAG})?\s?(USD|EUR|GBP|CHF|dollars|euros|pounds)\b`, 'gi');
const PERCENT_RE = new RegExp(String.raw`(?<![\p{L}\d.])(${NUM})\s?(%|percent(?:age)?\s+points?\b|percent\b|per\s+cent\b|pp\b|ppts?\b)\+?`, 'giu');
const DURATION_RE = new RegExp(String.raw`(?<![\p{L}\d.])(${NUM}|${numberWordAlt}|a|an)(?:[-\s]?)(${DURATION_ALT})\.?(?![\p{L}\d])`, 'giu');
const NUMBER_RE = new RegExp(String.raw`(?<![\d.,])(${NUM})(\s?${MAG}(?![\p{L}]))?([A-Za-z]{1,5}\b)?\+?`, 'gu');
const NUMBER_WORD_RE = new RegExp(String.raw`\b(${numberWordAlt})(?:[-\s]+(${numberWordAlt}))?\b(?:\s+(million|thousand|billion|hundred))?`, 'gi');

const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5, fifths: 5,
  sixth: 6, sixths: 6, tenth: 10, tenths: 10,
};
const FRACTION_WORD_ALT = Object.keys(NUMBER_WORDS).filter((w) => NUMBER_WORDS[w]! >= 1 && NUMBER_WORDS[w]! <= 100 && Number.isInteger(NUMBER_WORDS[w])).join('|');
const FRACTION_IN_WORDS_RE = new RegExp(
  String.raw`\b(${FRACTION_WORD_ALT})\s+(?:in|out\s+of)\s+(${FRACTION_WORD_ALT})\b(?=\s+\p{L})` +
  String.raw`|\b(a|one|two|three|four|five|nine)[-\s](half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|sixth|sixths|tenth|tenths)\s+of\b` +
  // "by a fifth", "by two-thirds": the size of a change.
  String.raw`|(?<=\bby\s+)(a|one|two|three|four|five|nine)[-\s](half|third|thirds|quarter|quarters|fourth|fourths|fifth|fifths|sixth|sixths|tenth|tenths)\b`,
  'giu',
);
const FRACTION_GATE = /\b(?:in|out\s+of|half|thirds?|quarters?|fourths?|fifths?|sixths?|tenths?)\b/i;
function fractionNumerator(word: string | undefined): number | undefined {
  if (!word) return undefined;
  return word.toLowerCase() === 'a' ? 1 : NUMBER_WORDS[word.toLowerCase()];
}

const PERIOD_NOUN_AFTER = /^\s+(?:[\p{L}-]+\s+)?(?:targets?|goals?|objectives?|okrs?|plans?|planning|quotas?|budgets?|forecasts?|revenue|recurring|results?|numbers?)\b/iu;

/** False when no amount placeholder ("X%", "$N", "to X", "[N2]", "TBD"…) can be in the text: a cheap gate. */
export function mayHoldAmountPlaceholder(text: string): boolean {
  return PLACEHOLDER_GATE.test(text) || XYN_GATE.test(text);
}

export function extractQuantities(text: string, options: ExtractOptions = {}): Quantity[] {
  const c = new Collector(text);

  // --- Placeholders for amounts: "X%", "N%", "$X", "[N2]", "from X to Y". ---
  c.scan(/(?<![\p{L}\d])[XN]{1,3}\s?%|[$€£]\s?[XN]\d{0,2}(?![\p{L}\d])|\[\$?N\d*\]|<[a-z][\w\s-]*>|\?{2,}|\bTB[DC]\b/gu, (m) => {
    c.add('placeholder', m.index, m.index + m[0].length);
  }, PLACEHOLDER_GATE);
  c.scan(/\b(?:by|to|from|of|reach|achieve|at|hit|over|under)\s+([XYN])(?=[\s.,;)]|$)(?![\s]+(?:and|or)\s+[A-Z]\b)/g, (m) => {
    const s = m.index + m[0].length - 1;
    c.add('placeholder', s, s + 1);
  }, XYN_GATE);

  // --- Dates and deadlines. ---
  // "2019Q1", "2020 H2": a year and a quarter or half, in that order.
  c.scan(/\b(?:19|20)\d{2}\s?[QH][1-4]\b/g, (m) => {
    c.add('date', m.index, m.index + m[0].length);
  }, QUARTER_GATE);
  c.scan(/\b(?:19|20)\d{2}-\d{2}(?:-\d{2})?\b/g, (m) => {
    c.add('date', m.index, m.index + m[0].length);
  }, HAS_DIGIT);
  c.scan(QUARTER_RE, (m) => {
    c.add('date', m.index, m.index + m[0].length);
  }, QUARTER_GATE);
  c.scan(MONTH_DATE_RE, (m) => {
    // Report the date itself, not the preposition in front of it.
    const lead = /^(?:by|in|until|before|during|through|from|on|since|of)\s+/i.exec(m[0]);
    const s = m.index + (lead ? lead[0].length : 0);
    c.add('date', s, m.index + m[0].length);
  }, MONTH_GATE);
  c.scan(/(?:\b(?:by|in|until|before|during|for|since|from|(?:end|half|start|beginning|middle)\s+of)|\b(?:Q[1-4]|H[12])\s*(?:&|and|\/))\s+((?:19|20)\d{2})\b(?![\d,.%]|\s*[\p{L}]+s\b)/giu, (m) => {
    const s = m.index + m[0].length - m[1].length;
    c.add('date', s, m.index + m[0].length, Number(m[1]));
  }, HAS_DIGIT);
  c.scan(/\b(?:(?:by|at|before|until)\s+)?(?:the\s+)?(?:end|close)\s+of\s+(?:the|this|next|each|every)?\s*(?:(?:financial|fiscal|calendar|academic|school|tax|budget|current)\s+)?(?:quarter|year|month|sprint|week|half|period|cycle)\b|\b(?:EOQ|EOY|EOM|EOW|EOD)\b/gi, (m) => {
    c.add('date', m.index, m.index + m[0].length);
  }, END_GATE);

  // Relative deadlines: "by week 3", "in sprint 4", "before day 30" (the unit comes first).
  c.scan(/\b(?:by|in|before|until|end\s+of)\s+(?:the\s+)?(?:week|sprint|day|month|iteration|milestone)\s+\d{1,3}\b(?![\d,%]|\.\d)/gi, (m) => {
    const lead = /^(?:by|in|before|until)\s+/i.exec(m[0]);
    c.add('date', m.index + (lead ? lead[0].length : 0), m.index + m[0].length);
  }, RELATIVE_GATE);

  // --- Currency: "$3.5M", "€10k", "250 USD". ---
  c.scan(CURRENCY_SYMBOL_RE, (m) => {
    const sym = m[0][0];
    const unit = sym === '$' ? 'USD' : sym === '€' ? 'EUR' : sym === '£' ? 'GBP' : 'JPY';
    c.add('currency', m.index, m.index + m[0].length, parseNumber(m[1]) * magnitude(m[2]), unit);
  }, CURRENCY_GATE);
  c.scan(CURRENCY_CODE_RE, (m) => {
    const cur = m[3].toUpperCase();
    const unit = cur === 'DOLLARS' ? 'USD' : cur === 'EUROS' ? 'EUR' : cur === 'POUNDS' ? 'GBP' : cur;
    c.add('currency', m.index, m.index + m[0].length, parseNumber(m[1]) * magnitude(m[2]), unit);
  }, CURRENCY_CODE_GATE);

  // --- Percentages and percentage points. ---
  c.scan(PERCENT_RE, (m) => {
    const unit = /point|pp/i.test(m[2]) ? 'pp' : '%';
    if (isIdentifierContext(text, m.index, m.index + m[1].length)) return;
    c.add('percent', m.index, m.index + m[0].length, parseNumber(m[1]), unit);
  }, HAS_DIGIT);

  // --- Ratios: "2/3", "7 out of 10", "1 in 5", "3:1". ---
  c.scan(/(?<![\p{L}\d/.])(\d+(?:\.\d+)?)\s*(?:\/|out\s+of|in|:)\s*(\d+(?:\.\d+)?)(?![\d/.:]|\s*(?:days?|weeks?|months?|years?|hours?|minutes?)\b)/giu, (m) => {
    if (/\bin\b/i.test(m[0]) && !/^\d+\s+in\s+\d+$/.test(m[0])) return;
    // "24/7" is an always-on availability promise, kept as a quantifier.
    // "a 1:1 relationship between accounts", "weekly 1:1s": a kind of mapping or meeting.
    if (m[1] === '1' && m[2] === '1' && /^\s*(?:s\b|\p{L})/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))) {
      c.claim(m.index, m.index + m[0].length);
      return;
    }
    if (m[1] === '24' && m[2] === '7') {
      c.add('quantifier', m.index, m.index + m[0].length, 1, '24/7');
      return;
    }
    if (isIdentifierContext(text, m.index, m.index + m[1].length)) return;
    const d = Number(m[2]);
    if (d === 0) return;
    c.add('ratio', m.index, m.index + m[0].length, Number(m[1]) / d);
  }, HAS_DIGIT);

  // --- Multipliers: "2x", "3×", "10-fold", "doubles", "halve". ---
  c.scan(/(?<![\p{L}\d.])(\d+(?:\.\d+)?)\s?(?:x|×|-?fold)(?![\p{L}\d])/giu, (m) => {
    c.add('multiplier', m.index, m.index + m[0].length, Number(m[1]), 'x');
  }, HAS_DIGIT);
  c.scan(/\b(doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|quadrupl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|twice|thrice)\b(?![-\s]digit)/gi, (m) => {
    const w = m[1].toLowerCase();
    const v = w.startsWith('doubl') || w === 'twice' ? 2 : w.startsWith('tripl') || w === 'thrice' ? 3 : w.startsWith('quad') ? 4 : 0.5;
    c.add('multiplier', m.index, m.index + m[0].length, v, 'x');
  });

  // --- Durations: "45 days", "300 ms", "72h", "5min. 40sec.", "two weeks". ---
  c.scan(DURATION_RE, (m) => {
    const rawNum = m[1].toLowerCase();
    // "a day" is a cadence, handled with frequencies, unless a threshold word makes it a limit.
    if (/^(?:a|an)$/.test(rawNum) && !ONE_UNIT_LIMIT_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return;
    // "seven-day active users", "three-year pitch": a hyphenated duration describes a noun.
    if (/-/.test(m[0].slice(m[1].length, m[1].length + 1))) return;
    const unitKey = m[2].toLowerCase().replace(/\s+/g, ' ');
    // Single-letter units only when glued to the number ("72h", "5d"), never "3 s".
    if (unitKey.length === 1 && /\s/.test(m[0])) return;
    // …and only to digits: "one-on-ones" is not "one s".
    if (unitKey.length === 1 && !/^\d/.test(rawNum)) return;
    if (/^\d/.test(rawNum) && isIdentifierContext(text, m.index, m.index + m[1].length)) return;
    const value = /^\d/.test(rawNum) ? parseNumber(rawNum) : NUMBER_WORDS[rawNum] ?? 1;
    const end = m[0].endsWith('.') && !/\b(?:min|sec|hr|hrs|mins|secs|wk|wks|yr|yrs)\.$/i.test(m[0]) ? m.index + m[0].length - 1 : m.index + m[0].length;
    c.add('duration', m.index, end, value, DURATION_UNITS[unitKey] ?? unitKey);
  }, DURATION_GATE);

  // --- Cadences: "weekly", "once a year", "every sprint", "month over month". ---
  c.scan(/\b(?:once|twice|\d+\s+times?)\s+(?:a|an|per|each|every)\s+(?:day|week|sprint|month|quarter|year)\b|\b(?:month|quarter|year|week)[-\s]over[-\s](?:month|quarter|year|week)\b|\b(?:MoM|QoQ|YoY|WoW)\b/g, (m) => {
    c.add('quantifier', m.index, m.index + m[0].length, undefined, 'cadence');
  }, CADENCE_GATE);
  c.scan(/\b(?:year|month|quarter|week)[-\s]over[-\s](?:year|month|quarter|week)\b/gi, (m) => {
    c.add('quantifier', m.index, m.index + m[0].length, undefined, 'cadence');
  }, OVER_GATE);
  c.scan(/(?<![\p{L}-])(daily|weekly|bi-?weekly|fortnightly|monthly|quarterly|yearly|annually|hourly|nightly)(?![\p{L}-])/giu, (m) => {
    if (!FREQUENCY_WORDS.has(m[1].toLowerCase())) return;
    // "their daily web browsing" describes a habit; "Engineering Quarterly Achievers" is a name.
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    if (/\b(?:their|our|my|your|his|her|its)\s+$/i.test(before)) return;
    // "daily active users", "daily, weekly, monthly active users": the name of a metric
    // (DAU/WAU/MAU), not a cadence the KR promises.
    const rest = text.slice(m.index + m[0].length, m.index + m[0].length + 60);
    if (/^(?:\s*(?:,|\/|\band\b|\bor\b)\s*(?:and\s+|or\s+)?(?:daily|weekly|monthly|quarterly|yearly|annual)\b)*\s+active\b/i.test(rest)) return;
    if (/^\p{Lu}/u.test(m[1]) && /[\p{L}\d,]\s+$/u.test(before)) return;
    // "quarterly targets", "annual plan", "monthly quota": the period the thing covers,
    // not how often something is done (unlike "weekly reviews").
    if (PERIOD_NOUN_AFTER.test(rest)) return;
    c.add('quantifier', m.index, m.index + m[0].length, undefined, 'cadence');
  });

  // --- Quantifiers: all / every / each / always / none / zero / no X / at least one. ---
  c.scan(/\b(?:at\s+least|one\s+or\s+more|at\s+most)\s+(?:one|1)\b|\bone\s+\(?\s*or\s+more\b(?:\s*!?\))?/gi, (m) => {
    c.add('quantifier', m.index, m.index + m[0].length, 1);
  });
  // "Run that workshop at least once", "at least twice a quarter": a count in words.
  c.scan(/\b(?:at\s+least|at\s+most|no\s+more\s+than|more\s+than)\s+(once|twice|thrice)\b/gi, (m) => {
    c.add('number', m.index, m.index + m[0].length, m[1].toLowerCase() === 'once' ? 1 : m[1].toLowerCase() === 'twice' ? 2 : 3, 'times');
  });
  // "Everyone on the team has an OKR", "nobody is paged twice": scope over people, like "all".
  c.scan(/(?<![\p{L}-])(everyone|everybody|no\s+one|nobody)\b/giu, (m) => {
    const w = m[1].toLowerCase();
    // "Everyone knows where to find the roadmap": a state of mind, which no scope makes checkable.
    if (/^[^,;.]{0,40}?\b(?:knows?|understands?|trusts?|feels?|believes?|is\s+aware|cares?|loves?|enjoys?)\b/i.test(text.slice(m.index + m[0].length))) return;
    c.add('quantifier', m.index, m.index + m[0].length, w === 'nobody' || w.startsWith('no') ? 0 : undefined, w.startsWith('every') ? 'every' : 'none');
  });
  // Shares in words: "nine in ten users", "one out of five", "two-thirds of pages", "a quarter of calls",
  // "half of all grants": a fraction of a counted whole, as readable as "90%".
  c.scan(FRACTION_IN_WORDS_RE, (m) => {
    const [num, den] = m[1] ? [NUMBER_WORDS[m[1].toLowerCase()], NUMBER_WORDS[m[2]!.toLowerCase()]]
      : m[3] ? [fractionNumerator(m[3]), FRACTION_DENOMINATORS[m[4]!.toLowerCase()]] : [fractionNumerator(m[5]), FRACTION_DENOMINATORS[m[6]!.toLowerCase()]];
    if (num === undefined || !den) return;
    c.add('ratio', m.index, m.index + m[0].length, num / den);
  }, FRACTION_GATE);
  // "a single-digit percentage of builds", "double-digit growth": a bound in words.
  c.scan(/\b(single|double)[-\s]digit\s+(?:percent(?:age)?|%)/gi, (m) => {
    const q = c.add('percent', m.index, m.index + m[0].length, m[1]!.toLowerCase() === 'single' ? 9 : 10, '%');
    if (q) q.comparator = m[1]!.toLowerCase() === 'single' ? 'max' : 'min';
  }, /digit/i);
  // "cut in half", "reduced by half": a halving, as "halve" is.
  c.scan(/\b(?:cut|cuts|reduced?|reduces|slash(?:ed|es)?|drop(?:s|ped)?)\s+(?:[\p{L}-]+\s+){0,4}?(in\s+half|by\s+half)\b/giu, (m) => {
    const at = m.index + m[0].length - m[1]!.length;
    c.add('multiplier', at, m.index + m[0].length, 0.5, 'x');
  }, /half/i);
  // "self-serve on a majority of requests": more than half, a threshold a reader can check.
  c.scan(/\b(?:a|the)\s+(?:clear\s+|simple\s+)?majority\s+of\b/gi, (m) => {
    c.add('quantifier', m.index, m.index + m[0].length, undefined, 'majority');
  });
  c.scan(/(?<![\p{L}-])(all|every|each|always|none|zero|never|without\s+(?:any|a\s+single))\b(?!-)/giu, (m) => {
    const w = m[1].toLowerCase();
    // "rollout of Zero Trust model": a capitalised word inside a sentence before another is a name.
    if (/^Zero\s+\p{Lu}/u.test(text.slice(m.index, m.index + 7)) && m.index > 0 && !/[.;:!?(]\s*$/.test(text.slice(0, m.index))) return;
    // "all over the globe", "at all", "once and for all" are idioms, not scope.
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
    const before = text.slice(Math.max(0, m.index - 6), m.index).toLowerCase();
    // "for all roles" and "at all times" are scope, so the idiom needs the clause to end.
    if (w === 'all' && (/^\s+over\b/.test(after) || (/\bat\s+$|\bfor\s+$/.test(before) && /^\s*(?:[.,;:!?)]|$)/.test(after)))) return;
    // "at every opportunity", "at every turn": a manner idiom meaning "always", not a scope one can count.
    if (w === 'every' && /\bat\s+$/.test(before) && /^\s+(?:opportunity|turn|chance)\b/.test(after)) return;
    // "deals of all sizes", "users of all kinds", "more views each time": the quantifier
    // describes a range or a repetition; it sets no scope a reader could check.
    if (/^(?:all|every|each)$/.test(w) && (/^\s+(?:sizes|kinds|types|sorts|shapes|stripes|levels|ages|backgrounds|stages)\b/.test(after) && /\bof\s+$/.test(before) ||
      (w !== 'all' && /^\s+time\b/.test(after) && !/^\s+time\s+(?:we|a|an|the|someone|anyone|they|you|it)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))))) return;
    // "opt out of providing every IPLD node": inside what a feature does, not the key result's scope.
    if (/^(?:all|every|each)$/.test(w) && /\b(?:of|from)\s+\p{L}+ing\s+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) return;
    c.add('quantifier', m.index, m.index + m[0].length, w === 'zero' || w === 'none' || w === 'never' ? 0 : undefined, w);
  });
  c.scan(/(?:^|[.;:(]\s*|\b(?:with|have|has|see|sees|report|reports|and|that|ensure|ensures)\s+)(no)\s+(?!longer\b|later\b|more\s+than\b|less\s+than\b|one\b|matter\b|need\b|doubt\b)[\p{L}]/giu, (m) => {
    const s = m.index + m[0].toLowerCase().lastIndexOf('no ');
    // "Roll out the No PO, No Pay Policy": a capitalised "No" inside a sentence, before a
    // capitalised word, is part of a name.
    if (text[s] === 'N' && s > 0 && !/[.;:!?(]\s*$/.test(text.slice(0, s)) && /^No\s+\p{Lu}/u.test(text.slice(s, s + 6))) return;
    c.add('quantifier', s, s + 2, 0, 'no');
  }, NO_GATE);

  // "go-ipfs doesn't have checked-in gx paths", "no longer requires a release captain":
  // a negated possession is an end state of zero, like "has no".
  c.scan(/\b(?:doesn[’']t|does\s+not|don[’']t|do\s+not|no\s+longer)\s+(?:have|has|contain|contains|use|uses|require|requires|need|needs|depend\s+on|depends\s+on)\b/giu, (m) => {
    c.add('quantifier', m.index, m.index + m[0].length, 0, 'none');
  }, NEGATION_GATE);
  // "Don't push code that fails tests", "Do not deploy on Fridays": a prohibition opening a
  // sentence is a target of zero occurrences, checkable like "no X".
  c.scan(/(?:^|[.;:!?]\s+)(?:don[’']t|do\s+not)\s+(?!have\b|has\b|need\b|forget\b)\p{L}/giu, (m) => {
    const s = m.index + m[0].search(/d/i);
    c.add('quantifier', s, s + (/^don/i.test(text.slice(s)) ? 5 : 6), 0, 'none');
  }, NEGATION_GATE);

  // --- "Hire a Head of Marketing": a single hire is a count of one. ---
  // Also "(or hire) an Engineering Manager" and "bring on a recruiter".
  c.scan(/\b(?:(?:hire|recruit)s?(?:\s+or\s+(?:assign|appoint|name|designate|find))?\)?|(?:bring|brings|bringing)\s+on)\s+(an?)\s+(?=[\p{L}])(?!(?:[\p{L}-]+\s+)?(?:team|squad|group|crew|department|agency|firm)\b)/giu, (m) => {
    const s = m.index + m[0].length - m[1].length - 1;
    c.add('number', s, s + m[1].length, 1, countedNoun(text, s + m[1].length, []));
  }, HIRE_GATE);
  // "Onboard a second release manager", "Appoint a new community steward", "Add another maintainer": one
  // more person in a role (a noun of an agent: -er, -or, -ist, -ant, -ent, steward, lead, … heading its
  // phrase: "a new partner ecosystem" is no person) is a count of one; "the time it takes to onboard a new
  // customer" names what is measured.
  c.scan(/\b(?:onboard|appoint|add|welcome|train|elect|nominate)(?:s|ed|ing)?\s+(?:(an?)\s+(?:second|third|fourth|fifth|new|additional|dedicated|full-time|part-time)|(another))\s+(?:[\p{L}-]+\s+){0,2}?(?:[\p{L}-]+(?:er|or|ist|ant|ent)|steward|lead|head|owner|champion|ambassador|advocate|mentor|member)\b(?=\s*(?:[.,;:!?()]|$)|\s+(?:to|for|in|on|with|from|at|by|and|or|who|per|each|within|before|after|this|next|\d)\b)/giu, (m) => {
    if (/\bto\s+$/i.test(text.slice(Math.max(0, m.index - 4), m.index))) return;
    const word = m[1] ?? m[2]!;
    const s = m.index + m[0].indexOf(word, m[0].search(/\s/));
    c.add('number', s, s + word.length, 1, countedNoun(text, s + word.length, []));
  }, /onboard|appoint|add|welcome|train|elect|nominat/i);
  // Named roles without an article: "Onboard VP, Director of SRE, and Sr/Mgr of DBRE",
  // "Hire Head of Design". Each title listed after the hire verb is one hire.
  c.scan(/\b(?:[Hh]ires?|[Rr]ecruits?|[Oo]nboards?)\s+(?=(?:VP|SVP|EVP|Director|Head|Chief|C[TFOMRI]O|CISO|Manager|Lead)\b)/g, (m) => {
    const s = m.index + m[0].length;
    const title = /^[\p{L}]+/u.exec(text.slice(s))?.[0] ?? '';
    c.add('number', s, s + title.length, 1, title);
  }, HIRE_TITLE_GATE);
  // A role without an article or count: "Hire social media intern", "Recruit senior data
  // engineer". A singular role noun after at most three modifiers is one hire.
  c.scan(/\b(?:[Hh]ire|[Rr]ecruit)\s+((?:(?!an?\b|the\b|\d)[\p{L}-]+\s+){0,3}(?:intern|engineer|designer|developer|recruiter|analyst|coordinator|specialist|writer|scientist|assistant|advocate|architect|administrator|marketer|editor|researcher|consultant|accountant|strategist|evangelist))\b(?!s)/gu, (m) => {
    const s = m.index + m[0].length - m[1].length;
    c.add('number', s, s + m[1].length, 1, m[1]);
  }, HIRE_GATE);
  // "HRBP x2": a multiplier after a role or item names how many.
  c.scan(/(?<=\p{L})\s+[x×](\d+)\b/gu, (m) => {
    c.add('number', m.index + m[0].indexOf(m[1]) - 1, m.index + m[0].length, Number(m[1]));
  }, /\s[x×]\d/);
  // Passive: "A scheduling coordinator is brought on / hired / recruited".
  c.scan(/^\s*(an?)\s+(?:[\p{L}-]+\s+){1,4}(?:is|gets|was|will\s+be)\s+(?:hired|recruited|brought\s+on|brought\s+onboard)\b/giu, (m) => {
    const s = m.index + m[0].indexOf(m[1]);
    c.add('number', s, s + m[1].length, 1, countedNoun(text, s + m[1].length, []));
  });

  // "Achieve Level 3/4 Maturity", "reach tier 2": a named level to reach is the target.
  c.scan(/\b(?:achiev|reach|attain|hit|get\s+to)\w*\s+(?:a\s+|the\s+)?(?:level|tier|stage|grade)\s+(\d+)(?:\s*\/\s*\d+)?\b/gi, (m) => {
    c.add('number', m.index + m[0].search(/\d/), m.index + m[0].length, Number(m[1]), 'level');
  }, /level|tier|stage|grade/i);

  // --- Plain numbers, with magnitude and the counted noun as unit. ---
  const extraUnits = (options.units ?? []).map((u) => u.toLowerCase());
  c.scan(NUMBER_RE, (m) => {
    const numStart = m.index;
    const numEnd = m.index + m[1].length;
    if (isIdentifierContext(text, numStart, numEnd)) return;
    let value = parseNumber(m[1]) * magnitude(m[2]?.trim());
    let end = m.index + m[0].length;
    let unit: string | undefined = m[3];
    if (unit) {
      // Glued letters that are not a unit ("2nd", "3rd") make it an ordinal / name.
      if (/^(?:st|nd|rd|th)$/i.test(unit)) return;
    }
    if (!Number.isFinite(value)) return;
    if (!unit) unit = countedNoun(text, end, extraUnits);
    // Trailing comma/period belongs to the sentence, not the number.
    while (end > numEnd && /[.,]/.test(text[end - 1])) end--;
    if (/^\d+\.$/.test(m[1])) value = Number(m[1].slice(0, -1));
    c.add('number', m.index, end, value, unit);
  }, HAS_DIGIT);

  // --- Number words: "five benchmarks", "three customers", "top five". ---
  c.scan(NUMBER_WORD_RE, (m) => {
    const w = m[1].toLowerCase();
    const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12).toLowerCase();
    // "in one more language": one more thing is a count of one, whatever comes before.
    const oneMore = w === 'one' && /^\s*more\s+(?!time\b|than\b)\p{L}/u.test(after);
    // Idioms where "one"/"single"/"half" is not a count.
    if (!oneMore && /^(?:one|single|half)$/.test(w) && (/\b(?:in|at|as|no|any|the|of|this|that)\s+$/.test(before) || /^\s*(?:of|another|place|day|way|go|step|time|source|stop|click|team|voice|and)\b/.test(after) || /^\s*more\s+(?:time|than)\b/.test(after) || /^-/.test(after))) return;
    if (/^-/.test(after) && w !== 'one') return; // "three-year pitch" describes, it does not count
    // "a single sign-on", "single end-to-end flow": before a hyphenated compound, single names a kind.
    if (w === 'single' && /^\s+\p{L}+-\p{L}/u.test(after)) return;
    // "Implement single object storage", "based on single app": without "a", single means unified.
    if (w === 'single' && !/\ba\s+$/.test(before)) return;
    // "select and implement one": a pronoun closing the clause stands for a thing, not a count.
    if (w === 'one' && /^\s*(?:[.;:,)]|$)/.test(after) && /\b(?:select|choose|pick|implement|adopt|build|create|find|identify|write|make|deploy|launch|start|ship)\s+$/.test(before)) return;
    let value = NUMBER_WORDS[w] ?? 0;
    if (m[2]) value += NUMBER_WORDS[m[2].toLowerCase()] ?? 0;
    if (m[3]) value *= MAGNITUDES[m[3].toLowerCase()] ?? 100;
    c.add('number', m.index, m.index + m[0].length, value, countedNoun(text, m.index + m[0].length, extraUnits));
  });

  return mergeDurations(text, c.items.sort((a, b) => a.start - b.start));
}

const STOP = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'by', 'from', 'with', 'and', 'or', 'at', 'per',
  'than', 'is', 'are', 'be', 'that', 'which', 'who', 'within', 'into', 'over', 'under', 'across',
  'during', 'as', 'it', 'its', 'our', 'their', 'we', 'this', 'these', 'those', 'before', 'after',
  'down', 'up', 'below', 'above',
]);

/** The words right after a number that say what is counted ("3 blog posts" -> "blog posts"). */
function countedNoun(text: string, from: number, extraUnits: string[]): string | undefined {
  const rest = text.slice(from, from + 60);
  const m = /^\s*((?:[\p{L}][\p{L}\d'’\-/&]*)(?:\s+[\p{L}][\p{L}\d'’\-/&]*){0,3})/u.exec(rest);
  if (!m) return undefined;
  const words = m[1].split(/\s+/);
  const out: string[] = [];
  for (const w of words) {
    if (STOP.has(w.toLowerCase())) break;
    out.push(w);
    if (/s$/i.test(w) && out.length >= 1 && !/ss$/i.test(w)) break; // a plural noun usually ends the phrase
  }
  if (out.length === 0) return undefined;
  const unit = out.join(' ');
  if (extraUnits.includes(unit.toLowerCase())) return unit;
  return unit;
}

/** Kinds that carry a reading (dates only say when; placeholders say nothing). */
/**
 * A date that works as a deadline: after by/in/before/until/end of ("by Q3", "in June")
 * or closing the text ("… trainer ready 2019-08."). "the Q3 product strategy" and
 * "FY24Q2 hiring targets" only name a period.
 */
// A period used as a modifier names the thing, not when it is due: "End of quarter
// survey", "deals in Q3 pipeline", "the Q3 planning doc".
const ATTRIBUTIVE_HEADS = /^\s+(?:survey|surveys|review|reviews|retro|retrospective|report|reports|pipeline|planning|plan|plans|roadmap|okrs?|goals?|forecast|budget|kickoff|offsite|results?)\b/i;

export function isDeadline(text: string, q: Quantity): boolean {
  if (q.kind !== 'date') return false;
  if (ATTRIBUTIVE_HEADS.test(text.slice(q.end, q.end + 16))) return false;
  if (/^(?:by|in|before|through|during|end|start|the\s+end|eo[qymwd])\b/i.test(q.text)) return true;
  const before = text.slice(Math.max(0, q.start - 24), q.start);
  // "shorter than it was in October": the period is the reference, not the deadline.
  if (/\bthan\s+(?:(?:it|they|we)\s+(?:was|were|did)\s+)?(?:in|during|on)?\s*(?:the\s+)?$/i.test(before)) return false;
  // "a roadmap for FY23", "a plan for Q1/Q2 activation": the period the deliverable covers;
  // "throughout FY24": the span the effort lasts; "strategies for Q4 & 2019": both periods covered.
  if (/\b(?:for|throughout)\s+(?:the\s+)?$/i.test(before)) return false;
  if (/\bfor\s+(?:the\s+)?[\w-]+\s*(?:&|and|\/|,)\s*$/i.test(before)) return false;
  // "Plan participation … until 1st half of 2019": how long an effort lasts, not when something is due.
  if (/^(?:until|till)\b/i.test(q.text) || /\b(?:until|till)\s+(?:the\s+)?(?:(?:1st|2nd|first|second|end|start|middle)\s+(?:half\s+)?(?:of\s+)?)?$/i.test(before)) return false;
  if (/\b(?:by|in|before|until|till|through|during|of|on|within|no\s+later\s+than)\s+(?:the\s+)?$/i.test(before)) return true;
  return /^[\s.!;)]*$/.test(text.slice(q.end));
}

export function isAmount(q: Quantity): boolean {
  return q.kind !== 'date' && q.kind !== 'placeholder';
}

/** Convert a duration to milliseconds so "from 5 min 40 s to 3 min" can be compared. */
export function durationMs(value: number, unit: string | undefined): number | undefined {
  const f: Record<string, number> = {
    ms: 1, s: 1e3, min: 6e4, h: 3.6e6, d: 8.64e7, wk: 6.048e8, mo: 2.628e9, q: 7.884e9, y: 3.1536e10,
  };
  return unit && f[unit] !== undefined ? value * f[unit] : undefined;
}

/**
 * Merge runs of adjacent durations ("5min. 40sec.") into one quantity with the smaller
 * unit, so a from-to on them compares whole amounts.
 */
export function mergeDurations(text: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'duration' && q.kind === 'duration' && /^[\s.,]*(?:and\s+)?$/.test(text.slice(prev.end, q.start))) {
      const a = durationMs(prev.value ?? 0, prev.unit);
      const b = durationMs(q.value ?? 0, q.unit);
      if (a !== undefined && b !== undefined && a > b) {
        const unitMs = durationMs(1, q.unit) ?? 1;
        out[out.length - 1] = { ...prev, text: text.slice(prev.start, q.end), end: q.end, value: (a + b) / unitMs, unit: q.unit };
        continue;
      }
    }
    out.push(q);
  }
  return out;
}
