/**
 * Offline training of the learned layer: an L2-regularised logistic regression over the features of
 * server/src/core/quality/learned/features.ts, fitted by full-batch gradient descent (Adam) from
 * zero weights, so the same rows always give the same weights. No randomness, no network.
 *
 *   npm run train:quality        writes server/src/core/quality/learned/weights.json from every labelled row
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeWithRules } from '../../server/src/core/quality/analyzeText';
import { featureSpans } from '../../server/src/core/quality/learned/features';
import type { LinearModel } from '../../server/src/core/quality/learned/model';
import { loadLabelledRows, type LabelledRow } from './dataset';

export interface Example { features: string[]; vague: boolean }

export interface TrainOptions {
  /** L2 penalty per row (larger: smaller weights, smoother model). */
  l2: number;
  /** A feature must occur in at least this many training rows to get a weight. */
  minCount: number;
  iterations: number;
  threshold: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { l2: 0.002, minCount: 3, iterations: 400, threshold: 0.5 };

export function exampleOf(text: string, vague: boolean): Example {
  return { features: featureSpans(text, analyzeWithRules(text)).map((s) => s.feature), vague };
}

export function train(examples: Example[], options: TrainOptions = TRAIN_DEFAULTS): Omit<LinearModel, 'trainedOn'> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= options.minCount).map(([f]) => f).sort();
  const index = new Map(names.map((f, i) => [f, i]));
  const rows = examples.map((e) => e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  const y = examples.map((e) => (e.vague ? 1 : 0));
  const n = examples.length;
  const dims = names.length + 1; // the last one is the bias
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const grad = new Float64Array(dims);
  const rate = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  for (let t = 1; t <= options.iterations; t++) {
    grad.fill(0);
    for (let r = 0; r < n; r++) {
      let z = w[dims - 1]!;
      for (const i of rows[r]!) z += w[i]!;
      const err = 1 / (1 + Math.exp(-z)) - y[r]!;
      for (const i of rows[r]!) grad[i]! += err;
      grad[dims - 1]! += err;
    }
    for (let i = 0; i < dims; i++) {
      const g = grad[i]! / n + (i < dims - 1 ? options.l2 * w[i]! : 0);
      m[i] = beta1 * m[i]! + (1 - beta1) * g;
      v[i] = beta2 * v[i]! + (1 - beta2) * g * g;
      const mh = m[i]! / (1 - beta1 ** t);
      const vh = v[i]! / (1 - beta2 ** t);
      w[i] = w[i]! - (rate * mh) / (Math.sqrt(vh) + eps);
    }
  }
  const weights: Record<string, number> = {};
  // Rounded so the shipped file is small and diffs stay readable; tiny weights change nothing.
  names.forEach((f, i) => {
    const x = Math.round(w[i]! * 1000) / 1000;
    if (x !== 0) weights[f] = x;
  });
  return { bias: Math.round(w[dims - 1]! * 1000) / 1000, threshold: options.threshold, weights };
}

export function trainOnRows(rows: LabelledRow[], options: TrainOptions = TRAIN_DEFAULTS): LinearModel {
  const model = train(rows.map((r) => exampleOf(r.text, r.label === 'vague')), options);
  return {
    trainedOn: { rows: rows.length, vague: rows.filter((r) => r.label === 'vague').length, publishers: new Set(rows.map((r) => r.publisher)).size },
    ...model,
  };
}

export const WEIGHTS_FILE = path.resolve(__dirname, '..', '..', 'server', 'src', 'core', 'quality', 'learned', 'weights.json');

if (require.main === module) {
  const rows = loadLabelledRows();
  const model = trainOnRows(rows);
  fs.writeFileSync(WEIGHTS_FILE, JSON.stringify(model, null, 0).replace(/,"/g, ',\n"') + '\n');
  console.log(`weights: ${Object.keys(model.weights).length} features from ${rows.length} rows (${model.trainedOn.publishers} publishers) -> ${path.relative(process.cwd(), WEIGHTS_FILE)}`);
}
