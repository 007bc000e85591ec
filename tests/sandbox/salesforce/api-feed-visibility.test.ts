// FeedItem.Visibility, as the Object Reference describes it: a restricted picklist (AllUsers,
// InternalUsers) that exists in orgs with Experience Cloud on, AllUsers when a post leaves it out.
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
  it('is AllUsers (customers of a site see it) when a post does not set it', async () => {
    const { must, org } = apiClient(new SalesforceOrg());
    const created = await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org) });
    expect(created.status).toBe(201);
    expect(org.ofType('FeedItem')[0]?.fields.Visibility).toBe('AllUsers');
  });

  it('keeps InternalUsers when asked', async () => {
    const { must, org } = apiClient(new SalesforceOrg());
    await must('POST', `${API}/sobjects/FeedItem`, { body: postOn(org, { Visibility: 'InternalUsers' }) });
    expect(org.ofType('FeedItem')[0]?.fields.Visibility).toBe('InternalUsers');
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
