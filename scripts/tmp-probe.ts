// Temporary probe (not committed): open the realistic 1000x5 file, then N one-character edits, timed.
import { performance } from 'node:perf_hooks';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient, okrServerSpec } from './bench/lsp';
import { SIZES, writeWorkspace } from './bench/generate';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-edit-'));
  const size = SIZES.find((s) => s.name === (process.env.SIZE ?? '1000x5 realistic'))!;
  const gen = writeWorkspace(dir, size);
  const text = fs.readFileSync(gen.file, 'utf8');
  const uri = pathToFileURL(gen.file).toString();
  const t0 = performance.now();
  const client = new BenchClient(okrServerSpec(path.resolve('dist/server.js'), '2026-11-20'));
  await client.initialize(pathToFileURL(path.dirname(gen.file)).toString(), 60000);
  let shown = false;
  client.onPublish((p) => { if (!shown && p.diagnostics.length > 100) { shown = true; console.log(JSON.stringify(p.diagnostics.slice(0, 4)), JSON.stringify(p.diagnostics).length, new Set(p.diagnostics.map((d: any) => d.code)).size); const by: Record<string, number> = {}; for (const d of p.diagnostics as any[]) by[d.code] = (by[d.code] ?? 0) + JSON.stringify(d).length; console.log(by); } });
  let o = await client.open(uri, text, 60000);
  console.log('after open', client.peakRssMb());
  if (process.env.REOPEN) for (let i = 0; i < Number(process.env.REOPEN); i++) { await client.close(uri, 60000); console.log('after close', client.peakRssMb()); o = await client.open(uri, text, 60000); console.log('after reopen', client.peakRssMb()); }
  console.log('open', o.ms.toFixed(0), 'diags', o.count, 'at', (performance.now() - t0).toFixed(0));
  const { titleLine, titleEndCol } = gen.probe;
  const times: number[] = []; console.log('edits start at', (performance.now() - t0).toFixed(0));
  for (let i = 0; i < Number(process.env.N ?? 20); i++) {
    const at = { line: titleLine, character: titleEndCol };
    const r = i % 2 === 0 ? await client.edit(uri, { start: at, end: at }, 's', 60000) : await client.edit(uri, { start: at, end: { line: titleLine, character: titleEndCol + 1 } }, '', 60000);
    times.push(r.ms); if (process.env.HR) console.log('hr', (process.hrtime.bigint() / 1000n).toString(), (r.ms*1000).toFixed(0)); if (process.env.STAMP) console.log('edit', (Date.now() - r.ms).toFixed(0), r.ms.toFixed(1));
  }
  console.log('edits', times.map((t) => t.toFixed(0)).join(' '), 'median', times.length && [...times].sort((a, b) => a - b)[times.length >> 1]);
  console.log('peak before requests', client.peakRssMb());
  if (!process.env.NOREQ) for (const m of ['textDocument/completion', 'textDocument/hover', 'textDocument/documentSymbol']) {
    const params = m === 'textDocument/documentSymbol' ? { textDocument: { uri } } : { textDocument: { uri }, position: { line: gen.probe.titleLine, character: gen.probe.titleCol + 3 } };
    const r = await client.time<unknown>(m, params, 60000);
    console.log(m, r.ms.toFixed(0), 'peak', client.peakRssMb());
  }
  console.log('peak MB', client.peakRssMb()); console.log(client.stderr.slice(-3000));
  await client.stop();
}
void main();
