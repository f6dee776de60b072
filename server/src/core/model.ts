// The parsed, position-aware model of one `.okr` file. Plain data: every feature (rules, scoring,
// hover, symbols, the CLI) reads this instead of the YAML text, and it is built once per version.
import type { Document } from 'yaml';
import type { LineIndex, Range } from './positions';
import type { Period } from './period';

/** One `key: value` of a YAML map, with the ranges of the key and of the value. */
export interface Field {
  key: string;
  value: unknown;
  keyRange: Range;
  valueRange: Range;
  /** Offsets of the whole pair (key start .. value end), for edits. */
  start: number;
  end: number;
}

/** A YAML map node as the model sees it: its fields and its extent. */
export interface MapNode {
  fields: Map<string, Field>;
  range: Range;
  start: number;
  end: number;
  /** Column where the map's keys start (its indentation), for edits that insert keys. */
  indent: number;
  /** True when written in flow style `{ ... }`. */
  flow: boolean;
  /**
   * A field's value range, without building the moved copy of every field a map moved by an edit
   * would otherwise make when `fields` is read (the outline asks this of 30,000 maps).
   */
  fieldValueRange?(key: string): Range | undefined;
}

export type KrKind = 'metric' | 'guardrail' | 'milestone' | 'draft';

/** `status:` of an objective or key result as written: closed items are final, dropped ones left out of scores. */
export type ItemState = 'active' | 'closed' | 'dropped';

/** `rollup:` of an objective (docs/scoring.md): where its score comes from. */
export type RollupMode = 'auto' | 'own' | 'aligned' | 'both';

export interface Checkin {
  date?: string;
  value?: number | boolean;
  confidence?: number;
  note?: string;
  node: MapNode;
}

export interface Link {
  text: string;
  range: Range;
}

export interface KeyResult {
  id?: string;
  title?: string;
  owner?: string;
  metric?: string;
  unit?: string;
  baseline?: number;
  target?: number;
  current?: number;
  confidence?: number;
  weight: number;
  guardrail?: 'at_least' | 'at_most';
  done?: boolean;
  links: Link[];
  checkins: Checkin[];
  kind: KrKind;
  /** `status:` as written; `active` when absent or not one of the known values. */
  state: ItemState;
  /** `reason:` for closing or dropping it. */
  reason?: string;
  /** Owner after inheritance from the objective and the file. */
  effectiveOwner?: string;
  node: MapNode;
  /** Index within its objective's key_results. */
  index: number;
}

export interface Objective {
  id?: string;
  title?: string;
  owner?: string;
  type: 'aspirational' | 'committed';
  weight: number;
  alignsTo?: string;
  /** `rollup:` as written (absent: the configured default). */
  rollup?: RollupMode;
  /** `rollup_weights:` as written. */
  rollupWeights?: { own?: number; aligned?: number };
  state: ItemState;
  reason?: string;
  /** aligns_to after inheritance from the file. */
  effectiveAlignsTo?: string;
  effectiveOwner?: string;
  keyResults: KeyResult[];
  node: MapNode;
  /** The `key_results` field's sequence, when present. */
  keyResultsField?: Field;
  index: number;
}

export interface YamlProblem {
  message: string;
  range: Range;
  code: string;
}

export interface OkrDocument {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  /** The YAML AST, kept for edits that must preserve comments and formatting. */
  yaml: Document.Parsed;
  yamlErrors: YamlProblem[];
  yamlWarnings: YamlProblem[];
  /** The top-level map, absent when the document is not a map (empty, scalar, list). */
  root?: MapNode;
  period?: Period;
  periodField?: Field;
  team?: string;
  owner?: string;
  alignsTo?: string;
  objectives: Objective[];
  objectivesField?: Field;
  /** `# okr-disable-next-line` comments: line they apply to -> rule ids ('*' for all). */
  suppressions: Map<number, Set<string>>;
  /**
   * The file is a block map with plain keys whose `objectives` is a block list of block maps, with no
   * YAML problems, directives, anchors or aliases: then the schema rule checks it an objective at a time
   * and an edit re-parses one objective, neither needing the whole file's AST (see parse.ts `simpleLayout`).
   */
  simpleLayout?: boolean;
}

/**
 * The id an objective or key result is addressed by in the workspace model, the tree and check-ins:
 * its own `id`, or a stand-in from its position (`objective@2`, `kr@3`) when it has none, so that a
 * draft without ids can still be checked in. '@' is not allowed in a slug, so a stand-in never equals a
 * real id; the schema rule asks for a real one.
 */
export function handleOf(item: { id?: string; index: number }, kind: 'objective' | 'kr'): string {
  return item.id ?? `${kind}@${item.index + 1}`;
}

/** Finds an item by the handle handleOf gives it. */
export function findByHandle<T extends { id?: string; index: number }>(items: readonly T[], handle: string, kind: 'objective' | 'kr'): T | undefined {
  return items.find((i) => handleOf(i, kind) === handle);
}
