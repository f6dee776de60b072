// `okr check`'s analysis: every reported file through the core, plus okr.config.yaml's own problems
// and one `unreadable-file` error per file asked about that could not be read.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument, checkCodeTags, ruleDocsUrl, unreadableFileDiagnostic, UNREADABLE_FILE, type AnalyzeOptions, type OkrDiagnostic, type Severity, type WorkspaceIndex } from '../core';
import { displayPath, type Workspace, type WorkspacePlan, type WorkspaceRoot } from './load-workspace';
import { fileLineCount } from '../node/repository';
import { loadCodeTags, readText } from './code-tags';

/** The pseudo-rule under which problems of okr.config.yaml are reported. */
export const CONFIG_RULE = 'config';
/** The pseudo-rule of a file that could not be read (the language server reports the same). */
export const UNREADABLE_RULE = UNREADABLE_FILE;

export interface FileResult {
  abs: string;
  /** Relative to the current folder, forward slashes. */
  rel: string;
  /** Relative to the workspace root, forward slashes (SARIF's artifact URIs). */
  rootRel: string;
  /** The file's text, for fingerprints. */
  text: string;
  diagnostics: OkrDiagnostic[];
}

export interface Counts {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface CheckResult {
  root: string;
  today: string;
  files: FileResult[];
  summary: Counts;
}

function rootRelative(abs: string, root: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

/** okr.config.yaml's own problems, as a file of the report (none: undefined). */
export function configFileResult(ws: WorkspaceRoot): FileResult | undefined {
  if (!ws.configPath || ws.configProblems.length === 0) return undefined;
  return {
    abs: ws.configPath,
    rel: displayPath(ws.configPath, ws.cwd),
    rootRel: rootRelative(ws.configPath, ws.root),
    text: ws.configText ?? '',
    diagnostics: ws.configProblems.map((p) => ({
      rule: CONFIG_RULE,
      severity: 'error' as const,
      message: p.message,
      range: p.range,
      docsUrl: ruleDocsUrl(CONFIG_RULE),
    })),
  };
}

export function runCheck(ws: Workspace, today: string): CheckResult {
  const files: FileResult[] = [];
  const config = configFileResult(ws);
  if (config) files.push(config);
  for (const f of ws.reported) {
    const diagnostics = analyzeDocument(f.doc, analyzeOptions(ws, f.abs, today));
    files.push({ abs: f.abs, rel: f.rel, rootRel: rootRelative(f.abs, ws.root), text: f.doc.text, diagnostics });
  }
  for (const u of ws.unreadable) {
    files.push({ abs: u.abs, rel: u.rel, rootRel: rootRelative(u.abs, ws.root), text: '', diagnostics: [unreadableFileDiagnostic(u.message)] });
  }
  files.push(...codeTagResults(ws, ws.index));
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { root: ws.root, today, files, summary: countAll(files, ws.reported.length + ws.unreadable.length) };
}

/**
 * The source files under the given folders whose code tags name nothing, at their place in the code
 * file. `index` needs the ids of every .okr file (stubs will do: the parallel check has only those).
 */
export function codeTagResults(ws: Pick<WorkspacePlan, 'root' | 'cwd' | 'config' | 'sourceDirs'>, index: WorkspaceIndex, tags = loadCodeTags(ws)): FileResult[] {
  const out: FileResult[] = [];
  for (const abs of tags.files()) {
    const diagnostics = checkCodeTags(index, tags.tagsIn(abs), ws.config);
    if (diagnostics.length) out.push({ abs, rel: displayPath(abs, ws.cwd), rootRel: rootRelative(abs, ws.root), text: readText(abs), diagnostics });
  }
  return out;
}

/** How a file of the workspace is analysed: by `okr check` and by `--fix` between its passes. */
export function analyzeOptions(ws: Workspace, abs: string, today: string): AnalyzeOptions {
  return { config: ws.config, today, path: abs, workspace: ws.index, fileExists: (p: string) => fs.existsSync(p), fileLineCount, history: ws.histories?.get(abs) };
}

/** --quiet: errors only, counted again (so --max-warnings has nothing to count). */
export function errorsOnly(result: CheckResult): CheckResult {
  const files = result.files.map((f) => ({ ...f, diagnostics: f.diagnostics.filter((d) => d.severity === 'error') }));
  return { ...result, files, summary: countAll(files, result.summary.files) };
}

export function countAll(files: readonly FileResult[], fileCount: number): Counts {
  const c: Counts = { files: fileCount, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const f of files) for (const d of f.diagnostics) bump(c, d.severity);
  return c;
}

export function countSeverities(diags: readonly OkrDiagnostic[]): Counts {
  const c: Counts = { files: 1, errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const d of diags) bump(c, d.severity);
  return c;
}

function bump(c: Counts, s: Severity): void {
  if (s === 'error') c.errors++;
  else if (s === 'warning') c.warnings++;
  else if (s === 'info') c.infos++;
  else c.hints++;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "7 problems (1 error, 4 warnings, 2 infos)"; hints only when there are some. */
export function describeCounts(c: Counts): string {
  const total = c.errors + c.warnings + c.infos + c.hints;
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning'), plural(c.infos, 'info')];
  if (c.hints) parts.push(plural(c.hints, 'hint'));
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}
