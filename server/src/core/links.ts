// Link strings of a key result -> what they point at. Pure: resolving needs only the strings,
// the file's path, the workspace root and the configuration.
import * as path from 'node:path';
import type { OkrConfig } from './schema';

export type LinkTarget =
  /** `outside`: the path leaves the workspace root (`../../etc/passwd`): reported, never read or linked. */
  | { kind: 'file'; path: string; startLine?: number; endLine?: number; outside?: true }
  | { kind: 'github'; repository?: string; number: number; url?: string }
  /** A GitLab issue (`group/project#12`) or merge request (`group/project!12`). */
  | { kind: 'gitlab'; project?: string; number: number; mergeRequest: boolean; url?: string }
  | { kind: 'tracker'; key: string; project: string; url?: string }
  | { kind: 'url'; url: string }
  | { kind: 'invalid'; reason: string };

const URL_RE = /^https?:\/\/\S+$/i;
const GITHUB_RE = /^([\w.-]+\/[\w.-]+)?#(\d+)$/;
/** GitLab: nested groups (`group/sub/project#12`), or a merge request (`!12`). */
const GITLAB_RE = /^([\w.-]+(?:\/[\w.-]+)+)?([#!])(\d+)$/;
const TRACKER_RE = /^([A-Z][A-Z0-9_]*)-(\d+)$/;
// `s`: a path is any text; without it `.` stops at a line terminator and the match fails.
const LINES_RE = /^(.*?)(?:#L(\d+)(?:-L?(\d+))?)?$/s;
/** Line terminators as JavaScript counts them (a YAML "\n" or "\u2028" escape puts one in a link). */
const LINE_BREAK_RE = /[\n\r\u2028\u2029]/;

/**
 * @param docPath absolute path of the .okr file
 * @param root absolute path of the workspace root
 */
export function resolveLink(text: string, docPath: string, root: string, config: OkrConfig): LinkTarget {
  // Three rules resolve every link of a file, and the workspace-scope one on each keystroke: the
  // same few thousand strings, answered from a cache per configuration, file and root (targets are
  // not mutated). Nested maps: a key joined from the three strings cost as much as resolving.
  let cache = last.config === config && last.docPath === docPath && last.root === root ? last.cache : undefined;
  if (!cache) {
    let byFile = resolved.get(config);
    if (!byFile) resolved.set(config, (byFile = new Map()));
    const where = docPath + '\u0000' + root;
    cache = byFile.get(where);
    if (!cache) {
      if (byFile.size >= FILES_LIMIT) byFile.clear();
      byFile.set(where, (cache = new Map()));
    }
    // A rule asks for every link of one file in a row: the joined key is made once for the run.
    last = { config, docPath, root, cache };
  }
  const hit = cache.get(text);
  if (hit) return hit;
  const target = resolveUncached(text, docPath, root, config);
  cache.set(text, target);
  return target;
}

/** How many files' links a configuration keeps resolved (a workspace has a few thousand files). */
const FILES_LIMIT = 20_000;
const resolved = new WeakMap<OkrConfig, Map<string, Map<string, LinkTarget>>>();
let last: { config?: OkrConfig; docPath?: string; root?: string; cache?: Map<string, LinkTarget> } = {};

function resolveUncached(text: string, docPath: string, root: string, config: OkrConfig): LinkTarget {
  const t = text.trim();
  // No URL, issue, key or path holds a line break; resolved anyway, it would name another target than the one shown.
  if (LINE_BREAK_RE.test(t)) return { kind: 'invalid', reason: 'a link cannot contain a line break: write it on one line without \\n, \\r, \\u2028 or \\u2029 escapes' };
  if (URL_RE.test(t)) return { kind: 'url', url: t };
  const gl = GITLAB_RE.exec(t);
  if (gl && isGitlab(gl[1], gl[2]!, config)) {
    const project = gl[1] ?? config.gitlab.repository;
    const number = Number(gl[3]);
    const mergeRequest = gl[2] === '!';
    const url = project ? `${config.gitlab.url.replace(/\/+$/, '')}/${project}/-/${mergeRequest ? 'merge_requests' : 'issues'}/${number}` : undefined;
    return { kind: 'gitlab', project, number, mergeRequest, url };
  }
  const gh = GITHUB_RE.exec(t);
  if (gh) {
    const repository = gh[1] ?? config.github.repository;
    const number = Number(gh[2]);
    return { kind: 'github', repository, number, url: repository ? `https://github.com/${repository}/issues/${number}` : undefined };
  }
  const tr = TRACKER_RE.exec(t);
  if (tr) {
    const template = config.trackers[tr[1]!];
    const url = template?.replace('{id}', tr[2]!).replace('{key}', t);
    // The schema refuses other templates; one that got here some other way is not followed either.
    return { kind: 'tracker', key: t, project: tr[1]!, url: url && URL_RE.test(url) ? url : undefined };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(t) && !/^[a-z]:[\\/]/i.test(t)) {
    return { kind: 'invalid', reason: `unsupported link scheme in '${t}': use http(s) URLs, paths, owner/repo#123, #123 or KEY-123` };
  }
  const m = LINES_RE.exec(t)!;
  const p = m[1]!;
  if (p === '') return { kind: 'invalid', reason: 'empty path' };
  const resolved = p.startsWith('/') ? path.join(root, p) : path.resolve(path.dirname(docPath), p);
  const startLine = m[2] ? Number(m[2]) : undefined;
  const endLine = m[3] ? Number(m[3]) : startLine;
  if (startLine !== undefined && (startLine < 1 || endLine! < startLine)) {
    return { kind: 'invalid', reason: `line range in '${t}' must be #L<from>-L<to> with 1 <= from <= to` };
  }
  const inside = path.relative(root, resolved);
  const outside = inside === '..' || inside.startsWith('..' + path.sep) || path.isAbsolute(inside);
  return outside ? { kind: 'file', path: resolved, startLine, endLine, outside: true } : { kind: 'file', path: resolved, startLine, endLine };
}

/**
 * Whether an issue-shaped link is GitLab's: a merge request (`!12`) or a project in nested groups
 * always is; `owner/repo#12` and `#12` are GitHub's unless the configuration names a GitLab project
 * and no GitHub repository.
 */
function isGitlab(project: string | undefined, sign: string, config: OkrConfig): boolean {
  if (sign === '!') return true;
  if (project && project.split('/').length > 2) return true;
  return Boolean(config.gitlab.repository) && !config.github.repository;
}
