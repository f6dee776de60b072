// placeholder-text searches objective titles with findPlaceholderIn, which skips the quantity pass when
// no amount placeholder can be in the text: it must find exactly what the full analysis finds.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeKeyResultText, analyzeWithRules, findPlaceholderIn } from '../../../server/src/core/quality';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'quality');

describe('findPlaceholderIn', () => {
  it('finds template text and amount placeholders, and nothing in a finished title', () => {
    assert.equal(findPlaceholderIn('TODO: pick the metric')?.text, 'TODO');
    assert.equal(findPlaceholderIn('Reach X% adoption')?.text, 'X%');
    assert.equal(findPlaceholderIn('Grow weekly users to N')?.text, 'N');
    assert.equal(findPlaceholderIn('Cut <metric> by half')?.text, '<metric>');
    assert.equal(findPlaceholderIn('Make checkout boringly reliable'), undefined);
    assert.equal(findPlaceholderIn('Raise NPS from 31 to 45'), undefined);
  });

  it('agrees with the full analysis on every labelled title', () => {
    const texts = fs
      .readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => fs.readFileSync(path.join(FIXTURES, f), 'utf8').split('\n').filter(Boolean))
      .map((l) => (JSON.parse(l) as { text: string }).text);
    assert.ok(texts.length > 1000, 'the labelled rows are there');
    const differ = texts.filter((t) => JSON.stringify(findPlaceholderIn(t) ?? null) !== JSON.stringify(analyzeWithRules(t).placeholder ?? null));
    assert.deepEqual(differ, []);
    // placeholder-text takes a key result title's placeholder from its full analysis (learned layer included) when that ran.
    const differFull = texts.filter((t) => JSON.stringify(findPlaceholderIn(t) ?? null) !== JSON.stringify(analyzeKeyResultText(t).placeholder ?? null));
    assert.deepEqual(differFull, []);
  });
});
