// Which records a session's Event is related to, as real orgs hold an opportunity's contacts: in
// OpportunityContactRole (Opportunity.ContactId holds at most the primary one and is often empty).
// The look-up rides in the start's one composite call; relationFromQuery reads its answer.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { relationFromQuery, relationLookup } from '../../src/background/records/session-event.js';
import { endSession } from '../../src/background/session/service.js';
import { eventOf, type Harness, harness, start } from '../support/background-harness.js';

const roles = (...list: { ContactId: string; IsPrimary: boolean }[]) =>
  list.length > 0 ? { totalSize: list.length, done: true, records: list } : null;

describe('relationFromQuery (pure)', () => {
  const opportunity = relationLookup({ sobject: 'Opportunity', recordId: '006Ac00000000s5' }, 'sales');
  const contact = relationLookup({ sobject: 'Contact', recordId: '003Ac00000000rz' }, 'sales');
  if (!opportunity || !contact) throw new Error('no look-up');

  it('an Opportunity: the primary role, else the first role, else Opportunity.ContactId', () => {
    expect(opportunity.field).toBe('WhoId');
    const primaryLast = roles({ ContactId: '003A', IsPrimary: false }, { ContactId: '003B', IsPrimary: true });
    expect(relationFromQuery(opportunity, [{ ContactId: null, OpportunityContactRoles: primaryLast }])).toEqual({
      WhoId: '003B',
    });
    const noPrimary = roles({ ContactId: '003A', IsPrimary: false }, { ContactId: '003B', IsPrimary: false });
    expect(relationFromQuery(opportunity, [{ ContactId: '003C', OpportunityContactRoles: noPrimary }])).toEqual({
      WhoId: '003A',
    });
    expect(relationFromQuery(opportunity, [{ ContactId: '003C', OpportunityContactRoles: null }])).toEqual({
      WhoId: '003C',
    });
    expect(relationFromQuery(opportunity, [{ ContactId: null, OpportunityContactRoles: null }])).toEqual({});
    expect(relationFromQuery(opportunity, [])).toEqual({});
  });

  it('a Contact in sales: the one open opportunity among its roles, none when there are two', () => {
    expect(contact.field).toBe('WhatId');
    expect(relationFromQuery(contact, [{ OpportunityId: '006A' }])).toEqual({ WhatId: '006A' });
    // Two roles on the same opportunity are still one opportunity.
    expect(relationFromQuery(contact, [{ OpportunityId: '006A' }, { OpportunityId: '006A' }])).toEqual({
      WhatId: '006A',
    });
    expect(relationFromQuery(contact, [{ OpportunityId: '006A' }, { OpportunityId: '006B' }])).toEqual({});
    expect(relationFromQuery(contact, [])).toEqual({});
  });

  it('reads look-ups queued by an earlier version the way it wrote them', () => {
    expect(relationFromQuery({ soql: 'x', field: 'WhoId', pick: 'contact' }, [{ ContactId: '003A' }])).toEqual({
      WhoId: '003A',
    });
    expect(relationFromQuery({ soql: 'x', field: 'WhatId', pick: 'only-record' }, [{ Id: '500A' }])).toEqual({
      WhatId: '500A',
    });
  });
});

async function relatedAtEnd(h: Harness, type: string, id: string) {
  const before = h.salesforceCalls().length;
  const session = await start(h, type, id);
  await runOutbox(h.ports);
  // The look-up costs no request of its own: the start is one composite call.
  expect(
    h
      .salesforceCalls()
      .slice(before)
      .map((c) => `${c.method} ${c.path}`),
  ).toEqual(['POST /services/data/v66.0/composite']);
  await endSession(session.sessionId, h.ports);
  await runOutbox(h.ports);
  return eventOf(h, session.sessionId);
}

const named = (h: Harness, type: string, field: string, value: string) => {
  const record = h.records(type).find((r) => r.fields[field] === value);
  if (!record) throw new Error(`seed changed: no ${type} ${value}`);
  return record;
};

describe('relations through contact roles, against the emulator', () => {
  it('an Opportunity whose contacts are only roles gets the primary role as WhoId, not the first', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const officeMove = named(h, 'Opportunity', 'Name', 'Initech - Office Move');
    expect(officeMove.fields.ContactId ?? null).toBeNull();
    const samir = named(h, 'Contact', 'LastName', 'Nagheenanajar');
    expect(await relatedAtEnd(h, 'Opportunity', officeMove.Id)).toMatchObject({
      WhatId: officeMove.Id,
      WhoId: samir.Id,
    });
  });

  it('an Opportunity with one role that is not primary gets that contact', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const expansion = named(h, 'Opportunity', 'Name', 'Umbrella - Expansion');
    const alice = named(h, 'Contact', 'Email', 'alice@umbrella.example');
    expect(await relatedAtEnd(h, 'Opportunity', expansion.Id)).toMatchObject({ WhatId: expansion.Id, WhoId: alice.Id });
  });

  it('an Opportunity without roles falls back to Opportunity.ContactId', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const hank = named(h, 'Contact', 'LastName', 'Scorpio');
    const bare = h.sandbox.state.salesforce.insert('Opportunity', {
      Name: 'Imported without roles',
      ContactId: hank.Id,
      StageName: 'Prospecting',
      IsClosed: false,
      CloseDate: '2026-12-31',
    });
    expect(await relatedAtEnd(h, 'Opportunity', bare.Id)).toMatchObject({ WhatId: bare.Id, WhoId: hank.Id });
  });

  it('a Contact (sales) finds its one open opportunity through its contact role', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const samir = named(h, 'Contact', 'LastName', 'Nagheenanajar');
    const officeMove = named(h, 'Opportunity', 'Name', 'Initech - Office Move');
    expect(h.records('Opportunity').filter((o) => o.fields.ContactId === samir.Id)).toEqual([]);
    expect(await relatedAtEnd(h, 'Contact', samir.Id)).toMatchObject({ WhoId: samir.Id, WhatId: officeMove.Id });
  });

  it('a Contact (sales) whose only open opportunity is a role beside a closed one it is ContactId of', async () => {
    const h = harness();
    await h.connect({ usage: 'sales' });
    const alice = named(h, 'Contact', 'Email', 'alice@umbrella.example');
    const expansion = named(h, 'Opportunity', 'Name', 'Umbrella - Expansion');
    expect(await relatedAtEnd(h, 'Contact', alice.Id)).toMatchObject({ WhoId: alice.Id, WhatId: expansion.Id });
  });
});
