// FeedItem.Visibility, as the Object Reference describes it: a restricted picklist (AllUsers,
// InternalUsers) that exists in orgs with Experience Cloud on; an internal user's record post that
// leaves it out is InternalUsers.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';
import { SalesforceOrg } from './org.js';

const postOn = (org: SalesforceOrg, extra: Record<string, unknown> = {}) => ({
  ParentId: org.ofType('Case')[0]?.Id,
  Type: 'LinkPost',
  LinkUrl: 'https://example.com/',
  Title: 'T',
  Body: 'B',
  ...extra,
});

describe('FeedItem visibility', () => {
  it("is InternalUsers on an internal user's record post that does not set it; AllUsers on a user's own feed", async () => {
    const { must, org } = apiClient(new SalesforceOrg());
    const created = await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org) });
    expect(created.status).toBe(201);
    expect(org.ofType('FeedItem')[0]?.fields.Visibility).toBe('InternalUsers');
    await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org, { ParentId: org.defaultUserId }) });
    expect(org.ofType('FeedItem')[1]?.fields.Visibility).toBe('AllUsers');
  });

  it('keeps the value a post asks for', async () => {
    const { must, org } = apiClient(new SalesforceOrg());
    await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org, { Visibility: 'AllUsers' }) });
    await must('POST', `${API}/sobjects/FeedItem`, {
      body: postOn(org, { ParentId: org.defaultUserId, Visibility: 'InternalUsers' }),
    });
    expect(org.ofType('FeedItem').map((f) => f.fields.Visibility)).toEqual(['AllUsers', 'InternalUsers']);
  });

  it('refuses a value outside the restricted picklist', async () => {
    const { must, org } = apiClient(new SalesforceOrg());
    const created = await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org, { Visibility: 'Everyone' }) });
    expect(created.status).toBe(400);
    expect(created.json).toEqual([
      {
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        message: 'Visibility: bad value for restricted picklist field: Everyone',
        fields: ['Visibility'],
      },
    ]);
  });

  it('has no Visibility field without Experience Cloud', async () => {
    const org = new SalesforceOrg();
    org.setup.experienceCloud = false;
    const { must } = apiClient(org);
    const created = await must('POST', `${API}/sobjects/FeedItem`, {
      body: postOn(org, { Visibility: 'InternalUsers' }),
    });
    expect([created.status, created.error?.errorCode]).toEqual([400, 'INVALID_FIELD']);
    await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org) });
    expect(org.ofType('FeedItem')[0]?.fields.Visibility).toBeUndefined();
  });
});
