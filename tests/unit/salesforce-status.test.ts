import { describe, expect, it } from 'vitest';
import { STATUS_TTL_MS, type StatusPorts, salesforceStatus } from '../../src/shared/salesforce/status.js';

function ports(overrides: Partial<StatusPorts> & { answers?: Response[] } = {}) {
  const store = new Map<string, unknown>();
  let calls = 0;
  const answers = overrides.answers ?? [];
  const base: StatusPorts = {
    fetch: (async () => {
      calls += 1;
      return answers.shift() ?? new Response('[]', { status: 503 });
    }) as typeof fetch,
    readSid: async () => '00D5g00000ACMEA!token',
    cache: {
      get: async (k) => store.get(k),
      set: async (k, v) => {
        if (v !== undefined) store.set(k, v);
      },
      remove: async (k) => void store.delete(k),
    },
    now: () => 1000,
    digest: async (s) => `d${s.length}`,
  };
  return { ports: { ...base, ...overrides }, calls: () => calls, store };
}

const me = () =>
  new Response(JSON.stringify({ id: '005x', name: 'Riley Rep', email: 'r@x', username: 'r' }), { status: 200 });

describe('salesforceStatus', () => {
  it('says who we act as, and asks Salesforce once per TTL', async () => {
    const { ports: p, calls, store } = ports({ answers: [me(), me()] });
    const status = await salesforceStatus('https://acme.lightning.force.com/lightning/page/home', p);
    expect(status).toMatchObject({ state: 'ready', apiHost: 'acme.my.salesforce.com', user: { name: 'Riley Rep' } });
    expect(status?.state === 'ready' && status.orgId).toHaveLength(18);
    await salesforceStatus('https://acme.lightning.force.com/lightning/o/Lead/list', p);
    expect(calls()).toBe(1);
    expect([...store.keys()].join()).not.toContain('token');
    await salesforceStatus('https://acme.lightning.force.com/', { ...p, now: () => 1000 + STATUS_TTL_MS + 1 });
    expect(calls()).toBe(2);
  });
  it('says "behind a proxy" for Salesforce through Defender for Cloud Apps, without calling Salesforce', async () => {
    const { ports: p, calls } = ports();
    expect(await salesforceStatus('https://acme.lightning.force.com.mcas.ms/lightning/page/home', p)).toEqual({
      state: 'proxied',
      apiHost: 'acme.my.salesforce.com',
    });
    expect(await salesforceStatus('https://mail.example.com.mcas.ms/', p)).toBeNull();
    expect(calls()).toBe(0);
  });

  it('works for every host family (a Government Cloud Plus org)', async () => {
    const { ports: p } = ports({ answers: [me()] });
    expect(await salesforceStatus('https://dod.lightning.crmforce.mil/lightning/page/home', p)).toMatchObject({
      state: 'ready',
      apiHost: 'dod.my.salesforce.mil',
    });
  });

  it('is logged out without a cookie, without calling Salesforce', async () => {
    const { ports: p, calls } = ports({ readSid: async () => undefined });
    expect(await salesforceStatus('https://acme.my.salesforce.com/', p)).toEqual({
      state: 'session-expired',
      apiHost: 'acme.my.salesforce.com',
      loginUrl: 'https://acme.my.salesforce.com/',
    });
    expect(calls()).toBe(0);
  });
  it('is logged out when Salesforce refuses the session, unreachable when it is down', async () => {
    const invalid = new Response(JSON.stringify([{ errorCode: 'INVALID_SESSION_ID', message: 'x' }]), { status: 401 });
    expect(
      (await salesforceStatus('https://acme.my.salesforce.com/', ports({ answers: [invalid] }).ports))?.state,
    ).toBe('session-expired');
    expect((await salesforceStatus('https://acme.my.salesforce.com/', ports().ports))?.state).toBe('unavailable');
    expect(await salesforceStatus('https://example.com/', ports().ports)).toBeNull();
  });
});
