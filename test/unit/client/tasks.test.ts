// The `okr` task type as data (client/src/tasks/checkTask.ts): which tasks.json entries run, and the
// process they run; and the runner (run.ts) that feeds the task's terminal, on real processes.
import * as assert from 'node:assert/strict';
import { defaultCheckDefinition, readTaskDefinition, taskProcess } from '../../../client/src/tasks/checkTask';
import { runTaskProcess, toTerminalText } from '../../../client/src/tasks/run';

describe('okr tasks', () => {
  it('the offered task runs `okr check` on the whole folder with the bundled CLI, under the extension host\'s Node as plain Node', () => {
    const p = taskProcess(defaultCheckDefinition(), '/ext/dist/cli.js', '/opt/VSCode/code');
    assert.deepEqual(p, { command: '/opt/VSCode/code', args: ['/ext/dist/cli.js', 'check'], env: { ELECTRON_RUN_AS_NODE: '1', FORCE_COLOR: '1' } });
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

describe('okr task runner', () => {
  it('turns bare LFs into CRLFs, leaving CRLFs alone', () => {
    assert.equal(toTerminalText('a\nb\r\nc'), 'a\r\nb\r\nc');
  });

  const node = (script: string) => ({ command: process.execPath, args: ['-e', script], env: {} });
  const run = (p: ReturnType<typeof node>, onWrite?: (all: string, stop: () => void) => void) =>
    new Promise<{ text: string; code: number; exits: number }>((resolve) => {
      let text = '';
      let exits = 0;
      let stop: () => void = () => undefined;
      stop = runTaskProcess(p, process.cwd(), {
        write: (t) => {
          text += t;
          onWrite?.(text, stop);
        },
        exit: (code) => {
          exits++;
          // A second exit would arrive before this settles; give it the same turn to show.
          setImmediate(() => resolve({ text, code, exits }));
        },
      });
    });

  it('gives the terminal stdout and stderr with CRLF line ends, and the exit code', async () => {
    const r = await run(node("process.stdout.write('a\\nb\\n'); process.stderr.write('e\\n'); process.exitCode = 3"));
    assert.equal(r.code, 3);
    assert.equal(r.exits, 1);
    assert.deepEqual(r.text.split('\r\n').sort(), ['', 'a', 'b', 'e']);
    assert.ok(!/[^\r]\n/.test(r.text), JSON.stringify(r.text));
  });

  it('keeps a character split across output chunks whole', async () => {
    const r = await run(node("const b = Buffer.from('✖ 1 problem\\n'); process.stdout.write(b.subarray(0, 1)); setTimeout(() => process.stdout.write(b.subarray(1)), 20)"));
    assert.equal(r.text, '✖ 1 problem\r\n');
  });

  it('says why when the program cannot start, and exits 1 once', async () => {
    const r = await run({ command: '/nonexistent/okr-node', args: [], env: {} });
    assert.equal(r.code, 1);
    assert.equal(r.exits, 1);
    assert.match(r.text, /^okr: could not start \/nonexistent\/okr-node: .*ENOENT.*\r\n$/);
  });

  it('stops the process when the task is terminated', async () => {
    const r = await run(node("console.log('ready'); setInterval(() => {}, 1000)"), (all, stop) => all.includes('ready') && stop());
    assert.equal(r.code, 1);
    assert.equal(r.text, 'ready\r\n');
  });

  it('passes the task environment over the inherited one', async () => {
    const r = await run({ ...node('console.log(process.env.ELECTRON_RUN_AS_NODE, process.env.FORCE_COLOR)'), env: taskProcess(defaultCheckDefinition(), 'cli.js', 'node').env });
    assert.equal(r.text, '1 1\r\n');
  });
});
