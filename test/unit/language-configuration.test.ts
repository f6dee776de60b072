// language-configuration.json: parses, its regexes compile (VS Code would drop a bad one silently),
// and they do what they are for on sample lines: word selection keeps OKR tokens whole, Enter indents
// after `key:` and keeps a list item's key column after `- key: value`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

interface OnEnterRule {
  beforeText: string;
  afterText?: string;
  previousLineText?: string;
  action: { indent: 'none' | 'indent' | 'outdent' | 'indentOutdent'; appendText?: string };
}

interface LanguageConfiguration {
  comments: { lineComment: string };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { offSide: boolean; markers: { start: string; end: string } };
  wordPattern: string;
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
  onEnterRules: OnEnterRule[];
}

const FILE = path.resolve(__dirname, '../../language-configuration.json');
const config = JSON.parse(fs.readFileSync(FILE, 'utf8')) as LanguageConfiguration;

/** The word at `column` as VS Code finds it: the wordPattern match that contains the column. */
function wordAt(line: string, column: number): string | undefined {
  const re = new RegExp(config.wordPattern, 'g');
  for (const m of line.matchAll(re)) {
    if (m.index <= column && column <= m.index + m[0].length) return m[0];
  }
  return undefined;
}

/** What pressing Enter at the end of `line` inserts before the cursor on the new line. */
function enterAfter(line: string, tabSize = 2): string {
  const indent = /^\s*/.exec(line)![0];
  for (const rule of config.onEnterRules) {
    if (!new RegExp(rule.beforeText).test(line)) continue;
    const { indent: how, appendText = '' } = rule.action;
    const base = how === 'indent' ? indent + ' '.repeat(tabSize) : how === 'outdent' ? indent.slice(tabSize) : indent;
    return base + appendText;
  }
  // No rule: VS Code keeps the indentation (and applies increaseIndentPattern with autoIndent=full).
  return new RegExp(config.indentationRules.increaseIndentPattern).test(line) ? indent + ' '.repeat(tabSize) : indent;
}

describe('language-configuration.json', () => {
  it('declares # comments, brackets, auto-closing and surrounding pairs, off-side folding', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
    const auto = config.autoClosingPairs.map((p) => p.open + p.close);
    assert.deepEqual(auto, ['{}', '[]', '""', "''"]);
    for (const q of config.autoClosingPairs.filter((p) => p.open === '"' || p.open === "'")) assert.ok(q.notIn?.includes('string'));
    assert.deepEqual(config.surroundingPairs.map((p) => p.join('')), ['{}', '[]', '""', "''"]);
    assert.equal(config.folding.offSide, true);
  });

  it('every regex compiles', () => {
    const patterns = [
      config.wordPattern,
      config.folding.markers.start,
      config.folding.markers.end,
      config.indentationRules.increaseIndentPattern,
      config.indentationRules.decreaseIndentPattern,
      ...config.onEnterRules.flatMap((r) => [r.beforeText, r.afterText, r.previousLineText].filter((x): x is string => x !== undefined)),
    ];
    for (const p of patterns) assert.doesNotThrow(() => new RegExp(p), p);
    // The word pattern must not match the empty string (VS Code would loop on it).
    assert.equal(new RegExp(config.wordPattern).exec('   ')?.[0], undefined);
  });

  describe('wordPattern keeps OKR tokens whole', () => {
    const cases: [line: string, at: string, word: string][] = [
      ['owner: "@dana"', 'dana', '@dana'],
      ['  - id: checkout-errors', 'errors', 'checkout-errors'],
      ['period: 2026-Q4', 'Q4', '2026-Q4'],
      ['aligns_to: company#quality', 'quality', 'company#quality'],
      ['aligns_to: teams/platform#kubernetes-upgrade/clusters-upgraded', 'upgrade/', 'teams/platform#kubernetes-upgrade/clusters-upgraded'],
      ['    key_results:', 'results', 'key_results'],
      ['        baseline: 99.2', '99', '99.2'],
      ['        baseline: -0.5', '0.5', '-0.5'],
      ['links: ["INFRA-311", "/src/checkout/retry.ts#L1-L12"]', 'INFRA', 'INFRA-311'],
      ['links: ["INFRA-311", "/src/checkout/retry.ts#L1-L12"]', 'retry', '/src/checkout/retry.ts#L1-L12'],
      ['title: Ship it by 2026-12-15.', '12-15', '2026-12-15'],
      ['title: Make checkout reliable.', 'reliable', 'reliable'],
      ['$schema: ./okr.schema.json', 'schema:', '$schema'],
    ];
    for (const [line, at, word] of cases) {
      it(`${JSON.stringify(line)} at "${at}" -> ${word}`, () => {
        assert.equal(wordAt(line, line.indexOf(at) + 1), word);
      });
    }
  });

  describe('Enter', () => {
    const cases: [line: string, next: string, why: string][] = [
      ['objectives:', '  ', 'indents after a key without a value'],
      ['    key_results:   # the results', '      ', 'indents after a key with a trailing comment'],
      ['  - id: kubernetes-upgrade', '    ', 'keeps the list item key column after "- key: value"'],
      ['      - id: ci-time  # fast', '        ', 'same, with a comment'],
      ['  - key_results:', '      ', 'indents under a key on a list item'],
      ['    title: Run every service on Kubernetes', '    ', 'keeps the indentation after "key: value"'],
      ['    description: |', '      ', 'indents after a block scalar indicator'],
      ['          - {date: 2026-10-20, value: 4}', '          ', 'keeps the indentation after a flow check-in'],
      ['    links: [', '      ', 'indents after an open bracket'],
      ['# okr-disable-next-line kr-compound', '', 'does not indent after a comment'],
      ['    title: "a: b"', '    ', 'a colon inside a quoted value is not a key'],
    ];
    for (const [line, next, why] of cases) {
      it(`${why}: ${JSON.stringify(line)}`, () => assert.equal(enterAfter(line), next));
    }
  });

  it('decreases the indentation of a closing bracket line', () => {
    const re = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(re.test('    ]'));
    assert.ok(re.test('  }'));
    assert.ok(!re.test('    - id: x'));
  });

  it('folding markers match #region / #endregion comments', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('  # region Reliability'));
    assert.ok(new RegExp(config.folding.markers.end).test('  #endregion'));
    assert.ok(!new RegExp(config.folding.markers.start).test('region: x'));
  });
});
