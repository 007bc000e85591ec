// Setup on its own host (Salesforce Help "My Domain URL Formats"), with its own session.
import { describe, expect, it } from 'vitest';
import type { SandboxRequest, SandboxResponse } from '../http.js';
import { ORG_PROFILES, SalesforceOrg } from './org.js';
import { salesforcePagesHandler } from './pages.js';

const CLASSIC = 'https://acme.my.salesforce.com';
const SETUP = 'https://acme.my.salesforce-setup.com';
const SETUP_HOME = `${SETUP}/lightning/setup/SetupOneHome/home`;

async function get(org: SalesforceOrg, url: string, cookies: Record<string, string> = {}) {
  const parsed = new URL(url);
  const req: SandboxRequest = { method: 'GET', url: parsed, host: parsed.hostname, headers: {}, body: '', cookies };
  const answer = (await salesforcePagesHandler(org)(req)) as SandboxResponse | undefined;
  return { status: answer?.status, location: String(answer?.headers?.location ?? ''), answer };
}

describe('Setup on its own host', () => {
  it('has a Setup host for every family Salesforce documents one for', () => {
    expect(new SalesforceOrg().setupHost).toBe('acme.my.salesforce-setup.com');
    expect(new SalesforceOrg(ORG_PROFILES.uat).setupHost).toBe('acme--uat.sandbox.my.salesforce-setup.com');
    expect(new SalesforceOrg(ORG_PROFILES.dev).setupHost).toBe('acme-dev-ed.develop.my.salesforce-setup.com');
  });

  it('sends a visitor without a Setup session to the My Domain login, then back through its own frontdoor', async () => {
    const org = new SalesforceOrg();
    const session = org.createSession(org.defaultUserId);
    // Neither the My Domain sid nor the Lightning sid opens Setup: the host has a session of its own.
    for (const sid of [session.sid, session.lightningSid, undefined]) {
      const anonymous = await get(org, SETUP_HOME, sid ? { sid } : {});
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toBe(`${CLASSIC}/?ec=302&startURL=${encodeURIComponent(SETUP_HOME)}`);
    }
    // Logged in on My Domain: the login page goes on to Setup's frontdoor, which sets the Setup sid.
    const login = await get(org, `${CLASSIC}/?ec=302&startURL=${encodeURIComponent(SETUP_HOME)}`, {
      sid: session.sid,
    });
    const hop = new URL(login.location);
    expect(`${hop.origin}${hop.pathname}`).toBe(`${SETUP}/secur/frontdoor.jsp`);
    const frontdoor = await get(org, hop.href);
    expect(frontdoor.location).toBe(SETUP_HOME);
    expect(frontdoor.answer?.headers?.['set-cookie']).toEqual([
      `sid=${session.setupSid}; Path=/; Secure; HttpOnly; SameSite=None`,
    ]);
    expect(new Set([session.sid, session.lightningSid, session.setupSid]).size).toBe(3);
    const page = await get(org, SETUP_HOME, { sid: session.setupSid });
    expect(page.status).toBe(200);
    expect(String(page.answer?.body)).toContain('<span class="appName">Setup</span>');
  });

  it("sends records to the org's Lightning host: Setup shows Setup only", async () => {
    const org = new SalesforceOrg();
    const { setupSid } = org.createSession(org.defaultUserId);
    const record = await get(org, `${SETUP}/lightning/r/Lead/00Q000000000001AAA/view`, { sid: setupSid });
    expect(record.location).toBe('https://acme.lightning.force.com/lightning/r/Lead/00Q000000000001AAA/view');
  });
});
