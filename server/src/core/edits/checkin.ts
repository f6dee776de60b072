// The check-in edit: append a check-in to a key result and update `current` (and `done` for a
// milestone), as minimal text edits so the user's comments, quoting and layout stay as they were.
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { findByHandle, type KeyResult, type OkrDocument } from '../model';
import { isValidIsoDate } from '../period';
import { latestCheckin } from '../scoring';
import { eolOf, insertAt, replaceRange, yamlScalar, type EditResult, type TextEdit } from './text-edit';

export interface CheckinEntry {
  date: string;
  value: number | boolean;
  confidence?: number;
  note?: string;
}

export function validateCheckinValue(kr: KeyResult, value: unknown): string | undefined {
  if (kr.kind === 'milestone') return typeof value === 'boolean' ? undefined : 'a milestone takes true (done) or false';
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'the value must be a number';
  return undefined;
}

export function checkinEdits(doc: OkrDocument, objectiveId: string, keyResultId: string, entry: CheckinEntry): EditResult {
  const objective = findByHandle(doc.objectives, objectiveId, 'objective');
  if (!objective) return { ok: false, message: `no objective '${objectiveId}' in this file` };
  const kr = findByHandle(objective.keyResults, keyResultId, 'kr');
  if (!kr) return { ok: false, message: `no key result '${keyResultId}' in objective '${objectiveId}'` };
  const invalid = validateCheckinValue(kr, entry.value);
  if (invalid) return { ok: false, message: invalid };
  if (!isValidIsoDate(entry.date)) return { ok: false, message: `'${entry.date}' is not a date (YYYY-MM-DD)` };
  // Typed checks, not comparisons: `true >= 0` and `[0.5] <= 1` hold in JavaScript.
  if (entry.confidence !== undefined && !(typeof entry.confidence === 'number' && entry.confidence >= 0 && entry.confidence <= 1)) {
    return { ok: false, message: 'confidence must be a number from 0 to 1' };
  }
  if (entry.note !== undefined && typeof entry.note !== 'string') return { ok: false, message: 'the note must be text' };
  if (doc.yamlErrors.length > 0) return { ok: false, message: 'the file has YAML errors; fix them before checking in' };

  const krNode = findKrNode(doc, objective.index, kr.index);
  if (!krNode) return { ok: false, message: 'cannot find the key result in the YAML' };
  if (krNode.flow) return { ok: false, message: 'this key result is written as a flow map { … }; write it as a block map to check in' };

  const eol = eolOf(doc);
  const edits: TextEdit[] = [];
  const checkinsPair = pairOf(krNode, 'checkins');
  const seq = checkinsPair?.value as Node | null | undefined;

  if (checkinsPair && isSeq(seq) && seq.items.length > 0) {
    const items = (seq as YAMLSeq).items as Node[];
    const last = items[items.length - 1]!;
    if (seq.flow) {
      // [ {...}, {...} ] -> one more entry after the last.
      edits.push(insertAt(doc, last.range![1], `, ${flowEntry(entry)}`));
    } else {
      const dashCol = dashColumn(doc, last);
      const style = isMap(last) && !(last as YAMLMap).flow ? 'block' : 'flow';
      const lineEnd = doc.lines.lineBounds(doc.lines.positionAt(last.range![1] - 1).line).end;
      edits.push(insertAt(doc, lineEnd, eol + ' '.repeat(dashCol) + '- ' + (style === 'flow' ? flowEntry(entry) : blockEntry(entry, dashCol + 2, eol))));
    }
  } else if (checkinsPair) {
    // `checkins:` empty, `checkins: []` or something unusable: replace the value with a fresh list.
    const keyNode = checkinsPair.key as Node;
    const keyCol = doc.lines.positionAt(keyNode.range![0]).character;
    const valueNode = checkinsPair.value as Node | null;
    const start = doc.text.indexOf(':', keyNode.range![1]) + 1; // after the colon
    const end = valueNode?.range ? valueNode.range[1] : start;
    const item = eol + ' '.repeat(keyCol + 2) + '- ' + flowEntry(entry);
    if (doc.text.slice(start, end).trim() === '') {
      // Nothing written after the colon but maybe a comment: the list starts on the next line, after
      // the comment (replacing the blank before it would glue the comment to the new item).
      edits.push(insertAt(doc, doc.lines.lineBounds(doc.lines.positionAt(keyNode.range![0]).line).end, item));
    } else edits.push(replaceRange(doc, start, end, item));
  } else {
    const col = keyColumn(doc, krNode);
    const lastLine = doc.lines.positionAt(krNode.range![1] - 1).line;
    const lineEnd = doc.lines.lineBounds(lastLine).end;
    edits.push(insertAt(doc, lineEnd, `${eol}${' '.repeat(col)}checkins:${eol}${' '.repeat(col + 2)}- ${flowEntry(entry)}`));
  }

  // The newest check-in sets `current`/`done` (and `confidence`, when it has one) where the file
  // states them; older back-filled ones do not.
  const latest = latestCheckin(kr);
  if (!latest?.date || entry.date >= latest.date) {
    const replaceValue = (key: string, value: number | boolean) => {
      const field = kr.node.fields.get(key);
      if (!field) return;
      const s = doc.lines.offsetAt(field.valueRange.start);
      const e = doc.lines.offsetAt(field.valueRange.end);
      if (e > s) edits.push(replaceRange(doc, s, e, String(value)));
    };
    replaceValue(kr.kind === 'milestone' ? 'done' : 'current', entry.value);
    if (entry.confidence !== undefined) replaceValue('confidence', entry.confidence);
  }
  return { ok: true, edits };
}

function flowEntry(e: CheckinEntry): string {
  const parts = [`date: ${e.date}`, `value: ${e.value}`];
  if (e.confidence !== undefined) parts.push(`confidence: ${e.confidence}`);
  if (e.note) parts.push(`note: ${yamlScalar(e.note)}`);
  return `{${parts.join(', ')}}`;
}

function blockEntry(e: CheckinEntry, col: number, eol: string): string {
  const pad = eol + ' '.repeat(col);
  let s = `date: ${e.date}${pad}value: ${e.value}`;
  if (e.confidence !== undefined) s += `${pad}confidence: ${e.confidence}`;
  if (e.note) s += `${pad}note: ${yamlScalar(e.note)}`;
  return s;
}

function findKrNode(doc: OkrDocument, objectiveIndex: number, krIndex: number): YAMLMap | undefined {
  const node = doc.yaml.getIn(['objectives', objectiveIndex, 'key_results', krIndex], true);
  return isMap(node) ? (node as YAMLMap) : undefined;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return (map.items as Pair[]).find((p) => isScalar(p.key) && p.key.value === key);
}

/** Column of the `-` that introduces a sequence item. */
function dashColumn(doc: OkrDocument, item: Node): number {
  const pos = doc.lines.positionAt(item.range![0]);
  const { start } = doc.lines.lineBounds(pos.line);
  const before = doc.text.slice(start, doc.lines.offsetAt(pos));
  const dash = before.lastIndexOf('-');
  return dash >= 0 ? dash : pos.character;
}

function keyColumn(doc: OkrDocument, map: YAMLMap): number {
  const first = (map.items as Pair[])[0]?.key as Node | undefined;
  return first?.range ? doc.lines.positionAt(first.range[0]).character : 0;
}
