// The Event save rules the extension depends on: times, lookups, and a lead's event having no WhatId.
import { describe, expect, it } from 'vitest';
import { to18 } from '../../../src/shared/salesforce-id.js';
import { API, apiClient } from './api-test-client.js';

const START = '2026-03-02T15:00:00Z';

function setup() {
  const client = apiClient();
  const idOf = (type: string, index = 0) => client.org.ofType(type)[index]?.Id as string;
  const createEvent = (body: Record<string, unknown>) => client.must('POST', `${API}/sobjects/Event`, { body });
  return { ...client, idOf, createEvent };
}

describe('event times', () => {
  it('needs a start and an end or a duration', async () => {
    const { createEvent } = setup();
    expect((await createEvent({ Subject: 'x' })).error).toMatchObject({
      errorCode: 'REQUIRED_FIELD_MISSING',
      fields: ['ActivityDateTime', 'DurationInMinutes'],
    });
    expect((await createEvent({ StartDateTime: START })).error?.fields).toEqual(['DurationInMinutes']);
    expect((await createEvent({ EndDateTime: START })).error?.fields).toEqual(['ActivityDateTime']);
  });

  it('derives the end from a duration and the duration from an end', async () => {
    const { createEvent, org } = setup();
    const byDuration = await createEvent({ ActivityDateTime: '2026-03-02T16:00:00+01:00', DurationInMinutes: 90 });
    expect(org.get((byDuration.json as { id: string }).id)?.fields).toMatchObject({
      StartDateTime: '2026-03-02T15:00:00.000+0000',
      EndDateTime: '2026-03-02T16:30:00.000+0000',
      ActivityDate: '2026-03-02',
    });
    const byEnd = await createEvent({ StartDateTime: START, EndDateTime: '2026-03-02T15:20:00.000+0000' });
    expect(org.get((byEnd.json as { id: string }).id)?.fields.DurationInMinutes).toBe(20);
  });

  it('refuses a Subject over 255 characters, or a Location over 255, with STRING_TOO_LONG', async () => {
    const { createEvent } = setup();
    const times = { StartDateTime: START, DurationInMinutes: 30 };
    expect((await createEvent({ ...times, Subject: 's'.repeat(255), Location: 'l'.repeat(255) })).status).toBe(201);
    for (const [field, value] of [
      ['Subject', 's'.repeat(256)],
      ['Location', 'l'.repeat(256)],
      ['Description', 'd'.repeat(32_001)],
    ] as const) {
      const answer = await createEvent({ ...times, [field]: value });
      expect([answer.status, answer.error?.errorCode, answer.error?.fields]).toEqual([400, 'STRING_TOO_LONG', [field]]);
    }
  });

  it('refuses an end before the start with FIELD_INTEGRITY_EXCEPTION', async () => {
    const { createEvent } = setup();
    const answer = await createEvent({ StartDateTime: START, EndDateTime: '2026-03-02T14:00:00Z' });
    expect([answer.status, answer.error?.errorCode, answer.error?.fields]).toEqual([
      400,
      'FIELD_INTEGRITY_EXCEPTION',
      ['EndDateTime'],
    ]);
  });

  it('keeps the duration when an update moves the start', async () => {
    const { createEvent, must, org } = setup();
    const { id } = (await createEvent({ StartDateTime: START, DurationInMinutes: 30 })).json as { id: string };
    await must('PATCH', `${API}/sobjects/Event/${id}`, { body: { StartDateTime: '2026-03-03T09:00:00Z' } });
    expect(org.get(id)?.fields.EndDateTime).toBe('2026-03-03T09:30:00.000+0000');
  });

  it('refuses an event longer than 14 days, on create and when an update stretches it', async () => {
    const { createEvent, must } = setup();
    const fortnight = 14 * 24 * 60;
    const longest = await createEvent({ StartDateTime: START, DurationInMinutes: fortnight });
    expect(longest.status).toBe(201);
    const tooLong = [
      await createEvent({ StartDateTime: START, DurationInMinutes: fortnight + 1 }),
      await createEvent({ StartDateTime: START, EndDateTime: '2026-03-16T15:01:00Z' }),
      await must('PATCH', `${API}/sobjects/Event/${(longest.json as { id: string }).id}`, {
        body: { EndDateTime: '2026-03-20T15:00:00Z' },
      }),
    ];
    for (const answer of tooLong)
      expect([answer.status, answer.json]).toEqual([
        400,
        [
          {
            message: 'Duration must be between 0 and 20160 minutes: Duration',
            errorCode: 'FIELD_INTEGRITY_EXCEPTION',
            fields: ['DurationInMinutes'],
          },
        ],
      ]);
  });

  it('takes only the values of the restricted ShowAs and the standard Type picklists', async () => {
    const { createEvent } = setup();
    const times = { StartDateTime: START, DurationInMinutes: 30 };
    for (const ShowAs of ['Busy', 'OutOfOffice', 'Free'])
      expect((await createEvent({ ...times, ShowAs })).status, ShowAs).toBe(201);
    for (const Type of ['Call', 'Email', 'Meeting', 'Other'])
      expect((await createEvent({ ...times, Type })).status, Type).toBe(201);
    expect((await createEvent({ ...times, ShowAs: 'Tentative' })).json).toEqual([
      {
        message: 'Show Time As: bad value for restricted picklist field: Tentative',
        errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        fields: ['ShowAs'],
      },
    ]);
    expect((await createEvent({ ...times, Type: 'Glance session' })).error).toMatchObject({
      errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
      fields: ['Type'],
    });
  });

  it('refuses a date-time Salesforce cannot read', async () => {
    const { createEvent } = setup();
    const answer = await createEvent({ StartDateTime: 'next tuesday', DurationInMinutes: 30 });
    expect(answer.error?.errorCode).toBe('JSON_PARSER_ERROR');
  });
});

describe('event relations', () => {
  it("refuses a WhatId on a lead's event, on create and on update", async () => {
    const { createEvent, idOf, must } = setup();
    const answer = await createEvent({
      StartDateTime: START,
      DurationInMinutes: 30,
      WhoId: idOf('Lead'),
      WhatId: idOf('Case'),
    });
    expect([answer.status, answer.json]).toEqual([
      400,
      [
        {
          message: 'Only contacts may be associated with other objects.',
          errorCode: 'FIELD_INTEGRITY_EXCEPTION',
          fields: ['WhatId'],
        },
      ],
    ]);
    const created = await createEvent({ StartDateTime: START, DurationInMinutes: 30, WhoId: idOf('Lead') });
    expect(created.status).toBe(201);
    const { id } = created.json as { id: string };
    const update = await must('PATCH', `${API}/sobjects/Event/${id}`, { body: { WhatId: idOf('Opportunity') } });
    expect(update.error?.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it("takes the account from the WhatId, or from the contact's account", async () => {
    const { createEvent, idOf, org } = setup();
    const opportunity = org.ofType('Opportunity')[0];
    const withWhat = await createEvent({ StartDateTime: START, DurationInMinutes: 5, WhatId: opportunity?.Id });
    expect(org.get((withWhat.json as { id: string }).id)?.fields.AccountId).toBe(opportunity?.fields.AccountId);
    const contact = org.get(idOf('Contact', 2));
    const withWho = await createEvent({ StartDateTime: START, DurationInMinutes: 5, WhoId: contact?.Id.slice(0, 15) });
    expect(org.get((withWho.json as { id: string }).id)?.fields).toMatchObject({
      WhoId: contact?.Id,
      AccountId: contact?.fields.AccountId,
    });
  });

  it('checks that lookups are ids of the right type of a record that exists', async () => {
    const { createEvent, idOf } = setup();
    const base = { StartDateTime: START, DurationInMinutes: 5 };
    expect((await createEvent({ ...base, WhoId: 'abc' })).error).toEqual({
      message: 'Name ID: id value of incorrect type: abc',
      errorCode: 'MALFORMED_ID',
      fields: ['WhoId'],
    });
    const accountId = idOf('Account');
    expect((await createEvent({ ...base, WhoId: accountId })).error).toEqual({
      message: `Name ID: id value of incorrect type: ${accountId}`,
      errorCode: 'FIELD_INTEGRITY_EXCEPTION',
      fields: ['WhoId'],
    });
    expect((await createEvent({ ...base, WhatId: idOf('Contact') })).error?.errorCode).toBe(
      'FIELD_INTEGRITY_EXCEPTION',
    );
    const ghost = to18('003Ac0000000zzz') as string;
    expect((await createEvent({ ...base, WhoId: ghost })).error).toMatchObject({
      errorCode: 'INVALID_CROSS_REFERENCE_KEY',
      fields: ['WhoId'],
    });
  });
});
