// An org with Chatter off (Setup › Chatter Settings), and the OpenID Connect userinfo endpoint that
// still says who the user is. Shapes and sources: api.ts (chatterNotEnabled, userinfo).
import { describe, expect, it } from 'vitest';
import { controlHandler } from '../control.js';
import type { SandboxRequest } from '../http.js';
import { SandboxState } from '../state.js';
import { salesforceApiHandler } from './api.js';
import { API, apiClient } from './api-test-client.js';
import { SalesforceOrg } from './org.js';

const USERINFO = '/services/oauth2/userinfo';

describe('Chatter off', () => {
  const chatterOff = () => {
    const org = new SalesforceOrg();
    org.setup.chatter = false;
    return apiClient(org);
  };

  it('refuses Chatter REST resources with 403', async () => {
    const { must } = chatterOff();
    const me = await must('GET', `${API}/chatter/users/me`);
    expect(me.status).toBe(403);
    expect(me.json).toEqual([
      { errorCode: 'FUNCTIONALITY_NOT_ENABLED', message: 'Chatter is not enabled for this organization' },
    ]);
  });

  it('has no FeedItem object: creates answer 404 NOT_FOUND, queries INVALID_TYPE, also inside a composite', async () => {
    const { must, query, org } = chatterOff();
    const lead = org.ofType('Lead')[0]?.Id;
    const post = { ParentId: lead, Type: 'LinkPost', LinkUrl: 'https://example.com/', Title: 'T', Body: 'B' };
    const created = await must('POST', `${API}/sobjects/FeedItem`, { body: post });
    expect([created.status, created.error?.errorCode]).toEqual([404, 'NOT_FOUND']);
    const listed = await query(`SELECT Id FROM FeedItem WHERE ParentId = '${lead}'`);
    expect([listed.status, listed.error?.errorCode]).toEqual([400, 'INVALID_TYPE']);
    const composite = await must('POST', `${API}/composite`, {
      body: {
        allOrNone: false,
        compositeRequest: [
          { method: 'POST', url: `${API}/sobjects/Event`, referenceId: 'event', body: eventBody() },
          { method: 'POST', url: `${API}/sobjects/FeedItem`, referenceId: 'chatter', body: post },
        ],
      },
    });
    const answers = (composite.json as { compositeResponse: { httpStatusCode: number; referenceId: string }[] })
      .compositeResponse;
    expect(answers.map((a) => [a.referenceId, a.httpStatusCode])).toEqual([
      ['event', 201],
      ['chatter', 404],
    ]);
    expect(org.ofType('FeedItem')).toEqual([]);
  });
});

const eventBody = () => ({
  Subject: 'Glance session (x)',
  StartDateTime: '2026-11-24T10:00:00.000Z',
  EndDateTime: '2026-11-24T10:00:00.000Z',
});

describe('GET /services/oauth2/userinfo', () => {
  it("answers the OpenID Connect claims of the sid's user, with Chatter on or off, without counting an API call", async () => {
    for (const chatter of [true, false]) {
      const org = new SalesforceOrg();
      org.setup.chatter = chatter;
      const { must, session } = apiClient(org);
      const used = org.apiUsage;
      const answer = await must('GET', USERINFO);
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        sub: `https://login.salesforce.com/id/${org.orgId18}/${session.userId}`,
        user_id: session.userId,
        organization_id: org.orgId18,
        preferred_username: 'riley.rep@acme.example',
        name: 'Riley Rep',
        email: 'riley.rep@acme.example',
        given_name: 'Riley',
        family_name: 'Rep',
        active: true,
        user_type: 'STANDARD',
      });
      expect(org.apiUsage).toBe(used);
    }
  });

  it('refuses a missing or ended session with 403 Bad_OAuth_Token, and the Lightning sid', async () => {
    const org = new SalesforceOrg();
    const session = org.createSession(org.defaultUserId);
    const handler = salesforceApiHandler(org);
    const status = async (sid: string | null) => {
      const url = new URL(`https://${org.classicHost}${USERINFO}`);
      const headers: Record<string, string> = sid ? { authorization: `Bearer ${sid}` } : {};
      const answer = await handler({ method: 'GET', url, host: url.hostname, headers, body: '', cookies: {} });
      return [answer?.status, answer?.body === undefined ? undefined : String(answer.body)];
    };
    expect(await status(session.sid)).toEqual([200, expect.stringContaining('"user_id"')]);
    expect(await status(null)).toEqual([403, 'Bad_OAuth_Token']);
    expect(await status(session.lightningSid)).toEqual([403, 'Bad_OAuth_Token']);
    org.expireSessions();
    expect(await status(session.sid)).toEqual([403, 'Bad_OAuth_Token']);
  });
});

describe('POST /salesforce/chatter (control)', () => {
  it('turns Chatter off and on for one org; reset turns it on', async () => {
    const state = new SandboxState();
    const control = controlHandler(() => state);
    const request = (method: string, url: string, body = '', headers: Record<string, string> = {}): SandboxRequest => {
      const parsed = new URL(url);
      return { method, url: parsed, host: parsed.hostname, headers, body, cookies: {} };
    };
    const post = async (path: string, body: unknown = {}) => {
      const answer = await control(request('POST', `http://127.0.0.1${path}`, JSON.stringify(body)));
      return JSON.parse(String(answer?.body)) as Record<string, unknown>;
    };
    const me = async (org: 'acme' | 'globex') => {
      const { sid, classicHost } = (await post('/salesforce/login', { org })) as { sid: string; classicHost: string };
      const answer = await salesforceApiHandler(state.orgList())(
        request('GET', `https://${classicHost}${API}/chatter/users/me`, '', { authorization: `Bearer ${sid}` }),
      );
      return answer?.status;
    };
    expect(await post('/salesforce/chatter', { enabled: false })).toEqual({ ok: true });
    expect([await me('acme'), await me('globex')]).toEqual([403, 200]);
    await post('/salesforce/chatter', { enabled: true });
    expect(await me('acme')).toBe(200);
    await post('/salesforce/chatter', { enabled: false, org: 'globex' });
    expect(await me('globex')).toBe(403);
    await post('/reset');
    expect(await me('globex')).toBe(200);
  });
});
