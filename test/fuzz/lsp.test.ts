// Random and malformed params for every request the server registers, sent to the real server over
// stdio (short, fixed-seed budget; `npm run fuzz` runs thousands): never InternalError (-32603),
// never a hang, and the server keeps answering after malformed notifications.
import fc from 'fast-check';
import { FuzzServer, malformedRequest } from './lsp-requests';

describe('fuzz (short budget): the language server', function () {
  this.timeout(120_000);
  let server: FuzzServer;
  before(async () => (server = await FuzzServer.start()));
  after(async () => server.stop());

  it('answers random and malformed params of every request without -32603', async () => {
    await fc.assert(
      fc.asyncProperty(malformedRequest, (r) => server.check(r)),
      { seed: Number(process.env.FUZZ_SEED ?? 17), numRuns: 300 },
    );
  });
});
