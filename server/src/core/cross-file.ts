// What other files' workspace rules read from a file: its objective and key-result ids (references
// resolve to them), each objective's parent (alignment cycles run through it) and its period (a child's
// period is checked against it). When this changes, the other files' workspace rules must run again;
// when it does not (a title, a check-in), their results still hold.
import type { OkrDocument } from './model';

export function crossFileSignature(doc: OkrDocument): string {
  const period = doc.period ? `${doc.period.start}..${doc.period.end}` : '';
  const objectives = doc.objectives.map((o) => `${o.id ?? ''}>${o.effectiveAlignsTo ?? ''}/${o.keyResults.map((k) => k.id ?? '').join(',')}`);
  return [period, ...objectives].join('\n');
}
