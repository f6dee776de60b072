// Markdown built from file text: titles, owners, reasons, team names and file names come from .okr
// files that any pull request can change, so none of it may become a live link, image, heading or
// HTML. The one place that escapes it, for the server's hovers, `okr report` and the client's
// tooltips and status bar.

/**
 * Text as literal Markdown: the punctuation Markdown or HTML reads as markup is backslash-escaped
 * (CommonMark lets any ASCII punctuation be), so `[x](javascript:…)`, `![i](…)`, `<img>`, `*bold*`,
 * `# heading` or `1. list` show as written. `-`, `+`, `=` and a number's `.` mean something only at
 * the start of a line (a list item, a setext underline): escaped there only, so "99.2%" and
 * "p95-latency" stay readable in the Markdown source.
 */
export function mdText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#!<>|~&]/g, '\\$&')
    .replace(/^([ \t]*)([-+=])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.');
}

/**
 * A code span holding `text` as written, whatever backticks it contains: the fence is one backtick
 * longer than the longest run inside, padded with a space when the text starts or ends with one.
 * Line breaks become spaces (a span is one line). Inside a span nothing is markup, HTML included.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each side of a span that has both; a backtick at either end
  // would merge with the fence.
  const pad = /^`|`$/.test(flat) || (/^ .*\S.* $/.test(flat)) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** Text for a cell of a Markdown table: literal, on one line (a pipe or a line break would end the cell). */
export function tableCell(text: string): string {
  return mdText(text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' '));
}

/** A code span in a table cell: GitHub's tables need the span's pipes escaped too. */
export function tableCode(text: string): string {
  return codeSpan(text).replace(/\|/g, '\\|');
}
