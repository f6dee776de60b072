// The extraction the Neovim and Emacs tests rely on: a README edit that moves, empties or renames a
// snippet fails loudly instead of testing something else.
import * as assert from 'node:assert/strict';
import { README_SERVER_PLACEHOLDER, readmeSnippet, withServerPath } from './readme-snippets';

const README = ['# Title', '', '<!-- demo-snippet: a test runs this -->', '```lua', "print('a')", "cmd = { 'node', '/path/to/okr-as-code/dist/server.js' }", '```', '', '```lua', 'other()', '```'].join('\n');

describe('README snippets for the editor tests', () => {
  it('takes the fenced block right after the marker, without the fences', () => {
    assert.equal(readmeSnippet('demo-snippet', README), "print('a')\ncmd = { 'node', '/path/to/okr-as-code/dist/server.js' }\n");
  });

  it('fails on a missing marker, or a marker not followed by a block', () => {
    assert.throws(() => readmeSnippet('other-snippet', README), /no '<!-- other-snippet' marker/);
    assert.throws(() => readmeSnippet('demo-snippet', README.replace('<!-- demo-snippet: a test runs this -->', '<!-- demo-snippet -->\nSome text.')), /not followed by a fenced code block/);
  });

  it('puts the server path in place of the placeholder, which must be there exactly once', () => {
    const snippet = readmeSnippet('demo-snippet', README);
    assert.match(withServerPath(snippet, '/srv/okr/dist/server.js'), /'\/srv\/okr\/dist\/server\.js'/);
    assert.throws(() => withServerPath(snippet.replace(README_SERVER_PLACEHOLDER, '/elsewhere/server.js'), '/srv/s.js'), /once, found 0/);
    assert.throws(() => withServerPath(snippet + snippet, '/srv/s.js'), /once, found 2/);
    assert.throws(() => withServerPath(snippet, "/srv/o'k/server.js"), /quote or backslash/);
  });

  it('finds the README\'s real snippets', () => {
    for (const marker of ['neovim-snippet 0.7', 'neovim-snippet 0.8', 'emacs-eglot-snippet']) {
      assert.ok(readmeSnippet(marker).includes(README_SERVER_PLACEHOLDER), marker);
    }
  });
});
