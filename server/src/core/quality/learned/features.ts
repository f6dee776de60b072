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

/** A weighted feature while a title is scored: `seen` is the number of the last sum that counted it. */
interface Weighted { w: number; seen: number }

/** What the weights say about one stem: as the first word, as a word, and as the first of a pair. */
interface StemWeights {
  first?: number;
  word?: Weighted;
  /** By the second stem's entry. */
  pairs?: Map<StemWeights, Weighted>;
}

/**
 * The learned layer's weights by kind of feature, so that scoring a title looks each word up once
 * (by its text) instead of building a feature name per word and pair (most have no weight at all).
 */
interface CompiledWeights {
  /** Features by their whole name, and the signal, reason and amount features by the part after the colon. */
  named: Map<string, Weighted>;
  signal: Map<string, Weighted>;
  reason: Map<string, Weighted>;
  amount: Map<string, Weighted>;
  comparator: Map<string, Weighted>;
  stems: Map<string, StemWeights>;
  /** Word as written -> its stem's weights (NO_WEIGHTS when the stem has none); cleared when large. */
  byText: Map<string, StemWeights>;
}

const NO_WEIGHTS: StemWeights = {};
const compiled = new WeakMap<Readonly<Record<string, number>>, CompiledWeights>();

function compile(weights: Readonly<Record<string, number>>): CompiledWeights {
  let c = compiled.get(weights);
  if (c) return c;
  const stems = new Map<string, StemWeights>();
  const entry = (st: string): StemWeights => {
    let e = stems.get(st);
    if (!e) stems.set(st, (e = {}));
    return e;
  };
  c = { named: new Map(), signal: new Map(), reason: new Map(), amount: new Map(), comparator: new Map(), stems, byText: new Map() };
  for (const [name, w] of Object.entries(weights)) {
    if (name.startsWith('first:')) entry(name.slice(6)).first = w;
    else if (name.startsWith('word:')) entry(name.slice(5)).word = { w, seen: 0 };
    else if (name.startsWith('pair:')) {
      // Stems have no underscore (they are letters, digits, hyphens, apostrophes and dots), so the
      // first one ends at the first underscore.
      const at = name.indexOf('_', 5);
      const a = entry(name.slice(5, at));
      (a.pairs ??= new Map()).set(entry(name.slice(at + 1)), { w, seen: 0 });
    } else {
      // One object per feature, shared by both maps, so a feature counted through one is seen by the other.
      const f: Weighted = { w, seen: 0 };
      c.named.set(name, f);
      const colon = name.indexOf(':');
      const kind = name.slice(0, colon);
      if (kind === 'signal' || kind === 'reason' || kind === 'amount' || kind === 'comparator') c[kind].set(name.slice(colon + 1), f);
    }
  }
  compiled.set(weights, c);
  return c;
}

function weightsOf(c: CompiledWeights, word: Word): StemWeights {
  let e = c.byText.get(word.text);
  if (e === undefined) {
    if (c.byText.size > 20000) c.byText.clear();
    e = c.stems.get(stem(word.text)) ?? NO_WEIGHTS;
    c.byText.set(word.text, e);
  }
  return e;
}

let sums = 0;

/**
 * The sum `bias + Σ weights` over the features `featureSpans` lists, added in the same order (so the
 * same floating-point result), without building them: what the verdict needs on every title.
 * `words` is `tokenize(text)` when the caller has it. `test/unit/quality/learned.test.ts` holds it
 * equal to `judge(model, featureSpans(text, a))` over every labelled title.
 */
export function weightedSum(bias: number, weights: Readonly<Record<string, number>>, text: string, a: TextAnalysis, words: Word[] = tokenize(text)): number {
  const c = compile(weights);
  const named = c.named;
  // Each feature counts once, where it first occurs: a feature remembers the sum that counted it.
  const sum = ++sums;
  let z = bias;
  // By kind and the part after the colon: no feature name is built for the signals, reasons and amounts.
  const add = (f: Weighted | undefined): void => {
    if (f === undefined || f.seen === sum) return;
    f.seen = sum;
    z += f.w;
  };
  add(named.get(a.measurable ? 'rule:measurable' : 'rule:vague'));
  for (const s of a.signals) add(c.signal.get(s.id));
  for (const r of a.reasons) add(c.reason.get(r));
  for (const q of a.quantities) {
    add(c.amount.get(q.kind));
    if (q.comparator) add(c.comparator.get(q.comparator));
  }
  if (a.fromTo) add(c.amount.get('from-to'));
  if (a.quantities.length === 0) add(c.amount.get('none'));
  const n = words.length;
  let next = n > 0 ? weightsOf(c, words[0]!) : NO_WEIGHTS;
  if (next.first !== undefined) z += next.first;
  for (let i = 0; i < n; i++) {
    const e = next;
    const word = e.word;
    if (word !== undefined && word.seen !== sum) { word.seen = sum; z += word.w; }
    if (i + 1 < n) {
      next = weightsOf(c, words[i + 1]!);
      const pair = e.pairs?.get(next);
      if (pair !== undefined && pair.seen !== sum && !PAIR_BREAK.test(text.slice(words[i]!.end, words[i + 1]!.start))) { pair.seen = sum; z += pair.w; }
    }
  }
  add(named.get(n > 20 ? 'length:long' : n > 8 ? 'length:medium' : 'length:short'));
  return z;
}
