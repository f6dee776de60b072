// The diagnostics of one model, for the publisher and the workspace model alike. File-scope rules
// depend only on the model, the configuration and the day, so their result is kept with the model
// (a new version is a new model); workspace-scope rules that read other .okr files run each time, and
// those that read only the disk are kept with the model too (workspaceScopeOf).
import * as fs from 'node:fs';
import { fileLineCount } from '../node/repository';
import { adoptAnalysis, analyzeDocument, compareDiagnostics, releaseSyntaxTree, type AnalyzeOptions, type OkrDiagnostic, type OkrDocument, type Rule } from '../core';
import type { Root } from './state';

/** Rules' results kept with a model, and the inputs besides the model they were computed from. */
type Kept = WeakMap<OkrDocument, { inputs: readonly unknown[]; diagnostics: OkrDiagnostic[] }>;

/** `run()`'s result for `doc`, computed again only when one of `inputs` is not the one it was computed with. */
function keptWith(kept: Kept, doc: OkrDocument, inputs: readonly unknown[], run: () => OkrDiagnostic[]): OkrDiagnostic[] {
  let entry = kept.get(doc);
  if (!entry || entry.inputs.length !== inputs.length || entry.inputs.some((x, i) => x !== inputs[i])) {
    entry = { inputs, diagnostics: run() };
    kept.set(doc, entry);
  }
  return entry.diagnostics;
}

const fileScope: Kept = new WeakMap();

export function diagnosticsOf(doc: OkrDocument, options: Omit<AnalyzeOptions, 'scope'>): OkrDiagnostic[] {
  // A suppression comment can only be judged unused over all rules: such files take one full pass.
  if (doc.suppressions.size > 0) return analyzeDocument(doc, { ...options, scope: 'all' });
  return [...fileScopeOf(doc, options), ...workspaceScopeOf(doc, options)].sort(compareDiagnostics);
}

const readsOtherFiles = (rule: Rule) => rule.readsOtherOkrFiles !== false;
const readsOnlyDisk = (rule: Rule) => rule.readsOtherOkrFiles === false;
const diskScope: Kept = new WeakMap();

/**
 * The workspace-scope rules' result. Those that read other .okr files run each time; those that read
 * only the disk (link-broken: whether linked files exist) are kept with the model, like the file-scope
 * ones: re-checking 2,000 files because a parent they align to changed probed every link of every file
 * on disk again, a third of that work, for answers the change could not move. A new version of the
 * file (an edit, a change on disk) is a new model and probes them again.
 */
function workspaceScopeOf(doc: OkrDocument, options: Omit<AnalyzeOptions, 'scope'>): OkrDiagnostic[] {
  const disk = keptWith(diskScope, doc, [options.config, options.today, options.path], () => analyzeDocument(doc, { ...options, scope: 'workspace', rules: readsOnlyDisk }));
  const graph = analyzeDocument(doc, { ...options, scope: 'workspace', rules: readsOtherFiles });
  return disk.length === 0 ? graph : graph.length === 0 ? disk : [...graph, ...disk].sort(compareDiagnostics);
}

/** The file-scope rules' result for a model, run once per configuration and day. */
function fileScopeOf(doc: OkrDocument, options: Omit<AnalyzeOptions, 'scope'>): OkrDiagnostic[] {
  // A history arriving from git is a new input of the file-scope rules that read it.
  return keptWith(fileScope, doc, [options.config, options.today, options.history], () => analyzeDocument(doc, { ...options, scope: 'file' }));
}

/**
 * A file read from disk (not open): its file-scope rules run now, while its syntax tree is at hand,
 * and then the model lets go of the tree (releaseSyntaxTree), which is most of its memory.
 */
export function settleFileOnDisk(doc: OkrDocument, root: Root, path: string, today: string): void {
  if (doc.suppressions.size === 0) fileScopeOf(doc, { config: root.config, today, path, workspace: root.index, fileExists: (f) => fs.existsSync(f), history: root.histories.get(path) });
  releaseSyntaxTree(doc);
}

/**
 * Opening a file reuses the scanned model as a copy with the editor's uri and version. File-scope
 * rules read neither, so the copy takes over the scanned model's cached result instead of running
 * the rules again.
 */
export function adoptFileScope(from: OkrDocument, to: OkrDocument): void {
  const file = fileScope.get(from);
  if (file && !fileScope.has(to)) fileScope.set(to, file);
  adoptAnalysis(from, to);
}

/**
 * The same, as two lists: the file-scope rules' (the very array kept with the model, so a caller can
 * tell it is unchanged by identity) and the workspace-scope rules'. Undefined for a file with
 * suppression comments, which takes one pass over all rules (diagnosticsInRoot).
 */
export function diagnosticPartsInRoot(doc: OkrDocument, root: Root, path: string | undefined, today: string): { file: readonly OkrDiagnostic[]; workspace: OkrDiagnostic[] } | undefined {
  if (doc.suppressions.size > 0) return undefined;
  const options = { config: root.config, today, path, workspace: root.index, fileExists: (f: string) => fs.existsSync(f), fileLineCount, history: root.histories.get(path) };
  return { file: fileScopeOf(doc, options), workspace: workspaceScopeOf(doc, options) };
}

/** The diagnostics of a file of a workspace root, as the server shows them (links checked on disk). */
export function diagnosticsInRoot(doc: OkrDocument, root: Root, path: string | undefined, today: string): OkrDiagnostic[] {
  return diagnosticsOf(doc, { config: root.config, today, path, workspace: root.index, fileExists: (f) => fs.existsSync(f), fileLineCount, history: root.histories.get(path) });
}
