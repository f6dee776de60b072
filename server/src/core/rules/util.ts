import type { Field } from '../model';
import type { Range } from '../positions';
import type { RuleContext } from './rule';

/**
 * The range of characters [start, end) of a string field's value. Precise when the source holds the
 * value verbatim (plain or simply quoted on one line); otherwise the whole value, which is never wrong.
 */
export function subRange(ctx: Pick<RuleContext, 'doc'>, field: Field, start: number, end: number): Range {
  const { lines } = ctx.doc;
  // The text as held: an edited version's is not made one string for this (edited-text.ts).
  const text = lines.textSource;
  let s = lines.offsetAt(field.valueRange.start);
  const e = lines.offsetAt(field.valueRange.end);
  const quote = text.charCodeAt(s);
  if (quote === 34 /* " */ || quote === 39 /* ' */) s++;
  if (typeof field.value === 'string' && text.slice(s, s + field.value.length) === field.value) {
    return lines.range(s + start, s + end);
  }
  return lines.range(lines.offsetAt(field.valueRange.start), e);
}
