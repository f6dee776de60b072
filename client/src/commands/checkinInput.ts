// Parsing and validation of what the user types into the check-in prompts. Pure (no `vscode`).
import type { KeyResultModel } from '../../../server/src/shared/protocol';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const YES = new Set(['yes', 'y', 'true', 'done', '1']);
const NO = new Set(['no', 'n', 'false', 'not done', '0']);

/**
 * The value of a check-in: a number for metrics, guardrails and drafts (an optional trailing unit
 * such as `ms` or `%` and thousands separators are accepted), yes/no for a milestone.
 */
export function parseCheckinValue(kind: KeyResultModel['kind'], input: string, unit?: string): Parsed<number | boolean> {
  const text = input.trim();
  if (kind === 'milestone') {
    const t = text.toLowerCase();
    if (YES.has(t)) return { ok: true, value: true };
    if (NO.has(t)) return { ok: true, value: false };
    return { ok: false, message: 'A milestone takes yes (done) or no.' };
  }
  if (!text) return { ok: false, message: 'Enter a number.' };
  let body = text;
  if (unit && body.toLowerCase().endsWith(unit.toLowerCase())) body = body.slice(0, body.length - unit.length).trim();
  if (unit === '$' && body.startsWith('$')) body = body.slice(1).trim();
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(body)) {
    return { ok: false, message: unit ? `Enter a number (in ${unit}).` : 'Enter a number.' };
  }
  const value = Number(body);
  if (!Number.isFinite(value)) return { ok: false, message: 'Enter a finite number.' };
  return { ok: true, value };
}

/** Optional confidence: empty = none; `0.7` or `70%`; must be within 0..1. */
export function parseConfidence(input: string): Parsed<number | undefined> {
  const text = input.trim();
  if (!text) return { ok: true, value: undefined };
  const pct = text.endsWith('%');
  const body = pct ? text.slice(0, -1).trim() : text;
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(body)) return { ok: false, message: 'Confidence is a number from 0 to 1 (or a percentage), or empty.' };
  const value = pct ? Number(body) / 100 : Number(body);
  if (value < 0 || value > 1) return { ok: false, message: 'Confidence must be between 0 and 1.' };
  return { ok: true, value };
}

/** The prompt and placeholder of the value input box for a key result. */
export function valuePrompt(kr: Pick<KeyResultModel, 'kind' | 'unit' | 'title' | 'current' | 'target'>): { prompt: string; placeHolder: string } {
  if (kr.kind === 'milestone') return { prompt: `Is "${kr.title}" done? (yes/no)`, placeHolder: 'yes or no' };
  const unit = kr.unit ? ` (${kr.unit})` : '';
  const now = typeof kr.current === 'number' ? `now ${kr.current}` : 'no value yet';
  const target = kr.target !== undefined ? `, target ${kr.target}` : '';
  return { prompt: `Current value of "${kr.title}"${unit}`, placeHolder: `${now}${target}` };
}

