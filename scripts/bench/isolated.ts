// Runs one benchmark scenario in a process of its own. The bench process itself is the client of
// every scenario: after the 5000x5 rows its heap held hundreds of megabytes of garbage, and its own
// pauses showed up in the next scenario's latencies (the organisation keystroke measured 28-31 ms in
// full runs against 7-9 ms run alone). A fresh process per scenario measures the server, not that.
import { fork } from 'node:child_process';

const SCENARIOS = {
  org: async (args: string[]) => (await import('./org')).measureOrg(args[0]!, args[1]!, args[2]!, args[3]!),
  tags: async (args: string[]) => (await import('./code-tags')).measureCodeTags(args[0]!, args[1]!, args[2]!),
  history: async (args: string[]) => (await import('./history')).measureHistory(args[0]!, args[1]!, args[2]!, args[3]!),
  row: async (args: string[]) => (await import('./rows')).measureRow(args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, args[5]!, JSON.parse(args[6]!)),
};
export type Scenario = keyof typeof SCENARIOS;

/** The scenario's result, measured in a child process started with this process's loader (tsx). */
export function isolated<T>(scenario: Scenario, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [scenario, ...args], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: { ok: true; value: T } | { ok: false; error: string } | undefined;
    child.on('message', (m) => (result = m as typeof result));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result?.ok) resolve(result.value);
      else reject(new Error(result ? result.error : `the ${scenario} scenario exited with code ${code}`));
    });
  });
}

if (require.main === module && process.send) {
  const [scenario, ...args] = process.argv.slice(2) as [Scenario, ...string[]];
  SCENARIOS[scenario](args).then(
    (value) => process.send!({ ok: true, value }, () => process.exit(0)),
    (e: unknown) => process.send!({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }, () => process.exit(1)),
  );
}
