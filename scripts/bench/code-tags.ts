// The code-tag scenario (#12), a function the bench can call: the organisation's workspace with a
// code tag in every 10th of its 20,000 source files, measured over stdio. The server's own log line
// gives the tag search of the whole workspace (listing, reading, in slices after the .okr index); a
// keystroke in a 5,000-line source file is timed to the next answered request, and an edit of its tag
// to the unknown-okr-tag diagnostic it causes. Run alone: `npx tsx scripts/bench/code-tags.ts`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { BenchClient, okrServerSpec, withTimeout } from './lsp';
import type { OrgLine } from './org';
import { ORG, writeOrgWorkspace, type OrgShape } from './workspace';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** A 5,000-line TypeScript file with a tag on its first line. */
function largeSource(lines: number): string {
  const out = ['// okr: company#quality/quality-kr1'];
  for (let i = 1; i < lines; i++) out.push(i % 50 === 0 ? `export function f${i}(x: number): number {` : `  const v${i} = x * ${i}; // step ${i}`);
  return out.join('\n') + '\n';
}

export async function measureCodeTags(dir: string, serverPath: string, today: string, shape: OrgShape = { ...ORG, tagEvery: 10 }): Promise<OrgLine[]> {
  const ws = writeOrgWorkspace(path.join(dir, 'tags'), shape);
  const big = path.join(ws.root, 'src', 'large.ts');
  const bigText = largeSource(5000);
  fs.writeFileSync(big, bigText);
  const client = new BenchClient(okrServerSpec(serverPath, today));
  const lines: OrgLine[] = [];
  let searchedMs: number | undefined;
  let files = 0;
  const searched = new Promise<void>((resolve) =>
    client.onNotification('window/logMessage', (p) => {
      const m = /searched (\d+) source files for code tags in (\d+) ms/.exec((p as { message: string }).message);
      if (!m) return;
      files = Number(m[1]);
      searchedMs = Number(m[2]);
      resolve();
    }),
  );
  try {
    await client.initialize(pathToFileURL(ws.root).toString(), 60_000);
    await withTimeout(searched, 180_000);
    lines.push({ what: `code-tag search (${files.toLocaleString('en-US')} source files, ${Math.ceil(shape.sourceFiles / (shape.tagEvery ?? Infinity))} tags)`, value: searchedMs, unit: 'ms', budget: 3000 });

    const uri = pathToFileURL(big).toString();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 1, text: bigText } });
    let version = 1;
    const keystrokes: number[] = [];
    for (let i = 0; i < 9; i++) {
      const at = { line: 2500, character: 4 };
      const range = i % 2 === 0 ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const t0 = performance.now();
      await client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ range, text: i % 2 === 0 ? 'x' : '' }] });
      // The next request is answered after the change was handled (messages are handled in order).
      await client.time('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 12 } }, 10_000);
      keystrokes.push(performance.now() - t0);
    }
    lines.push({ what: 'keystroke in a 5,000-line source file -> next request answered', value: median(keystrokes), unit: 'ms', budget: 50, note: 'median of 9' });

    // Editing the tag's key-result id into one that does not exist: the diagnostic appears.
    const t1 = performance.now();
    const unknown = client.diagnosticsWhere(uri, (p) => p.diagnostics.length > 0, 10_000);
    await client.notify('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: { line: 0, character: 35 }, end: { line: 0, character: 36 } }, text: '9' }],
    });
    await unknown;
    lines.push({ what: 'tag edited in a 5,000-line source file -> unknown-okr-tag published', value: performance.now() - t1, unit: 'ms', budget: 100 });
    lines.push({ what: 'server peak memory', value: client.peakRssMb(), unit: 'MB', budget: 500 });
  } finally {
    await client.stop();
  }
  return lines;
}

if (require.main === module) {
  void (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-bench-tags-'));
    try {
      const server = path.resolve(__dirname, '..', '..', 'dist', 'server.js');
      for (const l of await measureCodeTags(dir, server, '2026-11-20')) {
        console.log(`${l.what}: ${l.value === undefined ? 'n/a' : Math.round(l.value)} ${l.unit} (budget ${l.budget} ${l.unit})${l.note ? `; ${l.note}` : ''}`);
      }
      console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  })();
}
