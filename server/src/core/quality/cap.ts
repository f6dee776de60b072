/**
 * How much of a title the text analysis reads. The analysis is a few dozen regular expressions and
 * word scans; on a title of a megabyte (pasted by mistake, or written to hurt) even linear passes
 * add up, and a single pattern gone quadratic would hold the server for minutes. Key-result titles
 * are short: the longest of the 2,409 labelled ones is 586 characters. Past the cap the verdict
 * could not change anyway: it is already decided by what the first sentences say.
 * Documented in docs/reliability.md ("Bounds") and docs/rules/kr-not-measurable.md.
 */
export const ANALYSED_CHARS = 1_000;

/** The part of `text` that is analysed: all of it up to ANALYSED_CHARS, else a prefix ending on a word boundary. */
export function analysedPart(text: string): string {
  if (text.length <= ANALYSED_CHARS) return text;
  let end = ANALYSED_CHARS;
  // End before a space when one is near, so the last word (or number: "1000" must not read "10") is whole.
  const space = text.lastIndexOf(' ', end);
  if (space > end - 100) end = space;
  else if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
