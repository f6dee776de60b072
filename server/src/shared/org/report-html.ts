// The shareable organisation report: one self-contained HTML file. The view model goes in a JSON data
// block (never markup: `<` is escaped so no title can close the block); the same page script and style
// sheet as the organisation panel are inlined, allowed by their SHA-256 hashes under a CSP of
// default-src 'none', so the file reaches no network and runs nothing else. Written by `okr report
// --format html` and by the extension's "OKR: Export Organisation Report".
import { createHash } from 'node:crypto';
import { escapeHtml } from '../html-escape';
import type { OrgView } from './view';

export interface OrgReportInput {
  view: OrgView;
  /** dist/webview/org.js. */
  script: string;
  /** media/org/report.css (the light and dark theme) then media/org/org.css. */
  style: string;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;


/** JSON safe inside a script element: no `</script`, no `<!--`. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function reportCsp(script: string, style: string): string {
  return [`default-src 'none'`, `script-src ${sha256(script)}`, `style-src ${sha256(style)}`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}

export function orgReportHtml(input: OrgReportInput): string {
  // No source map comment: it names a file the reader does not have. ("[M]": the bundles that carry
  // this function must not hold the comment's own text, which tools read as a source map reference.)
  const script = input.script.replace(/\n\/\/# source[M]appingURL=\S*\s*$/, '\n');
  const style = input.style;
  if (/<\/script/i.test(script) || /<\/style/i.test(style)) throw new Error('the report script or style holds a closing tag');
  const title = `OKR report · as of ${input.view.today}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportCsp(script, style))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main id="app" aria-busy="true"><noscript>This report draws its alignment map with JavaScript.</noscript></main>
<script type="application/json" id="okr-data">${jsonForScript(input.view)}</script>
<script>${script}</script>
</body>
</html>
`;
}
