/**
 * Finds "from <baseline> to <target>" (and "to <target> from <baseline>", "7 → 2").
 * A quick fix uses it to move the numbers into structured baseline/target fields, and
 * the analyser uses it to know a baseline is stated.
 */
import type { FromTo, Quantity } from './types';
import { durationMs } from './quantities';

const AMOUNT_KINDS = new Set(['number', 'percent', 'ratio', 'currency', 'duration', 'multiplier']);

// Filler allowed between "from" and the baseline: "from current 45 %", "from avg. 5min".
const LEAD = /^\s*(?:(?:the\s+)?(?:current(?:ly)?|avg\.?|average|about|around|approx\.?|roughly|~|baseline(?:\s+of)?|a|an|the|today'?s?|last\s+(?:quarter|year|month)'?s?)\s*)*$/i;
// Link between the two amounts: "to", "down to", "up to", "→", "->", "-", with optional threshold.
const LINK = /^[\s.,]*(?:[\p{L}\s/-]{0,30}?\s)?(?:(?:down|up)\s+)?(?:to|→|->|—|–)\s*(?:(?:below|under|above|over|less\s+than|more\s+than|at\s+least|at\s+most|~|≤|≥|<|>)\s*)?$/iu;
const LINK_BACK = /^\s*(?:from)\s*$/i;

function isAmount(q: Quantity): boolean {
  return AMOUNT_KINDS.has(q.kind) && q.value !== undefined;
}

/** Units are compatible when equal, or one side leaves it implied ("from 3 business days to 2"). */
function combine(a: Quantity, b: Quantity): { baseline: number; target: number; unit?: string } | undefined {
  const av = a.value as number;
  const bv = b.value as number;
  if (a.kind === 'duration' && b.kind === 'duration' && a.unit !== b.unit) {
    const am = durationMs(av, a.unit);
    const bm = durationMs(bv, b.unit);
    if (am === undefined || bm === undefined) return undefined;
    // Express both in the smaller unit, so "5 min 40 s to 3 min" stays whole (340 -> 180 s).
    const pa = durationMs(1, a.unit) as number;
    const pb = durationMs(1, b.unit) as number;
    const [per, unit] = pa < pb ? [pa, a.unit] : [pb, b.unit];
    return { baseline: am / per, target: bm / per, unit };
  }
  if (a.kind !== b.kind && a.kind !== 'number' && b.kind !== 'number') return undefined;
  const unitOf = (q: Quantity): string | undefined =>
    q.kind === 'percent' ? q.unit : q.kind === 'number' ? q.unit : q.unit;
  const unit = unitOf(b) ?? unitOf(a);
  return { baseline: av, target: bv, unit };
}

export function extractFromTo(text: string, quantities: Quantity[]): FromTo | undefined {
  const qs = quantities.filter(isAmount);
  for (let i = 0; i < qs.length - 1; i++) {
    const a = qs[i];
    const b = qs[i + 1];
    const before = text.slice(Math.max(0, a.start - 40), a.start);
    const fromIdx = before.search(/\bfrom\b(?!.*\bfrom\b)/i);
    const between = text.slice(a.end, b.start);
    // Baseline first: "from 800 ms to 300 ms".
    if (fromIdx >= 0 && LEAD.test(before.slice(fromIdx + 4)) && LINK.test(between) && between.length < 40) {
      const c = combine(a, b);
      if (c) return { ...c, start: a.start - (before.length - fromIdx), end: b.end };
    }
    // Arrow without "from": "Cut weekly incident count 7 → 2".
    if (/^\s*(?:→|->)\s*$/.test(between)) {
      const c = combine(a, b);
      if (c) return { ...c, start: a.start, end: b.end };
    }
    // Target first: "to 75 % from current 45 %".
    const between2 = text.slice(a.end, b.start);
    const lead2 = between2.replace(/\s*(?:current(?:ly)?|avg\.?|average|the|a)\s*/gi, ' ');
    if (/\bto\s*$/i.test(before) && LINK_BACK.test(lead2)) {
      const c = combine(b, a);
      if (c) return { ...c, start: a.start - (before.length - before.search(/\bto\s*$/i)), end: b.end };
    }
  }
  return undefined;
}
