import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { DEV_SET, labelledFiles, loadLabelledRows, type LabelledRow } from '../../../scripts/quality/dataset';
import { crossValidate, summarise } from '../../../scripts/quality/lopo';
import { currentSection, DOC, lopoMarkdown, runLopo, type LopoResult } from '../../../scripts/quality/lopo-report';

const row = (text: string, label: 'vague' | 'measurable', publisher: string): LabelledRow =>
  ({ id: text, text, label, reasons: [], source: publisher, publisher, file: 'test' });

describe('quality/lopo: leave-one-publisher-out cross-validation', () => {
  it('never shows a fold its left-out publisher\'s rows', () => {
    const rows = [row('a', 'vague', 'x'), row('b', 'measurable', 'x'), row('c', 'vague', 'y'), row('d', 'measurable', 'z')];
    const seen: string[] = [];
    crossValidate(rows, (held, training) => {
      const left = held[0]!.publisher;
      assert.ok(held.every((r) => r.publisher === left));
      assert.ok(training.every((r) => r.publisher !== left), `fold ${left} trained on its own rows`);
      assert.equal(held.length + training.length, rows.length);
      seen.push(left);
      return held.map(() => true);
    });
    assert.deepEqual(seen, ['x', 'y', 'z']);
  });

  it('never trains or cross-validates on the blind probe (it stands in for publishers no one has read)', () => {
    const probeIds = new Set(fs.readdirSync('test/fixtures/quality/probe').filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => fs.readFileSync(`test/fixtures/quality/probe/${f}`, 'utf8').split('\n').filter(Boolean))
      .map((l) => JSON.parse(l) as { id: string; probe?: boolean })
      .map((r) => { assert.equal(r.probe, true, `${r.id} is marked as probe`); return r.id; }));
    assert.ok(probeIds.size > 0);
    assert.ok(labelledFiles().every((f) => !f.split(/[\\/]/).includes('probe')));
    assert.deepEqual(loadLabelledRows().filter((r) => probeIds.has(r.id)).map((r) => r.id), []);
  });

  it('macro figures average the groups, skipping a figure a group cannot have', () => {
    // x: 1 TP, 1 FP; y: 1 FN (nothing flagged, precision undefined); z: nothing vague, nothing flagged.
    const rows = [row('a', 'vague', 'x'), row('b', 'measurable', 'x'), row('c', 'vague', 'y'), row('d', 'measurable', 'z')];
    const s = summarise(crossValidate(rows, (held) => held.map((r) => r.publisher === 'x')));
    assert.equal(s.macro.precision, 0.5); // x only
    assert.equal(s.macro.recall, 0.5); // x 1.0, y 0.0
    assert.equal(s.pooled.recall, 0.5);
  });

  describe('on the labelled rows', function () {
    this.timeout(180_000);
    let result: LopoResult;
    before(function () {
      // The table counts the dev set too, which lives next to the repository.
      if (!fs.existsSync(DEV_SET)) this.skip();
      result = runLopo(loadLabelledRows());
    });

    it('docs/rules/kr-not-measurable.md shows the table as it is now', () => {
      const page = fs.readFileSync(DOC, 'utf8');
      assert.equal(currentSection(page), lopoMarkdown(result), 'stale: run npm run eval:quality -- --lopo --write');
    });

    it('macro precision and recall on left-out publishers are each at least 0.90', () => {
      assert.ok(result.shipped.macro.precision >= 0.9, `precision ${result.shipped.macro.precision.toFixed(3)}`);
      assert.ok(result.shipped.macro.recall >= 0.9, `recall ${result.shipped.macro.recall.toFixed(3)}`);
    });
  });
});
