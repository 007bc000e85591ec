// Contract: record create/read/update/delete, collections and save errors, as jsforce sees them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAD_QUEUE_ID } from '../salesforce/org.js';
import { type JsforceSandbox, rejectionOf, startJsforceSandbox, statusCodesOf } from './jsforce-harness.js';

let env: JsforceSandbox;
beforeAll(async () => {
  env = await startJsforceSandbox();
});
afterAll(async () => {
  await env?.close();
});

const firstId = (type: string) => env.org().ofType(type)[0]?.Id as string;
const uniqueEmail = () => `lead.${Math.random().toString(36).slice(2)}@contract.example`;

describe('records', () => {
  it("a lead the org's assignment rule gives to its queue is the queue's, and private sharing hides it", async () => {
    const conn = env.connect();
    // jsforce sends no Sforce-Auto-Assign: the org's active Lead assignment rule runs.
    const created = await conn.sobject('Lead').create({ LastName: 'Routed', Company: 'R Co', Email: uniqueEmail() });
    const id = created.id as string;
    expect(env.org().get(id)?.fields.OwnerId).toBe(LEAD_QUEUE_ID);
    // Under acme's Private Lead sharing the rep who made it can no longer read it.
    expect((await rejectionOf(conn.sobject('Lead').retrieve(id))).errorCode).toBe('NOT_FOUND');
    expect((await conn.query(`SELECT Id FROM Lead WHERE Id = '${id}'`)).totalSize).toBe(0);
  });

  it('creates, reads, updates and deletes a lead', async () => {
    const conn = env.connect();
    const email = uniqueEmail();
    const created = await conn
      .sobject('Lead')
      .create(
        { FirstName: 'Quinn', LastName: 'Case', Company: 'Q Co', Email: email },
        { headers: { 'Sforce-Auto-Assign': 'FALSE' } },
      );
    expect(created.success).toBe(true);
    const id = created.id as string;
    expect(id).toMatch(/^00Q[a-zA-Z0-9]{15}$/);

    const read = await conn.sobject('Lead').retrieve(id);
    expect(read).toMatchObject({ Id: id, Name: 'Quinn Case', Company: 'Q Co', Email: email, IsConverted: false });
    expect(read.attributes).toEqual({ type: 'Lead', url: `/services/data/v66.0/sobjects/Lead/${id}` });
    // Sforce-Auto-Assign: FALSE kept it with its creator.
    expect(read.OwnerId).toBe(env.org().defaultUserId);
    expect(read.Phone).toBeNull();
    const updated = await conn.sobject('Lead').update({ Id: id, LastName: 'Closed', Phone: '+1 555 0100' });
    expect(updated).toEqual({ id, success: true, errors: [] });
    const reread = await conn.sobject('Lead').retrieve(id, { fields: ['Name', 'Phone'] });
    expect(reread).toMatchObject({ Name: 'Quinn Closed', Phone: '+1 555 0100' });
    expect(Object.keys(reread)).toEqual(['attributes', 'Name', 'Phone']);

    await conn.sobject('Lead').destroy(id);
    expect(env.org().get(id)).toBeUndefined();
    const gone = await rejectionOf(conn.sobject('Lead').retrieve(id));
    expect(gone.errorCode).toBe('ENTITY_IS_DELETED');
  });

  it('accepts a 15-character id and answers the 18-character one', async () => {
    const conn = env.connect();
    const id = firstId('Contact');
    const read = await conn.sobject('Contact').retrieve(id.slice(0, 15));
    expect(read.Id).toBe(id);
  });

  it('creates an event for a contact with a related opportunity', async () => {
    const conn = env.connect();
    const opportunity = env.org().ofType('Opportunity')[0];
    const created = await conn.sobject('Event').create({
      Subject: 'Glance session',
      StartDateTime: '2026-03-02T15:00:00.000Z',
      EndDateTime: '2026-03-02T15:45:00.000Z',
      WhoId: opportunity?.fields.ContactId,
      WhatId: opportunity?.Id,
    });
    const event = await conn.sobject('Event').retrieve(created.id as string);
    expect(event).toMatchObject({
      DurationInMinutes: 45,
      StartDateTime: '2026-03-02T15:00:00.000+0000',
      EndDateTime: '2026-03-02T15:45:00.000+0000',
      AccountId: opportunity?.fields.AccountId,
    });
  });

  it('posts a link to a record feed', async () => {
    const conn = env.connect();
    const parentId = firstId('Case');
    const created = await conn.sobject('FeedItem').create({
      ParentId: parentId,
      Type: 'LinkPost',
      LinkUrl: 'https://acme.glance.net/join?key=1234',
      Title: 'Join my Glance session',
      Body: 'Session key 1234',
    });
    expect(env.org().get(created.id as string)?.fields).toMatchObject({ ParentId: parentId, Type: 'LinkPost' });
  });
});

describe('collections', () => {
  it('creates several leads in one call and reports each', async () => {
    const conn = env.connect();
    const before = env.org().apiUsage;
    const results = await conn
      .sobject('Lead')
      .create([
        { LastName: 'One', Company: 'C1', Email: uniqueEmail() },
        { LastName: 'Two', Company: 'C2' },
        { LastName: 'Three' },
      ]);
    expect(env.org().apiUsage).toBe(before + 1);
    expect(results.map((r) => r.success)).toEqual([true, true, false]);
    expect(results[2]?.errors[0]).toMatchObject({ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['Company'] });
    expect(env.org().get(results[1]?.id as string)?.fields.Name).toBe('Two');
  });

  it('rolls every record back when allOrNone is set and one fails', async () => {
    const conn = env.connect();
    const leadsBefore = env.org().ofType('Lead').length;
    const results = await conn.sobject('Lead').create(
      [
        { LastName: 'Kept?', Company: 'C' },
        { FirstName: 'No last name', Company: 'C' },
      ],
      { allOrNone: true },
    );
    expect(results.map((r) => r.success)).toEqual([false, false]);
    expect(results.map(statusCodesOf)).toEqual([['ALL_OR_NONE_OPERATION_ROLLED_BACK'], ['REQUIRED_FIELD_MISSING']]);
    expect(env.org().ofType('Lead')).toHaveLength(leadsBefore);
  });

  it('updates, retrieves and deletes several records', async () => {
    const conn = env.connect();
    const created = await conn.sobject('Lead').create(
      [
        { LastName: 'A', Company: 'C' },
        { LastName: 'B', Company: 'C' },
      ],
      { headers: { 'Sforce-Auto-Assign': 'FALSE' } },
    );
    const ids = created.map((r) => r.id as string);
    await conn.sobject('Lead').update(ids.map((Id) => ({ Id, Status: 'Working - Contacted' })));
    const read = await conn.sobject('Lead').retrieve(ids, { fields: ['Status'] });
    expect(read.map((r) => r?.Status)).toEqual(['Working - Contacted', 'Working - Contacted']);
    const deleted = await conn.sobject('Lead').destroy(ids);
    expect(deleted.every((r) => r.success)).toBe(true);
    expect(ids.map((id) => env.org().get(id))).toEqual([undefined, undefined]);
  });
});

describe('save errors', () => {
  it('REQUIRED_FIELD_MISSING names every missing field of a lead', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.sobject('Lead').create({ FirstName: 'Nameless' }));
    expect(error.errorCode).toBe('REQUIRED_FIELD_MISSING');
    expect(error.message).toBe('Required fields are missing: [LastName, Company]');
    expect(error.data).toMatchObject({ fields: ['LastName', 'Company'] });
  });

  it('FIELD_INTEGRITY_EXCEPTION for an event whose WhoId is a lead and that has a WhatId', async () => {
    const conn = env.connect();
    const eventsBefore = env.org().ofType('Event').length;
    const error = await rejectionOf(
      conn.sobject('Event').create({
        Subject: 'Demo',
        StartDateTime: '2026-03-02T15:00:00Z',
        DurationInMinutes: 30,
        WhoId: firstId('Lead'),
        WhatId: firstId('Campaign'),
      }),
    );
    expect(error.errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(error.data).toMatchObject({ fields: ['WhatId'] });
    expect(env.org().ofType('Event')).toHaveLength(eventsBefore);
  });

  it('INVALID_FIELD for a field the object does not have', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.sobject('Lead').create({ LastName: 'X', Company: 'Y', Foo: 'bar' }));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toBe("No such column 'Foo' on sobject of type Lead");
  });

  it('NOT_FOUND for an unknown object type and for an id of another type', async () => {
    const conn = env.connect();
    const unknownType = await rejectionOf(conn.sobject('Widget').create({ Name: 'x' }));
    expect(unknownType.errorCode).toBe('NOT_FOUND');
    const contactId = firstId('Contact');
    const wrongType = await rejectionOf(conn.sobject('Lead').retrieve(contactId));
    expect(wrongType.errorCode).toBe('NOT_FOUND');
    expect(wrongType.message).toBe(`Provided external ID field does not exist or is not accessible: ${contactId}`);
  });

  it('MALFORMED_ID for a lookup that is not an id', async () => {
    const conn = env.connect();
    const error = await rejectionOf(
      conn.sobject('Event').create({ StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 5, WhoId: 'nope' }),
    );
    expect(error.errorCode).toBe('MALFORMED_ID');
  });

  it('JSON_PARSER_ERROR for a body that is not JSON', async () => {
    const conn = env.connect();
    const error = await rejectionOf(
      conn.request({
        method: 'POST',
        url: '/services/data/v66.0/sobjects/Lead',
        body: '{"LastName": ',
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(error.errorCode).toBe('JSON_PARSER_ERROR');
  });
});
