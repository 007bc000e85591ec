// The Salesforce client against a scripted fetch: headers, host, paging, error sorting, re-reading
// the session cookie once. (Its behaviour against the emulator is covered by the browser tests.)
import { describe, expect, it } from 'vitest';
import { SalesforceClient, soqlString } from '../../src/background/salesforce/client.js';
import { SalesforceError } from '../../src/background/salesforce/errors.js';

type Answer = { status: number; body?: unknown; raw?: string };

function scripted(answers: Answer[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    const text = next.raw ?? (next.body === undefined ? '' : JSON.stringify(next.body));
    return new Response(next.status === 204 ? null : text, { status: next.status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('SalesforceClient', () => {
  it('calls the API host with the sid as bearer and identifies itself', async () => {
    const { fetch, calls } = scripted([{ status: 200, body: { id: '005', name: 'Riley' } }]);
    const client = new SalesforceClient('acme.my.salesforce.com', { fetch, readSid: async () => 'ORG!secret' });
    await expect(client.me()).resolves.toEqual({ id: '005', name: 'Riley' });
    expect(calls[0]?.url).toBe('https://acme.my.salesforce.com/services/data/v66.0/chatter/users/me');
    const headers = calls[0]?.init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer ORG!secret');
    expect(headers['Sforce-Call-Options']).toBe('client=GlanceForSalesforce');
    expect(calls[0]?.init.redirect).toBe('error');
  });

  it('follows query pages', async () => {
    const { fetch, calls } = scripted([
      {
        status: 200,
        body: {
          totalSize: 3,
          done: false,
          nextRecordsUrl: '/services/data/v66.0/query/01g-2',
          records: [{ Id: 1 }, { Id: 2 }],
        },
      },
      { status: 200, body: { totalSize: 3, done: true, records: [{ Id: 3 }] } },
    ]);
    const client = new SalesforceClient('acme.my.salesforce.com', { fetch, readSid: async () => 'sid' });
    await expect(client.query("SELECT Id FROM Lead WHERE Email = 'a'")).resolves.toEqual([
      { Id: 1 },
      { Id: 2 },
      { Id: 3 },
    ]);
    expect(calls[0]?.url).toContain('/query?q=SELECT%20Id%20FROM%20Lead');
    expect(calls[1]?.url).toBe('https://acme.my.salesforce.com/services/data/v66.0/query/01g-2');
  });

  it('reads the cookie again once after INVALID_SESSION_ID', async () => {
    const { fetch, calls } = scripted([
      { status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }] },
      { status: 200, body: { id: '005' } },
    ]);
    const sids = ['old', 'new'];
    const client = new SalesforceClient('h.my.salesforce.com', { fetch, readSid: async () => sids.shift() });
    await expect(client.me()).resolves.toEqual({ id: '005' });
    expect((calls[1]?.init.headers as Record<string, string> | undefined)?.Authorization).toBe('Bearer new');
  });

  it('sorts failures: session, api disabled, request, unavailable', async () => {
    const failureOf = async (answers: Answer[], sid: string | null = 'sid') => {
      const client = new SalesforceClient('h.my.salesforce.com', {
        fetch: scripted(answers).fetch,
        readSid: async () => sid ?? undefined,
      });
      const error = await client.me().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SalesforceError);
      return (error as SalesforceError).failure;
    };
    expect(await failureOf([], null)).toBe('session');
    expect(await failureOf([{ status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'x' }] }])).toBe(
      'session',
    );
    expect(await failureOf([{ status: 403, body: [{ errorCode: 'API_DISABLED_FOR_ORG', message: 'x' }] }])).toBe(
      'api-disabled',
    );
    expect(await failureOf([{ status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: 'x' }] }])).toBe('request');
    expect(await failureOf([{ status: 503, raw: '<html>Maintenance</html>' }])).toBe('unavailable');
    expect(await failureOf([{ status: 200, raw: '<html>not json' }])).toBe('unavailable');
    expect(await failureOf([])).toBe('unavailable');
  });

  it('sends composite subrequests with versioned urls', async () => {
    const { fetch, calls } = scripted([
      { status: 200, body: { compositeResponse: [{ referenceId: 'ev', httpStatusCode: 201, body: {} }] } },
    ]);
    const client = new SalesforceClient('h.my.salesforce.com', { fetch, readSid: async () => 'sid' });
    await client.composite([{ method: 'POST', path: '/sobjects/Event', referenceId: 'ev', body: { Subject: 'x' } }]);
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v66.0/sobjects/Event', referenceId: 'ev', body: { Subject: 'x' } },
      ],
    });
  });

  it('quotes SOQL literals', () => {
    expect(soqlString("o'hara\\x")).toBe("'o\\'hara\\\\x'");
  });
});
