/**
 * Every labelled key result the project has: the samples under test/fixtures/quality/ and, when it
 * is there, the shared dev set next to the repository (it is not ours to publish, so a fresh clone
 * may lack it). One row per distinct text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { publisherOf } from './publisher';

export interface LabelledRow {
  id: string;
  text: string;
  label: 'measurable' | 'vague';
  reasons: string[];
  source: string;
  publisher: string;
  file: string;
}

const REPO = path.resolve(__dirname, '..', '..');
export const SAMPLES_DIR = path.join(REPO, 'test', 'fixtures', 'quality');
export const DEV_SET = path.resolve(REPO, '..', 'shared', 'okr-quality', 'key_results.dev.jsonl');

/** The labelled files, the dev set first when present, then the samples by name. */
export function labelledFiles(devSet: string = DEV_SET): string[] {
  const samples = fs.readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(SAMPLES_DIR, f));
  return fs.existsSync(devSet) ? [devSet, ...samples] : samples;
}

export function loadLabelledRows(files: string[] = labelledFiles()): LabelledRow[] {
  const seen = new Set<string>();
  const rows: LabelledRow[] = [];
  for (const file of files) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Omit<LabelledRow, 'publisher' | 'file'>;
      const key = r.text.toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push({ ...r, reasons: r.reasons ?? [], source: r.source ?? 'unknown', publisher: publisherOf(r.source ?? 'unknown'), file: path.basename(file) });
    }
  }
  return rows;
}
