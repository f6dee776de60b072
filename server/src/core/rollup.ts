// The workspace-aware path of scoring: an objective's score may roll up the objectives aligned to it
// (`rollup: aligned | both`, or `auto` without key results of its own). Formulas: docs/scoring.md.
//
// Children come from WorkspaceIndex.children() (a reverse-alignment map, no workspace scan), so
// scoring an objective costs its subtree, once per scorer. An alignment that closes a cycle is treated
// as absent; the walk keeps its own stack, so a chain thousands of objectives deep cannot overflow.
import type { Objective, OkrDocument } from './model';
import { DEFAULT_SCORING, scoreDocument, scoreObjective, type AlignedChildScore, type DocumentScore, type ObjectiveScore, type ObjectiveScorer, type ScoringConfig } from './scoring';
import type { ObjectiveEntry, WorkspaceIndex } from './workspace';

export class WorkspaceScorer implements ObjectiveScorer {
  /** Scores by objective, with the file each objective was in (to drop them when that file changes). */
  private readonly memo = new Map<Objective, { score: ObjectiveScore; path?: string; asChild?: AlignedChildScore }>();
  private readonly onCycle = new Map<Objective, boolean>();
  private epochSeen: number;

  constructor(
    readonly index: WorkspaceIndex,
    readonly today: string,
    readonly config: ScoringConfig = DEFAULT_SCORING,
  ) {
    this.epochSeen = index.epoch;
  }

  /** The index's epoch this scorer's results hold for. */
  get epoch(): number {
    return this.epochSeen;
  }

  /**
   * A scorer for the index as it is now, shared while the day and the configuration stay the same: the
   * workspace model, the hover and the symbols reuse its results. After an edit it keeps every score
   * the edited files cannot change (see catchUp), so a keystroke in a team file re-scores that file and
   * the objectives up its alignment chain, not the company's 10,000 aligned objectives.
   */
  static for(index: WorkspaceIndex, today: string, config: ScoringConfig = DEFAULT_SCORING): WorkspaceScorer {
    const cached = shared.get(index);
    if (cached && cached.today === today && cached.config === config && cached.catchUp()) return cached;
    const scorer = new WorkspaceScorer(index, today, config);
    shared.set(index, scorer);
    return scorer;
  }

  /**
   * Brings the memo up to the index's epoch: drops the scores of the objectives of changed files (old
   * and new) and of every objective up their alignment chains. False when the index cannot say what
   * changed (a file added or removed, or too long ago): then only a new scorer is right.
   */
  private catchUp(): boolean {
    if (this.epochSeen === this.index.epoch) return true;
    const changed = this.index.changesSince(this.epochSeen);
    if (!changed) return false;
    const paths = new Set(changed);
    const start: Array<{ objective: Objective; path: string }> = [];
    for (const [objective, entry] of this.memo) {
      // Without a path the objective was not in the index (an untitled document): nothing to keep it by.
      if (entry.path === undefined) this.memo.delete(objective);
      else if (paths.has(entry.path)) {
        start.push({ objective, path: entry.path });
        this.memo.delete(objective);
      }
    }
    for (const p of paths) for (const objective of this.index.get(p)?.objectives ?? []) start.push({ objective, path: p });
    // An old objective's aligns_to still names the parent it counted for; a new one's the parent it counts for now.
    const dropped = new Set<Objective>();
    for (const s of start) {
      let current = s.objective;
      let path = s.path;
      for (;;) {
        const ref = current.effectiveAlignsTo;
        if (!ref || !current.id) break;
        const r = this.index.resolve(ref, path);
        if (!r.ok || dropped.has(r.objective)) break;
        dropped.add(r.objective);
        this.memo.delete(r.objective);
        current = r.objective;
        path = r.path;
      }
    }
    // A cycle made or broken by the edit passes through a changed objective, so every objective whose
    // answer may differ is on one of the walks above.
    for (const s of start) this.onCycle.delete(s.objective);
    for (const o of dropped) this.onCycle.delete(o);
    this.epochSeen = this.index.epoch;
    return true;
  }

  document(doc: OkrDocument): DocumentScore {
    return scoreDocument(doc, this.today, { scorer: this, config: this.config });
  }

  /** The objective's score with its aligned children (and theirs), each scored once. */
  objective(o: Objective, doc: OkrDocument): ObjectiveScore {
    const done = this.memo.get(o);
    if (done) return done.score;
    // Post-order over the alignment tree with an explicit stack. `children` is filled when a frame is
    // first seen; the frame is scored once every child it counts is.
    interface Frame {
      objective: Objective;
      doc: OkrDocument;
      path?: string;
      children?: readonly ObjectiveEntry[];
    }
    const stack: Frame[] = [{ objective: o, doc, path: this.index.pathOf(o) }];
    const onStack = new Set<Objective>([o]);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (!frame.children) {
        // Listed in every mode (the tree and the hover show what is aligned even when it does not count).
        frame.children = this.index.children(frame.objective);
        for (const c of frame.children) {
          // onStack: a cycle the forward check missed (the two resolutions disagree) must still end.
          if (this.memo.has(c.objective) || onStack.has(c.objective) || this.cyclic(c)) continue;
          stack.push({ objective: c.objective, doc: c.doc, path: c.path });
          onStack.add(c.objective);
        }
        continue;
      }
      stack.pop();
      onStack.delete(frame.objective);
      const children = frame.children.map((c) => this.childScore(c));
      const score = scoreObjective(frame.objective, frame.doc.period, this.today, { children, config: this.config });
      this.memo.set(frame.objective, { score, path: frame.path });
    }
    return this.memo.get(o)!.score;
  }

  private childScore(c: ObjectiveEntry): AlignedChildScore {
    const entry = this.cyclic(c) ? undefined : this.memo.get(c.objective);
    // Kept with the child's score: it is the same for every parent while that score stands.
    if (entry?.asChild) return entry.asChild;
    const s = entry?.score;
    // One literal of one shape (no spread of a base object: see scoreKeyResult).
    const child: AlignedChildScore = {
      ref: c.ref,
      path: c.path,
      objective: c.objective,
      title: c.objective.title,
      score: s?.score,
      status: s ? s.status : 'no-score',
      grade: s?.grade,
      weight: c.objective.weight,
      excluded: !s ? 'cycle' : s.status === 'dropped' ? 'dropped' : undefined,
    };
    if (entry) entry.asChild = child;
    return child;
  }

  /**
   * Whether the child's own `aligns_to` is part of a cycle. Each objective aligns to at most one
   * parent, so that is whether following `aligns_to` from it comes back to it. One walk settles every
   * objective it passes (so a long chain costs its length once, not once per link).
   */
  private cyclic(c: ObjectiveEntry): boolean {
    const known = this.onCycle.get(c.objective);
    if (known !== undefined) return known;
    const chain: Objective[] = [c.objective];
    const at = new Map<Objective, number>([[c.objective, 0]]);
    let path = c.path;
    let cycleFrom = -1; // index in `chain` where a cycle starts, if the walk comes back on itself
    for (;;) {
      const current = chain[chain.length - 1]!;
      const ref = current.effectiveAlignsTo;
      if (!ref || !current.id) break;
      const r = this.index.resolve(ref, path);
      if (!r.ok) break;
      const seen = at.get(r.objective);
      if (seen !== undefined) {
        cycleFrom = seen;
        break;
      }
      // Settled earlier: a node on a cycle found before would have settled this chain too, so either
      // way nothing walked so far is on a cycle.
      if (this.onCycle.has(r.objective)) break;
      at.set(r.objective, chain.length);
      chain.push(r.objective);
      path = r.path;
    }
    chain.forEach((o, i) => this.onCycle.set(o, cycleFrom >= 0 && i >= cycleFrom));
    return this.onCycle.get(c.objective)!;
  }
}

const shared = new WeakMap<WorkspaceIndex, WorkspaceScorer>();
