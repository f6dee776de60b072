// The schema rule validates objective by objective (cached by source text) when it safely can, and the
// whole file otherwise. Both paths must report exactly the same problems.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, mergeConfig, parseOkrDocument } from '../../server/src/core';
import { generateOkr } from '../../scripts/bench/generate';

const CONFIG = mergeConfig();
const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples', 'okrs');

const BROKEN = `period: 2026-Q4
team: 12
ownr: "@dana"
objectives:
  - id: Reliability
    title: Make checkout reliable
    type: comitted
    weight: -1
    key_results:
      - id: crash-free
        title: Raise crash-free sessions from 99.2% to 99.8%
        baseline: "99.2"
        target: 99.8
        tagret: 1
        checkins:
          - {date: 2026-10-6, value: 99.3, confidence: 1.5}
          - {value: 99.4}
      - title: no id here
        guardrail: above
  - id: second
    key_results: []
  - just a string
  - id: third
    title: Third
    key_results:
      - id: a
        title: A
        links: "not a list"
`;

function schemaDiagnostics(text: string): string[] {
  const doc = parseOkrDocument(text, 'file:///x.okr');
  return analyzeDocument(doc, { config: CONFIG, today: '2026-11-20' })
    .filter((d) => d.rule === 'schema')
    .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`);
}

/** An anchor in a trailing comment sends the rule down the whole-file path without moving anything. */
function wholeFilePath(text: string): string {
  return text + (text.endsWith('\n') ? '' : '\n') + '# &whole-file\n';
}

describe('schema rule: per-objective validation equals whole-file validation', () => {
  const cases: Array<[string, string]> = [
    ['broken', BROKEN],
    ['generated 20x5', generateOkr(20, 5).text],
    ...fs
      .readdirSync(EXAMPLES, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.okr'))
      .map((f): [string, string] => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')]),
  ];
  for (const [name, text] of cases) {
    it(name, () => assert.deepEqual(schemaDiagnostics(text), schemaDiagnostics(wholeFilePath(text))));
  }

  it('the broken fixture really has problems at every level (the comparison is not vacuous)', () => {
    const found = schemaDiagnostics(BROKEN).join('\n');
    for (const needle of ["Unknown key 'ownr'", "Unknown key 'tagret'", "is 'comitted'; it must be one of 'aspirational', 'committed'. Did you mean 'committed'?", '`weight` must be at least 0', '`confidence` must be at most 1', 'Missing required key', 'Item 3 of `objectives`', '`links`', '`team`']) {
      assert.ok(found.includes(needle), `${needle} in\n${found}`);
    }
  });

  it('the same objective text is validated once and its problems follow it when lines move', () => {
    const shifted = BROKEN.replace('period: 2026-Q4\n', 'period: 2026-Q4\n# a comment that moves everything down\n');
    const a = schemaDiagnostics(BROKEN);
    const b = schemaDiagnostics(shifted);
    assert.equal(a.length, b.length);
    const lineOf = (d: string) => Number(d.split(':')[0]);
    a.forEach((d, i) => assert.equal(lineOf(b[i]!), lineOf(d) + 1, `${d} / ${b[i]}`));
  });
});

describe('schema rule: keys named like Object properties', () => {
  it('a top-level __proto__, constructor or prototype is an unknown key, and what it holds counts for nothing', () => {
    assert.deepEqual(schemaDiagnostics('__proto__:\n  period: 2026-Q4\n  objectives: []\nconstructor: 1\nprototype: 2\n'), [
      "0:0-0:10 Missing required key 'period' in the file.",
      "0:0-0:10 Missing required key 'objectives' in the file.",
      "0:0-0:9 Unknown key '__proto__' in the file. Known keys: $schema, period, team, owner, description, aligns_to, objectives.",
      "3:0-3:11 Unknown key 'constructor' in the file. Known keys: $schema, period, team, owner, description, aligns_to, objectives.",
      "4:0-4:9 Unknown key 'prototype' in the file. Known keys: $schema, period, team, owner, description, aligns_to, objectives.",
    ]);
    const doc = parseOkrDocument('__proto__:\n  period: 2026-Q4\n  team: x\n', 'file:///x.okr');
    assert.equal(doc.period, undefined);
    assert.equal(doc.team, undefined);
  });
});
