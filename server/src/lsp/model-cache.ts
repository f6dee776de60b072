// The workspace model the client's views show, kept per file and versioned, so that a keystroke
// rebuilds the model of the file it touched (and of the files whose model depends on it: those it
// aligns to, whose rollups and problem counts may move, and those aligned to it when its ids
// change), and the client fetches only what changed since the revision it holds.
import { createHash, randomUUID } from 'node:crypto';
import type { FileModel, WorkspaceModel, WorkspaceModelDelta, WorkspaceModelDeltaParams } from '../shared/protocol';
import type { IndexChange, OkrDocument } from '../core';
import type { Root, ServerState } from './state';
import { fileModel } from './workspace-model';
import { pathToUri } from './uris';

interface Entry {
  root: Root;
  model: FileModel;
  /** A digest of the model's JSON: a rebuilt model equal to the last one is not a change (the JSON itself, kept for 2,000 files, was tens of MB). */
  digest: string;
  /** What the models of the files it aligns to read from this file's (see rollupKey). */
  rollupKey: string;
  revision: number;
}

export class WorkspaceModelCache {
  /** A new id per server process: a client holding revisions of an earlier process gets a full model. */
  readonly server = randomUUID();
  private revision = 0;
  private readonly entries = new Map<string, Entry>();
  /** Paths whose model may have changed, with the root that holds them. */
  private readonly dirty = new Map<string, Root>();
  /** uri -> revision at which its file left the model. */
  private readonly removed = new Map<string, number>();
  /** What every file's model depends on besides the files: the day and the configuration. */
  private globalKey = '';

  /** @param log where a file whose model could not be built is told (the server's output channel). */
  constructor(private readonly state: ServerState, private readonly log: (message: string) => void = () => undefined) {
    state.onRootAdded((root) => this.watch(root));
  }

  private watch(root: Root): void {
    // A root's files enter the model as it is indexed.
    for (const p of root.index.paths()) this.dirty.set(p, root);
    // Check-ins from git feed the sparkline and the trend.
    root.histories.onArrived((paths) => {
      for (const p of paths) this.dirty.set(p, root);
    });
    root.index.onChange((change: IndexChange) => {
      this.dirty.set(change.path, root);
      // Files aligned to this one: their alignment may resolve differently now.
      if (change.crossFileChanged) for (const p of root.index.referrers(change.path)) this.dirty.set(p, root);
    });
  }

  /** Brings the per-file models up to date; returns the number of files rebuilt. */
  update(today: string): number {
    const key = `${today}|${this.state.configGeneration}|${this.state.roots.map((r) => r.path).join('|')}`;
    if (key !== this.globalKey) {
      this.globalKey = key;
      for (const root of this.state.roots) for (const p of root.index.paths()) this.dirty.set(p, root);
      for (const [p, e] of this.entries) if (!this.state.roots.includes(e.root)) this.dirty.set(p, e.root);
    }
    let rebuilt = 0;
    // A worklist: a file whose model changed makes the files it aligns to dirty (their rollups and
    // children move); each file is rebuilt at most once per update, so cycles end.
    const done = new Set<string>();
    while (this.dirty.size > 0) {
      const [p, root] = this.dirty.entries().next().value as [string, Root];
      this.dirty.delete(p);
      if (done.has(p)) continue;
      done.add(p);
      rebuilt++;
      const doc = this.state.roots.includes(root) ? root.index.get(p) : undefined;
      const previous = this.entries.get(p);
      if (!doc) {
        if (previous) {
          this.entries.delete(p);
          this.removed.set(previous.model.uri, ++this.revision);
        }
        continue;
      }
      const model = this.modelOf(root, p, doc, today);
      const digest = createHash('sha1').update(JSON.stringify(model)).digest('base64');
      if (previous && previous.digest === digest) continue;
      const key = rollupKey(doc.objectives.map((o) => o.weight), model);
      this.entries.set(p, { root, model, digest, rollupKey: key, revision: ++this.revision });
      // A title or a check-in note changed: the parents' rollups and aligned lists did not.
      if (previous && previous.rollupKey === key) continue;
      this.removed.delete(model.uri);
      for (const parent of root.index.alignmentTargets(p)) if (!done.has(parent)) this.dirty.set(parent, root);
    }
    return rebuilt;
  }

  /**
   * A file's model; a bug in building it costs that file its objectives (it stays in the tree, empty,
   * and the error goes to the log), never the model of the whole workspace the views are drawn from.
   */
  private modelOf(root: Root, p: string, doc: OkrDocument, today: string): FileModel {
    try {
      return fileModel(root, p, doc, today);
    } catch (e) {
      this.log(`Internal error building the model of ${p}: ${(e as Error).stack ?? String(e)}. Please report it.`);
      return { uri: pathToUri(p), fileRef: root.index.shortRef(p), expected: 0, expectedScore: 0, status: 'no-score', objectives: [] };
    }
  }

  /** What changed since the client's revision, or everything. */
  delta(today: string, params: WorkspaceModelDeltaParams | undefined): WorkspaceModelDelta {
    this.update(today);
    const since = params?.since;
    const full = !since || since.server !== this.server || since.revision > this.revision;
    const files = sortByUri([...this.entries.values()].filter((e) => full || e.revision > since!.revision)).map((e) => e.model);
    const removed = full ? [] : [...this.removed].filter(([, rev]) => rev > since!.revision).map(([uri]) => uri);
    return { server: this.server, revision: this.revision, today, full, files, removed };
  }

  /** The whole model (for clients of the plain `okr/workspaceModel` request). */
  model(today: string): WorkspaceModel {
    this.update(today);
    return { today, files: sortByUri([...this.entries.values()]).map((e) => e.model) };
  }
}

/**
 * What a parent's model reads from a child file's: each objective's ref, score, status, state,
 * grade, parent and weight. A keystroke in a title leaves it as it was, so the parents (the company
 * file with thousands of aligned objectives) are not rebuilt.
 */
function rollupKey(weights: number[], model: FileModel): string {
  return JSON.stringify([weights, model.objectives.map((o) => [o.ref, o.score, o.status, o.state, o.grade, o.alignsTo])]);
}

function sortByUri(entries: Entry[]): Entry[] {
  return entries.sort((a, b) => (a.model.uri < b.model.uri ? -1 : a.model.uri > b.model.uri ? 1 : 0));
}
