// `okr report` writes Markdown for pull-request comments and wikis from text anyone can put in an
// .okr file (and its name): rendered, none of it becomes a link, an image, HTML or a heading.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ensureBuilt, okr, tempDir, write } from './helpers';

// markdown-it ships no types; the one call the test makes.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const MarkdownIt = require('markdown-it') as new (options?: unknown) => { render(md: string): string };

describe('okr report: text from files stays text', () => {
  let t: ReturnType<typeof tempDir>;
  before(ensureBuilt);
  beforeEach(() => (t = tempDir()));
  afterEach(() => t.cleanup());

  it('escapes file names, teams, titles, ids and reasons', () => {
    const name = 'x` <img src=x onerror=alert(1)> `y.okr';
    write(
      path.join(t.dir, name),
      [
        'period: 2026-Q4',
        'team: "<b>Team</b> [home](https://evil.example)"',
        'objectives:',
        '  - id: o',
        '    title: "[click me](javascript:alert(1)) ![pixel](https://evil.example/p.png)"',
        '    status: dropped',
        '    reason: "<script>alert(1)</script> # not a heading"',
        '    key_results:',
        '      - id: k',
        '        title: "Raise *signups* from 10 to 20 <details open>"',
        '        baseline: 10',
        '        target: 20',
        '',
      ].join('\n'),
    );
    const r = okr(['report', '.', '--today', '2026-11-20'], { cwd: t.dir });
    assert.equal(r.code, 0, r.stderr);
    const html = new MarkdownIt({ html: true }).render(r.stdout);
    assert.doesNotMatch(html, /<(a|img|script|details|b)\b/i, html);
    assert.doesNotMatch(html, /<em>signups/, html);
    // The file name is one code span, shown as written.
    assert.ok(html.includes('<h2><code>x` &lt;img src=x onerror=alert(1)&gt; `y.okr</code></h2>'), html);
    assert.ok(html.includes('[click me](javascript:alert(1))'), 'the title shows as written');
  });
});
