// Shorthands the quality rule tests share: the verdict, the quantities and the signals of a title.
import { analyzeKeyResultText, extractQuantities } from '../../../server/src/core/quality';

export const verdict = (text: string): 'measurable' | 'vague' => (analyzeKeyResultText(text).measurable ? 'measurable' : 'vague');
/** Every quantity as "kind:text". */
export const kinds = (text: string): string[] => extractQuantities(text).map((q) => `${q.kind}:${q.text}`);
/** The texts of the quantities that are amounts (not dates or placeholders). */
export const amounts = (text: string): string[] =>
  extractQuantities(text).filter((q) => q.kind !== 'date' && q.kind !== 'placeholder').map((q) => q.text);
export const signals = (text: string): string[] => analyzeKeyResultText(text).signals.map((s) => s.id);
