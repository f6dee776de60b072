// The shortcuts the text analysis takes for speed (docs/performance.md, issue #13) must not change a
// verdict: a gate may only skip an expression that could not match.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { END_STATE_GATES, findEndState } from '../../../server/src/core/quality/phrases';
import { loadLabelledRows } from '../../../scripts/quality/dataset';

const PROBE = path.join(__dirname, '..', '..', 'fixtures', 'quality', 'probe');

function titles(): string[] {
  const probe = fs.readdirSync(PROBE).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(PROBE, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
  return [...loadLabelledRows().map((r) => r.text), ...probe];
}

describe('quality: speed shortcuts keep every verdict', function () {
  this.timeout(60_000);

  it('an end-state expression with a gate only matches titles that pass the gate', () => {
    const missed: string[] = [];
    for (const t of titles()) for (const [re, gate] of END_STATE_GATES) if (re.test(t) && !gate.test(t)) missed.push(t);
    assert.deepEqual(missed, []);
    assert.ok(END_STATE_GATES.length >= 3);
  });

  it('the gated end states are still found: a vote, a framework level, an audited standard', () => {
    assert.match(findEndState('Charter change voted on at the AGM')?.text ?? '', /voted on/);
    assert.match(findEndState('Reach the OpenSSF Best Practices silver level')?.text ?? '', /silver level/);
    assert.match(findEndState('Obtain SOC 2 Type II certification')?.text ?? '', /SOC 2/);
    assert.equal(findEndState('Grow weekly active contributors'), undefined);
  });
});
