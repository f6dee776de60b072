/**
 * Word lists the analyser matches against. They encode what OKR coaches look for
 * (see docs/rules/kr-not-measurable.md). Everything is lower case; matching is by
 * whole word after `lemma()` strips common inflections, so "reduces", "reduced" and
 * "reducing" all hit "reduce".
 *
 * The lists are deliberately about language, not about any team's wording: they must
 * generalise to key results we have never seen.
 */

/** Verbs that promise a change in some direction; with no amount they are weasel words. */
export const INCREASE_VERBS = new Set([
  'increase', 'raise', 'grow', 'boost', 'maximize', 'maximise', 'expand', 'accelerate',
  'double', 'triple', 'gain', 'lift', 'extend', 'strengthen', 'scale', 'amplify',
]);
export const DECREASE_VERBS = new Set([
  'reduce', 'decrease', 'cut', 'lower', 'minimize', 'minimise', 'shrink', 'halve', 'drop',
  'eliminate', 'shorten', 'decline', 'slash', 'trim',
]);
export const MAINTAIN_VERBS = new Set(['maintain', 'keep', 'stay', 'remain', 'sustain', 'hold', 'preserve']);

/**
 * Verbs that promise "better" without a direction or amount (the Profit.co list:
 * "nearly impossible to evaluate"). Unlike increase/reduce they stay vague even with
 * a percentage when the thing improved is not a metric ("improve downloading by 50%").
 */
export const IMPROVE_VERBS = new Set([
  'improve', 'enhance', 'optimize', 'optimise', 'streamline', 'solidify', 'mature', 'refine',
  'better', 'stabilize', 'stabilise', 'simplify', 'modernize', 'modernise', 'foster', 'promote',
  'advance', 'harden', 'polish', 'revamp', 'secure', 'empower', 'cultivate', 'nurture',
  'drive',
]);

/** Unmeasurable quality words: a reader cannot take a reading from "robust" or "seamless". */
export const QUALITY_ADJECTIVES = new Set([
  'robust', 'sound', 'welcoming', 'thriving', 'awesome', 'seamless', 'world-class', 'proper',
  'better', 'best', 'fast', 'faster', 'relevant', 'scalable', 'well-defined', 'meaningful', 'great',
  'excellent', 'high-quality', 'best-in-class', 'performant', 'sufficient', 'effective', 'intuitive', 'user-friendly', 'modern', 'healthy', 'smooth', 'solid', 'improved',
  'superior', 'outstanding', 'amazing', 'exceptional', 'delightful', 'vibrant', 'engaging', 'clean',
  'good', 'appropriate', 'adequate', 'optimal', 'reasonable', 'efficient', 'stronger', 'higher',
  'lower', 'less', 'more', 'easier', 'simpler', 'quicker', 'cheaper', 'possible', 'measurable',
  'significant', 'significantly', 'substantial', 'substantially', 'greater', 'enough',
  'world-leading', 'industry-leading', 'cutting-edge', 'state-of-the-art', 'frictionless', 'polished',
  // Ease, fitness and clarity claims with no threshold ("easily accessed", "suitable for",
  // "detailed tasks", "clear reporting", "painlessly deploy").
  // Claims of correctness and of use with no check named ("accurate statuses", "actionable
  // metrics", "all unnecessary fields removed").
  'accurate', 'accurately', 'actionable', 'unnecessary', 'unneeded',
  'realistic', 'proficient', 'rigorous', 'prominent', 'easy', 'easily', 'suitable', 'detailed', 'clear', 'useful', 'painless', 'painlessly', 'compelling',
  // Comparatives of size and time with no amount ("measurably shorter than in October").
  'shorter', 'longer', 'smaller', 'bigger', 'larger',
  // Manner adverbs of quality ("effectively processing deals", "efficiently handled").
  'effectively', 'efficiently', 'properly', 'seamlessly', 'smoothly',
  // Effort adverbs: how hard someone works, not what changes ("proactively address causes").
  'proactively', 'actively',
  // Only before an activity ("Active recruiting for all vacancies"); see findQualityWords.
  'active',
  // Frequencies with no number ("engage regularly", "review periodically"): how often is not said.
  'regularly', 'frequently', 'periodically', 'routinely', 'often', 'continuously', 'consistently',
  // …and their adjectives ("regular check-ins", "frequent releases").
  'regular', 'frequent', 'periodic',
  // Claims about how something is done or shared, with no reading ("a transparent report", "timely updates").
  'transparent', 'timely',
]);

/**
 * Comparatives that are fine when an amount follows ("20% more leads", "less than 12 hours")
 * but weasel words otherwise ("in less time and effort"). Kept apart so the quantity
 * check can forgive them.
 */
export const COMPARATIVES = new Set([
  'more', 'less', 'higher', 'lower', 'greater', 'fewer', 'faster', 'better', 'shorter', 'longer', 'smaller',
  'bigger', 'larger', 'quicker', 'cheaper',
]);

/**
 * Nouns naming something that is not itself a metric. "Boost productivity by 40%" or
 * "Increase accessibility to 5 verticals" give a number but no defined quantity (guide §6).
 */
export const FUZZY_NOUNS = new Set([
  // The guide's own example: "Cut incidences from 7 out of 10 to 5 out of 10" (incidences of what?).
  'incidences',
  'productivity', 'accessibility', 'diversity', 'progress', 'usability', 'quality', 'performance',
  'efficiency', 'visibility', 'awareness', 'collaboration', 'morale', 'culture', 'innovation',
  'experience', 'approach', 'mindset', 'alignment', 'excellence', 'maturity', 'agility',
  'downloading', 'processing', 'traction', 'presence', 'perception', 'health', 'capability',
  'capabilities', 'readiness', 'effectiveness', 'communication', 'transparency', 'ownership',
  'clarity',
]);

/** Nouns that name a measurable metric: with no value they make a KR "no_target" rather than "no_number". */
export const METRIC_NOUNS = new Set([
  'rate', 'rates', 'time', 'times', 'latency', 'mttr', 'mtbf', 'mttd', 'mtta', 'nps', 'csat', 'ces',
  'retention', 'churn', 'cost', 'costs', 'revenue', 'roi', 'conversion', 'conversions', 'usage',
  'metric', 'metrics', 'kpi', 'kpis', 'satisfaction', 'engagement', 'reach', 'frequency',
  'uptime', 'availability', 'coverage', 'count', 'number', 'score', 'scores', 'rating', 'ratings',
  'maintainers', 'toil', 'effort', 'pipeline', 'arr', 'mrr', 'iacv', 'acv', 'traffic', 'sessions',
  'signups', 'sign-ups', 'users', 'customers', 'leads', 'mqls', 'sqls', 'downloads', 'installs',
  'velocity', 'throughput', 'errors', 'incidents', 'tickets', 'bugs', 'defects', 'spend', 'budget',
  'margin', 'profit', 'sales', 'bookings', 'share', 'percentage', 'ratio', 'duration', 'speed',
  'size', 'volume', 'attrition', 'turnover', 'headcount', 'followers', 'subscribers', 'views',
  'visits', 'visitors', 'clicks', 'impressions', 'mentions', 'reviews', 'accuracy', 'load',
  'hiring', 'adoption', 'activation', 'dau', 'mau', 'wau', 'p95', 'p99', 'sla', 'slo', 'slos',
  'backlog', 'lead', 'response', 'resolution', 'quota', 'win', 'utilization', 'utilisation',
  // Funnel and event readings: "drop-off from 40% to 25%", "turnout of 15%", "attendance of 30".
  'drop-off', 'drop-offs', 'dropoff', 'abandonment', 'bounce', 'completion', 'attendance', 'turnout',
]);

/**
 * Output verbs (Perdoo's "output, not outcome"): the KR says what will be done, not what
 * will change. Counted ("Publish 8 posts") or dated they are still measurable milestones.
 */
export const TASK_VERBS = new Set([
  'launch', 'implement', 'build', 'create', 'define', 'migrate', 'publish', 'hire', 'run', 'ship',
  'deploy', 'develop', 'deliver', 'release', 'design', 'redesign', 'write', 'document', 'establish',
  'setup', 'introduce', 'rollout', 'complete', 'finish', 'start', 'conduct', 'organize', 'organise',
  'host', 'train', 'onboard', 'renegotiate', 'update', 'track', 'measure', 'provide', 'identify',
  'plan', 'nominate', 'merge', 'enable', 'adopt', 'send', 'pitch', 'test', 'audit', 'integrate',
  'automate', 'add', 'produce', 'speak', 'present', 'call', 'listen', 'interview', 'review',
  'resume', 're-queue', 'requeue', 'prepare', 'draft', 'outline', 'rewrite', 'refactor', 'replace',
  'install', 'configure', 'set', 'roll', 'make', 'generate', 'contribute', 'recruit', 'deprecate',
  'retire', 'remove', 'move', 'convert', 'port', 'upgrade', 'translate', 'record',
  'schedule', 'announce', 'kick', 'pilot', 'prototype', 'open', 'submit',
  'elevate', 'collect', 'gather', 'survey', 'map', 'standardize', 'standardise',
  'formalize', 'formalise', 'finalize', 'finalise', 'execute', 'teach', 'mentor',
  'operate', 'certify', 'invite', 'share', 'tweet', 'post', 'blog',
]);

/** Activity verbs (Google's OKR playbook): effort words with no result at all. */
export const ACTIVITY_VERBS = new Set([
  'consult', 'help', 'analyze', 'analyse', 'participate', 'assist', 'attend', 'explore',
  'investigate', 'research', 'study', 'discuss', 'coordinate', 'facilitate', 'engage', 'work',
  'try', 'attempt', 'look', 'evaluate', 'assess', 'consider', 'brainstorm', 'learn', 'monitor',
  'continue', 'focus', 'encourage', 'communicate', 'align', 'support',
]);

/**
 * Verbs that state a reached result rather than an activity; they start outcome KRs
 * ("Get 100 mentions", "Achieve 90% completion"). Listed so they are not mistaken for tasks.
 */
export const OUTCOME_VERBS = new Set([
  'achieve', 'reach', 'get', 'attain', 'hit', 'exceed', 'win', 'acquire', 'land', 'close', 'sign',
  'earn', 'obtain', 'become', 'surpass',
]);

/** Nouns naming a deliverable: a KR that is only such a noun phrase is an output. */
export const DELIVERABLE_NOUNS = new Set([
  'roadmap', 'plan', 'guide', 'guides', 'documentation', 'docs', 'talk', 'talks', 'pipeline',
  'dashboard', 'program', 'programme', 'process', 'prototype', 'demo', 'framework', 'model', 'tool',
  'tooling', 'portal', 'mvp', 'testing', 'study', 'workshop', 'meetup', 'post', 'posts', 'article',
  'articles', 'metrics', 'migration', 'implementation', 'integration', 'feature', 'features',
  'release', 'launch', 'strategy', 'policy', 'playbook', 'template', 'training', 'course',
  'website', 'site', 'page', 'app', 'api', 'sdk', 'library', 'module', 'service', 'support',
  'changes', 'review', 'reviews', 'rollout', 'automation', 'audit', 'survey', 'campaign', 'deck',
  'decks', 'checklist', 'handbook', 'runbook', 'version', 'infrastructure',
]);

/** Number words, so "Deliver five benchmarks" and "Call on three customers" count. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12, single: 1, half: 0.5,
};

/** Magnitude suffixes after a number: 10k, 3.5M, 20 million. */
export const MAGNITUDES: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

export const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec',
];

/** Duration units, normalised to a short name used in Quantity.unit. */
export const DURATION_UNITS: Record<string, string> = {
  ms: 'ms', millisecond: 'ms', milliseconds: 'ms', msec: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  min: 'min', mins: 'min', minute: 'min', minutes: 'min',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd', 'business days': 'd', 'working days': 'd', 'business day': 'd',
  w: 'wk', wk: 'wk', wks: 'wk', week: 'wk', weeks: 'wk', sprint: 'sprint', sprints: 'sprint',
  month: 'mo', months: 'mo', quarter: 'q', quarters: 'q', year: 'y', years: 'y', yr: 'y', yrs: 'y',
};

/** Frequency words: "weekly reviews", "monthly sessions". A cadence is a countable target. */
export const FREQUENCY_WORDS = new Set([
  'daily', 'weekly', 'biweekly', 'bi-weekly', 'fortnightly', 'monthly', 'quarterly', 'yearly',
  'annually', 'annual', 'hourly', 'nightly',
]);

/**
 * Nouns after which a number is an identifier, not a quantity ("tier 1", "P1", "phase 2").
 */
export const IDENTIFIER_PREFIXES = new Set([
  'tier', 'level', 'phase', 'step', 'version', 'v', 'p', 'priority', 'sev', 'severity', 'stage',
  'gen', 'generation', 'wave', 'milestone', 'rfc', 'issue', 'pr', 'iso', 'soc', 'section',
  'chapter', 'part', 'option', 'type', 'layer', 'l', 'web', 'covid', 'item', 'no', 'number',
  'release', 'releases', 'versions', 'day', 'week',
]);

/** Words that, within the same clause, attach the amount to an improvement verb. */
export const CLAUSE_BREAKERS = new Set([
  'using', 'via', 'through', 'while', 'so', 'because', 'which', 'who', 'whereby', 'thanks',
]);

export const DETERMINERS = new Set([
  'the', 'a', 'an', 'our', 'their', 'its', 'this', 'that', 'these', 'those', 'my', 'your', 'his',
  'her', 'of', 'for', 'on', 'in', 'to', 'we', 'and', 'with',
]);
