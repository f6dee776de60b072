// Key-result titles analysed on a second thread while the main one is still parsing. Reading a large
// file and judging its titles are the two largest parts of opening or checking it, and they do not
// depend on each other: the parse tells this pool each objective as soon as it is built (ParseHooks),
// the pool sends the new titles to a worker (quality-worker.ts, a small bundle of the text analysis
// alone), and its answers are put in the core's cache (primeQuality) before the rules run, which then
// find them there. The answers are what the main thread would compute (the same deterministic code);
// whatever the worker has not answered, or if it cannot start or dies, the rules compute as before.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { hasQuality, primeQuality, type Objective, type ParseHooks, type QualityConfig, type TextAnalysis } from '../core';

/** Titles sent in one message: small enough that the worker starts early, large enough to be few messages. */
const BATCH = 128;

/** A batch of titles for the worker, with the settings they are judged under. */
export interface QualityRequest {
  id: number;
  quality: QualityConfig['quality'];
  titles: string[];
}

/** The worker's answer: the analyses of the request's titles, in order. */
export interface QualityAnswer {
  id: number;
  analyses: TextAnalysis[];
}

export interface QualityPool {
  /** Hooks for a parse whose key-result titles are to be judged under `config` on the worker. */
  hooks(config: QualityConfig): ParseHooks;
  /** Resolves once every title sent so far has been answered and cached (or the worker is gone). */
  drain(): Promise<void>;
  /** Stops the worker (a drained pool's worker is idle; the process does not wait for it). */
  close(): void;
  /** Titles answered by the worker so far (OKR_DEBUG prints it; tests check the worker ran). */
  readonly answered: number;
}

/**
 * A pool whose worker is the bundle `quality-worker.js` beside the running one (the build writes it
 * to dist/); undefined where it is not (running from the TypeScript sources), and the rules judge
 * every title themselves. The worker starts with the first batch, not before.
 */
export function qualityPool(bundleDir: string): QualityPool | undefined {
  const script = path.join(bundleDir, 'quality-worker.js');
  if (!fs.existsSync(script)) return undefined;
  let worker: Worker | undefined;
  let dead = false;
  let nextId = 0;
  let answered = 0;
  const inFlight = new Map<number, QualityRequest>();
  const sent = new Set<string>();
  const waiting: Array<() => void> = [];
  const buffers = new Map<string, QualityRequest>();

  const settle = () => {
    if (inFlight.size === 0 || dead) for (const resolve of waiting.splice(0)) resolve();
  };
  const stop = () => {
    dead = true;
    inFlight.clear();
    settle();
  };
  const start = (): Worker => {
    const w = new Worker(script);
    // The process never waits for this thread: its answers are only a head start.
    w.unref();
    w.on('message', (answer: QualityAnswer) => {
      const request = inFlight.get(answer.id);
      if (!request) return;
      inFlight.delete(answer.id);
      request.titles.forEach((title, i) => {
        const analysis = answer.analyses[i];
        if (analysis) primeQuality(title, { quality: request.quality }, analysis);
      });
      answered += request.titles.length;
      settle();
    });
    w.on('error', stop);
    w.on('exit', stop);
    return w;
  };
  const send = (request: QualityRequest) => {
    if (dead || request.titles.length === 0) return;
    worker ??= start();
    inFlight.set(request.id, request);
    worker.postMessage(request);
  };
  const flush = () => {
    for (const [key, request] of buffers) {
      buffers.delete(key);
      send(request);
    }
  };

  return {
    hooks(config) {
      const settings = JSON.stringify(config.quality);
      const add = (title: string) => {
        const key = `${settings}\u0000${title}`;
        if (dead || sent.has(key) || hasQuality(title, config)) return;
        sent.add(key);
        let buffer = buffers.get(settings);
        if (!buffer) buffers.set(settings, (buffer = { id: nextId++, quality: config.quality, titles: [] }));
        buffer.titles.push(title);
        if (buffer.titles.length >= BATCH) {
          buffers.delete(settings);
          send(buffer);
        }
      };
      return {
        objective: (o: Objective) => {
          for (const kr of o.keyResults) if (kr.title) add(kr.title);
        },
      };
    },
    drain() {
      flush();
      return new Promise<void>((resolve) => {
        waiting.push(resolve);
        settle();
      });
    },
    close() {
      dead = true;
      void worker?.terminate();
      settle();
    },
    get answered() {
      return answered;
    },
  };
}
