// What the single-file figures are judged against: the `yaml` package's own parse of the file (the
// floor no YAML-based server can beat: every figure includes it), measured in the same run, and
// `okr check` of that one file as a process, as CI and a pre-commit hook run it.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseDocument } from 'yaml';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The median time of `parseDocument` over the file, with the options the okr parser passes. */
export function yamlFloorMs(file: string, reps: number): number {
  const text = fs.readFileSync(file, 'utf8');
  const times: number[] = [];
  // One untimed parse first: the floor is the warm parse, the lowest a server could reach.
  for (let i = -1; i < reps; i++) {
    const t0 = performance.now();
    parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false, logLevel: 'error' });
    if (i >= 0) times.push(performance.now() - t0);
  }
  return median(times);
}

/** Wall-clock time of `okr check <file>` as a process (start-up included), median of `reps`. */
export function okrCheckMs(cli: string, file: string, today: string, reps: number): number | string {
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'check', path.basename(file), '--today', today, '--format', 'json'], {
      cwd: path.dirname(file),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    const ms = performance.now() - t0;
    // Exit 1 is "errors found" (the realistic file has them); anything else is a failure.
    if (r.status !== 0 && r.status !== 1) return 'error';
    times.push(ms);
  }
  return median(times);
}
