/**
 * Evaluates the kr-not-measurable text analysis against a labelled jsonl file
 * (default: the dev set next to the repo). Usage:
 *   npm run eval:quality [-- path/to/file.jsonl] [--split even|odd] [--quiet]
 *   npm run eval:quality -- --all     one line per labelled file: the dev set and every sample
 *                                     under test/fixtures/quality/, and the total
 *   npm run eval:quality -- --lopo    leave-one-publisher-out cross-validation over every labelled
 *                                     row (add --write to update docs/rules/kr-not-measurable.md)
 * The positive class is "vague" (the rule fires). Prints precision, recall, F1, the
 * confusion table, every miss with the signals that fired, and per-reason agreement.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeKeyResultText, REASON_ORDER, type QualityReason } from '../server/src/core/quality';
import { DOC as LOPO_DOC, lopoMarkdown, runLopo, withSection } from './quality/lopo-report';

export interface Row { id: string; text: string; label: 'measurable' | 'vague'; reasons: QualityReason[] }

const DEFAULT = path.resolve(__dirname, '..', '..', 'shared', 'okr-quality', 'key_results.dev.jsonl');

/** Thrown for input the evaluation cannot use: printed as one line, exit 2 (as the okr CLI does). */
export class DatasetError extends Error {}

/**
 * The labelled file to evaluate, or a DatasetError that says what is missing and how to pass one.
 * The default dev set lives outside the repository (it is not ours to publish), so a fresh clone
 * has none: that is a setup step to explain, not a crash.
 */
export function datasetPath(given: string | undefined, cwd: string = process.cwd(), fallback: string = DEFAULT): string {
  const file = path.resolve(cwd, given ?? fallback);
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  const shown = path.relative(cwd, file) || file;
  if (given !== undefined) throw new DatasetError(`no labelled file at ${given}. Pass a .jsonl file with one {"id", "text", "label", "reasons"} object per line.`);
  throw new DatasetError(
    `the dev set is missing: expected ${shown} (the shared okr-quality data next to the repository). ` +
      `Pass a labelled file instead: npm run eval:quality -- path/to/set.jsonl (samples: test/fixtures/quality/*.jsonl).`,
  );
}

/** The rows of a jsonl file; a line that is not JSON is named by its number. */
export function readRows(file: string): Row[] {
  const rows: Row[] = [];
  fs.readFileSync(file, 'utf8').split('\n').forEach((l, i) => {
    if (!l.trim()) return;
    try {
      rows.push(JSON.parse(l) as Row);
    } catch (e) {
      throw new DatasetError(`${path.relative(process.cwd(), file) || file}:${i + 1}: not a JSON object (${(e as Error).message})`);
    }
  });
  return rows;
}

function main(argv: string[]): void {
  const args = argv.filter((a) => !a.startsWith('--'));
  const split = argv.find((a) => a.startsWith('--split='))?.slice(8);
  const quiet = argv.includes('--quiet');
  const file = datasetPath(args[0]);
  let rows: Row[] = readRows(file);
  // A deterministic half split (by line position) to check that tuning generalises.
  if (split === 'even' || split === 'odd') rows = rows.filter((_, i) => (i % 2 === 0) === (split === 'even'));

  let tp = 0, fp = 0, fn = 0, tn = 0;
  const misses: string[] = [];
  const perReason = new Map<QualityReason, { tp: number; fp: number; fn: number }>();
  for (const r of REASON_ORDER) perReason.set(r, { tp: 0, fp: 0, fn: 0 });
  const t0 = process.hrtime.bigint();
  for (const row of rows) {
    const a = analyzeKeyResultText(row.text);
    const predVague = !a.measurable;
    const goldVague = row.label === 'vague';
    if (predVague && goldVague) tp++;
    else if (predVague && !goldVague) fp++;
    else if (!predVague && goldVague) fn++;
    else tn++;
    if (predVague !== goldVague) {
      misses.push(`${predVague ? 'FP' : 'FN'} ${row.id}: ${row.text}\n     gold=${row.label} [${row.reasons.join(', ')}]  ours=[${a.reasons.join(', ')}]\n     signals: ${a.signals.map((s) => s.id).join(', ') || '-'}\n     ${a.summary}`);
    }
    for (const r of REASON_ORDER) {
      const c = perReason.get(r)!;
      const g = row.reasons.includes(r);
      const p = a.reasons.includes(r);
      if (g && p) c.tp++;
      else if (p) c.fp++;
      else if (g) c.fn++;
    }
  }
  const coldMs = Number(process.hrtime.bigint() - t0) / 1e6;
  // Warm timing (what the language server sees after start-up): 5 more passes.
  const t1 = process.hrtime.bigint();
  for (let k = 0; k < 5; k++) for (const row of rows) analyzeKeyResultText(row.text);
  const warmMs = Number(process.hrtime.bigint() - t1) / 1e6 / 5;
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  const pct = (x: number): string => x.toFixed(3);

  console.log(`file: ${path.relative(process.cwd(), file)}${split ? ` (split=${split})` : ''}  rows: ${rows.length}`);
  console.log(`kr-not-measurable (positive class = vague)`);
  console.log(`  precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}  accuracy ${pct((tp + tn) / Math.max(1, rows.length))}`);
  console.log('');
  console.log('                 gold vague  gold measurable');
  console.log(`  flagged        ${String(tp).padStart(10)}  ${String(fp).padStart(15)}`);
  console.log(`  not flagged    ${String(fn).padStart(10)}  ${String(tn).padStart(15)}`);
  console.log('');
  const per = (x: number): string => (x / Math.max(1, rows.length)).toFixed(4);
  console.log(`time: ${per(warmMs)} ms per key result warm (${per(coldMs)} ms on the first, cold pass)`);
  console.log('');
  console.log('per-reason agreement (P / R over all rows):');
  for (const [r, c] of perReason) {
    const p = c.tp / Math.max(1, c.tp + c.fp);
    const rc = c.tp / Math.max(1, c.tp + c.fn);
    console.log(`  ${r.padEnd(14)} P ${pct(p)}  R ${pct(rc)}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  }
  if (!quiet) {
    console.log('');
    console.log(`misses (${misses.length}):`);
    for (const m of misses) console.log(`  ${m}`);
  }
}

/** `--all`: P/R per labelled file, for comparing a change across every sample at once. */
function all(): void {
  const dir = path.resolve(__dirname, '..', 'test', 'fixtures', 'quality');
  const files = [DEFAULT, ...fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => path.join(dir, f))];
  const total = { tp: 0, fp: 0, fn: 0, n: 0 };
  const line = (name: string, c: typeof total): string =>
    `${name.padEnd(32)} rows ${String(c.n).padStart(4)}  P ${(c.tp / Math.max(1, c.tp + c.fp)).toFixed(3)}  R ${(c.tp / Math.max(1, c.tp + c.fn)).toFixed(3)}  (fp ${c.fp}, fn ${c.fn})`;
  if (!fs.existsSync(DEFAULT)) process.stderr.write(`eval:quality: no dev set at ${path.relative(process.cwd(), DEFAULT)}; the samples only\n`);
  for (const file of files.filter((f) => fs.existsSync(f))) {
    const c = { tp: 0, fp: 0, fn: 0, n: 0 };
    for (const row of readRows(file)) {
      const predVague = !analyzeKeyResultText(row.text).measurable;
      const goldVague = row.label === 'vague';
      c.n++;
      if (predVague && goldVague) c.tp++;
      else if (predVague) c.fp++;
      else if (goldVague) c.fn++;
    }
    for (const k of ['tp', 'fp', 'fn', 'n'] as const) total[k] += c[k];
    console.log(line(path.basename(file), c));
  }
  console.log(line('all', total));
}

/** `--lopo`: per-publisher and macro precision/recall, each publisher judged by a model trained without it. */
function lopo(write: boolean): void {
  const section = lopoMarkdown(runLopo());
  console.log(section.split('\n').slice(1, -1).join('\n'));
  if (write) {
    fs.writeFileSync(LOPO_DOC, withSection(fs.readFileSync(LOPO_DOC, 'utf8'), section));
    console.log(`\nwrote ${path.relative(process.cwd(), LOPO_DOC)}`);
  }
}

function run(): void {
  try {
    if (process.argv.includes('--lopo')) lopo(process.argv.includes('--write'));
    else if (process.argv.includes('--all')) all();
    else main(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    process.stderr.write(`eval:quality: ${e.message}\n`);
    process.exitCode = 2;
  }
}

if (require.main === module) run();
