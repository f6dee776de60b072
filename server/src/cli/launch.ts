// The `okr` command's entry (dist/cli.js): loads the CLI bundle (dist/okr-cli.js) with V8's code cache
// for it when there is one. Compiling the 1.6 MB bundle, and then each function on its first call,
// was about 80 ms of every `okr check` (Node 20 has no compile cache of its own: module.enableCompileCache
// came with Node 22). The build writes the cache (scripts/build.mjs, after an `okr check` of the
// examples, so it holds the functions a check runs); a cache that does not belong to this exact
// bundle, Node.js or set of flags is not used, and the bundle is compiled as usual.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const bundle = path.join(__dirname, 'okr-cli.js');
const cacheFile = path.join(__dirname, 'okr-cli.cache');
const debug = process.env.OKR_DEBUG_CODE_CACHE === '1';

/** What a cache file starts with: the hash of the bundle it was made from (V8 itself checks only its length). */
function identity(source: string): string {
  return `${createHash('sha1').update(source).update(process.version).digest('hex')}\n`;
}

function readCache(id: string): Buffer | undefined {
  try {
    const data = fs.readFileSync(cacheFile);
    return data.subarray(0, id.length).toString('latin1') === id ? data.subarray(id.length) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache once this process has run the bundle (build time: OKR_WRITE_CODE_CACHE=1). */
function writeCacheAtExit(script: vm.Script, id: string): void {
  process.once('exit', () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
    fs.renameSync(tmp, cacheFile);
  });
}

function load(): void {
  const source = fs.readFileSync(bundle, 'utf8');
  const id = identity(source);
  const cachedData = process.env.OKR_WRITE_CODE_CACHE === '1' ? undefined : readCache(id);
  // The bundle runs as the CommonJS module it is, wrapped as Node.js wraps one (its shebang line made a comment).
  const script = new vm.Script(Module.wrap(source.replace(/^#!/, '//')), { filename: bundle, cachedData });
  if (debug) process.stderr.write(`okr: code cache ${cachedData === undefined ? 'none for this bundle' : script.cachedDataRejected ? 'rejected by V8' : 'used'}\n`);
  if (process.env.OKR_WRITE_CODE_CACHE === '1') writeCacheAtExit(script, id);
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  const requireFromBundle = Module.createRequire(bundle);
  // The bundle starts the command when it is the main module (`require.main === module`).
  requireFromBundle.main = mod;
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, requireFromBundle, mod, bundle, __dirname);
}

load();
