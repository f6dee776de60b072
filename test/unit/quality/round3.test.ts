import * as assert from 'node:assert/strict';
import { kinds, verdict } from './helpers';

// General behaviours added after the round-3 sample (test/fixtures/quality/round3.jsonl);
// each has a case where it applies and one where it must not. Texts are written for these tests.

describe('quality/round3: periods that are not deadlines', () => {
  it('"for <period>" names the period a deliverable covers', () => {
    assert.equal(verdict('Publish a hiring plan for FY27'), 'vague');
    assert.equal(verdict('Write the migration plan for Q3/Q4 rollout'), 'vague');
    assert.equal(verdict('Publish a hiring plan by FY27'), 'measurable');
  });

  it('a period after "than (it was) in" is the reference of a comparison', () => {
    assert.equal(verdict('Onboarding takes measurably less time than it was in March'), 'vague');
    assert.equal(verdict('Onboarding guide published in March'), 'measurable');
  });

  it('lower-case quarters with a year are dates', () => {
    assert.ok(kinds('usage grows in q1 2027').some((k) => k.startsWith('date:')));
    assert.ok(!kinds('answer q1 of the survey').some((k) => k.startsWith('date:')));
  });

  it('comparatives of size and time need an amount ("shorter", "smaller")', () => {
    assert.equal(verdict('Code review queues become shorter'), 'vague');
    assert.equal(verdict('Code review queues become 2 days shorter'), 'measurable');
    assert.equal(verdict('The release no longer requires a manual sign-off step'), 'measurable');
  });
});

describe('quality/round3: amounts that are there, a little further away', () => {
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

describe('quality/round3: end states and referenced targets', () => {
  it('"agreed with <someone>" is an approval end state', () => {
    assert.equal(verdict('The escalation policy is in the handbook and agreed with the support leads'), 'measurable');
    assert.equal(verdict('The escalation policy is in the handbook'), 'vague');
  });

  it('with an approval, quality words on the approved deliverable do not spoil it', () => {
    assert.equal(verdict('The detailed budget is ready and approved by the Board'), 'measurable');
    assert.equal(verdict('The detailed budget is ready'), 'vague');
  });

  it('"hit all <X> goals" points to targets without a value', () => {
    assert.equal(verdict('Hit and track all regional revenue goals'), 'vague');
    assert.equal(verdict('Hit 100% of regional revenue goals'), 'measurable');
  });
});
