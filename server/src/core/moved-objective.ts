// The objectives after an edit, as views of their previous models moved by the edit, built when read.
//
// An edit inside one objective moves every objective after it by the same number of characters (and
// of lines, when it added or removed some): nothing in them changed but where they are. Copying
// their models on each keystroke (a key result, its check-ins and every map node, for half of a
// large file) was most of a keystroke's work and most of what the garbage collector then had to
// move. A moved objective is one small object: what it says is read from the model it was made
// from, and its nodes, key results, check-ins and links are moved when first read. A view of a view
// is a view of the first model with the two moves added, so a burst of typing never stacks them.
import { rangeMovedByLines, type LineIndex } from './positions';
import type { Checkin, Field, ItemState, KeyResult, KrKind, Link, MapNode, Objective, RollupMode } from './model';
import { moveMapNode } from './parse';

/** How far everything of an objective moved: `delta` characters, `lineDelta` lines, in the text `lines` indexes. */
interface Shift {
  lines: LineIndex;
  delta: number;
  lineDelta: number;
}

function moved(node: MapNode, s: Shift): MapNode {
  return moveMapNode(node, s.lines, 0, s.delta);
}

class MovedKeyResult implements KeyResult {
  private movedNode: MapNode | undefined;
  private movedCheckins: Checkin[] | undefined;
  private movedLinks: Link[] | undefined;

  constructor(
    private readonly base: KeyResult,
    private readonly shift: Shift,
  ) {}

  get id(): string | undefined { return this.base.id; }
  get title(): string | undefined { return this.base.title; }
  get owner(): string | undefined { return this.base.owner; }
  get metric(): string | undefined { return this.base.metric; }
  get unit(): string | undefined { return this.base.unit; }
  get baseline(): number | undefined { return this.base.baseline; }
  get target(): number | undefined { return this.base.target; }
  get current(): number | undefined { return this.base.current; }
  get confidence(): number | undefined { return this.base.confidence; }
  get weight(): number { return this.base.weight; }
  get guardrail(): KeyResult['guardrail'] { return this.base.guardrail; }
  get done(): boolean | undefined { return this.base.done; }
  get kind(): KrKind { return this.base.kind; }
  get state(): ItemState { return this.base.state; }
  get reason(): string | undefined { return this.base.reason; }
  get effectiveOwner(): string | undefined { return this.base.effectiveOwner; }
  get index(): number { return this.base.index; }

  get node(): MapNode {
    return (this.movedNode ??= moved(this.base.node, this.shift));
  }

  get checkins(): Checkin[] {
    return (this.movedCheckins ??= this.base.checkins.map((c): Checkin => ({ ...c, node: moved(c.node, this.shift) })));
  }

  // Links hold lines and characters: only lines added or removed above move them.
  get links(): Link[] {
    if (this.shift.lineDelta === 0) return this.base.links;
    return (this.movedLinks ??= this.base.links.map((l) => ({ ...l, range: rangeMovedByLines(l.range, this.shift.lineDelta) })));
  }

  // Plain data, as the key result of a full parse (the same keys in the same order).
  toJSON(): KeyResult {
    return { ...this.base, links: this.links, checkins: this.checkins, node: this.node };
  }
}

class MovedObjective implements Objective {
  private movedNode: MapNode | undefined;
  private movedKeyResults: KeyResult[] | undefined;

  constructor(
    /** The model it is a view of (never itself a view). */
    readonly base: Objective,
    readonly shift: Shift,
  ) {}

  get id(): string | undefined { return this.base.id; }
  get title(): string | undefined { return this.base.title; }
  get owner(): string | undefined { return this.base.owner; }
  get type(): Objective['type'] { return this.base.type; }
  get weight(): number { return this.base.weight; }
  get alignsTo(): string | undefined { return this.base.alignsTo; }
  get rollup(): RollupMode | undefined { return this.base.rollup; }
  get rollupWeights(): Objective['rollupWeights'] { return this.base.rollupWeights; }
  get state(): ItemState { return this.base.state; }
  get reason(): string | undefined { return this.base.reason; }
  get effectiveAlignsTo(): string | undefined { return this.base.effectiveAlignsTo; }
  get effectiveOwner(): string | undefined { return this.base.effectiveOwner; }
  get index(): number { return this.base.index; }

  get node(): MapNode {
    return (this.movedNode ??= moved(this.base.node, this.shift));
  }

  get keyResultsField(): Field | undefined {
    return this.base.keyResultsField ? this.node.fields.get('key_results') : undefined;
  }

  get keyResults(): KeyResult[] {
    return (this.movedKeyResults ??= this.base.keyResults.map((kr) => new MovedKeyResult(kr, this.shift)));
  }

  toJSON(): Objective {
    return { ...this.base, keyResults: this.keyResults, node: this.node, keyResultsField: this.keyResultsField };
  }
}

/**
 * `o` (of the text before an edit) in the text after it, when the edit was before it: moved by
 * `delta` characters and `lineDelta` lines, in the text `lines` indexes.
 */
export function movedObjective(o: Objective, lines: LineIndex, delta: number, lineDelta: number): Objective {
  if (o instanceof MovedObjective) return new MovedObjective(o.base, { lines, delta: o.shift.delta + delta, lineDelta: o.shift.lineDelta + lineDelta });
  return new MovedObjective(o, { lines, delta, lineDelta });
}

/** The model a moved objective reads from (itself when it is not a view): for caches kept by objective. */
export function modelOf(o: Objective): Objective {
  return o instanceof MovedObjective ? o.base : o;
}
