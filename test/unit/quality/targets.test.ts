import * as assert from 'node:assert/strict';
import { analyzeKeyResultText } from '../../../server/src/core/quality';
import { kinds, signals, verdict } from './helpers';

// Targets: a change needs its amount (where that amount may stand), a target must be given, not
// pointed to, and measuring a metric is not a target.
// Each behaviour has a case where it applies and one where it must not. Texts are written for
// these tests, not copied from the labelled samples.

describe('quality/targets: amounts that are there, a little further away', () => {
  it('a change verb is read by a later outcome clause with an amount, across list commas', () => {
    assert.equal(verdict('improve search, filters, onboarding (e.g. tours), resulting in activation at 40%'), 'measurable');
    assert.equal(verdict('improve search, filters, onboarding, achieve 30% weekly retention'), 'measurable');
    assert.equal(verdict('improve search, filters, onboarding (e.g. tours), resulting in happier users'), 'vague');
  });

  it('a count in parentheses defines the quality word before it', () => {
    assert.equal(verdict('We have a robust list (40+) of reference customers'), 'measurable');
    assert.equal(verdict('We have a robust list of reference customers'), 'vague');
  });

  it('"N <unit> <word> or less" keeps its threshold', () => {
    assert.equal(verdict('All onsite loops 4-hours total or less'), 'measurable');
    assert.equal(verdict('All onsite loops take less time'), 'vague');
  });

  it('a comparative in the purpose of a counted result is its reason, not a further result', () => {
    assert.equal(verdict('Add 4 scoring rules to the lead model to get more qualified leads'), 'measurable');
    assert.equal(verdict('Tune the lead model to get more qualified leads'), 'vague');
  });

  it('a decimal before "version" names a release, not an amount', () => {
    assert.equal(verdict('stable 2.0 version released'), 'vague');
    assert.ok(!kinds('the 2.0 version ships').some((k) => k.startsWith('number:')));
    assert.ok(kinds('Ship 3 versions of the pricing page').some((k) => k.startsWith('number:3')));
  });
});

describe('quality/targets: a change verb in a purpose, means or outcome clause', () => {
  it('a purpose or means without an amount does not spoil a counted main result', () => {
    assert.equal(verdict('Organize at least two retrospectives to refine team practices'), 'measurable');
    assert.equal(verdict('Run 3 usability test rounds with 20 users, incorporating feedback to enhance the experience'), 'measurable');
    assert.equal(verdict('Keep a velocity increase of 10% each week by improving sprint planning'), 'measurable');
    // Without a counted main result the change verb is still a weasel (dev kr-0424).
    assert.equal(verdict('Refine team practices'), 'vague');
    assert.equal(verdict('Reduce support costs by improving sprint planning'), 'vague');
  });

  it('"which translates to" / "as measured by" state the outcome that carries the amount', () => {
    assert.equal(verdict('We improve the onboarding experience which translates to 3+ new contributors per group'), 'measurable');
    assert.equal(verdict('We improve the onboarding experience which translates to happier contributors'), 'vague');
    assert.equal(verdict('Improve release quality, as measured by 90% of deploys passing smoke tests'), 'measurable');
    assert.equal(verdict('Improve release quality, as measured by deploy health'), 'vague');
  });

  it('a parenthetical between commas does not separate the verb from its amount', () => {
    assert.equal(verdict('Drive support satisfaction scores, filtered for billing, to >95%'), 'measurable');
    assert.equal(verdict('Drive support satisfaction scores, filtered for billing'), 'vague');
  });

  it('"expand to all <X>" has its scope as the target, only right after the object', () => {
    assert.equal(verdict('Expand the interview model to all sales roles'), 'measurable');
    assert.equal(verdict('Grow the working group to have a team capable of answering to all needs'), 'vague');
  });

  it('a ratio written with a slash ("Say/Do") is a metric', () => {
    assert.equal(verdict('Improve Say/Do to 70%'), 'measurable');
    assert.equal(verdict('Improve delivery to 70%'), 'vague');
  });
});

describe('quality/targets: measuring is not a target', () => {
  it('a KR that only measures, tracks or benchmarks a metric has no target, even across a scope', () => {
    for (const t of ['Track conversion rates at each stage of the signup flow', "We've benchmarked churn rate for every plan", 'Begin measuring time to first review for all repositories']) {
      assert.equal(verdict(t), 'vague', t);
      assert.ok(analyzeKeyResultText(t).reasons.includes('no_target'), t);
      assert.ok(signals(t).includes('measure-only'), t);
    }
  });
  it('a measurement with a numeric target, or tracking something that is not a metric, is not caught', () => {
    assert.equal(verdict('Track 100% of production incidents in the incident log'), 'measurable');
    assert.ok(!signals('Track all planning issues and make sure they are completed on time').includes('measure-only'));
  });
});

describe('quality/targets: objects of a change', () => {
  it('threshold fillers and hyphenated -ing adjectives are not the object', () => {
    assert.equal(verdict('Grow customer-facing tutorials from 12 to 40'), 'measurable');
    assert.equal(verdict('Secure at least 4 partner webinars'), 'measurable');
  });
  it('a percentage followed by the noun it counts defines the metric', () => {
    assert.equal(verdict('Improve diversity to 35% women in engineering roles'), 'measurable');
    assert.equal(verdict('Improve diversity by 35%'), 'vague');
  });
  it('an amount in a purpose of the improvement says what is measured', () => {
    assert.equal(verdict('Optimize the indexer to process all pushes within 10 minutes'), 'measurable');
    assert.equal(verdict('Optimize the indexer by 10%'), 'vague');
  });
});

describe('quality/targets: what a change is read by', () => {
  it('a later sentence that states the target in so many words', () => {
    assert.equal(verdict('Increase community merge requests. For the next release the target is 150'), 'measurable');
    assert.equal(verdict('Increase community merge requests. We will celebrate every one'), 'vague');
  });
  it('a later sentence that opens with the outcome and its amount', () => {
    assert.equal(verdict('Leverage the partner team to increase deal flow. Achieve 120% of the Q3 partner plan.'), 'measurable');
  });
  it('a purpose that changes a metric by an amount', () => {
    assert.equal(verdict('Drive visitors to the docs via search ads to increase docs signups by 10% QoQ'), 'measurable');
    assert.equal(verdict('Drive visitors to the docs via search ads'), 'vague');
  });
  it('improve by shipping a count: the count is the yardstick; a direction verb still needs its own amount', () => {
    assert.equal(verdict('Improve alerting by shipping 6 alerts for the payment path'), 'measurable');
    assert.equal(verdict('Reduce churn by launching 3 features'), 'vague');
  });
  it('a relative clause before the amount ("who … to 90%")', () => {
    assert.equal(verdict('Increase the share of engineers who have done an incident drill to 90%'), 'measurable');
  });
  it('a change in a relative clause after a count describes what is counted', () => {
    assert.equal(verdict('Add at least one region in which capacity can be grown quickly'), 'measurable');
    assert.equal(verdict('Each pod proposes at least one experiment to increase activation'), 'measurable');
  });
  it('"Success will mean …" with a number settles the quality words before it', () => {
    assert.equal(verdict('Give managers good training. Success will mean at least 12 live sessions a year'), 'measurable');
    assert.equal(verdict('Give managers good training. Success will mean happier managers'), 'vague');
  });
  it('a change named as a noun without an amount in its part is a weasel', () => {
    assert.equal(verdict('At least one retro per month, and improvement in team health'), 'vague');
    assert.ok(signals('Improvement in onboarding satisfaction').includes('weasel-noun'));
    assert.equal(verdict('A 20% improvement in onboarding satisfaction'), 'measurable');
  });
  it('growth of nothing named has no unit', () => {
    assert.equal(verdict('Achieve 30% quarter-over-quarter growth'), 'vague');
    assert.equal(verdict('Achieve 30% quarter-over-quarter growth in revenue'), 'measurable');
  });
});

describe('quality/targets: states of mind, forecasts, measuring and prerequisites', () => {
  it('knowing and understanding are not results, unless a share of people is counted', () => {
    assert.equal(verdict('Know the acquisition cost for each campaign'), 'vague');
    assert.equal(verdict('Support leads understand how every escalation is routed'), 'vague');
    assert.equal(verdict('80% of engineers know where the runbooks are, per the Q3 survey'), 'measurable');
    assert.equal(verdict('Launch training to help managers understand 3 coaching models'), 'measurable');
  });
  it('"on track to" forecasts; the same result without it is judged on its own', () => {
    assert.equal(verdict('On track to ship all features of the new editor'), 'vague');
    assert.equal(verdict('Ship all features of the new editor'), 'measurable');
  });
  it('measuring across counted things sets no target; a numeric target does', () => {
    assert.equal(verdict('Measure upgrade time between two major versions'), 'vague');
    assert.equal(verdict('Measure upgrade time and bring it under 10 minutes'), 'measurable');
  });
  it('an amount that only says what the work is necessary for is not the key result\'s', () => {
    assert.equal(verdict('Complete the release tooling work necessary for weekly releases'), 'vague');
    assert.equal(verdict('Ship weekly releases from the new tooling'), 'measurable');
  });
  it('"throughout" a period is a span, not a deadline', () => {
    assert.equal(verdict('Check-ins completed with a growth plan throughout FY27'), 'vague');
  });
  it('commentary after the key result ("Afterwards, …", "This will …") does not spoil its number', () => {
    assert.equal(verdict('Close 40 backend bugs. Afterwards, verify the backlog shrinks faster than it grows'), 'measurable');
    assert.equal(verdict('Tidy the backlog. Afterwards, verify it shrinks faster than it grows'), 'vague');
  });
  it('illustrations do not spoil the key result with their quality words', () => {
    assert.equal(verdict('Implement at least 8 contributor-experience fixes: e.g. improve the onboarding guide'), 'measurable');
    assert.equal(verdict('Add 2 new plan types (e.g. larger instances) to the price list'), 'measurable');
  });
});

describe('quality/targets: counts that carry the target', () => {
  it('a change verb in a relative clause describing a counted thing is not a weasel', () => {
    assert.equal(verdict('Ship at least one change that reduces time to first deploy'), 'measurable');
    assert.equal(verdict('Ship changes that reduce time to first deploy'), 'vague');
    assert.equal(verdict('Reduce time to first deploy'), 'vague');
  });

  it('single hires: "(or hire) a …", "bring on a …", passive "A … is hired / brought on"', () => {
    assert.equal(verdict('Appoint an internal candidate (or hire) a Site Reliability Lead'), 'measurable');
    assert.equal(verdict('Bring on a payroll specialist'), 'measurable');
    assert.equal(verdict('A payroll specialist is brought on to own monthly payroll runs.'), 'measurable');
    assert.equal(verdict('A payroll process is brought in line with policy.'), 'vague');
  });

  it('a redacted headline count ([N2] ...) is a pointed-to target even with later qualifiers', () => {
    assert.equal(verdict('[N4] trials reach the activation milestone within 2 days'), 'vague');
    // a real target before the redaction still counts ("2x to [N7]")
    assert.equal(verdict('Grow weekly active users 2x to [N7]'), 'measurable');
  });
});

describe('quality/targets: funnel and event readings are metrics', () => {
  it('"drop-off", "turnout", "attendance" name what the amount is of; a bare activity does not', () => {
    assert.equal(verdict('Lower onboarding drop-off from 40% to 25%'), 'measurable');
    assert.equal(verdict('Voter turnout in DAO proposals of at least 15% of circulating tokens'), 'measurable');
    assert.equal(verdict('Improve onboarding by 25%'), 'vague');
  });
});

describe('quality/targets: what a change is measured by', () => {
  it('a count after with / across / in says whom or where, not how much', () => {
    assert.equal(verdict('Strengthen partnerships with 4 universities'), 'vague');
    assert.equal(verdict('Increase adoption across 3 regions'), 'vague');
    assert.equal(verdict('Increase revenue in 3 regions by 10%'), 'measurable');
    assert.equal(verdict('Expand to 3 new markets'), 'measurable');
  });
  it('a zero reached is the amount of a reduction', () => {
    assert.equal(verdict('Reduce incidents to zero'), 'measurable');
    assert.equal(verdict('Reduce incidents in 4 services to zero'), 'measurable');
    assert.equal(verdict('Reduce incidents'), 'vague');
  });
});
