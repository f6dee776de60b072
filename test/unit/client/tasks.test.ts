// The `okr` task type as data (client/src/tasks/checkTask.ts): which tasks.json entries run, and the
// process they run.
import * as assert from 'node:assert/strict';
import { defaultCheckDefinition, readTaskDefinition, taskProcess } from '../../../client/src/tasks/checkTask';

describe('okr tasks', () => {
  it('the offered task runs `okr check` on the whole folder with the bundled CLI, under the extension host\'s Node as plain Node', () => {
    const p = taskProcess(defaultCheckDefinition(), '/ext/dist/cli.js', '/opt/VSCode/code');
    assert.deepEqual(p, { command: '/opt/VSCode/code', args: ['/ext/dist/cli.js', 'check'], env: { ELECTRON_RUN_AS_NODE: '1' } });
  });

  it('passes options first and paths after --, so a path that starts with a dash stays a path', () => {
    const p = taskProcess({ type: 'okr', command: 'check', paths: ['okrs/', '-odd.okr'], args: ['--max-warnings', '0'] }, 'cli.js', 'node');
    assert.deepEqual(p.args, ['cli.js', 'check', '--max-warnings', '0', '--', 'okrs/', '-odd.okr']);
  });

  it('reads a tasks.json entry, and says what is wrong with a bad one', () => {
    assert.deepEqual(readTaskDefinition({ type: 'okr', command: 'check', paths: ['okrs'] }), { ok: true, definition: { type: 'okr', command: 'check', paths: ['okrs'], args: undefined } });
    const bad = (raw: unknown) => {
      const r = readTaskDefinition(raw);
      assert.equal(r.ok, false, JSON.stringify(raw));
      return r.ok ? '' : r.message;
    };
    assert.match(bad({ type: 'okr' }), /needs "command": one of "check", got undefined/);
    assert.match(bad({ type: 'okr', command: 'chek' }), /got "chek"/);
    assert.match(bad({ type: 'okr', command: 'check', paths: 'okrs' }), /"paths" must be a list of strings/);
    assert.match(bad({ type: 'okr', command: 'check', args: ['--quiet', 1] }), /"args" must be a list of strings/);
    assert.match(bad({ type: 'shell', command: 'check' }), /not an okr task/);
    assert.match(bad(undefined), /not an okr task/);
  });
});
