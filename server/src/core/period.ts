// Periods: `2026-Q4`, `2026-H2`, `2026`, `2026-11`, or {start, end}; dates are UTC calendar days.
import { ISO_DATE, PERIOD_STRING } from './schema';

export interface Period {
  /** As written, normalised to a string ("2026-Q4" or "2026-10-01..2026-12-31"). */
  label: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
}

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(isoDate + 'T00:00:00Z') / DAY_MS);
}

export function isoFromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isValidIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(s + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Parses a period value; undefined when it is not one (the schema rule reports why). */
export function parsePeriod(value: unknown): Period | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) value = String(value);
  if (typeof value === 'string') {
    if (!PERIOD_STRING.test(value)) return undefined;
    const year = Number(value.slice(0, 4));
    const rest = value.slice(5);
    if (rest === '') return { label: value, start: `${year}-01-01`, end: `${year}-12-31` };
    if (rest[0] === 'Q') {
      const q = Number(rest[1]);
      const m0 = (q - 1) * 3 + 1;
      return { label: value, start: `${year}-${pad(m0)}-01`, end: lastDayOfMonth(year, m0 + 2) };
    }
    if (rest[0] === 'H') {
      const h = Number(rest[1]);
      return h === 1
        ? { label: value, start: `${year}-01-01`, end: `${year}-06-30` }
        : { label: value, start: `${year}-07-01`, end: `${year}-12-31` };
    }
    const month = Number(rest);
    return { label: value, start: `${year}-${pad(month)}-01`, end: lastDayOfMonth(year, month) };
  }
  if (value && typeof value === 'object') {
    const { start, end } = value as { start?: unknown; end?: unknown };
    if (typeof start === 'string' && typeof end === 'string' && isValidIsoDate(start) && isValidIsoDate(end) && start <= end) {
      return { label: `${start}..${end}`, start, end };
    }
  }
  return undefined;
}

// Scoring asks once per key result with the same period and day: remember the last answer
// instead of parsing three dates each time.
let lastShare: { start: string; end: string; today: string; share: number } | undefined;

/** Share of the period elapsed at the end of `today` (0 before the start, 1 from the last day on). */
export function elapsedShare(period: Period, today: string): number {
  const l = lastShare;
  if (l && l.start === period.start && l.end === period.end && l.today === today) return l.share;
  const share = computeElapsedShare(period, today);
  lastShare = { start: period.start, end: period.end, today, share };
  return share;
}

function computeElapsedShare(period: Period, today: string): number {
  const start = dayNumber(period.start);
  const end = dayNumber(period.end) + 1; // exclusive
  const t = dayNumber(today) + 1; // count today as elapsed
  if (t <= start) return 0;
  if (t >= end) return 1;
  return (t - start) / (end - start);
}

export function periodLength(period: Period): number {
  return dayNumber(period.end) - dayNumber(period.start) + 1;
}

export function isActive(period: Period, today: string): boolean {
  return today >= period.start && today <= period.end;
}

/** This quarter and the next ones, for completion. */
export function upcomingQuarters(today: string, count: number): string[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${year}-Q${q}`);
    q++;
    if (q > 4) {
      q = 1;
      year++;
    }
  }
  return out;
}

/**
 * "Today" as YYYY-MM-DD: OKR_TODAY when it is a valid date (reproducible runs), else the clock's UTC day.
 * Pure: the host passes its environment and clock in (server/src/node/today.ts).
 */
export function todayFromEnv(env: { OKR_TODAY?: string }, now: Date): string {
  const fixed = env.OKR_TODAY;
  if (fixed && isValidIsoDate(fixed)) return fixed;
  return now.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whether every day of `inner` is a day of `outer` (both ends included). */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** Whether two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end;
}
