// SOQL semantics of GET /query (nulls, case, relationships, paging) and the small SOSL of GET /search.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';

type Rows = { totalSize: number; done: boolean; nextRecordsUrl?: string; records: Record<string, unknown>[] };
const rowsOf = (answer: { json: unknown }) => answer.json as Rows;

describe('SOQL semantics', () => {
  it('compares text without regard to case, and != keeps rows whose value is null', async () => {
    const { query } = apiClient();
    const exact = rowsOf(await query("select name from LEAD where EMAIL = 'ADA@Engines.Example'"));
    expect(exact.records).toEqual([{ attributes: expect.objectContaining({ type: 'Lead' }), Name: 'Ada Lovelace' }]);
    const others = rowsOf(await query("SELECT Name FROM Lead WHERE Email != 'ada@engines.example'"));
    expect(others.records.map((r) => r.Name)).toContain('Linus Nomail');
    const ordered = rowsOf(await query("SELECT Name FROM Lead WHERE Email > 'a'"));
    expect(ordered.records.map((r) => r.Name)).not.toContain('Linus Nomail');
  });

  it('supports IN, NOT IN, LIKE with escapes, NOT and parentheses', async () => {
    const { query, org } = apiClient();
    org.insert('Lead', { LastName: '100%_sure', Name: '100%_sure', Company: 'Percent', IsConverted: false });
    org.insert('Lead', { LastName: '100xxsure', Name: '100xxsure', Company: 'Percent', IsConverted: false });
    const names = async (soql: string) => rowsOf(await query(soql)).records.map((r) => r.Name);
    expect(await names("SELECT Name FROM Lead WHERE LastName LIKE '100\\%\\_%'")).toEqual(['100%_sure']);
    expect(await names("SELECT Name FROM Lead WHERE LastName LIKE '100__sure'")).toEqual(['100%_sure', '100xxsure']);
    expect(await names("SELECT Name FROM Lead WHERE FirstName IN ('ada', 'GRACE')")).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
    ]);
    expect(
      await names("SELECT Name FROM Lead WHERE Company = 'Percent' AND (NOT LastName LIKE '%!_%' OR LastName = 'x')"),
    ).toEqual(['100%_sure', '100xxsure']);
    expect(await names("SELECT Name FROM Lead WHERE Company NOT IN ('Percent') AND Email = null")).toEqual([
      'Linus Nomail',
    ]);
  });

  it('sorts with nulls first ascending and last descending, then applies OFFSET and LIMIT', async () => {
    const { query } = apiClient();
    const emails = async (soql: string) => rowsOf(await query(soql)).records.map((r) => r.Email);
    const ascending = await emails('SELECT Email FROM Lead ORDER BY Email');
    expect(ascending[0]).toBeNull();
    const descending = await emails('SELECT Email FROM Lead ORDER BY Email DESC');
    expect(descending.at(-1)).toBeNull();
    expect(await emails('SELECT Email FROM Lead ORDER BY Email ASC NULLS LAST LIMIT 2 OFFSET 1')).toEqual([
      'grace@compilers.example',
      'mallory@evil.example',
    ]);
  });

  it('nests related records, null when the lookup is empty, through polymorphic lookups too', async () => {
    const { query, org } = apiClient();
    org.insert('Contact', { FirstName: 'Solo', LastName: 'Contact', Name: 'Solo Contact', AccountId: null });
    const solo = rowsOf(await query("SELECT Name, Account.Name, Account.Id FROM Contact WHERE LastName = 'Contact'"));
    expect(solo.records[0]?.Account).toBeNull();
    const hank = rowsOf(await query("SELECT Account.Name, Account.Website FROM Contact WHERE FirstName = 'Hank'"));
    expect(hank.records[0]?.Account).toEqual({
      attributes: expect.objectContaining({ type: 'Account' }),
      Name: 'Globex Corporation',
      Website: 'globex.example',
    });
    const opportunity = org.ofType('Opportunity')[0];
    org.insert('Event', {
      Subject: 'Call',
      WhoId: opportunity?.fields.ContactId ?? null,
      WhatId: opportunity?.Id ?? null,
    });
    const event = rowsOf(await query("SELECT Who.Name, What.Name FROM Event WHERE Subject = 'Call'"));
    expect(event.records[0]).toMatchObject({ Who: { Name: 'Hank Scorpio' }, What: { Name: opportunity?.fields.Name } });
  });

  it('counts rows with COUNT() and non-null values with COUNT(field)', async () => {
    const { query, org } = apiClient();
    expect(rowsOf(await query('SELECT COUNT() FROM Lead')).totalSize).toBe(org.ofType('Lead').length);
    const aggregate = rowsOf(await query('SELECT COUNT(Email) withEmail FROM Lead'));
    expect(aggregate.records).toEqual([{ attributes: { type: 'AggregateResult' }, withEmail: 3 }]);
  });

  it('pages at the requested size with a locator path', async () => {
    const { query, must, org } = apiClient();
    for (let i = 0; i < 250; i++) org.insert('Account', { Name: `Bulk ${i}` });
    const options = { headers: { 'Sforce-Query-Options': 'batchSize=200' } };
    const first = rowsOf(await query("SELECT Id FROM Account WHERE Name LIKE 'Bulk %'", options));
    expect([first.totalSize, first.done, first.records.length]).toEqual([250, false, 200]);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v66\.0\/query\/01g\w{15}-200$/);
    const second = rowsOf(await must('GET', first.nextRecordsUrl as string));
    expect([second.totalSize, second.done, second.records.length, second.nextRecordsUrl]).toEqual([
      250,
      true,
      50,
      undefined,
    ]);
  });
});

describe('SOQL errors', () => {
  it('points at the unknown column the way Salesforce does', async () => {
    const { query } = apiClient();
    const answer = await query('SELECT Id, Foo FROM Contact');
    expect(answer.json).toEqual([
      {
        message:
          "\nSELECT Id, Foo FROM Contact\n           ^\nERROR at Row:1:Column:12\nNo such column 'Foo' on entity 'Contact'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.",
        errorCode: 'INVALID_FIELD',
      },
    ]);
  });

  it('treats a field hidden by field-level security as no column, also through a relationship', async () => {
    const { query, org } = apiClient();
    org.setup.hiddenFields.set('Contact', new Set(['Email']));
    for (const soql of ['SELECT Name, Email FROM Contact', 'SELECT Subject, Contact.Email FROM Case']) {
      const answer = await query(soql);
      expect([answer.status, answer.error?.errorCode], soql).toEqual([400, 'INVALID_FIELD']);
      expect(answer.error?.message).toContain("No such column 'Email' on entity 'Contact'");
    }
    // The rest of the object stays readable, and so does a field of that name on another object.
    expect(rowsOf(await query('SELECT Name FROM Contact')).totalSize).toBeGreaterThan(0);
    expect(rowsOf(await query('SELECT Email FROM Lead')).totalSize).toBeGreaterThan(0);
  });

  it.each([
    ['SELECT Id FROM Lead WHERE Email = ada', 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Email = 'a' AND Phone = 'b' OR Status = 'c'", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Email = 'unterminated", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Email = 'bad \\x escape'", 'MALFORMED_QUERY'],
    ["SELECT Id FROM Lead WHERE Id = 'xyz'", 'INVALID_QUERY_FILTER_OPERATOR'],
    ['SELECT Owner.Shoe FROM Lead', 'INVALID_FIELD'],
    ['SELECT Boss.Name FROM Lead', 'INVALID_FIELD'],
    ['SELECT Id FROM Widget', 'INVALID_TYPE'],
  ])('%s → %s', async (soql, errorCode) => {
    const { query } = apiClient();
    const answer = await query(soql);
    expect([answer.status, answer.error?.errorCode]).toEqual([400, errorCode]);
  });

  it('wants a query string', async () => {
    const { must } = apiClient();
    expect((await must('GET', `${API}/query`)).error?.errorCode).toBe('MALFORMED_QUERY');
  });
});

describe('SOSL search', () => {
  const search = (client: ReturnType<typeof apiClient>, sosl: string) =>
    client.must('GET', `${API}/search?q=${encodeURIComponent(sosl)}`);
  const found = (answer: { json: unknown }) =>
    (answer.json as { searchRecords: Record<string, unknown>[] }).searchRecords.map((r) => r.Name);

  it('matches whole emails in EMAIL FIELDS across the returned objects', async () => {
    const client = apiClient();
    const answer = await search(
      client,
      'FIND {peter@initech.example} IN EMAIL FIELDS RETURNING Lead(Id, Name), Contact(Id, Name)',
    );
    expect(found(answer)).toEqual(['Peter Gibbons']);
  });

  it('matches name words and prefixes, and filters with WHERE inside RETURNING', async () => {
    const client = apiClient();
    expect(found(await search(client, 'FIND {hop*} IN NAME FIELDS RETURNING Lead(Name)'))).toEqual(['Grace Hopper']);
    const filtered = await search(client, "FIND {initech} RETURNING Contact(Name WHERE FirstName = 'Samir' LIMIT 5)");
    expect(found(filtered)).toEqual(['Samir Nagheenanajar']);
  });

  it('reads escaped reserved characters in the term', async () => {
    const client = apiClient();
    const answer = await search(client, "FIND {O\\'Hara} IN NAME FIELDS RETURNING Contact(Email)");
    expect((answer.json as { searchRecords: { Email: string }[] }).searchRecords.map((r) => r.Email)).toEqual([
      'alice@umbrella.example',
    ]);
  });

  it('refuses a one-letter term and a malformed search', async () => {
    const client = apiClient();
    expect((await search(client, 'FIND {a} RETURNING Lead')).error?.errorCode).toBe('MALFORMED_SEARCH');
    expect((await search(client, 'FIND {ada} RETURNING')).error?.errorCode).toBe('MALFORMED_SEARCH');
  });
});
