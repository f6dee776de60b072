// What the workspace rules of one file read from the other files of the workspace: their ids, their
// parents (aligns_to) and their periods (see crossFileSignature). A summary is plain data (it crosses
// worker threads by structured clone); a stub is an OkrDocument built from it that the WorkspaceIndex
// can hold in place of the full model of a file that is not analysed itself. A host that splits a
// workspace between threads parses its own share fully and holds the rest as stubs: the rules of its
// files then see the same references, cycles and periods as with every model at hand.
import { parseDocument, type Document } from 'yaml';
import type { KeyResult, MapNode, Objective, OkrDocument } from './model';
import type { Period } from './period';
import { LineIndex } from './positions';

export interface ReferenceSummary {
  period?: Period;
  alignsTo?: string;
  objectives: Array<{ id?: string; alignsTo?: string; index: number; keyResults: Array<{ id?: string; index: number }> }>;
}

export function referenceSummary(doc: OkrDocument): ReferenceSummary {
  return {
    period: doc.period,
    alignsTo: doc.alignsTo,
    objectives: doc.objectives.map((o) => ({
      id: o.id,
      alignsTo: o.alignsTo,
      index: o.index,
      keyResults: o.keyResults.map((k) => ({ id: k.id, index: k.index })),
    })),
  };
}

// Stubs are never analysed, edited or shown: one empty text, line index, YAML document and map serve them all.
const EMPTY_LINES = new LineIndex('');
const EMPTY_YAML = parseDocument('') as Document.Parsed;
const emptyNode = (): MapNode => ({ fields: new Map(), range: EMPTY_LINES.range(0, 0), start: 0, end: 0, indent: 0, flow: false });

/** An OkrDocument with only what other files' rules read from it (no text, no ranges). */
export function stubDocument(uri: string, summary: ReferenceSummary): OkrDocument {
  const node = emptyNode();
  return {
    uri,
    version: 0,
    text: '',
    lines: EMPTY_LINES,
    yaml: EMPTY_YAML,
    yamlErrors: [],
    yamlWarnings: [],
    period: summary.period,
    alignsTo: summary.alignsTo,
    suppressions: new Map(),
    objectives: summary.objectives.map(
      (o): Objective => ({
        id: o.id,
        alignsTo: o.alignsTo,
        effectiveAlignsTo: o.alignsTo ?? summary.alignsTo,
        index: o.index,
        type: 'aspirational',
        weight: 1,
        state: 'active',
        node,
        keyResults: o.keyResults.map(
          (k): KeyResult => ({ id: k.id, index: k.index, weight: 1, links: [], checkins: [], kind: 'draft', state: 'active', node }),
        ),
      }),
    ),
  };
}
