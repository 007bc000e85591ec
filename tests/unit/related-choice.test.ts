// Which Opportunity or Case (issue 27, item 6): when more than one open record fits the rep's usage,
// the panel asks, and the Event is related to the one chosen. The candidates ride on the start's one
// composite call (the look-up already there now names them), the choice is checked against what the
// worker holds, and the chosen WhatId goes with the end's PATCH: no request of its own.
import { describe, expect, it } from 'vitest';
import { startScheduledMeeting } from '../../src/background/meeting/service.js';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { choicesFromQuery, relationLookup } from '../../src/background/records/session-event.js';
import { routeMessage } from '../../src/background/router.js';
import { endSession } from '../../src/background/session/service.js';
import { parseContentMessage, type SessionResult } from '../../src/shared/protocol/index.js';
import { to18 } from '../../src/shared/salesforce-id.js';
import { eventOf, type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { MINUTE, meetingEvent, schedule } from '../support/meetings.js';
import { currentSession } from '../support/session.js';

const named = (h: Harness, type: string, field: string, value: string) => {
  const record = h.records(type).find((r) => r.fields[field] === value);
  if (!record) throw new Error(`seed changed: no ${type} ${value}`);
  return record;
};

const sender = (url: string) => ({ id: 'test', url, frameId: 0, tab: { id: 1, url, incognito: false } });

/** An 18-character id as Salesforce answers it (its checksum right). */
const id18 = (id15: string) => to18(id15) ?? '';

const calls = (h: Harness, since: number) =>
  h
    .salesforceCalls()
    .slice(since)
    .map((c) => `${c.method} ${c.path.replace(/\?.*/, '')}`);

describe('choicesFromQuery (pure)', () => {
  const sales = relationLookup({ sobject: 'Contact', recordId: '003Ac00000000rzAAA' }, 'sales');
  const support = relationLookup({ sobject: 'Contact', recordId: '003Ac00000000rzAAA' }, 'support');
  if (!sales || !support) throw new Error('no look-up');

  it('asks for the names in the one look-up, with one row more than it shows', () => {
    expect(sales.soql).toMatch(/^SELECT OpportunityId, Opportunity\.Name FROM OpportunityContactRole .* LIMIT 11$/);
    expect(support.soql).toMatch(/^SELECT Id, CaseNumber, Subject FROM Case .*IsClosed = false .*LIMIT 11$/);
    expect([sales.choose, support.choose]).toEqual(['Opportunity', 'Case']);
  });

  it('offers two or more distinct open records, once each, with Salesforce’s names as one line', () => {
    const rows = [
      { OpportunityId: '006A00000000001', Opportunity: { Name: 'Initech - TPS\nReports' } },
      { OpportunityId: '006A00000000001', Opportunity: { Name: 'Initech - TPS\nReports' } },
      { OpportunityId: id18('006A00000000002'), Opportunity: { Name: '<img src=x onerror=alert(1)>' } },
    ];
    expect(choicesFromQuery(sales, rows)).toEqual({
      sobject: 'Opportunity',
      field: 'WhatId',
      candidates: [
        { id: id18('006A00000000001'), name: 'Initech - TPS Reports', detail: '' },
        { id: id18('006A00000000002'), name: '<img src=x onerror=alert(1)>', detail: '' },
      ],
      more: false,
    });
    expect(choicesFromQuery(sales, rows.slice(0, 2))).toBeUndefined();
    expect(choicesFromQuery(sales, [])).toBeUndefined();
    expect(
      choicesFromQuery(support, [
        { Id: id18('500A00000000001'), CaseNumber: '00001001', Subject: 'Cannot export reports' },
        { Id: id18('500A00000000002'), CaseNumber: '00001005', Subject: null },
      ])?.candidates,
    ).toEqual([
      { id: id18('500A00000000001'), name: '00001001', detail: 'Cannot export reports' },
      { id: id18('500A00000000002'), name: '00001005', detail: '' },
    ]);
  });

  it('shows ten and says there are more when Salesforce answered the eleventh row', () => {
    const rows = Array.from({ length: 11 }, (_, i) => ({
      Id: `500A0000000${String(i).padStart(4, '0')}`,
      CaseNumber: String(i),
    }));
    const choices = choicesFromQuery(support, rows);
    expect(choices?.candidates).toHaveLength(10);
    expect(choices?.more).toBe(true);
    expect(choicesFromQuery(support, rows.slice(0, 10))?.more).toBe(false);
  });

  it('offers only ids of the asked type, and nothing for a look-up queued before the rows had names', () => {
    expect(
      choicesFromQuery(sales, [
        { OpportunityId: id18('500A00000000001') },
        { OpportunityId: id18('500A00000000002') },
        { OpportunityId: 'not an id' },
        { OpportunityId: id18('006A00000000001') },
      ]),
    ).toBeUndefined();
    const older = { soql: 'x', field: 'WhatId', pick: 'only-record' } as const;
    expect(choicesFromQuery(older, [{ Id: id18('500A00000000001') }, { Id: id18('500A00000000002') }])).toBeUndefined();
  });

  it('a content message names a session and a record id (or none), nothing longer', () => {
    expect(
      parseContentMessage({ type: 'content:choose-related', sessionId: 's1', recordId: id18('006A00000000001') }),
    ).toEqual({ type: 'content:choose-related', sessionId: 's1', recordId: id18('006A00000000001') });
    expect(parseContentMessage({ type: 'content:choose-related', sessionId: 's1', recordId: '' })).toBeTruthy();
    expect(parseContentMessage({ type: 'content:choose-related', sessionId: 's1', recordId: 'x'.repeat(19) })).toBe(
      undefined,
    );
    expect(parseContentMessage({ type: 'content:choose-related', sessionId: 's1', recordId: 7 })).toBeUndefined();
  });
});

describe('the rep chooses, against the emulator', () => {
  /** Peter Gibbons has roles on three open opportunities (TPS Reports, Printer Upgrade, Office Move). */
  async function onPeter(h: Harness) {
    await h.connect({ usage: 'sales' });
    const peter = named(h, 'Contact', 'LastName', 'Gibbons');
    const before = h.salesforceCalls().length;
    const session = await start(h, 'Contact', peter.Id);
    await runOutbox(h.ports);
    const page = `${LIGHTNING}/lightning/r/Contact/${peter.Id}/view`;
    return { peter, before, session, page };
  }

  it('lists the open opportunities from the start’s one call; the chosen one is WhatId after End, in one PATCH', async () => {
    const h = harness();
    const { peter, before, session, page } = await onPeter(h);
    const printer = named(h, 'Opportunity', 'Name', 'Initech - Printer Upgrade');
    const view = await currentSession(h.ports);
    expect(view?.related?.sobject).toBe('Opportunity');
    expect(view?.related?.chosen).toBe('');
    expect(view?.related?.candidates.map((c) => c.name).sort()).toEqual([
      'Initech - Office Move',
      'Initech - Printer Upgrade',
      'Initech - TPS Reports',
    ]);
    expect(calls(h, before)).toEqual(['POST /services/data/v66.0/composite']);

    const chosen = (await routeMessage(
      { type: 'content:choose-related', sessionId: session.sessionId, recordId: printer.Id },
      sender(page),
      h.ports,
    )) as SessionResult;
    expect(chosen.ok && chosen.session?.related?.chosen).toBe(printer.Id);
    // The choice is kept by the worker and sent nowhere now.
    expect(calls(h, before)).toEqual(['POST /services/data/v66.0/composite']);

    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(eventOf(h, session.sessionId)).toMatchObject({ WhoId: peter.Id, WhatId: printer.Id });
    expect(calls(h, before)).toEqual([
      'POST /services/data/v66.0/composite',
      expect.stringMatching(/^PATCH \/services\/data\/v66\.0\/sobjects\/Event\/00U/),
    ]);
  });

  it('refuses a record it did not offer, and keeps the earlier choice; none chosen relates none', async () => {
    const h = harness();
    const { peter, session, page } = await onPeter(h);
    const tps = named(h, 'Opportunity', 'Name', 'Initech - TPS Reports');
    const closed = named(h, 'Opportunity', 'Name', 'Umbrella - Renewal');
    const choose = (recordId: string) =>
      routeMessage({ type: 'content:choose-related', sessionId: session.sessionId, recordId }, sender(page), h.ports);
    expect((await choose(tps.Id)) as SessionResult).toMatchObject({ ok: true });
    expect(await choose(closed.Id)).toEqual({ ok: false, problem: 'choice-not-offered' });
    expect(await choose(tps.Id.slice(0, 15))).toEqual({ ok: false, problem: 'choice-not-offered' });
    expect((await currentSession(h.ports))?.related?.chosen).toBe(tps.Id);
    // Another session's id, or a tab of another org: nothing changes.
    expect(
      await routeMessage(
        { type: 'content:choose-related', sessionId: 'other', recordId: tps.Id },
        sender(page),
        h.ports,
      ),
    ).toEqual({ ok: false, problem: 'session-gone' });
    // The rep takes it back: nothing is related, as before this feature.
    expect(((await choose('')) as SessionResult).ok).toBe(true);
    expect((await currentSession(h.ports))?.related?.chosen).toBe('');
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    const event = eventOf(h, session.sessionId);
    expect(event.WhoId).toBe(peter.Id);
    expect(event.WhatId ?? null).toBeNull();
  });

  it('support: a Contact with two open Cases offers both by number and subject; the chosen one is WhatId', async () => {
    const h = harness();
    await h.connect({ usage: 'support' });
    const hank = named(h, 'Contact', 'LastName', 'Scorpio');
    const second = h.sandbox.state.salesforce.insert('Case', {
      Subject: 'Monorail <b>noise</b>',
      CaseNumber: '00009001',
      ContactId: hank.Id,
      Status: 'New',
      IsClosed: false,
    });
    const before = h.salesforceCalls().length;
    const session = await start(h, 'Contact', hank.Id);
    await runOutbox(h.ports);
    const related = (await currentSession(h.ports))?.related;
    expect(related?.sobject).toBe('Case');
    expect(related?.candidates).toContainEqual({ id: second.Id, name: '00009001', detail: 'Monorail <b>noise</b>' });
    expect(related?.candidates).toHaveLength(2);
    const page = `${LIGHTNING}/lightning/r/Contact/${hank.Id}/view`;
    await routeMessage(
      { type: 'content:choose-related', sessionId: session.sessionId, recordId: second.Id },
      sender(page),
      h.ports,
    );
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(eventOf(h, session.sessionId)).toMatchObject({ WhoId: hank.Id, WhatId: second.Id });
    expect(calls(h, before)).toHaveLength(2);
  });

  it('one open record is still related without asking', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const samir = named(h, 'Contact', 'LastName', 'Nagheenanajar');
    const officeMove = named(h, 'Opportunity', 'Name', 'Initech - Office Move');
    const session = await start(h, 'Contact', samir.Id);
    await runOutbox(h.ports);
    expect((await currentSession(h.ports))?.related).toBeNull();
    await endSession(session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(eventOf(h, session.sessionId).WhatId).toBe(officeMove.Id);
  });

  it('a session started from a meeting scheduled on the Contact asks too, and the meeting’s Event gets the pick', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const peter = named(h, 'Contact', 'LastName', 'Gibbons');
    const office = named(h, 'Opportunity', 'Name', 'Initech - Office Move');
    const meeting = await schedule(h, 'Contact', peter.Id);
    await runOutbox(h.ports);
    // Three open opportunities: the meeting's Event was related to none of them.
    expect(meetingEvent(h, meeting.meetingId).fields.WhatId ?? null).toBeNull();
    h.tick(Date.parse(meeting.startsAt) - h.ports.now() - 10 * MINUTE);
    const page = `${LIGHTNING}/lightning/r/Contact/${peter.Id}/view`;
    const started = await startScheduledMeeting(meeting.meetingId, page, undefined, h.ports);
    if (!started.ok || !('session' in started) || !started.session) throw new Error(JSON.stringify(started));
    await runOutbox(h.ports);
    const { sessionId } = started.session;
    expect((await currentSession(h.ports))?.related?.candidates).toHaveLength(3);
    const before = h.salesforceCalls().length;
    await routeMessage({ type: 'content:choose-related', sessionId, recordId: office.Id }, sender(page), h.ports);
    await endSession(sessionId, h.ports);
    await runOutbox(h.ports);
    expect(meetingEvent(h, meeting.meetingId).fields).toMatchObject({ WhoId: peter.Id, WhatId: office.Id });
    expect(calls(h, before)).toEqual([expect.stringMatching(/^PATCH \/services\/data\/v66\.0\/sobjects\/Event\//)]);
  });
});
