// Document symbols: the period, then objectives with their key results, each with its score and
// status as the detail ("0.62 · on track"). Ranges come from the model; nothing is re-parsed.
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { GRADE_LABEL, scoreDocument, STATUS_LABEL, type Grade, type KeyResult, type MapNode, type Objective, type ObjectiveScorer, type OkrDocument, type Range, type Status } from '../../core';

/** How objectives and key results are named in the outline and in workspace symbols. */
export function objectiveName(o: Objective): string {
  return symbolName(o.id, o.title, `objective ${o.index + 1}`);
}

export function keyResultName(kr: KeyResult): string {
  return symbolName(kr.id, kr.title, `key result ${kr.index + 1}`);
}

function symbolName(id: string | undefined, title: string | undefined, fallback: string): string {
  if (id && title) return `${id}: ${title}`;
  return id || title || fallback;
}

/** "0.62 · on track", or only the status when there is no score; "0.62 · final, fell short" after the period. */
export function scoreDetail(score: number | undefined, status: Status, grade?: Grade): string {
  const label = status === 'final' && grade ? `${STATUS_LABEL[status]}, ${GRADE_LABEL[grade]}` : STATUS_LABEL[status];
  return score === undefined ? label : `${score.toFixed(2)} · ${label}`;
}

/** `scorer`: the workspace's, so objectives show their aligned rollups; without it, own key results only. */
export function documentSymbols(doc: OkrDocument, today: string, scorer?: ObjectiveScorer): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (doc.periodField) {
    const f = doc.periodField;
    out.push({
      name: doc.period ? `period ${doc.period.label}` : 'period',
      detail: doc.period ? `${doc.period.start} – ${doc.period.end}` : 'not a valid period',
      kind: SymbolKind.Event,
      range: { start: f.keyRange.start, end: f.valueRange.end },
      selectionRange: f.valueRange,
    });
  }
  const score = scoreDocument(doc, today, { scorer });
  doc.objectives.forEach((o, i) => {
    const os = score.objectives[i]!;
    out.push({
      name: objectiveName(o),
      detail: scoreDetail(os.score, os.status, os.grade),
      kind: SymbolKind.Class,
      range: o.node.range,
      selectionRange: nodeIdRange(o.node),
      children: o.keyResults.map((kr, j) => {
        const ks = os.keyResults[j]!;
        return {
          name: keyResultName(kr),
          detail: scoreDetail(ks.score, ks.status, ks.grade),
          kind: SymbolKind.Field,
          range: kr.node.range,
          selectionRange: nodeIdRange(kr.node),
        };
      }),
    });
  });
  return out;
}

/** idRange of a map of the model, without copying the fields of a map an edit moved (see MapNode.fieldValueRange). */
export function nodeIdRange(node: MapNode): Range {
  if (!node.fieldValueRange) return idRange(node.fields, node.range);
  return node.fieldValueRange('id') ?? node.fieldValueRange('title') ?? { start: node.range.start, end: node.range.start };
}

/** The id's value when there is one (what the cursor lands on), else the start of the node. */
export function idRange(fields: Map<string, { valueRange: Range }>, nodeRange: Range): Range {
  return fields.get('id')?.valueRange ?? fields.get('title')?.valueRange ?? { start: nodeRange.start, end: nodeRange.start };
}
