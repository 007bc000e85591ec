// Glance Presence on a record (session/presence.ts): the policy names the field that holds the visitor
// id; the worker reads it once per record per 10 minutes and asks Glance's Presence API with an auth
// token, from the extension's own origin. Presence answers only origins the company allow-listed in
// Glance (tests/sandbox/glance/presence.ts), and the browser enforces that: modelled here by a fetch
// that, as the service worker's does for a host it holds no permission for, refuses an answer
// without a matching Access-Control-Allow-Origin.
import { beforeEach, describe, expect, it } from 'vitest';
import { visitorPresence } from '../../src/background/session/presence.js';
import { type Harness, harness, LIGHTNING } from '../support/background-harness.js';

const ORIGIN = 'chrome-extension://test';

function withCors(inner: typeof fetch): typeof fetch {
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(String(input));
    if (url.host !== 'presence.glance.net') return inner(input, init);
    const headers = new Headers(init.headers);
    headers.set('origin', ORIGIN);
    const response = await inner(input, { ...init, headers });
    if (response.headers.get('access-control-allow-origin') !== ORIGIN) throw new TypeError('Failed to fetch');
    return response;
  }) as typeof fetch;
}

describe('Glance Presence on a record', () => {
  let h: Harness;
  let caseId: string;
  let contactId: string;
  const casePage = () => `${LIGHTNING}/lightning/r/Case/${caseId}/view`;
  const presence = (of: Harness) => of.sandbox.state.glance.presence;

  beforeEach(async () => {
    h = harness();
    h.ports.fetch = withCors(h.ports.fetch);
    await h.setPolicy({ presenceVisitorIdFields: 'Case.ContactId, Contact.Id' });
    await h.connect();
    const record = h.seeded('Case');
    caseId = record.Id;
    contactId = String(record.fields.ContactId);
  });

  it("says Glance refused when the company has not allowed the extension's origin", async () => {
    expect(await visitorPresence(casePage(), h.ports, undefined)).toEqual({ state: 'refused' });
  });

  it("finds the Case's contact on the site once the origin is allowed, and not after they leave", async () => {
    presence(h).agentOrigins.set('72431', new Set([ORIGIN]));
    expect(await visitorPresence(casePage(), h.ports, undefined)).toEqual({ state: 'absent' });
    presence(h).visitors.set('72431', new Set([contactId]));
    expect(await visitorPresence(casePage(), h.ports, undefined)).toEqual({ state: 'present', visitorId: contactId });
  });

  it('costs one Salesforce call per record per 10 minutes, and one auth token an hour', async () => {
    presence(h).agentOrigins.set('72431', new Set([ORIGIN]));
    const before = h.salesforceCalls().length;
    for (let i = 0; i < 3; i++) await visitorPresence(casePage(), h.ports, undefined);
    expect(
      h
        .salesforceCalls()
        .slice(before)
        .map((c) => `${c.method} ${c.path}`),
    ).toEqual([`GET /services/data/v66.0/sobjects/Case/${caseId}?fields=ContactId`]);
    const authorizations = h.sandbox.calls.filter((c) => c.path.includes('/rest/Authorize?'));
    expect(authorizations).toHaveLength(1);
    expect(new URL(`https://x${authorizations[0]?.path}`).searchParams.get('service')).toBe('presence');
    h.tick(10 * 60 * 1000 + 1);
    await visitorPresence(casePage(), h.ports, undefined);
    expect(h.salesforceCalls().length - before).toBe(2);
  });

  it('asks nothing for a record type the policy names no field for', async () => {
    const lead = h.seeded('Lead');
    const before = h.sandbox.calls.length;
    expect(await visitorPresence(`${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`, h.ports, undefined)).toEqual({
      state: 'off',
    });
    expect(h.sandbox.calls.length).toBe(before);
  });
});
