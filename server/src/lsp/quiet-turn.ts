// Work that follows a document's changes runs once they stop coming. The connection handles one
// message per turn of the event loop, so during a burst of edits (typing fast, a macro, a paste of
// many changes) the next didChange is already waiting when work scheduled by the last one would run:
// analysing each version cost 1,000 analyses and publishes for 1,000 edits, and the final
// diagnostics came seconds late. Waiting for a turn without a new schedule() runs the work once, for
// the newest state. Turns, not time: a single edit waits one turn more than it would otherwise.

/** Turns the work waits at most for a stream of schedule() calls to pause. */
const MAX_DEFERRED_TURNS = 2_000;

export class QuietTurn {
  private scheduled = false;
  /** No schedule() since the last settle(): the burst, if any, is over. */
  private quiet = true;
  /** Turns the pending run has waited for quiet. */
  private deferred = 0;

  constructor(private readonly run: () => void) {}

  /** Whether a run is waiting (work that should give way to it can tell). */
  get pending(): boolean {
    return this.scheduled;
  }

  schedule(): void {
    this.quiet = false;
    if (this.scheduled) return;
    this.scheduled = true;
    this.deferred = 0;
    setImmediate(() => this.settle());
  }

  private settle(): void {
    if (!this.quiet && this.deferred < MAX_DEFERRED_TURNS) {
      this.quiet = true;
      this.deferred++;
      setImmediate(() => this.settle());
      return;
    }
    this.scheduled = false;
    this.run();
  }
}
