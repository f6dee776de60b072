// What a screenshot shows, as text: the lines of the product's own UI that are on screen when it is
// taken (the Objectives tree's rows with their icons, a hover, the OKR status bar item, the Problems
// panel's rows, the walkthrough's titles, the progress panel's rows). test/vscode/ui.ts compares the
// record of each README screenshot with the one committed beside it (media/screenshots/shown.json),
// so a README picture that no longer matches what the product shows fails the UI pass. Text, not
// pixels: fonts and anti-aliasing differ between machines, the words and figures do not.
import type { Page } from './page';

/** Per part of the workbench, its lines on screen; parts not on screen are absent. */
export type Shown = Record<string, string[]>;

/** A tree row as the record writes it: `[icon] label · description`. */
export interface TreeRow {
  icon: string;
  label: string;
  description: string;
}

export const TREE_ROWS = '.part.sidebar [id="workbench.view.extension.okr"] .monaco-list-row';

export function treeRowText(r: TreeRow): string {
  return `[${r.icon || 'no icon'}] ${r.label}${r.description ? ` — ${r.description}` : ''}`;
}

/** The Objectives tree's rows on screen: label, description and the codicon of the status icon. */
export function treeRows(page: Page): Promise<TreeRow[]> {
  return page.evaluate((sel) => {
    const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    return Array.from(document.querySelectorAll(sel))
      .filter((row) => {
        const r = row.getBoundingClientRect();
        return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
      })
      .map((row) => {
        const iconEl = row.querySelector('.custom-view-tree-node-item-icon');
        const icon = /(?:^|\s)codicon-(?!modifier)([\w-]+)/.exec(iconEl?.className ?? '')?.[1] ?? '';
        return { icon, label: clean(row.querySelector('.label-name')?.textContent), description: clean(row.querySelector('.label-description')?.textContent) };
      });
  }, TREE_ROWS);
}

export async function whatIsShown(page: Page): Promise<Shown> {
  const shown: Shown = {};
  const tree = await treeRows(page);
  if (tree.length) shown.tree = tree.map(treeRowText);
  const dom = await page.evaluate(() => {
    const onScreen = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
    };
    const lines = (el: Element) =>
      (el as HTMLElement).innerText
        .replace(/\u00a0/g, ' ')
        .split('\n')
        .map((l) => l.replace(/\s+/g, ' ').trim())
        .filter(Boolean);
    const all = (sel: string) => Array.from(document.querySelectorAll(sel)).filter(onScreen);
    const out: Record<string, string[]> = {};
    const hover = all('.monaco-editor .monaco-hover:not(.hidden)');
    if (hover.length) out.hover = hover.flatMap(lines);
    // A peek (of a key result's code and issues): the locations it lists (not its title, which
    // holds the workspace's absolute path).
    const peek = all('.peekview-widget .monaco-list-row');
    if (peek.length) out.peek = peek.map((e) => lines(e).join(' '));
    const status = all('.part.statusbar [id$="okr.score"]');
    if (status.length) out.statusBar = status.flatMap(lines);
    const problems = all('.markers-panel .monaco-list-row');
    if (problems.length) out.problems = problems.map((r) => lines(r).join(' '));
    const walkthrough = all('.gettingStartedContainer .gettingStartedSlideDetails .category-title, .gettingStartedContainer .gettingStartedSlideDetails .getting-started-step .step-title');
    if (walkthrough.length) out.walkthrough = walkthrough.map((e) => lines(e).join(' '));
    return out;
  }, undefined);
  Object.assign(shown, dom);
  // The progress panel's page lives in nested webview frames: ask each frame for its rows on screen.
  for (const frame of page.frames()) {
    let rows: string[] = [];
    try {
      rows = await frame.locator('.row').evaluateAll((els) =>
        els
          .filter((r) => {
            const b = r.getBoundingClientRect();
            return b.height > 0 && b.bottom > 0 && b.top < window.innerHeight;
          })
          .map((r) =>
            // One line per row: title, score, status, expected score, details (each part of the
            // meta line on its own, as they are laid out apart), values.
            [
              r.querySelector('h2, h3, .kr-title')?.textContent,
              r.querySelector('.score')?.textContent,
              r.querySelector('.status')?.textContent,
              r.querySelector('.expected-text')?.textContent,
              Array.from(r.querySelector('.meta')?.children.length ? r.querySelector('.meta')!.children : [])
                .map((e) => e.textContent)
                .join(' · ') || r.querySelector('.meta')?.textContent,
              r.querySelector('.values')?.textContent,
            ]
              .map((t) => (t ?? '').replace(/\s+/g, ' ').trim())
              .filter(Boolean)
              .join(' | '),
          ),
      );
    } catch {
      continue; // a frame that went away
    }
    if (rows.length) shown.panel = [...(shown.panel ?? []), ...rows];
  }
  return shown;
}
