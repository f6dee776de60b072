import * as assert from 'node:assert/strict';
import { parseOkrDocument } from '../../../server/src/core';
import { formatDocument, formatText } from '../../../server/src/lsp/features/formatting';

const MESSY = `# header comment
objectives:
    -   title: "Make it"   # trailing
        id: a
        # before key results
        key_results:
            - target: 0.50
              id: k
              title: 'quoted'
              checkins:
                - {value: 1, date: 2026-11-01}
period: 2026-Q4
owner: "@x"

# end comment
`;

describe('formatting', () => {
  it('orders keys as the schema does and indents by 2, keeping comments, quotes and flow maps', () => {
    const out = formatText(parseOkrDocument(MESSY, 'file:///a.okr'))!;
    assert.equal(
      out,
      `# header comment
period: 2026-Q4
owner: "@x"
objectives:
  - id: a
    title: "Make it" # trailing
    # before key results
    key_results:
      - id: k
        title: 'quoted'
        target: 0.50
        checkins:
          - {date: 2026-11-01, value: 1}

# end comment
`,
    );
  });

  it('returns no edit when the text is already formatted, and none for broken YAML', () => {
    const once = formatText(parseOkrDocument(MESSY, 'file:///a.okr'))!;
    assert.deepEqual(formatDocument(parseOkrDocument(once, 'file:///a.okr')), []);
    assert.deepEqual(formatDocument(parseOkrDocument('period: [2026\nobjectives: x\n', 'file:///a.okr')), []);
  });

  it('does not touch the cached YAML document', () => {
    const doc = parseOkrDocument(MESSY, 'file:///a.okr');
    formatText(doc);
    assert.equal(doc.yaml.toString().startsWith('# header comment\nobjectives:'), true);
  });

  it('leaves a file alone when reordering would put an alias before its anchor (instead of failing the request)', () => {
    const text = `period: 2026-Q4
objectives:
  - id: o
    key_results:
      - id: k
        title: X
        owner: &dana "@dana"
        target: 1
    owner: *dana
    title: T
`;
    const doc = parseOkrDocument(text, 'file:///a.okr');
    assert.equal(formatText(doc), undefined);
    assert.deepEqual(formatDocument(doc), []);
  });
});

