// The title analyses' cache, which a host may fill from another thread (node/quality-pool.ts), and
// the parse hook that tells the host each objective as it is built.
import * as assert from 'node:assert/strict';
import { analyzeKeyResultText, hasQuality, mergeConfig, onQualityMiss, parseInChunks, parseOkrDocument, parseWhole, primeQuality, qualityOf, type Objective } from '../../server/src/core';
import { generateRealisticOkr } from '../../scripts/bench/generate';
import { exampleOkrTexts } from './test-inputs';

const CONFIG = mergeConfig();

describe('quality cache', () => {
  it('an analysis put in the cache is the one qualityOf answers, under the settings it was put under only', () => {
    const title = 'Grow the widget throughput of the primed pipeline from 10 to 40';
    const configured = mergeConfig({ quality: { extraVagueWords: ['primed'], units: [] } });
    assert.equal(hasQuality(title, CONFIG), false);
    const analysis = analyzeKeyResultText(title);
    primeQuality(title, CONFIG, analysis);
    assert.equal(hasQuality(title, CONFIG), true);
    assert.equal(qualityOf(title, CONFIG), analysis, 'the primed object itself');
    assert.equal(hasQuality(title, configured), false, 'other settings are another entry');
    assert.notEqual(qualityOf(title, configured), analysis);
  });

  it('a miss asks the host first, and takes what it primed; a hit does not ask', () => {
    const title = 'Cut the hooked queue latency from 900 ms to 150 ms';
    const primed = { ...analyzeKeyResultText(title), summary: 'from the other thread' };
    const asked: string[] = [];
    onQualityMiss((text, config) => {
      asked.push(text);
      if (text === title) primeQuality(text, config, primed);
    });
    try {
      assert.equal(qualityOf(title, CONFIG), primed);
      assert.equal(qualityOf(title, CONFIG), primed);
      const other = 'Lift the hooked NPS from 31 to 45';
      assert.equal(qualityOf(other, CONFIG).summary, analyzeKeyResultText(other).summary, 'not primed: analysed here');
      assert.deepEqual(asked, [title, other]);
    } finally {
      onQualityMiss(undefined);
    }
  });

  it('an analysis survives the copy between threads unchanged (plain data only), for the example and generated titles', () => {
    const texts = [...exampleOkrTexts().map((x) => x.text), generateRealisticOkr(60, 5).text];
    const titles = [...new Set(texts.flatMap((text) => parseWhole(text, 'file:///x.okr').objectives.flatMap((o) => o.keyResults.map((k) => k.title ?? ''))))];
    assert.ok(titles.length > 100, `${titles.length} titles`);
    for (const t of titles) {
      const a = analyzeKeyResultText(t);
      // deepStrictEqual compares prototypes: a class instance or a function would not come through structuredClone as it was.
      assert.deepStrictEqual(structuredClone(a), a, t);
    }
  });
});

describe('parse hooks', () => {
  const heard = (parse: (hooks: { objective(o: Objective): void }) => { objectives: Objective[] }) => {
    const seen: Objective[] = [];
    const doc = parse({ objective: (o) => seen.push(o) });
    return { seen, doc };
  };

  it('a file parsed in chunks tells each objective once, in order, as it is built', () => {
    const text = generateRealisticOkr(40, 3).text;
    const { seen, doc } = heard((hooks) => parseInChunks(text, 'file:///x.okr', 1, hooks) as { objectives: Objective[] });
    assert.ok(doc.objectives.length === 40);
    assert.deepEqual(seen, doc.objectives);
  });

  it('a file parsed whole tells every objective after the parse', () => {
    const text = exampleOkrTexts()[0]!.text;
    const { seen, doc } = heard((hooks) => parseOkrDocument(text, 'file:///x.okr', 1, hooks));
    assert.ok(doc.objectives.length > 0);
    assert.deepEqual(seen, doc.objectives);
  });
});
