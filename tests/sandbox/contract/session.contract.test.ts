// Contract: sessions, identity, API-usage reporting and hosts, as jsforce experiences them.

import jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_VERSION,
  type JsforceSandbox,
  LIGHTNING_URL,
  rejectionOf,
  startJsforceSandbox,
} from './jsforce-harness.js';

let env: JsforceSandbox;
beforeAll(async () => {
  env = await startJsforceSandbox();
});
afterAll(async () => {
  await env?.close();
});

describe('sessions', () => {
  it('answers the current user through Chatter', async () => {
    const conn = env.connect();
    const me = await conn.request<Record<string, unknown>>(`/services/data/v${API_VERSION}/chatter/users/me`);
    const user = env.org().get(env.org().defaultUserId);
    expect(me).toMatchObject({
      id: user?.Id,
      name: user?.fields.Name,
      email: user?.fields.Email,
      username: user?.fields.Username,
      type: 'User',
    });
    expect(me.url).toBe(`/services/data/v${API_VERSION}/chatter/users/${user?.Id}`);
  });

  it('refuses an unknown session with INVALID_SESSION_ID', async () => {
    const conn = env.connect({ sid: '00D000000000001!not-a-session' });
    const error = await rejectionOf(conn.sobject('Lead').retrieve(env.org().ofType('Lead')[0]?.Id as string));
    expect(error.errorCode).toBe('INVALID_SESSION_ID');
    expect(error.name).toBe('INVALID_SESSION_ID');
    expect(error.message).toBe('Session expired or invalid');
  });

  it('refuses a session that expired after it worked', async () => {
    const conn = env.connect();
    await conn.query('SELECT Id FROM Lead LIMIT 1');
    env.org().expireSessions();
    const error = await rejectionOf(conn.query('SELECT Id FROM Lead LIMIT 1'));
    expect(error.errorCode).toBe('INVALID_SESSION_ID');
  });

  it('lists the API versions without a session', async () => {
    const conn = env.connect({ sid: 'nobody' });
    const versions = await conn.request<{ version: string; url: string }[]>('/services/data/');
    expect(versions).toContainEqual(
      expect.objectContaining({ version: API_VERSION, url: `/services/data/v${API_VERSION}` }),
    );
  });

  it('answers NOT_FOUND for an API version it does not serve', async () => {
    const conn = env.connect();
    const error = await rejectionOf(conn.request('/services/data/v12.0/sobjects'));
    expect(error.errorCode).toBe('NOT_FOUND');
    expect(error.message).toBe('The requested resource does not exist');
  });
});

describe('API usage', () => {
  it('reports Sforce-Limit-Info on every answer and counts each call once', async () => {
    const conn = env.connect();
    await conn.query('SELECT Id FROM Lead LIMIT 1');
    const first = conn.limitInfo?.apiUsage;
    expect(first?.limit).toBe(115000);
    expect(first?.used).toBe(env.org().apiUsage);

    await conn.sobject('Contact').retrieve(env.org().ofType('Contact')[0]?.Id as string);
    expect(conn.limitInfo?.apiUsage?.used).toBe((first?.used ?? 0) + 1);
  });

  it('reports usage on error answers too', async () => {
    const conn = env.connect();
    const before = env.org().apiUsage;
    conn.limitInfo = {};
    await rejectionOf(conn.query('SELECT Nope FROM Lead'));
    expect(conn.limitInfo?.apiUsage?.used).toBe(before + 1);
  });

  it('does not count calls without a valid session', async () => {
    const conn = env.connect({ sid: 'nobody' });
    const before = env.org().apiUsage;
    await rejectionOf(conn.query('SELECT Id FROM Lead'));
    expect(env.org().apiUsage).toBe(before);
  });

  it('refuses calls once the daily allowance is spent', async () => {
    const conn = env.connect();
    const before = env.org().apiUsage;
    env.org().apiUsage = 115000;
    try {
      const error = await rejectionOf(conn.query('SELECT Id FROM Lead'));
      expect(error.errorCode).toBe('REQUEST_LIMIT_EXCEEDED');
    } finally {
      env.org().apiUsage = before;
    }
  });
});

describe('hosts', () => {
  it('serves no API on the Lightning host: it redirects to the my.salesforce.com host', async () => {
    // jsforce refuses a Lightning instance URL, so ask for the absolute URL. jsforce follows the
    // redirect itself and keeps the Authorization header; a browser's fetch drops it on a redirect
    // to another host, which is why the extension must call the my.salesforce.com host directly.
    const conn = env.connect();
    const query = encodeURIComponent('SELECT Id FROM Lead LIMIT 1');
    const seqBefore = env.sandbox.state().log.at(-1)?.seq ?? 0;
    const result = await conn.request<{ totalSize: number }>(
      `${LIGHTNING_URL}/services/data/v${API_VERSION}/query?q=${query}`,
    );
    expect(result.totalSize).toBe(1);
    const calls = env.sandbox
      .state()
      .log.filter((entry) => entry.seq > seqBefore)
      .map((entry) => [entry.host, entry.path, entry.query, entry.status]);
    expect(calls).toEqual([
      ['acme.lightning.force.com', `/services/data/v${API_VERSION}/query`, `?q=${query}`, 302],
      ['acme.my.salesforce.com', `/services/data/v${API_VERSION}/query`, `?q=${query}`, 200],
    ]);
  });
});

describe('signing in as a new org allows (issue 26, item 9)', () => {
  // The two ways org-check once signed in, through jsforce itself: both refused, as new orgs do.
  it('refuses SOAP login() at API 64.0, the last version that has it, as off by default', async () => {
    const conn = new jsforce.Connection({ loginUrl: 'https://login.salesforce.com', version: '64.0' });
    const error = await rejectionOf(conn.login('rep@acme.com', 'pw'));
    expect(error.message).toMatch(/SOAP API login\(\) is disabled by default in this org/);
  });

  it('refuses SOAP login() from API 65.0 on', async () => {
    const conn = new jsforce.Connection({ loginUrl: 'https://login.salesforce.com', version: API_VERSION });
    const error = await rejectionOf(conn.login('rep@acme.com', 'pw'));
    expect(error.message).toMatch(/The SOAP Login operation is not available in the API version specified/);
  });

  it('refuses the OAuth username-password flow with invalid_grant, authentication failure', async () => {
    const conn = new jsforce.Connection({
      oauth2: { clientId: 'cid', clientSecret: 'secret', loginUrl: 'https://login.salesforce.com' },
    });
    const error = await rejectionOf(conn.login('rep@acme.com', 'pw'));
    expect([error.name, error.message]).toEqual(['invalid_grant', 'authentication failure']);
  });
});
