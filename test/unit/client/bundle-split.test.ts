// The client activates without compiling vscode-languageclient: dist/client.js holds the tree, status
// bar, panel and commands, and dist/language-client.js the library, loaded on the turn after activate()
// returns (client/src/languageClient.ts says why). One value import from the library anywhere in the
// activation code would silently pull it back in; this builds both entries as the build script does and
// looks at what each bundle holds.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const ROOT = path.resolve(__dirname, '..', '..', '..');

async function bundledInputs(entry: string): Promise<string[]> {
  const r = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    outfile: 'out.js',
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(r.metafile.inputs);
}

const LIBRARIES = /node_modules\/(vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-types)\//;

describe('client bundles', () => {
  it('the activation bundle holds none of vscode-languageclient and its protocol libraries', async () => {
    const inputs = await bundledInputs('client/src/extension.ts');
    assert.deepEqual(inputs.filter((f) => LIBRARIES.test(f)), []);
    // It is still the extension: its own modules are in it.
    assert.ok(inputs.some((f) => f.endsWith('client/src/tree/provider.ts')), 'the tree provider is in the activation bundle');
  });

  it('the language client bundle holds the library and the graph-diagnostics wiring', async () => {
    const inputs = await bundledInputs('client/src/languageClient.ts');
    assert.ok(inputs.some((f) => /node_modules\/vscode-languageclient\//.test(f)));
    assert.ok(inputs.some((f) => f.endsWith('client/src/graphDiagnostics.ts')));
  });
});
