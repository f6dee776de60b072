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

  it('carries the expected score each status was judged against, per file, objective and key result', () => {
    const root = new ServerState().addRoot(path.join(os.tmpdir(), 'okr-workspace-model-test'));
    const doc = parseOkrDocument(
      'period: 2026-Q4\nobjectives:\n  - id: a\n    key_results:\n      - {id: k, baseline: 0, target: 10, current: 3}\n  - id: c\n    type: committed\n    key_results:\n      - {id: k, baseline: 0, target: 10, current: 3}\n',
      'file:///ws/web.okr',
    );
    // 2026-11-15: 46 of 92 days, 0.5 elapsed.
    const f = fileModel(root, path.join(root.path, 'web.okr'), doc, '2026-11-15');
    assert.deepEqual([f.expected, f.expectedScore], [0.5, 0.35]);
    assert.deepEqual(f.objectives.map((o) => [o.expectedScore, o.keyResults[0]!.expectedScore, o.keyResults[0]!.status]), [
      [0.35, 0.35, 'on-track'],
      [0.5, 0.5, 'at-risk'],
    ]);
  });

  it("a key result's problems are those on its own lines, not on the first line of the next one", () => {
    const root = new ServerState().addRoot(path.join(os.tmpdir(), 'okr-workspace-model-test'));
    const doc = parseOkrDocument(
      `period: 2026-Q4
owner: "@a"
objectives:
  - id: o
    title: T
    key_results:
      - id: k1
        title: Cut latency from 800 ms to 300 ms
        baseline: 800
        target: 300
      - id: k1
        title: Cut errors from 2% to 1%
        baseline: 2
        target: 1
`,
      'file:///ws/web.okr',
    );
    // duplicate-id (an error) is reported on the second key result's id, the first line of its map.
    const [first, second] = fileModel(root, path.join(root.path, 'web.okr'), doc, '2026-11-20').objectives[0]!.keyResults;
    assert.equal(second!.problems.errors, 1);
    assert.equal(first!.problems.errors, 0);
  });
});

