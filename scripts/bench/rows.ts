// One row of `npm run bench`: a server (okr or yaml-language-server) given one generated file, in a
// fresh server process, measured from a client process of its own (isolated.ts): the bench process's
// heap, after the larger rows and yaml-language-server's answers, showed its own pauses in the next
// row's latencies (the realistic keystroke measured 51 ms in a full run against 17-32 ms alone).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { SIZES, type Generated, type Size } from './generate';
import { BenchClient, okrServerSpec, TimeoutError, withTimeout, type ServerSpec } from './lsp';
import { yamlFloorMs } from './floor';

export type Cell = number | string | undefined;

export interface Row {
  size: string;
  bytes: number;
  server: string;
  openCold: Cell;
  open: Cell;
  edit: Cell;
  completion: Cell;
  hover: Cell;
  symbols: Cell;
  peakMb: Cell;
  diagnostics: Cell;
  /** The yaml package's parse of the file, and `okr check` of it (okr rows only). */
  floor?: number;
  check?: Cell;
  completionItems?: number;
  hoverChars?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function failure(e: unknown, client: BenchClient): string {
  if (client.exited) return 'crashed';
  if (e instanceof TimeoutError) return 'timeout';
  return 'error';
}

export function specs(schemaUri: string, server: string, yamlls: string, today: string): ServerSpec[] {
  const yaml = {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: { [schemaUri]: ['*.okr'] },
  };
  return [
    okrServerSpec(server, today),
    {
      name: 'yaml-language-server',
      command: process.execPath,
      args: [yamlls, '--stdio'],
      configuration: (section) => (section === 'yaml' ? yaml : section === '[yaml]' ? {} : section === 'http' ? {} : section === 'editor' ? {} : null),
      pushSettings: { yaml },
      languageId: 'yaml',
      // It publishes without a version; every file here has the deliberate typo, so its diagnostics are never empty.
      versionedDiagnostics: false,
    },
  ];
}

/** From this size on, the cold open is judged against the floor: it is the median of COLD_STARTS fresh servers. */
const MEDIAN_COLD_FROM_BYTES = 1024 * 1024;
const COLD_STARTS = 3;
/** Warm parses per floor sample (one more, untimed, first). */
const FLOOR_REPS = 3;

/** The server initialized on the file's folder, and its settings asked for (or 5 s passed). */
async function initialized(client: BenchClient, gen: Generated, t: number): Promise<void> {
  await client.initialize(pathToFileURL(path.dirname(gen.file)).toString(), t);
  await withTimeout(client.configured, 5000).catch(() => undefined);
}

/** didOpen -> diagnostics in a fresh server (started, opened, stopped). */
async function coldOpen(spec: ServerSpec, gen: Generated, text: string, t: number): Promise<number> {
  const client = new BenchClient(spec);
  try {
    await initialized(client, gen, t);
    return (await client.open(pathToFileURL(gen.file).toString(), text, t)).ms;
  } finally {
    await client.stop();
  }
}

export async function measure(spec: ServerSpec, size: Size, gen: Generated): Promise<Row> {
  const text = fs.readFileSync(gen.file, 'utf8');
  const uri = pathToFileURL(gen.file).toString();
  const row: Row = { size: size.name, bytes: gen.bytes, server: spec.name, openCold: '', open: '', edit: '', completion: '', hover: '', symbols: '', peakMb: '', diagnostics: '' };
  const t = size.timeoutMs;
  // A cold open is one sample per server start: for the large files, whose budget is a ratio to the
  // floor, more servers are started first and the median is taken; and the floor is measured just
  // before each start (no server running), so both come from the same moments of a shared machine
  // whose speed drifts (one sample of each, minutes apart, moved the ratio by 0.3 from run to run).
  const colds: number[] = [];
  const floors: number[] = [];
  const ratio = gen.bytes >= MEDIAN_COLD_FROM_BYTES;
  const okr = spec.name === 'okr';
  if (ratio) {
    try {
      for (let i = 1; i < COLD_STARTS; i++) {
        if (okr) floors.push(yamlFloorMs(gen.file, FLOOR_REPS));
        colds.push(await coldOpen(spec, gen, text, t));
      }
    } catch {
      // the measured server below reports the failure
    }
  }
  if (ratio && okr) {
    floors.push(yamlFloorMs(gen.file, FLOOR_REPS));
    row.floor = median(floors);
  }
  const client = new BenchClient(spec);
  try {
    await initialized(client, gen, t);

    // didOpen -> diagnostics: the first (cold) one, then re-opens after a close.
    const opens: number[] = [];
    try {
      for (let i = 0; i < size.reps; i++) {
        if (i > 0) await client.close(uri, t);
        const r = await client.open(uri, text, t);
        if (i === 0) {
          row.openCold = median([...colds, r.ms]);
          row.diagnostics = r.count;
        } else opens.push(r.ms);
      }
      row.open = opens.length ? median(opens) : undefined;
    } catch (e) {
      row.open = failure(e, client);
      if (row.openCold === '') row.openCold = row.open;
      return row;
    }

    // A one-character edit at the end of a title in the middle, alternately typed and deleted.
    const { titleLine, titleEndCol, titleCol, keyLine } = gen.probe;
    const edits: number[] = [];
    try {
      for (let i = 0; i < size.reps; i++) {
        const at = { line: titleLine, character: titleEndCol };
        const r =
          i % 2 === 0
            ? await client.edit(uri, { start: at, end: at }, 's', t)
            : await client.edit(uri, { start: at, end: { line: titleLine, character: titleEndCol + 1 } }, '', t);
        edits.push(r.ms);
      }
      row.edit = median(edits);
    } catch (e) {
      row.edit = failure(e, client);
    }

    const requests: Array<[keyof Row, string, unknown, (r: unknown) => void]> = [
      // Completion in the middle of typing a key ("tar|get") of that key result.
      ['completion', 'textDocument/completion', { textDocument: { uri }, position: { line: keyLine, character: 11 } }, (r) => (row.completionItems = completionCount(r))],
      ['hover', 'textDocument/hover', { textDocument: { uri }, position: { line: titleLine, character: titleCol + 3 } }, (r) => (row.hoverChars = hoverLength(r))],
      ['symbols', 'textDocument/documentSymbol', { textDocument: { uri } }, () => undefined],
    ];
    for (const [key, method, params, inspect] of requests) {
      const times: number[] = [];
      try {
        for (let i = 0; i < size.reps; i++) {
          const r = await client.time<unknown>(method, params, t);
          times.push(r.ms);
          if (i === 0) inspect(r.result);
        }
        (row as unknown as Record<string, Cell>)[key] = median(times);
      } catch (e) {
        (row as unknown as Record<string, Cell>)[key] = failure(e, client);
      }
    }
    return row;
  } catch (e) {
    row.openCold = failure(e, client);
    return row;
  } finally {
    row.peakMb = client.peakRssMb();
    await client.stop();
  }
}

function completionCount(r: unknown): number {
  if (Array.isArray(r)) return r.length;
  const items = (r as { items?: unknown[] } | null)?.items;
  return items?.length ?? 0;
}

function hoverLength(r: unknown): number {
  const c = (r as { contents?: unknown } | null)?.contents;
  if (!c) return 0;
  if (typeof c === 'string') return c.length;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : (x as { value: string }).value)).join('').length;
  return String((c as { value?: string }).value ?? '').length;
}


/** The row of the server named `specName` on the file `gen` of size `sizeName` (what isolated.ts runs). */
export async function measureRow(specName: string, schemaUri: string, server: string, yamlls: string, today: string, sizeName: string, gen: Generated): Promise<Row> {
  const spec = specs(schemaUri, server, yamlls, today).find((s) => s.name === specName);
  const size = SIZES.find((s) => s.name === sizeName);
  if (!spec || !size) throw new Error(`no server ${specName} or size ${sizeName}`);
  return measure(spec, size, gen);
}
