import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeKeyResultText } from '../../../server/src/core/quality';

// The labelled dev set lives next to the repo; the gate guards against regressions.
const DEV = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'okr-quality', 'key_results.dev.jsonl');

describe('quality: labelled dev set', function () {
  before(function () {
    if (!fs.existsSync(DEV)) this.skip();
  });

  it('kr-not-measurable reaches precision and recall >= 0.92 on the vague class', () => {
    const rows = fs.readFileSync(DEV, 'utf8').split('\n').filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { text: string; label: string });
    let tp = 0, fp = 0, fn = 0;
    for (const r of rows) {
      const flagged = !analyzeKeyResultText(r.text).measurable;
      const vague = r.label === 'vague';
      if (flagged && vague) tp++;
      else if (flagged) fp++;
      else if (vague) fn++;
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    assert.ok(rows.length > 100, 'dev set should load');
    assert.ok(precision >= 0.92, `precision ${precision.toFixed(3)}`);
    assert.ok(recall >= 0.92, `recall ${recall.toFixed(3)}`);
  });
});
