/**
 * Leave-one-publisher-out cross-validation of kr-not-measurable: for each publishing organisation,
 * train the learned layer on every other publisher's rows, then judge the left-out rows with it.
 * Nothing of the left-out publisher reaches training (features that only it uses get no weight).
 * The positive class is "vague" (the warning fires).
 */
import { judge } from '../../server/src/core/quality/learned/model';
import { featureSpans } from '../../server/src/core/quality/learned/features';
import { analyzeWithRules } from '../../server/src/core/quality/analyzeText';
import type { LabelledRow } from './dataset';
import { train, TRAIN_DEFAULTS, type Example, type TrainOptions } from './train';

export interface Counts { tp: number; fp: number; fn: number; tn: number }

export interface PublisherScore extends Counts { publisher: string; rows: number; vague: number }

/** Publishers with fewer rows than this are reported together, as one group (their own folds stay separate). */
export const SMALL_PUBLISHER_ROWS = 15;

export type Judge = (rows: LabelledRow[], training: LabelledRow[]) => boolean[];

/** The hand-written rules alone: nothing to train. */
export const rulesOnly: Judge = (rows) => rows.map((r) => !analyzeWithRules(r.text).measurable);

/** The shipped method: the learned layer trained on the training rows. */
export function learned(options: TrainOptions = TRAIN_DEFAULTS, keep: (feature: string) => boolean = () => true): Judge {
  const cache = new Map<string, ReturnType<typeof featureSpans>>();
  const spans = (text: string): ReturnType<typeof featureSpans> => {
    let s = cache.get(text);
    if (!s) cache.set(text, (s = featureSpans(text, analyzeWithRules(text)).filter((f) => keep(f.feature))));
    return s;
  };
  return (rows, training) => {
    const examples: Example[] = training.map((r) => ({ features: spans(r.text).map((s) => s.feature), vague: r.label === 'vague' }));
    const model = { trainedOn: { rows: 0, vague: 0, publishers: 0 }, ...train(examples, options) };
    return rows.map((r) => judge(model, spans(r.text)).vague);
  };
}

function count(rows: LabelledRow[], predicted: boolean[]): Counts {
  const c: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  rows.forEach((r, i) => {
    const gold = r.label === 'vague';
    const p = predicted[i]!;
    if (p && gold) c.tp++;
    else if (p) c.fp++;
    else if (gold) c.fn++;
    else c.tn++;
  });
  return c;
}

export function crossValidate(rows: LabelledRow[], judgeWith: Judge): PublisherScore[] {
  const publishers = [...new Set(rows.map((r) => r.publisher))].sort();
  return publishers.map((publisher) => {
    const held = rows.filter((r) => r.publisher === publisher);
    const training = rows.filter((r) => r.publisher !== publisher);
    return { publisher, rows: held.length, vague: held.filter((r) => r.label === 'vague').length, ...count(held, judgeWith(held, training)) };
  });
}

export const precision = (c: Counts): number | undefined => (c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : undefined);
export const recall = (c: Counts): number | undefined => (c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : undefined);

export interface Summary {
  /** The publishers with at least SMALL_PUBLISHER_ROWS rows, largest first, then the small ones as one group. */
  groups: PublisherScore[];
  macro: { precision: number; recall: number };
  pooled: { precision: number; recall: number };
}

const sum = (xs: Counts[]): Counts => xs.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn, tn: a.tn + c.tn }), { tp: 0, fp: 0, fn: 0, tn: 0 });
const mean = (xs: Array<number | undefined>): number => {
  const d = xs.filter((x): x is number => x !== undefined);
  return d.reduce((a, b) => a + b, 0) / Math.max(1, d.length);
};

/** Macro = the unweighted mean over the groups where the figure is defined (someone flagged / something vague). */
export function summarise(scores: PublisherScore[]): Summary {
  const big = scores.filter((s) => s.rows >= SMALL_PUBLISHER_ROWS).sort((a, b) => b.rows - a.rows || a.publisher.localeCompare(b.publisher));
  const small = scores.filter((s) => s.rows < SMALL_PUBLISHER_ROWS);
  const groups = [...big];
  if (small.length > 0) {
    groups.push({ publisher: `${small.length} smaller publishers`, rows: small.reduce((a, s) => a + s.rows, 0), vague: small.reduce((a, s) => a + s.vague, 0), ...sum(small) });
  }
  const all = sum(scores);
  return {
    groups,
    macro: { precision: mean(groups.map(precision)), recall: mean(groups.map(recall)) },
    pooled: { precision: precision(all) ?? 0, recall: recall(all) ?? 0 },
  };
}
