import * as assert from 'node:assert/strict';
import { completions, periodValues } from '../../../server/src/lsp/features/completion';
import { docAt, TODAY, workspace } from './helpers';

const COMPANY = `period: 2026-Q4
owner: "@cto"
objectives:
  - id: quality
    title: Enhance software quality
    key_results:
      - id: crash-free
        title: Raise crash-free sessions from 99.2% to 99.8%
        unit: "%"
        baseline: 99.2
        target: 99.8
`;

function labels(text: string, extra: { files?: string[] } = {}): string[] {
  const { doc, position } = docAt(text);
  const index = workspace({ 'company.okr': COMPANY });
  return completions({ doc, position, today: TODAY, index, docPath: '/ws/teams/web.okr', files: () => extra.files ?? [] }).map((i) => i.label);
}

const HEAD = `period: 2026-Q4
objectives:
  - id: checkout
    title: Make checkout reliable
    key_results:
      - id: uptime
        title: Raise availability
`;

describe('completion', () => {
  it('offers the key result keys not already present, required first, with documentation', () => {
    const { doc, position } = docAt(HEAD + '        |\n');
    const items = completions({ doc, position, today: TODAY });
    const names = items.map((i) => i.label);
    assert.ok(names.includes('baseline') && names.includes('target') && names.includes('guardrail'), names.join());
    assert.ok(!names.includes('id') && !names.includes('title'), 'present keys are not offered');
    assert.ok(!names.includes('key_results'), 'objective keys are not offered in a key result');
    const baseline = items.find((i) => i.label === 'baseline')!;
    assert.match(JSON.stringify(baseline.documentation), /value at the start of the period/);
  });

  it('offers objective keys at the objective column, and file keys at column 0', () => {
    assert.deepEqual(labels(HEAD + '    |\n').filter((l) => ['owner', 'aligns_to', 'type', 'baseline'].includes(l)).sort(), ['aligns_to', 'owner', 'type']);
    const top = labels(HEAD + '|\n');
    assert.ok(top.includes('team') && top.includes('owner'), top.join());
    assert.ok(!top.includes('period') && !top.includes('objectives'));
  });

  it('completes a half-typed key, replacing it', () => {
    const { doc, position } = docAt(HEAD + '        tar|\n');
    const item = completions({ doc, position, today: TODAY }).find((i) => i.label === 'target')!;
    assert.ok(item);
    assert.deepEqual((item.textEdit as { range: unknown }).range, { start: { line: 7, character: 8 }, end: { line: 7, character: 11 } });
  });

  it('offers snippets for each key result kind on a new list item, with absolute indentation', () => {
    const { doc, position } = docAt(HEAD + '      - |\n');
    const items = completions({ doc, position, today: TODAY });
    const names = items.map((i) => i.label);
    for (const s of ['New metric key result', 'New guardrail key result', 'New milestone key result']) assert.ok(names.includes(s), names.join());
    assert.ok(names.includes('title') && names.includes('id'), 'a new item takes every key');
    const metric = items.find((i) => i.label === 'New metric key result')!;
    assert.match((metric.textEdit as { newText: string }).newText, /^id: \$\{1:kr-id\}\n {8}title: /);
  });

  it('offers a new objective snippet under objectives and a check-in dated today under checkins', () => {
    assert.ok(labels(HEAD + '  - |\n').includes('New objective'));
    const { doc, position } = docAt(HEAD + '        target: 5\n        checkins:\n          - |\n');
    const items = completions({ doc, position, today: TODAY });
    const checkin = items.find((i) => i.label.startsWith('Check-in'))!;
    assert.match((checkin.textEdit as { newText: string }).newText, /date: \$\{1:2026-11-20\}/);
    assert.ok(items.some((i) => i.label === 'date'));
  });

  it('completes enum values, booleans and periods', () => {
    assert.deepEqual(labels(HEAD.replace('    key_results:', '    type: |\n    key_results:')), ['aspirational', 'committed']);
    assert.deepEqual(labels(HEAD + '        guardrail: |\n'), ['at_most', 'at_least']);
    assert.deepEqual(labels(HEAD + '        done: |\n'), ['true', 'false']);
    assert.deepEqual(labels(HEAD.replace('    key_results:', '    rollup: |\n    key_results:')), ['auto', 'own', 'aligned', 'both']);
    assert.deepEqual(labels(HEAD.replace('    key_results:', '    status: |\n    key_results:')), ['active', 'closed', 'dropped']);
    assert.deepEqual(labels(HEAD + '        status: |\n'), ['active', 'closed', 'dropped']);
    assert.deepEqual(labels('period: |\n'), ['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2026-H2', '2026']);
    assert.deepEqual(periodValues('2026-02-01'), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026']);
  });

  it('completes owners and units used in the workspace, quoted when YAML needs it', () => {
    const { doc, position } = docAt(HEAD + '        owner: |\n');
    const index = workspace({ 'company.okr': COMPANY });
    const items = completions({ doc, position, today: TODAY, index });
    assert.deepEqual(items.map((i) => i.label), ['@cto']);
    assert.equal((items[0]!.textEdit as { newText: string }).newText, '"@cto"');
    const inQuotes = docAt(HEAD + '        owner: "@|\n');
    const q = completions({ doc: inQuotes.doc, position: inQuotes.position, today: TODAY, index });
    assert.equal((q[0]!.textEdit as { newText: string }).newText, '@cto');
    assert.deepEqual(labels(HEAD + '        unit: |\n'), ['%']);
  });

  it('completes aligns_to with every objective of the workspace and its title', () => {
    const { doc, position } = docAt(HEAD.replace('    key_results:', '    aligns_to: |\n    key_results:'));
    const items = completions({ doc, position, today: TODAY, index: workspace({ 'company.okr': COMPANY }) });
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['company#quality', 'Enhance software quality']]);
  });

  it('completes links with files relative to the .okr file and issues already used', () => {
    const text = HEAD + '        links:\n          - "#42"\n          - |\n';
    const got = labels(text, { files: ['/ws/src/checkout.ts', '/ws/teams/web.okr'] });
    assert.deepEqual(got, ['#42', '../src/checkout.ts']);
  });

  it('offers nothing inside a comment', () => {
    assert.deepEqual(labels(HEAD + '        # a note |\n'), []);
  });
});
