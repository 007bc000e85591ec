// Contract: POST /composite with references, allOrNone rollback and its API-usage count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsforceSandbox, startJsforceSandbox } from './jsforce-harness.js';

let env: JsforceSandbox;
beforeAll(async () => {
  env = await startJsforceSandbox();
});
afterAll(async () => {
  await env?.close();
});

const BASE = '/services/data/v66.0';

interface Subresponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}

async function composite(allOrNone: boolean, compositeRequest: unknown[]) {
  const conn = env.connect();
  // Leads stay with their creator (acme's Lead assignment rule would give them to a queue that,
  // under Private Lead sharing, the caller cannot read back).
  const answer = await conn.request<{ compositeResponse: Subresponse[] }>({
    method: 'POST',
    url: `${BASE}/composite`,
    body: JSON.stringify({ allOrNone, compositeRequest }),
    headers: { 'Content-Type': 'application/json', 'Sforce-Auto-Assign': 'FALSE' },
  });
  return answer.compositeResponse;
}

const errorCodeOf = (response: Subresponse | undefined) =>
  (response?.body as { errorCode: string }[] | undefined)?.[0]?.errorCode;

const uniqueEmail = () => `composite.${Math.random().toString(36).slice(2)}@contract.example`;

describe('composite', () => {
  it('creates a lead and its event in one call, the event referring to the new lead', async () => {
    const usageBefore = env.org().apiUsage;
    const email = uniqueEmail();
    const responses = await composite(true, [
      {
        method: 'POST',
        url: `${BASE}/sobjects/Lead`,
        referenceId: 'newLead',
        body: { LastName: 'Guest', Company: 'Guest Co', Email: email },
      },
      {
        method: 'POST',
        url: `${BASE}/sobjects/Event`,
        referenceId: 'newEvent',
        body: {
          Subject: 'Glance session',
          WhoId: '@{newLead.id}',
          StartDateTime: '2026-03-02T15:00:00Z',
          DurationInMinutes: 30,
        },
      },
      { method: 'GET', url: `${BASE}/sobjects/Lead/@{newLead.id}?fields=Email`, referenceId: 'readBack' },
    ]);
    expect(env.org().apiUsage).toBe(usageBefore + 1);

    expect(responses.map((r) => [r.referenceId, r.httpStatusCode])).toEqual([
      ['newLead', 201],
      ['newEvent', 201],
      ['readBack', 200],
    ]);
    const leadId = (responses[0]?.body as { id: string } | undefined)?.id;
    const eventId = String((responses[1]?.body as { id: string } | undefined)?.id);
    expect(responses[0]?.httpHeaders.Location).toBe(`${BASE}/sobjects/Lead/${leadId}`);
    expect(env.org().get(eventId)?.fields.WhoId).toBe(leadId);
    expect(responses[2]?.body).toMatchObject({ Email: email });
  });

  it('resolves references into query results, such as @{found.records[0].Id}', async () => {
    const contact = env.org().ofType('Contact')[1];
    const responses = await composite(false, [
      {
        method: 'GET',
        url: `${BASE}/query?q=${encodeURIComponent(`SELECT Id FROM Contact WHERE Email = '${contact?.fields.Email}'`)}`,
        referenceId: 'found',
      },
      {
        method: 'PATCH',
        url: `${BASE}/sobjects/Contact/@{found.records[0].Id}`,
        referenceId: 'touch',
        body: { Title: 'Updated through composite' },
      },
    ]);
    expect(responses.map((r) => r.httpStatusCode)).toEqual([200, 204]);
    expect(responses[1]?.body).toBeNull();
    expect(env.org().get(contact?.Id as string)?.fields.Title).toBe('Updated through composite');
  });

  it('with allOrNone, rolls back the earlier insert when a later subrequest fails', async () => {
    const email = uniqueEmail();
    const leadsBefore = env.org().ofType('Lead').length;
    const responses = await composite(true, [
      {
        method: 'POST',
        url: `${BASE}/sobjects/Lead`,
        referenceId: 'lead',
        body: { LastName: 'Temp', Company: 'T', Email: email },
      },
      {
        method: 'POST',
        url: `${BASE}/sobjects/Event`,
        referenceId: 'event',
        // A lead's event may not have a WhatId: this one fails.
        body: {
          WhoId: '@{lead.id}',
          WhatId: env.org().ofType('Account')[0]?.Id,
          StartDateTime: '2026-03-02T15:00:00Z',
          DurationInMinutes: 30,
        },
      },
      { method: 'GET', url: `${BASE}/sobjects/Lead/@{lead.id}`, referenceId: 'after' },
    ]);
    expect(responses.map((r) => [r.httpStatusCode, errorCodeOf(r)])).toEqual([
      [400, 'PROCESSING_HALTED'],
      [400, 'FIELD_INTEGRITY_EXCEPTION'],
      [400, 'PROCESSING_HALTED'],
    ]);
    expect(env.org().ofType('Lead')).toHaveLength(leadsBefore);
    const found = await env.connect().query(`SELECT Id FROM Lead WHERE Email = '${email}'`);
    expect(found.totalSize).toBe(0);
  });

  it('without allOrNone, keeps what worked and halts only what depended on a failure', async () => {
    const email = uniqueEmail();
    const responses = await composite(false, [
      {
        method: 'POST',
        url: `${BASE}/sobjects/Lead`,
        referenceId: 'kept',
        body: { LastName: 'Kept', Company: 'K', Email: email },
      },
      { method: 'POST', url: `${BASE}/sobjects/Lead`, referenceId: 'broken', body: { LastName: 'No company' } },
      {
        method: 'POST',
        url: `${BASE}/sobjects/Event`,
        referenceId: 'dependent',
        body: { WhoId: '@{broken.id}', StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 30 },
      },
    ]);
    expect(responses.map((r) => [r.httpStatusCode, errorCodeOf(r) ?? null])).toEqual([
      [201, null],
      [400, 'REQUIRED_FIELD_MISSING'],
      [400, 'PROCESSING_HALTED'],
    ]);
    const message = (responses[2]?.body as { message: string }[] | undefined)?.[0]?.message;
    expect(message).toMatch(/^Invalid reference specified\. No value for broken\.id found in broken/);
    const found = await env.connect().query(`SELECT Id FROM Lead WHERE Email = '${email}'`);
    expect(found.totalSize).toBe(1);
  });

  it('refuses more than 25 subrequests without running any', async () => {
    const leadsBefore = env.org().ofType('Lead').length;
    const tooMany = Array.from({ length: 26 }, (_, i) => ({
      method: 'POST',
      url: `${BASE}/sobjects/Lead`,
      referenceId: `lead${i}`,
      body: { LastName: `Many ${i}`, Company: 'Many' },
    }));
    const responses = await composite(false, tooMany);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ httpStatusCode: 400, referenceId: null });
    expect(errorCodeOf(responses[0])).toBe('LIMIT_EXCEEDED');
    expect(env.org().ofType('Lead')).toHaveLength(leadsBefore);
  });
});
