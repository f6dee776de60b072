// A document's problems in blocks, one per objective (and one for the rest of the file), with lines
// counted from the block's first line; and what changed since the blocks last sent. publishDiagnostics
// replaces a document's whole list: on a large file with thousands of problems each keystroke re-sent
// megabytes of which one objective's problems had changed. A client that takes the blocks
// (DOCUMENT_DIAGNOSTICS_OPTION) is sent the blocks that changed, and for the blocks that only moved
// (lines added or removed above them), their new first line.
import type { Diagnostic } from 'vscode-languageserver';
import type { OkrDiagnostic, OkrDocument } from '../core';
import type { DocumentDiagnosticsParams } from '../shared/protocol';
import { toLspDiagnostic } from './convert';

/** The problems of one block as last sent: its first line and the problems themselves. */
export interface SentBlock {
  line: number;
  diagnostics: readonly OkrDiagnostic[];
}

/** The key of the block that is not an objective's: problems before, between or after the list. */
export const FILE_BLOCK = 'file';

interface Block {
  line: number;
  diagnostics: OkrDiagnostic[];
}

/** Splits problems into blocks by the objective whose lines they start in. */
export function blocksOf(doc: OkrDocument | undefined, diagnostics: readonly OkrDiagnostic[]): Map<string, Block> {
  const blocks = new Map<string, Block>();
  const starts: number[] = [];
  const keys: string[] = [];
  let endLine = -1;
  if (doc && doc.objectives.length > 0) {
    for (const o of doc.objectives) {
      starts.push(doc.lines.positionAt(o.node.start).line);
      keys.push(`o${o.index}`);
    }
    const last = doc.objectives[doc.objectives.length - 1]!;
    endLine = doc.lines.positionAt(last.node.end).line;
  }
  for (const d of diagnostics) {
    const line = d.range.start.line;
    let key = FILE_BLOCK;
    let base = 0;
    if (starts.length > 0 && line >= starts[0]! && line <= endLine) {
      // The last objective starting at or before the line.
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= line) lo = mid;
        else hi = mid - 1;
      }
      key = keys[lo]!;
      base = starts[lo]!;
    }
    let block = blocks.get(key);
    if (!block) blocks.set(key, (block = { line: base, diagnostics: [] }));
    block.diagnostics.push(d);
  }
  return blocks;
}

/** Whether two problems say the same, their lines counted from `aBase` and `bBase` (0, 0: as they are). */
export function sameProblem(a: OkrDiagnostic, aBase: number, b: OkrDiagnostic, bBase: number): boolean {
  if (a === b && aBase === bBase) return true;
  const x = a.range;
  const y = b.range;
  return (
    a.rule === b.rule &&
    a.severity === b.severity &&
    a.message === b.message &&
    a.docsUrl === b.docsUrl &&
    x.start.line - aBase === y.start.line - bBase &&
    x.end.line - aBase === y.end.line - bBase &&
    x.start.character === y.start.character &&
    x.end.character === y.end.character &&
    (a.tags === b.tags || JSON.stringify(a.tags) === JSON.stringify(b.tags)) &&
    (a.data === b.data || JSON.stringify(a.data) === JSON.stringify(b.data))
  );
}

/** A problem as LSP sends it, its lines counted from `base`. */
function relative(d: OkrDiagnostic, base: number): Diagnostic {
  const lsp = toLspDiagnostic(d);
  if (base === 0) return lsp;
  const { start, end } = d.range;
  lsp.range = { start: { line: start.line - base, character: start.character }, end: { line: end.line - base, character: end.character } };
  return lsp;
}

/**
 * The message that takes a client from `previous` (undefined: it holds nothing for the document) to
 * `next`, and the blocks to remember as sent.
 */
export function blockDelta(
  uri: string,
  version: number | null,
  previous: ReadonlyMap<string, SentBlock> | undefined,
  next: Map<string, Block>,
): { params: DocumentDiagnosticsParams; sent: Map<string, SentBlock> } {
  const params: DocumentDiagnosticsParams = { uri, version, reset: previous === undefined, blocks: [], removed: [] };
  for (const [key, block] of next) {
    const old = previous?.get(key);
    const same = old !== undefined && old.diagnostics.length === block.diagnostics.length && old.diagnostics.every((d, i) => sameProblem(d, old.line, block.diagnostics[i]!, block.line));
    if (!same) params.blocks.push({ key, line: block.line, diagnostics: block.diagnostics.map((d) => relative(d, block.line)) });
    else if (old.line !== block.line) params.blocks.push({ key, line: block.line });
  }
  if (previous) for (const key of previous.keys()) if (!next.has(key)) params.removed.push(key);
  return { params, sent: next };
}
