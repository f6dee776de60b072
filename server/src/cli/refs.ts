// `okr refs <kr-ref>`: what serves a key result (or objective): the code tags naming it, its links
// to code and issues, and the other key results linking to the same code. Text for people, JSON for
// scripts. The same core (codeOf) as the editor's references and code lens.
import { codeOf, resolveTag, suggestReferences, type LinkTarget } from '../core';
import { loadCodeTags } from './code-tags';
import { InputError } from './errors';
import { displayPath, type Workspace } from './load-workspace';

export interface RefsJson {
  ref: string;
  file: string;
  line: number;
  title?: string;
  tags: Array<{ file: string; line: number; column: number; written: string }>;
  links: Array<{ text: string; kind: LinkTarget['kind']; line: number; file?: string; startLine?: number; endLine?: number; url?: string }>;
  shared: Array<{ ref: string; file: string; line: number; link: string }>;
}

export function refsOf(ws: Workspace, ref: string): RefsJson {
  const r = resolveTag(ws.index, ref);
  if (!r.ok) {
    const hints = suggestReferences(ws.index, ref, undefined).map((s) => s.ref);
    throw new InputError(`'${ref}' names no key result or objective: ${r.reason}${hints.length ? `; did you mean ${hints.map((h) => `'${h}'`).join(', ')}?` : ''}`);
  }
  const code = codeOf(ws.index, loadCodeTags(ws), ws.config, r.path, r.objective, r.keyResult, true);
  const shown = (abs: string) => displayPath(abs, ws.cwd);
  const node = r.keyResult ?? r.objective;
  const links = [...code.code, ...code.issues, ...code.other].sort((a, b) => a.link.range.start.line - b.link.range.start.line || a.link.range.start.character - b.link.range.start.character);
  return {
    ref,
    file: shown(r.path),
    line: node.node.range.start.line + 1,
    title: node.title,
    tags: code.tags.map((t) => ({ file: shown(t.path), line: t.tag.range.start.line + 1, column: t.tag.range.start.character + 1, written: t.tag.ref })),
    links: links.map(({ link, target: t }) => ({
      text: link.text,
      kind: t.kind,
      line: link.range.start.line + 1,
      ...(t.kind === 'file' ? { file: shown(t.path), startLine: t.startLine, endLine: t.endLine } : {}),
      ...('url' in t && t.url ? { url: t.url } : {}),
    })),
    shared: code.shared.map((s) => ({ ref: `${ws.index.shortRef(s.path)}#${s.objective.id ?? ''}/${s.keyResult.id ?? ''}`, file: shown(s.path), line: s.link.range.start.line + 1, link: s.link.text })),
  };
}

export function formatRefsText(refs: RefsJson): string {
  const lines = [`${refs.ref}${refs.title ? `  ${refs.title}` : ''}  (${refs.file}:${refs.line})`];
  if (refs.tags.length + refs.links.length + refs.shared.length === 0) lines.push('  nothing yet: tag code with a comment `okr: ' + refs.ref + '`, or add links');
  for (const t of refs.tags) lines.push(`  tag     ${t.file}:${t.line}:${t.column}`);
  for (const l of refs.links) {
    const kind = l.kind === 'file' ? 'code' : l.kind === 'url' ? 'link' : 'issue';
    lines.push(`  ${kind.padEnd(7)} ${l.text}${l.url ? `  ${l.url}` : ''}`);
  }
  for (const s of refs.shared) lines.push(`  shared  ${s.ref} links ${s.link} (${s.file}:${s.line})`);
  return lines.join('\n') + '\n';
}
