// Document links: every `links:` item that resolves to something openable: a file (with its
// `#L10-L20` line range as the URI fragment), a GitHub issue, a tracker key with a URL template,
// or a URL. Links only open on the user's click, so nothing here opens anything by itself.
import * as fs from 'node:fs';
import type { DocumentLink } from 'vscode-languageserver';
import { resolveLink, type OkrDocument, type Range } from '../../core';
import type { Root } from '../state';
import { linkSummary } from '../workspace-model';

export function documentLinks(doc: OkrDocument, docPath: string, root: Root, exists: (p: string) => boolean = fs.existsSync): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const o of doc.objectives) {
    for (const kr of o.keyResults) {
      for (const link of kr.links) {
        try {
          const t = resolveLink(link.text, docPath, root.path, root.config);
          // A missing file is reported by the `links` rule; a link to it would only fail on click. A file
          // outside the workspace is reported by link-outside-workspace and not linked (or probed).
          if (t.kind === 'file' && (t.outside || !exists(t.path))) continue;
          const s = linkSummary(link.text, docPath, root);
          if (!s.target) continue;
          out.push({ range: unquoted(doc, link.range), target: s.target, tooltip: tooltip(s.kind, link.text) });
        } catch {
          // A link that cannot be resolved (a bug) is not offered; the file's other links still are.
          continue;
        }
      }
    }
  }
  return out;
}

function tooltip(kind: string, text: string): string {
  switch (kind) {
    case 'file':
      return `Open ${text}`;
    case 'github':
      return `Open GitHub issue ${text}`;
    case 'gitlab':
      return `Open ${text} on GitLab`;
    case 'tracker':
      return `Open ${text} in the tracker`;
    default:
      return `Open ${text}`;
  }
}

/** The range without the quotes of a quoted scalar, so only the link text is underlined. */
function unquoted(doc: OkrDocument, r: Range): Range {
  const s = doc.lines.offsetAt(r.start);
  const e = doc.lines.offsetAt(r.end);
  const first = doc.text[s];
  if (e - s >= 2 && (first === '"' || first === "'") && doc.text[e - 1] === first) return doc.lines.range(s + 1, e - 1);
  return r;
}
