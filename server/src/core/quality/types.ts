/**
 * Public types of the key-result text analysis. Other modules (rules, hover, quick
 * fixes) depend on these names: add fields, never rename or remove.
 */

/** Reason codes of the labelling guide, listed in the guide's fixed order. */
export type QualityReason =
  | 'no_number'
  | 'no_target'
  | 'weasel'
  | 'task'
  | 'no_baseline'
  | 'no_unit'
  | 'deadline_only'
  | 'compound';

export const REASON_ORDER: readonly QualityReason[] = [
  'no_number', 'no_target', 'weasel', 'task', 'no_baseline', 'no_unit', 'deadline_only', 'compound',
];

export type QuantityKind =
  | 'number'
  | 'percent'
  | 'ratio'
  | 'multiplier'
  | 'currency'
  | 'duration'
  | 'date'
  | 'quantifier'
  | 'placeholder';

export interface Quantity {
  text: string;
  start: number;
  end: number;
  value?: number;
  unit?: string;
  kind: QuantityKind;
  /** Threshold word attached to the amount: "at least 2", "<30%", "below 3min", "4+". */
  comparator?: 'min' | 'max' | 'approx';
}

export interface Signal {
  id: string;
  message: string;
  start?: number;
  end?: number;
}

export interface FromTo {
  baseline: number;
  target: number;
  unit?: string;
  start: number;
  end: number;
}

export interface TextAnalysis {
  /** The verdict for kr-not-measurable (false => flag). */
  measurable: boolean;
  /** Same codes as the labelling guide, in the guide's fixed order. */
  reasons: QualityReason[];
  /** Everything that fired, for explanations and hover. */
  signals: Signal[];
  quantities: Quantity[];
  fromTo?: FromTo;
  direction?: 'increase' | 'decrease' | 'maintain';
  /** Activity/task rather than result (feeds kr-output-not-outcome). */
  outputNotOutcome: boolean;
  /** Several results in one KR (feeds kr-compound). */
  compound: boolean;
  /** Unreplaced template text (feeds placeholder-text). */
  placeholder?: { text: string; start: number; end: number };
  /** One line: why it is (not) measurable. */
  summary: string;
  /** How to fix, one sentence (only when not measurable or clearly improvable). */
  fix?: string;
  /** An example rewrite. */
  example?: string;
  /** The parts of a compound KR, for a "split" quick fix. */
  parts?: { text: string; start: number; end: number }[];
}

export interface QualityOptions {
  /** Extra words to treat as weasel words (from okr.config.yaml quality.extraVagueWords). */
  extraVagueWords?: string[];
  /** Extra unit/metric words to accept after a number (from okr.config.yaml quality.units). */
  units?: string[];
}
