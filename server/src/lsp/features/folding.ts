// Folding ranges: objectives, key results, their lists (key results, check-ins, links) and blocks
// of two or more comment lines.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Field, OkrDocument, Range } from '../../core';

export function foldingRanges(doc: OkrDocument): FoldingRange[] {
  const byStart = new Map<number, FoldingRange>();
  const add = (startLine: number, endLine: number, kind?: FoldingRangeKind) => {
    if (endLine <= startLine) return;
    const have = byStart.get(startLine);
    // One range per start line (clients keep only one): the widest wins.
    if (!have || have.endLine < endLine) byStart.set(startLine, kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  const addRange = (r: Range) => add(r.start.line, lastLine(r));
  const addField = (f: Field | undefined) => {
    if (f) add(f.keyRange.start.line, lastLine(f.valueRange));
  };

  addField(doc.objectivesField);
  for (const o of doc.objectives) {
    addRange(o.node.range);
    addField(o.keyResultsField);
    for (const kr of o.keyResults) {
      addRange(kr.node.range);
      addField(kr.node.fields.get('checkins'));
      addField(kr.node.fields.get('links'));
      for (const c of kr.checkins) addRange(c.node.range);
    }
  }
  for (const block of commentBlocks(doc)) add(block.start, block.end, FoldingRangeKind.Comment);
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

/** The last line a range really covers: a range ending at column 0 stops on the line before. */
export function lastLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}

function commentBlocks(doc: OkrDocument): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = -1;
  const n = doc.lines.lineCount;
  for (let line = 0; line <= n; line++) {
    let isComment = false;
    if (line < n) {
      const { start: s, end: e } = doc.lines.lineBounds(line);
      isComment = /^[ \t]*#/.test(doc.text.slice(s, e));
    }
    if (isComment && start < 0) start = line;
    if (!isComment && start >= 0) {
      if (line - 1 > start) out.push({ start, end: line - 1 });
      start = -1;
    }
  }
  return out;
}
