/**
 * Word tokens with character offsets. Every signal reports offsets into the original
 * text so the language server can underline exactly the word that triggered it.
 */

export interface Word {
  /** The word as written. */
  text: string;
  /** Lower-cased form, curly apostrophes made straight. */
  lower: string;
  start: number;
  end: number;
  /** Index in the word list, so callers can look at neighbours cheaply. */
  index: number;
}

// Letters (any script), digits and inner hyphens/apostrophes/dots-between-digits form one word,
// so "world-class", "re-queue", "3.5M" and "we've" each stay whole.
const WORD_RE = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

export function tokenize(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index ?? 0;
    words.push({
      text: m[0],
      lower: m[0].toLowerCase().replace(/’/g, "'"),
      start,
      end: start + m[0].length,
      index: words.length,
    });
  }
  return words;
}

// Irregular forms that suffix stripping cannot undo.
const IRREGULAR: Record<string, string> = {
  built: 'build', ran: 'run', written: 'write', wrote: 'write', made: 'make', held: 'hold',
  sent: 'send', began: 'begin', begun: 'begin', grew: 'grow', grown: 'grow', kept: 'keep',
  cut: 'cut', set: 'set', shipped: 'ship', shipping: 'ship', ships: 'ship', got: 'get',
  gotten: 'get', won: 'win', rolled: 'roll', planned: 'plan', planning: 'plan', mapped: 'map',
  hired: 'hire', hiring: 'hire', lowered: 'lower', lowers: 'lower', better: 'better',
  led: 'lead', spoke: 'speak', spoken: 'speak', dropped: 'drop', halved: 'halve', has: 'have',
  had: 'have', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', doubled: 'double',
  doubles: 'double', tripled: 'triple', triples: 'triple', running: 'run',
  runs: 'run', stays: 'stay', stayed: 'stay', staying: 'stay', does: 'do', done: 'do',
};

/**
 * Cheap lemmatiser for English verbs: enough to map "reduces/reduced/reducing" to
 * "reduce" and "implemented" to "implement". `known` decides among candidate stems,
 * so unknown words are returned unchanged rather than mangled.
 */
export function lemma(word: string, known: (w: string) => boolean): string {
  const w = word.toLowerCase();
  if (known(w)) return w;
  const irregular = IRREGULAR[w];
  if (irregular && known(irregular)) return irregular;
  const candidates: string[] = [];
  if (w.endsWith('ies')) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('ied')) candidates.push(w.slice(0, -3) + 'y');
  if (w.endsWith('es')) candidates.push(w.slice(0, -2));
  if (w.endsWith('s')) candidates.push(w.slice(0, -1));
  if (w.endsWith('ed')) {
    candidates.push(w.slice(0, -2), w.slice(0, -1));
    // doubled consonant: "planned" -> "plan"
    if (w.length > 4 && w[w.length - 3] === w[w.length - 4]) candidates.push(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    candidates.push(w.slice(0, -3), w.slice(0, -3) + 'e');
    if (w.length > 5 && w[w.length - 4] === w[w.length - 5]) candidates.push(w.slice(0, -4));
  }
  for (const c of candidates) if (c.length > 1 && known(c)) return c;
  return w;
}

/** True when the word is an inflected (past participle / -ing) form rather than the base. */
export function isParticiple(word: string): boolean {
  const w = word.toLowerCase();
  return /(?:ed|en|ing)$/.test(w) || w in IRREGULAR;
}

/**
 * The last `n` words that end at or before `offset` (words are in text order). A binary search, not a
 * filter of all words: callers ask once per amount or verb, and a filter made that quadratic.
 */
export function wordsBefore(words: readonly Word[], offset: number, n: number): Word[] {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return words.slice(Math.max(0, lo - n), lo);
}
