// Contract: SOQL queries, paging with queryMore/autoFetch, literal escaping, query errors and SOSL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsforceSandbox, rejectionOf, startJsforceSandbox } from './jsforce-harness.js';

let env: JsforceSandbox;
beforeAll(async () => {
  env = await startJsforceSandbox();
});
afterAll(async () => {
  await env?.close();
});

/** How a careful client writes a string literal: backslash first, then the quote. */
const soqlString = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

interface LeadRow {
  Id: string;
  LastName: string;
}

describe('queries', () => {
  it('filters, sorts and projects like Salesforce', async () => {
    const conn = env.connect();
    const result = await conn.query<{ Name: string; Email: string }>(
      "SELECT Name, Email FROM Lead WHERE IsConverted = false AND Email LIKE '%.EXAMPLE' ORDER BY Name DESC LIMIT 2",
    );
    const expected = env
      .org()
      .ofType('Lead')
      .filter((l) => typeof l.fields.Email === 'string' && l.fields.IsConverted === false)
      .map((l) => String(l.fields.Name))
      .sort((a, b) => b.toLowerCase().localeCompare(a.toLowerCase()))
      .slice(0, 2);
    expect(result.records.map((r) => r.Name)).toEqual(expected);
    expect(result.done).toBe(true);
    expect(result.totalSize).toBe(2);
  });

  it('follows relationships and accepts 15-character ids in filters', async () => {
    const conn = env.connect();
    const contact = env.org().ofType('Contact')[0];
    const account = env.org().get(String(contact?.fields.AccountId));
    const result = await conn.query<{ Name: string; Account: { Name: string } }>(
      `SELECT Name, Account.Name FROM Contact WHERE Id = '${contact?.Id.slice(0, 15)}'`,
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]?.Account.Name).toBe(account?.fields.Name);
  });

  it('counts with COUNT()', async () => {
    const conn = env.connect();
    const openCases = env
      .org()
      .ofType('Case')
      .filter((c) => c.fields.IsClosed === false).length;
    const result = await conn.query('SELECT COUNT() FROM Case WHERE IsClosed = false');
    expect(result.totalSize).toBe(openCases);
    expect(result.records).toEqual([]);
  });

  it('finds a value with a quote and a backslash once both are escaped', async () => {
    const conn = env.connect();
    const lastName = "O'Brien \\ Slash";
    const created = await conn
      .sobject('Lead')
      .create({ LastName: lastName, Company: "Brien's" }, { headers: { 'Sforce-Auto-Assign': 'FALSE' } });
    const result = await conn.query<LeadRow>(`SELECT Id, LastName FROM Lead WHERE LastName = ${soqlString(lastName)}`);
    expect(result.records.map((r) => [r.Id, r.LastName])).toEqual([[created.id, lastName]]);

    const unescaped = await rejectionOf(conn.query(`SELECT Id FROM Lead WHERE LastName = '${lastName}'`));
    expect(unescaped.errorCode).toBe('MALFORMED_QUERY');
  });

  it('matches the seeded hostile name exactly', async () => {
    const conn = env.connect();
    const result = await conn.query<{ Email: string }>(
      `SELECT Email FROM Contact WHERE LastName = ${soqlString("O'Hara <b>bold</b>")}`,
    );
    expect(result.records.map((r) => r.Email)).toEqual(['alice@umbrella.example']);
  });
});

describe('paging', () => {
  const company = 'Paging Co';
  beforeAll(() => {
    for (let i = 0; i < 450; i++) {
      const lastName = `Pager ${String(i).padStart(3, '0')}`;
      env.org().insert('Lead', { LastName: lastName, Name: lastName, Company: company, IsConverted: false });
    }
  });
  const soql = `SELECT Id, LastName FROM Lead WHERE Company = '${company}' ORDER BY LastName`;
  const smallPages = { headers: { 'Sforce-Query-Options': 'batchSize=200' } };

  it('pages with queryMore, one API call per page', async () => {
    const conn = env.connect();
    const usageBefore = env.org().apiUsage;
    const first = await conn.query<LeadRow>(soql, smallPages);
    expect([first.totalSize, first.done, first.records.length]).toEqual([450, false, 200]);
    // jsforce hands back the locator as an absolute URL; the server sent the path.
    expect(first.nextRecordsUrl).toMatch(
      /^https:\/\/acme\.my\.salesforce\.com\/services\/data\/v66\.0\/query\/\w+-200$/,
    );

    const second = await conn.queryMore<LeadRow>(first.nextRecordsUrl as string);
    expect([second.done, second.records.length]).toEqual([false, 200]);
    const third = await conn.queryMore<LeadRow>(second.nextRecordsUrl as string);
    expect([third.done, third.records.length, third.nextRecordsUrl]).toEqual([true, 50, undefined]);

    const names = [...first.records, ...second.records, ...third.records].map((r) => r.LastName);
    expect(names).toEqual(Array.from({ length: 450 }, (_, i) => `Pager ${String(i).padStart(3, '0')}`));
    expect(env.org().apiUsage).toBe(usageBefore + 3);
  });

  it('fetches every page with autoFetch', async () => {
    const conn = env.connect();
    const usageBefore = env.org().apiUsage;
    const { records } = await conn.query<LeadRow>(soql).execute({ autoFetch: true, maxFetch: 1000, ...smallPages });
    expect(records).toHaveLength(450);
    expect(env.org().apiUsage).toBe(usageBefore + 3);
    expect(new Set(records.map((r) => r.Id)).size).toBe(450);
  });

  it('clamps a batch size below 200 to 200 and answers 2000 per page by default', async () => {
    const conn = env.connect();
    const tiny = await conn.query(soql, { headers: { 'Sforce-Query-Options': 'batchSize=10' } });
    expect(tiny.records).toHaveLength(200);
    const whole = await conn.query(soql);
    expect([whole.done, whole.records.length]).toEqual([true, 450]);
  });

  it('refuses a query locator it never gave', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.queryMore('/services/data/v66.0/query/01gXX0000000000AAA-200'));
    expect(error.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });
});

describe('query errors', () => {
  it('MALFORMED_QUERY with the position of the problem', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.query('SELECT Id FORM Lead'));
    expect(error.errorCode).toBe('MALFORMED_QUERY');
    expect(error.message).toContain('ERROR at Row:1:Column:11');
  });

  it('INVALID_FIELD for an unknown column', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.query('SELECT Id, Nope FROM Lead'));
    expect(error.errorCode).toBe('INVALID_FIELD');
    expect(error.message).toContain("No such column 'Nope' on entity 'Lead'");
  });

  it('INVALID_TYPE for an unknown object', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.query('SELECT Id FROM Widget'));
    expect(error.errorCode).toBe('INVALID_TYPE');
    expect(error.message).toContain("sObject type 'Widget' is not supported");
  });
});

describe('search', () => {
  it('finds leads and contacts by email in one SOSL call', async () => {
    const conn = env.connect();
    const usageBefore = env.org().apiUsage;
    const result = await conn.search(
      'FIND {hank@globex.example} IN EMAIL FIELDS RETURNING Lead(Id, Name), Contact(Id, Name, Email)',
    );
    expect(result.searchRecords.map((r) => [r.attributes?.type, r.Name])).toEqual([['Contact', 'Hank Scorpio']]);
    expect(env.org().apiUsage).toBe(usageBefore + 1);
  });
});
