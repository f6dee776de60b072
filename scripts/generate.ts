// Writes the files derived from the one zod schema, so they cannot be edited out of step with it:
//   okr.schema.json               JSON Schema for .okr files (YAML tooling, `contributes.yamlValidation`)
//   okr.config.schema.json        JSON Schema for okr.config.yaml
//   package.json                  `contributes.configuration` (the `okr.*` settings)
// `npm run generate` writes them; `npm run generate -- --check` writes nothing and exits 1 listing what
// is out of date. test/unit/generated.test.ts runs the same comparison, so drift fails `npm test`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configJsonSchema, okrJsonSchema } from '../server/src/core/schema';
import { manifestConfigurationProperties } from '../server/src/shared/settings';

export const ROOT = path.resolve(__dirname, '..');

export const CONFIGURATION_TITLE = 'OKRs as Code';

/** The `contributes.configuration` section of package.json. */
export function manifestConfiguration(): { title: string; properties: Record<string, Record<string, unknown>> } {
  return { title: CONFIGURATION_TITLE, properties: manifestConfigurationProperties() };
}

/** JSON as the repository writes it: two-space indent and a trailing newline. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * package.json with its `contributes.configuration` replaced by the generated one. Only that section
 * changes; every other key keeps its value and position (a new section is appended to `contributes`).
 */
export function withGeneratedManifest(packageJsonText: string): string {
  const manifest = JSON.parse(packageJsonText) as Record<string, unknown>;
  const contributes = (manifest.contributes ?? {}) as Record<string, unknown>;
  contributes.configuration = manifestConfiguration();
  manifest.contributes = contributes;
  return formatJson(manifest);
}

export interface GeneratedFile {
  /** Path relative to the repository root. */
  path: string;
  /** The expected content, given the current content (package.json is only partly generated). */
  expected(current: string | undefined): string;
  /** Whether `current` is up to date; default: equal to `expected`. */
  upToDate?(current: string): boolean;
}

export const GENERATED_FILES: GeneratedFile[] = [
  { path: 'okr.schema.json', expected: () => formatJson(okrJsonSchema()) },
  { path: 'okr.config.schema.json', expected: () => formatJson(configJsonSchema()) },
  {
    path: 'package.json',
    expected: (current) => {
      if (current === undefined) throw new Error('package.json is missing');
      return withGeneratedManifest(current);
    },
    // Only the generated section counts: how other sections are laid out is not this script's business.
    upToDate: (current) => {
      const manifest = JSON.parse(current) as { contributes?: { configuration?: unknown } };
      return JSON.stringify(manifest.contributes?.configuration) === JSON.stringify(manifestConfiguration());
    },
  },
];

export interface Outcome {
  path: string;
  upToDate: boolean;
  expected: string;
}

/** Compares every generated file with what is on disk under `root`; reads each file fresh. */
export function checkGenerated(root = ROOT): Outcome[] {
  return GENERATED_FILES.map((file) => {
    const abs = path.join(root, file.path);
    const current = fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined;
    const expected = file.expected(current);
    const upToDate = current !== undefined && (file.upToDate ? file.upToDate(current) : current === expected);
    return { path: file.path, upToDate, expected };
  });
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const outcomes = checkGenerated();
  const stale = outcomes.filter((o) => !o.upToDate);
  if (check) {
    if (stale.length === 0) {
      console.log('Generated files are up to date.');
      return 0;
    }
    console.error(`Out of date (run \`npm run generate\`):\n${stale.map((o) => `  ${o.path}`).join('\n')}`);
    return 1;
  }
  for (const o of stale) {
    // Re-read package.json right before writing: other tools edit it too.
    const file = GENERATED_FILES.find((f) => f.path === o.path)!;
    const abs = path.join(ROOT, o.path);
    const fresh = file.expected(fs.existsSync(abs) ? fs.readFileSync(abs, 'utf8') : undefined);
    fs.writeFileSync(abs, fresh);
    console.log(`wrote ${o.path}`);
  }
  if (stale.length === 0) console.log('Generated files are up to date.');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
