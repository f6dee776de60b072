/**
 * The verdict kr-not-measurable reports: the hand-written analysis (analyzeText.ts) read by the
 * learned layer (learned/), a logistic regression trained offline on the labelled key results.
 * The rules know the OKR vocabulary (amounts, thresholds, targets, milestones); the learned layer
 * weighs what they found against the wording, which is what generalised better to publishers the
 * rules were not written from (docs/rules/kr-not-measurable.md, "Leave-one-publisher-out").
 * When the two disagree, the analysis says which feature decided, so the message stays explainable.
 */
import type { QualityOptions, QualityReason, Signal, TextAnalysis } from './types';
import { REASON_ORDER } from './types';
import { analyzeWithRulesAndWords } from './analyzeText';
import { analysedPart } from './cap';
import { featureSpans, weightedSum } from './learned/features';
import { judge, type Contribution, type LinearModel } from './learned/model';
import weights from './learned/weights.json';
import type { Word } from './words';

const MODEL = weights as LinearModel;

/** Reasons that only a vague key result has (labelling guide §1.2). */
const VAGUE_ONLY: ReadonlySet<QualityReason> = new Set(['no_number', 'no_target', 'weasel']);

export function analyzeKeyResultText(fullText: string, options: QualityOptions = {}): TextAnalysis {
  const text = analysedPart(fullText);
  const rules = analyzeWithRulesAndWords(text, options);
  return decide(rules.analysis, text, options, MODEL, rules.text === text ? rules.words : undefined);
}

/**
 * The rules' analysis `a` of `text`, with the verdict of `model` (exported for tests with a model of
 * their own). `words` is `tokenize(text)` when the caller has it.
 */
export function decide(a: TextAnalysis, text: string, options: QualityOptions, model: LinearModel, words?: Word[]): TextAnalysis {
  // A word the team itself listed as vague is a decision, not something to weigh.
  if (!a.measurable && configured(a, text, options)) return a;
  // Most titles: the layer agrees with the rules, and only its sum is needed (judge() would build
  // every feature with its span and sort the contributions, which costs more than the rules).
  const z = weightedSum(model.bias, model.weights, text, a, words);
  if (1 / (1 + Math.exp(-z)) >= model.threshold === !a.measurable) return a;
  const verdict = judge(model, featureSpans(text, a));
  const decided = verdict.reasons.find((c) => c.start !== undefined) ?? verdict.reasons[0];
  return verdict.vague ? overruledAsVague(a, text, decided) : overruledAsMeasurable(a, text, verdict.reasons.find((c) => c.start !== undefined));
}

function configured(a: TextAnalysis, text: string, options: QualityOptions): boolean {
  const extra = new Set((options.extraVagueWords ?? []).map((w) => w.toLowerCase()));
  return extra.size > 0 && a.signals.some((s) => s.id === 'weasel-word' && s.start !== undefined && extra.has(text.slice(s.start, s.end).toLowerCase()));
}

/**
 * The feature that decided, in the user's terms: a rule signal says what it found ("'Improve' promises a
 * change but gives no amount"); a word or an amount is quoted with what it means for the verdict.
 */
function describe(c: Contribution | undefined, a: TextAnalysis, text: string, vague: boolean): string {
  const s = c?.feature.startsWith('signal:') ? a.signals.find((x) => `signal:${x.id}` === c.feature) : undefined;
  if (s) return s.message;
  const what = c?.start !== undefined ? `'${text.slice(c.start, c.end)}'` : 'the wording as a whole';
  return vague ? `${what} reads as a key result no one could grade at the end of the period` : `${what} can be checked at the end of the period`;
}

function learnedSignal(message: string, c: Contribution | undefined): Signal {
  const s: Signal = { id: 'learned', message: `${message} (weighed by the learned layer)` };
  if (c?.start !== undefined && c.end !== undefined) { s.start = c.start; s.end = c.end; }
  return s;
}

function overruledAsVague(a: TextAnalysis, text: string, decided: Contribution | undefined): TextAnalysis {
  const what = describe(decided, a, text, true);
  const numeric = a.quantities.some((q) => q.kind !== 'date' && q.kind !== 'placeholder');
  const reasons = new Set<QualityReason>(a.reasons.filter((r) => r !== 'no_baseline'));
  if (![...reasons].some((r) => VAGUE_ONLY.has(r) || r === 'no_unit')) reasons.add(numeric ? 'no_unit' : 'no_number');
  return {
    ...a,
    measurable: false,
    reasons: orderReasons(reasons),
    signals: [...a.signals, learnedSignal(what, decided)],
    summary: what,
    fix: numeric
      ? 'Say which metric the amount is of and the value that means done, so anyone can read the result from data.'
      : 'Say what will be measured and the value that means done, or the date or end state that makes it pass or fail.',
    example: a.example ?? 'Reduce p95 checkout latency from 800 ms to 300 ms',
  };
}

function overruledAsMeasurable(a: TextAnalysis, text: string, decided: Contribution | undefined): TextAnalysis {
  const what = describe(decided, a, text, false);
  const out: TextAnalysis = {
    ...a,
    measurable: true,
    reasons: a.reasons.filter((r) => !VAGUE_ONLY.has(r)),
    signals: [...a.signals, learnedSignal(what, decided)],
    summary: `measurable: ${what}`,
  };
  delete out.fix;
  delete out.example;
  return out;
}

function orderReasons(r: Set<QualityReason>): QualityReason[] {
  return REASON_ORDER.filter((x) => r.has(x));
}
