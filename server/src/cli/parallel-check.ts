// `okr check` of a large workspace on every core. Parsing (the yaml package) is most of the work and
// each file's rules read other files only through the index, so the files are split between worker
// threads in two rounds:
//   1. each worker reads and parses its share and answers with a reference summary per file (ids,
//      parents, period: what other files' rules read);
//   2. each worker gets every other file's summary, holds those files as stubs in its index beside
//      its own full models, runs every rule on its reported files and answers with the diagnostics.
// The result is the one runCheck gives on a single thread (a CLI test compares them), only sooner;
// the threads run this same bundle (see runWorkerIfAny in main.ts).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { historiesOf } from './history';
import {
  analyzeDocument,
  parseOkrDocument,
  referenceSummary,
  stubDocument,
  WorkspaceIndex,
  type OkrConfig,
  type OkrDiagnostic,
  type OkrDocument,
  type ReferenceSummary,
  unreadableFileDiagnostic,
} from '../core';
import { readOkrText } from '../node/discover';
import { codeTagResults, configFileResult, countAll, type CheckResult, type FileResult } from './check';
import { loadCodeTags } from './code-tags';
import { fileLineCount } from '../node/repository';
import { byRel, displayPath, type WorkspacePlan } from './load-workspace';

/** Below this many files a second thread costs more (its start, about 100 ms) than it saves. */
export const PARALLEL_MIN_FILES = 200;
/** Threads pay off from this many cores (see threadsFor). */
const MIN_CORES = 4;

/** Threads for a workspace of `files` files: --jobs when given, else one per core for large ones. */
export function threadsFor(files: number, jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  // On two cores one thread is as fast: V8's garbage collector already works on the second core
  // (measured on the 2,001-file bench: 7.0 s on one thread, 7.0 s on two, with 40% more CPU).
  const cores = os.availableParallelism();
  return files >= PARALLEL_MIN_FILES && cores >= MIN_CORES ? Math.min(cores, 8) : 1;
}

interface WorkerInput {
  okrCheckWorker: true;
  root: string;
  cwd: string;
  config: OkrConfig;
  today: string;
  /** This worker's share: absolute paths, and whether each is reported (else read for references only). */
  files: Array<{ abs: string; reported: boolean }>;
}

type FromWorker =
  | { kind: 'summaries'; files: Array<{ abs: string; summary?: ReferenceSummary; unreadable?: string }> }
  | { kind: 'results'; files: Array<{ abs: string; text: string; diagnostics: OkrDiagnostic[] }> }
  | { kind: 'failed'; message: string };

type ToWorker = { kind: 'index'; summaries: Array<{ abs: string; summary: ReferenceSummary }> };

export async function runCheckInParallel(plan: WorkspacePlan, today: string, threads: number, workerScript: string): Promise<CheckResult> {
  const reported = new Set(plan.reported);
  // Dealt round-robin: neighbouring files are alike in size, so the shares come out even.
  const shares: WorkerInput['files'][] = Array.from({ length: threads }, () => []);
  plan.all.forEach((abs, i) => shares[i % threads]!.push({ abs, reported: reported.has(abs) }));

  const workers = shares.map(
    (files) =>
      new Worker(workerScript, {
        workerData: { okrCheckWorker: true, root: plan.root, cwd: plan.cwd, config: plan.config, today, files } satisfies WorkerInput,
      }),
  );
  try {
    // The source files' code tags are read here while the threads parse (the main thread is idle otherwise).
    const tags = loadCodeTags(plan);
    const summaries = await Promise.all(workers.map((w) => nextMessage(w, 'summaries')));
    const all = summaries.flatMap((m) => m.files);
    const known = all.flatMap((f) => (f.summary ? [{ abs: f.abs, summary: f.summary }] : []));
    for (const w of workers) w.postMessage({ kind: 'index', summaries: known } satisfies ToWorker);
    const results = await Promise.all(workers.map((w) => nextMessage(w, 'results')));
    // Code tags resolve against the ids of every file, which the summaries carry.
    const stubs = new WorkspaceIndex(plan.root);
    for (const k of known) stubs.set(k.abs, stubDocument(pathToFileURL(k.abs).href, k.summary));

    const files: FileResult[] = [];
    const config = configFileResult(plan);
    if (config) files.push(config);
    for (const m of results) {
      for (const f of m.files) files.push({ abs: f.abs, rel: displayPath(f.abs, plan.cwd), rootRel: rootRelative(f.abs, plan.root), text: f.text, diagnostics: f.diagnostics });
    }
    files.push(...codeTagResults(plan, stubs, tags));
    const unreadable = all.filter((f) => f.unreadable !== undefined && reported.has(f.abs));
    for (const u of unreadable) {
      files.push({ abs: u.abs, rel: displayPath(u.abs, plan.cwd), rootRel: rootRelative(u.abs, plan.root), text: '', diagnostics: [unreadableFileDiagnostic(u.unreadable!)] });
    }
    for (const u of plan.unreadableFolders) files.push({ abs: u.abs, rel: u.rel, rootRel: rootRelative(u.abs, plan.root), text: '', diagnostics: [unreadableFileDiagnostic(u.message)] });
    files.sort(byRel);
    return { root: plan.root, today, files, summary: countAll(files, plan.reported.length + plan.unreadableFolders.length) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function rootRelative(abs: string, root: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

function nextMessage<K extends FromWorker['kind']>(worker: Worker, kind: K): Promise<Extract<FromWorker, { kind: K }>> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (m: FromWorker) => {
      cleanup();
      if (m.kind === kind) resolve(m as Extract<FromWorker, { kind: K }>);
      else reject(new Error(m.kind === 'failed' ? m.message : `a check thread answered '${m.kind}' instead of '${kind}'`));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`a check thread stopped (exit code ${code})`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** In a worker thread started by runCheckInParallel: does its share and returns true. Else false. */
export function runWorkerIfAny(): boolean {
  if (isMainThread || !(workerData as WorkerInput | undefined)?.okrCheckWorker) return false;
  const input = workerData as WorkerInput;
  const port = parentPort!;
  const post = (m: FromWorker) => port.postMessage(m);
  try {
    // Round 1: parse this share; keep the models, send their summaries.
    const docs = new Map<string, { doc: OkrDocument; reported: boolean }>();
    const out: Extract<FromWorker, { kind: 'summaries' }>['files'] = [];
    for (const f of input.files) {
      const read = readOkrText(f.abs, displayPath(f.abs, input.cwd));
      if (!read.ok) {
        out.push({ abs: f.abs, unreadable: read.message });
        continue;
      }
      const doc = parseOkrDocument(read.text, pathToFileURL(f.abs).href, 0);
      docs.set(f.abs, { doc, reported: f.reported });
      out.push({ abs: f.abs, summary: referenceSummary(doc) });
    }
    post({ kind: 'summaries', files: out });
    port.once('message', (m: ToWorker) => {
      void (async () => {
        // Round 2: the whole workspace in the index (own files in full, the others as stubs), then the rules.
        const index = new WorkspaceIndex(input.root);
        for (const s of m.summaries) {
          const own = docs.get(s.abs);
          index.set(s.abs, own ? own.doc : stubDocument(pathToFileURL(s.abs).href, s.summary));
        }
        const fileExists = (p: string) => fs.existsSync(p);
        const mine = [...docs].filter(([, d]) => d.reported).map(([abs, d]) => ({ abs, doc: d.doc }));
        // Each thread reads the git history of its own share (two git commands), as a single-thread check does.
        const histories = await historiesOf(input.root, input.config, mine);
        const results: Extract<FromWorker, { kind: 'results' }>['files'] = [];
        for (const { abs, doc } of mine) {
          const diagnostics = analyzeDocument(doc, { config: input.config, today: input.today, path: abs, workspace: index, fileExists, fileLineCount, history: histories.get(abs) });
          results.push({ abs, text: doc.text, diagnostics });
        }
        post({ kind: 'results', files: results });
      })().catch((e: unknown) => post({ kind: 'failed', message: (e as Error).message }));
    });
  } catch (e) {
    post({ kind: 'failed', message: (e as Error).message });
  }
  return true;
}
