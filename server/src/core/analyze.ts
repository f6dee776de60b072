// Runs the rules over one document: severities from the configuration, suppression comments,
// stable ordering. The single entry point both the CLI and the language server call.
import { ruleDocsUrl, type OkrDiagnostic } from './diagnostics';
import type { FileHistory } from './history/file-history';
import type { KeyResult, Objective, OkrDocument } from './model';
import { derivationOf } from './reparse';
import { rangeMovedByLines } from './positions';
import { placeholderOf, qualityOf } from './quality-cache';
import { RULES, type Rule, type RuleContext } from './rules';
import { severityFor } from './config';
import type { OkrConfig } from './schema';
import type { WorkspaceIndex } from './workspace';

export interface AnalyzeOptions {
  config: OkrConfig;
  today: string;
  path?: string;
  workspace?: WorkspaceIndex;
  fileExists?: (absPath: string) => boolean | undefined;
  /** Lines of a file on disk (for link ranges past its end); undefined = unknown, say nothing. */
  fileLineCount?: (absPath: string) => number | undefined;
  /** The file's git history (rules target-moved, baseline-moved, checkin-stale read it). */
  history?: FileHistory;
  /** Which rules to run: all (default), or only file / workspace scoped ones (incremental re-runs). */
  scope?: 'all' | 'file' | 'workspace';
  /** Of those, only the rules this accepts (a host keeping some rules' results apart). */
  rules?: (rule: Rule) => boolean;
}

/**
 * The per-objective results of a document's last analysis (what the rules' checkObjective reported,
 * by position in `doc.objectives`) and the options they hold for. The next version, re-parsed from
 * this one by an edit inside one objective, takes the others' results from here.
 */
interface ObjectiveResults {
  config: OkrConfig;
  today: string;
  path: string | undefined;
  scope: string;
  /** The git history the results were computed with (it arrives after the first analysis). */
  history: FileHistory | undefined;
  /** The rules' objectiveContext() for the document. */
  context: string;
  byObjective: OkrDiagnostic[][];
}

const objectiveResults = new WeakMap<OkrDocument, ObjectiveResults>();

/** How many objectives the rules' checkObjective ran on (tests assert an edit re-checks only one). */
export const analysisStats = { objectivesChecked: 0 };

/**
 * `to` is a copy of `from` that differs only in what no rule reads (the uri and version an editor
 * gave the text the workspace scan had parsed): it takes over `from`'s per-objective results.
 */
export function adoptAnalysis(from: OkrDocument, to: OkrDocument): void {
  const r = objectiveResults.get(from);
  if (r && !objectiveResults.has(to)) objectiveResults.set(to, r);
}

/** One rule's context, reporting into `sink` (swapped per objective by the caller). */
function ruleContext(doc: OkrDocument, options: AnalyzeOptions, rule: Rule, severity: Exclude<ReturnType<typeof severityFor>, 'off'>, sink: { out: OkrDiagnostic[] }): RuleContext {
  const docsUrl = ruleDocsUrl(rule.id);
  return {
    doc,
    path: options.path,
    config: options.config,
    today: options.today,
    workspace: options.workspace,
    fileExists: options.fileExists,
    fileLineCount: options.fileLineCount,
    history: options.history,
    quality: (kr: KeyResult) => (kr.title ? qualityOf(kr.title, options.config) : undefined),
    placeholderIn: (text: string) => placeholderOf(text, options.config),
    report: (r) => sink.out.push({ rule: rule.id, severity, message: r.message, range: r.range, docsUrl, tags: r.tags, data: r.data }),
  };
}

/** Runs `fn`; a rule bug becomes one diagnostic instead of taking the whole analysis (and the editor's diagnostics) down. */
function guarded(doc: OkrDocument, rule: Rule, out: OkrDiagnostic[], fn: () => void): void {
  try {
    fn();
  } catch (e) {
    out.push({
      rule: rule.id,
      severity: 'error',
      message: `Internal error in rule '${rule.id}': ${(e as Error).message}. Please report it.`,
      range: doc.lines.range(0, 0),
      docsUrl: ruleDocsUrl(rule.id),
    });
  }
}

export function analyzeDocument(doc: OkrDocument, options: AnalyzeOptions): OkrDiagnostic[] {
  const out: OkrDiagnostic[] = [];
  const scope = options.scope ?? 'all';
  const sink = { out };
  const perObjective: Array<{ rule: Rule; ctx: RuleContext }> = [];
  for (const rule of RULES) {
    if (scope !== 'all' && rule.scope !== scope) continue;
    if (options.rules && !options.rules(rule)) continue;
    const severity = severityFor(rule.id, rule.defaultSeverity, options.config);
    if (severity === 'off') continue;
    const ctx = ruleContext(doc, options, rule, severity, sink);
    if (rule.check) guarded(doc, rule, out, () => rule.check!(ctx));
    if (rule.checkObjective) perObjective.push({ rule, ctx });
  }
  for (const list of objectiveDiagnostics(doc, options, scope, perObjective, sink)) for (const d of list) out.push(d);
  const kept = applySuppressions(doc, out, options.config, scope === 'all');
  return kept.sort(compareDiagnostics);
}

/**
 * What the rules' checkObjective report, per objective. When `doc` was re-parsed from a version
 * analysed with the same options, only the objective the edit touched is checked again; the others
 * keep their diagnostics (moved by the lines the edit added or removed, for those after it).
 */
function objectiveDiagnostics(doc: OkrDocument, options: AnalyzeOptions, scope: string, rules: Array<{ rule: Rule; ctx: RuleContext }>, sink: { out: OkrDiagnostic[] }): OkrDiagnostic[][] {
  // A run of the workspace rules alone (the server runs them apart from the file's) has none to keep.
  if (rules.length === 0) return [];
  const d = derivationOf(doc);
  const previousDoc = d?.previous.deref();
  const previous = previousDoc && objectiveResults.get(previousDoc);
  const context = rules.map(({ rule }) => rule.objectiveContext?.(doc) ?? '').join('|');
  const reuse =
    !options.rules &&
    d &&
    previousDoc &&
    previous &&
    previous.config === options.config &&
    previous.today === options.today &&
    previous.path === options.path &&
    previous.scope === scope &&
    previous.history === options.history &&
    previous.context === context &&
    previous.byObjective.length === doc.objectives.length;
  const check = (o: Objective): OkrDiagnostic[] => {
    analysisStats.objectivesChecked++;
    const list: OkrDiagnostic[] = [];
    sink.out = list;
    for (const { rule, ctx } of rules) guarded(doc, rule, list, () => rule.checkObjective!(ctx, o));
    // Kept in order: an objective's problems lie in its lines and the objectives follow each other,
    // so the document's list is one ordered run that the final sort passes through in one pass,
    // instead of sorting 8,000 problems again on each keystroke.
    return list.sort(compareDiagnostics);
  };
  const byObjective = doc.objectives.map((o, i) => {
    if (!reuse || o.index === d.objective) return check(o);
    const before = previous.byObjective[i]!;
    return o.index < d.objective || d.lineDelta === 0 ? before : before.map((x) => moveLines(x, d.lineDelta));
  });
  objectiveResults.set(doc, { config: options.config, today: options.today, path: options.path, scope, history: options.history, context, byObjective });
  return byObjective;
}

function moveLines(d: OkrDiagnostic, lines: number): OkrDiagnostic {
  return { ...d, range: rangeMovedByLines(d.range, lines) };
}

/**
 * The last line a suppression on `line` covers. A comment above a list item ("- id: kr-1") covers the
 * whole item, so a key result's title two lines down is covered too; above any other line it covers
 * that line.
 */
function suppressedThrough(doc: OkrDocument, line: number): number {
  const text = (l: number): string => {
    const { start, end } = doc.lines.lineBounds(l);
    return doc.text.slice(start, end);
  };
  const first = text(line);
  const item = /^(\s*)-(?:\s|$)/.exec(first);
  if (!item) return line;
  const indent = item[1]!.length;
  let last = line;
  for (let l = line + 1; l < doc.lines.lineCount; l++) {
    const t = text(l);
    if (t.trim() === '') continue;
    if (t.length - t.trimStart().length <= indent) break;
    last = l;
  }
  return last;
}

/**
 * Is `rule` silenced on `line` by an okr-disable-next-line comment? The hover asks, since it leaves a
 * vague title's advice to the rule's diagnostic only when that diagnostic is shown.
 */
export function isSuppressed(doc: OkrDocument, line: number, rule: string): boolean {
  for (const [at, ids] of doc.suppressions) {
    if ((ids.has('*') || ids.has(rule)) && line >= at && line <= suppressedThrough(doc, at)) return true;
  }
  return false;
}

function applySuppressions(doc: OkrDocument, diags: OkrDiagnostic[], config: OkrConfig, reportUnused: boolean): OkrDiagnostic[] {
  if (doc.suppressions.size === 0) return diags;
  const spans = [...doc.suppressions].map(([line, ids]) => ({ line, through: suppressedThrough(doc, line), ids }));
  const used = new Set<number>();
  const kept = diags.filter((d) => {
    const at = d.range.start.line;
    const hit = spans.find((s) => at >= s.line && at <= s.through && (s.ids.has('*') || s.ids.has(d.rule)));
    if (hit) {
      used.add(hit.line);
      return false;
    }
    return true;
  });
  const severity = severityFor('unused-suppression', 'hint', config);
  // Any rule's diagnostic may be the one a comment targets, so only a full run can tell.
  if (reportUnused && severity !== 'off') {
    for (const line of doc.suppressions.keys()) {
      if (used.has(line)) continue;
      const { start, end } = doc.lines.lineBounds(line - 1);
      kept.push({
        rule: 'unused-suppression',
        severity,
        message: 'This okr-disable-next-line comment suppresses nothing on the next line (or the list item it starts): remove it.',
        range: doc.lines.range(start + (doc.text.slice(start, end).length - doc.text.slice(start, end).trimStart().length), end),
        docsUrl: ruleDocsUrl('unused-suppression'),
        tags: ['unnecessary'],
      });
    }
  }
  return kept;
}

export function compareDiagnostics(a: OkrDiagnostic, b: OkrDiagnostic): number {
  // Rule ids are ASCII: a plain comparison orders them as localeCompare did, many times faster.
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
