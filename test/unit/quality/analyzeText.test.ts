import * as assert from 'node:assert/strict';
import { analyzeKeyResultText } from '../../../server/src/core/quality';
import type { QualityReason } from '../../../server/src/core/quality';

const ids = (text: string): string[] => analyzeKeyResultText(text).signals.map((s) => s.id);

describe('quality/analyzeKeyResultText: verdict', () => {
  // Written for these tests (not from the dev set), following the labelling guide.
  const measurable: string[] = [
    'Reduce p95 checkout latency from 800 ms to 300 ms',
    'Hire 4 backend engineers',
    'Publish 8 ML blog posts in Q2',
    'Resolve 90% of P1 tickets within 4 hours',
    'Zero critical vulnerabilities open longer than 30 days',
    'All services have an on-call runbook',
    'Maintain 99.9% uptime',
    'Reduce churn rate to 5%',
    'Improve page load time by 30%',
    'Launch the new CI pipeline by 2026-11-30',
    'Implement RFC 42 in the parser',
    'Dark mode enabled by default',
    'WebRTC transport works out-of-the-box in Brave',
    'Pricing page redesign approved by the Board',
    'Customer satisfaction score of 4.5 or higher',
    'Book 40 demos and raise win rate from 20% to 25%',
    'Lower AWS bill by 15% compared to Q1',
    'Grow weekly active users 2x to [N7]',
    'Achieve SOC 2 Type II certification by Q4',
  ];
  for (const text of measurable) {
    it(`passes "${text}"`, () => assert.equal(analyzeKeyResultText(text).measurable, true));
  }
  const vague: string[] = [
    'Improve developer experience',
    'Launch the new CI pipeline',
    'Reduce MTTR for on-call engineers',
    'Meet quarterly sales targets',
    'Keep error rate at or above target',
    'Land [N2] large enterprise customers',
    'Work progress by 40%',
    'Increase company diversity by 10 percentage points',
    'Improve collaboration by 20%',
    'Build a world-class support team',
    'Consult with stakeholders on the roadmap',
    'Increase conversion to X%',
    'TODO',
    'Key result 1',
    'Define the Q3 product strategy',
    'Increase the number of demos booked and improve win rate',
    'Present the roadmap at the all-hands',
    'Make the API faster',
    'New pricing in General Availability',
  ];
  for (const text of vague) {
    it(`flags "${text}"`, () => assert.equal(analyzeKeyResultText(text).measurable, false));
  }
});

describe('quality/analyzeKeyResultText: signals', () => {
  const fires: Array<[string, string, string]> = [
    ['weasel-verb', 'Improve onboarding', 'Improve'],
    ['weasel-verb', 'Maximize ROI on marketing spend', 'Maximize'],
    ['weasel-word', 'Robust monitoring for production', 'Robust'],
    ['weasel-word', 'in less time and effort compared to the CLI', 'less'],
    ['fuzzy-metric', 'Boost productivity by 40%', 'productivity'],
    ['fuzzy-object', 'All teams adopt a test-first approach', 'approach'],
    ['target-referenced', 'Meet FY24Q2 hiring targets', 'Meet FY24Q2 hiring targets'],
    ['target-referenced', 'Stay below the error budget', 'below the error budget'],
    ['target-referenced', 'Week-1 retention grows [N7]', '[N7]'],
    ['placeholder', 'Reduce <metric> by 20%', '<metric>'],
    ['placeholder', 'Scholarship (school TBD)', 'TBD'],
    ['placeholder', 'Reach ??? users', '???'],
    ['task-verb', 'Launch the new customer portal', 'Launch'],
    ['task-verb', 'Rendezvous Protocol is implemented', 'implemented'],
    ['activity-verb', 'Analyze churn drivers', 'Analyze'],
    ['activity-verb', 'Help the sales team close deals', 'Help'],
    ['end-state', 'Interop tests pass for pubsub', 'Interop'],
    ['end-state', 'Search runs on Firefox', 'runs on Firefox'],
    ['from-to', 'Raise NPS from 25 to 50', 'from 25 to 50'],
    ['deadline', 'Ship it by end of Q3', 'end of Q3'],
  ];
  for (const [id, text, span] of fires) {
    it(`${id} fires on "${text}" at '${span}'`, () => {
      const s = analyzeKeyResultText(text).signals.find((x) => x.id === id);
      assert.ok(s, `expected ${id} in ${ids(text).join(', ')}`);
      assert.equal(text.slice(s.start, s.end), span);
    });
  }
  const silent: Array<[string, string]> = [
    ['weasel-verb', 'Reduce build time by 30%'],
    ['weasel-verb', 'improve funnel to achieve 5000 subscriptions per month'],
    ['weasel-verb', 'Readership increases by 30%'],
    ['weasel-verb', 'Increase sessions on blog posts. 5% month over month.'],
    ['weasel-word', 'Gain 20% more qualified leads'],
    ['weasel-word', 'It takes less than 12 hours over Fast Ethernet'],
    ['weasel-word', 'Be at a sales efficiency of 1.0 or higher'],
    ['fuzzy-metric', 'Increase the reported productivity score from 6 to 8'],
    ['target-referenced', '85%+ of the plan'],
    ['target-referenced', 'Stay within 80% of the error budget'],
    ['placeholder', '2 OSS projects besides source{d} enable it'],
    ['task-verb', 'Increase trial conversion rate by 20%'],
    ['compound', 'Create and publish 5 documents'],
    ['compound', 'Maximize monthly community engagement and reach'],
    ['compound', 'Develop and roll out updated pitch and analyst decks'],
  ];
  for (const [id, text] of silent) {
    it(`${id} stays silent on "${text}"`, () => assert.ok(!ids(text).includes(id), ids(text).join(', ')));
  }
  it('no-number fires only without any quantity', () => {
    assert.ok(ids('Peerpad is private').includes('no-number'));
    assert.ok(!ids('Peerpad is used by every meeting').includes('no-number'));
  });
});

describe('quality/analyzeKeyResultText: reasons and fields', () => {
  const reasons: Array<[string, QualityReason[]]> = [
    ['Improve memory usage', ['no_target', 'weasel']],
    ['Create a feature roadmap', ['no_number', 'task']],
    ['Reduce user error rate by 40%', ['no_baseline']],
    ['Achieve 4.5+ app store rating', ['no_baseline']],
    ['Reduce time-to-value from 7 days to 2 days', []],
    ['Publish 12 blog posts', ['task']],
    ['Launch the new CI/CD platform by Q3.', ['task', 'deadline_only']],
    ['Close 3.5M in new mid-enterprise sales pipeline', ['no_unit']],
    ['improve downloading of new repos by 50%', ['no_unit']],
    ['Meet FY24Q2 hiring targets', ['no_target']],
    ['Increase test coverage for web to 100% and cli to 70%.', ['no_baseline', 'compound']],
    ['Send out the satisfaction survey and identify top-5 pain points.', ['task', 'compound']],
  ];
  for (const [text, expected] of reasons) {
    it(`reasons of "${text}" are [${expected.join(', ')}]`, () => {
      assert.deepEqual(analyzeKeyResultText(text).reasons, expected);
    });
  }

  it('reports direction from the verb, or from the numbers', () => {
    assert.equal(analyzeKeyResultText('Grow revenue by 10%').direction, 'increase');
    assert.equal(analyzeKeyResultText('Cut costs by 10%').direction, 'decrease');
    assert.equal(analyzeKeyResultText('Keep unsubscribe rate below 1%').direction, 'maintain');
    assert.equal(analyzeKeyResultText('Weekly incidents 7 → 2').direction, 'decrease');
    assert.equal(analyzeKeyResultText('Publish 3 posts').direction, undefined);
  });

  it('feeds kr-output-not-outcome and kr-compound', () => {
    assert.equal(analyzeKeyResultText('Ship 5 major features').outputNotOutcome, true);
    assert.equal(analyzeKeyResultText('Raise NPS from 25 to 50').outputNotOutcome, false);
    const c = analyzeKeyResultText('Hire a VP Sales, 2 Directors of Engineering, 4 Support Engineers');
    assert.equal(c.compound, true);
    assert.equal(c.parts?.length, 3);
    assert.equal(analyzeKeyResultText('Hire 2 salespeople').compound, false);
  });

  it('exposes the placeholder span for placeholder-text', () => {
    const text = 'Increase conversion to X%';
    const a = analyzeKeyResultText(text);
    assert.deepEqual(a.placeholder, { text: 'X%', start: text.indexOf('X%'), end: text.length });
  });

  it('explains in one line, with a fix and an example when not measurable', () => {
    const a = analyzeKeyResultText('Improve onboarding');
    assert.equal(a.summary, "'Improve' promises a change but gives no amount");
    assert.ok(a.fix && a.fix.length > 10);
    assert.match(a.example ?? '', /from .* to /);
    // The example keeps the user's words when the title opens with the weasel verb...
    assert.equal(a.example, 'Improve onboarding, measured as <metric>, from <current value> to <target>');
    assert.equal(
      analyzeKeyResultText('Improve checkout observability by adding tracing').example,
      'Improve checkout observability, measured as <metric>, from <current value> to <target>',
    );
    // ...and falls back to a filled-in sample when it does not.
    assert.match(analyzeKeyResultText('Work to improve onboarding').example ?? '', /^(Increase|Reduce|Keep) /);
    const t = analyzeKeyResultText('Meet FY24Q2 hiring targets');
    assert.match(t.summary, /points to a target/);
    const m = analyzeKeyResultText('Reduce p95 checkout latency from 800 ms to 300 ms');
    assert.equal(m.summary, "measurable: 'from 800 ms to 300 ms' can be checked at the end of the period");
    assert.equal(m.fix, undefined);
  });

  it('honours configured vague words and units', () => {
    assert.equal(analyzeKeyResultText('Deliver 3 snappy dashboards').measurable, true);
    assert.equal(analyzeKeyResultText('Deliver 3 snappy dashboards', { extraVagueWords: ['snappy'] }).measurable, false);
    assert.equal(analyzeKeyResultText('Improve widgetry by 20%').measurable, false);
    assert.equal(analyzeKeyResultText('Improve widgetry by 20%', { units: ['widgetry'] }).measurable, true);
  });

  it('handles empty and odd input without throwing', () => {
    for (const t of ['', '   ', '???', '%%%', '1', 'a'.repeat(5000), '—']) {
      const a = analyzeKeyResultText(t);
      assert.equal(typeof a.measurable, 'boolean');
    }
    assert.equal(analyzeKeyResultText('').measurable, false);
  });
});
