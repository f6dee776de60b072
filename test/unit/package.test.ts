// Packaging: what `npm run package` puts in the .vsix. Two checks:
// - `vsce ls` on the working tree: .vscodeignore keeps sources, tests, node_modules, docs drafts out.
// - one real package, built in a staging folder (so a concurrent `npm run build` in the working tree
//   cannot change the bundles under it): the production build of scripts/build.mjs, then
//   `vsce package --no-dependencies`; the archive is read back and checked (file list, minified
//   bundles, every manifest path present, no README screenshots, size under 1 MB).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '../..');
const VSCE = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
/** What the extension needs is about 0.55 MB; the README's screenshots alone would add 1 MB. */
const MAX_VSIX_BYTES = 1024 * 1024;

/** Files the extension needs at run time, relative to the extension folder. */
const REQUIRED = [
  'package.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'dist/client.js',
  'dist/language-client.js',
  'dist/server.js',
  'dist/cli.js',
  'dist/okr-cli.js',
  'dist/quality-worker.js',
  'dist/webview/panel.js',
  'dist/webview/org.js',
  'language-configuration.json',
  'okr.schema.json',
  'okr.config.schema.json',
  'syntaxes/okr.tmLanguage.json',
  'snippets/okr.code-snippets',
  'media/icon.png',
  'media/okr-file.svg',
  'media/okr-activitybar.svg',
  'media/panel/panel.css',
  'media/org/org.css',
  'media/org/report.css',
  'media/walkthrough/create-file.md',
];

/** Everything packaged must match one of these. */
const ALLOWED = [/^dist\/(webview\/)?[\w-]+\.js$/, /^media\//, /^syntaxes\/[\w.-]+\.json$/, /^snippets\/[\w.-]+\.code-snippets$/, /^[\w.-]+\.(json|md)$/, /^LICENSE$/];

function forbiddenReason(file: string): string | undefined {
  if (/\.(ts|tsx|mts|cts|map)$/.test(file) && !file.endsWith('.d.ts')) return 'source or sourcemap';
  if (/^(test|server|client|scripts|docs|examples|node_modules|out|test-results|\.tools|\.ci|\.vscode-test)\//.test(file)) return 'not part of the extension';
  if (/(^|\/)node_modules\//.test(file)) return 'node_modules';
  if (file === 'media/icon.svg') return 'the icon source (media/icon.png is shipped)';
  if (/^media\/screenshots\//.test(file)) return "a README screenshot (the README links it from the repository)";
  if (/\.vsix$/.test(file)) return 'a previous package';
  return undefined;
}

function vsce(args: string[], cwd: string): string {
  return execFileSync(process.execPath, [VSCE, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
}

interface ZipEntry {
  name: string;
  size: number;
  read(): Buffer;
}

/** Reads a zip's central directory (enough for a .vsix: no zip64, no encryption). */
function readZip(file: string): ZipEntry[] {
  const buf = fs.readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'not a zip file');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(at), 0x02014b50, 'bad central directory entry');
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      size,
      read: () => {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        return method === 8 ? inflateRawSync(data) : Buffer.from(data);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Every string in the manifest that names a file of the extension (grammar, icon, schema, media...). */
function manifestPaths(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (/^(\.\/)?(dist|media|syntaxes|snippets)\/.+\.[\w-]+$|^(\.\/)?[\w.-]+\.json$/.test(value)) out.push(value.replace(/^\.\//, ''));
  } else if (Array.isArray(value)) {
    for (const v of value) manifestPaths(v, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'scripts' && k !== 'devDependencies' && k !== 'dependencies') manifestPaths(v, out);
  }
  return out;
}

describe('packaging (.vsix)', function () {
  this.timeout(180_000);

  describe('vsce ls on the working tree', () => {
    let files: string[] = [];
    before(() => {
      files = vsce(['ls', '--no-dependencies'], ROOT)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    });

    it('lists only run-time files', () => {
      assert.ok(files.length > 5, files.join('\n'));
      const bad = files.flatMap((f) => {
        const why = forbiddenReason(f) ?? (ALLOWED.some((re) => re.test(f)) ? undefined : 'not on the allowed list');
        return why ? [`${f}: ${why}`] : [];
      });
      assert.deepEqual(bad, []);
    });

    it('lists the required files (dist/ after a build)', () => {
      const missing = REQUIRED.filter((f) => !f.startsWith('dist/') && !files.includes(f));
      assert.deepEqual(missing, []);
    });

    it('the rules can fail: a TypeScript source or a test would be reported', () => {
      assert.equal(forbiddenReason('server/src/core/parse.ts'), 'source or sourcemap');
      assert.equal(forbiddenReason('test/grammar/meaning.okr'), 'not part of the extension');
      assert.equal(forbiddenReason('dist/client.js.map'), 'source or sourcemap');
      assert.equal(forbiddenReason('dist/client.js'), undefined);
      assert.match(forbiddenReason('media/screenshots/tree.png') ?? '', /README screenshot/);
      assert.ok(ALLOWED.some((re) => re.test('dist/webview/panel.js')), 'the progress panel script');
      assert.ok(!ALLOWED.some((re) => re.test('dist/webview/panel.js.map')));
    });
  });

  describe('a real package', () => {
    let staging = '';
    let vsix = '';
    let output = '';
    let entries: ZipEntry[] = [];
    const files = () => entries.map((e) => e.name);
    const entry = (name: string) => entries.find((e) => e.name === `extension/${name}`);

    before(() => {
      staging = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-vsix-'));
      // Sources for the build (read only), and the package inputs as they are in the working tree.
      for (const dir of ['client', 'server']) fs.symlinkSync(path.join(ROOT, dir), path.join(staging, dir), 'dir');
      for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'language-configuration.json', 'okr.schema.json', 'okr.config.schema.json']) {
        fs.copyFileSync(path.join(ROOT, f), path.join(staging, f));
      }
      for (const dir of ['media', 'syntaxes', 'snippets']) fs.cpSync(path.join(ROOT, dir), path.join(staging, dir), { recursive: true });
      // The two steps of `npm run package`, with the output in the staging folder.
      execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--production'], { cwd: staging, stdio: 'pipe' });
      vsix = path.join(staging, 'okr-as-code.vsix');
      output = vsce(['package', '--no-dependencies', '--out', vsix], staging);
      entries = readZip(vsix);
    });

    after(() => {
      if (staging) fs.rmSync(staging, { recursive: true, force: true });
    });

    it('packages without warnings', () => {
      assert.match(output, /DONE\s+Packaged/);
      assert.doesNotMatch(output, /\bWARNING\b/, output); // vsce prints " WARNING  ..." lines
    });

    it('holds the required files and nothing else', () => {
      const packaged = files()
        .filter((n) => n.startsWith('extension/'))
        .map((n) => n.slice('extension/'.length))
        // vsce renames these three for the Marketplace.
        .map((n) => ({ 'LICENSE.txt': 'LICENSE', 'readme.md': 'README.md', 'changelog.md': 'CHANGELOG.md' })[n] ?? n);
      const missing = REQUIRED.filter((f) => !packaged.includes(f));
      assert.deepEqual(missing, [], `missing from the .vsix:\n${packaged.join('\n')}`);
      const bad = packaged.flatMap((f) => {
        const why = forbiddenReason(f) ?? (ALLOWED.some((re) => re.test(f)) ? undefined : 'not on the allowed list');
        return why ? [`${f}: ${why}`] : [];
      });
      assert.deepEqual(bad, []);
      assert.deepEqual(
        files().filter((n) => !n.startsWith('extension/')).sort(),
        ['[Content_Types].xml', 'extension.vsixmanifest'],
      );
    });

    it('ships minified bundles without sourcemap references', () => {
      for (const name of ['dist/client.js', 'dist/server.js', 'dist/okr-cli.js', 'dist/quality-worker.js', 'dist/webview/panel.js']) {
        const text = entry(name)!.read().toString('utf8');
        const lines = text.split('\n').length;
        assert.ok(lines < text.length / 1000, `${name} does not look minified: ${lines} lines for ${text.length} characters`);
        assert.doesNotMatch(text, /sourceMappingURL/, name);
      }
      // dist/cli.js is the command's small entry (it loads dist/okr-cli.js): a few lines, no sourcemap.
      const cli = entry('dist/cli.js')!.read().toString('utf8');
      assert.match(cli, /^#!\/usr\/bin\/env node/);
      assert.doesNotMatch(cli, /sourceMappingURL/);
      assert.ok(cli.split('\n').length < 8, 'dist/cli.js is minified');
    });

    it('every file the manifest names is in the package', () => {
      const manifest = JSON.parse(entry('package.json')!.read().toString('utf8')) as Record<string, unknown>;
      const named = [...new Set(manifestPaths(manifest))];
      for (const p of ['dist/client.js', 'media/icon.png', 'syntaxes/okr.tmLanguage.json', 'snippets/okr.code-snippets', 'okr.schema.json', 'media/okr-file.svg']) {
        assert.ok(named.includes(p), `the manifest should name ${p}`);
      }
      const missing = named.filter((p) => !entry(p));
      assert.deepEqual(missing, []);
    });

    it('targets VS Code ^1.91 to ^1.139 and has the Marketplace fields', () => {
      const manifest = JSON.parse(entry('package.json')!.read().toString('utf8')) as {
        engines: { vscode: string };
        icon: string;
        repository?: { url: string };
        keywords?: string[];
        license: string;
      };
      const minor = /^\^1\.(\d+)\.\d+$/.exec(manifest.engines.vscode);
      assert.ok(minor, manifest.engines.vscode);
      assert.ok(Number(minor[1]) >= 91 && Number(minor[1]) <= 139, manifest.engines.vscode);
      assert.match(manifest.icon, /\.png$/);
      assert.ok(manifest.repository?.url);
      assert.ok((manifest.keywords ?? []).length > 0 && manifest.keywords!.length <= 30);
      assert.equal(manifest.license, 'MIT');
      assert.match(entry('LICENSE.txt')!.read().toString('utf8'), /MIT License[\s\S]*OKRs as Code contributors/);
    });

    it(`is under ${MAX_VSIX_BYTES / 1024 / 1024} MB`, () => {
      const size = fs.statSync(vsix).size;
      assert.ok(size < MAX_VSIX_BYTES, `${size} bytes`);
      // A 128x128 PNG icon, as the Marketplace requires.
      const icon = entry('media/icon.png')!.read();
      assert.equal(icon.toString('latin1', 1, 4), 'PNG');
      assert.deepEqual([icon.readUInt32BE(16), icon.readUInt32BE(20)], [128, 128]);
    });
  });
});
