// The API handler's routing, sessions and usage accounting, called without a socket.
import { describe, expect, it } from 'vitest';
import { API, apiClient } from './api-test-client.js';

describe('which requests the API handler takes', () => {
  it('leaves other hosts and paths to the other handlers', async () => {
    const { call } = apiClient();
    expect(await call('GET', `${API}/sobjects`, { host: 'www.glance.net' })).toBeUndefined();
    expect(
      await call('GET', '/lightning/r/Lead/00Q000000000001/view', { host: 'acme.lightning.force.com' }),
    ).toBeUndefined();
    expect(await call('GET', '/001000000000001', { host: 'acme.my.salesforce.com' })).toBeUndefined();
    expect(await call('GET', '/services/database', { host: 'acme.my.salesforce.com' })).toBeUndefined();
  });

  it('redirects API paths on a Lightning host to the my.salesforce.com host', async () => {
    const { must } = apiClient();
    const answer = await must('GET', `${API}/query?q=SELECT+Id+FROM+Lead`, { host: 'acme.lightning.force.com' });
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe(`https://acme.my.salesforce.com${API}/query?q=SELECT+Id+FROM+Lead`);
  });

  it('maps sandbox Lightning hosts to their sandbox API host', async () => {
    const { must } = apiClient();
    const answer = await must('GET', `${API}/`, { host: 'acme--uat.sandbox.lightning.force.com' });
    expect(answer.headers.location).toBe(`https://acme--uat.sandbox.my.salesforce.com${API}/`);
  });
});

describe('sessions and versions', () => {
  it('lists versions without a session and without counting', async () => {
    const { must, org } = apiClient();
    for (const path of ['/services/data', '/services/data/']) {
      const answer = await must('GET', path, { sid: null });
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual([{ label: "Spring '26", url: API, version: '66.0' }]);
    }
    expect(org.apiUsage).toBe(0);
  });

  it.each([
    ['no Authorization header', null],
    ['an unknown session', '00D000000000001!forged'],
  ])('answers 401 INVALID_SESSION_ID for %s', async (_, sid) => {
    const { must, org } = apiClient();
    const answer = await must('GET', `${API}/sobjects/Lead/${org.ofType('Lead')[0]?.Id}`, { sid });
    expect(answer.status).toBe(401);
    expect(answer.json).toEqual([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    expect(answer.headers['Sforce-Limit-Info']).toBe('api-usage=0/115000');
  });

  it('answers 401 once the session expired', async () => {
    const { must, org } = apiClient();
    expect((await must('GET', `${API}/`)).status).toBe(200);
    org.expireSessions();
    expect((await must('GET', `${API}/`)).error?.errorCode).toBe('INVALID_SESSION_ID');
  });

  it('accepts the older "OAuth" authorization scheme', async () => {
    const { must, sid } = apiClient();
    const answer = await must('GET', `${API}/`, { sid: null, headers: { Authorization: `OAuth ${sid}` } });
    expect(answer.status).toBe(200);
  });

  it('answers NOT_FOUND for versions it does not serve and for unknown resources', async () => {
    const { must } = apiClient();
    for (const path of ['/services/data/v65.0/sobjects', '/services/data/latest', `${API}/limits`, `${API}/nope/x`]) {
      const answer = await must('GET', path);
      expect([answer.status, answer.json]).toEqual([
        404,
        [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
      ]);
    }
  });

  it('lists its resources, with the identity URL of the session user', async () => {
    const { must, org } = apiClient();
    const answer = await must('GET', `${API}/`);
    expect(answer.json).toMatchObject({
      sobjects: `${API}/sobjects`,
      query: `${API}/query`,
      composite: `${API}/composite`,
      identity: `https://login.salesforce.com/id/${org.orgId18}/${org.defaultUserId}`,
    });
  });
});

describe('API usage', () => {
  it('counts every authenticated call, failed ones too, and reports it on each answer', async () => {
    const { must, org, query } = apiClient();
    const first = await must('GET', `${API}/chatter/users/me`);
    expect(first.headers['Sforce-Limit-Info']).toBe('api-usage=1/115000');
    const failed = await query('SELECT Nope FROM Lead');
    expect(failed.status).toBe(400);
    expect(failed.headers['Sforce-Limit-Info']).toBe('api-usage=2/115000');
    expect(org.apiUsage).toBe(2);
  });

  it('refuses calls with REQUEST_LIMIT_EXCEEDED once the allowance is spent', async () => {
    const { must, org } = apiClient();
    org.apiUsage = 115000;
    const answer = await must('GET', `${API}/`);
    expect([answer.status, answer.error?.errorCode]).toEqual([403, 'REQUEST_LIMIT_EXCEEDED']);
    expect(org.apiUsage).toBe(115000);
  });
});

describe('chatter users', () => {
  it('describes the session user, email included', async () => {
    const { must, org } = apiClient();
    const user = org.get(org.defaultUserId);
    const answer = await must('GET', `${API}/chatter/users/me`);
    expect(answer.json).toMatchObject({
      id: user?.Id,
      name: 'Riley Rep',
      firstName: 'Riley',
      lastName: 'Rep',
      displayName: 'Riley Rep',
      email: 'riley.rep@acme.example',
      username: 'riley.rep@acme.example',
      type: 'User',
      url: `${API}/chatter/users/${user?.Id}`,
    });
  });

  it('refuses to write to a Chatter user', async () => {
    const { must } = apiClient();
    const answer = await must('POST', `${API}/chatter/users/me`, { body: {} });
    expect([answer.status, answer.error?.errorCode]).toEqual([405, 'METHOD_NOT_ALLOWED']);
  });
});
