// `npm run fuzz`: the fuzzer's long budget. Runs the properties of test/fuzz/ over FUZZ_RUNS inputs
// (default 100,000, split between the core's text properties, the incremental re-parse and the
// language server's request handlers), groups what fails by kind, prints the smallest input of each
// kind and the number of inputs tried, and exits 1 when anything was found.
//   FUZZ_RUNS=100000 FUZZ_SEED=1 npm run fuzz
//   FUZZ_ONLY=core|reparse|lsp npm run fuzz
import fc from 'fast-check';
import { editedText, okrText } from '../test/fuzz/inputs';
import { checkDocument, checkReparse, Finding } from '../test/fuzz/properties';
import { FuzzServer, malformedRequest } from '../test/fuzz/lsp-requests';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const ONLY = process.env.FUZZ_ONLY;
const BATCH = 500;

interface Kind {
  count: number;
  example: string;
}

/** Findings by kind: the message with its numbers and quoted text taken out. */
const findings = new Map<string, Kind>();

function record(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  const [what] = message.split('\n--- input');
  // One kind per message shape and method: the params and numbers of each instance left out.
  const kind = what!.split('\n')[0]!.replace(/( for (request|notification) \S+).*/, '$1').replace(/\d+/g, 'N').replace(/"[^"]*"/g, '"…"').slice(0, 200);
  const had = findings.get(kind);
  if (!had) findings.set(kind, { count: 1, example: message });
  else {
    had.count++;
    if (message.length < had.example.length) had.example = message;
  }
}

async function run<T>(name: string, runs: number, arbitrary: fc.Arbitrary<T>, check: (input: T) => void | Promise<void>): Promise<number> {
  const t0 = performance.now();
  let tried = 0;
  for (let batch = 0; tried < runs; batch++) {
    const n = Math.min(BATCH, runs - tried);
    for (const input of fc.sample(arbitrary, { numRuns: n, seed: SEED + batch })) {
      try {
        await check(input);
      } catch (err) {
        if (!(err instanceof Finding)) record(new Error(`${name}: unexpected ${String(err)}`));
        else record(err);
      }
    }
    tried += n;
    if (batch % 20 === 19) process.stdout.write(`  ${name}: ${tried.toLocaleString('en')} inputs, ${findings.size} kinds of finding so far\n`);
  }
  process.stdout.write(`${name}: ${tried.toLocaleString('en')} inputs in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return tried;
}

async function main(): Promise<void> {
  process.stdout.write(`fuzzing with ${RUNS.toLocaleString('en')} inputs, seed ${SEED}\n`);
  // Most inputs go to the core (cheap); the re-parse runs chains of edits; the server answers over stdio.
  const share = ONLY ? { core: ONLY === 'core' ? 1 : 0, reparse: ONLY === 'reparse' ? 1 : 0, lsp: ONLY === 'lsp' ? 1 : 0 } : { core: 0.7, reparse: 0.15, lsp: 0.15 };
  let tried = 0;
  if (share.core) tried += await run('core', Math.round(RUNS * share.core), okrText, checkDocument);
  if (share.reparse) tried += await run('reparse', Math.round(RUNS * share.reparse), editedText, ([text, edits]) => checkReparse(text, edits));
  if (share.lsp) {
    const server = await FuzzServer.start();
    try {
      tried += await run('lsp', Math.round(RUNS * share.lsp), malformedRequest, (r) => server.check(r));
    } finally {
      await server.stop();
    }
  }
  process.stdout.write(`\n${tried.toLocaleString('en')} inputs tried, ${findings.size} kind${findings.size === 1 ? '' : 's'} of finding\n`);
  for (const [kind, f] of findings) process.stdout.write(`\n== ${f.count}× ${kind}\n${f.example.slice(0, 3000)}\n`);
  process.exitCode = findings.size ? 1 : 0;
}

void main();
