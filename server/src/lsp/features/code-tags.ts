// Code-tag features. In a source file: a tag is a document link and a definition to its key result,
// its hover shows the key result's title, score and status, and completion after `okr:` offers
// references. In an .okr file: find references on a key result adds its tags and the other key
// results' links to the same code, and a code lens over each key result counts its code and issues.
import {
  CompletionItemKind,
  MarkupKind,
  type CodeLens,
  type CompletionItem,
  type CompletionList,
  type DocumentLink,
  type Hover,
  type Location,
  type Position,
} from 'vscode-languageserver';
import {
  codeOf,
  resolveTag,
  tagAt,
  targetAt,
  type CodeTag,
  type CodeTagIndex,
  type KeyResult,
  type KeyResultCode,
  type Objective,
  type OkrConfig,
  type OkrDocument,
  type TagResolution,
} from '../../core';
import type { Root } from '../state';
import { pathToUri } from '../uris';
import { keyResultCard, objectiveCard } from './hover';
import { codeSpan, mdText } from '../../shared/markdown';
import { idRange } from './symbols';

/** The command a code lens runs: the client turns its JSON arguments into a peek (editor.action.showReferences). */
export const SHOW_REFERENCES_COMMAND = 'okr.showReferences';

export interface TagInput {
  root: Root;
  tags: readonly CodeTag[];
  config: OkrConfig;
}

type Resolved = Extract<TagResolution, { ok: true }>;

function resolvedAt(input: TagInput, pos: Position): { tag: CodeTag; r: Resolved } | undefined {
  const tag = tagAt(input.tags, pos.line, pos.character);
  if (!tag) return undefined;
  const r = resolveTag(input.root.index, tag.ref);
  return r.ok ? { tag, r } : undefined;
}

function declaration(r: { path: string; objective: Objective; keyResult?: KeyResult }): Location {
  const node = (r.keyResult ?? r.objective).node;
  return { uri: pathToUri(r.path), range: idRange(node.fields, node.range) };
}

export function tagDefinition(input: TagInput, pos: Position): Location | null {
  const at = resolvedAt(input, pos);
  return at ? declaration(at.r) : null;
}

/** Every tag that resolves, as a link to its key result (the `#L<line>` fragment opens it at its id). */
export function tagDocumentLinks(input: TagInput): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const tag of input.tags) {
    const r = resolveTag(input.root.index, tag.ref);
    if (!r.ok) continue;
    const loc = declaration(r);
    out.push({ range: tag.range, target: `${loc.uri}#L${loc.range.start.line + 1}`, tooltip: `Open ${r.keyResult ? 'key result' : 'objective'} ${tag.ref}` });
  }
  return out;
}

export function tagHover(input: TagInput, pos: Position, today: string): Hover | null {
  const tag = tagAt(input.tags, pos.line, pos.character);
  if (!tag) return null;
  const r = resolveTag(input.root.index, tag.ref);
  if (!r.ok) return { contents: { kind: MarkupKind.Markdown, value: `**okr:** ${codeSpan(tag.ref)}: unresolved: ${mdText(r.reason)}` }, range: tag.range };
  const node = r.keyResult ?? r.objective;
  const title = `**${mdText(node.title ?? node.id ?? '')}**  \n${codeSpan(`${input.root.index.fileRef(r.path)}.okr`)}`;
  const card = r.keyResult
    ? keyResultCard(r.keyResult, r.objective, { doc: r.doc, today, config: input.config })
    : objectiveCard(r.objective, { doc: r.doc, today, index: input.root.index, config: input.config });
  return { contents: { kind: MarkupKind.Markdown, value: `${title}\n\n${card}` }, range: tag.range };
}

/** From a tag: its key result's declaration, and every tag naming the same key result. */
export function tagReferences(input: TagInput, tagIndex: CodeTagIndex, pos: Position, includeDeclaration: boolean): Location[] | null {
  const at = resolvedAt(input, pos);
  if (!at) return null;
  const code = codeOf(input.root.index, tagIndex, input.config, at.r.path, at.r.objective, at.r.keyResult, true);
  return [...(includeDeclaration ? [declaration(at.r)] : []), ...codeLocations(code, true)];
}

/** `okr: ` followed by references separated by commas, the last one being typed. */
const AFTER_MARKER = /(?:^|[^\w])okr:[ \t]*(?:[\w.\/-]*#[\w\/-]*[ \t]*,[ \t]*)*([\w.\/#-]*)$/;
const MAX_ITEMS = 500;

/** References to offer after `okr:` in a source file: objectives and key results by their shortest reference. */
export function tagCompletions(root: Root, lineText: string, pos: Position): CompletionList | null {
  const m = AFTER_MARKER.exec(lineText.slice(0, pos.character));
  if (!m) return null;
  const typed = m[1]!.toLowerCase();
  const range = { start: { line: pos.line, character: pos.character - m[1]!.length }, end: pos };
  const items: CompletionItem[] = [];
  let incomplete = false;
  const add = (ref: string, title: string | undefined, kind: CompletionItemKind) => {
    if (typed && !ref.toLowerCase().includes(typed)) return;
    if (items.length >= MAX_ITEMS) {
      incomplete = true;
      return;
    }
    items.push({ label: ref, kind, detail: title, textEdit: { range, newText: ref }, filterText: ref });
  };
  for (const e of root.index.objectives()) {
    add(e.ref, e.objective.title, CompletionItemKind.Module);
    for (const kr of e.objective.keyResults) if (kr.id) add(`${e.ref}/${kr.id}`, kr.title, CompletionItemKind.Reference);
  }
  return { isIncomplete: incomplete, items };
}

/** The locations of a key result's code: its tags, the files its links name, and (optionally) the issue links themselves. */
export function codeLocations(code: KeyResultCode, withShared: boolean, issuesAt?: string): Location[] {
  const out: Location[] = code.tags.map((t) => ({ uri: pathToUri(t.path), range: t.tag.range }));
  for (const c of code.code) {
    if (c.target.kind !== 'file') continue;
    // A line range covers its lines whole (to the start of the next); a file without one, its start.
    const start = Math.max(0, (c.target.startLine ?? 1) - 1);
    const end = c.target.startLine ? Math.max(start, (c.target.endLine ?? c.target.startLine) - 1) + 1 : 0;
    out.push({ uri: pathToUri(c.target.path), range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } } });
  }
  // An issue is a web page, not a place in a file: the peek shows the link to it in the .okr file.
  if (issuesAt) for (const i of code.issues) out.push({ uri: issuesAt, range: i.link.range });
  if (withShared) for (const s of code.shared) out.push({ uri: pathToUri(s.path), range: s.link.range });
  return out;
}

/** Find references on an objective or key result of an .okr file: its tags and the other key results' links to the same code. */
export function okrCodeReferences(doc: OkrDocument, docPath: string, root: Root, tagIndex: CodeTagIndex | undefined, pos: Position): Location[] {
  const at = targetAt(root.index, doc, docPath, doc.lines.offsetAt(pos));
  if (!at?.ok) return [];
  const t = at.target;
  return codeLocations(codeOf(root.index, tagIndex, root.config, t.path, t.objective, t.keyResult, true), true);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 code references · 2 issues" over each key result (and objective) that has any; the command opens them in a peek. */
export function codeLenses(doc: OkrDocument, docPath: string, root: Root, tagIndex: CodeTagIndex | undefined): CodeLens[] {
  const out: CodeLens[] = [];
  const uri = pathToUri(docPath);
  const lens = (node: Objective | KeyResult, code: KeyResultCode) => {
    const refs = code.tags.length + code.code.length;
    const issues = code.issues.length;
    if (refs + issues === 0) return;
    const title = [refs ? plural(refs, 'code reference', 'code references') : '', issues ? plural(issues, 'issue', 'issues') : ''].filter(Boolean).join(' · ');
    const range = idRange(node.node.fields, node.node.range);
    out.push({ range, command: { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, range.start, codeLocations(code, false, uri)] } });
  };
  for (const o of doc.objectives) {
    if (o.id && tagIndex) lens(o, codeOf(root.index, tagIndex, root.config, docPath, o, undefined));
    for (const kr of o.keyResults) lens(kr, codeOf(root.index, tagIndex, root.config, docPath, o, kr));
  }
  return out;
}
