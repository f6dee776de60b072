// The single source of truth for the `.okr` format and for `okr.config.yaml`.
// Validation (rule `schema`), the shipped JSON Schema (`okr schema`, okr.schema.json),
// key completion and key hover all read these definitions; nothing else restates the format.
import { z } from 'zod';

export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const PERIOD_STRING = /^\d{4}(-(Q[1-4]|H[12]|(0[1-9]|1[0-2])))?$/;

const slug = (what: string) =>
  z.string().regex(SLUG, `must be a slug: lowercase letters, digits and '-' (e.g. "crash-free"), for ${what}`);
const isoDate = z.string().regex(ISO_DATE, 'must be a date written YYYY-MM-DD');
const owner = z.string().min(1).describe('Who is accountable, e.g. "@dana".');
const weight = z.number().min(0).describe('Relative weight in the rollup (default 1).');
const confidence = z.number().min(0).max(1).describe('How likely the target is met, from 0 to 1.');
// Closed and dropped items (docs/format.md "Closed and dropped", docs/scoring.md "Ended and closed").
const itemStatus = (what: string) =>
  z
    .enum(['active', 'closed', 'dropped'])
    .describe(
      `\`active\` (default); \`closed\`: the ${what} is finished, its score is final and still counts; \`dropped\`: abandoned, left out of every score (say why in \`reason\`).`,
    );
const reason = z.string().min(1).describe('Why the item was closed or dropped; shown wherever its score would be.');
export const ROLLUP_MODES = ['auto', 'own', 'aligned', 'both'] as const;
const rollupMode = z
  .enum(ROLLUP_MODES)
  .describe(
    'Where the score comes from: `own` key results, the objectives `aligned` to it, or `both`; `auto` (default): own key results when it lists any, else the aligned objectives.',
  );
const rollupWeights = z
  .strictObject({
    own: z.number().min(0).optional().describe('Weight of the own key results\' mean (default 1).'),
    aligned: z.number().min(0).optional().describe('Weight of the aligned objectives\' mean (default 1).'),
  })
  .describe('With `rollup: both`: how the own key results\' mean and the aligned objectives\' mean are weighed.');
const reference = z
  .string()
  .min(1)
  .describe('A parent objective: `<file-ref>#<objective-id>`, e.g. `company#reliability`.');

export const PeriodSchema = z
  .union([
    z.string().regex(PERIOD_STRING, 'must be YYYY-Qn, YYYY-Hn, YYYY, YYYY-MM or {start, end}'),
    z.number().int().min(1000).max(9999),
    z.strictObject({ start: isoDate.describe('First day, YYYY-MM-DD.'), end: isoDate.describe('Last day, YYYY-MM-DD.') }),
  ])
  .describe('The period: `2026-Q4`, `2026-H2`, `2026`, `2026-11`, or `{start: 2026-10-01, end: 2026-12-31}`.');

export const CheckinSchema = z
  .strictObject({
    date: isoDate.describe('Day of the check-in, YYYY-MM-DD.'),
    value: z.union([z.number(), z.boolean()]).optional().describe('The measured value (true/false for a milestone).'),
    confidence: confidence.optional(),
    note: z.string().optional().describe('What changed.'),
  })
  .describe('A check-in: the value measured on a date, with confidence and a note.');

export const KeyResultSchema = z
  .strictObject({
    id: slug('a key result').describe('Slug, unique within its objective.'),
    title: z.string().min(1).describe('The result, stated so an outsider can tell whether it was achieved.'),
    owner: owner.optional(),
    description: z.string().optional().describe('Free text: context, data source, definitions.'),
    metric: z.string().optional().describe('What is measured, e.g. "crash-free sessions".'),
    unit: z.string().optional().describe('Unit of the values, e.g. "%", "ms", "tickets".'),
    baseline: z.number().optional().describe('The value at the start of the period.'),
    target: z.number().optional().describe('The value that means done (a threshold for a guardrail).'),
    current: z.number().optional().describe('The latest value; if absent, the latest check-in, else the baseline.'),
    confidence: confidence.optional(),
    weight: weight.optional(),
    guardrail: z
      .enum(['at_least', 'at_most'])
      .optional()
      .describe('Makes this a guardrail: pass when `current` stays at least / at most `target`.'),
    done: z.boolean().optional().describe('Makes this a milestone: true when it is done.'),
    links: z
      .array(z.string().min(1))
      .optional()
      .describe('Code and issues: `src/x.ts#L10-L20`, `/path/from/root`, `owner/repo#123`, `#123`, `KEY-123`, URLs.'),
    checkins: z.array(CheckinSchema).optional().describe('Check-ins, oldest first.'),
    status: itemStatus('key result').optional(),
    reason: reason.optional(),
  })
  .describe('A key result: a metric (target), a guardrail (guardrail + target) or a milestone (done).');

export const ObjectiveSchema = z
  .strictObject({
    id: slug('an objective').describe('Slug, unique in the file.'),
    title: z.string().min(1).describe('A qualitative, inspiring statement; numbers belong in key results.'),
    owner: owner.optional(),
    description: z.string().optional().describe('Free text: why this matters now.'),
    type: z
      .enum(['aspirational', 'committed'])
      .optional()
      .describe('`aspirational` (default, aims for 0.7) or `committed` (aims for 1.0).'),
    weight: weight.optional(),
    aligns_to: reference.optional(),
    rollup: rollupMode.optional(),
    rollup_weights: rollupWeights.optional(),
    status: itemStatus('objective').optional(),
    reason: reason.optional(),
    key_results: z.array(KeyResultSchema).optional().describe('Two to five key results.'),
  })
  .describe('An objective with its key results.');

export const OkrFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema reference for other YAML tools.'),
    period: PeriodSchema,
    team: z.string().optional().describe('Display name of the team.'),
    owner: owner.optional().describe('Default owner for every objective and key result below.'),
    description: z.string().optional().describe('Free text.'),
    aligns_to: reference.optional().describe('Default parent for every objective in the file.'),
    objectives: z.array(ObjectiveSchema).describe('The objectives of the period.'),
  })
  .describe('An OKR file: a team\'s objectives and key results for a period.');

export type OkrFileInput = z.input<typeof OkrFileSchema>;

// ---------------------------------------------------------------------------------------------
// Configuration: okr.config.yaml at the workspace root, and the `okr.*` editor settings.

export const SEVERITIES = ['error', 'warning', 'info', 'hint', 'off'] as const;
export type SeverityOrOff = (typeof SEVERITIES)[number];
export type Severity = Exclude<SeverityOrOff, 'off'>;

export const LimitsSchema = z.strictObject({
  maxObjectives: z.number().int().min(1).default(5).describe('More objectives than this in a file triggers `too-many-objectives`.'),
  maxKeyResults: z.number().int().min(1).default(5).describe('More key results than this in an objective triggers `too-many-key-results`.'),
  minKeyResults: z.number().int().min(0).default(2).describe('Fewer key results than this in an objective triggers `too-few-key-results`.'),
  staleCheckinDays: z.number().int().min(1).default(14).describe('Days without a check-in, in an active period, before `checkin-stale`.'),
});

export const QualityConfigSchema = z.strictObject({
  extraVagueWords: z.array(z.string()).default([]).describe('More words that promise improvement without an amount (flagged by `kr-not-measurable`).'),
  units: z.array(z.string()).default([]).describe('More units the text analysis accepts, e.g. `story points`.'),
});

export const ScoringConfigSchema = z.strictObject({
  rollup: z
    .enum(ROLLUP_MODES)
    .default('auto')
    .describe(
      'Where an objective\'s score comes from unless it sets `rollup`: `own` key results, the objectives `aligned` to it, `both`, or `auto`: own key results when it lists any, else the aligned objectives.',
    ),
  rollupWeights: z
    .strictObject({
      own: z.number().min(0).default(1).describe('With `both`: weight of the own key results\' mean.'),
      aligned: z.number().min(0).default(1).describe('With `both`: weight of the aligned objectives\' mean.'),
    })
    .default({ own: 1, aligned: 1 })
    .describe('With `both`: how the two means are weighed, unless the objective sets `rollup_weights`.'),
});

/** Which source files are searched for code tags. .gitignore and the editor's `files.exclude` apply as well. */
export const CodeTagsConfigSchema = z.strictObject({
  enable: z.boolean().default(true).describe('Search the workspace\'s source files for code tags (`// okr: company#quality/nps`).'),
  include: z
    .array(z.string())
    .default([])
    .describe('Globs, from the workspace root, of the files searched for code tags (e.g. `src/**`); empty: every text file.'),
  exclude: z.array(z.string()).default([]).describe('Globs, from the workspace root, of files never searched for code tags (e.g. `**/*.min.js`).'),
});

export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z
    .record(z.string(), z.enum(SEVERITIES))
    .default({})
    .describe('Severity per rule id: `error`, `warning`, `info`, `hint` or `off`.'),
  limits: LimitsSchema.default(LimitsSchema.parse({})).describe('Limits used by the counting rules.'),
  trackers: z
    .record(
      z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'tracker keys are upper-case project keys such as SHOP'),
      // Only web links are followed: a `command:`, `javascript:`, `file:` or `data:` template is refused
      // as the same link written in a file is.
      z.string().regex(/^https?:\/\/\S+$/i, 'the URL template must start with http:// or https://').regex(/\{id\}/, 'the URL template needs {id}'),
    )
    .default({})
    .describe('Issue-tracker URL templates by project key, e.g. `SHOP: https://jira.example.com/browse/SHOP-{id}`.'),
  github: z
    .strictObject({ repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/repo').optional().describe('Default repository for `#123` links.') })
    .default({})
    .describe('GitHub settings.'),
  gitlab: z
    .strictObject({
      url: z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL').default('https://gitlab.com').describe('GitLab server for `group/project#12` and `group/project!12` links.'),
      repository: z
        .string()
        .regex(/^[\w.-]+(?:\/[\w.-]+)+$/, 'must be group/project')
        .optional()
        .describe('Default GitLab project for `#12` and `!12` links (instead of `github.repository`).'),
    })
    .default({ url: 'https://gitlab.com' })
    .describe('GitLab settings.'),
  codeTags: CodeTagsConfigSchema.default(CodeTagsConfigSchema.parse({})).describe('Which files are searched for code tags (`okr: <file>#<objective>/<kr>` comments).'),
  quality: QualityConfigSchema.default(QualityConfigSchema.parse({})).describe('Tuning of the key-result text analysis.'),
  scoring: ScoringConfigSchema.default(ScoringConfigSchema.parse({})).describe('How objectives roll up (docs/scoring.md).'),
});

export type OkrConfig = z.output<typeof ConfigSchema>;
export type OkrConfigInput = z.input<typeof ConfigSchema>;

export const DEFAULT_CONFIG: OkrConfig = ConfigSchema.parse({});

/** JSON Schema for `.okr` files, generated from the zod schema (shipped as okr.schema.json). */
export function okrJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(OkrFileSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return { title: 'OKRs as Code file (.okr)', ...schema };
}

/** JSON Schema for okr.config.yaml. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', target: 'draft-7' }) as Record<string, unknown>;
  return { title: 'OKRs as Code configuration (okr.config.yaml)', ...schema };
}

/** Known keys of each kind of map, with their descriptions: for "did you mean", completion and hover. */
export type MapKind = 'file' | 'objective' | 'keyResult' | 'checkin' | 'period';

function shapeOf(kind: MapKind): Record<string, z.ZodType> {
  switch (kind) {
    case 'file':
      return OkrFileSchema.shape;
    case 'objective':
      return ObjectiveSchema.shape;
    case 'keyResult':
      return KeyResultSchema.shape;
    case 'checkin':
      return CheckinSchema.shape;
    case 'period':
      return { start: isoDate.describe('First day, YYYY-MM-DD.'), end: isoDate.describe('Last day, YYYY-MM-DD.') };
  }
}

export interface KeyInfo {
  key: string;
  description: string;
  required: boolean;
}

const keyInfoCache = new Map<MapKind, KeyInfo[]>();

export function keysOf(kind: MapKind): KeyInfo[] {
  let infos = keyInfoCache.get(kind);
  if (!infos) {
    infos = Object.entries(shapeOf(kind)).map(([key, t]) => ({
      key,
      description: describe(t),
      required: !t.safeParse(undefined).success,
    }));
    keyInfoCache.set(kind, infos);
  }
  return infos;
}

function describe(t: z.ZodType): string {
  if (t.description) return t.description;
  // Optional wrappers keep the inner description.
  const inner = (t as unknown as { unwrap?: () => z.ZodType }).unwrap?.();
  return inner ? describe(inner) : '';
}
