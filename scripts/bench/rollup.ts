// Rollup cost at organisation scale, in process (no server): 1 company file and 2,000 team files of
// 5 objectives with 4 key results each (40,020 key results), every team objective aligned to a company
// objective. Measures building the reverse-alignment map, scoring the company file (every team
// objective under it), scoring every file (what a full workspace model does), and one team file
// edited: the map brought up to date and the company file re-scored.
//   npx tsx scripts/bench/rollup.ts
import * as path from 'node:path';
import { parseOkrDocument, WorkspaceIndex, WorkspaceScorer, type OkrDocument } from '../../server/src/core';

const ROOT = path.resolve('/bench');
const TODAY = '2026-11-20';
const TEAMS = 2000;
const COMPANY_OBJECTIVES = 5;

function teamText(t: number, bump = 0): string {
  const lines = ['period: 2026-Q4', `team: Team ${t}`, 'objectives:'];
  for (let o = 0; o < 5; o++) {
    lines.push(`  - id: o${o}`, `    title: Objective ${o} of team ${t}`, `    aligns_to: company#c${(t + o) % COMPANY_OBJECTIVES}`, '    key_results:');
    for (let k = 0; k < 4; k++) {
      lines.push(`      - {id: k${k}, title: Raise metric ${k} from 0 to 100, baseline: 0, target: 100, current: ${(t * 7 + o * 13 + k * 29 + bump) % 100}}`);
    }
  }
  return lines.join('\n') + '\n';
}

function companyText(): string {
  const lines = ['period: 2026-Q4', 'team: Company', 'objectives:'];
  for (let c = 0; c < COMPANY_OBJECTIVES; c++) lines.push(`  - id: c${c}`, `    title: Company objective ${c}`, '    rollup: aligned');
  return lines.join('\n') + '\n';
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const index = new WorkspaceIndex(ROOT);
const companyPath = path.join(ROOT, 'company.okr');
let t0 = process.hrtime.bigint();
index.set(companyPath, parseOkrDocument(companyText(), 'file:///bench/company.okr'));
for (let t = 0; t < TEAMS; t++) index.set(path.join(ROOT, 'teams', `team-${t}.okr`), parseOkrDocument(teamText(t), `file:///bench/teams/team-${t}.okr`));
console.log(`parse ${TEAMS + 1} files: ${ms(t0).toFixed(0)} ms`);

const company = index.get(companyPath)!;
t0 = process.hrtime.bigint();
index.children(company.objectives[0]!);
console.log(`reverse-alignment map, first build: ${ms(t0).toFixed(1)} ms`);

const scoreCompany = (): number => {
  const t = process.hrtime.bigint();
  const s = new WorkspaceScorer(index, TODAY).document(company);
  const took = ms(t);
  if (s.objectives[0]!.aligned.children.length !== (TEAMS * 5) / COMPANY_OBJECTIVES) throw new Error('wrong child count');
  return took;
};
const runs = Array.from({ length: 7 }, scoreCompany);
console.log(`score the company file (${(TEAMS * 5).toLocaleString('en-US')} aligned objectives): median ${median(runs).toFixed(1)} ms`);

t0 = process.hrtime.bigint();
const scorer = WorkspaceScorer.for(index, TODAY);
let n = 0;
for (const [, doc] of index.entries()) n += scorer.document(doc as OkrDocument).objectives.length;
console.log(`score every file with one shared scorer (${n.toLocaleString('en-US')} objectives): ${ms(t0).toFixed(1)} ms`);

const edits: number[] = [];
for (let i = 0; i < 7; i++) {
  const p = path.join(ROOT, 'teams', `team-${i}.okr`);
  const doc = parseOkrDocument(teamText(i, i + 1), `file:///bench/teams/team-${i}.okr`);
  const t = process.hrtime.bigint();
  index.set(p, doc);
  WorkspaceScorer.for(index, TODAY).document(company);
  edits.push(ms(t));
}
console.log(`one team file edited -> map updated and company file re-scored: median ${median(edits).toFixed(1)} ms`);


// What the workspace model adds for the company file: its objectives' aligned children, by ref as sent.
{
  const t = process.hrtime.bigint();
  const s = WorkspaceScorer.for(index, TODAY).document(company);
  const aligned = s.objectives.map((o) => o.aligned.children.map((c) => (c.excluded ? { ref: c.ref, weight: c.weight, excluded: c.excluded } : { ref: c.ref, weight: c.weight })));
  const json = JSON.stringify(aligned);
  console.log(`company file's aligned lists in the model: ${(json.length / 1e6).toFixed(1)} MB, built and serialised in ${ms(t).toFixed(1)} ms`);
}
