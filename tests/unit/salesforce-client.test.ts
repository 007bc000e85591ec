// The Salesforce client against a scripted fetch: headers, host, paging, error sorting, re-reading
// the session cookie once. (Its behaviour against the emulator is covered by the browser tests.)
import { describe, expect, it } from 'vitest';
import { SalesforceClient, soqlString } from '../../src/shared/salesforce/client.js';
import { SalesforceError } from '../../src/shared/salesforce/errors.js';

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
    // A redirect is never followed with the session: seen as one (manual), never trusted blindly.
    expect(calls[0]?.init.redirect).toBe('manual');
  });

  describe('a redirect (a renamed My Domain)', () => {
    /** The API call meets a redirect; the probe's followed answer ends at `landed` (or fails). */
    function redirecting(landed: { url: string; status: number } | 'no answer') {
      const calls: { url: string; init: RequestInit }[] = [];
      const fetch = (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        if (init.redirect === 'manual') return new Response(null, { status: 301, headers: { location: '/x' } });
        if (landed === 'no answer') throw new TypeError('Failed to fetch');
        const answer = new Response('[]', { status: landed.status });
        Object.defineProperty(answer, 'url', { value: landed.url });
        Object.defineProperty(answer, 'redirected', { value: landed.url !== url });
        return answer;
      }) as typeof globalThis.fetch;
      return { fetch, calls };
    }
    const call = (fetch: typeof globalThis.fetch) =>
      new SalesforceClient('acme.my.salesforce.com', { fetch, readSid: async () => 'ORG!secret' })
        .me()
        .catch((error: SalesforceError) => error);

    it('names the new My Domain host the old one sends a session-less probe to', async () => {
      const { fetch, calls } = redirecting({ url: 'https://acme-corp.my.salesforce.com/services/data/', status: 200 });
      const error = await call(fetch);
      expect(error).toMatchObject({ problem: 'my-domain-moved', movedTo: 'acme-corp.my.salesforce.com' });
      expect((error as SalesforceError).refusedCleanly).toBe(true);
      expect(calls[1]?.url).toBe('https://acme.my.salesforce.com/services/data/');
      expect(calls[1]?.init).toMatchObject({ credentials: 'omit', redirect: 'follow' });
      expect(JSON.stringify(calls[1]?.init.headers)).not.toContain('secret');
    });

    it.each([
      ['a host that is not a My Domain', 'https://login.example.com/services/data/', 200],
      ['a Lightning host', 'https://acme-corp.lightning.force.com/services/data/', 200],
      ['the same host', 'https://acme.my.salesforce.com/services/data/', 200],
      ['plain http', 'http://acme-corp.my.salesforce.com/services/data/', 200],
      ['an error page', 'https://acme-corp.my.salesforce.com/services/data/', 503],
    ])('is no answer when the redirect leads to %s', async (_, url, status) => {
      const error = await call(redirecting({ url, status }).fetch);
      expect(error).toMatchObject({ problem: 'unavailable' });
      expect((error as SalesforceError).movedTo).toBeUndefined();
    });

    it('is no answer when the probe gets none', async () => {
      expect(await call(redirecting('no answer').fetch)).toMatchObject({ problem: 'unavailable' });
    });
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

  it('sorts failures into the problem vocabulary (the table is tested row by row in salesforce-classify)', async () => {
    const problemOf = async (answers: Answer[], sid: string | null = 'sid') => {
      const client = new SalesforceClient('h.my.salesforce.com', {
        fetch: scripted(answers).fetch,
        readSid: async () => sid ?? undefined,
      });
      const error = await client.me().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SalesforceError);
      return (error as SalesforceError).problem;
    };
    expect(await problemOf([], null)).toBe('session-expired');
    expect(await problemOf([{ status: 401, body: [{ errorCode: 'INVALID_SESSION_ID', message: 'x' }] }])).toBe(
      'session-expired',
    );
    expect(await problemOf([{ status: 403, body: [{ errorCode: 'API_DISABLED_FOR_ORG', message: 'x' }] }])).toBe(
      'api-blocked',
    );
    expect(await problemOf([{ status: 400, body: [{ errorCode: 'MALFORMED_QUERY', message: 'x' }] }])).toBe('refused');
    expect(await problemOf([{ status: 503, raw: '<html>Maintenance</html>' }])).toBe('unavailable');
    expect(await problemOf([{ status: 200, raw: '<html>not json' }])).toBe('unavailable');
    expect(await problemOf([])).toBe('unavailable');
  });

  it('gives up on a call that does not answer in time, as no answer', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const client = new SalesforceClient('h.my.salesforce.com', {
      fetch: hanging,
      readSid: async () => 'sid',
      salesforceTimeoutMs: 50,
    });
    const error = (await client.me().catch((e: unknown) => e)) as SalesforceError;
    expect(error).toBeInstanceOf(SalesforceError);
    expect(error.problem).toBe('unavailable');
    expect(error.status).toBe(0);
    expect(error.refusedCleanly).toBe(false);
  });

  it("passes on the org's API usage from Sforce-Limit-Info on every answer, errors included", async () => {
    const seen: unknown[] = [];
    const fetch = (async () =>
      new Response(
        JSON.stringify([{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]),
        {
          status: 403,
          headers: { 'Sforce-Limit-Info': 'api-usage=15000/15000' },
        },
      )) as typeof globalThis.fetch;
    const client = new SalesforceClient('h.my.salesforce.com', {
      fetch,
      readSid: async () => 'sid',
      onApiUsage: (host, usage) => seen.push([host, usage]),
    });
    const error = (await client.me().catch((e: unknown) => e)) as SalesforceError;
    expect(error.problem).toBe('daily-limit');
    expect(seen).toEqual([['h.my.salesforce.com', { used: 15000, max: 15000 }]]);
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

describe("Salesforce's answers are capped (issue 25, item 9)", () => {
  it('an answer far bigger than any of Salesforce’s is no answer, read only up to the cap', async () => {
    const huge = `{"records":[${'"x",'.repeat(1_200_000)}"x"]}`;
    const { fetch } = scripted([{ status: 200, raw: huge }]);
    const client = new SalesforceClient('acme.my.salesforce.com', { fetch, readSid: async () => 'ORG!secret' });
    await expect(client.me()).rejects.toMatchObject({ problem: 'unavailable' });
  });

  it('a query that keeps answering more pages is refused after a few, not followed for ever', async () => {
    const page = (n: number) => ({
      status: 200,
      body: {
        totalSize: 100_000,
        done: false,
        nextRecordsUrl: `/services/data/v66.0/query/01g-${n}`,
        records: [{ n }],
      },
    });
    const { fetch, calls } = scripted(Array.from({ length: 50 }, (_, n) => page(n)));
    const client = new SalesforceClient('acme.my.salesforce.com', { fetch, readSid: async () => 'ORG!secret' });
    await expect(client.query('SELECT Id FROM Event')).rejects.toBeInstanceOf(SalesforceError);
    expect(calls).toHaveLength(5);
  });
});
