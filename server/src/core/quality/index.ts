/**
 * Text analysis of a key-result title: is it measurable, and why (not).
 * Pure and synchronous; no I/O, no models. See docs/rules/kr-not-measurable.md.
 */
export type {
  QualityReason, Quantity, QuantityKind, Signal, TextAnalysis, QualityOptions, FromTo,
} from './types';
export { REASON_ORDER } from './types';
export { analyzeKeyResultText } from './analyze';
export { analyzeWithRules, findPlaceholderIn } from './analyzeText';
export { extractQuantities } from './quantities';
export { extractFromTo } from './fromTo';
export { analysedPart, ANALYSED_CHARS } from './cap';
