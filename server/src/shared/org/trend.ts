// A key result's trend, drawn on demand in the organisation map: the values of its check-ins over the
// period against the straight line from baseline to target, the target line, today's marker and the
// value expected today; a guardrail's threshold; a milestone's state and date. Pure geometry and text
// (SVG user units): the renderer only creates the elements. Readable with no check-in (the lines and
// today still show) and with many (a line, small dots, and a table as the text alternative).
import type { OrgKeyResult } from './view';

export const CHART_WIDTH = 360;
export const CHART_HEIGHT = 120;
/** Room for the dots at the edges and the axis labels. */
const PAD = { left: 8, right: 8, top: 10, bottom: 16 };

export interface ChartPoint {
  x: number;
  y: number;
  /** The point's tooltip and table row: "2026-11-17: 1.2 % — note". */
  text: string;
}

export interface TrendChart {
  width: number;
  height: number;
  points: ChartPoint[];
  /** `points` as an SVG polyline `points` attribute (two or more points). */
  path: string;
  /** Baseline at the period's start to target at its end. */
  pace?: { x1: number; y1: number; x2: number; y2: number };
  /** The y of the target (metrics) or the threshold a guardrail must hold. */
  target?: { y: number; label: string };
  today?: { x: number; label: string };
  /** The value expected today on the pace line. */
  expected?: { x: number; y: number; label: string };
  /** The period's first and last day under the x axis. */
  axis: { start?: string; end?: string; top?: string; bottom?: string };
  /** A milestone: its state and date. */
  milestone?: string;
  /** The summary read by screen readers (role="img" aria-label) and shown under the chart. */
  summary: string;
  /** Every check-in as a row of the text alternative: date, value, note. */
  table: Array<{ date: string; value: string; note: string }>;
}

/** Days since 1970 of `YYYY-MM-DD`, or undefined for anything else (2026-02-31 included). */
export function dayOf(date: string | undefined): number | undefined {
  const m = date === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(t);
  if (d.getUTCFullYear() !== Number(m[1]) || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) return undefined;
  return t / 86_400_000;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const finite = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

/** "1.2 %", "99.55%", "12 incidents". */
export function valueText(v: number | boolean | undefined, unit: string | undefined): string {
  if (v === undefined) return 'no value';
  if (typeof v === 'boolean') return v ? 'done' : 'not done';
  const n = Number(v.toFixed(2)).toString();
  if (!unit) return n;
  return unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/** The value a metric should have today: baseline + (target − baseline) × the elapsed share. */
export function expectedValue(kr: Pick<OrgKeyResult, 'kind' | 'baseline' | 'target' | 'elapsed'>): number | undefined {
  if (kr.kind !== 'metric' || !finite(kr.baseline) || !finite(kr.target) || !Number.isFinite(kr.elapsed)) return undefined;
  const share = Math.min(1, Math.max(0, kr.elapsed));
  return kr.baseline + (kr.target - kr.baseline) * share;
}

export function trendChart(kr: OrgKeyResult, period: { start: string; end: string } | undefined, today: string | undefined, width = CHART_WIDTH, height = CHART_HEIGHT): TrendChart {
  const milestone = kr.kind === 'milestone';
  const pts: Array<{ day: number; value: number; i: number }> = [];
  kr.checkins.forEach((c, i) => {
    const day = dayOf(c.date);
    if (day === undefined) return;
    const value = milestone ? (typeof c.value === 'boolean' ? Number(c.value) : undefined) : typeof c.value === 'number' && Number.isFinite(c.value) ? c.value : undefined;
    if (value !== undefined) pts.push({ day, value, i });
  });
  pts.sort((a, b) => a.day - b.day || a.i - b.i);

  const start = dayOf(period?.start);
  const end = dayOf(period?.end);
  const t = dayOf(today);
  const days = [...pts.map((p) => p.day), ...[start, end].filter(finite)];
  if (days.length === 0 && t !== undefined) days.push(t);
  let x0 = days.length ? Math.min(...days) : 0;
  let x1 = days.length ? Math.max(...days) : 1;
  if (x0 === x1) {
    x0 -= 1;
    x1 += 1;
  }
  const expected = expectedValue(kr);
  const refs = milestone ? [0, 1] : [kr.baseline, kr.target, expected].filter(finite);
  const values = [...pts.map((p) => p.value), ...refs];
  let y0 = values.length ? Math.min(...values) : 0;
  let y1 = values.length ? Math.max(...values) : 1;
  if (y0 === y1) {
    const d = Math.abs(y0) > 0 ? Math.abs(y0) * 0.1 : 1;
    y0 -= d;
    y1 += d;
  }
  const sx = (day: number) => round1(PAD.left + ((day - x0) / (x1 - x0)) * (width - PAD.left - PAD.right));
  const sy = (v: number) => round1(PAD.top + (1 - (v - y0) / (y1 - y0)) * (height - PAD.top - PAD.bottom));
  const fmt = (v: number) => (milestone ? (v ? 'done' : 'not done') : valueText(v, kr.unit));

  const table = kr.checkins.map((c) => ({ date: c.date, value: milestone ? valueText(c.value, undefined) : valueText(c.value, kr.unit), note: c.note ?? '' }));
  const points: ChartPoint[] = pts.map((p) => {
    const c = kr.checkins[p.i]!;
    return { x: sx(p.day), y: sy(p.value), text: `${c.date}: ${fmt(p.value)}${c.note ? ` — ${c.note}` : ''}` };
  });
  const chart: TrendChart = {
    width,
    height,
    points,
    path: points.length > 1 ? points.map((p) => `${p.x},${p.y}`).join(' ') : '',
    axis: { start: period?.start, end: period?.end },
    summary: '',
    table,
  };
  if (!milestone) {
    chart.axis.top = fmt(y1);
    chart.axis.bottom = fmt(y0);
  }
  const parts: string[] = [];
  if (kr.kind === 'metric' && start !== undefined && end !== undefined && end > start && finite(kr.baseline) && finite(kr.target)) {
    chart.pace = { x1: sx(start), y1: sy(kr.baseline), x2: sx(end), y2: sy(kr.target) };
    parts.push(`straight line from ${fmt(kr.baseline)} on ${period!.start} to ${fmt(kr.target)} on ${period!.end}`);
  }
  if ((kr.kind === 'metric' || kr.kind === 'guardrail') && finite(kr.target)) {
    chart.target = { y: sy(kr.target), label: kr.kind === 'guardrail' ? `threshold ${fmt(kr.target)}` : `target ${fmt(kr.target)}` };
    if (kr.kind === 'guardrail') parts.push(`must hold ${fmt(kr.target)}`);
  }
  if (t !== undefined && t >= x0 && t <= x1) {
    chart.today = { x: sx(t), label: `today ${today}` };
    if (expected !== undefined && chart.pace) {
      chart.expected = { x: sx(t), y: sy(expected), label: `expected today ${fmt(expected)}` };
      parts.push(`expected today ${fmt(expected)}`);
    }
  }
  if (milestone) {
    const done = pts.find((p) => p.value === 1);
    const doneDate = done ? kr.checkins[done.i]!.date : undefined;
    chart.milestone = kr.current === true ? `done${doneDate ? ` on ${doneDate}` : ''}` : `not done${period ? `, due by ${period.end}` : ''}`;
    parts.unshift(`milestone ${chart.milestone}`);
  }
  const n = pts.length;
  const first = pts[0];
  const last = pts[n - 1];
  const history =
    n === 0 ? 'no check-ins yet' : n === 1 ? `1 check-in: ${fmt(first!.value)} on ${kr.checkins[first!.i]!.date}` : `${n} check-ins, from ${fmt(first!.value)} on ${kr.checkins[first!.i]!.date} to ${fmt(last!.value)} on ${kr.checkins[last!.i]!.date}`;
  chart.summary = [`Trend of ${kr.title}: ${history}`, ...parts].join('; ') + '.';
  return chart;
}
