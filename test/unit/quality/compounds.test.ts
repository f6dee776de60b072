import * as assert from 'node:assert/strict';
import { verdict } from './helpers';

// Compounds: several results in one key result, each of which must be measurable.
// Each behaviour has a case where it applies and one where it must not. Texts are written for
// these tests, not copied from the labelled samples.

describe('quality/compounds: compounds with unknown verbs', () => {
  it('an imperative the lexicon does not know still opens a result', () => {
    assert.equal(verdict('Digest existing onboarding content, create a landing page, at least 2 press articles'), 'vague');
    assert.equal(verdict('Publish at least 2 press articles on remote work'), 'measurable');
  });
  it('a scope over an activity measures nothing in a compound', () => {
    assert.equal(verdict('Ensure analytics data is visible in the funnel and consult on all reporting discussions'), 'vague');
  });
  it('"secure" after an adjective is an adjective', () => {
    assert.equal(verdict('Roll out external secure coding training for all developers'), 'measurable');
    assert.equal(verdict('Secure the admin API'), 'vague');
  });
});

describe('quality/compounds: one vague part spoils the whole', () => {
  it('a counted part next to a part with a vague frequency is vague', () => {
    assert.equal(verdict('Publish 2 newsletters and engage with the community on a regular basis'), 'vague');
    assert.equal(verdict('Publish 2 newsletters and hold 3 community calls'), 'measurable');
  });
});
