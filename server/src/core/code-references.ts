// A key result's code and issues: the code tags naming it, its own links, and the other key results
// whose links point at the same code files. Find references, the code lens, the tree and `okr refs`
// all read it from here, so they agree on what a key result's code is. Pure.
import type { CodeTagIndex, TagLocation } from './code-tags';
import { resolveLink, type LinkTarget } from './links';
import type { KeyResult, Link, Objective } from './model';
import type { OkrConfig } from './schema';
import type { WorkspaceIndex } from './workspace';

export interface ResolvedLink {
  link: Link;
  target: LinkTarget;
}

export interface SharedLink {
  /** The other key result's file, objective and key result, and its link to the same code. */
  path: string;
  objective: Objective;
  keyResult: KeyResult;
  link: Link;
}

export interface KeyResultCode {
  tags: TagLocation[];
  /** Links to files (code), with their line ranges. */
  code: ResolvedLink[];
  /** Links to issues and merge requests (GitHub, GitLab, tracker keys). */
  issues: ResolvedLink[];
  /** Other links (web pages). */
  other: ResolvedLink[];
  /** Other key results linking to a file this one is tagged in or links to. */
  shared: SharedLink[];
}

export function isIssueLink(t: LinkTarget): boolean {
  return t.kind === 'github' || t.kind === 'gitlab' || t.kind === 'tracker';
}

/**
 * The code and issues of an objective or key result of the file at `path`. `shared` costs one pass
 * over the workspace's links, so only find references asks for it (`withShared`).
 */
export function codeOf(
  index: WorkspaceIndex,
  tags: CodeTagIndex | undefined,
  config: OkrConfig,
  path: string,
  objective: Objective,
  keyResult: KeyResult | undefined,
  withShared = false,
): KeyResultCode {
  const out: KeyResultCode = { tags: tags ? tags.tagsOf(index, path, objective, keyResult) : [], code: [], issues: [], other: [], shared: [] };
  for (const link of keyResult?.links ?? []) {
    const target = resolveLink(link.text, path, index.root, config);
    // A file outside the workspace is never opened or peeked (link-outside-workspace reports it).
    if (target.kind === 'file') {
      if (!target.outside) out.code.push({ link, target });
    } else if (isIssueLink(target)) out.issues.push({ link, target });
    else if (target.kind === 'url') out.other.push({ link, target });
  }
  if (!withShared) return out;
  const files = new Set<string>([...out.tags.map((t) => t.path), ...out.code.map((c) => (c.target as { path: string }).path)]);
  if (files.size === 0) return out;
  for (const [p, doc] of index.entries()) {
    for (const o of doc.objectives) {
      for (const kr of o.keyResults) {
        if (kr === keyResult) continue;
        for (const link of kr.links) {
          const t = resolveLink(link.text, p, index.root, config);
          if (t.kind === 'file' && files.has(t.path)) out.shared.push({ path: p, objective: o, keyResult: kr, link });
        }
      }
    }
  }
  return out;
}
