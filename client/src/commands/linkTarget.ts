// `#L10` / `#L10-L20` fragments of file link targets -> 0-based line range. Pure.
export function parseLineFragment(fragment: string): { start: number; end: number } | undefined {
  const m = /^L(\d+)(?:-L?(\d+))?$/.exec(fragment);
  if (!m) return undefined;
  const start = Math.max(0, Number(m[1]) - 1);
  const end = m[2] ? Math.max(start, Number(m[2]) - 1) : start;
  return { start, end };
}
