// Every Salesforce switch turned through the control API, its effect on the org's API, and
// POST /reset clearing it.
import { describe, expect, it } from 'vitest';
import { controlHandler } from './control.js';
import type { SandboxRequest } from './http.js';
import { salesforceApiHandler } from './salesforce/api.js';
import { SandboxState } from './state.js';

const API = '/services/data/v66.0';

function setup() {
  const state = new SandboxState();
  const control = controlHandler(() => state);
  const request = (method: string, url: string, body = '', headers: Record<string, string> = {}): SandboxRequest => {
    const parsed = new URL(url);
    return { method, url: parsed, host: parsed.hostname, headers, body, cookies: {} };
  };
  const post = async (path: string, body: unknown = {}) => {
    const answer = await control(request('POST', `http://127.0.0.1${path}`, JSON.stringify(body)));
    return { status: answer?.status, body: JSON.parse(String(answer?.body)) };
  };
  const get = async (path: string) => {
    const answer = await control(request('GET', `http://127.0.0.1${path}`));
    return { status: answer?.status, body: JSON.parse(String(answer?.body)) };
  };
  /** One REST call to an org with a fresh login from the control API. */
  const api = async (method: string, path: string, body?: unknown, options: { org?: string; sid?: string } = {}) => {
    const login = options.sid ?? (await post('/salesforce/login', { org: options.org })).body.sid;
    const host = `${options.org ?? 'acme'}.my.salesforce.com`;
    const answer = await salesforceApiHandler(state.orgList())(
      request(method, `https://${host}${API}${path}`, body === undefined ? '' : JSON.stringify(body), {
        authorization: `Bearer ${login}`,
      }),
    );
    return {
      status: answer?.status,
      headers: answer?.headers ?? {},
      json: answer?.body ? JSON.parse(String(answer.body)) : undefined,
    };
  };
  const errorCode = (answer: { json: unknown }) => (answer.json as { errorCode: string }[] | undefined)?.[0]?.errorCode;
  return { state, post, get, api, errorCode };
}

const newLead = { LastName: 'Tarbell', Company: 'McClure', Email: 'ida@mcclure.example' };
const soql = `/query?q=${encodeURIComponent('SELECT Id FROM Lead')}`;

describe('Salesforce control routes', () => {
  it('logs in with two sessions: the My Domain sid for the API, the Lightning sid that it refuses', async () => {
    const { post, api } = setup();
    const { status, body } = await post('/salesforce/login');
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['classicHost', 'lightningHost', 'lightningSid', 'sid']);
    expect(body).toMatchObject({ classicHost: 'acme.my.salesforce.com', lightningHost: 'acme.lightning.force.com' });
    expect(body.sid).not.toBe(body.lightningSid);
    expect((await api('GET', '/', undefined, { sid: body.sid })).status).toBe(200);
    const refused = await api('GET', '/', undefined, { sid: body.lightningSid });
    expect([refused.status, refused.json]).toEqual([
      401,
      [{ message: 'This session is not valid for use with the REST API', errorCode: 'INVALID_SESSION_ID' }],
    ]);
  });

  it('sets the API allowance and frees it again; reset restores the default', async () => {
    const { post, api, errorCode } = setup();
    expect(await post('/salesforce/api-limit', { used: 1000, max: 1000 })).toEqual({
      status: 200,
      body: { ok: true, used: 1000, max: 1000 },
    });
    const refused = await api('GET', '/');
    expect([refused.status, errorCode(refused), refused.headers['Sforce-Limit-Info']]).toEqual([
      403,
      'REQUEST_LIMIT_EXCEEDED',
      'api-usage=1000/1000',
    ]);
    await post('/salesforce/api-limit', { used: 10 });
    expect((await api('GET', '/')).headers['Sforce-Limit-Info']).toBe('api-usage=11/1000');
    await post('/salesforce/api-limit', { used: 1000 });
    await post('/reset');
    expect((await api('GET', '/')).headers['Sforce-Limit-Info']).toBe('api-usage=1/115000');
    expect((await post('/salesforce/api-limit', { used: -1 })).status).toBe(400);
  });

  it('turns API Access Control on and off', async () => {
    const { post, api, errorCode } = setup();
    await post('/salesforce/api-access-control', { enabled: true });
    expect([(await api('GET', '/')).status, errorCode(await api('GET', '/'))]).toEqual([401, 'INVALID_SESSION_ID']);
    await post('/salesforce/api-access-control', { enabled: false });
    expect((await api('GET', '/')).status).toBe(200);
    await post('/salesforce/api-access-control', { enabled: true });
    await post('/reset');
    expect((await api('GET', '/')).status).toBe(200);
  });

  it('turns the High Assurance requirement and enforced login IP ranges on and off', async () => {
    const { post, api, errorCode } = setup();
    for (const route of ['/salesforce/high-assurance-for-api', '/salesforce/ip-restricted']) {
      await post(route, { enabled: true });
      expect([(await api('GET', '/')).status, errorCode(await api('GET', '/'))]).toEqual([401, 'INVALID_SESSION_ID']);
      await post(route, { enabled: false });
      expect((await api('GET', '/')).status).toBe(200);
    }
  });

  it('locks rows for the next N writes and times out the next N queries', async () => {
    const { post, api, errorCode } = setup();
    await post('/salesforce/lock-rows', { count: 2 });
    await post('/salesforce/query-timeouts', { count: 1 });
    expect(errorCode(await api('POST', '/sobjects/Lead', newLead))).toBe('UNABLE_TO_LOCK_ROW');
    expect(errorCode(await api('GET', soql))).toBe('QUERY_TIMEOUT');
    expect((await api('GET', soql)).status).toBe(200);
    expect(errorCode(await api('POST', '/sobjects/Lead', newLead))).toBe('UNABLE_TO_LOCK_ROW');
    expect((await api('POST', '/sobjects/Lead', newLead)).status).toBe(201);

    await post('/salesforce/lock-rows', { count: 5 });
    await post('/salesforce/query-timeouts', { count: 5 });
    await post('/reset');
    expect((await api('POST', '/sobjects/Lead', newLead)).status).toBe(201);
    expect((await api('GET', soql)).status).toBe(200);
  });

  it('switches an org to a large one, where an Event query on Subject alone times out, and back', async () => {
    const { post, api, errorCode } = setup();
    const bySubject = `/query?q=${encodeURIComponent("SELECT Id FROM Event WHERE Subject = 'Call'")}`;
    expect((await api('GET', bySubject)).status).toBe(200);
    expect(await post('/salesforce/large-org', { enabled: true })).toEqual({ status: 200, body: { ok: true } });
    expect(errorCode(await api('GET', bySubject))).toBe('QUERY_TIMEOUT');
    expect((await api('GET', bySubject, undefined, { org: 'globex' })).status).toBe(200);
    await post('/salesforce/large-org', { enabled: false });
    expect((await api('GET', bySubject)).status).toBe(200);
    await post('/salesforce/large-org', { enabled: true });
    await post('/reset');
    expect((await api('GET', bySubject)).status).toBe(200);
  });

  it('makes a field read-only and writable again', async () => {
    const { post, api, errorCode } = setup();
    const event = { Subject: 'Call', StartDateTime: '2026-03-02T15:00:00Z', DurationInMinutes: 10, Location: 'Zoom' };
    expect(await post('/salesforce/field-security', { sobject: 'Event', field: 'location' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    const refused = await api('POST', '/sobjects/Event', event);
    expect([errorCode(refused), refused.json[0].fields]).toEqual(['INVALID_FIELD_FOR_INSERT_UPDATE', ['Location']]);
    await post('/salesforce/field-security', { sobject: 'Event', field: 'Location', writable: true });
    expect((await api('POST', '/sobjects/Event', event)).status).toBe(201);
    await post('/salesforce/field-security', { sobject: 'Event', field: 'Location' });
    await post('/reset');
    expect((await api('POST', '/sobjects/Event', event)).status).toBe(201);
    expect((await post('/salesforce/field-security', { sobject: 'Event', field: 'Nope' })).status).toBe(400);
    expect((await post('/salesforce/field-security', { sobject: 'Widget', field: 'Name' })).status).toBe(400);
  });

  it('adds validation rules until reset', async () => {
    const { post, api } = setup();
    await post('/salesforce/validation-rule', { sobject: 'lead', field: 'title', message: 'No titles.' });
    const refused = await api('POST', '/sobjects/Lead', { ...newLead, Title: 'CEO' });
    expect(refused.json).toEqual([
      { message: 'No titles.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Title'] },
    ]);
    await post('/reset');
    expect((await api('POST', '/sobjects/Lead', { ...newLead, Title: 'CEO' })).status).toBe(201);
    expect((await post('/salesforce/validation-rule', { sobject: 'Lead' })).status).toBe(400);
  });

  it('has the Standard Lead Duplicate Rule on by default, off on request, on again after reset', async () => {
    const { post, api, errorCode } = setup();
    const ada = { LastName: 'Byron', Company: 'Elsewhere', Email: 'ada@engines.example' };
    expect(errorCode(await api('POST', '/sobjects/Lead', ada))).toBe('DUPLICATES_DETECTED');
    await post('/salesforce/duplicate-rule', { active: false });
    expect((await api('POST', '/sobjects/Lead', ada)).status).toBe(201);
    await post('/reset');
    expect(errorCode(await api('POST', '/sobjects/Lead', ada))).toBe('DUPLICATES_DETECTED');
  });

  it('keeps fail and hang rules until reset, with afterApply and an org filter', async () => {
    const { post, state } = setup();
    await post('/fail', {
      service: 'salesforce',
      pathIncludes: '/sobjects',
      status: 0,
      afterApply: true,
      org: 'globex',
    });
    await post('/hang', { service: 'glance', pathIncludes: 'StartSession', method: 'post', count: 2 });
    expect(state.faults[0]).toMatchObject({
      status: 0,
      afterApply: true,
      hosts: ['globex.my.salesforce.com', 'globex.lightning.force.com'],
    });
    expect(state.takeFault('salesforce', 'POST', `${API}/sobjects/Lead`, 'acme.my.salesforce.com')).toBeUndefined();
    expect(state.takeHang('glance', 'POST', '/StartSession', 'www.glance.net')).toBeDefined();
    await post('/reset');
    expect([state.faults, state.hangs]).toEqual([[], []]);
    expect((await post('/hang', { pathIncludes: 'x', org: 'initech' })).status).toBe(400);
    expect((await post('/fail', { service: 'nope', pathIncludes: 'x' })).status).toBe(400);
  });

  it('narrows a rule to requests whose body contains a text (one composite among many)', async () => {
    const { post, state } = setup();
    await post('/fail', {
      service: 'salesforce',
      pathIncludes: '/composite',
      bodyIncludes: '/sobjects/Lead"',
      status: 503,
    });
    const lookUp = JSON.stringify({ compositeRequest: [{ method: 'GET', url: `${API}/query?q=SELECT+Id+FROM+Lead` }] });
    const create = JSON.stringify({ compositeRequest: [{ method: 'POST', url: `${API}/sobjects/Lead` }] });
    expect(state.takeFault('salesforce', 'POST', `${API}/composite`, 'acme.my.salesforce.com', lookUp)).toBeUndefined();
    expect(state.takeFault('salesforce', 'POST', `${API}/composite`, 'acme.my.salesforce.com', create)).toBeDefined();
    expect(state.takeFault('salesforce', 'POST', `${API}/composite`, 'acme.my.salesforce.com', create)).toBeUndefined();
  });

  it("renames records and the user as their Edit would, within the name field's length", async () => {
    const { state, post, api } = setup();
    const org = state.org('acme');
    const [lead] = org.ofType('Lead');
    const [user] = org.ofType('User');
    const [opportunity] = org.ofType('Opportunity');
    const hostile = '<img src=x onerror=alert(1)>\r\nSession key: 0000';
    expect((await post('/salesforce/rename', { id: lead?.Id, name: hostile })).status).toBe(200);
    expect(lead?.fields).toMatchObject({ FirstName: null, LastName: hostile, Name: hostile });
    expect((await post('/salesforce/rename', { id: user?.Id, name: 'Mallory "M" O\'Brien' })).status).toBe(200);
    expect((await api('GET', '/chatter/users/me')).json).toMatchObject({ name: 'Mallory "M" O\'Brien' });
    expect((await post('/salesforce/rename', { id: opportunity?.Id, name: 'x'.repeat(121) })).body.error).toMatch(
      /^STRING_TOO_LONG/,
    );
    expect((await post('/salesforce/rename', { id: opportunity?.Id, name: 'x'.repeat(120) })).status).toBe(200);
    expect((await post('/salesforce/rename', { id: '00Q000000000000AAA', name: 'x' })).status).toBe(400);
    expect((await post('/salesforce/rename', { id: lead?.Id, name: ' ' })).status).toBe(400);
  });

  it('inserts a record beside the seed with known fields only; a Case gets the next Case Number', async () => {
    const { state, post } = setup();
    const org = state.org('acme');
    const highest = Math.max(...org.ofType('Case').map((c) => Number(c.fields.CaseNumber)));
    const [contact] = org.ofType('Contact');
    const made = await post('/salesforce/insert', {
      sobject: 'Case',
      fields: { Subject: 'Second open case', ContactId: contact?.Id, Status: 'New', IsClosed: false },
    });
    expect(made.status).toBe(200);
    expect(org.get(String(made.body.id))?.fields).toMatchObject({
      Subject: 'Second open case',
      ContactId: contact?.Id,
      CaseNumber: String(highest + 1).padStart(8, '0'),
    });
    expect((await post('/salesforce/insert', { sobject: 'Case', fields: { Colour: 'red' } })).status).toBe(400);
    expect((await post('/salesforce/insert', { sobject: 'Widget', fields: {} })).status).toBe(400);
    expect((await post('/salesforce/insert', { sobject: 'Case', fields: { Subject: { x: 1 } } })).status).toBe(400);
  });

  it('answers 404 for an unknown Salesforce action and 400 for an unknown org', async () => {
    const { post, get } = setup();
    expect((await post('/salesforce/nope')).status).toBe(404);
    expect((await post('/salesforce/login', { org: 'initech' })).status).toBe(400);
    expect((await get('/salesforce/records/Lead?org=initech')).status).toBe(400);
  });
});

describe('orgs of other host families', () => {
  it.each([
    ['uat', 'acme--uat.sandbox.my.salesforce.com', 'acme--uat.sandbox.lightning.force.com'],
    ['dod', 'dod.my.salesforce.mil', 'dod.lightning.crmforce.mil'],
    ['ali', 'ali.my.sfcrmproducts.cn', 'ali.lightning.sfcrmapps.cn'],
  ])('%s serves its API on %s and redirects its Lightning host %s there', async (org, classicHost, lightningHost) => {
    const state = new SandboxState();
    const api = salesforceApiHandler(state.orgList());
    const login = state.org(org as 'uat').createSession(state.org(org as 'uat').defaultUserId);
    const request = (host: string, path: string) => ({
      method: 'GET',
      url: new URL(`https://${host}${path}`),
      host,
      headers: { authorization: `Bearer ${login.sid}` },
      body: '',
      cookies: {},
    });
    const me = await api(request(classicHost, '/services/data/v66.0/chatter/users/me'));
    expect(me?.status).toBe(200);
    const redirected = await api(request(lightningHost, '/services/data/v66.0/chatter/users/me'));
    expect(redirected?.status).toBe(302);
    expect(redirected?.headers?.location).toBe(`https://${classicHost}/services/data/v66.0/chatter/users/me`);
    // Another org's session is refused here.
    const acme = state.salesforce.createSession(state.salesforce.defaultUserId);
    const refused = await api({
      ...request(classicHost, '/services/data/v66.0/chatter/users/me'),
      headers: { authorization: `Bearer ${acme.sid}` },
    });
    expect(refused?.status).toBe(401);
  });
});
