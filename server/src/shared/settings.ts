// The `okr.*` editor settings, derived from the one zod schema (core/schema.ts). The manifest's
// `contributes.configuration` is generated from here (scripts/generate.ts) and a test fails when
// package.json drifts. Editor settings share their shape with okr.config.yaml, so a settings object
// is a configuration layer as it is.
import { z } from 'zod';
import { ConfigSchema, type OkrConfigInput } from '../core/schema';

/** Settings that only make sense in an editor (not in okr.config.yaml). */
export const EditorSettingsSchema = z.strictObject({
  format: z
    .strictObject({
      enable: z.boolean().default(false).describe('Format `.okr` files: canonical key order and indentation, keeping comments.'),
    })
    .default({ enable: false }),
  trace: z
    .strictObject({
      server: z.enum(['off', 'messages', 'verbose']).default('off').describe('Traces the communication between VS Code and the OKR language server.'),
    })
    .default({ server: 'off' }),
});

export type EditorSettings = z.output<typeof EditorSettingsSchema>;

export interface OkrSettings {
  config: OkrConfigInput;
  editor: EditorSettings;
}

/** Splits what the client sends for section `okr` into a configuration layer and editor settings. */
export function readSettings(raw: unknown): OkrSettings {
  const obj = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const editor = EditorSettingsSchema.safeParse({ format: obj.format, trace: obj.trace });
  const configPart: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.shape)) if (key !== '$schema' && obj[key] !== undefined) configPart[key] = obj[key];
  const config = ConfigSchema.safeParse(configPart);
  return {
    config: config.success ? (configPart as OkrConfigInput) : {},
    editor: editor.success ? editor.data : EditorSettingsSchema.parse({}),
  };
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; description?: string; type?: string };

/**
 * `contributes.configuration.properties` for package.json. Map-like sections (rules, trackers) become
 * one object setting; sections with fixed keys (limits, github, quality, format, trace) are flattened
 * to one setting per key, as VS Code users expect (`okr.limits.maxObjectives`).
 */
export function manifestConfigurationProperties(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  const add = (schema: JsonSchema, scopes: Record<string, string>) => {
    for (const [key, section] of Object.entries(schema.properties ?? {})) {
      if (key === '$schema') continue;
      const scope = scopes[key] ?? 'resource';
      if (section.type === 'object' && section.properties) {
        for (const [sub, prop] of Object.entries(section.properties)) {
          out[`okr.${key}.${sub}`] = setting(prop, scope);
        }
      } else {
        out[`okr.${key}`] = setting(section, scope);
      }
    }
  };
  add(z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-7' }) as JsonSchema, {});
  add(z.toJSONSchema(EditorSettingsSchema, { io: 'input', target: 'draft-7' }) as JsonSchema, { trace: 'window' });
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

function setting(prop: JsonSchema, scope: string): Record<string, unknown> {
  const { description, $schema: _ignored, ...rest } = prop;
  void _ignored;
  // zod writes JavaScript's integer bounds for int(); they are noise in a settings UI.
  if (rest.maximum === Number.MAX_SAFE_INTEGER) delete rest.maximum;
  if (rest.minimum === Number.MIN_SAFE_INTEGER) delete rest.minimum;
  return { ...rest, scope, markdownDescription: description ?? '' };
}
