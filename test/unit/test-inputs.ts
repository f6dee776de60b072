// Inputs shared by tests (not a test file itself): the example workspace's .okr files, and a seeded
// random source for property tests that must give the same run every time.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function exampleOkrTexts(): Array<{ name: string; text: string }> {
  const dir = path.join(__dirname, '../../examples/okrs');
  const files = [path.join(dir, 'company.okr'), ...fs.readdirSync(path.join(dir, 'teams')).map((f) => path.join(dir, 'teams', f))];
  return files.filter((f) => f.endsWith('.okr')).map((f) => ({ name: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
}

/** Mulberry32: small, seedable, good enough to pick edits. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
