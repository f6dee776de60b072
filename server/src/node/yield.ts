// Background work (the workspace scan, the code-tag search, checking files on disk) runs in slices
// and gives way to requests between them. A request takes more than one turn of the event loop:
// vscode-jsonrpc handles a message read in the poll phase in a setImmediate, and writes the answer
// in another. Resuming after one setImmediate put the next slice before both, so a hover waited for
// two or three slices; resuming after three lets a request that arrived meanwhile be answered first.
// Idle, the extra turns cost microseconds.
const TURNS = 3;

export function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => {
    let left = TURNS;
    const next = () => (--left === 0 ? resolve() : setImmediate(next));
    setImmediate(next);
  });
}
