import * as assert from 'node:assert/strict';
import { kinds, signals, verdict } from './helpers';

// Thresholds and scopes: comparators in words, comparatives tied to an amount or to a named
// reference, quantifiers that scope a result, and levels of named frameworks.
// Each behaviour has a case where it applies and one where it must not. Texts are written for
// these tests, not copied from the labelled samples.

describe('quality/thresholds: thresholds in words', () => {
  it('"within an hour", "in under a day", "in less than a week" are limits of one unit', () => {
    assert.ok(kinds('Answer pages within an hour').includes('duration:an hour'));
    assert.ok(kinds('Triage reports in under a day').includes('duration:a day'));
    assert.ok(kinds('Ship hotfixes in less than a week').includes('duration:a week'));
    assert.equal(verdict('Every incident is acknowledged within an hour'), 'measurable');
  });
  it('"a day" without a threshold word is not a duration limit', () => {
    assert.ok(!kinds('Spend a day with the support team').some((k) => k.startsWith('duration:')));
    assert.ok(!kinds('Meet twice a week').some((k) => k.startsWith('duration:')));
  });
  it('a prohibition opening a sentence is a target of zero', () => {
    assert.ok(kinds("Don't merge changes that break the build").some((k) => k.startsWith('quantifier:')));
    assert.equal(verdict('Do not deploy on Fridays. If a deploy breaks, revert it within an hour.'), 'measurable');
  });
  it('"don\'t" inside a sentence, or before have/need/forget, is not a prohibition', () => {
    assert.ok(!kinds('Teams that don\'t ship weekly get coaching').some((k) => k === 'quantifier:don\'t'));
    assert.ok(!kinds("Don't forget the onboarding customers").some((k) => k.startsWith('quantifier:')));
  });
});

describe('quality/thresholds: quantifiers that describe rather than target', () => {
  it('"of all sizes/kinds/types" describes a range', () => {
    assert.ok(!kinds('Support merchants of all sizes').some((k) => k.startsWith('quantifier:')));
    assert.equal(verdict('We are onboarding customers of all kinds'), 'vague');
  });
  it('"all <noun>" as scope still counts', () => {
    assert.ok(kinds('Enable SSO for all sizes of plan').some((k) => k.startsWith('quantifier:')));
    assert.equal(verdict('Enable SSO for all customer accounts'), 'measurable');
  });
  it('"each time" / "every time" as a bare repetition is not a scope', () => {
    assert.equal(verdict('Release notes get more readers each time'), 'vague');
  });
  it('"each time <clause>" is a condition that scopes the result', () => {
    assert.equal(verdict('Run the smoke suite each time we deploy'), 'measurable');
  });
});

describe('quality/thresholds: quantifiers over people and majorities', () => {
  it('everyone / nobody / a majority of scope a checkable statement', () => {
    assert.equal(verdict('Everyone in the platform team has an on-call shadow shift'), 'measurable');
    assert.equal(verdict('Nobody is paged for the same alert twice in a week'), 'measurable');
    assert.equal(verdict('Support answers a majority of tickets through the help center'), 'measurable');
  });
  it('a state of mind is not checkable, whoever has it', () => {
    assert.equal(verdict('Everyone in engineering knows the incident process'), 'vague');
    assert.equal(verdict('Everybody understands the new pricing'), 'vague');
  });
  it('"majority" without a determiner is not the threshold', () => {
    assert.ok(!kinds('Majority rule decides the roadmap').some((k) => k.startsWith('quantifier')));
  });
});

describe('quality/thresholds: descriptions of what is counted, names, and thresholds on levels', () => {
  it('a means or relative clause after a count does not spoil it', () => {
    assert.equal(verdict('Grow newsletter subscribers by 15% through regular sharing of useful tips'), 'measurable');
    assert.equal(verdict('Fix 4 billing bugs that block significant upgrades'), 'measurable');
  });
  it('the same quality word on the result itself still spoils it', () => {
    assert.equal(verdict('Publish 4 useful tips'), 'vague');
  });
  it('"or higher" after a named level is a threshold; "make it possible" enables', () => {
    assert.equal(verdict('40% of trial accounts at the "active" stage or higher'), 'measurable');
    assert.ok(!signals('Make it possible to deploy from the main branch').includes('weasel-word'));
    assert.ok(signals('Deploy as fast as possible').includes('weasel-word'));
  });
  it('"Zero" opening a capitalised name is not zero; "zero incidents" is', () => {
    assert.equal(verdict('Continue the rollout of Zero Trust networking'), 'vague');
    assert.equal(verdict('Zero P1 incidents caused by config changes'), 'measurable');
  });
  it('"x2" after a role counts; hiring "a team" is not one hire', () => {
    assert.ok(kinds('Fill open roles: SRE x2, Data Engineer').some((k) => k.startsWith('number:')));
    assert.equal(verdict('Hire a platform team'), 'vague');
  });
  it('interoperable and "as the recommended" are end states; proficiency is a quality claim', () => {
    assert.equal(verdict('The Rust and Go clients are interoperable'), 'measurable');
    assert.equal(verdict('The new CLI replaces the old one as the recommended install path'), 'measurable');
    assert.equal(verdict('All account managers are proficient in the new CRM'), 'vague');
  });
});

describe('quality/thresholds: scope quantifiers', () => {
  it('"that no X" is a zero quantifier ("Ensure that no outage blocks a renewal")', () => {
    assert.equal(verdict('Ensure that no outage blocks a renewal for any enterprise customer'), 'measurable');
    // "no" in "know" / "no later" idioms stays out
    assert.equal(verdict('Ensure that the team knows the renewal process'), 'vague');
  });

  it('a negated possession is an end state of zero', () => {
    assert.equal(verdict("The monorepo doesn't have vendored copies of third-party SDKs"), 'measurable');
    assert.equal(verdict('The release no longer requires a manual sign-off step'), 'measurable');
    assert.equal(verdict('The monorepo has vendored copies of third-party SDKs'), 'vague');
  });

  it('"for all X" is scope; "once and for all" is an idiom', () => {
    assert.ok(kinds('Runbooks exist for all services').includes('quantifier:all'));
    assert.ok(!kinds('Fix the flaky build once and for all').includes('quantifier:all'));
  });
});

describe('quality/thresholds: comparatives tied to an amount or a named reference', () => {
  it('"<amount> or better / or higher" is a threshold, not the verb "better" or a quality word', () => {
    assert.equal(verdict('Achieve a Lighthouse accessibility score of 95 or better'), 'measurable');
    assert.equal(verdict('Keep the app store rating at 4.5 or higher'), 'measurable');
    assert.ok(!signals('Achieve a Lighthouse accessibility score of 95 or better').includes('weasel-verb'));
    assert.equal(verdict('Make the accessibility score better'), 'vague');
  });
  it('matching or beating a named reference is a readable threshold; an unnamed one is not', () => {
    assert.equal(verdict('Service uptime matches or is higher than the AWS SLA'), 'measurable');
    assert.equal(verdict('Uptime is at least as high as Heroku'), 'measurable');
    assert.equal(verdict('Search is better than competitors'), 'vague');
    assert.equal(verdict('Performance better than before'), 'vague');
  });
  it('a level defined by a named external framework is a target', () => {
    assert.equal(verdict('Reach OpenSSF Best Practices silver level'), 'measurable');
    assert.equal(verdict('The platform is assessed at level 3 of the CMMI model'), 'measurable');
    assert.equal(verdict('Reach a higher maturity level'), 'vague');
    assert.equal(verdict('Meet the Digital Service Standard'), 'measurable');
    assert.equal(verdict('Meet our quality standards'), 'vague');
  });
});

describe('quality/thresholds: spans of time in words', () => {
  it('"more than a week" is a threshold; "better than a year ago" is a comparison with no amount', () => {
    assert.equal(verdict('No P1 bugs open for more than a week'), 'measurable');
    assert.equal(verdict('Issues are better than a year ago'), 'vague');
  });
});

describe('quality/thresholds: a metric compared with another thing\'s reading', () => {
  it('a named metric higher or lower than another thing\'s is a threshold both sides of which can be read', () => {
    assert.equal(verdict('Renewal rate for self-serve accounts is higher than the sales-led accounts\''), 'measurable');
    assert.equal(verdict('Error rate of the new parser lower than the old parser\'s'), 'measurable');
  });
  it('no metric, or a comparison with "before", is still a quality claim', () => {
    assert.equal(verdict('Community spirit is higher than last season'), 'vague');
    assert.equal(verdict('Make page load times faster than before'), 'vague');
  });
});

describe('quality/thresholds: shares and bounds in words', () => {
  it('"nine in ten", "one out of five", "two-thirds of", "a quarter of" are shares of a counted whole', () => {
    assert.ok(kinds('Eight in ten visitors find the answer without calling').includes('ratio:Eight in ten'));
    assert.ok(kinds('One out of five sign-ups comes from a referral').includes('ratio:One out of five'));
    assert.equal(verdict('Three-quarters of new services reuse a shared component'), 'measurable');
    assert.equal(verdict('A third of first-time contributors return within a month'), 'measurable');
  });
  it('"in"/"out of" between numbers that count no share are not one', () => {
    assert.ok(!kinds('Meet one in two weeks').some((k) => k.startsWith('ratio:')));
    assert.equal(verdict('Put the docs in one place'), 'vague');
  });
  it('"single-digit percentage" is an upper bound; "double-digit" a lower one, not a doubling', () => {
    assert.equal(verdict('Keep a single-digit percentage of deploys rolled back'), 'measurable');
    assert.ok(kinds('Double-digit percent growth in paid seats').includes('percent:Double-digit percent'));
    assert.ok(kinds('Double the paid seats').includes('multiplier:Double'));
  });
  it('"cut in half" halves, as "halve" does; "in half a day" does not', () => {
    assert.equal(verdict('Time from report to patch cut in half'), 'measurable');
    assert.ok(!kinds('Ship the fix in half a day').some((k) => k.startsWith('multiplier:')));
  });
  it('what a measured share of people answers may follow several words of the question', () => {
    assert.equal(verdict('85% of applicants rate the online service as quick or very quick to use'), 'measurable');
    assert.equal(verdict('Make the online service quick to use'), 'vague');
  });
});
