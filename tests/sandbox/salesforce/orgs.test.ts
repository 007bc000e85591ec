// Two orgs side by side (acme and globex): their own hosts, ids, sessions, records, pages and
// switches, so tests across orgs meet what two real orgs do.
import { describe, expect, it } from 'vitest';
import { sobjectOfId } from '../../../src/shared/salesforce-id.js';
import { controlHandler } from '../control.js';
import type { SandboxRequest } from '../http.js';
import { SandboxState } from '../state.js';
import { salesforceApiHandler } from './api.js';
import { salesforcePagesHandler } from './pages.js';

const API = '/services/data/v66.0';

function setup() {
  const state = new SandboxState();
  const acme = state.org('acme');
  const globex = state.org('globex');
  const api = salesforceApiHandler(state.orgList());
  const pages = salesforcePagesHandler(state.orgList());
  const request = (method: string, url: string, options: { sid?: string; cookie?: string; body?: string } = {}) => {
    const parsed = new URL(url);
    const req: SandboxRequest = {
      method,
      url: parsed,
      host: parsed.hostname,
      headers: options.sid ? { authorization: `Bearer ${options.sid}` } : {},
      body: options.body ?? '',
      cookies: options.cookie ? { sid: options.cookie } : {},
    };
    return req;
  };
  const call = async (url: string, sid: string, method = 'GET', body?: unknown) => {
    const answer = await api(request(method, url, { sid, body: body === undefined ? '' : JSON.stringify(body) }));
    return { status: answer?.status, json: answer?.body ? JSON.parse(String(answer.body)) : undefined };
  };
  const page = async (url: string, cookie?: string) => pages(request('GET', url, { cookie }));
  return { state, acme, globex, call, page };
}

describe('two orgs', () => {
  it('keep their own org ids, hosts, users and record ids', () => {
    const { state, acme, globex } = setup();
    expect(state.salesforce).toBe(acme);
    expect([acme.orgId, globex.orgId]).toEqual(['00D5g00000ACMEA', '00D8d00000GLOBX']);
    expect([globex.classicHost, globex.lightningHost]).toEqual([
      'globex.my.salesforce.com',
      'globex.lightning.force.com',
    ]);
    expect(globex.get(globex.defaultUserId)?.fields.Username).toBe('riley.rep@globex.example');
    const acmeIds = new Set(acme.records.keys());
    for (const id of globex.records.keys()) {
      expect(acmeIds.has(id)).toBe(false);
      expect(id.slice(3, 5)).toBe('Gx');
      expect(acme.get(id)).toBeUndefined();
    }
    expect(globex.ofType('Lead').map((l) => l.fields.Name)).toEqual(acme.ofType('Lead').map((l) => l.fields.Name));
    expect(sobjectOfId(globex.ofType('Lead')[0]!.Id)).toBe('Lead');
    expect(() => state.org('initech')).toThrow();
  });

  it("refuse each other's sessions: 401 INVALID_SESSION_ID", async () => {
    const { acme, globex, call } = setup();
    const acmeSid = acme.createSession(acme.defaultUserId).sid;
    const globexSid = globex.createSession(globex.defaultUserId).sid;
    expect(globexSid.startsWith('00D8d00000GLOBX!')).toBe(true);
    const expired = [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }];
    expect(await call(`https://globex.my.salesforce.com${API}/`, acmeSid)).toEqual({ status: 401, json: expired });
    expect(await call(`https://acme.my.salesforce.com${API}/`, globexSid)).toEqual({ status: 401, json: expired });
    const me = await call(`https://globex.my.salesforce.com${API}/chatter/users/me`, globexSid);
    expect([me.status, me.json.username]).toEqual([200, 'riley.rep@globex.example']);
  });

  it('read and write only their own records, and count their own API usage', async () => {
    const { acme, globex, call } = setup();
    const sid = globex.createSession(globex.defaultUserId).sid;
    const acmeLead = acme.ofType('Lead')[0]!.Id;
    const missing = await call(`https://globex.my.salesforce.com${API}/sobjects/Lead/${acmeLead}`, sid);
    expect([missing.status, missing.json[0].errorCode]).toEqual([404, 'NOT_FOUND']);
    const created = await call(`https://globex.my.salesforce.com${API}/sobjects/Lead`, sid, 'POST', {
      LastName: 'Tarbell',
      Company: 'McClure',
    });
    expect(created.status).toBe(201);
    expect(globex.get(created.json.id)).toBeDefined();
    expect(acme.get(created.json.id)).toBeUndefined();
    expect([acme.apiUsage, globex.apiUsage]).toEqual([0, 2]);
  });

  it('serve their own pages, each with its own login', async () => {
    const { acme, globex, page } = setup();
    const { sid, lightningSid } = globex.createSession(globex.defaultUserId);
    const lead = globex.ofType('Lead')[0]!;
    const view = await page(`https://globex.lightning.force.com/lightning/r/Lead/${lead.Id}/view`, lightningSid);
    expect(view?.status).toBe(200);
    expect(String(view?.body)).toContain('href="https://globex.my.salesforce.com/home/home.jsp"');
    expect((await page(`https://globex.my.salesforce.com/${lead.Id.slice(0, 15)}`, sid))?.status).toBe(200);
    // acme does not know globex's session nor its records.
    const elsewhere = await page(`https://acme.lightning.force.com/lightning/r/Lead/${lead.Id}/view`, lightningSid);
    expect(elsewhere?.headers?.location).toMatch(/^https:\/\/acme\.my\.salesforce\.com\/\?ec=302/);
    const acmeSession = acme.createSession(acme.defaultUserId);
    const notThere = await page(
      `https://acme.lightning.force.com/lightning/r/Lead/${lead.Id}/view`,
      acmeSession.lightningSid,
    );
    expect(notThere?.status).toBe(404);
    const login = await page('https://globex.my.salesforce.com/');
    expect(String(login?.body)).toContain('value="riley.rep@globex.example"');
  });

  it('take their own switches through the control API', async () => {
    const { state, acme, globex, call } = setup();
    const control = controlHandler(() => state);
    const post = (path: string, body: unknown) =>
      control({
        method: 'POST',
        url: new URL(`http://127.0.0.1${path}`),
        host: '127.0.0.1',
        headers: {},
        body: JSON.stringify(body),
        cookies: {},
      });
    const login = JSON.parse(String((await post('/salesforce/login', { org: 'globex' }))?.body));
    expect(globex.validSession(login.sid)).toBeDefined();
    expect(acme.validSession(login.sid)).toBeUndefined();
    await post('/salesforce/api-access-control', { enabled: true, org: 'globex' });
    await post('/salesforce/api-limit', { used: 5, max: 5 });
    expect((await call(`https://globex.my.salesforce.com${API}/`, login.sid)).status).toBe(401);
    const acmeSid = acme.createSession(acme.defaultUserId).sid;
    expect((await call(`https://acme.my.salesforce.com${API}/`, acmeSid)).status).toBe(403);
    expect([acme.setup.apiAccessControl, globex.apiLimit]).toEqual([false, 115000]);
    const records = await control({
      method: 'GET',
      url: new URL('http://127.0.0.1/salesforce/records/User?org=globex'),
      host: '127.0.0.1',
      headers: {},
      body: '',
      cookies: {},
    });
    expect(JSON.parse(String(records?.body))[0].Username).toBe('riley.rep@globex.example');
  });
});
