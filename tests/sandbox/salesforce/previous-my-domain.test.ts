// A changed My Domain (Salesforce Help, "Understand Redirections for Previous My Domain Host
// Names"): the previous hosts redirect with 301 or 307 to the same path on the new hosts, until the
// next change.
import { describe, expect, it } from 'vitest';
import { inProcessSandbox } from '../../support/in-process-fetch.js';
import type { SandboxRequest } from '../http.js';
import { SalesforceOrg } from './org.js';
import { previousMyDomainHandler } from './previous-my-domain.js';

const API = '/services/data/v66.0';

function request(method: string, url: string): SandboxRequest {
  const parsed = new URL(url);
  return { method, url: parsed, host: parsed.hostname, headers: {}, body: '', cookies: {} };
}

describe('a changed My Domain', () => {
  it("moves every host of the org, and the previous ones answer 301 or 307 to the new one's same path", async () => {
    const org = new SalesforceOrg();
    org.changeMyDomain('acme-corp');
    expect([org.classicHost, org.lightningHost, org.setupHost]).toEqual([
      'acme-corp.my.salesforce.com',
      'acme-corp.lightning.force.com',
      'acme-corp.my.salesforce-setup.com',
    ]);
    const redirects = previousMyDomainHandler([org]);
    const get = await redirects(request('GET', `https://acme.my.salesforce.com${API}/query?q=SELECT+Id+FROM+Lead`));
    expect(get).toEqual({
      status: 301,
      headers: { location: `https://acme-corp.my.salesforce.com${API}/query?q=SELECT+Id+FROM+Lead` },
    });
    const post = await redirects(request('POST', `https://acme.my.salesforce.com${API}/composite`));
    expect(post?.status).toBe(307);
    const page = await redirects(request('GET', 'https://acme.lightning.force.com/lightning/r/Lead/x/view'));
    expect(page?.headers?.location).toBe('https://acme-corp.lightning.force.com/lightning/r/Lead/x/view');
    expect(await redirects(request('GET', `https://acme-corp.my.salesforce.com${API}/`))).toBeUndefined();
  });

  it('serves the API on the new host to the same sessions, and stops redirecting after the next change', async () => {
    const { state, fetch } = inProcessSandbox();
    const org = state.salesforce;
    const { sid } = org.createSession(org.defaultUserId);
    state.salesforce.changeMyDomain('acme-corp');
    const auth = { Authorization: `Bearer ${sid}` };
    const moved = await fetch(`https://acme.my.salesforce.com${API}/sobjects`, { headers: auth, redirect: 'manual' });
    expect([moved.type, moved.status, moved.headers.get('location')]).toEqual(['opaqueredirect', 0, null]);
    await expect(fetch(`https://acme.my.salesforce.com${API}/sobjects`, { redirect: 'error' })).rejects.toThrow(
      TypeError,
    );
    // Followed, the hop to another host drops the Authorization header: the new host refuses.
    const followed = await fetch(`https://acme.my.salesforce.com${API}/sobjects`, { headers: auth });
    expect([followed.redirected, followed.url, followed.status]).toEqual([
      true,
      `https://acme-corp.my.salesforce.com${API}/sobjects`,
      401,
    ]);
    const direct = await fetch(`https://acme-corp.my.salesforce.com${API}/sobjects`, { headers: auth });
    expect(direct.status).toBe(200);

    org.changeMyDomain('acme-group');
    const first = await fetch(`https://acme.my.salesforce.com${API}/`, { redirect: 'manual' });
    expect(first.status).toBe(404);
    const second = await fetch(`https://acme-corp.my.salesforce.com${API}/`);
    expect(second.url).toBe(`https://acme-group.my.salesforce.com${API}/`);
  });
});
