// Property tests of the core over generated and mutated .okr texts (test/fuzz/inputs.ts): a short,
// fixed-seed budget that runs in `npm test`; `npm run fuzz` runs the same properties for long.
import fc from 'fast-check';
import { editedText, okrText } from './inputs';
import { checkDocument, checkReparse } from './properties';

/** Few inputs and a fixed seed: the same few seconds on every run; FUZZ_SEED replays another seed. */
const SHORT = { seed: Number(process.env.FUZZ_SEED ?? 17), numRuns: 150, endOnFailure: true };

/** Inputs the fuzzer found problems with, fixed since: each must stay fixed. */
const FOUND = [
  // A CRLF file with an empty `objectives:`: the schema diagnostic ended between the \r and the \n.
  '\ufeffperiod: 2026-Q4\r\nobjectives:\r\nweight:  # okr-disable-next-line kr-not-measurable',
];

describe('fuzz (short budget): the core', function () {
  this.timeout(60_000);

  it('still handles every input it found a problem with', () => {
    for (const text of FOUND) checkDocument(text);
  });

  it('parses, analyses and scores any text without throwing, with every diagnostic range inside the document', () => {
    fc.assert(fc.property(okrText, (text) => checkDocument(text)), SHORT);
  });

  it('re-parses edits incrementally to the model and diagnostics a full parse gives', () => {
    fc.assert(fc.property(editedText, ([text, edits]) => checkReparse(text, edits)), { ...SHORT, numRuns: 60 });
  });
});
