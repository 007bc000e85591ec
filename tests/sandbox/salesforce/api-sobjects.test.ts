// Record resources: shapes of answers, id handling, field checks and the per-object save rules.

import { describe, expect, it } from 'vitest';
import { to18 } from '../../../src/shared/salesforce-id.js';
import { API, apiClient } from './api-test-client.js';
import { LEAD_QUEUE_ID } from './org.js';

const firstOf = (org: ReturnType<typeof apiClient>['org'], type: string) => org.ofType(type)[0]?.Id as string;

describe('reading records', () => {
  it('answers attributes and every known field, null when unset', async () => {
    const { must, org } = apiClient();
    const id = firstOf(org, 'Lead');
    const answer = await must('GET', `${API}/sobjects/lead/${id}`);
    expect(answer.status).toBe(200);
    const record = answer.json as Record<string, unknown>;
    expect(record.attributes).toEqual({ type: 'Lead', url: `${API}/sobjects/Lead/${id}` });
    expect(record).toMatchObject({ Id: id, Name: 'Ada Lovelace', Company: 'Analytical Engines', Phone: null });
    expect(Object.keys(record)).toContain('Description');
  });

  it('tells apart a missing record, a malformed id and an id of another object', async () => {
    const { must, org } = apiClient();
    const contactId = firstOf(org, 'Contact');
    const missing = await must('GET', `${API}/sobjects/Lead/${to18('00QAc0000000zzz')}`);
    expect([missing.status, missing.json]).toEqual([
      404,
      [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    ]);
    for (const id of ['not-an-id', contactId, `${contactId.slice(0, 15)}AAA`]) {
      const answer = await must('GET', `${API}/sobjects/Lead/${id}`);
      expect([answer.status, answer.json]).toEqual([
        404,
        [{ errorCode: 'NOT_FOUND', message: `Provided external ID field does not exist or is not accessible: ${id}` }],
      ]);
    }
    const unknownType = await must('GET', `${API}/sobjects/Widget/${contactId}`);
    expect(unknownType.error?.errorCode).toBe('NOT_FOUND');
  });

  it('answers only the fields asked for, and INVALID_FIELD for one it lacks', async () => {
    const { must, org } = apiClient();
    const id = firstOf(org, 'Contact');
    const answer = await must('GET', `${API}/sobjects/Contact/${id}?fields=email,AccountId`);
    expect(Object.keys(answer.json as object)).toEqual(['attributes', 'Email', 'AccountId']);
    const bad = await must('GET', `${API}/sobjects/Contact/${id}?fields=Email,Shoe`);
    expect(bad.error?.errorCode).toBe('INVALID_FIELD');
    expect(bad.error?.message).toMatch(/^No such column 'Shoe' on entity 'Contact'/);
  });

  it('describes an object with its fields and lookups', async () => {
    const { must } = apiClient();
    const answer = await must('GET', `${API}/sobjects/Event/describe`);
    const fields = (answer.json as { fields: { name: string; referenceTo: string[] }[] }).fields;
    expect(fields.find((f) => f.name === 'WhoId')?.referenceTo).toEqual(['Contact', 'Lead']);
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['StartDateTime', 'EndDateTime', 'ShowAs']));
  });
});

describe('writing records', () => {
  it("creates with 201, a Location header and computed Name; the org's Lead assignment rule runs unless the request says no", async () => {
    const { must, org } = apiClient();
    // Without the header, REST runs the active assignment rule: the Lead goes to the queue.
    const assigned = await must('POST', `${API}/sobjects/Lead`, { body: { LastName: 'Routed', Company: 'Q' } });
    expect(org.get((assigned.json as { id: string }).id)?.fields.OwnerId).toBe(LEAD_QUEUE_ID);
    const answer = await must('POST', `${API}/sobjects/Lead`, {
      body: { firstname: 'Ida', LASTNAME: 'Tarbell', Company: 'McClure', Email: '', attributes: { type: 'Lead' } },
      headers: { 'Sforce-Auto-Assign': 'false' },
    });
    expect(answer.status).toBe(201);
    const { id } = answer.json as { id: string };
    expect(answer.json).toEqual({ id, success: true, errors: [] });
    expect(answer.headers.Location).toBe(`${API}/sobjects/Lead/${id}`);
    expect(org.get(id)?.fields).toMatchObject({
      FirstName: 'Ida',
      LastName: 'Tarbell',
      Name: 'Ida Tarbell',
      Email: null,
      OwnerId: org.defaultUserId,
      CreatedById: org.defaultUserId,
      Status: 'Open - Not Contacted',
      IsConverted: false,
    });
  });

  it('updates with 204 and no body, recomputing derived fields', async () => {
    const { must, org } = apiClient();
    const id = firstOf(org, 'Contact');
    const answer = await must('PATCH', `${API}/sobjects/Contact/${id}`, { body: { FirstName: 'Henry' } });
    expect([answer.status, answer.json]).toEqual([204, undefined]);
    expect(org.get(id)?.fields.Name).toBe('Henry Scorpio');
  });

  it('deletes with 204; the record then reads as deleted', async () => {
    const { must, org } = apiClient();
    const id = firstOf(org, 'Campaign');
    expect((await must('DELETE', `${API}/sobjects/Campaign/${id}`)).status).toBe(204);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const answer = await must(method, `${API}/sobjects/Campaign/${id}`, { body: { Name: 'x' } });
      expect([answer.status, answer.error?.errorCode]).toEqual([404, 'ENTITY_IS_DELETED']);
    }
  });

  it('refuses fields Salesforce computes, fields that do not exist and values of the wrong type', async () => {
    const { must, org } = apiClient();
    const readOnly = await must('POST', `${API}/sobjects/Lead`, { body: { LastName: 'X', Company: 'Y', Name: 'Z' } });
    expect(readOnly.error).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Name'] });
    const converted = await must('PATCH', `${API}/sobjects/Lead/${firstOf(org, 'Lead')}`, {
      body: { IsConverted: true },
    });
    expect(converted.error?.errorCode).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    const unknown = await must('POST', `${API}/sobjects/Contact`, { body: { LastName: 'X', Shoe: 'left' } });
    expect(unknown.json).toEqual([
      { message: "No such column 'Shoe' on sobject of type Contact", errorCode: 'INVALID_FIELD' },
    ]);
    const wrongType = await must('POST', `${API}/sobjects/Campaign`, { body: { Name: 'C', IsActive: 'maybe' } });
    expect(wrongType.error?.errorCode).toBe('JSON_PARSER_ERROR');
    const email = await must('POST', `${API}/sobjects/Lead`, { body: { LastName: 'X', Company: 'Y', Email: 'no-at' } });
    expect(email.error).toEqual({
      message: 'Email: invalid email address: no-at',
      errorCode: 'INVALID_EMAIL_ADDRESS',
      fields: ['Email'],
    });
  });

  it('answers JSON_PARSER_ERROR for bodies that are not a JSON object', async () => {
    const { must } = apiClient();
    const broken = await must('POST', `${API}/sobjects/Lead`, { rawBody: '{"LastName": "X",\n  oops}' });
    expect(broken.error?.errorCode).toBe('JSON_PARSER_ERROR');
    expect(broken.error?.message).toMatch(/at \[line:2, column:\d+\]$/);
    const empty = await must('POST', `${API}/sobjects/Lead`, { rawBody: '' });
    expect(empty.error?.errorCode).toBe('JSON_PARSER_ERROR');
    const array = await must('POST', `${API}/sobjects/Lead`, { body: [{ LastName: 'X' }] });
    expect(array.error?.errorCode).toBe('JSON_PARSER_ERROR');
  });

  it('answers METHOD_NOT_ALLOWED for methods a resource lacks', async () => {
    const { must, org } = apiClient();
    const answer = await must('PUT', `${API}/sobjects/Lead/${firstOf(org, 'Lead')}`, { body: {} });
    expect([answer.status, answer.error?.errorCode]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });

  it('lets a rep read users but not write them', async () => {
    const { must, org } = apiClient();
    expect((await must('GET', `${API}/sobjects/User/${org.defaultUserId}`)).status).toBe(200);
    const answer = await must('POST', `${API}/sobjects/User`, { body: { LastName: 'X' } });
    expect(answer.error?.errorCode).toBe('INSUFFICIENT_ACCESS_OR_READONLY');
  });
});

describe('save rules', () => {
  it('a lead needs LastName and Company', async () => {
    const { must } = apiClient();
    const answer = await must('POST', `${API}/sobjects/Lead`, { body: { FirstName: 'Only' } });
    expect([answer.status, answer.json]).toEqual([
      400,
      [
        {
          message: 'Required fields are missing: [LastName, Company]',
          errorCode: 'REQUIRED_FIELD_MISSING',
          fields: ['LastName', 'Company'],
        },
      ],
    ]);
    const cleared = await must('POST', `${API}/sobjects/Lead`, { body: { LastName: 'X', Company: '' } });
    expect(cleared.error?.fields).toEqual(['Company']);
  });

  it('an opportunity closes with its stage; a case gets the next case number', async () => {
    const { must, org } = apiClient();
    const opportunityId = firstOf(org, 'Opportunity');
    await must('PATCH', `${API}/sobjects/Opportunity/${opportunityId}`, { body: { StageName: 'Closed Won' } });
    expect(org.get(opportunityId)?.fields).toMatchObject({ IsClosed: true, IsWon: true });
    const created = await must('POST', `${API}/sobjects/Case`, { body: { Subject: 'New one' } });
    const numbers = org.ofType('Case').map((c) => Number(c.fields.CaseNumber));
    expect(org.get((created.json as { id: string }).id)?.fields).toMatchObject({
      CaseNumber: String(Math.max(...numbers)).padStart(8, '0'),
      IsClosed: false,
      Status: 'New',
    });
  });

  it('a feed item needs a parent and a body or a link', async () => {
    const { must, org } = apiClient();
    const noParent = await must('POST', `${API}/sobjects/FeedItem`, { body: { Body: 'Hi' } });
    expect(noParent.error?.fields).toEqual(['ParentId']);
    const empty = await must('POST', `${API}/sobjects/FeedItem`, { body: { ParentId: firstOf(org, 'Case') } });
    expect(empty.error?.errorCode).toBe('REQUIRED_FIELD_MISSING');
    const text = await must('POST', `${API}/sobjects/FeedItem`, { body: { ParentId: org.defaultUserId, Body: 'Hi' } });
    expect(org.get((text.json as { id: string }).id)?.fields.Type).toBe('TextPost');
  });
});
