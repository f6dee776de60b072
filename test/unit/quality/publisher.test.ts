import * as assert from 'node:assert/strict';
import { publisherOf } from '../../../scripts/quality/publisher';

describe('quality/publisher: the organisation a labelled row comes from', () => {
  it('a GitHub path is its owner, lower-cased', () => {
    assert.equal(publisherOf('ipfs/js-ipfs/OKR.md'), 'ipfs');
    assert.equal(publisherOf('PostHog/posthog.com/contents/teams/finance/objectives.mdx'), 'posthog');
  });

  it('a web page is the name before the public suffix, whatever the subdomain', () => {
    assert.equal(publisherOf('https://about.gitlab.com/company/okrs/2018-q1/'), 'gitlab');
    assert.equal(publisherOf('https://handbook.gitlab.com/handbook/company/okrs/fy20-q2/'), 'gitlab');
    assert.equal(publisherOf('https://www.pavlinamaes.com/blog-2'), 'pavlinamaes');
    assert.equal(publisherOf('https://www.example.co.uk/okrs'), 'example');
  });

  it('a personal page on a shared host is its owner, not the host', () => {
    assert.equal(publisherOf('https://deepaksood619.github.io/devops/devops-intro/sre'), 'deepaksood619');
  });

  it('a note saying where a copy was read keeps the page\'s publisher', () => {
    assert.equal(publisherOf('https://about.gitlab.com/company/okrs/fy21-q1/ (copy read: spicysoft/jp-www-gitlab-com/sites/x.md)'), 'gitlab');
  });

  it('a note crediting a handbook names the publisher of a copy kept elsewhere', () => {
    assert.equal(publisherOf('google/docsy/userguide/okrs_1_1_1.md (GitLab handbook /handbook/engineering/infrastructure/okrs/)'), 'gitlab');
  });

  it('one organisation under several names is one publisher', () => {
    assert.equal(publisherOf('ipfs-shipyard/pm-peer-pad/OKR.md'), 'ipfs');
    assert.equal(publisherOf('https://release-13-0.about.gitlab-review.app/company/okrs/2018-q4/'), 'gitlab');
    assert.equal(publisherOf('ie-safebank/safebank-fe/docs/okrs.md'), publisherOf('bigdawgbank/ie-bank/docs/PO.md'));
  });

  it('different owners stay apart', () => {
    assert.notEqual(publisherOf('libp2p/js-libp2p/OKR.md'), publisherOf('nodejs/community-committee/OKR.md'));
  });
});
