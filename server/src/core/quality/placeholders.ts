/**
 * Two ways a KR can look finished yet give the reader nothing to check:
 *  - template text left in place ("TODO", "Key result 1", "X%", "<metric>", "???");
 *  - a target that is only pointed to ("meet the hiring targets", "at or above target",
 *    the handbook's redacted "[N2]"). Guide §1.1: the text must carry the target itself.
 */
import type { Quantity } from './types';

export interface Span { text: string; start: number; end: number }

const PLACEHOLDER_RES: RegExp[] = [
  /\b(?:TODO|TBD|TBC|FIXME|XXX+|lorem\s+ipsum)\b/i,
  /^\s*(?:new\s+)?(?:key\s+result|kr)\s*#?\d*\s*[:.]?\s*$/i,
  /^\s*(?:key\s+result|kr)\s*#?\d+\s*[:.-]/i,
  /^\s*new\s+(?:key\s+result|kr)\b/i,
  /\?{2,}/,
  /<[a-z][\w\s-]*>/i,
  /\[(?:metric|number|target|baseline|value|date|x|n|unit|insert[^\]]*|add[^\]]*)\]/i,
  /(?<![\w])\{\{?\s*[\w\s]+\}?\}/,
  /^\s*(?:\.{3}|…|-|—)?\s*$/,
];

/** Unreplaced template text, if any; amount placeholders come from the quantity pass. */
export function findPlaceholder(text: string, quantities: Quantity[]): Span | undefined {
  let best: Span | undefined;
  for (const re of PLACEHOLDER_RES) {
    const m = re.exec(text);
    if (m && (!best || m.index < best.start)) best = { text: m[0].trim() || text, start: m.index, end: m.index + m[0].length };
  }
  for (const q of quantities) {
    if (q.kind !== 'placeholder' || /^\[\$?N\d*\]$/.test(q.text)) continue; // redactions are target references
    if (!best || q.start < best.start) best = { text: q.text, start: q.start, end: q.end };
  }
  return best;
}

// A target noun named instead of given: "hiring targets", "the error budget", "quota".
const REFERENCE_RES: RegExp[] = [
  /\bmeet(?:s|ing)?\s+(?:(?:all|the|our|its|their|every|each)\s+)?(?:[\p{L}\d-]+\s+){0,3}(?:targets?|goals?|quotas?|plans?|budgets?|expectations|commitments?|objectives?|SLAs?|SLOs?|requirements)\b/iu,
  /\b(?:at\s+or\s+(?:above|below)|on|above|below|under|over|within|at|hit(?:s|ting)?|reach(?:es|ing)?|exceed(?:s|ing)?|beat(?:s|ing)?)\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\p{L}\d-]+\s+){0,2}(?:targets?|goals?|quotas?|error\s+budgets?|budgets?|SLAs?|SLOs?|expectations)\b/iu,
  /\bto\s+(?:the\s+|our\s+)?(?:[\p{L}\d-]+\s+)?(?:targets?|goals?|quotas?)\b/iu,
  // "Hit and track all team revenue goals": a quantifier over targets gives no value.
  /\b(?:hit|meet|achieve|reach)(?:s|ing)?\b(?:\s+and\s+\p{L}+)?\s+(?:all|every|each)\s+(?:(?:of\s+)?(?:the|our|its|their)\s+)?(?:[\p{L}\d-]+\s+){0,3}(?:targets?|goals?|quotas?|plans?)\b/iu,
  /\b(?:as|according\s+to|per|vs\.?)\s+(?:the\s+)?plan(?:ned)?\b/i,
  /\[\$?N\d*\]/,
  /\b(?:agreed|defined|set|target)\s+(?:levels?|thresholds?|values?)\b/i,
];

/**
 * A target pointed to but not given. Skipped when an amount sits right before the
 * reference ("85% of the plan", "within 80% of the mistake budget"): then the text
 * does carry its target, relative to a named reference (guide §1.1).
 */
// Cheap gate: every reference pattern needs one of these words.
const REFERENCE_GATE = /target|goal|quota|budget|plan|sla|slo|expectation|commitment|objective|requirement|level|threshold|value|\[\$?N/i;

export function findTargetReference(text: string, quantities: Quantity[]): Span | undefined {
  if (!REFERENCE_GATE.test(text)) return undefined;
  for (const re of REFERENCE_RES) {
    const m = re.exec(text);
    if (!m) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const amountRight = quantities.some(
      (q) => q.kind !== 'date' && q.kind !== 'placeholder' && q.kind !== 'quantifier' && (
        (q.end <= start + m[0].length && q.end >= start - 12) || (q.start >= end && q.start <= end + 4)),
    );
    if (amountRight && !/\[\$?N\d*\]/.test(m[0])) continue;
    return { text: m[0], start, end };
  }
  return undefined;
}
