// The key-result text analysis, in process: ms per title, warm, over the labelled dev set (or
// generated titles without it). Part of `npm run bench`; `npm run bench:quality` runs it alone
// (seconds, no servers, does not rewrite docs/performance.md), for profiling and quick checks.
//
// The code timed is the analysis bundled by esbuild with the server's build options, as the server
// and the CLI run it: loaded from the TypeScript sources through tsx, every call between modules goes
// through an export getter, which made the same code about a third slower than it ships.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeKeyResultText as fromSources } from '../../server/src/core';

type Analyze = typeof fromSources;

const REPO = path.resolve(__dirname, '..', '..');

/** Budget per title, in ms (issue #13). */
export const QUALITY_BUDGET_MS = 0.1;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The titles the figure is taken over. */
export function benchTitles(): string[] {
  const dev = path.resolve(REPO, '..', 'shared', 'okr-quality', 'key_results.dev.jsonl');
  return fs.existsSync(dev)
    ? fs.readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text)
    : Array.from({ length: 200 }, (_, i) => `Reduce p95 latency of service ${i} from ${800 + i} ms to ${300 + i} ms`);
}

/** analyzeKeyResultText as the server bundle holds it (esbuild, the options of scripts/build.mjs). */
export function bundledAnalysis(): Analyze {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-bench-quality-'));
  try {
    const outfile = path.join(out, 'quality.js');
    esbuild.buildSync({
      entryPoints: [path.join(REPO, 'server', 'src', 'core', 'quality', 'index.ts')],
      outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(outfile) as { analyzeKeyResultText: Analyze }).analyzeKeyResultText;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

/** analyzeKeyResultText has no cache of its own, so every call counts. */
export function qualityTiming(titles = benchTitles(), analyzeKeyResultText: Analyze = bundledAnalysis()): { perKr: number; titles: number } {
  // Warm up until the JIT has settled, then report the median of ten timed rounds (one slow round,
  // a GC or another process, does not decide the figure).
  for (let i = 0; i < 30; i++) for (const t of titles) analyzeKeyResultText(t);
  const perRound: number[] = [];
  for (let r = 0; r < 10; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 10; i++) for (const t of titles) analyzeKeyResultText(t);
    perRound.push(Number(process.hrtime.bigint() - t0) / 1e6 / (10 * titles.length));
  }
  return { perKr: median(perRound), titles: titles.length };
}

if (require.main === module) {
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  const q = qualityTiming();
  // For comparison only: the same code loaded from the sources (tsx), as tests run it.
  const src = qualityTiming(benchTitles(), fromSources);
  process.stdout.write(`${q.perKr < QUALITY_BUDGET_MS ? 'PASS' : 'FAIL'}  key-result text analysis: ${q.perKr.toFixed(3)} ms per title over ${q.titles} titles (budget < ${QUALITY_BUDGET_MS} ms; from the sources through tsx: ${src.perKr.toFixed(3)} ms); load average ${load} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end\n`);
}
