// Code actions: quick fixes for the rules' diagnostics (driven by their `data`), an extract
// refactoring for draft key results, suppression comments, and "fix all" (`source.fixAll.okr`: the
// safe fixes at once, the same as `okr check --fix`). Every edit is a minimal text edit computed by
// core/edits, so comments, quoting and layout elsewhere in the file stay as they were.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import {
  addOwnerEdit,
  checkinEdits,
  extractFieldsEdits,
  fixAll,
  mostUsedOwner,
  qualityOf,
  replaceReferenceEdit,
  scoreKeyResult,
  spellingFix,
  suppressEdit,
  type EditResult,
  type FixData,
  type KeyResult,
  type Objective,
  type OkrConfig,
  type OkrDocument,
  type TextEdit,
  type WorkspaceIndex,
} from '../../core';
import { locate } from './locate';

/** The kind of the fix-all action; `source.fixAll` (what editors ask for on save) includes it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.okr`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

/** Rules whose diagnostics may be fixed by extracting baseline/target/unit from the title. */
const EXTRACT_RULES = new Set(['kr-not-measurable', 'kr-missing-baseline']);
/** Diagnostics a comment cannot (or should not) silence. */
const NOT_SUPPRESSIBLE = new Set(['yaml-syntax', 'unused-suppression']);

export interface CodeActionInput {
  doc: OkrDocument;
  range: Range;
  diagnostics: Diagnostic[];
  only?: string[];
  today: string;
  config: OkrConfig;
  index?: WorkspaceIndex;
  /** The document's path, for the rules that resolve paths when fixing all. */
  path?: string;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { doc } = input;
  const wants = (kind: string) => !input.only || input.only.some((o) => kind === o || kind.startsWith(o + '.'));
  const out: CodeAction[] = [];
  const action = (title: string, kind: string, result: EditResult, extra: Partial<CodeAction> = {}) => {
    if (!result.ok || !wants(kind)) return;
    out.push({ title, kind, edit: { changes: { [doc.uri]: result.edits as TextEdit[] } }, ...extra });
  };

  for (const d of input.diagnostics) {
    if (d.source !== 'okr' || typeof d.code !== 'string') continue;
    const data = d.data as FixData | undefined;
    const fix = (title: string, result: EditResult, preferred = false) =>
      action(title, CodeActionKind.QuickFix, result, { diagnostics: [d], ...(preferred ? { isPreferred: true } : {}) });
    const at = locate(doc, d.range.start);

    switch (data?.kind) {
      case 'rename-key':
      case 'replace-value': {
        const spelling = spellingFix(doc, d.range, data);
        if (spelling) fix(spelling.title, spelling.result, true);
        break;
      }
      case 'replace-reference':
        // One fix per suggestion, the likeliest first (and preferred).
        if (!Array.isArray(data.candidates) || typeof data.from !== 'string') break; // data comes back from the client
        data.candidates.filter((to): to is string => typeof to === 'string').forEach((to, i) => fix(`Change to '${to}'`, replaceReferenceEdit(doc, d.range, data.from, to), i === 0));
        break;
      case 'extract-from-to':
        if (at.keyResult) fix(extractTitle(data), extractFieldsEdits(doc, at.keyResult, data), true);
        break;
      case 'add-owner': {
        const map = at.mapKind === 'keyResult' ? at.keyResult?.node : at.mapKind === 'objective' ? at.objective?.node : undefined;
        if (!map) break;
        const owner = mostUsedOwner(doc);
        if (owner) fix(`Add owner: "${owner}"`, addOwnerEdit(doc, map, owner), true);
        fix('Add owner: "@owner" (placeholder)', addOwnerEdit(doc, map, '@owner'));
        break;
      }
      case 'add-checkin':
        if (at.keyResult && at.objective) addCheckin(at.objective, at.keyResult, input, fix);
        break;
      default:
        break;
    }
    if (EXTRACT_RULES.has(d.code) && data?.kind !== 'extract-from-to' && at.keyResult?.title) {
      const q = qualityOf(at.keyResult.title, input.config);
      if (q.fromTo) fix(extractTitle(q.fromTo), extractFieldsEdits(doc, at.keyResult, q.fromTo), true);
    }
    if (!NOT_SUPPRESSIBLE.has(d.code)) {
      fix(`Suppress '${d.code}' on this line`, suppressEdit(doc, d.range.start.line, d.code));
    }
  }

  // Refactoring, with or without a diagnostic: a draft key result whose title states from X to Y.
  const here = locate(doc, input.range.start);
  const kr = here.keyResult;
  if (kr && kr.kind === 'draft' && kr.title && (here.mapKind === 'keyResult' || here.mapKind === 'checkin')) {
    const q = qualityOf(kr.title, input.config);
    if (q.fromTo) action(extractTitle(q.fromTo), CodeActionKind.RefactorExtract, extractFieldsEdits(doc, kr, q.fromTo));
  }

  // Fix all: only when asked for by kind (on save, or "Source Action..."), never in the light bulb.
  if (input.only && wants(FIX_ALL_KIND)) {
    const all = fixAll(doc, { config: input.config, today: input.today, path: input.path, workspace: input.index });
    if (all.fixed.length > 0) {
      const n = all.fixed.length;
      action(`Fix all safe OKR problems (${n} ${n === 1 ? 'fix' : 'fixes'})`, FIX_ALL_KIND, { ok: true, edits: all.edits });
    }
  }
  return out;
}

function extractTitle(f: { baseline: number; target: number; unit?: string }): string {
  return `Extract baseline ${f.baseline}, target ${f.target}${f.unit ? `, unit "${f.unit}"` : ''} from the title`;
}

function addCheckin(
  objective: Objective,
  kr: KeyResult,
  input: CodeActionInput,
  fix: (title: string, result: EditResult, preferred?: boolean) => void,
): void {
  if (!objective.id || !kr.id) return;
  let value: number | boolean | undefined;
  if (kr.kind === 'milestone') value = kr.done === true;
  else {
    const s = scoreKeyResult(kr, input.doc.period, input.today, objective.type);
    value = typeof s.current === 'number' ? s.current : undefined;
  }
  if (value === undefined) return;
  fix(
    `Check in today (${input.today}) with the current value ${String(value)}`,
    checkinEdits(input.doc, objective.id, kr.id, { date: input.today, value }),
    true,
  );
}
