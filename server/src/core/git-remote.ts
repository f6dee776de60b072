// The default issue repository from the git remote `origin` (the text of `.git/config`), for `#123`
// links when okr.config.yaml names none. Pure: the host reads the file; nothing goes to the network.
import type { OkrConfigInput } from './schema';

/** `git@github.com:acme/shop.git`, `https://github.com/acme/shop`, `ssh://git@gitlab.example.com/g/sub/p.git`. */
export function originUrl(gitConfigText: string): string | undefined {
  let inOrigin = false;
  for (const raw of gitConfigText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('[')) {
      inOrigin = /^\[remote\s+"origin"\]$/.test(line);
      continue;
    }
    const m = inOrigin ? /^url\s*=\s*(.+)$/.exec(line) : null;
    if (m) return m[1]!.trim();
  }
  return undefined;
}

/** Host and `owner/repo` (or `group/sub/project`) of a remote URL. */
export function parseRemote(url: string): { host: string; project: string } | undefined {
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)(?::\d+)?[:/](.+?)(?:\.git)?\/?$/i.exec(url.trim());
  if (!m || !m[2]!.includes('/')) return undefined;
  return { host: m[1]!.toLowerCase(), project: m[2]!.replace(/^\/+/, '') };
}

/**
 * The configuration layer the remote implies: `github.repository` for a GitHub remote, `gitlab`
 * (server and project) for a host named gitlab; nothing for other hosts.
 */
export function configFromGitRemote(gitConfigText: string): OkrConfigInput | undefined {
  const url = originUrl(gitConfigText);
  const remote = url ? parseRemote(url) : undefined;
  if (!remote) return undefined;
  if (remote.host === 'github.com' && /^[\w.-]+\/[\w.-]+$/.test(remote.project)) return { github: { repository: remote.project } };
  if (/(^|\.)gitlab\./.test(remote.host) || remote.host.startsWith('gitlab')) {
    return { gitlab: { url: `https://${remote.host}`, repository: remote.project } };
  }
  return undefined;
}
