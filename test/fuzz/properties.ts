// The properties the fuzzer holds the core to, as functions that throw on a finding. Shared by the
// short runs in `npm test` (test/fuzz/*.test.ts) and the long one in `npm run fuzz` (scripts/fuzz.ts).
import { analyzeDocument } from '../../server/src/core/analyze';
import { mergeConfig } from '../../server/src/core/config';
import type { OkrDiagnostic } from '../../server/src/core/diagnostics';
import type { OkrDocument } from '../../server/src/core/model';
import { parseOkrDocument } from '../../server/src/core/parse';
import type { Range } from '../../server/src/core/positions';
import { reparseOkrDocument } from '../../server/src/core/reparse';
import { scoreDocument } from '../../server/src/core/scoring';
import { WorkspaceIndex } from '../../server/src/core/workspace';
import { applyEdit, type Edit } from './inputs';

const URI = 'file:///ws/okrs/team.okr';
const PATH = '/ws/okrs/team.okr';
const CONFIG = mergeConfig();
const TODAY = '2026-11-20';

export class Finding extends Error {}

function fail(what: string, text: string): never {
  throw new Finding(`${what}\n--- input (JSON) ---\n${JSON.stringify(text)}`);
}

/** Lines of a text as LSP counts them (\n, \r\n and a lone \r end a line). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function analyse(doc: OkrDocument): OkrDiagnostic[] {
  const index = new WorkspaceIndex('/ws');
  index.set(PATH, doc);
  return analyzeDocument(doc, { config: CONFIG, today: TODAY, path: PATH, workspace: index, fileExists: () => true, fileLineCount: () => 100 });
}

/** Where a range is not inside the text: undefined when it is. */
export function rangeProblem(range: Range, lengths: readonly number[]): string | undefined {
  for (const [name, p] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${name} ${JSON.stringify(p)} is not a position`;
    if (p.line >= lengths.length) return `${name} line ${p.line} is past the last line (${lengths.length - 1})`;
    if (p.character > lengths[p.line]!) return `${name} ${p.line}:${p.character} is past the end of its line (${lengths[p.line]} characters)`;
  }
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `start ${JSON.stringify(start)} is after end ${JSON.stringify(end)}`;
  return undefined;
}

/**
 * Parsing, every rule and scoring finish without throwing on any text; every diagnostic's range lies
 * inside the document (no line past the last, no character past the end of its line); scores are
 * finite numbers from 0 up.
 */
export function checkDocument(text: string): void {
  let doc: OkrDocument;
  try {
    doc = parseOkrDocument(text, URI, 1);
  } catch (err) {
    fail(`parse threw: ${String(err)}`, text);
  }
  let diagnostics: OkrDiagnostic[];
  try {
    diagnostics = analyse(doc);
  } catch (err) {
    fail(`analyzeDocument threw: ${String(err)}`, text);
  }
  const lengths = lineLengths(text);
  for (const d of diagnostics) {
    const problem = rangeProblem(d.range, lengths);
    if (problem) fail(`${d.rule} diagnostic "${d.message.slice(0, 80)}": ${problem}`, text);
  }
  let score: ReturnType<typeof scoreDocument>;
  try {
    score = scoreDocument(doc, TODAY);
  } catch (err) {
    fail(`scoreDocument threw: ${String(err)}`, text);
  }
  const scores = [score.score, ...score.objectives.flatMap((o) => [o.score, ...o.keyResults.map((k) => k.score)])];
  for (const s of scores) if (s !== undefined && !(Number.isFinite(s) && s >= 0)) fail(`a score is ${s}`, text);
}

/** What a reader can observe of a model, as plain data: the full and the incremental parse must agree on it. */
export function snapshot(doc: OkrDocument): unknown {
  const map = (m: { range: Range; indent: number; flow: boolean; fields: Map<string, { keyRange: Range; valueRange: Range }> }) => ({
    range: m.range,
    indent: m.indent,
    flow: m.flow,
    fields: [...m.fields].map(([k, f]) => [k, f.keyRange, f.valueRange]),
  });
  return {
    text: doc.text,
    yamlErrors: doc.yamlErrors.map((e) => [e.code, e.message, e.range]),
    yamlWarnings: doc.yamlWarnings.map((e) => [e.code, e.message, e.range]),
    root: doc.root ? map(doc.root) : undefined,
    period: doc.period,
    team: doc.team,
    owner: doc.owner,
    alignsTo: doc.alignsTo,
    suppressions: [...doc.suppressions].map(([line, ids]) => [line, [...ids].sort()]),
    objectives: doc.objectives.map((o) => ({
      ...pick(o, ['id', 'title', 'owner', 'type', 'weight', 'alignsTo', 'rollup', 'rollupWeights', 'state', 'reason', 'effectiveAlignsTo', 'effectiveOwner', 'index']),
      node: map(o.node),
      keyResults: o.keyResults.map((k) => ({
        ...pick(k, ['id', 'title', 'owner', 'metric', 'unit', 'baseline', 'target', 'current', 'confidence', 'weight', 'guardrail', 'done', 'kind', 'state', 'reason', 'effectiveOwner', 'index']),
        links: k.links.map((l) => [l.text, l.range]),
        checkins: k.checkins.map((c) => [c.date, c.value, c.confidence, c.note, c.node.range]),
        node: map(k.node),
      })),
    })),
  };
}

function pick<T extends object>(o: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * Edits applied one by one, each version re-parsed incrementally from the previous one, give the
 * model and the diagnostics a full parse of the same text gives.
 */
export function checkReparse(text: string, edits: ReadonlyArray<readonly [number, number, string]>): void {
  let current = text;
  let doc = parseOkrDocument(current, URI, 1);
  analyse(doc); // so the next version's analysis may reuse this one's, as the server's does
  let version = 1;
  for (const [at, span, inserted] of edits) {
    const start = at % (current.length + 1);
    const edit: Edit = { start, end: Math.min(current.length, start + span), text: inserted };
    const next = applyEdit(current, edit);
    const incremental = reparseOkrDocument(doc, next, ++version);
    const full = parseOkrDocument(next, URI, version);
    const a = JSON.stringify(snapshot(incremental));
    const b = JSON.stringify(snapshot(full));
    if (a !== b) fail(`the incremental re-parse after edit ${JSON.stringify(edit)} differs from a full parse:\n${firstDifference(a, b)}`, current);
    const da = JSON.stringify(analyse(incremental).map(plainDiagnostic));
    const db = JSON.stringify(analyse(full).map(plainDiagnostic));
    if (da !== db) fail(`diagnostics after the incremental re-parse of edit ${JSON.stringify(edit)} differ from a full parse's:\n${firstDifference(da, db)}`, current);
    current = next;
    doc = incremental;
  }
}

function plainDiagnostic(d: OkrDiagnostic): unknown {
  return [d.rule, d.severity, d.message, d.range];
}

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `incremental: …${a.slice(Math.max(0, i - 80), i + 80)}…\nfull:        …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}
