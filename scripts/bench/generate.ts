// Generates realistic .okr files for the benchmark: objectives with owners and alignment, key
// results mixing metrics, guardrails, milestones and a share of vague drafts, check-ins on some,
// and one deliberate typo so every server has something to report.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Size {
  name: string;
  objectives: number;
  keyResults: number;
  /** Repetitions of each measurement (fewer for the large files, to keep the run short). */
  reps: number;
  /** Per-operation time limit. */
  timeoutMs: number;
  /**
   * 'clean' (the default): mostly sound key results, few problems. 'realistic': every key result
   * written out in full (metric fields, two links, a block check-in) with the mistakes people make,
   * so the file yields thousands of problems (generateRealisticOkr).
   */
  shape?: 'clean' | 'realistic';
}

export const SIZES: Size[] = [
  { name: '5x4', objectives: 5, keyResults: 4, reps: 9, timeoutMs: 10_000 },
  { name: '100x5', objectives: 100, keyResults: 5, reps: 9, timeoutMs: 10_000 },
  { name: '1000x5', objectives: 1000, keyResults: 5, reps: 5, timeoutMs: 30_000 },
  { name: '1000x5 realistic', objectives: 1000, keyResults: 5, reps: 5, timeoutMs: 30_000, shape: 'realistic' },
  { name: '5000x5', objectives: 5000, keyResults: 5, reps: 3, timeoutMs: 60_000 },
];

/** Where the measurements point: a key result in the middle of the file. */
export interface Probe {
  /** The `title:` line of the middle key result, and the column where its value starts. */
  titleLine: number;
  titleCol: number;
  titleEndCol: number;
  /** A `target:` line of the same key result (completion in the middle of typing a key). */
  keyLine: number;
}

export interface Generated {
  file: string;
  bytes: number;
  probe: Probe;
}

const AREAS = ['checkout', 'search', 'onboarding', 'billing', 'mobile app', 'support', 'data platform', 'payments', 'storefront', 'API'];
const OBJECTIVES = [
  'Make {a} boringly reliable',
  'Delight customers in {a}',
  'Make {a} fast everywhere',
  'Grow revenue from {a}',
  'Cut the cost of running {a}',
  'Make {a} accessible to everyone',
];
const OWNERS = ['@dana', '@lee', '@sam', '@ravi', '@mia', '@jo', '@kim', '@alex'];

function metricKr(i: number, area: string): { title: string; baseline: number; target: number; unit?: string } {
  const kinds = [
    () => ({ title: `Reduce ${area} error rate from ${(2 + (i % 5) * 0.3).toFixed(1)}% to 0.5%`, unit: '%', baseline: Number((2 + (i % 5) * 0.3).toFixed(1)), target: 0.5 }),
    () => ({ title: `Cut p95 ${area} latency from ${800 + (i % 7) * 50} ms to 300 ms`, baseline: 800 + (i % 7) * 50, target: 300 }),
    () => ({ title: `Raise weekly active users of ${area} from ${1200 + i * 3} to ${2000 + i * 3}`, baseline: 1200 + i * 3, target: 2000 + i * 3 }),
    () => ({ title: `Lift ${area} NPS from 31 to 45`, baseline: 31, target: 45 }),
  ];
  return kinds[i % kinds.length]!();
}

/** A value `share` of the way from baseline to target, rounded like a person would write it. */
function towards(m: { baseline: number; target: number }, share: number): number {
  return Math.round((m.baseline + (m.target - m.baseline) * share) * 10) / 10;
}

/** The lines of objective `o` up to its `key_results:`; returns its area. */
function objectiveHeader(out: string[], o: number): string {
  const area = AREAS[o % AREAS.length]!;
  out.push(`  - id: o${o + 1}`);
  out.push(`    title: ${OBJECTIVES[o % OBJECTIVES.length]!.replace('{a}', area)}`);
  out.push(`    owner: "${OWNERS[o % OWNERS.length]}"`);
  if (o % 3 === 0) out.push('    type: committed');
  out.push('    aligns_to: company#quality');
  out.push('    key_results:');
  return area;
}

export function generateOkr(objectives: number, keyResults: number): { text: string; probe: Probe } {
  const out: string[] = ['# Generated for npm run bench: realistic shape, not real data.', 'period: 2026-Q4', 'team: Bench', 'owner: "@bench"', 'objectives:'];
  const middle = Math.floor(objectives / 2);
  let probe: Probe | undefined;
  let n = 0;
  for (let o = 0; o < objectives; o++) {
    const area = objectiveHeader(out, o);
    for (let k = 0; k < keyResults; k++, n++) {
      out.push(`      - id: o${o + 1}-kr${k + 1}`);
      const titleLine = out.length;
      if (n % 9 === 4) {
        out.push(`        title: Improve ${area} observability`); // vague on purpose
      } else if (n % 9 === 7) {
        out.push(`        title: Launch the new ${area} dashboard by 2026-12-15`);
        out.push('        done: false');
      } else if (n % 13 === 5) {
        out.push(`        title: Keep ${area} availability at or above 99.9%`);
        out.push('        guardrail: at_least');
        out.push('        target: 99.9');
        out.push('        current: 99.95');
      } else {
        const m = metricKr(n, area);
        out.push(`        title: ${m.title}`);
        if (m.unit) out.push(`        unit: "${m.unit}"`);
        out.push(`        baseline: ${m.baseline}`, `        target: ${m.target}`);
        if (n % 4 === 0) {
          out.push('        checkins:');
          out.push(`          - {date: 2026-10-${String(10 + (n % 18)).padStart(2, '0')}, value: ${towards(m, 0.2)}, confidence: 0.6}`);
          out.push(`          - {date: 2026-11-${String(1 + (n % 17)).padStart(2, '0')}, value: ${towards(m, 0.45)}, confidence: 0.7, note: on the way}`);
        }
      }
      if (o === middle && k === Math.floor(keyResults / 2)) {
        const line = out[titleLine]!;
        const keyLine = out.findIndex((l, i) => i > titleLine && /^\s+(target|done|guardrail): /.test(l));
        probe = { titleLine, titleCol: line.indexOf(':') + 2, titleEndCol: line.length, keyLine: keyLine >= 0 ? keyLine : titleLine };
      }
    }
  }
  // One typo every server must report: an unknown key.
  out.splice(out.findIndex((l) => l.startsWith('      - id: o1-kr1')) + 1, 0, '        tagret: 3');
  if (probe) {
    probe.titleLine++;
    probe.keyLine++;
  }
  return { text: out.join('\n') + '\n', probe: probe! };
}

const METRICS = [
  { name: 'error rate', unit: '%', from: 2.4, to: 0.5, verb: 'Reduce' },
  { name: 'p95 latency', unit: 'ms', from: 850, to: 300, verb: 'Cut' },
  { name: 'weekly active users', unit: 'users', from: 1200, to: 2000, verb: 'Grow' },
  { name: 'NPS', unit: 'points', from: 31, to: 45, verb: 'Raise' },
  { name: 'conversion rate', unit: '%', from: 3.1, to: 4.5, verb: 'Increase' },
  { name: 'support tickets per week', unit: 'tickets', from: 420, to: 250, verb: 'Lower' },
];

/**
 * A file as a team that has used OKRs for a while writes it: every key result with owner, metric,
 * unit, baseline, target, current and confidence, two links and a block-style check-in with a note.
 * And the mistakes such files hold: a target written as a string ("45%"), a confidence out of range,
 * check-ins weeks old, a target on the wrong side of the baseline for what the title says, vague or
 * task-like titles, tracker keys without a URL template. About 8,000 problems at 1000x5, 1,700 of
 * them schema problems. Deterministic, so every run measures the same file.
 */
export function generateRealisticOkr(objectives: number, keyResults: number): { text: string; probe: Probe } {
  const out: string[] = [
    '# Generated for npm run bench: a large file as people write it, mistakes included. Not real data.',
    'period: 2026-Q4',
    'team: Platform and Growth',
    'owner: "@bench"',
    'objectives:',
  ];
  const middle = Math.floor(objectives / 2);
  let probe: Probe | undefined;
  let n = 0;
  for (let o = 0; o < objectives; o++) {
    const area = objectiveHeader(out, o);
    for (let k = 0; k < keyResults; k++, n++) {
      const m = METRICS[n % METRICS.length]!;
      const scale = 1 + (n % 7) / 10;
      const from = round(m.from * scale);
      const to = round(m.to * scale);
      // One in four says "reduce" while the target is above the baseline (or the reverse).
      const [baseline, target] = n % 4 === 1 ? [to, from] : [from, to];
      const current = round(from + (to - from) * ((n % 5) / 8));
      out.push(`      - id: o${o + 1}-kr${k + 1}`);
      const titleLine = out.length;
      if (n % 11 === 3) out.push(`        title: Improve ${area} ${m.name}`); // vague: no numbers
      else if (n % 11 === 8) out.push(`        title: Implement the new ${area} ${m.name} dashboard`); // a task
      else if (n % 13 === 6) out.push(`        title: ${m.verb} ${area} ${m.name} to ${to} ${m.unit} and launch the ${area} beta`); // two results in one
      else out.push(`        title: ${m.verb} ${area} ${m.name} from ${from} to ${to} ${m.unit}`);
      out.push(`        owner: "${OWNERS[(o + k) % OWNERS.length]}"`);
      out.push(`        metric: ${m.name}`);
      out.push(`        unit: "${m.unit}"`);
      if (n % 12 !== 10) out.push(`        baseline: ${baseline}`); // sometimes forgotten
      // Schema mistakes, about a third of the key results: targets and values written as text, confidences as percentages.
      out.push(n % 9 === 2 ? `        target: "${target}${m.unit === '%' ? '%' : ''}"` : `        target: ${target}`);
      out.push(n % 25 === 5 ? '        current: n/a' : `        current: ${current}`);
      out.push('        links:');
      out.push(`          - https://grafana.example.com/d/${area.replace(/ /g, '-')}`);
      out.push(n % 4 === 0 ? `          - PLAT-${1000 + n}` : `          - https://jira.example.com/PLAT-${1000 + n}`);
      out.push('        checkins:');
      // Three in five check-ins are over two weeks old on the bench's today (2026-11-20).
      const day = n % 5 < 3 ? `2026-10-${String(1 + (n % 28)).padStart(2, '0')}` : `2026-11-${String(10 + (n % 9)).padStart(2, '0')}`;
      out.push(`          - date: ${day}`);
      out.push(`            value: ${current}`);
      out.push(`            confidence: ${n % 5 === 2 ? 70 : 0.6}`); // 70: meant as a percentage
      if (n % 3 === 0) out.push('            note: slower than planned');
      if (o === middle && k === Math.floor(keyResults / 2)) {
        const line = out[titleLine]!;
        const keyLine = out.findIndex((l, i) => i > titleLine && /^\s+target: /.test(l));
        probe = { titleLine, titleCol: line.indexOf(':') + 2, titleEndCol: line.length, keyLine };
      }
    }
  }
  out.splice(out.findIndex((l) => l.startsWith('      - id: o1-kr1')) + 1, 0, '        tagret: 3');
  if (probe) {
    probe.titleLine++;
    probe.keyLine++;
  }
  return { text: out.join('\n') + '\n', probe: probe! };
}

function round(x: number): number {
  return x >= 100 ? Math.round(x) : Math.round(x * 10) / 10;
}

const COMPANY = `period: 2026-Q4
owner: "@cto"
objectives:
  - id: quality
    title: Enhance software quality
    key_results:
      - id: crash-free
        title: Raise crash-free sessions from 99.2% to 99.8%
        baseline: 99.2
        target: 99.8
`;

/** Writes one workspace per size: `<dir>/<size>/okrs-<size>.okr` plus the company file it aligns to. */
export function writeWorkspace(dir: string, size: Size): Generated {
  const slug = size.name.replace(/\s+/g, '-');
  const ws = path.join(dir, slug);
  fs.mkdirSync(ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'company.okr'), COMPANY);
  const { text, probe } = size.shape === 'realistic' ? generateRealisticOkr(size.objectives, size.keyResults) : generateOkr(size.objectives, size.keyResults);
  const file = path.join(ws, `okrs-${slug}.okr`);
  fs.writeFileSync(file, text);
  return { file, bytes: Buffer.byteLength(text), probe };
}
