import * as assert from 'node:assert/strict';
import { analyzeKeyResultText } from '../../../server/src/core/quality';
import { kinds, signals, verdict } from './helpers';

// Wording: quality words, weasel verbs and names. A word is a claim only where it qualifies the
// result itself, not a name, a purpose, a survey answer or a manner the count already measures.
// Each behaviour has a case where it applies and one where it must not. Texts are written for
// these tests, not copied from the labelled samples.

describe('quality/wording: words that only look like verbs or quality claims', () => {
  it('a verb form after a determiner, preposition or verb is an adjective', () => {
    assert.equal(verdict('Ship 100% of the MVP features, such as secure login and transfers'), 'measurable');
    assert.equal(verdict('Configure 100% of the vault for secure management of credentials'), 'measurable');
    assert.equal(verdict('Secure the login flow'), 'vague');
  });

  it('"relevant" before a team or place says which one, not how good', () => {
    assert.equal(verdict('Document 3 new approaches in the relevant section of the handbook'), 'measurable');
    assert.equal(verdict('Publish 3 relevant articles'), 'vague');
  });

  it('"(or less)" after an amount keeps the threshold', () => {
    assert.equal(verdict('Average apply to offer accept @ 40 days (or less)'), 'measurable');
    assert.equal(verdict('Hiring takes less time'), 'vague');
  });

  it('a comparative whose phrase closes with "of <amount>" has its amount', () => {
    assert.equal(verdict('Implement a tax structure that results in a lower tax cash out of 25% vs prior year'), 'measurable');
    assert.equal(verdict('Implement a tax structure that results in a lower tax bill'), 'vague');
  });

  it('"<percent> <fuzzy noun>" has no defined metric ("100% clarity")', () => {
    assert.equal(verdict('Hold a refinement session each sprint with 100% clarity'), 'vague');
    assert.equal(verdict('Hold a refinement session each sprint'), 'measurable');
  });
});

describe('quality/wording: referential "relevant" and "appropriate"', () => {
  it('without a degree word or a coordinated quality word they select which things are meant', () => {
    assert.equal(verdict('The pricing page lists relevant plans for each region'), 'measurable');
    assert.equal(verdict('80% of onboarding questions are answered by linking to appropriate docs'), 'measurable');
  });
  it('graded or coordinated with a quality word they are a claim', () => {
    assert.equal(verdict('The docs search returns fast and relevant answers for 3M pages'), 'vague');
    assert.equal(verdict('Show highly relevant plans for each region'), 'vague');
    assert.equal(verdict('Show relevant, useful plans for each region'), 'vague');
  });
});

describe('quality/wording: capitalised names are not fuzzy metrics', () => {
  it('a capitalised fuzzy-looking word inside a sentence is part of a name', () => {
    assert.equal(verdict('Resolve 70% of items raised in Hiring Experience Survey'), 'measurable');
    assert.equal(verdict('Close 70% of items raised in Processing Review'), 'measurable');
  });
  it('the same word in lower case is still a fuzzy object', () => {
    assert.equal(verdict('Raise processing by 30%'), 'vague');
  });
  it('a real Title Case line still opts out of the name rule', () => {
    assert.equal(verdict('Improve Developer Experience Across Teams'), 'vague');
  });
});

describe('quality/wording: quality phrases', () => {
  it('"a high level of", "a good degree of", "strong sense of" are quality claims', () => {
    assert.equal(verdict('2 frameworks chosen, with the whole team reaching a high level of comfort'), 'vague');
    assert.equal(verdict('Every engineer has a strong sense of ownership for 1 service'), 'vague');
  });
  it('a degree phrase with an amount is defined', () => {
    assert.equal(verdict('Keep a high level of 99.9% availability for all services'), 'measurable');
  });
  it('manner adverbs qualifying the result are quality words', () => {
    assert.equal(verdict('We are effectively handling renewals for all accounts'), 'vague');
    assert.equal(verdict('Support tickets are efficiently routed'), 'vague');
  });
  it('a manner adverb after the count says which things are counted', () => {
    assert.equal(verdict('Find at least 4 teams effectively using the new CLI'), 'measurable');
    assert.equal(verdict('100% of support staff trained to efficiently answer billing questions'), 'measurable');
  });
});

describe('quality/wording: purposes of a scoped result', () => {
  it('a quality word or change verb in the purpose does not spoil a scoped or counted result', () => {
    assert.equal(verdict('100% of new managers complete 2 coaching sessions to make them more confident leaders'), 'measurable');
    assert.equal(verdict('Publish a hiring plan for each team to empower managers to plan ahead'), 'measurable');
  });
  it('a copula is not a purpose: "updated to be suitable" claims a quality', () => {
    assert.equal(verdict('All onboarding guides are updated to be suitable for remote hires'), 'vague');
  });
  it('without a count or scope, the purpose is still a weasel', () => {
    assert.equal(verdict('Revise the hiring plan to empower managers'), 'vague');
  });
});

describe('quality/wording: quality words', () => {
  it('accurate, actionable and unnecessary are claims without a check', () => {
    assert.equal(verdict('All customer records have accurate owners'), 'vague');
    assert.equal(verdict('Ship actionable dashboards for all teams'), 'vague');
    assert.equal(verdict('Remove all unnecessary fields from the signup form'), 'vague');
  });
  it('a threshold right after defines the word; a quoted word is a defined term', () => {
    assert.equal(verdict('Revenue forecast is accurate within 5% for every month'), 'measurable');
    assert.equal(verdict('Cut "unnecessary" escalations by 30%. "Unnecessary": solved by the FAQ'), 'measurable');
  });
  it('"outstanding" before open work means unresolved', () => {
    assert.equal(verdict('Close at least 3 outstanding security issues'), 'measurable');
    assert.equal(verdict('Deliver an outstanding onboarding for 3 customers'), 'vague');
  });
  it('effort words: actively, proactively, "active <activity>"', () => {
    assert.equal(verdict('Proactively address the causes of flaky builds'), 'vague');
    assert.equal(verdict('Active recruiting for all open roles'), 'vague');
    assert.equal(verdict('Grow daily active users from 2,000 to 3,000'), 'measurable');
    assert.equal(verdict('Ensure zero data-loss incidents through active monitoring'), 'measurable');
  });
});

describe('quality/wording: the main verb', () => {
  it('a verb in a relative clause does not make a dated deliverable an activity', () => {
    assert.equal(verdict('Commit to a new pricing model that aligns plans with customer value by end of Q2'), 'measurable');
    assert.equal(verdict('Align plans with customer value by end of Q2'), 'vague');
  });
});

describe('quality/wording: what defines a word or an object', () => {
  it('a quality word followed by a colon and a number is defined', () => {
    assert.equal(verdict('Running the linter locally is easy: 1 command'), 'measurable');
    assert.equal(verdict('Running the linter locally is easy'), 'vague');
  });
  it('a quality word on a term defined in brackets names a category someone counts', () => {
    assert.equal(verdict('Unnecessary rework (tickets reopened after closure) below 5% of tickets'), 'measurable');
    assert.ok(!signals('Unnecessary rework (tickets reopened after closure) below 5% of tickets').includes('weasel-word'));
    // Without the definition, or with a one-word aside, the word is still a claim.
    assert.equal(verdict('Unnecessary rework below 5% of tickets'), 'vague');
    assert.equal(verdict('Unnecessary rework (mostly) below 5% of tickets'), 'vague');
  });
  it('what a measured share of people feels is a survey answer; a feeling with no share is a claim', () => {
    assert.equal(verdict('Developer survey: 70% of respondents feel the docs are helpful'), 'measurable');
    assert.equal(verdict('Developers feel the docs are helpful'), 'vague');
    assert.equal(verdict('Cut build time to 5 minutes and make CI feel faster'), 'vague');
  });
  it('a gerund before a plural noun only modifies it', () => {
    assert.equal(verdict('Increase speaking slots by 20%'), 'measurable');
    assert.equal(verdict('Improve onboarding by 20%'), 'vague');
  });
});

describe('quality/wording: capability, idioms and shared objects', () => {
  it('"ready to / able to" a change verb states a capability, not a promised change', () => {
    assert.equal(verdict('New reps are certified and ready to drive customer calls within their first 30 days'), 'measurable');
    assert.equal(verdict('Drive customer calls'), 'vague');
  });
  it('"in advance of" is an idiom, not the verb "advance"', () => {
    assert.equal(verdict('All contracts for the launch are signed in advance of the go-live date'), 'measurable');
  });
  it('"at every opportunity" means always, not a scope', () => {
    assert.equal(verdict('Engineers inspect deals for technical risk at every opportunity'), 'vague');
    assert.equal(verdict('Engineers review every deal over $50k'), 'measurable');
  });
  it('in the perfect, amounts before the change verb describe its subject', () => {
    assert.equal(verdict('Customers with an adoption score of 50 or less have increased their scores by EOQ'), 'vague');
    assert.equal(verdict('Customers with an adoption score of 50 or less have increased their scores to 70 by EOQ'), 'measurable');
  });
  it('verbs in a list share the counted object after the comma', () => {
    assert.equal(verdict('The team adds new, or refines existing, 25 use-case features on the roadmap'), 'measurable');
  });
  it('a named level or standard is the target of a change', () => {
    assert.equal(verdict('Scale search to L2 and L3 requirements by EOY'), 'measurable');
    assert.equal(verdict('Scale search by EOY'), 'vague');
  });
  it('"accurately" is a claim without a check', () => {
    assert.equal(verdict('All inbound leads are scored accurately'), 'vague');
  });
});

describe('quality/wording: redactions, periods as modifiers, "one or more", means and ease claims', () => {
  it('redacted currency amounts ([$N3], $N0) are pointed-to targets, not dated milestones', () => {
    assert.equal(verdict('Partner deals add [$N3] weighted pipeline in Q3'), 'vague');
    assert.ok(analyzeKeyResultText('Partner deals add [$N3] weighted pipeline in Q3').reasons.includes('no_target'));
    assert.equal(verdict('Partner deals add $250k weighted pipeline in Q3'), 'measurable');
  });

  it('a period used as a modifier ("End of quarter survey", "in Q3 pipeline") is not a deadline', () => {
    assert.equal(verdict('End of quarter survey shows engineers understand the strategy'), 'vague');
    assert.equal(verdict('Publish the engineering strategy doc by end of quarter'), 'measurable');
  });

  it('"one (or more!)" is the quantifier "one or more", and its "more" is no weasel', () => {
    assert.ok(kinds('A Rust node is one (or more!) of the bootstrap nodes').some((k) => k.startsWith('quantifier:one (or more')));
    assert.equal(verdict('A Rust node is one (or more!) of the bootstrap nodes'), 'measurable');
    assert.equal(verdict('Bootstrap nodes get more Rust'), 'vague');
  });

  it('"by having N% …" states the level a change reaches; "by reducing …" is only a means', () => {
    assert.equal(verdict('Increase guild participation by having 80% of engineers attend one session per month'), 'measurable');
    assert.equal(verdict('Increase guild participation by reducing meeting load'), 'vague');
  });

  it('ease, fitness and clarity claims are quality words; verb homographs are not', () => {
    assert.equal(verdict('All dashboards are version controlled and easily accessed'), 'vague');
    assert.equal(verdict('All HR policies are suitable for a distributed team'), 'vague');
    assert.equal(verdict('Establish clear reporting on cloud spend (#512)'), 'vague');
    assert.equal(verdict('Clear 200 tickets from the support backlog'), 'measurable');
    assert.equal(verdict('All dashboards are version controlled'), 'measurable');
  });
});

describe('quality/wording: adverbs, frequencies and survey answers', () => {
  it('an effort or frequency adverb is measured by the count in its clause', () => {
    assert.equal(verdict('Actively engaging 20 new contributors each month'), 'measurable');
    assert.equal(verdict('Read at least two industry-related books regularly'), 'measurable');
    assert.equal(verdict('Meet regularly (biweekly) with users'), 'measurable');
    assert.equal(verdict('Actively engage with new contributors'), 'vague');
    assert.equal(verdict('Review dependencies periodically'), 'vague');
  });
  it('"on a regular basis" is a frequency with no number', () => {
    assert.equal(verdict('Engage with the community on a regular basis'), 'vague');
    assert.equal(verdict('Review the backlog every 2 weeks'), 'measurable');
  });
  it('a claim of correctness stays a claim, whatever is counted', () => {
    assert.equal(verdict('100% of inbound leads are scored accurately'), 'vague');
  });
  it('what a measured share of people reports is the survey item, not a claim', () => {
    assert.equal(verdict('85% of users report a better experience in the quarterly survey'), 'measurable');
    assert.equal(verdict('Users have a better experience'), 'vague');
  });
});

describe('quality/wording: a fuzzy noun that only names the deliverable', () => {
  it('before the head noun it says which deliverable ("transparency report"); as the head it is the claim', () => {
    assert.equal(verdict('Publish a quarterly transparency report'), 'measurable');
    assert.equal(verdict('Publish a performance report each quarter'), 'measurable');
    assert.equal(verdict('All teams adopt a test-first approach'), 'vague');
    assert.equal(verdict('All teams adopt a performance mindset'), 'vague');
  });
});

describe('quality/wording: comparatives and frequency adjectives', () => {
  it('the -er comparative of a quality adjective claims what the adjective would', () => {
    assert.equal(verdict('Cut p95 latency to 250 ms and make search feel snappier'), 'vague');
    assert.equal(verdict('Make the release checklist leaner'), 'vague');
  });
  it('"wider"/"broader" say which group; nouns ending in -er are no comparatives', () => {
    assert.equal(verdict('Merge 150 pull requests from the wider community'), 'measurable');
    assert.equal(verdict('Onboard 5 new partner developers'), 'measurable');
  });
  it('"regular"/"frequent" with no number say no frequency; a cadence or a count does', () => {
    assert.equal(verdict('Regular syncs between design and engineering'), 'vague');
    assert.equal(verdict('Frequent releases of the mobile app'), 'vague');
    assert.equal(verdict('Regular releases every 2 weeks'), 'measurable');
  });
});

describe('quality/wording: claims about how things are shared, and metric names', () => {
  it('"transparent" and "timely" claim a quality no one reads', () => {
    assert.equal(verdict('Publish a transparent monthly budget update'), 'vague');
    assert.equal(verdict('Publish the monthly budget update within 5 working days of month end'), 'measurable');
  });
  it('"Trust score" names a metric; "Trust the process" and "know the cost per lead" are states of mind', () => {
    assert.equal(verdict('Trust score in the customer survey of 70 or higher'), 'measurable');
    assert.equal(verdict('Trust the new release process'), 'vague');
    assert.equal(verdict('know cost per lead for each campaign'), 'vague');
  });
});
