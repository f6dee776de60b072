// okr.config.yaml: reading, validation and layering. Layers, lowest first: built-in defaults,
// editor settings, the repository's okr.config.yaml (the contract editor and CI share wins).
import { isMap, isScalar, parseDocument } from 'yaml';
import { CodeTagsConfigSchema, ConfigSchema, DEFAULT_CONFIG, LimitsSchema, QualityConfigSchema, ScoringConfigSchema, type OkrConfig, type OkrConfigInput, type SeverityOrOff } from './schema';
import { LineIndex, type Range } from './positions';
import { closest } from './suggest';

export const CONFIG_FILE_NAME = 'okr.config.yaml';

/** How many times aliases may be expanded in all (the yaml package's default, stated: its guard against alias bombs). */
export const MAX_ALIAS_COUNT = 100;

export interface ConfigProblem {
  message: string;
  range: Range;
}

export interface LoadedConfig {
  /** What the file says, validated (invalid parts dropped). */
  input: OkrConfigInput;
  problems: ConfigProblem[];
}

const KNOWN_KEYS: Record<string, string[]> = {
  '': Object.keys(ConfigSchema.shape),
  limits: Object.keys(LimitsSchema.shape),
  quality: Object.keys(QualityConfigSchema.shape),
  scoring: Object.keys(ScoringConfigSchema.shape),
  github: ['repository'],
  gitlab: ['url', 'repository'],
  codeTags: Object.keys(CodeTagsConfigSchema.shape),
};

/** Parses okr.config.yaml text. Never throws: problems are returned with their positions. */
export function parseConfig(text: string, knownRuleIds: readonly string[]): LoadedConfig {
  const lines = new LineIndex(text);
  // logLevel 'error': no Node.js process warnings on the terminal (see parse.ts); problems come back here.
  const doc = parseDocument(text, { prettyErrors: false, logLevel: 'error' });
  const problems: ConfigProblem[] = doc.errors.map((e) => ({ message: e.message, range: lines.range(e.pos[0], e.pos[1]) }));
  const rangeOf = (path: readonly PropertyKey[]): Range => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && node.range) return lines.range(node.range[0], node.range[1]);
    }
    return lines.range(0, 0);
  };
  let raw: unknown;
  try {
    // An alias expanded more than MAX_ALIAS_COUNT times (a "billion laughs" bomb) throws here.
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    // Said, not swallowed: a configuration dropped in silence looks like one that is applied.
    problems.push({ message: `${CONFIG_FILE_NAME} cannot be read, so none of it applies: ${(e as Error).message}`, range: lines.range(0, Math.min(text.length, lines.lineBounds(0).end)) });
    return { input: {}, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ message: `${CONFIG_FILE_NAME} must be a YAML map`, range: lines.range(0, text.length) });
    return { input: {}, problems };
  }
  const input = { ...(raw as Record<string, unknown>) };
  const result = ConfigSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        // Report each unknown key at the key itself, and drop only it: a typo must not void the file.
        const section = issue.path.length ? String(issue.path[0]) : '';
        const owner = (section ? input[section] : input) as Record<string, unknown>;
        const map = doc.getIn(issue.path as unknown[], true);
        for (const key of issue.keys) {
          const known = KNOWN_KEYS[section] ?? [];
          const hint = closest(key, known);
          const pair = isMap(map) ? map.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
          const keyRange = isScalar(pair?.key) && pair.key.range ? lines.range(pair.key.range[0], pair.key.range[1]) : rangeOf(issue.path);
          problems.push({ message: `${section ? section + ': ' : ''}unknown key '${key}'${hint ? `; did you mean '${hint}'?` : `; known keys: ${known.join(', ')}`}`, range: keyRange });
          if (owner && typeof owner === 'object') delete owner[key];
        }
        continue;
      }
      problems.push({ message: `${issue.path.join('.') || 'config'}: ${issue.message}`, range: rangeOf(issue.path) });
      // Drop only the offending entry of a section (one rule, one tracker, one limit), else the
      // offending top-level section, so the rest still applies.
      const section = String(issue.path[0]);
      const entries = input[section];
      if (issue.path.length >= 2 && entries && typeof entries === 'object' && !Array.isArray(entries)) {
        delete (entries as Record<string, unknown>)[String(issue.path[1])];
      } else if (issue.path.length > 0) delete input[section];
    }
  }
  const rules = (input.rules ?? {}) as Record<string, unknown>;
  for (const id of Object.keys(rules)) {
    if (!knownRuleIds.includes(id)) {
      const hint = closest(id, knownRuleIds);
      problems.push({ message: `unknown rule '${id}'${hint ? `; did you mean '${hint}'?` : ''}`, range: rangeOf(['rules', id]) });
    }
  }
  return { input: input as OkrConfigInput, problems };
}

/** Merges layers (lowest first) into a complete configuration. Maps merge key by key. */
export function mergeConfig(...layers: Array<OkrConfigInput | undefined>): OkrConfig {
  const out: OkrConfig = structuredClone(DEFAULT_CONFIG);
  for (const layer of layers) {
    if (!layer) continue;
    const parsed = ConfigSchema.safeParse(layer);
    if (!parsed.success) continue;
    const l = layer;
    if (l.rules) Object.assign(out.rules, parsed.data.rules);
    if (l.limits) Object.assign(out.limits, stripUndefined(l.limits));
    if (l.trackers) Object.assign(out.trackers, parsed.data.trackers);
    if (l.github?.repository) out.github.repository = l.github.repository;
    if (l.gitlab?.url) out.gitlab.url = l.gitlab.url;
    if (l.gitlab?.repository) out.gitlab.repository = l.gitlab.repository;
    if (l.codeTags) Object.assign(out.codeTags, stripUndefined(l.codeTags));
    if (l.quality?.extraVagueWords) out.quality.extraVagueWords = [...out.quality.extraVagueWords, ...l.quality.extraVagueWords];
    if (l.quality?.units) out.quality.units = [...out.quality.units, ...l.quality.units];
    if (l.scoring?.rollup) out.scoring.rollup = l.scoring.rollup;
    if (l.scoring?.rollupWeights) Object.assign(out.scoring.rollupWeights, stripUndefined(l.scoring.rollupWeights));
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function severityFor(ruleId: string, defaultSeverity: SeverityOrOff, config: OkrConfig): SeverityOrOff {
  return config.rules[ruleId] ?? defaultSeverity;
}
