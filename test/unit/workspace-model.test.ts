// The workspace model the client's tree and status bar show (server/src/lsp/workspace-model.ts).
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseOkrDocument } from '../../server/src/core';
import { fileModel } from '../../server/src/lsp/workspace-model';
import { ServerState } from '../../server/src/lsp/state';

describe('workspace model', () => {
  it("a key result's confidence without its own field is the newest check-in's by date, not the last written", () => {
    const root = new ServerState().addRoot(path.join(os.tmpdir(), 'okr-workspace-model-test'));
    const file = path.join(root.path, 'web.okr');
    const doc = parseOkrDocument(
      `period: 2026-Q4
objectives:
  - id: o
    title: T
    key_results:
      - id: k
        title: X
        target: 10
        checkins:
          - {date: 2026-11-01, value: 5, confidence: 0.4}
          - {date: 2026-10-01, value: 2, confidence: 0.9}
`,
      'file:///ws/web.okr',
    );
    const kr = fileModel(root, file, doc, '2026-11-20').objectives[0]!.keyResults[0]!;
    assert.equal(kr.confidence, 0.4);
  });
});
