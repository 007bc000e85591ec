// A post needs a feed: only records of objects with feed tracking on have one (Setup › Feed
// Tracking). Campaign is not tracked out of the box; its admin may turn it on.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';
import { SalesforceOrg } from './org.js';

const post = (ParentId: string | undefined) => ({ body: { ParentId, Body: 'Glance session started.' } });

describe('feed tracking', () => {
  it("refuses a post to a Campaign's feed, out of the box, and writes nothing", async () => {
    const { must, org } = apiClient(new SalesforceOrg());
    const campaign = org.ofType('Campaign')[0]?.Id as string;
    const answer = await must('POST', `${API}/sobjects/FeedItem`, post(campaign));
    expect([answer.status, answer.json]).toEqual([
      400,
      [
        {
          message: `Parent ID: id value of incorrect type: ${campaign}`,
          errorCode: 'FIELD_INTEGRITY_EXCEPTION',
          fields: ['ParentId'],
        },
      ],
    ]);
    expect(org.ofType('FeedItem')).toEqual([]);
  });

  it('takes posts to the feeds tracked by default, and to a Campaign once its admin tracks Campaigns', async () => {
    const org = new SalesforceOrg();
    const { must } = apiClient(org);
    for (const type of ['Account', 'Case', 'Contact', 'Lead', 'Opportunity', 'User'])
      expect((await must('POST', `${API}/sobjects/FeedItem`, post(org.ofType(type)[0]?.Id))).status, type).toBe(201);
    org.setup.feedTracked.add('Campaign');
    expect((await must('POST', `${API}/sobjects/FeedItem`, post(org.ofType('Campaign')[0]?.Id))).status).toBe(201);
  });
});
