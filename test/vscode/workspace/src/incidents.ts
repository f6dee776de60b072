// Fixture for test/vscode/suite/codetags.test.ts: code tagged with the key result it serves.
// okr: org/company#mission/incidents
export function pageOnCall(summary: string): string {
  return `paging on-call: ${summary}`;
}
