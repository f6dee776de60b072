// The safe fixes that `okr check --fix` and the editor's source.fixAll apply: which ones, how they
// combine, and that the edits they return are as small as the single quick fixes.
import * as assert from 'node:assert/strict';
import {
  applyEdits,
  applyOffsetEdits,
  analyzeDocument,
  composeEdits,
  fixAll,
  mergeConfig,
  parseOkrDocument,
  safeFixes,
  SAFE_FIX_KINDS,
  type OffsetEdit,
} from '../../../server/src/core';

const OPTIONS = { config: mergeConfig(), today: '2026-11-20' };

const TEXT = `# Web team
period: 2026-Q4 # this quarter
owner: '@dana'
objectives:
  - id: checkout   # the main one
    title: Make checkout reliable
    type: 'commited'
    key_results:
      # latency first
      - id: latency
        title: "Cut p95 latency from 800 ms to 300 ms" # draft
        tagret: 1
      - id: referral
        title: Launch the referral program
`;

function doc(text: string) {
  return parseOkrDocument(text, 'file:///ws/web.okr');
}

describe('fix all: the safe fixes of a document', () => {
  it('fixes misspelt keys and values in place, keeping quotes, comments and layout', () => {
    const r = fixAll(doc(TEXT), OPTIONS);
    assert.equal(r.text, TEXT.replace("type: 'commited'", "type: 'committed'").replace('tagret: 1', 'target: 1'));
    assert.deepEqual(
      r.fixed.map((f) => [f.rule, f.title, f.range.start.line]),
      [
        ['schema', "Change to 'committed'", 6],
        ['schema', "Rename 'tagret' to 'target'", 11],
      ],
    );
    // The edits are the two single quick fixes, not a rewrite of the file.
    assert.deepEqual(r.edits.map((e) => e.newText), ['committed', 'target']);
    assert.equal(applyEdits(TEXT, r.edits, doc(TEXT).lines), r.text);
  });

  it('leaves the fixes that add content or silence rules to the author', () => {
    const before = analyzeDocument(doc(TEXT), OPTIONS);
    assert.ok(before.some((d) => d.data?.kind === 'add-owner' || d.data?.kind === 'add-checkin' || d.rule === 'kr-not-measurable'), 'the file has such problems');
    assert.deepEqual([...SAFE_FIX_KINDS].sort(), ['rename-key', 'replace-value']);
    const after = analyzeDocument(fixAll(doc(TEXT), OPTIONS).doc, OPTIONS);
    assert.ok(!after.some((d) => d.data && SAFE_FIX_KINDS.has(d.data.kind)), 'no safe fix left');
    assert.ok(after.length > 0, 'the other problems remain');
  });

  it('takes a second pass when a fix reveals another: a renamed key whose value is misspelt too', () => {
    const text = TEXT.replace("    type: 'commited'\n", '    typ: comitted\n');
    const r = fixAll(doc(text), OPTIONS);
    assert.ok(r.text.includes('    type: committed\n'), r.text);
    assert.deepEqual(r.fixed.map((f) => f.title), ["Rename 'typ' to 'type'", "Rename 'tagret' to 'target'", "Change to 'committed'"]);
    assert.equal(applyEdits(text, r.edits, doc(text).lines), r.text, 'the composed edits apply to the original text');
  });

  it('never renames a key to one its map already has, nor two keys to the same one', () => {
    const dup = TEXT.replace('        tagret: 1\n', '        tagret: 1\n        target: 2\n');
    assert.ok(!fixAll(doc(dup), OPTIONS).fixed.some((f) => f.title.includes('tagret')));
    const two = TEXT.replace('        tagret: 1\n', '        tagret: 1\n        targte: 2\n');
    const r = fixAll(doc(two), OPTIONS);
    assert.equal(r.fixed.filter((f) => f.title.endsWith("to 'target'")).length, 1);
    assert.equal(doc(r.text).yamlErrors.length, 0, 'no duplicate key');
  });

  it('touches nothing in a file with YAML errors, and returns the input when there is nothing to fix', () => {
    const broken = TEXT + '  - id: "unterminated\n';
    const r = fixAll(doc(broken), OPTIONS);
    assert.equal(r.text, broken);
    assert.deepEqual(r.edits, []);
    const clean = 'period: 2026-Q4\nobjectives: []\n';
    assert.deepEqual(fixAll(doc(clean), OPTIONS).fixed, []);
  });

  it('a suppressed or disabled diagnostic is not fixed', () => {
    const suppressed = TEXT.replace('        tagret: 1\n', '        # okr-disable-next-line schema\n        tagret: 1\n');
    assert.ok(!fixAll(doc(suppressed), OPTIONS).fixed.some((f) => f.title.includes('tagret')));
    const off = { ...OPTIONS, config: mergeConfig({ rules: { schema: 'off' } }) };
    assert.deepEqual(fixAll(doc(TEXT), off).fixed, []);
  });

  it('safeFixes drops a fix whose edit overlaps one already taken', () => {
    const d = doc(TEXT);
    const diags = analyzeDocument(d, OPTIONS);
    const twice = [...diags, ...diags];
    assert.equal(safeFixes(d, twice).length, safeFixes(d, diags).length);
  });
});

describe('composeEdits: edits of a later pass as edits of the original text', () => {
  // A small deterministic generator: the property must hold for any two passes of non-overlapping edits.
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const randomEdits = (text: string): OffsetEdit[] => {
    const out: OffsetEdit[] = [];
    let at = 0;
    while (at <= text.length && out.length < 4) {
      const start = at + rand(6);
      if (start > text.length) break;
      const end = Math.min(text.length, start + rand(4));
      out.push({ start, end, text: 'xyz'.slice(0, rand(4)) });
      at = end + 1;
    }
    return out;
  };

  it('gives the same text as applying the passes in turn (500 random cases)', () => {
    for (let i = 0; i < 500; i++) {
      const original = 'abcdefghijklmnopqrstuvwxyz'.slice(0, 5 + rand(20));
      const first = randomEdits(original);
      const mid = applyOffsetEdits(original, first);
      const second = randomEdits(mid);
      const expected = applyOffsetEdits(mid, second);
      const composed = composeEdits(original, first, second);
      assert.equal(applyOffsetEdits(original, composed), expected, JSON.stringify({ original, first, second, composed }));
      for (let j = 1; j < composed.length; j++) assert.ok(composed[j - 1]!.end <= composed[j]!.start, 'sorted and not overlapping');
    }
  });

  it('keeps separate edits separate and drops an edit undone by a later one', () => {
    const original = 'type: commited\ntagret: 1\n';
    const first = [{ start: 12, end: 12, text: 't' }];
    assert.equal(applyOffsetEdits(original, first), 'type: committed\ntagret: 1\n');
    const second = [{ start: 16, end: 22, text: 'target' }];
    assert.deepEqual(composeEdits(original, first, second), [
      { start: 12, end: 12, text: 't' },
      { start: 15, end: 21, text: 'target' },
    ]);
    assert.deepEqual(composeEdits(original, first, [{ start: 12, end: 13, text: '' }]), [], 'inserting then deleting the same letter changes nothing');
  });
});
