// POST /composite details (references, rollback of every kind of write) and sObject collections.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';

interface Subresponse {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string | null;
}

function setup() {
  const client = apiClient();
  const composite = async (allOrNone: boolean, compositeRequest: unknown[]) => {
    const answer = await client.must('POST', `${API}/composite`, { body: { allOrNone, compositeRequest } });
    expect(answer.status).toBe(200);
    return (answer.json as { compositeResponse: Subresponse[] }).compositeResponse;
  };
  return { ...client, composite };
}

const firstError = (r: Subresponse | undefined) =>
  (r?.body as { errorCode: string; message: string }[] | undefined)?.[0];

describe('composite references', () => {
  it('interpolates references inside strings and leaves other text alone', async () => {
    const { composite, org } = setup();
    const [lead, event] = await composite(false, [
      { method: 'POST', url: `${API}/sobjects/Lead`, referenceId: 'lead', body: { LastName: 'L', Company: 'C' } },
      {
        method: 'POST',
        url: `${API}/sobjects/Event`,
        referenceId: 'event',
        body: {
          Description: 'About lead @{lead.id} (see @{lead.success})',
          StartDateTime: '2026-03-02T15:00:00Z',
          DurationInMinutes: 10,
        },
      },
    ]);
    const leadId = (lead?.body as { id: string } | undefined)?.id;
    expect(org.get(String((event?.body as { id: string } | undefined)?.id))?.fields.Description).toBe(
      `About lead ${leadId} (see true)`,
    );
  });

  it('halts a subrequest whose reference finds nothing', async () => {
    const { composite } = setup();
    const [response] = await composite(false, [
      { method: 'GET', url: `${API}/sobjects/Lead/@{nope.id}`, referenceId: 'orphan' },
    ]);
    expect(response?.httpStatusCode).toBe(400);
    expect(firstError(response)).toEqual({
      errorCode: 'PROCESSING_HALTED',
      message: 'Invalid reference specified. No value for nope.id found in nope.',
    });
  });

  it('answers NOT_FOUND for a subrequest URL outside this API version, and for nested composites', async () => {
    const { composite } = setup();
    const responses = await composite(false, [
      { method: 'GET', url: '/services/data/v65.0/sobjects', referenceId: 'old' },
      { method: 'POST', url: `${API}/composite`, referenceId: 'nested', body: { compositeRequest: [] } },
    ]);
    expect(responses.map((r) => [r.httpStatusCode, firstError(r)?.errorCode])).toEqual([
      [404, 'NOT_FOUND'],
      [404, 'NOT_FOUND'],
    ]);
  });

  it('refuses a composite body without compositeRequest', async () => {
    const { must } = setup();
    const answer = await must('POST', `${API}/composite`, { body: { allOrNone: true } });
    expect([answer.status, answer.error?.errorCode]).toEqual([400, 'JSON_PARSER_ERROR']);
  });
});

describe('composite allOrNone', () => {
  it('undoes updates and deletes as well as inserts', async () => {
    const { composite, org } = setup();
    const contact = org.ofType('Contact')[0];
    const campaign = org.ofType('Campaign')[0];
    const titleBefore = contact?.fields.Title ?? null;
    const responses = await composite(true, [
      {
        method: 'PATCH',
        url: `${API}/sobjects/Contact/${contact?.Id}`,
        referenceId: 'edit',
        body: { Title: 'Changed' },
      },
      { method: 'DELETE', url: `${API}/sobjects/Campaign/${campaign?.Id}`, referenceId: 'remove' },
      { method: 'GET', url: `${API}/sobjects/Contact/${contact?.Id}`, referenceId: 'read' },
      { method: 'POST', url: `${API}/sobjects/Lead`, referenceId: 'fail', body: { LastName: 'No company' } },
      { method: 'GET', url: `${API}/sobjects/Contact/${contact?.Id}`, referenceId: 'never' },
    ]);
    expect(responses.map((r) => firstError(r)?.errorCode)).toEqual([
      'PROCESSING_HALTED',
      'PROCESSING_HALTED',
      'PROCESSING_HALTED',
      'REQUIRED_FIELD_MISSING',
      'PROCESSING_HALTED',
    ]);
    expect(firstError(responses[0])?.message).toBe(
      'The transaction was rolled back since another operation in the same transaction failed.',
    );
    expect(org.get(contact?.Id as string)?.fields.Title ?? null).toBe(titleBefore);
    expect(org.get(campaign?.Id as string)).toBeDefined();
  });
});

describe('sObject collections', () => {
  it('reports per-record errors in Salesforce collection shape', async () => {
    const { must } = setup();
    const answer = await must('POST', `${API}/composite/sobjects`, {
      body: {
        allOrNone: false,
        records: [
          { attributes: { type: 'Lead' }, LastName: 'Fine', Company: 'C' },
          { LastName: 'Typeless' },
          { attributes: { type: 'Lead' }, Id: '00Q000000000001AAA', LastName: 'X', Company: 'C' },
        ],
      },
    });
    const results = answer.json as { id?: string; success: boolean; errors: { statusCode: string }[] }[];
    expect(results.map((r) => [r.success, r.errors[0]?.statusCode])).toEqual([
      [true, undefined],
      [false, 'INVALID_TYPE'],
      [false, 'INVALID_FIELD'],
    ]);
    expect(results[0]?.id).toMatch(/^00Q/);
  });

  it('refuses more than 200 records', async () => {
    const { must } = setup();
    const records = Array.from({ length: 201 }, () => ({ attributes: { type: 'Lead' }, LastName: 'X', Company: 'C' }));
    const answer = await must('POST', `${API}/composite/sobjects`, { body: { allOrNone: false, records } });
    expect([answer.status, answer.error?.errorCode]).toEqual([400, 'EXCEEDED_ID_LIMIT']);
  });

  it('refuses a delete of more than 200 ids, deleting none of them', async () => {
    const { must, org } = setup();
    const ids = Array.from({ length: 201 }, (_, i) => org.insert('Lead', { LastName: `X${i}`, Company: 'C' }).Id);
    const answer = await must('DELETE', `${API}/composite/sobjects?ids=${ids.join(',')}`);
    expect([answer.status, answer.error?.errorCode]).toEqual([400, 'EXCEEDED_ID_LIMIT']);
    expect(ids.filter((id) => org.get(id))).toHaveLength(201);
  });

  it('deletes by ids, and with allOrNone restores them when one id is bad', async () => {
    const { must, org } = setup();
    const [first, second] = org.ofType('Account').map((a) => a.Id);
    const rolledBack = await must('DELETE', `${API}/composite/sobjects?ids=${first},bogus&allOrNone=true`);
    expect((rolledBack.json as { errors: { statusCode: string }[] }[]).map((r) => r.errors[0]?.statusCode)).toEqual([
      'ALL_OR_NONE_OPERATION_ROLLED_BACK',
      'MALFORMED_ID',
    ]);
    expect(org.get(first as string)).toBeDefined();
    const deleted = await must('DELETE', `${API}/composite/sobjects?ids=${first},${second}`);
    expect((deleted.json as { success: boolean }[]).map((r) => r.success)).toEqual([true, true]);
    expect(org.get(first as string)).toBeUndefined();
  });

  it('retrieves several records of one type, null where an id finds none', async () => {
    const { must, org } = setup();
    const [lead] = org.ofType('Lead');
    const contact = org.ofType('Contact')[0];
    const answer = await must('GET', `${API}/composite/sobjects/Lead?ids=${lead?.Id},${contact?.Id}&fields=Name,Email`);
    expect(answer.json).toEqual([
      {
        attributes: { type: 'Lead', url: `${API}/sobjects/Lead/${lead?.Id}` },
        Name: 'Ada Lovelace',
        Email: 'ada@engines.example',
      },
      null,
    ]);
  });
});

describe('composite limits', () => {
  const query = (n: number) => ({
    method: 'GET',
    url: `${API}/query?q=${encodeURIComponent('SELECT Id FROM Lead LIMIT 1')}`,
    referenceId: `q${n}`,
  });

  it('takes five query subrequests, and refuses a sixth (REST API Developer Guide, "Composite")', async () => {
    const { composite } = setup();
    const five = await composite(false, [0, 1, 2, 3, 4].map(query));
    expect(five.map((r) => r.httpStatusCode)).toEqual([200, 200, 200, 200, 200]);
    const six = await composite(false, [0, 1, 2, 3, 4, 5].map(query));
    expect(six).toHaveLength(1);
    expect(firstError(six[0])?.errorCode).toBe('LIMIT_EXCEEDED');
  });
});
