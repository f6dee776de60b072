// The key-result title analyses, cached: they are pure functions of the text and the quality settings,
// so they are shared across documents and versions (an edit re-analyses only the titles it changed),
// and a host may compute them elsewhere (on another thread, see node/quality-pool.ts) and prime the
// cache with them before the rules run.
import { analysedPart, analyzeKeyResultText, findPlaceholderIn, type QualityOptions, type TextAnalysis } from './quality';
import type { OkrConfig } from './schema';

/** What the analyses depend on of the configuration. */
export type QualityConfig = Pick<OkrConfig, 'quality'>;

const QUALITY_CACHE_MAX = 20_000;
const qualityCache = new Map<string, TextAnalysis>();
/** Other texts (objective titles) are only searched for template text: see placeholderOf. */
const placeholderCache = new Map<string, Placeholder | null>();

type Placeholder = NonNullable<TextAnalysis['placeholder']>;

/** A text's key in the caches: the part that is analysed (so the cache holds at most QUALITY_CACHE_MAX short texts), with the settings. */
function cacheKey(text: string, config: QualityConfig): string {
  const q = config.quality;
  return q.extraVagueWords.length || q.units.length ? `${q.extraVagueWords.join(',')}|${q.units.join(',')}|${text}` : text;
}

function cached<T>(cache: Map<string, T>, analyse: (text: string, options: QualityOptions) => T, wholeText: string, config: QualityConfig, onMiss?: MissHook): T {
  const text = analysedPart(wholeText);
  const q = config.quality;
  const key = cacheKey(text, config);
  let hit = cache.get(key);
  if (!hit && onMiss) {
    onMiss(wholeText, config);
    hit = cache.get(key);
  }
  if (!hit) {
    hit = analyse(text, { extraVagueWords: q.extraVagueWords, units: q.units });
    store(cache, key, hit);
  }
  return hit;
}

/** Keeps an entry; a full cache starts again (the texts of one workspace fit many times over). */
function store<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= QUALITY_CACHE_MAX) cache.clear();
  cache.set(key, value);
}

export function qualityOf(text: string, config: QualityConfig): TextAnalysis {
  return cached(qualityCache, analyzeKeyResultText, text, config, missHook);
}

/** What a host does when a title's analysis is not cached: wait for the one it has computed elsewhere, and prime it. */
type MissHook = (text: string, config: QualityConfig) => void;
let missHook: MissHook | undefined;

/**
 * Sets (or, with undefined, removes) the hook qualityOf calls before it analyses a title itself: a
 * host that has the title analysed on another thread waits there for that answer and primes the cache
 * with it (node/quality-pool.ts), so the rules run while the rest of the answers are still coming.
 */
export function onQualityMiss(hook: MissHook | undefined): void {
  missHook = hook;
}

/**
 * Template text left in a text that is not a key result's title (an objective's), found as the key
 * result analysis finds it, without the rest of that analysis: judging 8,000 distinct objective
 * titles in full was seconds of a large organisation's check, for a verdict nobody reads.
 */
export function placeholderOf(text: string, config: QualityConfig): Placeholder | undefined {
  // A key result's title was analysed in full already (kr-not-measurable runs first): the analysis
  // found the same placeholder (a test holds the two equal), so its quantities are not read twice.
  const analysed = qualityCache.get(cacheKey(analysedPart(text), config));
  if (analysed) return analysed.placeholder;
  return cached(placeholderCache, (t, o) => findPlaceholderIn(t, o) ?? null, text, config) ?? undefined;
}

/** Whether the analysis of key-result title `text` under `config` is cached (a host need not compute it). */
export function hasQuality(text: string, config: QualityConfig): boolean {
  return qualityCache.has(cacheKey(analysedPart(text), config));
}

/**
 * Puts an analysis computed elsewhere in the cache: `analysis` must be what qualityOf(text, config)
 * answers (analyzeKeyResultText is deterministic, so another thread running this module computes it).
 */
export function primeQuality(text: string, config: QualityConfig, analysis: TextAnalysis): void {
  const key = cacheKey(analysedPart(text), config);
  if (!qualityCache.has(key)) store(qualityCache, key, analysis);
}
