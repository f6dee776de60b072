// Generated files are committed; this fails when they drift from their generators (the zod schema and
// the settings schema), e.g. a setting added in server/src/shared/settings.ts without `npm run generate`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkGenerated, manifestConfiguration, ROOT, withGeneratedManifest } from '../../scripts/generate';

const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, unknown>;

describe('generated files', () => {
  for (const file of ['okr.schema.json', 'okr.config.schema.json']) {
    it(`${file} is up to date (npm run generate)`, () => {
      const outcome = checkGenerated().find((o) => o.path === file)!;
      const current = fs.readFileSync(path.join(ROOT, file), 'utf8');
      // Compare as text so the message shows the first differing lines.
      assert.equal(current, outcome.expected, `${file} is out of date: run \`npm run generate\` and commit it`);
    });
  }

  it('nothing is out of date (npm run generate -- --check)', () => {
    assert.deepEqual(checkGenerated().filter((o) => !o.upToDate).map((o) => o.path), []);
  });

  it('package.json contributes.configuration equals the settings schema', () => {
    const manifest = readJson('package.json') as { contributes: { configuration: unknown } };
    assert.deepEqual(manifest.contributes.configuration, manifestConfiguration());
  });

  it('every setting is okr.*, has a scope and a markdownDescription', () => {
    const { properties } = manifestConfiguration();
    assert.ok(Object.keys(properties).length >= 5);
    for (const [key, prop] of Object.entries(properties)) {
      assert.match(key, /^okr\.[a-z][\w.]*$/, key);
      assert.ok(['application', 'machine', 'machine-overridable', 'window', 'resource', 'language-overridable'].includes(prop.scope as string), `${key}: scope`);
      assert.ok(typeof prop.markdownDescription === 'string' && prop.markdownDescription.length > 10, `${key}: markdownDescription`);
    }
  });

  it('the check detects a drifted setting and a drifted schema (it can fail)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-generate-'));
    try {
      const manifest = readJson('package.json') as { contributes: { configuration: { properties: Record<string, { markdownDescription: string }> } } };
      const first = Object.keys(manifest.contributes.configuration.properties)[0]!;
      manifest.contributes.configuration.properties[first]!.markdownDescription = 'edited by hand';
      fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
      fs.writeFileSync(path.join(dir, 'okr.schema.json'), '{}\n');
      fs.copyFileSync(path.join(ROOT, 'okr.config.schema.json'), path.join(dir, 'okr.config.schema.json'));
      const stale = checkGenerated(dir)
        .filter((o) => !o.upToDate)
        .map((o) => o.path)
        .sort();
      assert.deepEqual(stale, ['okr.schema.json', 'package.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('regenerating package.json touches only contributes.configuration', () => {
    const text = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const before = JSON.parse(text) as Record<string, unknown> & { contributes: Record<string, unknown> };
    const after = JSON.parse(withGeneratedManifest(text)) as typeof before;
    delete before.contributes.configuration;
    delete after.contributes.configuration;
    assert.deepEqual(after, before);
  });
});
