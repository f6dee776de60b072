/**
 * The organisation that published a labelled key result, from the row's `source`: the web domain
 * for a page, the GitHub owner for a repository file. Leave-one-publisher-out cross-validation
 * groups rows by it, so rows written by one team (one style, one template) never sit on both the
 * training and the scoring side of a fold.
 */

/** Owners and domains that are one organisation under several names. */
const SAME_ORGANISATION: Record<string, string> = {
  // IPFS's own second GitHub organisation (team tools and demo apps).
  'ipfs-shipyard': 'ipfs',
  // GitLab's review apps serve the same handbook pages.
  'gitlab-review': 'gitlab',
  microsoftdocs: 'microsoft',
  // Three student teams of one IE University DevOps course, writing to one course brief.
  'ie-safebank': 'ie-bank-course',
  'winning-devops-project': 'ie-bank-course',
  bigdawgbank: 'ie-bank-course',
};

/** Hosts that serve many people's pages: the publisher is the first label (`user.github.io`). */
const SHARED_HOSTS = new Set(['github.io', 'gitlab.io', 'netlify.app', 'vercel.app']);

/**
 * "https://about.gitlab.com/…" → gitlab; "ipfs/js-ipfs/OKR.md" → ipfs. A note in parentheses that
 * says whose page a copy is ("(GitLab handbook /handbook/…)") names the publisher; a note that only
 * says where the copy was read ("(copy read: …)") does not.
 */
export function publisherOf(source: string): string {
  const note = /\(([^)]*)\)\s*$/.exec(source)?.[1] ?? '';
  const credited = /^(\p{L}[\p{L}\d-]*)\s+handbook\b/iu.exec(note.trim());
  if (credited) return canonical(credited[1]!);
  const main = source.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const url = /^[a-z]+:\/\/([^/?#:]+)/i.exec(main);
  if (url) return canonical(organisationOfHost(url[1]!.toLowerCase()));
  const owner = main.split('/')[0] ?? '';
  return canonical(owner || 'unknown');
}

function organisationOfHost(host: string): string {
  const labels = host.split('.').filter(Boolean);
  if (labels.length >= 3 && SHARED_HOSTS.has(labels.slice(-2).join('.'))) return labels[labels.length - 3]!;
  // The label before the public suffix: "handbook.gitlab.com" → gitlab, "www.bbc.co.uk" → bbc.
  const suffixLength = labels.length >= 3 && /^(?:co|com|org|gov|ac|net)$/.test(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 2 : 1;
  return labels[labels.length - 1 - suffixLength] ?? host;
}

function canonical(name: string): string {
  const lower = name.toLowerCase();
  return SAME_ORGANISATION[lower] ?? lower;
}
