// The large-org switch (selectivity.ts): with millions of activities, an Event query that no
// index narrows times out; one with a selective filter on an indexed field answers as before.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';
import { NARROW_DAYS } from './selectivity.js';

const DAY = 86_400_000;
/** A SOQL dateTime literal (unquoted, UTC) this many days before now. */
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString().replace(/\.\d+Z$/, 'Z');

function setup(largeOrg = true) {
  const client = apiClient();
  client.org.setup.largeOrg = largeOrg;
  const rep = client.org.defaultUserId;
  const event = client.org.insert('Event', {
    Subject: 'Glance session (s1)',
    StartDateTime: '2026-03-02T15:00:00.000+0000',
    EndDateTime: '2026-03-02T15:30:00.000+0000',
    OwnerId: rep,
  });
  /** The answer's status and error code, or its row count. */
  const ask = async (soql: string) => {
    const answer = await client.must('GET', `${API}/query?q=${encodeURIComponent(soql)}`);
    return answer.status === 200
      ? { rows: (answer.json as { records: unknown[] }).records.length }
      : { status: answer.status, errorCode: answer.error?.errorCode, message: answer.error?.message };
  };
  return { ...client, rep, event, ask };
}

const TIMEOUT = { status: 400, errorCode: 'QUERY_TIMEOUT', message: 'Your query request was running for too long.' };

describe('a large org: Event and Task queries need a selective filter on an indexed field', () => {
  it('times out a filter on Subject alone, a leading-wildcard LIKE, a negation and no filter at all', async () => {
    const { ask } = setup();
    expect(
      await ask("SELECT Id FROM Event WHERE Subject = 'Glance session (s1)' ORDER BY CreatedDate ASC LIMIT 5"),
    ).toEqual(TIMEOUT);
    expect(await ask("SELECT Id FROM Event WHERE Subject LIKE '%(s1)'")).toEqual(TIMEOUT);
    expect(await ask("SELECT Id FROM Event WHERE OwnerId != '005000000000001AAA'")).toEqual(TIMEOUT);
    expect(await ask('SELECT Id FROM Event')).toEqual(TIMEOUT);
    // StartDateTime is no index, however narrow the range.
    expect(await ask('SELECT Id FROM Event WHERE StartDateTime = LAST_N_DAYS:1')).toEqual(TIMEOUT);
  });

  it('answers with an indexed id: OwnerId, Id, WhoId, WhatId (= or IN), also beside Subject', async () => {
    const { ask, rep, event, org } = setup();
    const lead = org.ofType('Lead')[0]?.Id;
    const opportunity = org.ofType('Opportunity')[0]?.Id;
    expect(await ask(`SELECT Id FROM Event WHERE OwnerId = '${rep}' AND Subject = 'Glance session (s1)'`)).toEqual({
      rows: 1,
    });
    expect(await ask(`SELECT Id FROM Event WHERE Id IN ('${event.Id}')`)).toEqual({ rows: 1 });
    expect(await ask(`SELECT Id FROM Event WHERE WhoId = '${lead}'`)).toEqual({ rows: 0 });
    expect(await ask(`SELECT Id FROM Event WHERE WhatId IN ('${opportunity}')`)).toEqual({ rows: 0 });
    // OR needs every branch to be selective; = null is no value an index narrows to.
    expect(await ask(`SELECT Id FROM Event WHERE OwnerId = '${rep}' OR Subject = 'x'`)).toEqual(TIMEOUT);
    expect(await ask('SELECT Id FROM Event WHERE WhoId = null')).toEqual(TIMEOUT);
  });

  it(`answers with a CreatedDate range of at most ${NARROW_DAYS} days`, async () => {
    const { ask } = setup();
    expect(await ask(`SELECT Id FROM Event WHERE CreatedDate >= ${daysAgo(2)} AND Subject = 'x'`)).toEqual({ rows: 0 });
    expect(await ask('SELECT Id FROM Event WHERE CreatedDate = LAST_N_DAYS:7')).toEqual({ rows: 1 });
    expect(
      await ask(`SELECT Id FROM Event WHERE CreatedDate >= ${daysAgo(400)} AND CreatedDate < ${daysAgo(395)}`),
    ).toEqual({ rows: 0 });
    // Wider, or open towards the past: a scan of years of activities.
    expect(await ask(`SELECT Id FROM Event WHERE CreatedDate >= ${daysAgo(NARROW_DAYS + 5)}`)).toEqual(TIMEOUT);
    expect(await ask(`SELECT Id FROM Event WHERE CreatedDate <= ${daysAgo(1)}`)).toEqual(TIMEOUT);
  });

  it('checks the query first: a misspelt field is still INVALID_FIELD, and other objects are not held to it', async () => {
    const { ask } = setup();
    expect(await ask("SELECT Id FROM Event WHERE Subjekt = 'x'")).toMatchObject({
      status: 400,
      errorCode: 'INVALID_FIELD',
    });
    expect(await ask("SELECT Id FROM Lead WHERE Company = 'Percent'")).toEqual({ rows: 0 });
  });

  it('is off in a new org, where the same Subject query answers', async () => {
    const { ask } = setup(false);
    expect(await ask("SELECT Id FROM Event WHERE Subject = 'Glance session (s1)'")).toEqual({ rows: 1 });
  });

  it('runs inside a composite too: the subrequest answers 400 QUERY_TIMEOUT', async () => {
    const { must } = setup();
    const answer = await must('POST', `${API}/composite`, {
      body: {
        allOrNone: false,
        compositeRequest: [
          {
            method: 'GET',
            url: `${API}/query?q=${encodeURIComponent("SELECT Id FROM Event WHERE Subject = 'x'")}`,
            referenceId: 'events',
          },
        ],
      },
    });
    expect((answer.json as { compositeResponse: unknown[] }).compositeResponse).toMatchObject([
      { httpStatusCode: 400, body: [{ errorCode: 'QUERY_TIMEOUT' }], referenceId: 'events' },
    ]);
  });
});
