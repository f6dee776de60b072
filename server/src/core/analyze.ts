// Runs the rules over one document: severities from the configuration, suppression comments,
// stable ordering. The single entry point both the CLI and the language server call.
import { ruleDocsUrl, type OkrDiagnostic } from './diagnostics';
import type { FileHistory } from './history/file-history';
import type { KeyResult, OkrDocument } from './model';
import { analyzeKeyResultText, type TextAnalysis } from './quality';
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
}

// Title analyses are pure functions of the text and the quality settings: share them across
// documents and versions, so an edit re-analyses only the titles it changed.
const qualityCache = new Map<string, TextAnalysis>();
const QUALITY_CACHE_MAX = 20_000;

export function qualityOf(text: string, config: OkrConfig): TextAnalysis {
  const q = config.quality;
  const key = q.extraVagueWords.length || q.units.length ? `${q.extraVagueWords.join(',')}|${q.units.join(',')}|${text}` : text;
  let hit = qualityCache.get(key);
  if (!hit) {
    hit = analyzeKeyResultText(text, { extraVagueWords: q.extraVagueWords, units: q.units });
    if (qualityCache.size >= QUALITY_CACHE_MAX) qualityCache.clear();
    qualityCache.set(key, hit);
  }
  return hit;
}

export function analyzeDocument(doc: OkrDocument, options: AnalyzeOptions): OkrDiagnostic[] {
  const out: OkrDiagnostic[] = [];
  const scope = options.scope ?? 'all';
  const runRule = (rule: Rule) => {
    const severity = severityFor(rule.id, rule.defaultSeverity, options.config);
    if (severity === 'off') return;
    const ctx: RuleContext = {
      doc,
      path: options.path,
      config: options.config,
      today: options.today,
      workspace: options.workspace,
      fileExists: options.fileExists,
      fileLineCount: options.fileLineCount,
      history: options.history,
      quality: (kr: KeyResult) => (kr.title ? qualityOf(kr.title, options.config) : undefined),
      qualityOfText: (text: string) => qualityOf(text, options.config),
      report: (r) => out.push({ rule: rule.id, severity, message: r.message, range: r.range, docsUrl: ruleDocsUrl(rule.id), tags: r.tags, data: r.data }),
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule bug must not take the whole analysis (and the editor's diagnostics) down with it.
      out.push({
        rule: rule.id,
        severity: 'error',
        message: `Internal error in rule '${rule.id}': ${(e as Error).message}. Please report it.`,
        range: doc.lines.range(0, 0),
        docsUrl: ruleDocsUrl(rule.id),
      });
    }
  };
  for (const rule of RULES) if (scope === 'all' || rule.scope === scope) runRule(rule);
  const kept = applySuppressions(doc, out, options.config, scope === 'all');
  return kept.sort(compareDiagnostics);
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
