// The server's diagnostics of a model (server/src/lsp/analysis.ts): file-scope results are kept with
// the model, so the publisher and the workspace model do not run those rules again for it.
import * as assert from 'node:assert/strict';
import { analyzeDocument, mergeConfig, parseOkrDocument } from '../../server/src/core';
import { diagnosticsOf } from '../../server/src/lsp/analysis';

const TEXT = `period: 2026-Q4
objectives:
  - id: o
    title: Grow 30%
    key_results:
      - id: k
        title: Improve onboarding
`;

describe('diagnostics of a model', () => {
  const options = { config: mergeConfig(), today: '2026-11-20' };

  it('equal to a full analysis', () => {
    const doc = parseOkrDocument(TEXT, 'file:///ws/a.okr');
    assert.deepEqual(diagnosticsOf(doc, options), analyzeDocument(doc, options));
  });

  it('file-scope results are reused for the same model, configuration and day, and recomputed otherwise', () => {
    const doc = parseOkrDocument(TEXT, 'file:///ws/a.okr');
    const first = diagnosticsOf(doc, options);
    assert.ok(first.length > 0);
    const again = diagnosticsOf(doc, options);
    assert.ok(first.every((d, i) => d === again[i]), 'the same diagnostic objects: nothing ran again');
    const otherConfig = diagnosticsOf(doc, { ...options, config: mergeConfig({ rules: { 'missing-owner': 'error' } }) });
    assert.ok(otherConfig.some((d) => d.rule === 'missing-owner' && d.severity === 'error'));
    const otherDay = diagnosticsOf(doc, { ...options, today: '2026-11-21' });
    assert.ok(!first.some((d) => d === otherDay[0]));
    const newVersion = diagnosticsOf(parseOkrDocument(TEXT, 'file:///ws/a.okr', 2), options);
    assert.ok(!first.some((d) => d === newVersion[0]));
  });

  it('a file with a suppression comment takes a full pass (unused suppressions need every rule)', () => {
    const doc = parseOkrDocument(`# okr-disable-next-line schema\n${TEXT}`, 'file:///ws/a.okr');
    assert.deepEqual(diagnosticsOf(doc, options), analyzeDocument(doc, options));
    assert.ok(diagnosticsOf(doc, options).some((d) => d.rule === 'unused-suppression'));
  });
});
