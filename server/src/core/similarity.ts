// How alike two identifiers are (objective ids, file references), for a "did you mean" that puts the
// intended one first: a typo (`qualty`), words in another order (`reliable-checkout` for
// `checkout-reliability`) and a shortened word (`infra`) all score high.
//
// A misspelt file part is compared with every file name of the workspace (2,000 at the scale we aim
// for), so the written side is prepared once (`likeness`) and the distance reuses one buffer.

let row = new Int32Array(64);

/** Levenshtein distance (insert, delete, substitute), without allocating per call. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  if (row.length <= b.length) row = new Int32Array(b.length * 2 + 1);
  const r = row;
  const n = b.length;
  for (let j = 0; j <= n; j++) r[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = r[0]!;
    r[0] = i;
    let left = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const up = r[j]!;
      const sub = diag + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const best = sub < up + 1 ? (sub < left + 1 ? sub : left + 1) : up + 1 < left + 1 ? up + 1 : left + 1;
      r[j] = best;
      left = best;
      diag = up;
    }
  }
  return r[n]!;
}

/** 1 for equal strings, 0 for nothing in common: the edit distance relative to the longer string. */
export function editSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
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
  return tokensAlike(tokens(a), tokens(b));
}

function tokensAlike(ta: string[], tb: string[]): number {
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

/** The likeness of every candidate to one written identifier, case-insensitive, from 0 to 1 (equal). */
export function likeness(written: string): (candidate: string) => number {
  const x = compared(written);
  const tx = tokens(x);
  return (candidate: string) => {
    const y = compared(candidate);
    if (x === y) return 1;
    let best = Math.max(editSimilarity(x, y), prefixSimilarity(x, y));
    // Words in another order, or one word missing: only identifiers of several words can differ so.
    if (tx.length > 1 || TOKEN_SPLIT.test(y)) best = Math.max(best, 0.95 * tokensAlike(tx, tokens(y)));
    // Never 1 for different strings, so an exact match always ranks first.
    return Math.min(0.99, best);
  };
}

/**
 * Identifiers are compared by their first COMPARED_CHARS characters: the edit distance costs the
 * product of the lengths, and a megabyte-long id (written or among the candidates) would otherwise
 * hold a "did you mean" for minutes. No real id comes near the cap.
 */
export const COMPARED_CHARS = 200;

function compared(id: string): string {
  return (id.length > COMPARED_CHARS ? id.slice(0, COMPARED_CHARS) : id).toLowerCase();
}

/** Case-insensitive likeness of two identifiers, from 0 (nothing alike) to 1 (equal). */
export function similarity(a: string, b: string): number {
  return likeness(a)(b);
}
