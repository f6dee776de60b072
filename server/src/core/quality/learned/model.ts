/**
 * A logistic regression over the features of `features.ts`: the probability that a key result is
 * vague. Trained offline (scripts/quality/train.ts) on the labelled key results and shipped as
 * data (weights.json), so it is deterministic and needs nothing at run time but a sum.
 */
import type { FeatureSpan } from './features';

export interface LinearModel {
  /** What the weights were trained on, for the docs and the staleness test. */
  trainedOn: { rows: number; vague: number; publishers: number };
  bias: number;
  /** The probability from which the key result is called vague. */
  threshold: number;
  weights: Record<string, number>;
}

export interface Contribution { feature: string; weight: number; start?: number; end?: number }

export interface Verdict {
  vague: boolean;
  probability: number;
  /** The features that pushed towards the verdict, strongest first. */
  reasons: Contribution[];
}

export function judge(model: LinearModel, spans: FeatureSpan[]): Verdict {
  let z = model.bias;
  const contributions: Contribution[] = [];
  for (const s of spans) {
    const w = model.weights[s.feature];
    if (w === undefined) continue;
    z += w;
    const c: Contribution = { feature: s.feature, weight: w };
    if (s.start !== undefined && s.end !== undefined) { c.start = s.start; c.end = s.end; }
    contributions.push(c);
  }
  const probability = 1 / (1 + Math.exp(-z));
  const vague = probability >= model.threshold;
  const reasons = contributions.filter((c) => (vague ? c.weight > 0 : c.weight < 0)).sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
  return { vague, probability, reasons };
}
