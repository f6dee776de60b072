import * as assert from 'node:assert/strict';
import { analyzeKeyResultText, extractQuantities } from '../../../server/src/core/quality';
import { amounts, kinds, verdict } from './helpers';

// What counts as an amount: numbers, number words and cadences do; names, identifiers, versions,
// amounts of a feeling and amounts that describe where things stand do not.
// Each behaviour has a case where it applies and one where it must not. Texts are written for
// these tests, not copied from the labelled samples.

describe('quality/amounts: names and identifiers are not amounts or fuzzy nouns', () => {
  it('a release line ("the 3.x branch", "4.X") names versions, it counts nothing; a count beside it stays', () => {
    assert.deepEqual(amounts('Backport security fixes to the 3.x branch'), []);
    assert.deepEqual(amounts('End support for 4.X'), []);
    assert.equal(verdict('Harden the 3.x branch'), 'vague');
    assert.deepEqual(amounts('Ship 3 fixes to the 5.x branch'), ['3']);
  });
  it('one more person in a role is a count of one; one more thing, or a person the metric names, is not', () => {
    assert.equal(verdict('Onboard a third on-call engineer'), 'measurable');
    assert.equal(verdict('Appoint another community steward'), 'measurable');
    assert.deepEqual(amounts('Onboard a new partner ecosystem'), []);
    assert.deepEqual(amounts('Shorten the time it takes to onboard a new maintainer'), []);
  });
  it('"single" before a hyphenated compound names a kind ("single sign-on"), not a count of one', () => {
    assert.deepEqual(amounts('Investigate a single sign-on for partner portals'), []);
    assert.equal(verdict('Investigate a single sign-on for partner portals'), 'vague');
    assert.equal(amounts('Hire a single on-call engineer for the night shift').length, 1, 'a hire still counts one');
  });
  it('a capitalised name is not a fuzzy object ("Culture Amp")', () => {
    assert.equal(verdict('Implement at least one Culture Amp action item'), 'measurable');
    assert.equal(verdict('Implement at least one culture change'), 'vague');
  });

  it('a capitalised "No" inside a sentence is part of a name', () => {
    assert.equal(verdict('Roll out the NetSuite PO module and the No PO, No Pay Policy'), 'vague');
    assert.ok(kinds('Ensure no P1 incidents stay open').some((k) => k.startsWith('quantifier:')));
  });

  it('"&2023" and "PostgreSQL 11 upgrade" are references and versions', () => {
    assert.ok(!kinds('Scope the partitioning MVC, related epic gitlab-org&2023').some((k) => k.startsWith('number:')));
    assert.ok(!kinds('Plan the PostgreSQL 11 upgrade').some((k) => k.startsWith('number:')));
    assert.equal(verdict('Create the first Kubernetes/Omnibus 50K reference architecture'), 'vague');
    // A count after a name is still a count when it counts a plural noun.
    assert.ok(kinds('Migrate GitLab 500 customers to the new plan').some((k) => k.startsWith('number:500')));
  });

  it('named hires after hire/onboard count as one each', () => {
    assert.equal(verdict('Onboard VP Engineering and Director of SRE'), 'measurable');
    assert.equal(verdict('Onboard new team members'), 'vague');
  });

  it('a cadence before targets or plans names the period, not a cadence of work', () => {
    assert.equal(verdict('Develop agreed quarterly targets and reporting on QTD performance'), 'vague');
    assert.equal(verdict('Run quarterly reviews of the roadmap with every team lead'), 'measurable');
  });
});

describe('quality/amounts: abbreviations do not end a sentence', () => {
  it('"avg." keeps the change verb and its from-to amount in one clause', () => {
    assert.equal(verdict('Raise avg. session length from 40 seconds to 90 seconds'), 'measurable');
    assert.equal(verdict('Cut approx. monthly cloud spend from $40k to $30k'), 'measurable');
  });
  it('a real sentence end still separates a vague second sentence', () => {
    assert.equal(verdict('Raise session length from 40 seconds to 90 seconds. Improve onboarding'), 'vague');
  });
  it('offsets into the title are unchanged', () => {
    const text = 'Raise avg. session length from 40 seconds to 90 seconds';
    const q = analyzeKeyResultText(text).quantities[0]!;
    assert.equal(text.slice(q.start, q.end), '40 seconds');
  });
});

describe('quality/amounts: numbers that name things', () => {
  it('a number coordinated with a named one is a name too ("Phase 1 and 2")', () => {
    assert.deepEqual(amounts('Finish phase 1 and 2 of the billing rewrite'), []);
    assert.deepEqual(amounts('Move tier 1, 2 customers to the new plan'), []);
    assert.deepEqual(amounts('Finish 3 phases of the billing rewrite'), ['3']);
  });
  it('a plan or law with a letter in parentheses, a standard, a review format', () => {
    assert.deepEqual(amounts('Pick a 401(k) provider'), []);
    assert.deepEqual(amounts('FIPS 140-2 validation for the crypto module'), []);
    assert.deepEqual(amounts('Roll out 360 feedback for managers'), []);
    assert.equal(verdict('Pick a 401(k) provider'), 'vague');
  });
  it('a metric acronym keeps its range, and a plain range still counts', () => {
    assert.deepEqual(amounts('Hold NPS 40-50 through the year'), ['40', '50']);
    assert.deepEqual(amounts('Onboard 3-5 design partners'), ['3', '5']);
  });
  it('"1:1" before a noun is a kind of mapping or meeting; "3:1" is a ratio', () => {
    assert.deepEqual(amounts('Complete the 1:1 mapping between accounts and subscriptions'), []);
    assert.deepEqual(amounts('Reach a 3:1 ratio of pipeline to quota'), ['3:1']);
  });
  it('"single" without "a" means unified; "a single" counts', () => {
    assert.equal(verdict('Implement single sign-on storage'), 'vague');
    assert.deepEqual(amounts('Trim down to a single deploy pipeline'), ['single']);
  });
  it('a release number and a year-quarter are not amounts', () => {
    assert.deepEqual(amounts('Announce releases 0.3 to the community'), []);
    assert.ok(extractQuantities('Plan the campaigns for 2027Q1').some((q) => q.kind === 'date' && q.text === '2027Q1'));
  });
});

describe('quality/amounts: names that carry numbers', () => {
  it('a year before a capitalised noun names an edition; a year after "in" is a date', () => {
    assert.deepEqual(amounts('Plan the venue for the 2027 Summit'), []);
    assert.equal(verdict('Plan the venue for the 2027 Summit'), 'vague');
    assert.ok(extractQuantities('Open the Berlin office in 2027').some((q) => q.kind === 'date'));
  });
  it('"N+1" and "Day 1" are names', () => {
    assert.deepEqual(amounts('Prioritize the N+1 query issues'), []);
    assert.deepEqual(amounts('New hires are online on Day 1'), []);
  });
  it('a relative deadline closing the sentence is still a deadline', () => {
    assert.ok(extractQuantities('Implement encrypted credential storage by week 3.').some((q) => q.kind === 'date' && q.text === 'week 3'));
    assert.equal(verdict('Implement encrypted credential storage by week 3.'), 'measurable');
  });
  it('a scope inside what a feature does is not the key result\'s scope', () => {
    assert.deepEqual(amounts('Let users opt out of uploading every thumbnail'), []);
    assert.deepEqual(amounts('Upload every thumbnail to the CDN'), ['every']);
  });
  it('reaching a named level is a target', () => {
    assert.equal(verdict('Achieve level 3 of the security maturity model'), 'measurable');
    assert.equal(verdict('Document level 3 of the security maturity model'), 'vague');
  });
});

describe('quality/amounts: things that look like amounts but are not', () => {
  it('"daily / weekly / monthly active users" names a metric, not a cadence', () => {
    assert.deepEqual(kinds('Daily active users are tracked in the dashboard'), []);
    assert.deepEqual(kinds('Daily, weekly and monthly active users are tracked'), []);
    assert.equal(verdict('Daily, weekly and monthly active users are tracked'), 'vague');
    // a cadence stays a cadence
    assert.ok(kinds('Weekly review of the on-call backlog').includes('quantifier:Weekly'));
  });

  it('"one" closing a clause after select/implement/... is a pronoun', () => {
    assert.equal(verdict('Compare ticketing tools, then select and implement one'), 'vague');
    assert.equal(verdict('Select and implement one ticketing tool for all regions'), 'measurable');
    assert.ok(kinds('Cut open sev-1 incidents from 4 to one').some((k) => k.startsWith('number:one')));
  });

  it('numbers inside "(i.e. …)" / "(e.g. …)" define a term and are not targets', () => {
    assert.equal(verdict('Onboarding milestones (i.e. account created, >2 projects added) are tracked'), 'vague');
    assert.equal(verdict('Onboarding milestones are tracked and >2 projects are added by 60% of new teams'), 'measurable');
  });

  it('a trailing "Likely via …" sentence is commentary, not another result', () => {
    assert.equal(verdict('Grow active repositories by 300. Likely via a push to improve search onboarding.'), 'measurable');
    // a second real sentence still counts
    const a = analyzeKeyResultText('Grow active repositories by 300. Improve search onboarding.');
    assert.equal(a.measurable, false);
  });
});

describe('quality/amounts: amounts that are not targets', () => {
  it('the amount of a feeling ("100% confidence in") is no reading; a share of people is', () => {
    assert.equal(verdict('100% confidence in our release process'), 'vague');
    assert.equal(verdict('Team has 100% confidence in the deployment pipeline'), 'vague');
    assert.equal(verdict('90% of engineers have confidence in the release process'), 'measurable');
  });
  it('an amount that says where things stand is not the target', () => {
    assert.equal(verdict('Reduce churn, currently 5%'), 'vague');
    assert.equal(verdict('Grow contributors beyond the 40 we had last year'), 'vague');
    assert.equal(verdict('Reduce churn, currently 5%, to 3%'), 'measurable');
    assert.equal(verdict('Grow contributors from 40 to 60'), 'measurable');
  });
});

describe('quality/amounts: the object of a feeling', () => {
  it('an amount inside what someone has confidence in is not a reading of the confidence', () => {
    assert.equal(verdict('Team confidence in hitting 99.9% uptime'), 'vague');
    assert.equal(verdict('Hit 99.9% uptime'), 'measurable');
  });
});

describe('quality/amounts: an amount belongs to its own clause', () => {
  it('a fronted "As/With/Following/Given …," clause sets the scene; its amounts are not the target', () => {
    assert.equal(verdict('As the team grows to 12 engineers, make code review smoother'), 'vague');
    assert.equal(verdict('Given the 4 sev-1 incidents last half, make deploys safer'), 'vague');
    assert.equal(verdict('With 6 new partners signed, deepen the partner relationships'), 'vague');
  });
  it('the key result after the comma keeps its own amount', () => {
    assert.equal(verdict('Following the pricing change, 70% of trials convert within 30 days'), 'measurable');
    assert.equal(verdict('After 2 weeks, 90% of new hires have shipped a change'), 'measurable');
  });
  it('a year or a dotted version between a determiner and its noun names an edition or a version', () => {
    assert.deepEqual(amounts('Publish the 2027 impact report'), []);
    assert.deepEqual(amounts('Finalise our 3.0 migration plan'), []);
    assert.equal(verdict('Publish the 2027 impact report'), 'vague');
    assert.equal(verdict('Publish the 2027 impact report by 30 April'), 'measurable');
  });
  it('a level of a metric, a plural head or a unit keeps the amount', () => {
    assert.deepEqual(amounts('Keep the 4.5 rating on the marketplace'), ['4.5']);
    assert.equal(verdict('Onboard the 2000 users on the waiting list'), 'measurable');
  });
  it('a day before the month is a date', () => {
    assert.ok(kinds('Ship the installer by 15 September').some((k) => k.startsWith('date:')));
    assert.ok(kinds('Open applications on 1st October 2027').some((k) => k.startsWith('date:')));
    assert.ok(!kinds('5 may join the pilot').some((k) => k.startsWith('date:')));
  });
  it('a passive\'s "by N <things>" counts who did it, not the size of a change in the noun before', () => {
    assert.equal(verdict('Leadership framework used by 8 business units'), 'measurable');
    assert.equal(verdict('Raise engineering productivity by 15%'), 'vague');
  });
  it('a decimal star rating is an amount; "one-on-ones" is no duration', () => {
    assert.deepEqual(amounts('Hold a 4.7-star rating in the app store'), ['4.7']);
    assert.ok(!kinds('Weekly one-on-ones for every manager').some((k) => k.startsWith('duration:')));
  });
});

describe('quality/amounts: definitions and changes in words', () => {
  it('a parenthetical that defines the metric is not its fuzzy object', () => {
    assert.equal(verdict('Reduce avoidable contact (calls about progress) from 30% of calls to 20%'), 'measurable');
    assert.equal(verdict('Reduce progress from 30% to 20%'), 'vague');
  });
  it('"by a fifth", "by two-thirds" size a change', () => {
    assert.ok(kinds('Cut build minutes by a fifth').includes('ratio:a fifth'));
    assert.equal(verdict('Cut build minutes by a fifth'), 'measurable');
    assert.equal(verdict('Cut build minutes'), 'vague');
  });
});
