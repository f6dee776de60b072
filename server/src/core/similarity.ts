// How alike two identifiers are (objective ids, file references), for a "did you mean" that puts the
// intended one first: a typo (`qualty`), words in another order (`reliable-checkout` for
// `checkout-reliability`) and a shortened word (`infra`) all score high.
import { editDistance } from './suggest';

/** 1 for equal strings, 0 for nothing in common: the edit distance relative to the longer string. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

const TOKEN_SPLIT = /[-_/.\s]+/;

function tokens(s: string): string[] {
  return s.split(TOKEN_SPLIT).filter((t) => t.length > 0);
}

/**
 * Word-level likeness: each word of one side is matched with the most similar word of the other,
 * weighted by length, averaged over both directions (a missing or extra word costs its share).
 */
export function tokenSimilarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const towards = (from: string[], to: string[]) => {
    let sum = 0;
    let weight = 0;
    for (const t of from) {
      let best = 0;
      for (const u of to) best = Math.max(best, editSimilarity(t, u));
      sum += best * t.length;
      weight += t.length;
    }
    return sum / weight;
  };
  return (towards(ta, tb) + towards(tb, ta)) / 2;
}

/** A shortened form (`infra` for `infrastructure`): likely meant, though many letters are missing. */
function prefixSimilarity(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 3 || !long.startsWith(short)) return 0;
  return 0.6 + 0.4 * (short.length / long.length);
}

/** Case-insensitive likeness of two identifiers, from 0 (nothing alike) to 1 (equal). */
export function similarity(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return 1;
  // Never 1 for different strings, so an exact match always ranks first.
  return Math.min(0.99, Math.max(editSimilarity(x, y), 0.95 * tokenSimilarity(x, y), prefixSimilarity(x, y)));
}
