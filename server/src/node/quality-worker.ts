// The thread of quality-pool.ts: judges the key-result titles it is sent, with the core's own code
// (so its answers are what the main thread would compute), and answers with the analyses in order.
// Built as a bundle of its own (dist/quality-worker.js): the text analysis alone starts in a fraction
// of the time the whole server or CLI would.
import { parentPort } from 'node:worker_threads';
import { qualityOf } from '../core/quality-cache';
import type { QualityAnswer, QualityRequest } from './quality-pool';

parentPort?.on('message', (request: QualityRequest) => {
  const answer: QualityAnswer = { id: request.id, analyses: request.titles.map((title) => qualityOf(title, { quality: request.quality })) };
  parentPort!.postMessage(answer);
});
