// The git history of each .okr file, for the rules that compare with the period start (target-moved,
// baseline-moved), check-ins from committed values (checkin-stale, the panel's sparkline, the hover)
// and "Compare with Period Start". Read once per file and period start, in the background: git runs
// asynchronously and the revisions are parsed in slices of a few milliseconds, so the first
// diagnostics and typing never wait for it. When a history arrives, listeners re-publish.
import type { FileHistory } from '../core';
import { readHistories, type HistoryRequest } from '../git/history';
import { openRepo, topRelative, type Repo } from '../git/repo';
import { yieldToRequests } from '../node/yield';

/** Files read per batch: one git log and one cat-file for all of them. */
const BATCH = 50;
/** Parsing revisions yields to the event loop after this long. */
const SLICE_MS = 4;

interface Entry {
  /** The period start the history was read for (a new period needs a new one). */
  periodStart?: string;
  history?: FileHistory;
  /** The top-relative path git knows the file by. */
  gitPath?: string;
  repo?: Repo;
}

export class HistoryCache {
  private readonly entries = new Map<string, Entry>();
  /** path -> [period start, root folder], waiting to be read. */
  private readonly queue = new Map<string, { periodStart?: string; root: string }>();
  private running = false;
  private readonly repos = new Map<string, Promise<Repo | undefined>>();
  private readonly listeners: Array<(paths: string[]) => void> = [];
  /** Bumped when any history arrives, for caches keyed by their inputs. */
  generation = 0;

  /** Whether work that should not wait behind git (an open document's diagnostics) is pending. */
  private busy: () => boolean = () => false;

  constructor(private readonly enabled = true) {}

  /**
   * Starts no batch while `busy()` holds. Starting git (a process spawn costs tens of milliseconds in a
   * server holding a large heap) before an open document's first diagnostics delayed them by as much.
   */
  deferWhile(busy: () => boolean): void {
    this.busy = busy;
  }

  onArrived(listener: (paths: string[]) => void): void {
    this.listeners.push(listener);
  }

  get(p: string | undefined): FileHistory | undefined {
    return p === undefined ? undefined : this.entries.get(p)?.history;
  }

  /** The repository and git path of a file whose history was read (for "Compare with Period Start"). */
  location(p: string): { repo: Repo; gitPath: string } | undefined {
    const e = this.entries.get(p);
    return e?.repo && e.gitPath ? { repo: e.repo, gitPath: e.gitPath } : undefined;
  }

  /** Asks for a file's history (once per period start); `urgent`: an open document, read first. */
  want(p: string, periodStart: string | undefined, root: string, urgent = false): void {
    if (!this.enabled) return;
    const e = this.entries.get(p);
    // Without a period there is no start to compare with and nothing to be stale against.
    if (periodStart === undefined) {
      if (!e || e.history) this.entries.set(p, {});
      return;
    }
    if (e && e.periodStart === periodStart) return;
    if (this.queue.get(p)?.periodStart === periodStart) return;
    if (urgent) {
      // Re-inserted at the front: Map keeps insertion order.
      const rest = [...this.queue];
      this.queue.clear();
      this.queue.set(p, { periodStart, root });
      for (const [k, v] of rest) if (k !== p) this.queue.set(k, v);
    } else this.queue.set(p, { periodStart, root });
    this.run();
  }

  /** The file was saved (perhaps to be committed) or changed on disk: read its history again. */
  refresh(p: string): void {
    const e = this.entries.get(p);
    if (e) e.periodStart = '\u0000stale';
  }

  private run(): void {
    if (this.running || this.queue.size === 0) return;
    this.running = true;
    // A few turns first (yieldToRequests): a document opened meanwhile is read and queued for its
    // diagnostics, which git then waits for.
    const start = (): void => {
      if (this.busy()) setImmediate(start);
      else void this.batch();
    };
    void yieldToRequests().then(start);
  }

  private async batch(): Promise<void> {
    const taken = [...this.queue].slice(0, BATCH);
    for (const [p] of taken) this.queue.delete(p);
    const byRoot = new Map<string, Array<[string, string | undefined]>>();
    for (const [p, { periodStart, root }] of taken) {
      const list = byRoot.get(root) ?? [];
      list.push([p, periodStart]);
      byRoot.set(root, list);
    }
    const arrived: string[] = [];
    for (const [root, files] of byRoot) {
      try {
        const repo = await this.repoOf(root);
        if (!repo) {
          for (const [p, periodStart] of files) this.entries.set(p, { periodStart });
          continue;
        }
        const requests: Array<HistoryRequest & { abs: string }> = [];
        for (const [abs, periodStart] of files) {
          try {
            requests.push({ abs, path: topRelative(repo, abs), periodStart });
          } catch {
            this.entries.set(abs, { periodStart }); // outside the repository
          }
        }
        let until = performance.now() + SLICE_MS;
        const pause = () => {
          if (performance.now() < until) return undefined;
          return new Promise<void>((resolve) =>
            setImmediate(() => {
              until = performance.now() + SLICE_MS;
              resolve();
            }),
          );
        };
        const histories = await readHistories(repo, requests, { pause });
        for (const r of requests) {
          this.entries.set(r.abs, { periodStart: r.periodStart, history: histories.get(r.path), gitPath: r.path, repo });
          arrived.push(r.abs);
        }
      } catch {
        // git failed (a broken repository): no history for these files, and no retry loop.
        for (const [p, periodStart] of files) this.entries.set(p, { periodStart });
      }
    }
    if (arrived.length) {
      this.generation++;
      for (const l of this.listeners) l(arrived);
    }
    this.running = false;
    this.run();
  }

  private repoOf(root: string): Promise<Repo | undefined> {
    let r = this.repos.get(root);
    if (!r) {
      r = openRepo(root).catch(() => undefined);
      this.repos.set(root, r);
    }
    return r;
  }
}
