// Markdown built from file text stays text: rendered by a real Markdown engine (markdown-it, which
// VS Code's preview uses), no hostile title, team or file name becomes a link, an image, a heading,
// emphasis or HTML, and every one shows as written. Also where that Markdown is built: hovers,
// `okr report`, the client's tooltips and status bar.
import * as assert from 'node:assert/strict';
import { codeSpan, mdText, tableCell, tableCode } from '../../server/src/shared/markdown';

// markdown-it ships no types; the one call the test makes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: unknown) => { render(md: string): string; renderInline(md: string): string };
const md = new MarkdownIt({ html: true, linkify: false });

export const HOSTILE = [
  '[click](javascript:alert(1))', '![x](https://evil.example/t.png)', '<img src=x onerror=alert(1)>', '<b>bold</b>', '**strong** _em_ ~~del~~',
  '# heading', '1. list', '- item', '> quote', '`code` and ``two``', 'a | b', '[ref]: https://evil.example', '&lt;entity&gt;', 'back\\slash\\',
  'setext\n===', 'line\n# two', '<https://auto.example>', '[x]', '*', '`', '``` fence', '\\*not\\*',
];

/** The text a rendered fragment shows, with entities decoded. */
function shown(html: string): string {
  return html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').trim();
}

export function assertInert(html: string, what: string): void {
  assert.doesNotMatch(html, /<(a|img|h\d|em|strong|s|del|blockquote|ol|ul|li|b|script|table)\b/i, `${what} rendered as markup: ${html}`);
}

describe('markdown from file text', () => {
  it('mdText: renders as exactly the text, with no markup', () => {
    for (const text of HOSTILE) {
      const html = md.render(mdText(text));
      assertInert(html, JSON.stringify(text));
      assert.equal(shown(html).replace(/\s+/g, ' '), text.replace(/\s+/g, ' '), JSON.stringify(text));
    }
  });

  it('codeSpan: one code element holding the text, whatever backticks or HTML it has', () => {
    for (const text of [...HOSTILE, 'okrs/`x`.okr', '``', ' lead', 'trail ', ' both ', '<details open>']) {
      const html = md.renderInline(codeSpan(text));
      assert.match(html, /^<code>[^<]*<\/code>$/, `${JSON.stringify(text)}: ${html}`);
      assert.equal(shown(html), text.replace(/[\r\n]+/g, ' ').trim(), JSON.stringify(text));
    }
  });

  it('tableCell and tableCode keep a table row one row of the same cells', () => {
    for (const text of HOSTILE) {
      const html = md.render(`| a | b |\n|---|---|\n| ${tableCell(text)} | ${tableCode(text)} |\n`);
      assert.equal((html.match(/<td>/g) ?? []).length, 2, `${JSON.stringify(text)}: ${html}`);
      assertInert(html.replace(/<\/?(table|thead|tbody|tr|th|td|code)>/g, ''), JSON.stringify(text));
    }
  });
});
