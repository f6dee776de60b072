// Key-result titles analysed on a second thread while `okr check` is still parsing. Reading a large
// file and judging its titles are the two largest parts of checking it, and they do not depend on
// each other: the parse tells this pool each objective as soon as it is built (ParseHooks),
// the pool sends the new titles to a worker (quality-worker.ts, a small bundle of the text analysis
// alone). Once the parse is over the rules run at once: a title they need that is not cached yet waits
// for its own answer only (`waitFor`, the core's onQualityMiss hook), which goes into the core's cache
// (primeQuality). The answers are what the main thread would compute (the same deterministic code);
// whatever the worker has not answered, or if it cannot start, dies or stalls, the rules compute as
// before.
//
// Waiting is synchronous: the answers come on a MessagePort read with receiveMessageOnPort, and the
// main thread sleeps on a shared counter (Atomics.wait) the worker bumps after each answer, so the
// rules stay synchronous. (The language server does not use the pool: on its cold
// open of the realistic file the thread saved nothing measurable, cost 30 MB, and left the first
// keystroke in a title to compile the analysis' regular expressions; see ARCHITECTURE.md.)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { hasQuality, primeQuality, type Objective, type ParseHooks, type QualityConfig, type TextAnalysis } from '../core';

/** From a file of this many bytes, the thread saves more than its start costs (it starts with the first such file). */
export const TITLE_THREAD_FROM_BYTES = 256 * 1024;
/** Titles sent in one message: small enough that the worker starts early, large enough to be few messages. */
const BATCH = 128;
/**
 * How long a wait for an answer lasts before it leaves the rest to the main thread: the worker is
 * stuck, or gone (a thread that fails says so on the event loop, which a synchronous wait does not
 * turn). A batch takes well under 100 ms, the thread's start about as long.
 */
const STALL_MS = 1000;

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

/** What the worker starts with: where to answer, and the counter it bumps after each answer. */
export interface QualityWorkerData {
  answers: MessagePort;
  signal: SharedArrayBuffer;
}

export interface QualityPool {
  /** Hooks for a parse whose key-result titles are to be judged under `config` on the worker. */
  hooks(config: QualityConfig): ParseHooks;
  /** Sends the titles still waiting for a full batch (the parse is over). */
  flush(): void;
  /**
   * Waits until the answer for `title` under `config` is cached, if it was sent (a hook for the
   * core's onQualityMiss: the rules then start while the later answers are still coming).
   */
  waitFor(title: string, config: QualityConfig): void;
  /** Stops the worker for good. */
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
  let worker: { thread: Worker; answers: MessagePort; signal: Int32Array } | undefined;
  let dead = false;
  let nextId = 0;
  let answered = 0;
  const inFlight = new Map<number, QualityRequest>();
  /** Title (with its settings) -> the request it went in (the pool lives as long as one check). */
  const sent = new Map<string, number>();
  const buffers = new Map<string, QualityRequest>();
  const settingsKeys = new WeakMap<object, string>();
  const settingsOf = (config: QualityConfig): string => {
    let key = settingsKeys.get(config.quality);
    if (key === undefined) settingsKeys.set(config.quality, (key = JSON.stringify(config.quality)));
    return key;
  };

  const stop = () => {
    dead = true;
    inFlight.clear();
    buffers.clear();
    if (worker) {
      void worker.thread.terminate();
      worker.answers.close();
    }
  };
  const start = () => {
    const { port1, port2 } = new MessageChannel();
    const signal = new SharedArrayBuffer(4);
    const data: QualityWorkerData = { answers: port2, signal };
    const thread = new Worker(script, { workerData: data, transferList: [port2] });
    // The process never waits for this thread: its answers are only a head start.
    thread.unref();
    thread.on('error', stop);
    thread.on('exit', () => (dead = true));
    return { thread, answers: port1, signal: new Int32Array(signal) };
  };
  const send = (request: QualityRequest) => {
    if (dead || request.titles.length === 0) return;
    worker ??= start();
    inFlight.set(request.id, request);
    worker.thread.postMessage(request);
  };
  /** Reads the worker's answers until `done()` (sleeping while none come), or until it is gone or stalls. */
  const pump = (done: () => boolean) => {
    while (worker && !dead && !done()) {
      const seen = Atomics.load(worker.signal, 0);
      let message = receiveMessageOnPort(worker.answers);
      if (!message) {
        // Nothing yet: sleep until the worker says it answered (the counter moves), or give up.
        if (Atomics.wait(worker.signal, 0, seen, STALL_MS) === 'timed-out') stop();
        continue;
      }
      for (; message; message = receiveMessageOnPort(worker.answers)) take(message.message as QualityAnswer);
    }
  };
  const flush = () => {
    for (const request of buffers.values()) send(request);
    buffers.clear();
  };
  const take = (answer: QualityAnswer) => {
    const request = inFlight.get(answer.id);
    if (!request) return;
    inFlight.delete(answer.id);
    request.titles.forEach((title, i) => {
      const analysis = answer.analyses[i];
      if (analysis) primeQuality(title, { quality: request.quality }, analysis);
    });
    answered += request.titles.length;
  };

  return {
    hooks(config) {
      const settings = settingsOf(config);
      const add = (title: string) => {
        const key = `${settings}\u0000${title}`;
        if (dead || sent.has(key) || hasQuality(title, config)) return;
        let buffer = buffers.get(settings);
        if (!buffer) buffers.set(settings, (buffer = { id: nextId++, quality: config.quality, titles: [] }));
        sent.set(key, buffer.id);
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
    flush,
    waitFor(title, config) {
      const id = sent.get(`${settingsOf(config)}\u0000${title}`);
      if (id === undefined) return;
      if (buffers.size > 0) flush();
      pump(() => !inFlight.has(id));
    },
    close() {
      stop();
    },
    get answered() {
      return answered;
    },
  };
}
