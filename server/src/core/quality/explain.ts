/**
 * Turns the analysis into one readable line (hover, diagnostic message), one fix
 * sentence and an example rewrite. Kept apart from the verdict so wording can change
 * without touching the rules.
 */
import type { TextAnalysis } from './types';

export interface ExplainFacts {
  weaselVerb?: string;
  /** The clause a leading weasel verb opens ("Improve checkout observability"), for a tailored example. */
  weaselClause?: string;
  qualityWord?: string;
  fuzzyWord?: string;
  targetRef?: string;
  mainVerb?: string;
  unmeasuredParts: number;
  hasDate: boolean;
  endState?: string;
  /** The verb of a key result that only measures ("Measure", "Track"). */
  measuring?: string;
  /** A change named as a noun with no amount ("improvement in 360 feedback"). */
  changeNoun?: string;
  /** A forecast instead of a result ("On track to"). */
  forecast?: string;
  /** A state of mind as the result ("know", "understand"). */
  mind?: string;
}

export interface Explanation { summary: string; fix?: string; example?: string }

const EXAMPLE_BY_DIRECTION: Record<string, string> = {
  increase: 'Increase weekly active users from 12,000 to 18,000',
  decrease: 'Reduce p95 checkout latency from 800 ms to 300 ms',
  maintain: 'Keep monthly uptime at or above 99.9%',
};

export function explain(a: TextAnalysis, f: ExplainFacts): Explanation {
  const example = EXAMPLE_BY_DIRECTION[a.direction ?? ''] ?? 'Reduce p95 checkout latency from 800 ms to 300 ms';
  if (a.placeholder) {
    return {
      summary: `'${a.placeholder.text}' is a placeholder, not a target`,
      fix: 'Replace the placeholder with the metric and the value that means done.',
      example,
    };
  }
  if (!a.measurable) {
    if (f.targetRef) {
      return {
        summary: `'${f.targetRef}' points to a target but does not say its value`,
        fix: 'Write the target value itself into the key result.',
        example: 'Hire 12 engineers by end of Q2 (plan: 12)',
      };
    }
    if (f.weaselVerb) {
      return {
        summary: `'${f.weaselVerb}' promises a change but gives no amount`,
        fix: `Say how much: the metric, its current value and the target (e.g. "from X to Y").`,
        // In the user's own words where the title allows it; the filled-in sample otherwise.
        example: f.weaselClause ? `${f.weaselClause}, measured as <metric>, from <current value> to <target>` : example,
      };
    }
    if (f.changeNoun) {
      return {
        summary: `'${f.changeNoun}' names a change but gives no amount`,
        fix: 'Say how much: the metric, its current value and the target (e.g. "from X to Y").',
        example,
      };
    }
    if (f.forecast) {
      return {
        summary: `'${f.forecast}' forecasts progress instead of naming a result`,
        fix: 'Name the result itself, with the count or end state that means done.',
        example: 'Ship 4 of the 5 planned DevOps stages to general availability by end of Q3',
      };
    }
    if (f.mind) {
      return {
        summary: `'${f.mind}' is a state of mind, which no one can read off at the end of the period`,
        fix: 'Measure it: the share of people who pass a check or answer a survey a given way, with a target.',
        example: '80% of engineers answer "yes" to "I know where the roadmap is" in the Q3 survey',
      };
    }
    if (f.fuzzyWord) {
      return {
        summary: `'${f.fuzzyWord}' is not a defined metric, so the amount cannot be read from data`,
        fix: 'Name the metric that stands for it (a rate, time, count or score) and give its target.',
        example,
      };
    }
    if (f.measuring) {
      return {
        summary: `'${f.measuring}' names a metric to measure, not the value that means done`,
        fix: 'Keep the measurement as a task, and make the key result the value you want the metric to reach.',
        example,
      };
    }
    if (f.qualityWord) {
      return {
        summary: `'${f.qualityWord}' is a quality word no one can measure`,
        fix: 'Replace the adjective with the number that shows it (a threshold, rate or count).',
        example,
      };
    }
    if (a.compound && f.unmeasuredParts >= 2) {
      return {
        summary: `${f.unmeasuredParts} of the results in this key result have no number`,
        fix: 'Split it into separate key results and give each one a target.',
        example: 'Publish 3 customer case studies by end of Q3',
      };
    }
    if (a.outputNotOutcome) {
      const verb = f.mainVerb ? `'${f.mainVerb}' ` : '';
      return {
        summary: `${verb}describes work to do, with no count, date or acceptance criterion`,
        fix: f.hasDate
          ? 'State the outcome the work should change, with a target value.'
          : 'Measure the outcome it should change, or add a count, a deadline or a verifiable end state.',
        example: 'Launch the new CI pipeline by 2026-09-30; 90% of builds under 10 min',
      };
    }
    if (a.reasons.includes('no_target')) {
      return {
        summary: 'a metric is named but no target value is given',
        fix: 'Add the value that means done, and where you start from.',
        example,
      };
    }
    return {
      summary: 'no number, threshold or quantifier to check at the end of the period',
      fix: 'Say what will be measured and the value that means done.',
      example,
    };
  }
  // Measurable: say what can be read, and mention improvable points.
  const unit = (u: string | undefined): string => (!u ? '' : u === '%' ? '%' : ` ${u}`);
  const first = a.quantities.find((x) => x.kind !== 'date' && x.kind !== 'placeholder');
  const q = a.fromTo
    ? `from ${a.fromTo.baseline}${unit(a.fromTo.unit)} to ${a.fromTo.target}${unit(a.fromTo.unit)}`
    : first
      ? (first.kind === 'number' && first.unit ? `${first.text} ${first.unit}` : first.text)
      : f.endState ?? a.quantities[0]?.text;
  const summary = q ? `measurable: '${q}' can be checked at the end of the period` : 'measurable';
  if (a.reasons.includes('no_baseline')) {
    return { summary, fix: 'Add the starting value so progress can be scored.', example };
  }
  if (a.reasons.includes('deadline_only')) {
    return { summary: `measurable as a dated milestone${q ? ` ('${q}')` : ''}`, fix: 'Consider the outcome the milestone should move, with a target.' };
  }
  return { summary };
}
