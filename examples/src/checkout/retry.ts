// Example source file linked from a key result (examples/okrs/teams/web-experience.okr).
// okr: web-experience#checkout-reliable/checkout-errors
export async function withRetry<T>(fn: () => Promise<T>, attempts = 3): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
