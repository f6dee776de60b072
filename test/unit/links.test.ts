// Links and references: every link form and how it resolves; the workspace index's references.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { resolveLink, type LinkTarget } from '../../server/src/core/links';
import { mergeConfig } from '../../server/src/core/config';
import { codeOf } from '../../server/src/core/code-references';
import { configFromGitRemote } from '../../server/src/core/git-remote';
import { parseOkrDocument } from '../../server/src/core/parse';
import { WorkspaceIndex } from '../../server/src/core/workspace';

const ROOT = path.resolve('/ws');
const DOC = path.join(ROOT, 'okrs', 'teams', 'web.okr');
const CONFIG = mergeConfig({ trackers: { SHOP: 'https://jira.example.com/browse/SHOP-{id}' }, github: { repository: 'acme/shop' } });
const BARE = mergeConfig();

describe('links', () => {
  function check(text: string, expected: LinkTarget, config = CONFIG): void {
    assert.deepEqual(resolveLink(text, DOC, ROOT, config), expected, text);
  }

  it('URLs as they are', () => {
    check('https://grafana.example.com/d/c?x=1#panel', { kind: 'url', url: 'https://grafana.example.com/d/c?x=1#panel' });
    check('http://x.test', { kind: 'url', url: 'http://x.test' });
    check('  https://x.test  ', { kind: 'url', url: 'https://x.test' });
  });

  it('GitHub issues: owner/repo#123, and #123 in the default repository', () => {
    check('acme/shop#1234', { kind: 'github', repository: 'acme/shop', number: 1234, url: 'https://github.com/acme/shop/issues/1234' });
    check('other.org/my-repo#7', { kind: 'github', repository: 'other.org/my-repo', number: 7, url: 'https://github.com/other.org/my-repo/issues/7' });
    check('#1240', { kind: 'github', repository: 'acme/shop', number: 1240, url: 'https://github.com/acme/shop/issues/1240' });
    check('#1240', { kind: 'github', repository: undefined, number: 1240, url: undefined }, BARE);
  });

  it('tracker keys through the URL template', () => {
    check('SHOP-88', { kind: 'tracker', key: 'SHOP-88', project: 'SHOP', url: 'https://jira.example.com/browse/SHOP-88' });
    check('OPS-1', { kind: 'tracker', key: 'OPS-1', project: 'OPS', url: undefined });
    const keyTemplate = mergeConfig({ trackers: { OPS: 'https://t.example/{id}?k={key}' } });
    check('OPS-12', { kind: 'tracker', key: 'OPS-12', project: 'OPS', url: 'https://t.example/12?k=OPS-12' }, keyTemplate);
  });

  it('paths: relative to the file, or to the root with a leading /', () => {
    check('../../src/a.ts', { kind: 'file', path: path.join(ROOT, 'src', 'a.ts'), startLine: undefined, endLine: undefined });
    check('notes.md', { kind: 'file', path: path.join(ROOT, 'okrs', 'teams', 'notes.md'), startLine: undefined, endLine: undefined });
    check('/src/checkout/retry.ts', { kind: 'file', path: path.join(ROOT, 'src', 'checkout', 'retry.ts'), startLine: undefined, endLine: undefined });
  });

  it('paths with #L10 and #L10-L20 (and #L10-20)', () => {
    const file = path.join(ROOT, 'src', 'a.ts');
    check('/src/a.ts#L10', { kind: 'file', path: file, startLine: 10, endLine: 10 });
    check('/src/a.ts#L10-L20', { kind: 'file', path: file, startLine: 10, endLine: 20 });
    check('/src/a.ts#L10-20', { kind: 'file', path: file, startLine: 10, endLine: 20 });
  });

  it('invalid links', () => {
    check('/src/a.ts#L20-L10', { kind: 'invalid', reason: "line range in '/src/a.ts#L20-L10' must be #L<from>-L<to> with 1 <= from <= to" });
    check('/src/a.ts#L0', { kind: 'invalid', reason: "line range in '/src/a.ts#L0' must be #L<from>-L<to> with 1 <= from <= to" });
    check('#L5', { kind: 'invalid', reason: 'empty path' });
    const scheme = resolveLink('ftp://x/y', DOC, ROOT, CONFIG);
    assert.equal(scheme.kind, 'invalid');
    assert.match((scheme as { reason: string }).reason, /unsupported link scheme in 'ftp:\/\/x\/y'/);
    assert.equal(resolveLink('mailto:a@b.c', DOC, ROOT, CONFIG).kind, 'invalid');
  });
});

describe('workspace index', () => {
  const files: Record<string, string> = {
    'okrs/company.okr': 'period: 2026-Q4\nobjectives:\n  - id: quality\n    key_results:\n      - {id: crash-free, target: 1}\n  - id: infrastructure\n',
    'okrs/teams/web.okr': 'period: 2026-Q4\nobjectives:\n  - id: checkout\n    aligns_to: company#quality\n  - id: local\n    aligns_to: "#checkout"\n',
    'okrs/teams/plan.okr': 'period: 2026-Q4\nobjectives:\n  - id: a\n',
    'okrs/archive/plan.okr': 'period: 2025-Q4\nobjectives:\n  - id: b\n',
  };
  const ws = new WorkspaceIndex(ROOT);
  for (const [rel, text] of Object.entries(files)) ws.set(path.join(ROOT, rel), parseOkrDocument(text, 'file:///' + rel));
  const abs = (rel: string) => path.join(ROOT, rel);

  it('fileRef and shortRef', () => {
    assert.equal(ws.fileRef(abs('okrs/company.okr')), 'okrs/company');
    assert.equal(ws.shortRef(abs('okrs/company.okr')), 'company');
    assert.equal(ws.shortRef(abs('okrs/teams/plan.okr')), 'okrs/teams/plan'); // two files are named plan
    assert.equal(ws.size, 4);
    assert.deepEqual(ws.paths(), Object.keys(files).map(abs).sort());
  });

  /** check(ref, from, "file#objective[/kr]" or "!reason substring") */
  function check(ref: string, expected: string, from?: string, candidates?: string[]): void {
    const r = ws.resolve(ref, from === undefined ? undefined : abs(from));
    if (r.ok) {
      assert.equal(`${ws.fileRef(r.path)}#${r.objective.id}${r.keyResult ? '/' + r.keyResult.id : ''}`, expected, ref);
    } else {
      assert.ok(expected.startsWith('!'), `${ref}: ${r.reason}`);
      assert.ok(r.reason.includes(expected.slice(1)), `${ref}: "${r.reason}" should contain "${expected.slice(1)}"`);
      assert.deepEqual(r.candidates, candidates, ref);
    }
  }

  it('resolves a bare name, a full path, #id in the same file and file#obj/kr', () => {
    check('company#quality', 'okrs/company#quality');
    check('okrs/company#infrastructure', 'okrs/company#infrastructure');
    check('#checkout', 'okrs/teams/web#checkout', 'okrs/teams/web.okr');
    check('company#quality/crash-free', 'okrs/company#quality/crash-free');
    check('okrs/archive/plan#b', 'okrs/archive/plan#b');
  });

  it('reports why a reference does not resolve', () => {
    check('plan#a', "!'plan' names 2 files; use the path from the workspace root", undefined, ['okrs/archive/plan', 'okrs/teams/plan']);
    check('company#qualty', "!no objective 'qualty' in okrs/company", undefined, ['company#quality', 'company#infrastructure']);
    check('nowhere#x', "!no .okr file 'nowhere' in the workspace");
    check('company', "!'company' is not a reference");
    check('#checkout', '!empty file reference');
    check('company#quality/nope', "!no key result 'nope' in objective 'quality'");
    check('company#quality/crash-free/extra', "!after '#' comes <objective-id> or <objective-id>/<kr-id>");
  });

  it('objectives() and children()', () => {
    assert.deepEqual(
      ws.objectives().map((e) => e.ref),
      ['okrs/archive/plan#b', 'company#quality', 'company#infrastructure', 'okrs/teams/plan#a', 'web#checkout', 'web#local'],
    );
    const quality = ws.get(abs('okrs/company.okr'))!.objectives[0]!;
    assert.deepEqual(ws.children(quality).map((e) => e.ref), ['web#checkout']);
    const checkout = ws.get(abs('okrs/teams/web.okr'))!.objectives[0]!;
    assert.deepEqual(ws.children(checkout).map((e) => e.ref), ['web#local']);
  });

  it('short names follow additions and deletions', () => {
    const w = new WorkspaceIndex(ROOT);
    const d = parseOkrDocument('period: 2026\nobjectives: [{id: x}]\n', 'file:///a');
    w.set(abs('a/x.okr'), d);
    assert.equal(w.shortRef(abs('a/x.okr')), 'x');
    w.set(abs('b/x.okr'), d);
    assert.equal(w.shortRef(abs('a/x.okr')), 'a/x');
    assert.equal(w.resolve('x#x').ok, false);
    w.delete(abs('b/x.okr'));
    assert.equal(w.shortRef(abs('a/x.okr')), 'x');
    assert.equal(w.resolve('x#x').ok, true);
  });
});

describe('links: GitLab issues and merge requests', () => {
  const GITLAB = mergeConfig({ gitlab: { url: 'https://gitlab.example.com', repository: 'shop/web' } });
  const at = (text: string, config = BARE) => resolveLink(text, DOC, ROOT, config);

  it('a merge request, and a project in nested groups, are GitLab links whatever the default host', () => {
    assert.deepEqual(at('shop/web!12'), { kind: 'gitlab', project: 'shop/web', number: 12, mergeRequest: true, url: 'https://gitlab.com/shop/web/-/merge_requests/12' });
    assert.deepEqual(at('group/sub/project#7', CONFIG), { kind: 'gitlab', project: 'group/sub/project', number: 7, mergeRequest: false, url: 'https://gitlab.com/group/sub/project/-/issues/7' });
  });

  it('group/project#12 and #12 are GitLab issues when the configuration names a GitLab project and no GitHub repository', () => {
    assert.equal((at('shop/api#12', GITLAB) as { url?: string }).url, 'https://gitlab.example.com/shop/api/-/issues/12');
    assert.equal((at('#12', GITLAB) as { url?: string }).url, 'https://gitlab.example.com/shop/web/-/issues/12');
    assert.equal((at('!3', GITLAB) as { url?: string }).url, 'https://gitlab.example.com/shop/web/-/merge_requests/3');
    assert.equal(at('acme/shop#12', CONFIG).kind, 'github');
  });
});

describe('links: the default repository from the git remote origin', () => {
  const gitConfig = (url: string) => `[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/other/fork.git\n[remote "origin"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`;

  it('GitHub over https and ssh', () => {
    assert.deepEqual(configFromGitRemote(gitConfig('https://github.com/acme/shop.git')), { github: { repository: 'acme/shop' } });
    assert.deepEqual(configFromGitRemote(gitConfig('git@github.com:acme/shop.git')), { github: { repository: 'acme/shop' } });
  });

  it('a GitLab host, nested groups included', () => {
    assert.deepEqual(configFromGitRemote(gitConfig('ssh://git@gitlab.example.com:2222/shop/team/web.git')), { gitlab: { url: 'https://gitlab.example.com', repository: 'shop/team/web' } });
  });

  it('nothing for another host or without an origin', () => {
    assert.equal(configFromGitRemote(gitConfig('https://git.example.com/acme/shop.git')), undefined);
    assert.equal(configFromGitRemote('[core]\n\tbare = false\n'), undefined);
  });

  it('okr.config.yaml wins over the remote', () => {
    const config = mergeConfig(configFromGitRemote(gitConfig('https://github.com/acme/shop.git')), { github: { repository: 'acme/other' } });
    assert.equal(config.github.repository, 'acme/other');
  });
});

describe('links: only http(s) and workspace files are followed', () => {
  const root = path.resolve('/ws');
  const doc = path.join(root, 'okrs', 'team.okr');
  it('a tracker template that is not http(s) (one that got past the schema) gives no URL', () => {
    const config = mergeConfig();
    config.trackers = { SHOP: 'javascript:alert({id})', OPS: 'command:x?{key}' };
    for (const link of ['SHOP-1', 'OPS-2']) {
      const t = resolveLink(link, doc, root, config);
      assert.equal(t.kind, 'tracker');
      assert.equal((t as { url?: string }).url, undefined, link);
    }
  });
  it('a file link says whether it stays inside the workspace root', () => {
    assert.equal((resolveLink('../src/a.ts', doc, root, mergeConfig()) as { outside?: boolean }).outside, undefined);
    for (const link of ['../../etc/passwd', '/../x', '../../../../../etc/passwd#L1']) {
      assert.equal((resolveLink(link, doc, root, mergeConfig()) as { outside?: boolean }).outside, true, link);
    }
  });
});


describe('links: code a key result links to stays in the workspace', () => {
  it('a file link out of the workspace is not among the code to open or peek', () => {
    const root = path.resolve('/ws');
    const p = path.join(root, 'okrs', 'team.okr');
    const doc = parseOkrDocument('period: 2026-Q4\nobjectives:\n  - id: o\n    title: O\n    key_results:\n      - id: k\n        title: K\n        links: ["../src/a.ts", "../../../../etc/passwd"]\n', 'file://' + p);
    const index = new WorkspaceIndex(root);
    index.set(p, doc);
    const o = doc.objectives[0]!;
    const code = codeOf(index, undefined, mergeConfig(), p, o, o.keyResults[0], true).code;
    assert.deepEqual(code.map((c) => c.link.text), ['../src/a.ts']);
  });
});
