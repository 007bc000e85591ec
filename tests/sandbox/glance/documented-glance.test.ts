// The emulator follows what Glance documents (src/background/glance/documented.ts names each page):
// the SessionService ops the extension only assumes (assumptions.ts A6) answer as a real account
// answers them, sessions start in the Glance Client from a `glance://startssn` launch, and the agent
// pages answer as Glance's help describes them. Each test here fails on the emulator before sessions
// followed Glance's documents (which had StartSession, and neither a client nor agent pages).
import { beforeEach, describe, expect, it } from 'vitest';
import {
  ASMX_UNKNOWN_METHOD,
  SESSION_OP,
  type SessionOp,
  sessionServiceUrl,
  VALIDATE_USER_URL,
} from '../../../src/background/glance/assumptions.js';
import { connectGlance, GlanceClient } from '../../../src/background/glance/client.js';
import {
  AGENT_START_PATH,
  AGENT_VIEW_PATH,
  agentStartUrl,
  agentViewUrl,
  CLIENT_LAUNCH_PREFIX,
  clientLaunchUrl,
  GLANCE_WEB_ORIGIN,
  SESSION_TYPE,
  UNJOINED_SESSION_LIFETIME_MS,
} from '../../../src/background/glance/documented.js';
import { inProcessSandbox } from '../../support/in-process-fetch.js';
import { controlHandler } from '../control.js';
import type { SandboxResponse } from '../http.js';
import { SandboxState } from '../state.js';
import { glanceHandler } from './api.js';
import { NO_SESSION_MESSAGE } from './join-page.js';
import { request, tag } from './test-helpers.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');

function sandbox() {
  const state = new SandboxState();
  state.glance.wallClock = () => NOW;
  const control = async (path: string, body: unknown) => {
    const answer = await controlHandler(() => state)({
      method: 'POST',
      url: new URL(`http://127.0.0.1${path}`),
      host: '127.0.0.1',
      headers: {},
      body: JSON.stringify(body),
      cookies: {},
    });
    return { status: answer?.status, body: JSON.parse(String(answer?.body)) };
  };
  const glance = async (method: string, url: string, form?: Record<string, string>): Promise<SandboxResponse> => {
    const answer = await glanceHandler(state.glance)(request(method, url, form));
    if (!answer) throw new Error(`no answer for ${method} ${url}`);
    return answer;
  };
  return { state, control, glance };
}

type Sandbox = ReturnType<typeof sandbox>;

async function connect(s: Sandbox, address = 'acme.glance.net', password = 'correct-horse') {
  const answer = String((await s.glance('POST', VALIDATE_USER_URL, { username: address, password })).body);
  return {
    groupId: tag(answer, 'groupId')!,
    adminName: tag(answer, 'userName')!,
    adminCredentials: tag(answer, 'credentials')!,
  };
}

const OPS = Object.values(SESSION_OP) as SessionOp[];

// assumptions.ts A6: only LookupPartnerSession2 and AgentInSession appear in anything Glance ships;
// the service's WSDL (https://www.glance.net/services/SessionService.asmx?WSDL) lists no op of ours,
// and an ASMX service answers a web method it lacks with HTTP 500 and .NET's own text.
describe('the assumed SessionService ops, as a real account answers them', () => {
  it('answer 500 with ASMX’s unknown-method text by default, and XML once /glance/assumed turns them on', async () => {
    const s = sandbox();
    const auth = await connect(s);
    const launched = await s.control('/glance/client/launch', {
      url: clientLaunchUrl('7531', { username: 'acme.glance.net' }),
    });
    expect(launched.status).toBe(200);
    const fields: Record<SessionOp, Record<string, string>> = {
      [SESSION_OP.status]: { key: '7531' },
      [SESSION_OP.setType]: { key: '7531', sessionType: SESSION_TYPE.cobrowse },
      [SESSION_OP.end]: { key: '7531' },
      [SESSION_OP.conference]: {},
    };
    for (const op of OPS) {
      const answer = await s.glance('POST', sessionServiceUrl(op), { ...auth, ...fields[op] });
      expect(answer.status, op).toBe(500);
      expect(answer.headers?.['content-type'], op).toBe('text/plain; charset=utf-8');
      expect(String(answer.body).split('\r\n')[0], op).toBe(ASMX_UNKNOWN_METHOD(op));
      // ASMX looks the method up before anything else: no credential makes it answer otherwise.
      const anonymous = await s.glance('POST', sessionServiceUrl(op), {});
      expect(String(anonymous.body).split('\r\n')[0], op).toBe(ASMX_UNKNOWN_METHOD(op));
    }
    // Nothing of the session changed behind those answers.
    expect(s.state.glance.sessions.get(launched.body.sessionId)).toMatchObject({ status: 'W', sessionType: 'G' });

    expect(await s.control('/glance/assumed', { on: true })).toEqual({
      status: 200,
      body: { ok: true, assumedOps: true },
    });
    for (const op of OPS) {
      const answer = await s.glance('POST', sessionServiceUrl(op), { ...auth, ...fields[op] });
      expect(answer.status, op).toBe(200);
      expect(answer.headers?.['content-type'], op).toMatch(/^text\/xml/);
      expect(String(answer.body), op).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<(SessionInfo|ConferenceInfo) /,
      );
    }
    expect(s.state.glance.sessions.get(launched.body.sessionId)).toMatchObject({ status: 'C', sessionType: 'C' });
    await s.control('/glance/assumed', { on: false });
    expect((await s.glance('POST', sessionServiceUrl(SESSION_OP.conference), auth)).status).toBe(500);
  });

  it('reads as absent to the extension’s probe by default, and as present once on (capabilities.ts)', async () => {
    const { state, fetch } = inProcessSandbox();
    const account = await connectGlance(fetch, 'acme.glance.net', 'correct-horse');
    const client = new GlanceClient(account, fetch);
    for (const op of OPS) expect(await client.has(op), op).toBe(false);
    await expect(client.conference()).rejects.toMatchObject({ failure: 'absent' });
    state.glance.assumedOps = true;
    for (const op of OPS) expect(await client.has(op), op).toBe(true);
  });
});

// [login-key-usage] help.glance.cx/integrations/login-key/integration_usage/: the integration launches
// the Glance Client with `glance://startssn?key=…&username=<Glance address>`; [screen-share]
// help.glance.net: guests open the address and type the 4-digit key, and an unjoined session ends after
// about 10 minutes; [status] help.glance.net/integrations/webservices/activity/status: the letters
// (W waiting, A active, C completed, T timed out).
describe('sessions the Glance Client starts from a launch', () => {
  let s: Sandbox;
  beforeEach(() => {
    s = sandbox();
  });
  const launch = async (key: string) => {
    const answer = await s.control('/glance/client/launch', {
      url: clientLaunchUrl(key, { username: 'acme.glance.net' }),
    });
    expect(answer.status).toBe(200);
    const session = s.state.glance.sessions.get(answer.body.sessionId);
    if (!session) throw new Error('no session');
    return session;
  };
  const joinAsGuest = (key: string, name: string) =>
    s.glance('POST', 'https://acme.glance.net/', { key, name, email: '', phone: '' }).then((a) => String(a.body));

  it('opens a session with the launch’s key for the user the launch names, which a guest then joins', async () => {
    const session = await launch('2719');
    expect(session).toMatchObject({
      address: 'acme.glance.net',
      key: '2719',
      sessionType: SESSION_TYPE.screenShare,
      status: 'W',
    });
    expect(await joinAsGuest('2719', 'Wanda Guest')).toContain('You have joined Riley Rep&#39;s session');
    expect(session.status).toBe('A');
    expect(session.guests.map((g) => g.name)).toEqual(['Wanda Guest']);
    // The key is the account's: the same key at another address joins nothing.
    const elsewhere = await s.glance('POST', 'https://ja.acme.glance.net/', { key: '2719', name: 'Wanda Guest' });
    expect(String(elsewhere.body)).toContain(NO_SESSION_MESSAGE);
  });

  it('ends the hosted session (C) when a second launch comes, and when the rep ends sharing in the client', async () => {
    const first = await launch('1111');
    s.state.glance.advance(30_000);
    const second = await launch('2222');
    expect(first).toMatchObject({ status: 'C', endedAt: NOW + 30_000 });
    expect(second.status).toBe('W');
    expect(await joinAsGuest('1111', 'Late Guest')).toContain(NO_SESSION_MESSAGE);

    expect(await s.control('/glance/client/end', { address: 'acme.glance.net' })).toEqual({
      status: 200,
      body: { ok: true, sessionId: second.sessionId },
    });
    expect(second.status).toBe('C');
    expect(await joinAsGuest('2222', 'Late Guest')).toContain(NO_SESSION_MESSAGE);
  });

  it('times out (T) a session nobody joined after 10 minutes, and no sooner', async () => {
    const session = await launch('3333');
    await s.control('/glance/advance', { ms: UNJOINED_SESSION_LIFETIME_MS - 1000 });
    expect(s.state.glance.snapshot().sessions[0]).toMatchObject({ status: 'W' });
    await s.control('/glance/advance', { ms: 1000 });
    expect(s.state.glance.snapshot().sessions[0]).toMatchObject({
      sessionId: session.sessionId,
      status: 'T',
      endedBy: 'expiry',
      durationSeconds: 600,
    });
    expect(await joinAsGuest('3333', 'Late Guest')).toContain(NO_SESSION_MESSAGE);
  });
});

// [target-urls] help.glance.cx/integrations/service-target-urls/: AgentView.aspx takes SessionKey or
// VisitorId, name, email and phone; an unknown key shows an error page, and with Wait=1 the viewer
// waits for the session to start instead. [visitor] help.glance.cx/glance-cobrowse/
// glance-cobrowse-customizing/visitor_agent/agent_side/: the visitor's key or visitor id.
describe('the agent viewer, AgentView.aspx', () => {
  const viewer = (query: string) => `${GLANCE_WEB_ORIGIN}${AGENT_VIEW_PATH}?${query}`;

  it('answers 404 for an unknown key, a waiting page that refreshes with Wait=1, and joins a live cobrowse', async () => {
    const s = sandbox();
    const unknown = await s.glance('GET', viewer('SessionKey=cart-7'));
    expect(unknown.status).toBe(404);
    expect(String(unknown.body)).toContain('No session with key cart-7');

    const url = agentViewUrl({ key: 'cart-7', by: 'key', name: 'Riley Rep', email: 'riley.rep@acme.example' });
    const waiting = await s.glance('GET', url);
    expect(waiting.status).toBe(200);
    expect(String(waiting.body)).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    expect(String(waiting.body)).toContain('Waiting for the visitor to start session cart-7');
    expect(s.state.glance.sessions.size).toBe(0);

    const started = await s.control('/glance/cobrowse/start', { address: 'acme.glance.net', key: 'cart-7' });
    expect(started.status).toBe(200);
    const joined = await s.glance('GET', url);
    expect(joined.status).toBe(200);
    expect(String(joined.body)).toContain('You are viewing session cart-7');
    expect(String(joined.body)).not.toContain('http-equiv="refresh"');
    const session = s.state.glance.sessions.get(started.body.sessionId);
    expect(session).toMatchObject({ status: 'A', sessionType: SESSION_TYPE.cobrowse, startedBy: 'visitor' });
    expect(session?.agents).toEqual([{ name: 'Riley Rep', email: 'riley.rep@acme.example', joinedAt: NOW }]);
    // The viewer reloading is the same agent, not a second one.
    await s.glance('GET', url);
    expect(session?.agents).toHaveLength(1);
  });

  it('finds the session by VisitorId too, reads the query names in any case, and refuses what is no key', async () => {
    const s = sandbox();
    const started = await s.control('/glance/cobrowse/start', { address: 'acme.glance.net', key: 'visitor_981' });
    const byVisitor = agentViewUrl({ key: 'visitor_981', by: 'visitor-id', name: 'Jamie', email: '' });
    expect(new URL(byVisitor).searchParams.get('VisitorId')).toBe('visitor_981');
    expect((await s.glance('GET', byVisitor)).status).toBe(200);
    expect(s.state.glance.sessions.get(started.body.sessionId)?.agents.map((a) => a.name)).toEqual(['Jamie']);
    expect((await s.glance('GET', viewer('sessionkey=visitor_981&NAME=Kim'))).status).toBe(200);
    expect(s.state.glance.sessions.get(started.body.sessionId)?.agents.map((a) => a.name)).toEqual(['Jamie', 'Kim']);
    expect((await s.glance('GET', viewer('SessionKey=%3Cscript%3E&Wait=1'))).status).toBe(400);
  });
});

// [login-key-usage]: the start page "checks for an installed client, optionally installs it, and
// signals it to start a session"; its documented parameters are SSO's (partnerid, partneruserid, loginkey).
describe('the agent start page', () => {
  it('answers a page whose Start link launches glance://startssn, with the SSO identity it was given', async () => {
    const s = sandbox();
    expect(agentStartUrl()).toBe(`${GLANCE_WEB_ORIGIN}${AGENT_START_PATH}`);
    const bare = await s.glance('GET', agentStartUrl());
    expect(bare.status).toBe(200);
    expect(bare.headers?.['content-type']).toMatch(/^text\/html/);
    expect(String(bare.body)).toContain(`<a id="start" href="${CLIENT_LAUNCH_PREFIX}" role="button">`);
    expect(String(bare.body)).toContain('Download the Glance Client');

    const identity = { partnerId: '72431', partnerUserId: 'riley@acme', loginKey: 'k&1' };
    const sso = String((await s.glance('GET', agentStartUrl(identity))).body);
    const href = /<a id="start" href="([^"]+)"/.exec(sso)?.[1]?.replaceAll('&#38;', '&');
    expect(href).toBe(clientLaunchUrl('', identity));
  });
});

describe('the session service describes itself (its WSDL, A6): what the extension probes', () => {
  it('lists only the operations seen in Glance’s shipped script by default, and the assumed ones only when turned on', async () => {
    const s = sandbox();
    const wsdl = async () => {
      const answer = await s.glance('GET', `${GLANCE_WEB_ORIGIN}/services/SessionService.asmx?WSDL`);
      expect(answer.status).toBe(200);
      return [...String(answer.body).matchAll(/<wsdl:operation name="(\w+)"/g)].map((m) => m[1]);
    };
    expect(await wsdl()).toEqual(['LookupPartnerSession2', 'AgentInSession']);
    await s.control('/glance/assumed', { on: true });
    expect(await wsdl()).toEqual(['LookupPartnerSession2', 'AgentInSession', ...Object.values(SESSION_OP)]);
  });

  it('the extension’s probe reads it in one GET: none of its operations by default, all four when turned on', async () => {
    const { fetch: fetcher, state } = inProcessSandbox();
    const account = await connectGlance(fetcher, 'acme.glance.net', 'correct-horse');
    const client = new GlanceClient(account, fetcher);
    const none = await client.operations();
    expect(Object.values(SESSION_OP).filter((op) => none.has(op))).toEqual([]);
    state.glance.assumedOps = true;
    const all = await client.operations();
    expect(Object.values(SESSION_OP).filter((op) => all.has(op))).toEqual(Object.values(SESSION_OP));
  });
});
