/**
 * The verdict for kr-not-measurable, following the labelling guide's decision procedure
 * (§1.1): placeholders and referenced targets first, then "is there an amount a reader
 * can check", then the things that spoil an amount (weasel verbs without it, quality
 * words, fuzzy metrics, several unmeasured results), and finally the no-number
 * milestones that still pass (verifiable end state, or a dated deliverable).
 */
import type { QualityOptions, QualityReason, Quantity, Signal, TextAnalysis } from './types';
import { REASON_ORDER } from './types';
import { extractQuantities, isAmount, isDeadline, mayHoldAmountPlaceholder } from './quantities';
import { extractFromTo } from './fromTo';
import { findPlaceholder, findTargetReference } from './placeholders';
import {
  APPROVAL_RE, checkChangeVerbs, findEndState, findMetricComparison, findEventDeadline, findQualityWords, findVerbs, fuzzyAmountWithoutVerb, fuzzyMainObject,
  hasDeliverableNoun, hasMetricNoun, isTitleCase, verbLemma, type VerbHit,
} from './phrases';
import { splitParts } from './compound';
import { analysedPart } from './cap';
import { explain } from './explain';
import { FUZZY_NOUNS, METRIC_NOUNS, TASK_VERBS } from './lexicon';
import { tokenize, wordsBefore, type Word } from './words';

/** Quantities inside quotes are part of a title ("partner with us over the next three years"). */
function quotedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/“[^”]*”|"[^"]*"/g)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

/**
 * Parentheticals that define or illustrate ("(i.e. instance started, >1 repositories
 * added)", "(e.g. Badger)") name what a term means; their numbers are not targets.
 */
function illustrationRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/\b(?:i\.e|e\.g)\b/i.test(text)) return out;
  for (const m of text.matchAll(/\(\s*(?:i\.e|e\.g)\.?,?[^)]*\)/gi)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

/**
 * "Complete feature flag work necessary for weekly releases": what the work is for, with its
 * own cadence or count; the key result itself gives no amount.
 */
function prerequisiteRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/necessary|needed|required/i.test(text)) return out;
  for (const m of text.matchAll(/\b(?:necessary|needed|required)\s+for\b[^,;.]*/gi)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

/**
 * Where the KR proper ends: a later sentence that only guesses at the means ("Likely via
 * browser extension usage …", "Possibly by …") is commentary, not a further result.
 */
function commentaryStart(text: string): number {
  const m = /[.!]\s+(?:likely|probably|possibly|perhaps|maybe|hopefully|e\.g\.|for\s+example|for\s+instance)\b|:\s+(?:e\.g\.|for\s+example|for\s+instance)/i.exec(text);
  if (m) return m.index + 1;
  // "Close 36 bug issues. Afterwards, we should verify …", "… This will ensure a cleaner CRM.":
  // what follows or why, once the key result has given its number.
  const after = /[.!]\s+(?:afterwards|after\s+that|otherwise|this\s+(?:will|would|should|helps|ensures|means)|that\s+(?:will|would))\b/i.exec(text);
  return after && /\d/.test(text.slice(0, after.index)) ? after.index + 1 : text.length;
}

/**
 * Is the date inside a purpose clause that follows the main verb: "… to launch to
 * targeted sales team members in early Q2", "… roles to be hired in FY21"? The "to" must
 * open a verb ("to launch", "to be hired"), not a destination ("migrate X to Y by Q3").
 */
function inPurposeClause(text: string, words: Word[], verbs: VerbHit[], q: Quantity): boolean {
  const main = verbs[0];
  if (!main) return false;
  // A bare date closing the line ("…, trainer ready to deliver to WW sales team 2019-08.")
  // dates every part of it (dev kr-0402); only a date the purpose introduces is its own.
  const lead = text.slice(Math.max(0, q.start - 16), q.start);
  if (!/\b(?:by|in|before|until|till|through|during|within|early|late|mid)\s+(?:the\s+)?$/i.test(lead) && !/^(?:by|in|before|until|end|the\s+end)\b/i.test(q.text)) return false;
  const sentenceStart = Math.max(text.lastIndexOf('. ', q.start), text.lastIndexOf('; ', q.start));
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (w.end > q.start) continue;
    if (w.start <= main.word.end || w.start < sentenceStart) break;
    if (/[,;]/.test(text.slice(w.end, q.start))) continue;
    if (w.lower !== 'to') continue;
    let next = words[i + 1];
    if (next?.lower === 'be') next = words[i + 2];
    if (next && next.start < q.start && verbs.some((v) => v.word === next)) return true;
  }
  return false;
}

const FEELING_NOUNS = 'confidence|certainty|trust|faith|belief|comfort|clarity|buy-in';
const FEELING_AFTER = new RegExp(`^\\s*(?:${FEELING_NOUNS})\\s+(?:in|that|on|of)\\b`, 'i');
/** "100% confidence in", "full trust in": a feeling stated as if it were a reading. */
const FEELING = new RegExp(`(?:\\d\\s?%|\\bfull|\\bcomplete|\\btotal)\\s+(${FEELING_NOUNS})\\s+(?:in|that|on|of)\\b`, 'i');

const FEELING_ABOUT = new RegExp(`\\b(${FEELING_NOUNS})\\s+(?:in|that)\\b`, 'i');
function aboutFeeling(text: string, numeric: Quantity[]): RegExpExecArray | null {
  const m = FEELING_ABOUT.exec(text);
  return m && !numeric.some((q) => q.end <= m.index) ? m : null;
}

/**
 * An amount that describes where things stand, not where they should get to: "currently 30",
 * "the 40 contributors we had last year", "(today: 3 weeks)". A from-to keeps its baseline.
 */
function isContext(text: string, q: Quantity): boolean {
  if (q.kind === 'date' || q.kind === 'quantifier') return false;
  const before = text.slice(Math.max(0, q.start - 30), q.start);
  if (/\bfrom\s+(?:\S+\s+){0,2}$/i.test(before)) return false;
  if (/\b(?:currently|today|presently|at\s+present|previously|already|so\s+far|to\s+date)\s*[:=,]?\s*(?:(?:at|is|are|of|about|around|only|just)\s+)?[<>~]?$/i.test(before)) return true;
  const after = text.slice(q.end, q.end + 40);
  return /^[^,;.()]{0,28}?\b(?:we|they|it)\s+(?:had|have\s+had|gained|reached|got)\s+(?:in\s+)?(?:last|the\s+previous|previous)\s+(?:year|quarter|month|half|period)\b/i.test(after) ||
    /^\s*\(?\s*(?:today|currently|now|as\s+of\s+today)\s*\)/i.test(after);
}

/**
 * "As we move to 2 releases a year, make the release process smoother", "Following the 40% growth last
 * year, keep …", "With 3 new stewards joining, build …": a clause fronted before the key result's own
 * (ended by its comma) sets the scene. Its amounts belong to that clause; the result after the comma
 * has to carry its own. Returns where the fronted clause ends, or -1.
 */
const FRONTED_CLAUSE = /^(?:as|with|following|after|building\s+on|given|since|now\s+that|once|because|while|having|based\s+on|in\s+light\s+of|off\s+the\s+back\s+of|on\s+the\s+back\s+of|despite|beyond|besides|on\s+top\s+of|in\s+addition\s+to)\b[^,;:.]{3,80},\s+(?=[\p{L}\d])/iu;
function frontedClauseEnd(text: string): number {
  const m = FRONTED_CLAUSE.exec(text);
  // Only when a result of some length follows ("After 3 months, 80% of hires …" keeps its own amount).
  return m && text.slice(m[0].length).trim().split(/\s+/).length >= 3 ? m[0].length : -1;
}

// Verbs of getting ready for a state: "Prepare for the ISO 27001 audit", "Work towards SOC 2".
const PREPARATION_VERBS = new Set(['prepare', 'plan', 'start', 'begin', 'explore', 'investigate', 'scope', 'research', 'work', 'support', 'assist', 'help', 'contribute', 'pursue', 'pilot']);
// Building a certification or a compliance ("Build SOC2 compliance certification") works towards it.
const BUILD_VERBS = new Set(['build', 'create', 'develop', 'design', 'draft', 'establish', 'set', 'define']);
const STANDING_STATE = /complian|certif|accredit|attest|authori[sz]|audit|badge|conform/i;

/**
 * The end state is the state reached only when the key result does not merely get ready for it: after
 * a verb of preparing, or of building a certification, it is the aim of the work, which nobody can
 * check at the end of the period (an approval of what is built still is: "a model approved by the Board").
 */
function reachedState<T extends { start: number; text: string }>(state: T | undefined, verbs: VerbHit[], text: string): T | undefined {
  if (!state) return undefined;
  const lead = verbs.find((v) => v.word.start < state.start);
  if (!lead || text.slice(0, lead.word.start).trim() !== '') return state;
  if (PREPARATION_VERBS.has(lead.base)) return undefined;
  return BUILD_VERBS.has(lead.base) && STANDING_STATE.test(state.text) ? undefined : state;
}

const PEOPLE_VERBS = new Set(['hire', 'recruit', 'onboard', 'appoint', 'add', 'assign', 'train', 'promote', 'welcome']);

/**
 * "Publish one onboarding guide", "Create a single dashboard": a count of one, written as a word,
 * on the object of an output verb names one deliverable. Its number says nothing a reader could
 * grade beyond "it exists", so it is judged as a binary milestone. People are counted ("Hire one
 * designer"), and a scope keeps its reading ("one dashboard for each team").
 */
function singleDeliverable(text: string, verbs: VerbHit[], quantities: Quantity[]): Quantity | undefined {
  const lead = verbs[0];
  if (!lead || lead.cls !== 'task' || PEOPLE_VERBS.has(lead.base)) return undefined;
  const counts = quantities.filter((q) => q.kind !== 'date' && q.kind !== 'placeholder');
  if (counts.length !== 1) return undefined;
  const q = counts[0]!;
  if (!/^(?:one|a\s+single|single)$/i.test(q.text) || q.comparator || q.start < lead.word.end) return undefined;
  // Only the verb's own object: "Publish one guide", not "Publish the guide in one place".
  if (!/^\s+(?:(?:a|an|new|more|additional)\s+)?$/i.test(text.slice(lead.word.end, q.start).replace(/\b(?:only|just|exactly)\b/gi, ''))) return undefined;
  return q;
}

const KNOWN_SCALES = new Set(['nps', 'csat', 'rating', 'ratings', 'stars', 'enps']);

/**
 * "Increase avg. time on page from 3:00 to 4:00": the period of an abbreviation does not end a
 * sentence (which would cut the verb off from its amount). Replaced by a space, so every offset
 * into the title stays the same.
 */
const ABBREVIATION_DOT = /\b(?:(avg|approx|incl|excl|vs|resp|dept|mgmt|qty)\.(?=\s+[\p{L}\d(])|(est|min|max|no|nr|yr|mo|wk|pct)\.(?=\s+[\p{Ll}\d(]))/giu;
function maskAbbreviations(text: string): string {
  return text.includes('.') ? text.replace(ABBREVIATION_DOT, (m) => m.slice(0, -1) + ' ') : text;
}

/**
 * The hand-written analysis alone (the learned layer reads its signals; see ./analyze.ts for the
 * verdict the rules report).
 */
/**
 * The text a title is judged on (abbreviations masked, trailing commentary cut), its words, and the
 * amounts it states (without those quoted, given as illustrations or prerequisites, of a feeling, or
 * of the state before).
 */
function readQuantities(fullText: string, options: QualityOptions): { text: string; words: ReturnType<typeof tokenize>; quantities: Quantity[]; illustrations: ReturnType<typeof illustrationRanges>; fronted: number } {
  const masked = maskAbbreviations(fullText);
  const text = masked.slice(0, commentaryStart(masked));
  const words = tokenize(text);
  const quoted = quotedRanges(text);
  const illustrations = illustrationRanges(text);
  const prerequisites = prerequisiteRanges(text);
  const fronted = frontedClauseEnd(text);
  const quantities = extractQuantities(text, { units: options.units })
    .filter((q) => !quoted.some(([s, e]) => q.start > s && q.end < e) || /^\d[\d,.]*\s?%|\d\s*=/.test(q.text))
    .filter((q) => !illustrations.some(([s, e]) => q.start > s && q.end < e))
    .filter((q) => !prerequisites.some(([s, e]) => q.start > s && q.end <= e))
    // "100% confidence in the release process": the amount of a feeling, which nobody can read off.
    .filter((q) => !(q.kind === 'percent' && FEELING_AFTER.test(text.slice(q.end, q.end + 32))))
    // "Grow the community beyond the 40 contributors we had last year": the state before, not a target.
    .filter((q) => !isContext(text, q))
    .filter((q) => q.kind === 'date' || q.start >= fronted);
  return { text, words, quantities, illustrations, fronted };
}

/** Template text left in ("TODO", "X%"), as analyzeWithRules finds it, without judging the rest. */
export function findPlaceholderIn(wholeText: string, options: QualityOptions = {}): { text: string; start: number; end: number } | undefined {
  const fullText = analysedPart(wholeText);
  // Most titles cannot hold an amount placeholder: then only the template-text patterns can match,
  // and the quantity pass (most of the cost) is skipped.
  if (!mayHoldAmountPlaceholder(fullText)) {
    const masked = maskAbbreviations(fullText);
    return findPlaceholder(masked.slice(0, commentaryStart(masked)), []);
  }
  const { text, quantities } = readQuantities(fullText, options);
  return findPlaceholder(text, quantities);
}

export function analyzeWithRules(wholeText: string, options: QualityOptions = {}): TextAnalysis {
  return analyzeWithRulesAndWords(wholeText, options).analysis;
}

/**
 * analyzeWithRules, with the text it judged and that text's words: when that text is the whole title
 * (no abbreviation masked, no commentary cut), the learned layer reads the same words.
 */
export function analyzeWithRulesAndWords(wholeText: string, options: QualityOptions = {}): { analysis: TextAnalysis; text: string; words: Word[] } {
  const { text, words, quantities, illustrations, fronted } = readQuantities(analysedPart(wholeText), options);
  const extraUnits = new Set((options.units ?? []).map((u) => u.toLowerCase()));
  const extraVague = new Set((options.extraVagueWords ?? []).map((u) => u.toLowerCase()));
  const signals: Signal[] = [];
  const sig = (id: string, message: string, start?: number, end?: number): void => {
    const s: Signal = { id, message };
    if (start !== undefined) s.start = start;
    if (end !== undefined) s.end = end;
    signals.push(s);
  };

  // A fronted clause's verbs set the scene ("As we move to …, make …"): the main verb follows it.
  const verbs = findVerbs(text, words).filter((v) => v.word.start >= fronted);
  // "Publish one onboarding guide": a single deliverable is a binary milestone, which needs a date
  // or an end state to be graded (guide §1.1 step 4); "one" only counts people hired or added.
  const single = singleDeliverable(text, verbs, quantities);
  const amounts = quantities.filter((q) => isAmount(q) && q !== single);
  const numeric = amounts.filter((q) => q.kind !== 'quantifier');
  const dates = quantities.filter((q) => q.kind === 'date');
  // The main verb is the first one outside a relative clause: in "Commit to a packaging model
  // that aligns our offering with value by Q2", 'aligns' only describes the model.
  const leadVerb = verbs.find((v) => !/^(?:that|which|who)$/.test(words[v.word.index - 1]?.lower ?? ''));
  // "Develop a website IA to roll out in 2018", "objectives for roles to be hired in FY21":
  // a date inside a purpose clause ("to <verb> …") dates the purpose, not the deliverable.
  const deadlines = dates.filter((q) => isDeadline(text, q) && !inPurposeClause(text, words, verbs, q));
  // "Launch the docs site at KubeCon EU": an event dates the deliverable as a date would (not for a
  // dated activity: "Discuss it at the annual meeting" is still an activity).
  const event = deadlines.length === 0 ? findEventDeadline(text) : undefined;
  if (event) sig('deadline', `'${event.text}' is an event deadline`, event.start, event.end);
  for (const q of quantities) {
    if (q.kind === 'placeholder') continue;
    sig(q.kind === 'date' ? 'deadline' : 'quantity', `${q.kind} '${q.text}'${q.unit ? ` (${q.unit})` : ''}`, q.start, q.end);
  }

  const placeholder = findPlaceholder(text, quantities);
  if (placeholder) sig('placeholder', `'${placeholder.text}' is template text, not a target`, placeholder.start, placeholder.end);
  const targetRef = findTargetReference(text, quantities);
  if (targetRef) sig('target-referenced', `'${targetRef.text}' points to a target without giving its value`, targetRef.start, targetRef.end);

  const fromTo = extractFromTo(text, quantities);
  if (fromTo) sig('from-to', `from ${fromTo.baseline} to ${fromTo.target}${fromTo.unit ? ` ${fromTo.unit}` : ''}`, fromTo.start, fromTo.end);

  const changes = checkChangeVerbs(text, words, verbs, quantities, extraUnits);
  // "… on how to manage effectively. Success will mean that there are at least 15 live
  // trainings a year": the key result defines its own yardstick, which settles the words before.
  const successDefined = SUCCESS_DEFINED.exec(text);
  const definedBy = successDefined && numeric.some((q) => q.start > successDefined.index) ? successDefined.index : -1;
  if (successDefined && definedBy >= 0) sig('success-defined', `'${successDefined[0]}' states what done means`, definedBy, definedBy + successDefined[0].length);
  const endState = reachedState(findEndState(text) ?? findMetricComparison(text, words), verbs, text);
  // "Error rate … lower than the old parser's": the comparison is the threshold, not a change verb.
  const inEndState = (w: Word): boolean => !!endState && w.start >= endState.start && w.start < endState.end;
  const weaselVerbs = changes.filter((c) => !c.amount && !c.viaOutcome && !c.describesCounted && c.verb.word.start >= definedBy && !inEndState(c.verb.word));
  for (const c of weaselVerbs) sig('weasel-verb', `'${c.verb.word.text}' promises a change but gives no amount`, c.verb.word.start, c.verb.word.end);
  // A word read as a verb ("Lower the AWS bill") is not also a quality adjective.
  const verbStarts = new Set(verbs.map((v) => v.word.start));
  // With an approval, the approver judges the quality words on what is approved.
  const approval = endState && APPROVAL_RE.test(endState.text) ? endState : undefined;
  const qualityWords = findQualityWords(text, words, quantities, extraVague)
    .filter((w) => !verbStarts.has(w.start) && !(approval && w.start < approval.start && !extraVague.has(w.lower)))
    // "(e.g. larger instances)": an example of what is meant, not a claim about the result.
    .filter((w) => !illustrations.some(([s, e]) => w.start > s && w.end < e) && w.start >= definedBy);
  for (const w of qualityWords) sig('weasel-word', `'${w.text}' is a quality word no one can measure`, w.start, w.end);
  const fuzzyChange = changes.find((c) => c.amount && c.fuzzyObject);
  const fuzzyWord = fuzzyChange?.fuzzyObject ?? (numeric.length > 0 ? fuzzyAmountWithoutVerb(words, quantities, extraUnits) : undefined);
  if (fuzzyWord) sig('fuzzy-metric', `'${fuzzyWord.text}' is not a defined metric, so the amount has no unit`, fuzzyWord.start, fuzzyWord.end);
  const fuzzyObject = numeric.length === 0 ? fuzzyMainObject(words, verbs[0], text) : undefined;
  if (fuzzyObject) sig('fuzzy-object', `'${fuzzyObject.text}' cannot be checked as done or not done`, fuzzyObject.start, fuzzyObject.end);
  if (endState) sig('end-state', `'${endState.text}' is a verifiable end state`, endState.start, endState.end);

  // --- Output vs outcome: the first verb decides; a verbless deliverable is an output. ---
  const main: VerbHit | undefined = leadVerb;
  // "Rendezvous Protocol is implemented", "6 Recruiters hired": a task stated as done.
  const taskParticiple = words.find((w) => {
    if (!/(?:ed|en|t)$/.test(w.lower)) return false;
    const base = verbLemma(w.lower);
    return base !== w.lower && TASK_VERBS.has(base);
  });
  const outputNotOutcome = main
    ? main.cls === 'task' || main.cls === 'activity'
    : !!taskParticiple || hasDeliverableNoun(words);
  if (outputNotOutcome) {
    const at = main?.word ?? taskParticiple;
    const kind = main?.cls === 'activity' ? 'activity-verb' : 'task-verb';
    sig(kind, at ? `'${at.text}' describes ${main?.cls === 'activity' ? 'an activity' : 'an output'}, not an outcome` : 'names a deliverable, not an outcome', at?.start, at?.end);
  }
  const direction = directionOf(verbs, fromTo);

  // --- Compound: several results in one line. ---
  const parts = splitParts(text, words, verbs, quantities);
  const resultParts = parts.filter((p) => p.hasVerb || p.startsWithAmount);
  const compound = resultParts.length >= 2;
  if (compound) sig('compound', `${resultParts.length} separate results in one key result`);
  const inPart = (q: Quantity, p: { start: number; end: number }): boolean => q.start >= p.start && q.start < p.end;
  // "consult on all reporting discussions": a scope over an activity counts no result.
  const activityScope = (q: Quantity, p: { start: number; end: number }): boolean =>
    q.kind === 'quantifier' && q.value === undefined && verbs.find((v) => v.word.start >= p.start && v.word.start < p.end)?.cls === 'activity';
  const unmeasuredParts = compound
    ? resultParts.filter((p) => !amounts.some((q) => inPart(q, p) && !activityScope(q, p)) &&
      !(endState && (endState.start >= p.start && endState.start < p.end || findEndState(text.slice(p.start, p.end)))))
    : [];

  // "Measure the number of searches that fail", "We've benchmarked conversion rates at each
  // stage": naming a metric to measure sets no target, even across a scope (dev kr-0353).
  // Counts that only say what is measured ("time between two GitLab versions") set no target.
  const measuring = numeric.every((q) => q.kind === 'number' && !q.comparator && !/\b(?:to|by|at|of|reach|hit)\s*$/i.test(text.slice(Math.max(0, q.start - 7), q.start)))
    ? measuringOnly(words, verbs) : undefined;
  if (measuring) sig('measure-only', `'${measuring.text}' names a metric to measure, not the value that means done`, measuring.start, measuring.end);

  // "On track to deliver all features": a forecast of progress, not a result.
  const forecast = ON_TRACK.exec(text);
  if (forecast) sig('forecast', `'${forecast[0].trim()}' forecasts progress instead of naming a result`, forecast.index, forecast.index + forecast[0].length);
  // "100% confidence in …", or "Team confidence in hitting 99.9% uptime": the amount is what the
  // feeling is about; only a share of people measured before it ("90% of engineers have confidence
  // in …") makes it a reading.
  const feeling = FEELING.exec(text) ?? aboutFeeling(text, numeric);
  const mind = mentalState(words, numeric) ?? (feeling ? words.find((w) => w.start === feeling.index + feeling[0].indexOf(feeling[1]!)) : undefined);
  if (mind) sig('state-of-mind', `'${mind.text}' is a state of mind, which no one can read off at the end of the period`, mind.start, mind.end);

  // "No improvement in 360 feedback", "Increase in API response time": a change named as a noun,
  // with no amount in its part of the key result, promises as little as the verb would.
  const changeNoun = findChangeNoun(text, words, compound ? resultParts : [{ start: 0, end: text.length }], numeric);
  if (changeNoun) sig('weasel-noun', `'${changeNoun.text}' names a change but gives no amount`, changeNoun.start, changeNoun.end);
  // "Achieve 40% month-over-month growth": growth of what? The amount has no metric.
  const bareGrowth = fuzzyWord || hasMetricNoun(words, extraUnits) ? undefined : BARE_GROWTH.exec(text) ?? undefined;
  if (bareGrowth) sig('fuzzy-metric', `'${bareGrowth[0].trim()}' does not say what grows`, bareGrowth.index, bareGrowth.index + bareGrowth[0].length);

  // --- Verdict. ---
  const spoilers = !!changeNoun || !!bareGrowth || weaselVerbs.length > 0 || qualityWords.length > 0 || !!fuzzyWord || !!fuzzyObject || !!measuring || !!mind || !!forecast;
  let measurable: boolean;
  if (placeholder) measurable = false;
  else if (targetRef && numeric.length === 0) measurable = false;
  // "[N2] prospects have provisioned … in less than 1 week": the redacted number is the
  // count the KR is about; the later numbers only qualify what is counted.
  else if (targetRef && /^\[\$?N\d*\]$/.test(targetRef.text) && !numeric.some((q) => q.start < targetRef.start)) measurable = false;
  else if (amounts.length > 0) {
    measurable = !spoilers && !(compound && deadlines.length === 0 && unmeasuredParts.length >= 2);
  } else if (spoilers) measurable = false;
  // An end state settles its own part only: two more parts with nothing checkable stay vague.
  else if (endState) measurable = !(compound && deadlines.length === 0 && unmeasuredParts.length >= 2);
  // A dated deliverable is a binary milestone (guide: "MVP deployed in June"); so is a
  // dated reached state ("Achieve SOC 2 certification by Q4"). A dated activity is not:
  // "Evaluate at EOQ" says when the effort happens, not what exists afterwards.
  // A verbless note with a deadline ("v2.0 GA by KubeCon NA") names a deliverable as the date does,
  // unless what it names is no deliverable ("Progress on security by Q3").
  else measurable = (deadlines.length > 0 || !!event) && leadVerb?.cls !== 'activity' &&
    (outputNotOutcome || !!taskParticiple || leadVerb?.cls === 'outcome' || (verbs.length === 0 && !words.some((w) => FUZZY_NOUNS.has(w.lower))));
  if (amounts.length === 0 && (deadlines.length > 0 || event)) sig('deadline-only', 'the only number is a date or deadline');
  if (quantities.length === 0 && !placeholder) sig('no-number', 'no number, threshold or quantifier');

  // --- Reasons, in the guide's order. ---
  const reasons = new Set<QualityReason>();
  const metricNamed = hasMetricNoun(words, extraUnits) || changes.some((c) => c.verb.cls !== 'improve');
  if (!measurable) {
    if (targetRef || placeholder || measuring || (mind && numeric.length === 0)) reasons.add('no_target');
    else if (numeric.length === 0 && amounts.length === 0) reasons.add(metricNamed ? 'no_target' : 'no_number');
    if (weaselVerbs.length > 0 || qualityWords.length > 0 || fuzzyObject || forecast || changeNoun || (fuzzyWord && numeric.length === 0)) reasons.add('weasel');
    if ((fuzzyWord || bareGrowth) && numeric.length > 0) reasons.add('no_unit');
  }
  if (outputNotOutcome) reasons.add('task');
  if (measurable && noBaseline(text, verbs, changes.map((c) => c.amount), numeric, fromTo !== undefined)) reasons.add('no_baseline');
  if (measurable && lacksUnit(words, numeric)) reasons.add('no_unit');
  if (amounts.length === 0 && (deadlines.length > 0 || event)) reasons.add('deadline_only');
  if (compound) reasons.add('compound');
  if (!measurable && reasons.size === 0) reasons.add(numeric.length > 0 ? 'no_unit' : 'no_number');
  const ordered = REASON_ORDER.filter((r) => reasons.has(r));

  const analysis: TextAnalysis = {
    measurable,
    reasons: ordered,
    signals,
    quantities,
    outputNotOutcome,
    compound,
    summary: '',
  };
  if (fromTo) analysis.fromTo = fromTo;
  if (direction) analysis.direction = direction;
  if (placeholder) analysis.placeholder = placeholder;
  if (compound) analysis.parts = resultParts.map((p) => ({ text: p.text, start: p.start, end: p.end }));
  const ex = explain(analysis, {
    weaselVerb: weaselVerbs[0]?.verb.word.text,
    weaselClause: weaselClause(text, weaselVerbs[0]?.verb.word),
    qualityWord: qualityWords[0]?.text,
    fuzzyWord: fuzzyWord?.text ?? fuzzyObject?.text ?? bareGrowth?.[0].replace(/^[\d\s%x]+/i, '').replace(/[.;,]$/, '').trim(),
    changeNoun: changeNoun?.text,
    forecast: forecast?.[0].trim(),
    mind: mind?.text,
    targetRef: targetRef?.text,
    mainVerb: main?.word.text,
    unmeasuredParts: unmeasuredParts.length,
    hasDate: deadlines.length > 0 || !!event,
    endState: endState?.text,
    measuring: measuring?.text,
  });
  analysis.summary = ex.summary;
  if (ex.fix) analysis.fix = ex.fix;
  if (ex.example) analysis.example = ex.example;
  return { analysis, text, words };
}

/**
 * "Improve checkout observability" -> the clause the weasel verb opens, when the title starts with it,
 * so the example rewrite can keep the user's own words. Undefined when the verb is not first or the
 * clause is too long to make a readable example.
 */
function weaselClause(text: string, verb: { start: number } | undefined): string | undefined {
  if (!verb || text.slice(0, verb.start).trim() !== '') return undefined;
  const clause = text.slice(verb.start).split(/[,;:(]| - | by | so that | to (?=[a-z]+\b)/)[0]!.trim().replace(/[.!]+$/, '');
  return clause.split(/\s+/).length >= 2 && clause.length <= 60 ? clause : undefined;
}

const MEASURE_VERB = /^(?:measur(?:e|es|ed|ing)|track(?:s|ed|ing)?|benchmark(?:s|ed|ing)?|monitor(?:s|ed|ing)?|quantif(?:y|ies|ied|ying)|baselin(?:e|es|ed|ing)|instrument(?:s|ed|ing)?)$/;
const MEASURE_LEAD = /^(?:we|we've|we’ve|we're|have|has|will|begin|start|continue|to|and|be)$/;

/**
 * The measuring verb when the key result only measures: it opens with measure / track /
 * benchmark (after at most a subject or "begin"/"start": "We've benchmarked …", "Begin
 * tracking …") and its object names a metric.
 */
function measuringOnly(words: Word[], verbs: VerbHit[]): Word | undefined {
  let at: Word | undefined;
  for (const w of words.slice(0, 4)) {
    if (MEASURE_VERB.test(w.lower)) { at = w; break; }
    if (!MEASURE_LEAD.test(w.lower)) break;
  }
  // Another main verb first ("Reduce the time we track …") makes it something else.
  if (!at || verbs.some((v) => v.word.start < at.start && v.cls !== 'activity')) return undefined;
  const v = at;
  // "… completed on time" is a deadline idiom, not a metric.
  const metric = (w: Word): boolean => METRIC_NOUNS.has(w.lower) && !(w.lower === 'time' && words[w.index - 1]?.lower === 'on');
  return words.some((w) => w.start > v.end && (metric(w) || /^(?:stages?|funnel)$/.test(w.lower))) ? v : undefined;
}

const SUCCESS_DEFINED = /\bsuccess\s+(?:will\s+(?:mean|be)|would\s+(?:mean|be)|means|is\s+defined\s+as|looks\s+like)\b/i;
const BARE_GROWTH = /(?<![\d.,])\d[\d.,]*\s?(?:%|x)\s+(?:(?:month|quarter|year|week)[-\s]over[-\s](?:month|quarter|year|week)\s+|MoM\s+|QoQ\s+|YoY\s+)?(?:growth|increase|improvement|uplift)\s*(?:[.;,]|$)/i;
const CHANGE_NOUN = /^(?:improvements?|increases?|reductions?|growth|decreases?|gains?)$/;

/**
 * A change noun that opens a result ("Improvement in X", "…, and improvement in X", "We see
 * steady growth in X"): within the first words of the title, of a result part, or of a list
 * item, with no numeric amount from there to the end of its sentence.
 */
function findChangeNoun(text: string, words: Word[], parts: Array<{ start: number; end: number }>, numeric: Quantity[]): Word | undefined {
  if (!/improvement|increase|reduction|growth|decrease|gain/i.test(text)) return undefined;
  const starts = new Set(parts.map((p) => p.start));
  for (const m of text.matchAll(/[,;.]\s+(?:and\s+|&\s+)?|\s(?:and|&)\s+/g)) starts.add((m.index ?? 0) + m[0].length);
  for (const start of starts) {
    const lead = words.filter((w) => w.start >= start).slice(0, 4);
    const at = lead.find((w) => CHANGE_NOUN.test(w.lower) && /^\s+(?:in|of|to)\b/i.test(text.slice(w.end, w.end + 4)));
    if (!at) continue;
    const end = text.slice(at.end).search(/[.;!?](?:\s|$)/);
    const until = end < 0 ? text.length : at.end + end;
    if (!numeric.some((q) => q.start >= start && q.start < until)) return at;
  }
  return undefined;
}

const ON_TRACK = /^\s*(?:(?:be|are|is|we\s+are|stay|remain)\s+)?on\s+(?:track|pace|schedule)\s+(?:to|for)\b/i;
const MIND_VERB = /^(?:know|knows|understand|understands|trust|trusts|feel|feels|believe|believes)$/;

/**
 * "Admins know what percentage of repositories are searchable", "know cost per SQO for each
 * campaign": the key result is someone's knowledge or belief. Only a measured share of the
 * people ("80% of engineers know …", a survey) makes it checkable.
 */
function mentalState(words: Word[], numeric: Quantity[]): Word | undefined {
  const titleCase = isTitleCase(words);
  for (const w of words.slice(0, 5)) {
    if (!MIND_VERB.test(w.lower)) continue;
    // "Trust score of 60 or higher": the noun names a metric, it is not the verb ("know cost per lead" still is).
    if (w.lower === 'trust' && METRIC_NOUNS.has(words[w.index + 1]?.lower ?? '')) return undefined;
    // "Know Thy Dev": a capitalised word inside the title is a name.
    if (w.index > 0 && /^\p{Lu}/u.test(w.text) && !titleCase) return undefined;
    // "to help managers understand …": a purpose, not the result.
    if (words.slice(0, w.index).some((x) => /^(?:to|help|helps|so|that)$/.test(x.lower))) return undefined;
    return numeric.some((q) => q.end <= w.start) ? undefined : w;
  }
  return undefined;
}

function directionOf(verbs: VerbHit[], fromTo: TextAnalysis['fromTo']): TextAnalysis['direction'] {
  for (const v of verbs) {
    if (v.cls === 'increase') return 'increase';
    if (v.cls === 'decrease') return 'decrease';
    if (v.cls === 'maintain') return 'maintain';
  }
  if (fromTo) return fromTo.target > fromTo.baseline ? 'increase' : fromTo.target < fromTo.baseline ? 'decrease' : undefined;
  return undefined;
}

/**
 * Guide §1.2 no_baseline: a change ("by 20%", "3x", "to 5%", "reach/achieve N") with no
 * starting value or reference period. Not for guardrails (keep/within/≤/all/zero) and
 * not when a reference is named ("from FY24-Q2", "year over year", "of plan").
 */
function noBaseline(text: string, verbs: VerbHit[], changeAmounts: Array<Quantity | undefined>, numeric: Quantity[], hasFromTo: boolean): boolean {
  if (hasFromTo) return false;
  if (/\bfrom\b|\bcompared\b|\bthan\s+(?:last|previous|the\s+previous|before)\b|\b(?:month|quarter|year|week)[-\s]over[-\s]|\b(?:MoM|QoQ|YoY|WoW)\b|\bof\s+(?:the\s+)?(?:\w+\s+){0,3}plan\b|\bvs\.?\b|\bbaseline\b/i.test(text)) return false;
  const relative = (q: Quantity): boolean => {
    const before = text.slice(Math.max(0, q.start - 8), q.start);
    const after = text.slice(q.end, q.end + 10);
    return q.kind === 'multiplier' || /\bby\s*$/i.test(before) || /^\s*(?:more|less|fewer|higher|lower)\b/i.test(after) || /\bto\s*$/i.test(before);
  };
  if (changeAmounts.some((q) => q && q.kind !== 'date' && q.kind !== 'quantifier' && relative(q))) return true;
  // "Achieve 4.5+ app store rating", "Reach NPS over 60": a level to reach, no start given.
  const lead = verbs[0];
  if (lead && lead.cls === 'outcome' && /^(?:achieve|reach|attain|hit|gain)$/.test(lead.base)) {
    return numeric.some((q) => q.start > lead.word.end && q.kind !== 'duration');
  }
  return false;
}

/** Guide §6: a number whose unit or metric is unclear ("3.5M in new pipeline", "score 6 to 8", "NPS 80%"). */
function lacksUnit(words: ReturnType<typeof tokenize>, numeric: Quantity[]): boolean {
  for (const q of numeric) {
    const before = wordsBefore(words, q.start, 4).map((w) => w.lower);
    if (q.kind === 'percent' && before.some((w) => KNOWN_SCALES.has(w) || w === 'nps')) return true;
    if (q.kind === 'number' && !q.unit) {
      if (before.some((w) => KNOWN_SCALES.has(w))) continue;
      if (/^(?:to|from)$/.test(before[before.length - 1] ?? '') && numeric.some((o) => o !== q && o.unit)) continue;
      return true;
    }
  }
  return false;
}
