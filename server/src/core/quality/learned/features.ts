/**
 * The features the learned layer reads: what the rule-based analysis found (its verdict, signals,
 * reasons and kinds of amount) and the words themselves (stems, neighbouring pairs, the first
 * word). Names are plain strings so the trained weights can ship as a JSON map.
 */
import type { TextAnalysis } from '../types';
import { tokenize, type Word } from '../words';

/** A comma, a full stop or a bracket between two words breaks their pair (one clause only). */
const PAIR_BREAK = /[,;:.()]/;

/** Crude suffix stripping: one weight for "contributor/contributors", "engage/engaging/engaged". */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/’/g, "'");
  if (/^\d/.test(w)) return '<num>';
  if (w.length > 5 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // "engag(e)", "releas(e)": the e-less form joins the -ing and -ed forms.
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}

export interface FeatureSpan { feature: string; start?: number; end?: number }

/**
 * Every feature of a title, once each, with where in the text it comes from (for the
 * explanation: the feature that decided points at words the user can change).
 */
export function featureSpans(text: string, a: TextAnalysis): FeatureSpan[] {
  const out = new Map<string, FeatureSpan>();
  const add = (feature: string, start?: number, end?: number): void => {
    if (out.has(feature)) return;
    const s: FeatureSpan = { feature };
    if (start !== undefined && end !== undefined) { s.start = start; s.end = end; }
    out.set(feature, s);
  };
  add(a.measurable ? 'rule:measurable' : 'rule:vague');
  for (const s of a.signals) add(`signal:${s.id}`, s.start, s.end);
  for (const r of a.reasons) add(`reason:${r}`);
  for (const q of a.quantities) {
    add(`amount:${q.kind}`, q.start, q.end);
    if (q.comparator) add(`comparator:${q.comparator}`, q.start, q.end);
  }
  if (a.fromTo) add('amount:from-to', a.fromTo.start, a.fromTo.end);
  if (a.quantities.length === 0) add('amount:none');
  const words = tokenize(text);
  const stems = words.map((w) => stem(w.text));
  if (words[0]) add(`first:${stems[0]}`, words[0].start, words[0].end);
  words.forEach((w, i) => {
    add(`word:${stems[i]}`, w.start, w.end);
    const next = words[i + 1];
    // Only neighbours inside one clause: a comma or a full stop between them breaks the pair.
    if (next && !PAIR_BREAK.test(text.slice(w.end, next.start))) add(`pair:${stems[i]}_${stems[i + 1]}`, w.start, next.end);
  });
  add(words.length > 20 ? 'length:long' : words.length > 8 ? 'length:medium' : 'length:short');
  return [...out.values()];
}

/**
 * The learned layer's weights by kind of feature, so scoring a title looks words and pairs up by their
 * stems instead of building a feature name per word (most of them have no weight at all).
 */
interface CompiledWeights {
  named: Map<string, number>;
  first: Map<string, number>;
  word: Map<string, number>;
  /** Second stem by first stem. */
  pair: Map<string, Map<string, number>>;
}

const compiled = new WeakMap<Readonly<Record<string, number>>, CompiledWeights>();

function compile(weights: Readonly<Record<string, number>>): CompiledWeights {
  let c = compiled.get(weights);
  if (c) return c;
  c = { named: new Map(), first: new Map(), word: new Map(), pair: new Map() };
  for (const [name, w] of Object.entries(weights)) {
    if (name.startsWith('first:')) c.first.set(name.slice(6), w);
    else if (name.startsWith('word:')) c.word.set(name.slice(5), w);
    else if (name.startsWith('pair:')) {
      // Stems have no underscore (they are letters, digits, hyphens, apostrophes and dots), so the
      // first one ends at the first underscore.
      const at = name.indexOf('_', 5);
      const a = name.slice(5, at);
      let m = c.pair.get(a);
      if (!m) c.pair.set(a, (m = new Map()));
      m.set(name.slice(at + 1), w);
    } else c.named.set(name, w);
  }
  compiled.set(weights, c);
  return c;
}

// A stem per distinct word, kept like the lemma cache in phrases.ts: stemming is most of a feature's cost.
const stemCache = new Map<string, string>();
function stemOf(word: Word): string {
  let s = stemCache.get(word.text);
  if (s === undefined) {
    if (stemCache.size > 20000) stemCache.clear();
    s = stem(word.text);
    stemCache.set(word.text, s);
  }
  return s;
}

/**
 * The sum `bias + Σ weights` over the features `featureSpans` lists, added in the same order (so the
 * same floating-point result), without building them: what the verdict needs on every title.
 * `words` is `tokenize(text)` when the caller has it. `test/unit/quality/learned.test.ts` holds it
 * equal to `judge(model, featureSpans(text, a))` over every labelled title.
 */
export function weightedSum(bias: number, weights: Readonly<Record<string, number>>, text: string, a: TextAnalysis, words: Word[] = tokenize(text)): number {
  const c = compile(weights);
  const named = c.named;
  let z = bias;
  // Each feature counts once, where it first occurs; only those with a weight need remembering.
  const seen = new Set<string>();
  const add = (name: string): void => {
    const w = named.get(name);
    if (w === undefined || seen.has(name)) return;
    seen.add(name);
    z += w;
  };
  add(a.measurable ? 'rule:measurable' : 'rule:vague');
  for (const s of a.signals) add(`signal:${s.id}`);
  for (const r of a.reasons) add(`reason:${r}`);
  for (const q of a.quantities) {
    add(`amount:${q.kind}`);
    if (q.comparator) add(`comparator:${q.comparator}`);
  }
  if (a.fromTo) add('amount:from-to');
  if (a.quantities.length === 0) add('amount:none');
  const n = words.length;
  let next = n > 0 ? stemOf(words[0]!) : '';
  if (n > 0) z += c.first.get(next) ?? 0;
  const seenWords = new Set<string>();
  let seenPairs: Set<string> | undefined;
  for (let i = 0; i < n; i++) {
    const s = next;
    const ww = c.word.get(s);
    if (ww !== undefined && !seenWords.has(s)) { seenWords.add(s); z += ww; }
    if (i + 1 < n) {
      next = stemOf(words[i + 1]!);
      const pw = c.pair.get(s)?.get(next);
      if (pw !== undefined && !PAIR_BREAK.test(text.slice(words[i]!.end, words[i + 1]!.start))) {
        const key = `${s}_${next}`;
        seenPairs ??= new Set();
        if (!seenPairs.has(key)) { seenPairs.add(key); z += pw; }
      }
    }
  }
  add(n > 20 ? 'length:long' : n > 8 ? 'length:medium' : 'length:short');
  return z;
}
