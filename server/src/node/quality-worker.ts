// The thread of quality-pool.ts: judges the key-result titles it is sent, with the core's own code
// (so its answers are what the main thread would compute), answers on the port it was given with the
// analyses in order, and bumps the shared counter the main thread sleeps on. Built as a bundle of its
// own (dist/quality-worker.js): the text analysis alone starts in a fraction of the time the whole
// CLI would.
import { parentPort, workerData } from 'node:worker_threads';
import { qualityOf } from '../core/quality-cache';
import type { QualityAnswer, QualityRequest, QualityWorkerData } from './quality-pool';

const { answers, signal } = workerData as QualityWorkerData;
const counter = new Int32Array(signal);

parentPort?.on('message', (request: QualityRequest) => {
  const answer: QualityAnswer = { id: request.id, analyses: request.titles.map((title) => qualityOf(title, { quality: request.quality })) };
  answers.postMessage(answer);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
