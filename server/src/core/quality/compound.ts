/**
 * Splits a KR into its separate results ("Send out the survey and identify the top-5
 * pain points"). Coordinated verbs sharing one object ("Create and publish 5 documents")
 * and noun lists ("engagement and reach") stay one result.
 */
import type { Quantity } from './types';
import type { VerbHit } from './phrases';
import type { Word } from './words';

export interface Part { text: string; start: number; end: number; hasVerb: boolean; startsWithAmount: boolean }
type Piece = Part & { nWords: number; newSentence?: boolean; hasAmount?: boolean };

// Subordinate or scope openings: "Across all accounts, if ... , there is a plan" is one result.
const SUBORDINATE = /^(?:intended|aimed|designed|meant|focused|in\s+order|if|when|whenever|once|because|so|while|as|that|which|who|with|without|for|across|in|on|by|based|including|e\.g|i\.e|such|to|from|at(?!\s+(?:least|most)\b)|after|before|until|within|via|using|through|excluding|where)\b/i;
const FINITE_BE_HAVE = /\b(?:is|are|was|were|has|have|had|will|can|should|must)\b/i;

/** Character ranges inside (…) and quotes, where separators do not split results. */
function protectedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /\([^()]*\)|“[^”]*”|"[^"]*"|\[[^\]]*\]/g;
  for (const m of text.matchAll(re)) out.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
  return out;
}

const PARTICIPLE_OPENING = /^(?:and\s+)?\p{Ll}+ed\s+(?:to|by|with|on|for|in|at|from|against|around)\b/u;
// What an imperative's object or particle starts with: "digest existing content", "put together a
// strategy", "commit to 2 events". Used for verbs the lexicon does not list.
const OBJECT_START = /^(?:a|an|the|our|their|its|all|every|each|existing|new|together|up|out|to)$/;
const NOT_A_VERB = /^(?:a|an|the|and|or|of|for|to|in|on|with|by|at|from|as|all|every|each|any|some|no|not|new|more|most|less|our|their|its|this|that|these|those|other|both|first|last|next|key|top|main|same|such|only)$/;

/**
 * A segment that opens like an imperative the lexicon does not know: a lower-case word that
 * is not a noun's plural, a participle or an adverb, then an object or particle.
 */
function opensWithBareVerb(segWords: Word[]): boolean {
  const [a, b] = segWords;
  if (!a || !b || !(a.index === 0 ? /^\p{L}[\p{Ll}-]*$/u : /^\p{Ll}[\p{Ll}-]*$/u).test(a.text) || a.text.length < 3) return false;
  if (NOT_A_VERB.test(a.lower) || /(?:s|ed|ly|ing|tion|ment|ness|ity|al|ic|ive|ous|ful|able|ible)$/.test(a.lower)) return false;
  return OBJECT_START.test(b.lower);
}

export function splitParts(text: string, words: Word[], verbs: VerbHit[], quantities: Quantity[]): Part[] {
  const prot = protectedRanges(text);
  const inProt = (i: number): boolean => prot.some(([s, e]) => i >= s && i < e);
  // A match that opens with spaces starts only at the first of them: tried from every space of a long
  // run, each attempt scanned the rest of the run (quadratic in the run's length).
  const SEP = /(?<!\s)\s*;\s*|:\s+|\.\s+(?=\p{Lu})|,\s+(?:and\s+|or\s+)?|(?<!\s)\s+(?:and|&|as\s+well\s+as|plus)\s+/giu;
  const raw: Array<{ start: number; end: number; newSentence: boolean }> = [];
  let last = 0;
  let newSentence = true;
  for (const m of text.matchAll(SEP)) {
    const i = m.index ?? 0;
    if (inProt(i)) continue;
    raw.push({ start: last, end: i, newSentence });
    last = i + m[0].length;
    newSentence = /[.;]/.test(m[0]);
  }
  raw.push({ start: last, end: text.length, newSentence });

  const verbStarts = new Set(verbs.map((v) => v.word.start));
  const parts: Piece[] = raw
    .map(({ start, end, newSentence: ns }) => {
      const slice = text.slice(start, end);
      const segWords = words.filter((w) => w.start >= start && w.end <= end);
      const hasVerb = segWords.some((w) => verbStarts.has(w.start)) || (FINITE_BE_HAVE.test(slice) && segWords.length > 2) || opensWithBareVerb(segWords);
      const first = quantities.find((q) => q.start >= start && q.start < end);
      const startsWithAmount = !!first && first.kind !== 'date' && first.kind !== 'placeholder' &&
        /^[\s$€£+~<>≤≥]*(?:(?:at\s+least|at\s+most|more\s+than|over|up\s+to|no\s+(?:more|less|fewer)\s+than)\s+)?$/i.test(text.slice(start, first.start)) && segWords.length > 1;
      const hasAmount = quantities.some((q) => q.start >= start && q.start < end && q.kind !== 'date' && q.kind !== 'placeholder' && q.kind !== 'quantifier');
      return { text: slice.trim(), start, end, hasVerb, startsWithAmount, hasAmount, nWords: segWords.length, newSentence: ns };
    })
    .filter((p) => p.text.length > 0);

  // Merge pieces that are not results on their own into a neighbour.
  const merged: Piece[] = [];
  // After "…, intended to A, B and C." the list belongs to the subordinate clause until
  // the sentence ends, so B and C are not separate results.
  let subordinate = false;
  for (const p of parts) {
    if (p.newSentence) subordinate = false;
    if (SUBORDINATE.test(p.text)) subordinate = true;
    const prev = merged[merged.length - 1];
    // Ellipsis: "coverage for web to 100% and cli to 70%" repeats the verb of the first
    // target, so a verbless piece with its own amount after a piece with one is a result.
    const elliptic = !!p.hasAmount && !!prev?.hasAmount && !p.hasVerb && !subordinate;
    if (elliptic) p.startsWithAmount = true;
    // "5 webinars focused on practitioners, and aligned to campaigns": a later piece that opens with a
    // past participle describes what came before; it is not a result of its own.
    const participle = merged.length > 0 && !p.hasAmount && PARTICIPLE_OPENING.test(p.text) && !p.newSentence;
    // "… events to attend and recruit from": the second infinitive continues the purpose.
    const infinitive = !!prev && /\bto\s+\p{L}+$/u.test(prev.text) && /^\s+and\s+$/.test(text.slice(prev.end, p.start));
    const isResult = (p.hasVerb || p.startsWithAmount) && p.nWords > 1 && !subordinate && !participle && !infinitive;
    if (!isResult && prev) {
      merged[merged.length - 1] = { ...prev, end: p.end, text: text.slice(prev.start, p.end).trim() };
      continue;
    }
    // "100% of team members and offers have …": the amount scopes over a coordinated
    // subject, so the verbless amount piece joins the predicate after it.
    if (prev && (!prev.hasVerb && !prev.startsWithAmount || (prev.startsWithAmount && !prev.hasVerb && p.hasVerb && !p.newSentence && !/^\s*,/.test(text.slice(prev.end, p.start))))) {
      // A leading noun or bare verb ("Create and publish ...") joins the result after it.
      merged[merged.length - 1] = { ...p, start: prev.start, text: text.slice(prev.start, p.end).trim(), hasVerb: p.hasVerb || prev.hasVerb, nWords: p.nWords + prev.nWords };
      continue;
    }
    if (prev && prev.nWords <= 1) {
      merged[merged.length - 1] = { ...p, start: prev.start, text: text.slice(prev.start, p.end).trim(), hasVerb: p.hasVerb || prev.hasVerb, nWords: p.nWords + prev.nWords };
      continue;
    }
    merged.push({ ...p, hasVerb: p.hasVerb && isResult, startsWithAmount: p.startsWithAmount && isResult, nWords: p.nWords, hasAmount: p.hasAmount });
  }
  return merged.map(({ text: t, start, end, hasVerb, startsWithAmount }) => ({ text: t, start, end, hasVerb, startsWithAmount }));
}
