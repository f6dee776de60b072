// `# okr-disable-next-line <rule>` above a line, in that line's indentation; when the line above
// already is such a comment, the rule is added to it instead of stacking a second comment.
import type { OkrDocument } from '../model';
import { eolOf, insertAt, type EditResult } from './text-edit';

// The same boundary as parse.ts: `okr-disable-next-line-ish` is not a suppression comment.
const SUPPRESS = /^([ \t]*#[ \t]*okr-disable-next-line(?![\w-]))([^\n]*)$/;

export function suppressEdit(doc: OkrDocument, line: number, rule: string): EditResult {
  if (line < 0 || line >= doc.lines.lineCount) return { ok: false, message: 'no such line' };
  const { start, end } = doc.lines.lineBounds(line);
  const text = doc.text.slice(start, end);
  if (line > 0) {
    const prev = doc.lines.lineBounds(line - 1);
    const m = SUPPRESS.exec(doc.text.slice(prev.start, prev.end));
    if (m) {
      const rest = m[2]!;
      const reason = rest.search(/\s--/);
      const ids = (reason >= 0 ? rest.slice(0, reason) : rest).split(/[\s,]+/).filter(Boolean);
      if (ids.length === 0 || ids.includes(rule) || ids.includes('*')) return { ok: false, message: 'already suppressed' };
      const idsEnd = prev.start + m[1]!.length + (reason >= 0 ? reason : rest.trimEnd().length);
      return { ok: true, edits: [insertAt(doc, idsEnd, ` ${rule}`)] };
    }
  }
  const pad = /^[ \t]*/.exec(text)![0];
  return { ok: true, edits: [insertAt(doc, start, `${pad}# okr-disable-next-line ${rule}${eolOf(doc)}`)] };
}
