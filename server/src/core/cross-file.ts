// What other files' workspace rules read from a file: its objective and key-result ids (references
// resolve to them), each objective's parent (alignment cycles run through it) and its period (a child's
// period is checked against it). When this changes, the other files' workspace rules must run again;
// when it does not (a title, a check-in), their results still hold.
import type { Objective, OkrDocument } from './model';
import { derivationOf } from './reparse';

/** Each document's signature parts (period, then one per objective), kept so an edited version recomputes one. */
const parts = new WeakMap<OkrDocument, string[]>();

function objectivePart(o: Objective): string {
  return `${o.id ?? ''}>${o.effectiveAlignsTo ?? ''}/${o.keyResults.map((k) => k.id ?? '').join(',')}`;
}

export function crossFileSignature(doc: OkrDocument): string {
  let p = parts.get(doc);
  if (!p) {
    // A version re-parsed by an edit inside one objective differs from its previous one there only.
    const d = derivationOf(doc);
    const previous = d && d.previous.deref();
    const before = previous && parts.get(previous);
    if (d && before && before.length === doc.objectives.length + 1) {
      p = [...before];
      const i = doc.objectives.findIndex((o) => o.index === d.objective);
      p[i + 1] = objectivePart(doc.objectives[i]!);
    } else {
      p = [doc.period ? `${doc.period.start}..${doc.period.end}` : '', ...doc.objectives.map(objectivePart)];
    }
    parts.set(doc, p);
  }
  return p.join('\n');
}
