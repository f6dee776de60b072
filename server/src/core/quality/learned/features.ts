/**
 * The features the learned layer reads: what the rule-based analysis found (its verdict, signals,
 * reasons and kinds of amount) and the words themselves (stems, neighbouring pairs, the first
 * word). Names are plain strings so the trained weights can ship as a JSON map.
 */
import type { TextAnalysis } from '../types';
import { tokenize } from '../words';

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
    if (next && !/[,;:.()]/.test(text.slice(w.end, next.start))) add(`pair:${stems[i]}_${stems[i + 1]}`, w.start, next.end);
  });
  add(words.length > 20 ? 'length:long' : words.length > 8 ? 'length:medium' : 'length:short');
  return [...out.values()];
}
