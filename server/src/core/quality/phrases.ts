/**
 * Word-level signals: which verb leads the KR (task, activity, change, outcome), whether
 * a change verb carries an amount, unmeasurable quality words, fuzzy "metrics" such as
 * productivity, and verifiable end states of binary milestones.
 */
import { findVerifiableState } from './verifiable';
import type { Quantity } from './types';
import {
  ACTIVITY_VERBS, CLAUSE_BREAKERS, COMPARATIVES, DECREASE_VERBS, DELIVERABLE_NOUNS, FUZZY_NOUNS,
  IMPROVE_VERBS, INCREASE_VERBS, MAINTAIN_VERBS, METRIC_NOUNS, OUTCOME_VERBS, QUALITY_ADJECTIVES,
  TASK_VERBS,
} from './lexicon';
import { lemma, wordsBefore, type Word } from './words';

export type VerbClass = 'task' | 'activity' | 'increase' | 'decrease' | 'improve' | 'maintain' | 'outcome';

export interface VerbHit {
  word: Word;
  base: string;
  cls: VerbClass;
}

// Every verb of the lexicons in one set: lemmas and clause breaks ask for each word (the lexicons are
// fixed at load; the team's extra vague words are adjectives, not verbs).
const VERB_SET: ReadonlySet<string> = new Set([
  ...TASK_VERBS, ...ACTIVITY_VERBS, ...INCREASE_VERBS, ...DECREASE_VERBS, ...IMPROVE_VERBS, ...MAINTAIN_VERBS, ...OUTCOME_VERBS,
]);
const ALL_VERBS = (w: string): boolean => VERB_SET.has(w);

// Lemmas are looked up for every word of every KR; a small cache keeps that cheap.
const lemmaCache = new Map<string, string>();
export function verbLemma(word: string): string {
  let l = lemmaCache.get(word);
  if (l === undefined) {
    if (lemmaCache.size > 20000) lemmaCache.clear();
    l = lemma(word, ALL_VERBS);
    lemmaCache.set(word, l);
  }
  return l;
}

// A class per lemma, asked for each word of each title.
const classes = new Map<string, VerbClass | null>();
function classOf(base: string): VerbClass | undefined {
  let c = classes.get(base);
  if (c === undefined) {
    if (classes.size > 20000) classes.clear();
    c = classify(base) ?? null;
    classes.set(base, c);
  }
  return c ?? undefined;
}

function classify(base: string): VerbClass | undefined {
  // Order matters for words in two lists: a change verb is read as a change first.
  if (INCREASE_VERBS.has(base)) return 'increase';
  if (DECREASE_VERBS.has(base)) return 'decrease';
  if (IMPROVE_VERBS.has(base)) return 'improve';
  if (MAINTAIN_VERBS.has(base)) return 'maintain';
  if (OUTCOME_VERBS.has(base)) return 'outcome';
  if (TASK_VERBS.has(base)) return 'task';
  if (ACTIVITY_VERBS.has(base)) return 'activity';
  return undefined;
}

/**
 * Most words are written in sentence case. A capitalised word in the middle of a
 * sentence is then a name ("Fast Ethernet", "Public Learn Platform") and not a verb or
 * adjective. Title-case texts ("Maintain & Secure Critical Infrastructure") opt out.
 */
// Asked by several passes over the same words of one title.
const titleCases = new WeakMap<Word[], boolean>();
export function isTitleCase(words: Word[]): boolean {
  let t = titleCases.get(words);
  if (t === undefined) titleCases.set(words, (t = computeTitleCase(words)));
  return t;
}

function computeTitleCase(words: Word[]): boolean {
  const alpha = words.filter((w) => /^\p{L}/u.test(w.text) && w.text.length > 3);
  if (alpha.length < 3) return false;
  const caps = alpha.filter((w) => /^\p{Lu}/u.test(w.text)).length;
  // Title case leaves at most one longer content word in lower case; "Tackle 60% of issues
  // raised in Onboarding Feedback" is a sentence with a capitalised name in it.
  const lowerContent = alpha.filter((w) => !/^\p{Lu}/u.test(w.text) && !TITLE_SMALL.has(w.lower)).length;
  return caps / alpha.length >= 0.6 && lowerContent <= 1;
}

const TITLE_SMALL = new Set(['with', 'from', 'into', 'over', 'onto', 'upon', 'than', 'that', 'this', 'across', 'within', 'through', 'about', 'under', 'between', 'without']);

function looksLikeName(w: Word, words: Word[], text: string, titleCase: boolean): boolean {
  if (titleCase || w.index === 0) return false;
  if (!/^\p{Lu}/u.test(w.text)) return false;
  // Start of a new sentence or after a colon: capital is grammatical.
  const prev = words[w.index - 1];
  const gap = text.slice(prev.end, w.start);
  return !/[.:;!?]\s*$/.test(gap);
}

// Words after which a verb form is read as an adjective or noun: "such as secure login",
// "for secure management", "a formalized process", "the launch".
const ATTRIBUTIVE_BEFORE = new Set([
  'the', 'a', 'an', 'our', 'their', 'its', 'this', 'these', 'those', 'your', 'my', 'his', 'her',
  'such', 'as', 'of', 'for', 'with',
]);
const ADJECTIVE_HOMOGRAPHS = new Set(['secure', 'mature']);
// Verbs that take a bare verb after them ("help improve retention", "make sure").
const BARE_VERB_TAKERS = new Set(['help', 'make', 'let']);

/**
 * A verb form used attributively is not a verb: after a determiner or preposition
 * ("core functionalities such as secure login", "a formalized process") or right after
 * another verb ("Implement secure credential storage", "implement optimized tax
 * structure"), a verb cannot start a clause.
 */
function isAttributive(w: Word, words: Word[], base: string, prevBase: string | undefined, prevIsVerb: boolean, text: string): boolean {
  if (w.index === 0) return false;
  const prev = words[w.index - 1];
  // "external secure coding training", "a mature process": adjectives that look like verbs,
  // read as verbs only where a clause can start.
  if (ADJECTIVE_HOMOGRAPHS.has(w.lower) && !/^(?:to|and|or|&|will|should|must|can|we|they|also|further|then)$/.test(prev.lower) && !/[.;:,!?(]/.test(text.slice(prev.end, w.start))) return true;
  const participle = /ed$/.test(w.lower) && base !== w.lower;
  if (base !== w.lower && !participle) return false;
  if (ATTRIBUTIVE_BEFORE.has(prev.lower)) return true;
  return prevIsVerb && !!prevBase && !BARE_VERB_TAKERS.has(prevBase) && prev.end + 1 === w.start;
}

/** All verbs from the lexicons, in order, with their class. */
export function findVerbs(text: string, words: Word[]): VerbHit[] {
  const titleCase = isTitleCase(words);
  const hits: VerbHit[] = [];
  for (const w of words) {
    if (/\d/.test(w.text) || looksLikeName(w, words, text, titleCase)) continue;
    const base = verbLemma(w.lower);
    const cls = classOf(base);
    if (!cls) continue;
    const last = hits[hits.length - 1];
    const prevIsVerb = !!last && last.word.index === w.index - 1;
    if (isAttributive(w, words, base, last?.base, prevIsVerb, text)) continue;
    // "-ing" words mid-sentence are mostly nouns or adjectives ("hosting costs",
    // "Q3 hiring"); only trust them at the start ("Proactively reaching out").
    if (/ing$/.test(w.lower) && base !== w.lower) {
      const first = w.index === 0 || (w.index === 1 && /ly$/.test(words[0].lower));
      const afterBy = w.index > 0 && /^(?:by|to|for|of)$/.test(words[w.index - 1].lower);
      if (!first && !afterBy) continue;
    }
    // A plural noun looks like a 3rd-person verb ("interop tests", "blog posts"). For
    // task verbs, which KRs almost never conjugate, trust the -s form only when an object
    // follows ("tracks those KPIs"); change verbs ("Readership increases") are kept.
    if ((cls === 'task' || cls === 'activity') && base !== w.lower && /s$/.test(w.lower) && !/ss$/.test(w.lower)) {
      const next = words[w.index + 1]?.lower ?? '';
      if (!/^(?:the|a|an|those|these|this|that|its|their|our|all|every|each)$/.test(next)) continue;
    }
    // "95 or better", "matches or is better than": a comparative threshold, not the verb "better".
    if (base === 'better' && w.index > 0 && /^(?:or|is|are|be|and)$/.test(words[w.index - 1]!.lower)) continue;
    // "on track to", "on hold", "in advance of": a status or an idiom, not the verb.
    if (w.index > 0 && words[w.index - 1]!.lower === 'on' && /^(?:track|hold)$/.test(w.lower)) continue;
    if (w.index > 0 && words[w.index - 1]!.lower === 'in' && w.lower === 'advance') continue;
    // "reach out" is an activity, "reach 20 million users" is an outcome.
    if (base === 'reach' && words[w.index + 1]?.lower === 'out') {
      hits.push({ word: w, base, cls: 'activity' });
      continue;
    }
    hits.push({ word: w, base, cls });
  }
  return hits;
}

/**
 * Char offsets where clauses break: punctuation, "using", "by <verb>ing", "so that".
 * An improvement verb must find its amount inside its own clause, so the number in
 * "improve retention using 2+ user actions" does not count as the promised amount.
 */
const STATE_MEANS = new Set(['having', 'getting', 'making', 'ensuring']);

export function clauseOf(text: string, words: Word[], at: Word): { start: number; end: number } {
  // "Improve monitoring by shipping 5 alerts …": improve names no direction, so a counted
  // output as its means is the yardstick of the improvement (a direction verb still needs
  // its own amount: "Reduce churn by launching 3 features").
  const improving = IMPROVE_VERBS.has(verbLemma(at.lower));
  const countedOutput = (i: number): boolean => TASK_VERBS.has(verbLemma(words[i]!.lower)) &&
    words.slice(i + 1, i + 4).some((x) => /^\d/.test(x.text));
  const isBreakWord = (i: number): boolean => {
    const w = words[i];
    if (!w) return false;
    if (CLAUSE_BREAKERS.has(w.lower)) return true;
    // "by reducing alerts" is a means; "by having 100% of the team join" states the level
    // reached, so its amount belongs to the change.
    if (w.lower === 'by' && /ing$/.test(words[i + 1]?.lower ?? '')) return !STATE_MEANS.has(words[i + 1].lower) && !(improving && countedOutput(i + 1));
    if (w.lower === 'so' && words[i + 1]?.lower === 'that') return true;
    if ((w.lower === 'and' || w.lower === 'or') && words[i + 1]) {
      const nb = verbLemma(words[i + 1].lower);
      return ALL_VERBS(nb) && !/(?:ed|ing)$/.test(words[i + 1].lower);
    }
    return false;
  };
  // Parentheses are not breaks: they elaborate the clause ("Grow team to plan (+1 SRE, +1 PM)").
  const PUNCT = /[,;:\u2014!?]|\.(?:\s|$)/;
  let start = 0;
  for (let i = at.index - 1; i >= 0; i--) {
    if (PUNCT.test(text.slice(words[i].end, words[i + 1].start))) { start = words[i + 1].start; break; }
    if (isBreakWord(i)) { start = words[i].end; break; }
  }
  let end = text.length;
  for (let i = at.index + 1; i < words.length; i++) {
    if (PUNCT.test(text.slice(words[i - 1].end, words[i].start))) {
      // "Increase sessions on blog posts. 5% month over month." : a verbless tail that
      // starts with an amount still belongs to the sentence before.
      if (/^\.\s/.test(text.slice(words[i - 1].end, words[i].start)) && /^\d/.test(words[i].text)) {
        continue;
      }
      end = words[i - 1].end;
      break;
    }
    if (isBreakWord(i)) { end = words[i].start; break; }
  }
  return { start, end };
}

const CHANGE_AMOUNT_KINDS = new Set(['number', 'percent', 'ratio', 'multiplier', 'currency', 'duration', 'placeholder']);

export interface ChangeVerbCheck {
  verb: VerbHit;
  amount?: Quantity;
  /** The amount belongs to a later outcome verb ("improve funnel to achieve 5000 ..."). */
  viaOutcome: boolean;
  /**
   * The verb sits in a relative clause describing something already counted: "Make at
   * least one improvement that decreases setup time". The count is the target; the
   * clause only says which things count, so the missing amount is not a weasel.
   */
  describesCounted?: boolean;
  /** The thing changed is not a metric ("boost productivity by 40%"). */
  fuzzyObject?: Word;
}

/**
 * Is the verb the head of a purpose or means clause that follows the main result
 * ("… to refine team practices", "… by improving sprint planning", ", incorporating
 * feedback to enhance …")? Returns where that subordinate clause starts.
 */
function subordinateStart(words: Word[], v: VerbHit, verbs: VerbHit[]): number | undefined {
  if (v.word.index < 2) return undefined;
  const prev = words[v.word.index - 1];
  // The first verb the lexicon knows may still follow an unknown one: "Each team proposes
  // and creates at least one SOW to increase service pipeline".
  if (verbs[0] === v && prev.lower !== 'to') return undefined;
  if (prev.lower === 'to' || (prev.lower === 'by' && /ing$/.test(v.word.lower))) return prev.start;
  return undefined;
}

/** Is the offset inside parentheses (more opened than closed before it)? */
function insideParentheses(text: string, at: number): boolean {
  const before = text.slice(0, at);
  if (!before.includes('(')) return false;
  return before.split('(').length > before.split(')').length;
}

const SUBORDINATE_AMOUNT_KINDS = new Set(['number', 'percent', 'ratio', 'multiplier', 'currency', 'duration']);

export function checkChangeVerbs(
  text: string, words: Word[], verbs: VerbHit[], quantities: Quantity[], extraUnits: Set<string>,
): ChangeVerbCheck[] {
  const out: ChangeVerbCheck[] = [];
  for (const v of verbs) {
    if (v.cls !== 'increase' && v.cls !== 'decrease' && v.cls !== 'improve') continue;
    // "ready to drive customer meetings", "able to scale": a capability, not a promised change.
    if (CAPABILITY_BEFORE.test(text.slice(Math.max(0, v.word.start - 16), v.word.start))) continue;
    // A multiplier verb is its own amount: "IACV doubles year over year".
    const selfAmount = quantities.find((q) => q.kind === 'multiplier' && q.start <= v.word.start && q.end >= v.word.end);
    const clause = clauseOf(text, words, v.word);
    // In a purpose or means clause the amounts before it belong to the main result:
    // "Organize at least two retrospectives to refine team practices".
    const sub = subordinateStart(words, v, verbs);
    if (sub !== undefined && sub > clause.start) clause.start = sub;
    // "Drive satisfaction scores, filtered for billing, to >95%": a parenthetical between
    // commas does not separate the verb from its amount.
    const tail = PARENTHETICAL_THEN_AMOUNT.exec(text.slice(clause.end, clause.end + 80));
    if (tail) clause.end += tail[0].length;
    // "customers with a score of 50 or less have increased scores": in the perfect, the amounts
    // before the verb describe the subject; the change's own amount comes after it.
    const perfect = /^(?:have|has|had)$/.test(words[v.word.index - 1]?.lower ?? '');
    // "Strengthen partnerships with 4 universities", "Increase adoption across 3 regions": a count after
    // with / across / among / in says whom or where, not how much the change is.
    const scopeCount = (q: Quantity): boolean => q.kind === 'number' && q.start > v.word.end &&
      /\b(?:with|across|among|amongst|in|at)\s+(?:the\s+|our\s+|their\s+)?$/i.test(text.slice(Math.max(0, q.start - 14), q.start));
    // "Reduce incidents to zero": a zero reached is the change's amount too.
    const toZero = (q: Quantity): boolean => q.kind === 'quantifier' && q.value === 0 && /\bto\s+$/i.test(text.slice(Math.max(0, q.start - 4), q.start));
    let amount = selfAmount ?? quantities.find((q) => (CHANGE_AMOUNT_KINDS.has(q.kind) || toZero(q)) && q.start >= (perfect ? v.word.end : clause.start) && q.start < clause.end && !scopeCount(q));
    // "adds new, or refines existing, 25 features": verbs in a list share the object after the comma.
    let sharedObject = false;
    if (!amount) {
      const shared = SHARED_OBJECT_AMOUNT.exec(text.slice(clause.end, clause.end + 12));
      if (shared) amount = quantities.find((q) => CHANGE_AMOUNT_KINDS.has(q.kind) && q.kind !== 'placeholder' && q.start === clause.end + shared[0].length);
      // The count names what is changed ("25 features"), so there is no object to judge.
      sharedObject = !!amount;
    }
    // "Scale search to C1 and C2 requirements": a named level or standard is the target (an end state).
    if (!amount && NAMED_TARGET.test(text.slice(v.word.end, clause.end))) { out.push({ verb: v, viaOutcome: true }); continue; }
    // "expand to all NQR and OQR roles", "scale to every region": the scope is the target.
    // Only when the scope follows the verb's own object ("grow the team to have people
    // answering to all needs" is not a scope of the growth).
    amount ??= quantities.find((q) => q.kind === 'quantifier' && q.value === undefined && q.start > v.word.end && q.start < clause.end &&
      /\b(?:to|across)\s+$/i.test(text.slice(Math.max(0, q.start - 8), q.start)) &&
      words.filter((w) => w.start > v.word.end && w.end <= q.start).every((w, _i, between) =>
        between.length <= 6 && !/ing$/.test(w.lower) && !OUTCOME_VERBS.has(w.lower) && w.lower !== 'have'));
    const check: ChangeVerbCheck = { verb: v, viaOutcome: false };
    if (amount) check.amount = amount;
    // Words of the object: after the verb up to the amount (or clause end), content words only.
    const objEnd = amount && amount.start > v.word.end ? amount.start : clause.end;
    // A parenthetical defines the object ("failure demand (calls chasing progress)"); its words are not the object.
    const objWords = words.filter((w) => w.start > v.word.end && w.end <= objEnd && !FUNCTION_WORDS.has(w.lower) && !COMPARATOR_WORDS.has(w.lower) && !insideParentheses(text, w.start)).slice(0, 8);
    if (objWords.some((w) => OUTCOME_VERBS.has(verbLemma(w.lower)))) check.viaOutcome = true;
    // "improve UX, resulting in retention flattening at +20%", "improve X, achieve 65% DAU/MAU":
    // the next clause states the outcome the change is read by, with its amount.
    if (!amount && !check.viaOutcome) check.viaOutcome = outcomeClauseAmount(text, clause.end, quantities);
    // "Increase contributions from the community. For the 11.3 release, the target MR is 120":
    // a later sentence gives the target in so many words.
    if (!amount && !check.viaOutcome) check.viaOutcome = STATED_TARGET.test(text.slice(clause.end)) || OUTCOME_SENTENCE.test(text.slice(clause.end));
    // "Increase the percentage of developers who are aware of X to 90%": the relative clause
    // says what is counted; the amount after it is the change's own.
    if (!amount && /^\s*(?:who|that|which)\b/i.test(text.slice(clause.end, clause.end + 8))) {
      const m = RELATIVE_THEN_AMOUNT.exec(text.slice(clause.end));
      if (m) amount = quantities.find((q) => CHANGE_AMOUNT_KINDS.has(q.kind) && q.kind !== 'placeholder' && q.start >= clause.end + m[0].length - 1 && q.start <= clause.end + m[0].length + 2);
      if (amount) check.amount = amount;
    }
    if (!amount) {
      // "at least one country in which headcount can be grown": the relative pronoun may sit
      // a few words before the verb.
      const prev = words.slice(Math.max(0, v.word.index - 4), v.word.index).reverse()
        .find((x) => /^(?:that|which|who|where)$/.test(x.lower) && !/[,;.]/.test(text.slice(x.end, v.word.start)));
      if (prev &&
        quantities.some((q) => q.end <= prev.start && q.kind !== 'date' && q.kind !== 'placeholder' && (q.kind !== 'quantifier' || q.value === 1))) {
        check.describesCounted = true;
      }
      // A purpose or means without an amount does not spoil a counted result (dev: "Create
      // and publish 5 documents aimed at lowering the barrier to entry"): "Complete 3
      // rounds of usability testing …, incorporating feedback to enhance user experience",
      // "Maintain a velocity increase of 10% each week by improving sprint planning".
      // A scope counts as the main result's amount too: "Set hiring targets for each department
      // for Q1 to empower the executive team".
      if (sub !== undefined && quantities.some((q) => (SUBORDINATE_AMOUNT_KINDS.has(q.kind) || (isScope(q) && verbs[0] !== v) || (q.kind === 'quantifier' && q.value === 1)) && q.end <= sub &&
        // "Deliver a series of 5 webinars. Tag team with SDRs to drive attendance": a purpose in a
        // later sentence still serves the counted result; a means ("by improving") must share its sentence.
        (words[v.word.index - 1]?.lower === 'to' || !/[.;!?]\s/.test(text.slice(q.end, sub))))) {
        check.describesCounted = true;
      }
    }
    // Subject words too: "Productivity increases by 10%", "Work progress by 40%".
    const subjWords = words.filter((w) => w.end <= v.word.start && w.start >= clause.start).slice(-3);
    const scope = amount && !check.viaOutcome && !sharedObject ? [...objWords, ...(v.word.index > 0 ? subjWords : [])] : [];
    // "Say/Do", "DAU/MAU": two terms joined by a slash name a ratio, which is a metric.
    const ratioTerm = objWords.some((w, i) => i > 0 && text.slice(objWords[i - 1].end, w.start) === '/');
    if (scope.length > 0 && !ratioTerm && !scope.some((w) => METRIC_NOUNS.has(w.lower) || extraUnits.has(w.lower))) {
      // "issues raised in Onboarding Feedback": a capitalised word inside a sentence is a
      // name (a survey, a product), not a fuzzy noun, wherever it stands in the name.
      const titleCase = isTitleCase(words);
      // A gerund object ("improve downloading") names no metric; a hyphenated -ing word
      // ("customer-facing articles") is an adjective.
      const fuzzy = scope.find((w) => !looksLikeName(w, words, text, titleCase) &&
        (FUZZY_NOUNS.has(w.lower) || (/ing$/.test(w.lower) && !w.lower.includes('-') && w.lower.length > 5 && w === objWords[0] &&
          // "speaking opportunities", "training sessions": a gerund before a plural noun only modifies it.
          !/^[a-z-]+[^s]s$/.test(words[w.index + 1]?.lower ?? ''))));
      // "Improve diversity to 40% women in tech roles": what the percentage counts is named
      // right after it, which defines the metric.
      if (amount && amountNamesItsMetric(text, words, amount)) { /* defined */ }
      // "Improve monitoring by shipping 5 alerts": the counted means is the yardstick.
      else if (amount && v.cls === 'improve' && amount.kind !== 'quantifier' && TASK_VERBS.has(verbLemma(MEANS_THEN_AMOUNT.exec(text.slice(v.word.end, amount.start))?.[1]?.toLowerCase() ?? ''))) { /* defined */ }
      else if (fuzzy) check.fuzzyObject = fuzzy;
      // "improve X by 50%": improve names no direction, so X itself must be a metric. Not when
      // the amount belongs to a purpose ("Optimize borges to keep up with all updates within
      // 30 days"), which then says what is measured.
      else if (v.cls === 'improve' && objWords.length > 0 && !(amount && purposeVerbBefore(words, verbs, v, amount))) check.fuzzyObject = objWords[objWords.length - 1];
    }
    out.push(check);
  }
  // "Drive traffic to docs via … to increase new user traffic to docs by 10% QoQ": a purpose
  // that changes a metric by an amount is what the first change is read by.
  for (const c of out) {
    if (c.amount || c.viaOutcome) continue;
    c.viaOutcome = out.some((o) => o.amount && o.amount.kind !== 'date' && o.verb.word.start > c.verb.word.end && o.verb.cls !== 'improve' &&
      words[o.verb.word.index - 1]?.lower === 'to' && !/[.;!?]\s/.test(text.slice(c.verb.word.end, o.verb.word.start)));
  }
  return out;
}

/** Thresholds and their fillers, never the object of a change: "at least 3", "within 30 days". */
const COMPARATOR_WORDS = new Set(['first', 'last', 'next', 'least', 'most', 'over', 'under', 'above', 'below', 'within', 'than', 'up', 'around', 'about', 'approximately', 'roughly', 'nearly', 'almost']);

/** "40% women", "95% uptime": a percentage followed directly by the noun it counts. */
function amountNamesItsMetric(text: string, words: Word[], amount: Quantity): boolean {
  if (amount.kind !== 'percent') return false;
  const next = words.find((w) => w.start >= amount.end);
  if (!next || next.start - amount.end > 1 || !/^\s?$/.test(text.slice(amount.end, next.start))) return false;
  return !FUNCTION_WORDS.has(next.lower) && !FUZZY_NOUNS.has(next.lower) && !/^(?:this|next|each|every|per|more|less|increase|decrease|growth|improvement|reduction|higher|lower|better|faster|yoy|mom|qoq)$/.test(next.lower);
}

/** A "to <verb>" between the change verb and its amount: the amount measures that purpose. */
function purposeVerbBefore(words: Word[], verbs: VerbHit[], v: VerbHit, amount: Quantity): boolean {
  // The verb list is not exhaustive ("to process", "to keep up"): any word after "to" that is
  // not a determiner, a number or a capitalised name opens an infinitive.
  return words.some((w, i) => w.start > v.word.end && w.end <= amount.start && w.lower === 'to' && !!words[i + 1] &&
    (verbs.some((x) => x.word === words[i + 1]) || /^(?!(?:the|a|an|all|every|each|our|their|its|this|that|these|those|more|less)$)\p{Ll}[\p{Ll}-]*$/u.test(words[i + 1]!.text)));
}

const MEANS_THEN_AMOUNT = /\bby\s+(\p{L}+ing)\s+(?:\S+\s+){0,2}$/u;
// "…. Achieve 300% of the Q3 growth iACV plan.": a later sentence that opens with the outcome and its amount.
const OUTCOME_SENTENCE = /[.;]\s+(?:achieve|reach|hit|attain|deliver|get)\s+(?:an?\s+|the\s+)?[<>~]?\s*[$€£]?\d/i;
const RELATIVE_THEN_AMOUNT = /^\s*(?:who|that|which)\b[^,;.]{1,80}?\b(?:to|by)\s+[<>~≥≤]?\s*[$€£]?(?=\d)/i;
const CAPABILITY_BEFORE = /\b(?:ready|able|equipped|empowered|enabled)\s+to\s+$/i;
const SHARED_OBJECT_AMOUNT = /^,\s*(?=[<>~]?\s*[$€£]?\d)/;
const NAMED_TARGET = /\bto\s+(?:the\s+)?[\p{Lu}\d][\p{L}\d.-]*\d[\p{L}\d.-]*(?:\s*(?:,|and|or|&|\/)\s*[\p{Lu}\d][\p{L}\d.-]*)*\s+(?:requirements?|levels?|tiers?|standards?|compliance|specs?|specifications?)\b/u;
const STATED_TARGET = /\b(?:target|goal)\b[^.;]{0,30}?\b(?:is|of|=|:)\s*[<>~]?\s*[$€£]?\d/i;
const OUTCOME_CLAUSE = /(?:[,;\u2014]\s*(?:and\s+)?|\s(?:which|that)\s+)(?:resulting\s+in|results?\s+in|leading\s+to|leads?\s+to|translat[a-z]*\s+(?:to|into)|(?:as\s+)?measured\s+by|(?:to\s+)?(?:achiev|reach|attain)[a-z]*)\b/i;
const PARENTHETICAL_THEN_AMOUNT = /^,[^,;.()]{1,40},\s*(?:to|by|at)\s+[<>≤≥~+]?\s*[$€£]?\d[\d.,]*%?/;
const FUNCTION_WORDS = new Set(['to', 'by', 'of', 'in', 'on', 'for', 'the', 'a', 'an', 'and', 'or', 'at', 'with', 'that', 'which', 'from', 'into']);

/**
 * Does a later clause of the same sentence state the outcome ("…, resulting in retention
 * flattening at +20%", "…, achieve 65% DAU/MAU") with an amount? List commas in between
 * ("improve Functionality, UX, Customer Relations, …") are skipped.
 */
function outcomeClauseAmount(text: string, from: number, quantities: Quantity[]): boolean {
  // Keep the character before the clause end, so "… experience which translates to …"
  // (the clause ends at "which") still sees the space before the connective.
  if (from > 0) from -= 1;
  const tail = text.slice(from, from + 240);
  // "e.g." and "i.e." do not end the sentence.
  const sentenceEnd = tail.replace(/\b[ei]\.[eg]\./gi, 'xxxx').search(/[.!?](?:\s|$)/);
  const sentence = sentenceEnd < 0 ? tail : tail.slice(0, sentenceEnd);
  const m = OUTCOME_CLAUSE.exec(sentence);
  if (!m) return false;
  const at = from + m.index;
  const end = from + sentence.length;
  return quantities.some((q) => CHANGE_AMOUNT_KINDS.has(q.kind) && q.kind !== 'placeholder' && q.start > at && q.start < end);
}

/** Subject-position fuzzy metric without any verb: "Work progress by 40%", "100% clarity". */
export function fuzzyAmountWithoutVerb(words: Word[], quantities: Quantity[], extraUnits: Set<string>): Word | undefined {
  for (const q of quantities) {
    if (q.kind !== 'percent' && q.kind !== 'number') continue;
    // "with 100% clarity and prioritization": the percentage is of a fuzzy noun.
    if (q.kind === 'percent') {
      const next = words.find((w) => w.start >= q.end);
      if (next && next.start - q.end <= 1 && FUZZY_NOUNS.has(next.lower)) return next;
    }
    const before = wordsBefore(words, q.start, 4);
    if (before.length < 2 || before[before.length - 1].lower !== 'by') continue;
    // "…, as measured by 90% of deploys": the amount is the measure, not a change of the noun.
    if (before[before.length - 2].lower === 'measured') continue;
    // "Capability framework adopted by 10 departments": a passive's "by" names who did it (the
    // departments are counted), it is not the size of a change in the noun before.
    if (q.kind === 'number' && q.unit && /(?:ed|en)$/.test(before[before.length - 2].lower)) continue;
    const head = before.slice(0, -1);
    if (head.some((w) => METRIC_NOUNS.has(w.lower) || extraUnits.has(w.lower))) continue;
    const f = head.find((w) => FUZZY_NOUNS.has(w.lower));
    if (f) return f;
  }
  return undefined;
}

const TERM_HEADS = new Set(['best', 'good']);
const REFERENTIAL_ADJ = new Set(['relevant', 'appropriate']);
const REFERENTIAL_HEADS = new Set([
  'section', 'sections', 'team', 'teams', 'stakeholder', 'stakeholders', 'party', 'parties', 'people',
  'department', 'departments', 'group', 'groups', 'page', 'pages', 'channel', 'channels', 'owner', 'owners',
  'role', 'roles', 'person', 'persons', 'individuals', 'managers', 'leads', 'functions', 'folks',
]);
const VERB_HOMOGRAPHS = new Set(['clear', 'clean', 'smooth', 'polish', 'polished', 'solid']);
const TERM_TAILS = new Set(['practice', 'practices', 'practise', 'practises']);

const THRESHOLD_AFTER = /^\s+(?:to\s+)?(?:within|under|below|above|over|at\s+least|at\s+most|±|\+\/-)\s*[<>≤≥~]?\s*\d|^\s*:\s+[^,;.]{0,40}?\d/i;
const OPEN_ITEMS_AFTER = /^(?:\s+[\p{L}-]+)?\s+(?:issues?|bugs?|tickets?|items?|invoices?|requests?|tasks?|prs|mrs|defects?|actions?|debts?|balances?|vulnerabilit(?:y|ies)|questions?|work)\b/iu;
// One or two words, then a bracketed definition of two words or more: "contact (failure demand)".
const DEFINED_TERM_AFTER = /^[\s-]+[\p{L}-]+(?:\s+[\p{L}-]+)?\s+\(\s*(?:i\.e\.?,?\s+|aka\s+)?\p{L}[\p{L}-]*\s+\p{L}[^()]*\)/u;
const COUNT_IN_PARENS = /^(?:\s+[\p{L}-]+){0,2}\s*\(\s*(?:~|≈|about|over|at\s+least)?\s*\d/u;
// A purpose ("to …"), a means ("through proactive sharing of …", "via …") or a relative
// clause on what is counted ("3 issues that may impede significant adoption").
const PURPOSE_HEAD = /\b(?:in\s+order\s+to|to|aimed\s+at|so\s+as\s+to|through|via|by\s+\p{L}+ing|that|which|who|in\s+which|where)\s+(?:\p{L}+[^,;.]*)?$/u;

/** A universal scope ("each department", "all teams", "100% of managers"), not "no"/"never". */
function isScope(q: Quantity): boolean {
  return q.kind === 'quantifier' && q.value === undefined && /^(?:all|every|each|everyone|everybody)\b/i.test(q.text);
}

function inPurposeAfterCount(text: string, w: Word, quantities: Quantity[]): boolean {
  const sentenceStart = Math.max(0, text.lastIndexOf('. ', w.start) + 1);
  const m = PURPOSE_HEAD.exec(text.slice(sentenceStart, w.start));
  if (!m) return false;
  // "updated to be suitable for …": a copula states the result's claimed quality, not a purpose.
  if (/^(?:in\s+order\s+to|to|so\s+as\s+to)\s+(?:be|become|feel|look|seem|remain|stay)\b/i.test(m[0])) return false;
  const purposeStart = sentenceStart + m.index;
  // A zero ("Ensure zero vulnerabilities through active monitoring") is a count too.
  return quantities.some((q) => q.kind !== 'date' && q.kind !== 'placeholder' && (q.kind !== 'quantifier' || isScope(q) || q.value === 0 || q.value === 1) && q.end <= purposeStart && q.start >= sentenceStart);
}

const MANNER_ADVERBS = new Set(['effectively', 'efficiently', 'properly', 'seamlessly', 'smoothly', 'proactively', 'actively']);
/** Adverbs of effort and frequency: a count in their clause is what they are measured by. */
const HOW_OFTEN_OR_HOW_HARD = new Set(['actively', 'proactively', 'regularly', 'frequently', 'periodically', 'routinely', 'often', 'continuously', 'consistently', 'efficiently', 'regular', 'frequent', 'periodic']);

/** A numeric amount in the word's clause, before or after it (no clause break or "and" between). */
function countInClause(text: string, w: Word, quantities: Quantity[]): boolean {
  const apart = (between: string): boolean => /[,;.:()]|\b(?:and|but|while|so)\b/.test(between);
  return quantities.some((q) => {
    if (q.kind === 'date' || q.kind === 'placeholder' || (q.kind === 'quantifier' && q.value === undefined)) return false;
    if (q.start >= w.end) return q.start - w.end <= 48 && !apart(text.slice(w.end, q.start));
    return q.end <= w.start && w.start - q.end <= 48 && !apart(text.slice(q.end, w.start));
  });
}

/** "regularly (biweekly)": the parentheses right after the word say how often. */
function cadenceInParens(text: string, w: Word, quantities: Quantity[]): boolean {
  const m = /^\s*\(([^)]*)\)/.exec(text.slice(w.end));
  if (!m) return false;
  const open = w.end + m[0].indexOf('(');
  return quantities.some((q) => q.start > open && q.end <= w.end + m[0].length);
}

/** "… of users report / rate / say / agree …": the words after it are what people answer. */
const SURVEY_ANSWER = /\b(?:report|reports|rate|rates|say|says|agree|agrees|describe|describes|find|finds|consider|considers|call|calls)\s+(?:\p{L}+\s+){0,7}$/u;
// What a measured share of people feels or thinks is a survey's answer too ("80% of respondents feel the
// project is welcoming"); without the share it is a state of mind ("make the dashboard feel snappier").
const SURVEY_FEELING = /\d\s?%\s+of\s+(?:the\s+|our\s+)?(?:[\p{L}-]+\s+){0,3}(?:feel|feels|believe|believes|think|thinks|perceive|perceives)\s+(?:\p{L}+\s+){0,7}$/u;

function countBefore(text: string, w: Word, quantities: Quantity[]): boolean {
  const sentenceStart = Math.max(0, text.lastIndexOf('. ', w.start) + 1);
  return quantities.some((q) => q.kind !== 'date' && q.kind !== 'placeholder' && q.end <= w.start && q.start >= sentenceStart);
}

const DEGREE_WORDS = new Set(['highly', 'very', 'more', 'most', 'truly', 'really', 'always', 'fully', 'sufficiently', 'consistently']);

/** Is the adjective graded ("highly relevant") or coordinated with another quality word ("fast and relevant")? */
function gradedOrCoordinated(text: string, words: Word[], w: Word, extra: Set<string>): boolean {
  const isQ = (x: Word | undefined): boolean => !!x && x !== w && (QUALITY_ADJECTIVES.has(x.lower) || extra.has(x.lower)) && !REFERENTIAL_ADJ.has(x.lower);
  const prev = words[w.index - 1];
  if (prev && DEGREE_WORDS.has(prev.lower)) return true;
  // "Publish 3 relevant articles": on the object of an output verb it qualifies what is
  // made, so it is a claim about the output's quality.
  for (let i = w.index - 1; i >= Math.max(0, w.index - 3); i--) {
    const x = words[i];
    if (TASK_VERBS.has(verbLemma(x.lower))) return true;
    if (!/^(?:\d[\d,.]*\+?|a|an|the|more|new|some|few|several|one|two|three|four|five|six|seven|eight|nine|ten)$/.test(x.lower)) break;
  }
  const link = (a: Word, b: Word): boolean => /^\s*(?:,|and|or|&|,\s*and)\s*$/i.test(text.slice(a.end, b.start));
  if (prev && isQ(prev) && link(prev, w)) return true;
  const p2 = words[w.index - 2];
  if (prev && p2 && /^(?:and|or)$/.test(prev.lower) && isQ(p2)) return true;
  const next = words[w.index + 1];
  if (next && isQ(next) && link(w, next)) return true;
  const n2 = words[w.index + 2];
  return !!(next && n2 && /^(?:and|or)$/.test(next.lower) && isQ(n2));
}

// Quality phrases built from a degree noun: "a high level of comfort", "a good degree of
// confidence", "strong sense of ownership". No reading is defined for the level.
const DEGREE_PHRASE_RE = /\b(?:high|higher|low|good|great|strong|deep|solid|reasonable|certain)\s+(?:level|levels|degree|sense|standard|standards)\s+of\b/gi;

const VAGUE_FREQUENCY_RE = /\bon\s+an?\s+(regular|frequent|periodic|consistent|continuous|ongoing|timely|recurring|routine)\s+basis\b/gi;

// Adjectives whose comparative ("snappier", "smoother") claims a quality as the adjective would,
// beyond those listed as quality words themselves. Not wide or broad: "the wider community" says which.
const GRADABLE = new Set([
  'snappy', 'smooth', 'safe', 'strong', 'simple', 'quick', 'easy', 'clear', 'lean', 'tight', 'rich', 'happy',
  'healthy', 'slick', 'friendly', 'tidy', 'sturdy', 'nimble', 'speedy', 'steady', 'calm', 'cheap', 'clean',
  'deep', 'sharp', 'nice', 'fresh', 'bright', 'solid', 'great', 'good', 'fast', 'big', 'slim',
]);

/** Is the word the -er comparative of a quality or gradable adjective ("snappier" of snappy)? */
function isGradableComparative(word: string): boolean {
  if (word.length < 5 || !word.endsWith('er')) return false;
  const bases = [word.slice(0, -2), word.slice(0, -1), word.slice(0, -3) + 'y', word.slice(0, -3)];
  return bases.some((b) => b.length >= 3 && (GRADABLE.has(b) || QUALITY_ADJECTIVES.has(b)));
}

/**
 * "<metric> … higher than <the other thing's>": a named metric before the comparative in its clause,
 * compared with another thing (not with "before", "ever" or "usual", which name no reading).
 */
function metricComparedThan(text: string, words: Word[], w: Word): boolean {
  if (!/^\s+than\s+(?!(?:before|ever|now|today|usual|expected|necessary|needed)\b)\S/i.test(text.slice(w.end, w.end + 30))) return false;
  for (let i = w.index - 1; i >= Math.max(0, w.index - 10); i--) {
    const x = words[i]!;
    if (/[,;.]/.test(text.slice(x.end, words[i + 1]!.start))) return false;
    if (METRIC_NOUNS.has(x.lower)) return true;
  }
  return false;
}

/**
 * The comparison of a named metric with another thing's reading ("rate … higher than the paper
 * form's"): both sides can be read, so it is a threshold, like a named reference.
 */
export function findMetricComparison(text: string, words: Word[]): { text: string; start: number; end: number } | undefined {
  if (!/\bthan\b/i.test(text)) return undefined;
  for (const w of words) {
    if (!(COMPARATIVES.has(w.lower) || isGradableComparative(w.lower)) || !metricComparedThan(text, words, w)) continue;
    const rest = /^\s+than\s+[^,;.()]*/i.exec(text.slice(w.end))!;
    return { text: text.slice(w.start, w.end + rest[0].trimEnd().length), start: w.start, end: w.end + rest[0].trimEnd().length };
  }
  return undefined;
}

/** Unmeasurable quality words ("robust", "seamless", "proper"), forgiving "20% more". */
export function findQualityWords(text: string, words: Word[], quantities: Quantity[], extra: Set<string>): Word[] {
  const titleCase = isTitleCase(words);
  const out: Word[] = [];
  for (const w of words) {
    // "snappier", "smoother", "stronger": the comparative of a quality adjective claims as much.
    const derived = !QUALITY_ADJECTIVES.has(w.lower) && !extra.has(w.lower) && isGradableComparative(w.lower);
    if (!QUALITY_ADJECTIVES.has(w.lower) && !extra.has(w.lower) && !derived) continue;
    const comparative = derived || COMPARATIVES.has(w.lower);
    if (looksLikeName(w, words, text, titleCase)) continue;
    // "active users", "in active development" name a state or a metric; only "active
    // recruiting", "active monitoring" describe effort.
    if (w.lower === 'active' && !/^\p{L}+ing$/u.test(words[w.index + 1]?.text ?? '')) continue;
    // Verb homographs used as the verb: "Clear 200 tickets", "Clean up stale branches".
    if (VERB_HOMOGRAPHS.has(w.lower) && (w.index === 0 || /^(?:up|out|the|all|every|our|\d[\d,.]*[kKmM]?)$/.test(words[w.index + 1]?.lower ?? ''))) continue;
    // Fixed terms, not claims of quality: "best practices", "better-auth".
    if (TERM_HEADS.has(w.lower) && TERM_TAILS.has(words[w.index + 1]?.lower ?? '')) continue;
    // "a robust list (50+)": the count in parentheses says what the adjective means.
    if (COUNT_IN_PARENS.test(text.slice(w.end, w.end + 40))) continue;
    // "Unnecessary contact (failure demand) down to 15%": a term defined in brackets right after it
    // names a category someone counts, not a claim of quality.
    if (DEFINED_TERM_AFTER.test(text.slice(w.end, w.end + 40))) continue;
    // "accurate within 5%", "fast (under 200 ms)": a threshold right after defines the word.
    if (THRESHOLD_AFTER.test(text.slice(w.end, w.end + 24))) continue;
    // "Reduce "unnecessary" tickets … "Unnecessary": questions that …": a quoted word is a
    // term the key result defines, not a claim.
    if (/["“'‘]$/.test(text.slice(Math.max(0, w.start - 1), w.start))) continue;
    // "Solve 1 outstanding performance issue": outstanding means open, which a tracker counts.
    if (w.lower === 'outstanding' && OPEN_ITEMS_AFTER.test(text.slice(w.end, w.end + 30))) continue;
    // "the relevant section of the handbook", "available to relevant teams": which one is
    // meant, not a claim of quality.
    if (REFERENTIAL_ADJ.has(w.lower) && REFERENTIAL_HEADS.has(words[w.index + 1]?.lower ?? '')) continue;
    // "relevant customers", "referring to relevant documentation": without a degree word or a
    // coordinated quality word, relevant/appropriate select which things are meant. As a claim
    // ("fast and relevant search results", "highly relevant") they stay quality words.
    if (REFERENTIAL_ADJ.has(w.lower) && !gradedOrCoordinated(text, words, w, extra)) continue;
    // "Identify at least 3 companies effectively using the Engine", "100% of the team trained
    // to effectively handle …": a manner adverb after the count says which things are
    // counted or why; it is a claim only when it qualifies the result itself ("We're
    // effectively processing deals").
    if (MANNER_ADVERBS.has(w.lower) && countBefore(text, w, quantities)) continue;
    // "Actively engaging 20 new contributors each month", "Regularly publish 4 posts": the adverb
    // says how the counted result is reached; the count in its clause is the reading.
    // So does a count before it in the same clause ("Read at least two books regularly",
    // ">99.95% availability consistently in Q2"), or a cadence in parentheses ("regularly (biweekly)").
    // Claims of correctness ("scored accurately") stay claims, whatever is counted.
    if (HOW_OFTEN_OR_HOW_HARD.has(w.lower) && (countInClause(text, w, quantities) || cadenceInParens(text, w, quantities))) continue;
    // "report a better experience", "rate support as faster": what a measured share of people
    // answers is the survey's item, not a claim the key result makes.
    if (SURVEY_ANSWER.test(text.slice(0, w.start)) && countBefore(text, w, quantities)) continue;
    if (SURVEY_FEELING.test(text.slice(0, w.start))) continue;
    // "open for more than a week", "faster than a day": a span of time in words is the threshold.
    if (comparative && /^\s+than\s+(?:a|an|one|half\s+an?)\s+(?:second|minute|hour|day|week|fortnight|month|quarter|year|sprint)\b(?!\s+ago)/i.test(text.slice(w.end, w.end + 30))) continue;
    // "Completion rate for the online form is higher than the paper form's": a metric compared with
    // the same reading of another thing is a threshold both sides of which can be read.
    if (comparative && metricComparedThan(text, words, w)) continue;
    // "higher than the AWS SLA": the comparison names its threshold.
    if (comparative && COMPARED_TO_NAMED.test(text.slice(w.start, w.start + 60)) && /^\s+than\b/.test(text.slice(w.end))) continue;
    // "catch all possible errors": every error there is, a scope, not a claim.
    if (w.lower === 'possible' && /^(?:all|every|each|any)$/.test(words[w.index - 1]?.lower ?? '')) continue;
    // "no longer requires": negation, not a comparison.
    if (w.lower === 'longer' && words[w.index - 1]?.lower === 'no') continue;
    // "status 'engaged' or higher", "Silver tier or better": a threshold on a named level.
    if (/^(?:higher|better|above|greater|more)$/.test(w.lower) && words[w.index - 1]?.lower === 'or') continue;
    // "Make it possible to run GitLab on Rails 5": enabling, not a claim of quality.
    if (w.lower === 'possible' && /\bmake\s+it\s+$/i.test(text.slice(Math.max(0, w.start - 10), w.start))) continue;
    // "Implement 3 personas … to get more qualified leads": the purpose of a counted
    // result is its reason, not a further result (dev: "5 documents aimed at lowering …").
    // The same for any quality word in that purpose: "100% of people managers have taken 1
    // training session to make them more effective leaders".
    if (inPurposeAfterCount(text, w, quantities)) continue;
    if (comparative && !extra.has(w.lower)) {
      // "less than 12 hours", "20% more leads", "one or more": the amount is there.
      const near = quantities.some((q) => q.kind !== 'date' && (
        (q.start >= w.end && q.start - w.end <= 12) ||
        // "3 or more", "5.5-hours total or less"
        (w.start >= q.end && /^\s*\(?\s*(?:(?:[\p{L}-]+\s+){0,2}or\s+)?$/u.test(text.slice(q.end, w.start))) ||
        // "a lower tax cash out of 25% vs prior year": the amount closes the same phrase.
        (q.start >= w.end && q.start - w.end <= 40 && /^[^,;.()]*\b(?:of|by)\s+[<>≤≥~]?\s*$/u.test(text.slice(w.end, q.start))) ||
        (q.start <= w.start && q.end >= w.end)));
      if (near) continue;
    }
    out.push(w);
  }
  // "engage with the community on a regular basis": a frequency with no number.
  if (/basis/i.test(text)) {
    for (const m of text.matchAll(VAGUE_FREQUENCY_RE)) {
      const w = words.find((x) => x.start === m.index + m[0].indexOf(m[1]!));
      if (w && !out.includes(w)) out.push(w);
    }
    out.sort((a, b) => a.start - b.start);
  }
  if (/level|degree|sense|standard/i.test(text)) {
    for (const m of text.matchAll(DEGREE_PHRASE_RE)) {
      const w = words.find((x) => x.start === m.index);
      // "a high level of 95%": the amount defines the level.
      if (w && !out.includes(w) && !/^\s*(?:the\s+)?[<>≤≥~]?\s*\d/.test(text.slice(m.index + m[0].length))) out.push(w);
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** Nouns whose change cannot be read off a data source (guide: "Work progress", "diversity"). */
export function hasMetricNoun(words: Word[], extraUnits: Set<string>): boolean {
  return words.some((w) => METRIC_NOUNS.has(w.lower) || extraUnits.has(w.lower));
}

export function hasDeliverableNoun(words: Word[]): boolean {
  return words.some((w) => DELIVERABLE_NOUNS.has(w.lower));
}

// Standards with an external audit or certificate: the report exists or it does not.
// ("GDPR compliance" has no certificate, so it is not here.)
const STANDARD_RE = /\b(?:SOC\s?-?[12]|ISO\s?\/?(?:IEC\s?)?\d{4,5}|PCI[-\s]?DSS|FedRAMP|HITRUST|CSA\s+STAR|Cyber\s+Essentials)\b(?:\s+Type\s?(?:1|2|I|II))?\s+(?:compliance|compliant|certification|certified|certificate|attestation|report|audit)\b/iu;

/**
 * A comparison whose other side is named ("higher than the AWS SLA", "matches the GOV.UK benchmark",
 * "at least as fast as Chrome"): the reference is a readable threshold (guide §1.1: a target relative to
 * a named reference counts). An unnamed one ("better than before") is not.
 */
export const COMPARED_TO_NAMED = /\b(?:match(?:es|ed)?|equals?|exceeds?|exceeded|beats?|outperforms?|(?:higher|lower|better|greater|faster|more|fewer|less|above|below)\s+than|as\s+[\p{L}-]+\s+as)\s+(?:that\s+of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?(?:[\p{L}-]+\s+){0,2}?(?:\p{Lu}[\p{L}\d.-]*|\d[\d.,]*\s?%?)/u;

// A decision taken by a vote: "voted on at the AGM", "passes the community vote", "adopted at the board meeting".
const VOTE_RE = /\bvot(?:e|es|ed)\s+(?:on|through|in)\b|\bpass(?:es|ed)?\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+){0,3}(?:vote|ballot)\b|\b(?:adopted|approved|accepted|ratified)\s+(?:at|in)\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,3}(?:meeting|vote|assembly|AGM)\b/iu;
// A level of a named external framework: "OpenSSF Best Practices silver level", "SLSA level 3",
// "level 3 of the CMMI model", "WCAG 2.1 AA". The framework defines what the level requires.
const FRAMEWORK_LEVEL_RE = /\b(?:bronze|silver|gold|platinum|passing)\s+(?:level|badge|tier|status|certification|membership)\b|\b(?:level|tier|grade)\s+(?:\d{1,2}|[IVX]{1,4}|[A-E]\+?|AAA?)\s+(?:of|in|on|under)\s+(?:the\s+)?\p{Lu}|\p{Lu}(?<=[\p{L}\d,]\s+\p{Lu})[\p{L}\d.-]*\s+(?:(?:maturity|conformance)\s+)?(?:level|tier|grade)\s+(?:\d{1,2}|[IVX]{1,4}|[A-E]\+?|AAA?)\b|\b(?:level\s+)?AAA?\s+(?:conformance|compliance|compliant|rating)\b/u;

// Verifiable end states of a binary milestone (guide §1.1 step 4).
const END_STATE_RES: RegExp[] = [
  /\bpass(?:es|ed|ing)?\b[^.;]*\b(?:tests?|suites?|checks?|audits?|review|certification|assessments?|accreditation|inspections?|CI|builds?|linters?|conformance)\b/i,
  // A status a named programme grants: "graduates from the CNCF incubator", "accepted into the Apache Incubator".
  /\b(?:[Gg]raduat(?:e|es|ed|ing)\s+(?:from|to|in)|[Aa]ccepted\s+(?:into|to|as)|[Aa]dmitted\s+(?:to|into))\s+(?:the\s+|an?\s+)?\p{Lu}[\p{L}\d.-]*/u,
  /\binterops?\b|\binteroperates?\b|\binteroperable\s+(?:with\b|$|[.;])|\bare\s+interoperable\b/i,
  // "replaces go-ipfs as the recommended starting point": a default state.
  /\bas\s+the\s+(?:recommended|preferred|official)\b/i,
  /\b(?:by|as\s+the|as|the)\s+default\b|\bdefault[-\s](?:on|off|enabled)\b|\bbecomes?\s+the\s+default\b|\bon[-\s]by[-\s]default\b/i,
  // "Make UAST v2 the standard interface for Babelfish": becoming the standard is a config state.
  /\bmakes?\s+[^.;,]{1,40}?\s+the\s+(?:standard|default|official|primary)\b/i,
  // "SSO (protocol compatible with Google)": like "interops with go", a named counterpart to test against.
  /\bcompatible\s+with\s+\p{Lu}[\p{L}\d.-]*/u,
  // "do not crash", "never fails", "does not break": a negated failure is a zero a test can check.
  /\b(?:do(?:es)?\s+not|don[’']t|doesn[’']t|never|not|won[’']t|will\s+not)\s+(?:crash|crashes|fail|fails|break|breaks|hang|hangs|panic|panics|leak|leaks|regress|regresses|time\s+out)\b/i,
  // Capitalised only for states ("Packaged in Debian"), never for an opening order ("Work with HMRC …").
  /\b(?:runs?|running|works?|working|[Aa]vailable|[Dd]eployed|[Ss]hipped|[Ll]ive|[Pp]ackaged|[Ll]isted|[Ii]nstallable|[Pp]ublished)\s+(?:out[-\s]of[-\s]the[-\s]box\s+)?(?:on|in|with|to)\s+(?:the\s+)?\p{Lu}[\p{L}\d.-]*/u,
  // Predicative only: "works out of the box", "is out-of-the-box"; "Deliver out-of-the-box
  // dashboards" only describes the deliverable.
  /\b(?:is|are|be|being|becomes?|works?|working|runs?|running)\s+out[-\s]of[-\s]the[-\s]box\b|\bout[-\s]of[-\s]the[-\s]box\s*(?:[.;,)]|$)/i,
  /\b(?:approved|signed(?:[-\s]off)?|countersigned|ratified|accepted|certified)\s+by\b|\bagreed\s+(?:with|by)\b/i,
  // A check by a named party: "reviewed by a lawyer", "audited by the security team", "validated by Legal".
  // The party must stand outside the work (a role or a named body): "reviewed by the team" is not a check.
  /\b(?:reviewed|audited|validated|verified|vetted|endorsed|adopted)\s+by\s+(?:(?:an?|the|our|its|an\s+external|a\s+third[-\s]party)\s+)?(?:\p{Lu}[\p{L}\d.-]*|(?:external\s+|independent\s+|outside\s+)?(?:lawyers?|attorneys?|counsel|legal|auditors?|board|committee|council|regulators?|third[-\s]part(?:y|ies)|security\s+team|steering)\b)/u,
  VOTE_RE,
  // Replaced by a named product, stated as the state reached: "Jenkins replaced by GitHub Actions".
  // The bare task "Replace Redash with Looker" stays a task (labelled vague), like "Migrate to X".
  /\b(?:replaced|superseded)\s+(?:by|with)\s+(?:the\s+)?\p{Lu}[\p{L}\d.-]*/u,
  FRAMEWORK_LEVEL_RE,
  // Meeting or beating a named reference: "matches or is higher than the AWS SLA", "exceeds the GOV.UK benchmark".
  COMPARED_TO_NAMED,
  /\bRFC[-\s]?\d+|\(#\d+|#\d{2,}|\bissues?\s+#?\d+/i,
  /\bcompliant\s+with\s+\p{Lu}/u,
  // Meeting a named standard: "Meet the Digital Service Standard", "conforms to the OpenAPI Guidelines".
  // A target only pointed to ("meet the hiring targets") is not a standard anyone publishes.
  /\b(?:[Mm]eets?|[Mm]eeting|compl(?:y|ies)\s+with|conforms?\s+to|adheres?\s+to)\s+(?:the\s+|our\s+)?(?:\p{Lu}[\p{L}\d.-]*\s+){1,4}(?:Standards?|Framework|Guidelines|Criteria|Benchmark|Baseline|Code\s+of\s+(?:Practice|Conduct))\b/u,
  // "Scale search and authz to C1 and C2 requirements": a named level or standard reached.
  NAMED_TARGET,
  // "migrate Chef to version 14", "upgrade PostgreSQL to v16": the version reached is checkable.
  /\b(?:migrat|upgrad|mov|port|updat|bump)\w*\s+[^,;.]{1,40}?\bto\s+(?:version\s+|v)\d/i,
  STANDARD_RE,
];

/**
 * A deadline set by an event rather than a date: "at KubeCon EU", "before the annual developer
 * conference", "ahead of the v3 release", "by the next board meeting". Whether the deliverable is
 * there when the event happens can be checked like a date.
 */
const EVENT_NOUNS = 'meeting|summit|conference|conf|assembly|AGM|all-hands|offsite|retreat|convention|congress|hackathon|release|launch|kick-?off|elections?|workshop|meetup|showcase|demo\\s+day';
const EVENT_MODIFIER = `(?:(?:next|first|upcoming|annual|yearly|quarterly|general|community|board|developer|contributor|v?\\d[\\d.]*|[\\p{Lu}][\\p{L}\\d'’-]*)\\s+)`;
const NAMED_EVENT = `[\\p{Lu}][\\p{L}\\d]*(?:Con|Conf|Summit|Days?|Fest|Week)\\b|(?:the\\s+)?(?:[\\p{Lu}][\\p{L}\\d'’-]*\\s+){1,4}(?:Meeting|Summit|Conference|Assembly|AGM|Convention|Congress|Hackathon|Release|Launch|Kick-?off|Elections?|Meetup|Showcase)\\b`;
const EVENT_DEADLINE_RE = new RegExp(
  // In or with a release a version names: "Ship async closures in the 1.85 stable release".
  String.raw`\b(?:in|with)\s+(?:the\s+)?v?\d+(?:\.\d+)+\s+(?:[\p{L}-]+\s+)?(?:release|version|update)\b|` +
  // By, before or ahead of an event it names: "by the next board meeting", "ahead of the v3 release".
  // An article or a qualifier names one event: "for release cycle performance" names none.
  `\\b(?:by|before|until|ahead\\s+of|in\\s+time\\s+for)\\s+(?:(?:(?:the\\s+|our\\s+)${EVENT_MODIFIER}{0,4}|${EVENT_MODIFIER}{1,4})(?:${EVENT_NOUNS})\\b|${NAMED_EVENT})` +
  // At an event only when it has a name ("at KubeCon EU", "at the Open Source Summit"): "Present the
  // roadmap at the all-hands" says where an activity happens, not when a deliverable is due.
  `|\\bat\\s+(?:${NAMED_EVENT})`,
  'u',
);

/**
 * The same deadline by the shape of the phrase rather than a list of events: a preposition of time,
 * one event the determiner picks out, a few words that say which, and a noun that names a dated
 * occasion (a call, a vote, a freeze, a network upgrade…): "by the June governance call", "in the next
 * minor release", "before the next token holder vote". "In" and "at" need a word that places the
 * event in time (next, upcoming, first…): "at the call" says where an activity happens. The occasion
 * must end its phrase: in "by the review process" the review is a means.
 */
const OCCASION_NOUNS = `${EVENT_NOUNS}|call|vote|ballot|referendum|freeze|fork|upgrade|town\\s*hall|epoch|deadline|cut-?off|review|sprint\\s+demo|go-?live|cutover|renewal`;
const EVENT_SHAPE_RE = new RegExp(
  String.raw`\b(?:(?:by|before|until|ahead\s+of|in\s+time\s+for)\s+(?:the|our|this|next\s+year[’']s)\s+(?:[\p{L}\d.'’-]+\s+){0,3}?` +
  String.raw`|(?:in|at|for|during)\s+(?:the|our)\s+(?:next|upcoming|coming|following|first|final|last)\s+(?:[\p{L}\d.'’-]+\s+){0,2}?` +
  // A stage of the product's own life names its date without an article: "before public beta", "by GA",
  // "ahead of mainnet", "before 1.0".
  String.raw`|(?:by|before|until|ahead\s+of)\s+(?:(?:public|private|open|closed)\s+)?(?=(?:beta|alpha|GA|general\s+availability|mainnet|testnet|go-?live|v?\d+\.\d+(?:\.\d+)?)\b))` +
  // The occasion ends the phrase ("by the review process" is a means, not a date).
  `(?:${OCCASION_NOUNS}|beta|alpha|GA|general\\s+availability|mainnet|testnet|go-?live|v?\\d+\\.\\d+(?:\\.\\d+)?)s?\\b(?=\\s*(?:[.,;:!?()]|$)|\\s+(?:and|or|in|on|at|of|to|with|for|so|that|which|where|when|this|next|each|every|after|latest|\\d|Q[1-4]|H[12])\\b)`,
  'iu',
);

export function findEventDeadline(text: string): { text: string; start: number; end: number } | undefined {
  const m = EVENT_DEADLINE_RE.exec(text) ?? EVENT_SHAPE_RE.exec(text);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : undefined;
}

/** An approval end state: the approver judges the deliverable's quality ("a comprehensive model … approved by the Board"). */
export const APPROVAL_RE = /\b(?:approved|signed(?:[-\s]off)?|countersigned|ratified|accepted)\s+by\b|\bagreed\s+(?:with|by)\b/i;

// Cheap test for the audited-standard pattern, the costliest of the end-state expressions.
const STANDARD_GATE = /SOC|ISO|PCI|FedRAMP|HITRUST|CSA|Cyber/;

// The two next costliest, with the words they cannot match without (`iu` as the expressions, so a
// gate never skips a text its expression would match).
const VOTE_GATE = /vot|ballot|meeting|assembly|AGM/iu;
const FRAMEWORK_LEVEL_GATE = /level|tier|grade|badge|status|certification|membership|conformance|complian|rating/u;

/** Each gated expression with its gate: a text the expression matches passes the gate (a test holds it). */
export const END_STATE_GATES: ReadonlyArray<readonly [RegExp, RegExp]> = [[STANDARD_RE, STANDARD_GATE], [VOTE_RE, VOTE_GATE], [FRAMEWORK_LEVEL_RE, FRAMEWORK_LEVEL_GATE]];

export function findEndState(text: string): { text: string; start: number; end: number } | undefined {
  for (const re of END_STATE_RES) {
    if (re === STANDARD_RE && !STANDARD_GATE.test(text)) continue;
    if (re === VOTE_RE && !VOTE_GATE.test(text)) continue;
    if (re === FRAMEWORK_LEVEL_RE && !FRAMEWORK_LEVEL_GATE.test(text)) continue;
    const m = re.exec(text);
    if (m) return { text: m[0], start: m.index, end: m.index + m[0].length };
  }
  return findVerifiableState(text);
}

/**
 * A fuzzy noun as the object of the main verb when the KR has no numeric amount:
 * "All teams adopt a test-first approach" scopes over all teams, but adopting an
 * approach has no reading.
 */
export function fuzzyMainObject(words: Word[], main: VerbHit | undefined, text = ''): Word | undefined {
  if (!main) return undefined;
  const titleCase = isTitleCase(words);
  // The direct object only: "gather feedback from their experience" is about feedback.
  const after = words.slice(main.word.index + 1, main.word.index + 5);
  const stop = after.findIndex((w, i) => /^(?:from|of|in|on|for|with|about|by|into|through)$/.test(w.lower) ||
    (w.lower === 'at' && !/^(?:least|most)$/.test(after[i + 1]?.lower ?? '')));
  const obj = stop < 0 ? after : after.slice(0, stop);
  // "Implement at least one Culture Amp action item": a capitalised word is a name.
  // "Publish a quarterly transparency report": a fuzzy noun before the head noun only says which
  // deliverable (a report exists or not); "adopt a test-first approach" has it as the head.
  const modifier = (w: Word): boolean => {
    const next = obj[obj.indexOf(w) + 1];
    // The next word must be a noun: not a participle ("effectiveness completed") or a function word.
    return !!next && /^\p{L}[\p{L}-]*$/u.test(next.text) && !/(?:ed|en)$/.test(next.lower) && !/^(?:and|or|&|to|that|which|so|as|across|per|each|every|is|are|was|were|be|has|have)$/.test(next.lower) && !/[,;.(]/.test(text.slice(w.end, next.start));
  };
  return obj.find((w) => FUZZY_NOUNS.has(w.lower) && !(text && looksLikeName(w, words, text, titleCase)) && !(text && modifier(w)));
}
