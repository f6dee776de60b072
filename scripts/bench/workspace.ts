// Generates an organisation's workspace for the benchmark: a company file and one file per team,
// every team objective aligned to a company objective, realistic titles and check-ins, a share of
// problems (vague key results, a typo'd key, stale check-ins, an unresolved alignment), and small
// source files beside them (they must cost the OKR server nothing).
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface OrgShape {
  teams: number;
  objectivesPerTeam: number;
  keyResultsPerObjective: number;
  sourceFiles: number;
  /** Every n-th source file carries a code tag naming a company key result (none when absent). */
  tagEvery?: number;
}

/** The organisation: 2,001 files, 40,020 key results, 20,000 source files. */
export const ORG: OrgShape = { teams: 2000, objectivesPerTeam: 4, keyResultsPerObjective: 5, sourceFiles: 20_000 };

const AREAS = ['checkout', 'search', 'onboarding', 'billing', 'mobile app', 'support', 'data platform', 'payments', 'storefront', 'API', 'identity', 'notifications'];
const COMPANY_OBJECTIVES = [
  { id: 'quality', title: 'Make our software boringly reliable' },
  { id: 'growth', title: 'Grow revenue from existing customers' },
  { id: 'speed', title: 'Ship customer value faster' },
  { id: 'people', title: 'Build a team people want to join' },
];
const OWNERS = ['@dana', '@lee', '@sam', '@ravi', '@mia', '@jo', '@kim', '@alex'];

function krLines(n: number, area: string, kr: string): string[] {
  const out = [`      - id: ${kr}`];
  if (n % 11 === 4) {
    out.push(`        title: Improve ${area} observability`); // vague on purpose
  } else if (n % 11 === 7) {
    out.push(`        title: Launch the new ${area} dashboard by 2026-12-15`, '        done: false');
  } else if (n % 13 === 5) {
    out.push(`        title: Keep ${area} availability at or above 99.9%`, '        guardrail: at_least', '        target: 99.9', '        current: 99.95');
  } else {
    const b = 800 + (n % 7) * 50;
    out.push(`        title: Cut p95 ${area} latency from ${b} ms to 300 ms`, `        owner: "${OWNERS[n % OWNERS.length]}"`, `        baseline: ${b}`, '        target: 300');
    if (n % 3 === 0) {
      out.push(
        '        checkins:',
        `          - {date: 2026-10-${String(10 + (n % 18)).padStart(2, '0')}, value: ${b - 100}, confidence: 0.6}`,
        // Some check-ins are old on purpose (checkin-stale).
        `          - {date: 2026-11-${String(1 + (n % 17)).padStart(2, '0')}, value: ${b - 200}, confidence: 0.7, note: caching shipped}`,
      );
    }
    if (n % 5 === 0) out.push(`        links: ["acme/${area.replace(/ /g, '-')}#${100 + (n % 900)}"]`);
  }
  return out;
}

export function companyText(shape: OrgShape): string {
  const out = ['# Generated for npm run bench: the company file every team aligns to.', 'period: 2026-Q4', 'team: Company', 'owner: "@ceo"', 'objectives:'];
  let n = 0;
  for (const o of COMPANY_OBJECTIVES) {
    out.push(`  - id: ${o.id}`, `    title: ${o.title}`, '    key_results:');
    for (let k = 0; k < shape.keyResultsPerObjective; k++) out.push(...krLines(n++, 'the platform', `${o.id}-kr${k + 1}`));
  }
  return out.join('\n') + '\n';
}

export function teamText(shape: OrgShape, t: number): string {
  const area = AREAS[t % AREAS.length]!;
  const out = [`# Team ${t + 1}`, 'period: 2026-Q4', `team: Team ${t + 1} (${area})`, `owner: "${OWNERS[t % OWNERS.length]}"`, 'objectives:'];
  let n = t * 7;
  for (let o = 0; o < shape.objectivesPerTeam; o++) {
    const parent = COMPANY_OBJECTIVES[(t + o) % COMPANY_OBJECTIVES.length]!;
    out.push(`  - id: t${t + 1}-o${o + 1}`, `    title: Make ${area} delightful for team ${t + 1}, part ${o + 1}`);
    // One team in fifty has a typo in its alignment (alignment-unresolved).
    out.push(`    aligns_to: company#${t % 50 === 7 && o === 0 ? parent.id + 'x' : parent.id}`);
    if (o % 2 === 1) out.push('    type: committed');
    out.push('    key_results:');
    for (let k = 0; k < shape.keyResultsPerObjective; k++) out.push(...krLines(n++, area, `t${t + 1}-o${o + 1}-kr${k + 1}`));
  }
  // One team in a hundred has an unknown key (a schema problem).
  if (t % 100 === 3) out.splice(out.findIndex((l) => l.includes('-kr1')) + 1, 0, '        tagret: 3');
  return out.join('\n') + '\n';
}

export interface OrgWorkspace {
  root: string;
  company: string;
  teams: string[];
  okrBytes: number;
}

/** Writes the workspace under `dir` (created; must not exist or be empty). */
export function writeOrgWorkspace(dir: string, shape: OrgShape = ORG): OrgWorkspace {
  const okrs = path.join(dir, 'okrs');
  fs.mkdirSync(path.join(okrs, 'teams'), { recursive: true });
  const company = path.join(okrs, 'company.okr');
  let okrBytes = 0;
  const write = (file: string, text: string) => {
    fs.writeFileSync(file, text);
    okrBytes += Buffer.byteLength(text);
  };
  write(company, companyText(shape));
  const teams: string[] = [];
  for (let t = 0; t < shape.teams; t++) {
    // Teams in folders of 100, as a large organisation would group them.
    const folder = path.join(okrs, 'teams', `group-${Math.floor(t / 100) + 1}`);
    if (t % 100 === 0) fs.mkdirSync(folder, { recursive: true });
    const file = path.join(folder, `team-${t + 1}.okr`);
    write(file, teamText(shape, t));
    teams.push(file);
  }
  for (let s = 0; s < shape.sourceFiles; s++) {
    const folder = path.join(dir, 'src', `pkg${Math.floor(s / 200)}`);
    if (s % 200 === 0) fs.mkdirSync(folder, { recursive: true });
    const o = COMPANY_OBJECTIVES[s % COMPANY_OBJECTIVES.length]!.id;
    const tag = shape.tagEvery && s % shape.tagEvery === 0 ? `// okr: company#${o}/${o}-kr${1 + (s % shape.keyResultsPerObjective)}\n` : '';
    fs.writeFileSync(path.join(folder, `mod${s}.ts`), `// module ${s}\n${tag}export function f${s}(x: number): number {\n  return x * ${s};\n}\n`);
  }
  return { root: dir, company, teams, okrBytes };
}
