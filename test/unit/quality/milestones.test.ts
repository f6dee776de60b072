import * as assert from 'node:assert/strict';
import { analyzeKeyResultText } from '../../../server/src/core/quality';
import { kinds, signals, verdict } from './helpers';

// Binary milestones: a deliverable passes with a deadline (a date or an event) or a verifiable end
// state, and not with mere existence; periods that only name a time are not deadlines.
// Each behaviour has a case where it applies and one where it must not. Texts are written for
// these tests, not copied from the labelled samples.

describe('quality/milestones: periods that are not deadlines', () => {
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

describe('quality/milestones: end states and referenced targets', () => {
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

describe('quality/milestones: dates that do not date the deliverable', () => {
  it('a date inside a purpose clause ("to <verb> … in Q2") dates the purpose', () => {
    assert.equal(verdict('Develop a partner course to launch to the field team in early Q2'), 'vague');
    assert.equal(verdict('Define objectives for the roles to be hired in FY27'), 'vague');
    // "to" before a noun is a destination, and the date is the deliverable's.
    assert.equal(verdict('Migrate the billing service to Kubernetes by Q3'), 'measurable');
    // A bare date closing the line dates every part of it (dev kr-0402).
    assert.equal(verdict('Course created, trainer ready to deliver to the field team 2027-08.'), 'measurable');
  });

  it('a dated activity is not a milestone, a dated output is', () => {
    assert.equal(verdict('Evaluate the vendor options at EOQ'), 'vague');
    assert.equal(verdict('Publish the vendor comparison at EOQ'), 'measurable');
  });

  it('relative deadlines: "by week 3", "in sprint 4"', () => {
    assert.equal(verdict('Implement secure credential storage by week 3'), 'measurable');
    assert.equal(verdict('Implement secure credential storage'), 'vague');
    assert.ok(kinds('Ship the importer in sprint 4').some((k) => k.startsWith('date:')));
    assert.ok(!kinds('Run 4 sprints of user tests').some((k) => k.startsWith('date:')));
  });
});

describe('quality/milestones: "out-of-the-box" end state', () => {
  it('predicative ("works out of the box") is an end state', () => {
    assert.equal(verdict('The CLI works out of the box on Windows'), 'measurable');
    assert.equal(verdict('Tracing is out-of-the-box.'), 'measurable');
  });
  it('attributive ("out-of-the-box dashboards") only describes the deliverable', () => {
    assert.equal(verdict('Deliver out-of-the-box reports'), 'vague');
  });
});

describe('quality/milestones: single hires without an article', () => {
  it('a singular role after hire is one hire; "hire or assign an owner" too', () => {
    assert.equal(verdict('Hire senior data engineer'), 'measurable');
    assert.equal(verdict('Hire or appoint a release manager'), 'measurable');
  });
  it('a plural role has no count', () => {
    assert.equal(verdict('Hire data engineers'), 'vague');
  });
});

describe('quality/milestones: end states and counts in words', () => {
  it('negated failures, on-by-default, becoming the standard, compatibility with a named system', () => {
    assert.equal(verdict('Make nightly imports not crash on malformed rows'), 'measurable');
    assert.equal(verdict('Ship code search as on-by-default for public repositories'), 'measurable');
    assert.equal(verdict('Make the v2 API the standard interface for integrations'), 'measurable');
    assert.equal(verdict('SAML login compatible with Okta'), 'measurable');
  });
  it('without the state, the same deliverables stay vague', () => {
    assert.equal(verdict('Make nightly imports robust'), 'vague');
    assert.equal(verdict('SAML login'), 'vague');
  });
  it('"at least once", "one more <thing>" and "all possible" are amounts or scope', () => {
    assert.ok(kinds('Run the game day at least once').includes('number:at least once'));
    assert.equal(verdict('Support one more database engine'), 'measurable');
    assert.equal(verdict('Retry all possible transient errors'), 'measurable');
    assert.equal(verdict('Handle errors as gracefully as possible'), 'vague');
  });
  it('a year after "Q4 &" is a date, not a count', () => {
    assert.ok(kinds('Plan events for Q4 & 2027').includes('date:2027'));
  });
});

describe('quality/milestones: end states and parts', () => {
  it('migrating or upgrading to a version is a checkable end state', () => {
    assert.equal(verdict('Upgrade the build cluster to version 14'), 'measurable');
    assert.equal(verdict('Upgrade the build cluster'), 'vague');
  });
  it('an end state settles its own part only', () => {
    assert.equal(verdict('Write the runbook, rework the alerts, and upgrade the database to version 16'), 'vague');
  });
  it('a participle after a counted result describes it; a second infinitive continues the purpose', () => {
    for (const text of ['Deliver 5 webinars focused on practitioners, and aligned to campaigns', 'Pick 2 community events to attend and recruit from']) {
      const a = analyzeKeyResultText(text);
      assert.equal(a.measurable, true, text);
      assert.equal(a.compound, false, `one result: ${text}`);
    }
    assert.equal(analyzeKeyResultText('Deliver 5 webinars, and align the campaigns to them').compound, true);
  });
  it('a purpose in a later sentence still serves the counted result', () => {
    assert.equal(verdict('Deliver a series of 5 webinars. Pair with sales to drive attendance.'), 'measurable');
    assert.equal(verdict('Pair with sales to drive attendance.'), 'vague');
  });
  it('"commit to" opens a result of its own in a list', () => {
    assert.equal(verdict('Work with people ops on event collateral, commit to 2 events, and put together a proposal'), 'vague');
  });
});

describe('quality/milestones: periods that are not deadlines, and direct objects', () => {
  it('"for Q4 and 2027" names the periods a plan covers, both of them', () => {
    assert.equal(verdict('Define a schedule of campaigns for Q4 and 2027Q1'), 'vague');
    assert.equal(verdict('Define a schedule of campaigns by Q4'), 'measurable');
  });
  it('"until" says how long an effort lasts, not when it is due', () => {
    assert.equal(verdict('Plan participation in research events until the 1st half of 2027'), 'vague');
    assert.equal(verdict('Plan participation in research events before the 1st half of 2027'), 'measurable');
  });
  it('a fuzzy noun after a preposition is not the direct object', () => {
    assert.equal(verdict('Meet those users monthly and gather feedback from their experience'), 'measurable');
    assert.equal(verdict('Adopt a test-first approach'), 'vague');
  });
});

describe('quality/milestones: words and end states', () => {
  it('"best practices" is a term, not a quality claim', () => {
    assert.equal(verdict('The runbook documents incident best practices for all services'), 'measurable');
    assert.equal(verdict('The runbook documents the best incident handling for all services'), 'vague');
  });

  it('a named audited standard is a verifiable end state; GDPR compliance is not', () => {
    assert.equal(verdict('Achieve SOC2 Type1 compliance'), 'measurable');
    assert.equal(verdict('Obtain ISO 27001 certification'), 'measurable');
    assert.equal(verdict('Achieve GDPR compliance'), 'vague');
  });
});

describe('quality/milestones: binary milestones with an event deadline or a check by someone else', () => {
  it('a vote or an approval at a named meeting is a verifiable end state', () => {
    assert.equal(verdict('Charter voted on at the annual general meeting'), 'measurable');
    assert.equal(verdict('Proposal passes the community vote at the March board meeting'), 'measurable');
    assert.equal(verdict('Discuss the charter at the annual meeting'), 'vague');
  });
  it('a review by an outside party passes; a review by the team itself does not', () => {
    assert.equal(verdict('Contributor licence agreement reviewed by a lawyer'), 'measurable');
    assert.equal(verdict('Security policy audited by an external auditor'), 'measurable');
    assert.equal(verdict('Docs reviewed by the team'), 'vague');
  });
  it('replacement by a named product is an end state; replacement alone is not', () => {
    assert.equal(verdict('Legacy CMS replaced with WordPress'), 'measurable');
    assert.equal(verdict('The build server is replaced by GitHub Actions'), 'measurable');
    assert.equal(verdict('Legacy CMS replaced'), 'vague');
    // The task, undated, is still a task.
    assert.equal(verdict('Replace the build server with GitHub Actions'), 'vague');
    assert.equal(verdict('Replace the old CMS'), 'vague');
  });
});

describe('quality/milestones: a count of one is a single deliverable', () => {
  it('"one <deliverable>" after an output verb needs a date or an end state', () => {
    assert.equal(verdict('Publish one onboarding guide'), 'vague');
    assert.equal(verdict('Build one new integration'), 'vague');
    assert.equal(verdict('Publish one guide by March 31'), 'measurable');
    assert.equal(verdict('Ship one integration that passes the partner certification tests'), 'measurable');
  });
  it('people are counted, one or more', () => {
    assert.equal(verdict('Hire one designer'), 'measurable');
    assert.equal(verdict('Publish 2 onboarding guides'), 'measurable');
  });
});

describe('quality/milestones: events and programmes', () => {
  it('an event dates a deliverable as a date would', () => {
    assert.equal(verdict('Launch the new docs site at KubeCon EU'), 'measurable');
    assert.equal(verdict('Publish the migration guide ahead of the v3 release'), 'measurable');
    assert.equal(verdict('Ship the installer by the next board meeting'), 'measurable');
    assert.ok(analyzeKeyResultText('Ship the installer by the next board meeting').reasons.includes('deadline_only'));
  });
  it('an event does not make an activity or an unmeasured change a result, and "for release …" names no event', () => {
    assert.equal(verdict('Discuss the charter at the annual meeting'), 'vague');
    assert.equal(verdict('Improve docs before the next release'), 'vague');
    // "at" an unnamed event says where something happens, not when it is due.
    assert.equal(verdict('Present the roadmap at the all-hands'), 'vague');
    assert.equal(verdict('Launch the SDK at the Open Source Summit'), 'measurable');
    assert.equal(verdict('Define KPIs and build monitoring for release cycle performance'), 'vague');
  });
  it('an occasion is found by the shape of the phrase: a time preposition, the one occasion meant, and its noun', () => {
    assert.equal(verdict('Charter amendment published by the October community call'), 'measurable');
    assert.equal(verdict('Deprecate the legacy endpoint in the upcoming major release'), 'measurable');
    assert.equal(verdict('Treasury policy drafted before the next token holder vote'), 'measurable');
    assert.equal(verdict('Ship the signing service before public beta'), 'measurable');
    assert.equal(verdict('Ship the signing service by GA'), 'measurable');
    assert.ok(signals('Charter amendment published by the October community call').includes('deadline'));
  });
  it('an occasion must end its phrase and, after "in" or "at", be placed in time', () => {
    // A means ("by the review process") and a place ("at the community call") are no deadlines.
    assert.equal(verdict('Publish the style guide by the review process'), 'vague');
    assert.equal(verdict('Publish the style guide at the community call'), 'vague');
    assert.equal(verdict('Publish the style guide in the release'), 'vague');
    // An occasion still does not make an activity or an unmeasured change a result.
    assert.equal(verdict('Discuss treasury options before the next token holder vote'), 'vague');
    assert.equal(verdict('Improve the installer by the October community call'), 'vague');
  });
  it('a check done by a named outside party is an end state; done by the team, or by a day, it is not', () => {
    assert.equal(verdict('Penetration test of the wallet carried out by NCC Group'), 'measurable');
    assert.ok(signals('Accessibility audit performed by the Digital Accessibility Centre').includes('end-state'));
    assert.equal(verdict('Accessibility audit performed by the team'), 'vague');
    assert.ok(!signals('Accessibility audit performed by Friday').includes('end-state'));
  });
  it('the end of a named kind of year dates a deliverable as the end of the year does', () => {
    assert.ok(kinds('Publish the records schedule by the end of the financial year').some((k) => k.startsWith('date:')));
    assert.equal(verdict('Publish the records schedule by the end of the fiscal year'), 'measurable');
    assert.equal(verdict('Publish the records schedule'), 'vague');
  });
  it('a named level, tier or status reached is an end state; a level that is only a degree is not', () => {
    assert.equal(verdict('The SDK reaches Incubating maturity level in the foundation'), 'measurable');
    assert.equal(verdict('Achieve Platinum partner status with the cloud marketplace'), 'measurable');
    assert.equal(verdict('Reach a high level of code quality'), 'vague');
    assert.equal(verdict('Reach the next level'), 'vague');
  });
  it('passing a named assessment or vote, or a status a named programme grants, is an end state', () => {
    assert.equal(verdict('Pass the beta service assessment'), 'measurable');
    assert.equal(verdict('Proposal passes on-chain vote'), 'measurable');
    assert.equal(verdict('Graduate from the CNCF incubator'), 'measurable');
    assert.equal(verdict('Prepare for the service assessment'), 'vague');
  });
});

describe('quality/milestones: signatures', () => {
  it('signed by the parties is an approval; signed alone is not', () => {
    assert.equal(verdict('Get the grant agreement signed by both parties'), 'measurable');
    assert.equal(verdict('Get the grant agreement signed'), 'vague');
  });
});

describe('quality/milestones: a decision a formal or named body takes, in any form', () => {
  it('a participle with the body that decides is a verifiable end state', () => {
    assert.equal(verdict('Hosting agreement signed with the Apache Software Foundation'), 'measurable');
    assert.equal(verdict('Updated bylaws ratified at the spring members assembly'), 'measurable');
    assert.equal(verdict('Contributor licence agreement reviewed by the project\'s outside counsel'), 'measurable');
    assert.equal(verdict('Sandbox project voted incubating by the TOC'), 'measurable');
    assert.ok(signals('Hosting agreement signed with the Apache Software Foundation').includes('end-state'));
  });
  it('an order to take the decision through a vote or a meeting is one too', () => {
    assert.equal(verdict('Adopt the new fee schedule through a token-holder vote'), 'measurable');
    assert.equal(verdict('Approve the grants budget at the quarterly council meeting'), 'measurable');
  });
  it('the team itself, unnamed adopters or a document noun decide nothing', () => {
    assert.equal(verdict('Release plan reviewed by the team'), 'vague');
    assert.equal(verdict('Style guide adopted by teams across the company'), 'vague');
    assert.equal(verdict('Work on the hosting agreement with the Apache Software Foundation'), 'vague');
  });
  it('quarters and months after the preposition are dates, not bodies', () => {
    assert.ok(!signals('Design doc reviewed in Q3').includes('end-state'));
  });
});

describe('quality/milestones: a standing a named framework grants', () => {
  it('reaching a certification, authorization, badge or a named level of compliance passes', () => {
    assert.equal(verdict('Obtain StateRAMP High authorization for the hosted product'), 'measurable');
    assert.equal(verdict('Earn the CII Best Practices silver badge'), 'measurable');
    assert.equal(verdict('Become PCI DSS Level 2 compliant'), 'measurable');
  });
  it('compliance with no certifier or level, and getting ready for one, do not', () => {
    assert.equal(verdict('Become CCPA compliant'), 'vague');
    assert.equal(verdict('Prepare for the SOC 2 Type II audit'), 'vague');
    assert.equal(verdict('Build ISO 27001 certification'), 'vague');
    assert.equal(verdict('Work towards HITRUST certification'), 'vague');
  });
  it('a grade a named assessment awards is a reading', () => {
    assert.equal(verdict('Achieve Outstanding in the annual accessibility inspection'), 'measurable');
    assert.equal(verdict('Achieve good outcomes in the annual accessibility inspection'), 'vague');
  });
});

describe('quality/milestones: a named product replaced, a named release', () => {
  it('the state "X replaces Y" or "…, replacing Y" is verifiable; the order "Replace Y" is a task', () => {
    assert.equal(verdict('Discourse replaces the Google Group for user support by June'), 'measurable');
    assert.equal(verdict('Status page live on the new host, replacing Statuspage.io'), 'measurable');
    assert.equal(verdict('Replace Statuspage.io with our own status page'), 'vague');
  });
  it('shipping in a release a version names is dated by that release', () => {
    assert.equal(verdict('Ship the new resolver in the 4.2 feature release'), 'measurable');
    assert.equal(verdict('Ship the new resolver'), 'vague');
  });
  it('"a single" deliverable is one deliverable, with or without the article', () => {
    assert.equal(verdict('Write a single migration guide for plugin authors'), 'vague');
    assert.equal(verdict('Write a single migration guide for plugin authors by the 4.2 release'), 'measurable');
  });
});

describe('quality/milestones: the body as the subject of its decision, or the decision as a noun', () => {
  it('"<body> approves X", "Board sign-off on X", "approval from <named body>" are verifiable end states', () => {
    assert.equal(verdict('The chief information security officer approves the threat model'), 'measurable');
    assert.equal(verdict('Steering committee sign-off on the migration plan'), 'measurable');
    assert.equal(verdict('Obtain approval from Ofcom for the new numbering plan'), 'measurable');
  });
  it('a team or an unnamed party deciding is not', () => {
    assert.equal(verdict('Team approves the migration plan'), 'vague');
    assert.equal(verdict('Get approval for the migration plan'), 'vague');
  });
});

describe('quality/milestones: platforms a deliverable is available on', () => {
  it('"Packaged in", "Listed on", "Available on" a named platform are end states; the order "Work with <Name>" is not', () => {
    assert.equal(verdict('Packaged in Arch Linux and Nixpkgs'), 'measurable');
    assert.equal(verdict('Listed on the AWS Marketplace'), 'measurable');
    assert.equal(verdict('Work with Canonical on packaging'), 'vague');
  });
});

describe('quality/milestones: terse notes', () => {
  it('a check stated as passed after its name ("assessment: beta passed") is an end state', () => {
    assert.equal(verdict('Service assessment: live passed'), 'measurable');
    assert.equal(verdict('Service assessment: live'), 'vague');
  });
  it('a verbless deliverable with a deadline is a dated milestone; a fuzzy noun with one is not', () => {
    assert.equal(verdict('v3.1 GA by the annual contributor summit'), 'measurable');
    assert.equal(verdict('v3.1 GA'), 'vague');
    assert.equal(verdict('Collaboration across squads by Q3'), 'vague');
  });
  it('a ratification with no body named stays unsettled', () => {
    assert.equal(verdict('Steward charter v2 ratified'), 'vague');
  });
});
