// Deliberately failing suite: proves that a failed assertion inside VS Code makes the runner exit
// non-zero with the assertion's message. Bundled only when OKR_VSCODE_FAILING_PROBE=1 or by
// `run.ts --self-test`; never part of the normal run.
import * as assert from 'node:assert/strict';

describe('failing probe (expected to fail)', () => {
  it('fails on purpose', () => {
    assert.equal(1 + 1, 3, 'OKR_FAILING_PROBE: deliberate failure inside the extension host');
  });
});
