import * as assert from 'node:assert/strict';
import { kinds, verdict } from './helpers';

// General behaviours added in round 6, from the error classes that recur across the blind
// samples' first measurements (docs/rules/kr-not-measurable.md, "Generalisation"). Each has
// a case where it applies and one where it must not. Texts are written for these tests.

describe('quality/round6: referential "relevant" and "appropriate"', () => {
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

describe('quality/round6: capitalised names are not fuzzy metrics', () => {
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

describe('quality/round6: thresholds in words', () => {
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

describe('quality/round6: quantifiers that describe rather than target', () => {
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

describe('quality/round6: quality phrases', () => {
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

describe('quality/round6: "out-of-the-box" end state', () => {
  it('predicative ("works out of the box") is an end state', () => {
    assert.equal(verdict('The CLI works out of the box on Windows'), 'measurable');
    assert.equal(verdict('Tracing is out-of-the-box.'), 'measurable');
  });
  it('attributive ("out-of-the-box dashboards") only describes the deliverable', () => {
    assert.equal(verdict('Deliver out-of-the-box reports'), 'vague');
  });
});
