// Incremental analysis: after an edit inside one objective, analyzeDocument re-checks that objective
// only and keeps the others' diagnostics, and the result equals a full analysis of a full parse,
// including the rules that compare objectives (duplicate ids, counts), suppressions and lines moved.
import * as assert from 'node:assert/strict';
import { analysisStats, analyzeDocument } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import type { OkrDocument } from '../../server/src/core/model';
import { parseOkrDocument } from '../../server/src/core/parse';
import { reparseOkrDocument, reparseStats } from '../../server/src/core/reparse';
import { generateRealisticOkr } from '../../scripts/bench/generate';

const URI = 'file:///ws/team.okr';
const OPTIONS = { config: mergeConfig(), today: '2026-11-20', path: '/ws/team.okr' };

/** Re-parses `doc` with `text` (asserting the fast path) and compares its analysis with a full one; returns it. */
function step(doc: OkrDocument, text: string, what: string, checked = 1): OkrDocument {
  const fast = reparseStats.incremental;
  const next = reparseOkrDocument(doc, text, doc.version + 1);
  assert.equal(reparseStats.incremental, fast + 1, `${what}: the re-parse fell back (${reparseStats.lastFallback})`);
  const before = analysisStats.objectivesChecked;
  const incremental = analyzeDocument(next, OPTIONS);
  assert.equal(analysisStats.objectivesChecked - before, checked, `${what}: objectives checked again`);
  const full = analyzeDocument(parseOkrDocument(text, URI, next.version), OPTIONS);
  assert.deepEqual(incremental, full, `${what}: diagnostics differ from a full analysis`);
  return next;
}

function replaceLine(text: string, line: number, make: (l: string) => string): string {
  const lines = text.split('\n');
  lines[line] = make(lines[line]!);
  return lines.join('\n');
}

describe('incremental analysis', () => {
  const { text, probe } = generateRealisticOkr(30, 5);

  it('re-checks only the objective an edit touched, and equals a full analysis', () => {
    let doc = parseOkrDocument(text, URI, 1);
    analyzeDocument(doc, OPTIONS);
    let current = text;
    for (const ch of [...' now']) {
      current = replaceLine(current, probe.titleLine, (l) => l + ch);
      doc = step(doc, current, `typing '${ch}'`);
    }
  });

  it('keeps rules that compare objectives right: a duplicate objective id made and mended by an edit', () => {
    let doc = parseOkrDocument(text, URI, 1);
    analyzeDocument(doc, OPTIONS);
    const line = text.split('\n').indexOf('  - id: o20');
    const dup = replaceLine(text, line, () => '  - id: o3');
    doc = step(doc, dup, 'a duplicate id');
    assert.ok(analyzeDocument(doc, OPTIONS).some((d) => d.rule === 'duplicate-id'), 'the duplicate is reported');
    doc = step(doc, text, 'the id mended');
    assert.ok(!analyzeDocument(doc, OPTIONS).some((d) => d.rule === 'duplicate-id'));
  });

  it('moves the diagnostics after an edit that adds or removes lines', () => {
    let doc = parseOkrDocument(text, URI, 1);
    analyzeDocument(doc, OPTIONS);
    const at = text.indexOf('\n', text.indexOf('    key_results:', text.indexOf('  - id: o12\n'))) + 1;
    const kr = '      - id: extra\n        title: Improve things\n';
    doc = step(doc, text.slice(0, at) + kr + text.slice(at), 'a key result added');
    doc = step(doc, text, 'the key result removed');
  });

  it('honours a suppression comment in another objective, and a change of how the schema is checked', () => {
    const suppressed = replaceLine(text, text.split('\n').indexOf('  - id: o25'), (l) => `  # okr-disable-next-line\n${l}`);
    let doc = parseOkrDocument(suppressed, URI, 1);
    analyzeDocument(doc, OPTIONS);
    const titleLine = suppressed.split('\n').findIndex((l) => l.startsWith('    title: ') && l.includes('search'));
    doc = step(doc, replaceLine(suppressed, titleLine, (l) => l + ' now'), 'an edit elsewhere');
    // Text that looks like an alias makes the schema rule check the whole file at once: every objective again.
    doc = step(doc, replaceLine(suppressed, titleLine, (l) => l + ' *now'), 'alias-like text', doc.objectives.length);
  });
});
