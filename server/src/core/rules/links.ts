import * as path from 'node:path';
import { resolveLink } from '../links';
import type { Rule } from './rule';
import type { Link } from '../model';

/**
 * The problems of a key result's links when none of them is a file link (whose check reads the
 * disk), per links array: a keystroke re-runs this workspace-scope rule over every link of the file,
 * and the key results it did not touch keep their links array (test/unit/rules.test.ts holds the
 * answers the same).
 */
const textOnlyProblems = new WeakMap<readonly Link[], { path: string; root: string; config: object; problems: Array<{ link: Link; message: string }> }>();

export const linkBroken: Rule = {
  id: 'link-broken',
  defaultSeverity: 'warning',
  description: 'A link to a file that does not exist, or a link that is not written in a known form.',
  scope: 'workspace',
  readsOtherOkrFiles: false,
  check(ctx) {
    if (!ctx.path) return;
    const root = ctx.workspace?.root ?? path.dirname(ctx.path);
    for (const o of ctx.doc.objectives) {
      for (const kr of o.keyResults) {
        if (kr.links.length === 0) continue;
        const known = textOnlyProblems.get(kr.links);
        if (known && known.path === ctx.path && known.root === root && known.config === ctx.config) {
          for (const p of known.problems) ctx.report({ range: p.link.range, message: p.message });
          continue;
        }
        const problems: Array<{ link: Link; message: string }> = [];
        let readsDisk = false;
        for (const link of kr.links) {
          const t = resolveLink(link.text, ctx.path, root, ctx.config);
          if (t.kind === 'invalid') {
            const message = `Link '${link.text}': ${t.reason}.`;
            problems.push({ link, message });
            ctx.report({ range: link.range, message });
          } else if (t.kind === 'file') {
            readsDisk = true;
            if (t.outside) continue; // link-outside-workspace's; the disk out there is not probed
            if (ctx.fileExists?.(t.path) === false) {
              ctx.report({ range: link.range, message: `Link '${link.text}' points to ${path.relative(root, t.path) || t.path}, which does not exist.` });
            } else if (t.endLine !== undefined) {
              // A range past the end: the code it pointed at moved or was deleted.
              const lines = ctx.fileLineCount?.(t.path);
              if (lines !== undefined && t.endLine > lines) {
                const shown = path.relative(root, t.path) || t.path;
                ctx.report({ range: link.range, message: `Link '${link.text}' points to line ${t.endLine} of ${shown}, which has ${lines} line${lines === 1 ? '' : 's'}: update the range to the code it means.` });
              }
            }
          }
        }
        if (!readsDisk) textOnlyProblems.set(kr.links, { path: ctx.path, root, config: ctx.config, problems });
      }
    }
  },
};

export const linkUnresolvable: Rule = {
  id: 'link-unresolvable',
  defaultSeverity: 'info',
  description: 'An issue link that cannot be opened: `#123` without a default repository, or a tracker key without a URL template.',
  scope: 'file',
  checkObjective(ctx, o) {
    for (const kr of o.keyResults) {
      for (const link of kr.links) {
        const t = resolveLink(link.text, ctx.path ?? '/x.okr', '/', ctx.config);
        if (t.kind === 'github' && !t.url) {
          ctx.report({ range: link.range, message: `'${link.text}' needs a default repository: set \`github: {repository: owner/repo}\` in okr.config.yaml, or write owner/repo${link.text}.` });
        } else if (t.kind === 'gitlab' && !t.url) {
          ctx.report({ range: link.range, message: `'${link.text}' needs a default project: set \`gitlab: {repository: group/project}\` in okr.config.yaml, or write group/project${link.text}.` });
        } else if (t.kind === 'tracker' && !t.url) {
          ctx.report({ range: link.range, message: `No URL template for tracker '${t.project}': add \`trackers: {${t.project}: "https://…/${t.project}-{id}"}\` to okr.config.yaml.` });
        }
      }
    }
  },
};

export const linkOutsideWorkspace: Rule = {
  id: 'link-outside-workspace',
  defaultSeverity: 'warning',
  description: 'A file link that leads out of the workspace (`../../etc/passwd`): not linked, previewed or read.',
  scope: 'file',
  checkObjective(ctx, o) {
    // Without a workspace there is no root to leave.
    const root = ctx.workspace?.root;
    if (!ctx.path || !root) return;
    for (const kr of o.keyResults) {
      for (const link of kr.links) {
        const t = resolveLink(link.text, ctx.path, root, ctx.config);
        if (t.kind === 'file' && t.outside) {
          ctx.report({ range: link.range, message: `Link '${link.text}' leads out of the workspace, to ${t.path}: link files inside the workspace, or an http(s) URL.` });
        }
      }
    }
  },
};
