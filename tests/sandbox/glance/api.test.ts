import { beforeEach, describe, expect, it } from 'vitest';
import {
  AUTH_FIELD,
  CONFERENCE_XML,
  FAULT_HTTP_STATUS,
  GLANCE_FAULT,
  SESSION_FIELD,
  SESSION_OP,
  type SessionOp,
  sessionServiceUrl,
  trialSignupUrl,
  VALIDATE_USER_URL,
} from '../../../src/background/glance/assumptions.js';
import {
  clientLaunchUrl,
  SESSION_TYPE,
  UNJOINED_SESSION_LIFETIME_MS,
} from '../../../src/background/glance/documented.js';
import type { SandboxResponse } from '../http.js';
import { glanceHandler } from './api.js';
import { GlanceService } from './service.js';
import { request, tag } from './test-helpers.js';

describe('Glance web services', () => {
  let glance: GlanceService;
  let call: (url: string, form?: Record<string, string>, method?: string) => Promise<SandboxResponse>;
  beforeEach(() => {
    glance = new GlanceService();
    // A frozen wall clock: only advance() moves time, so durations and expiry are exact.
    glance.wallClock = () => Date.parse('2026-03-01T10:00:00Z');
    // These tests are about the assumed SessionService ops (A6): on, as a test turns them on.
    glance.assumedOps = true;
    const handler = glanceHandler(glance);
    call = async (url, form, method = 'POST') => {
      const answer = await handler(request(method, url, form));
      if (!answer) throw new Error(`no answer for ${url}`);
      return answer;
    };
  });
  const body = (answer: SandboxResponse) => String(answer.body);

  async function connect(address = 'acme.glance.net', password = 'correct-horse') {
    const answer = await call(VALIDATE_USER_URL, { username: address, password });
    expect(answer.status).toBe(200);
    return {
      [AUTH_FIELD.groupId]: tag(body(answer), 'groupId')!,
      [AUTH_FIELD.adminName]: tag(body(answer), 'userName')!,
      [AUTH_FIELD.adminCredentials]: tag(body(answer), 'credentials')!,
    };
  }
  /** The rep's Glance Client receives the extension's launch (documented.ts); sessions start only so. */
  const launch = (key: string, username = 'acme.glance.net') => {
    const session = glance.launchClient(clientLaunchUrl(key, { username }));
    if (typeof session === 'string') throw new Error(session);
    return session;
  };
  const op = (name: SessionOp, auth: Record<string, string>, fields: Record<string, string> = {}) =>
    call(sessionServiceUrl(name), { ...auth, ...fields });

  it('ValidateUser answers the user and a new credential each call', async () => {
    const first = await call(VALIDATE_USER_URL, { username: 'acme.glance.net', password: 'correct-horse' });
    expect(first.headers?.['content-type']).toMatch(/^text\/xml/);
    expect(body(first)).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<ValidateUserResult xmlns="http:\/\/www.glance.net\/">/,
    );
    expect(tag(body(first), 'credentials')).toMatch(/^[0-9a-f]{32}$/);
    expect(tag(body(first), 'groupId')).toBe('72431');
    expect(tag(body(first), 'userName')).toBe('acme.glance.net');
    expect(tag(body(first), 'displayName')).toBe('Riley Rep');
    expect(tag(body(first), 'email')).toBe('riley.rep@acme.example');
    const second = await connect();
    expect(second.adminCredentials).not.toBe(tag(body(first), 'credentials'));
  });

  it('ValidateUser faults on a wrong password, an unknown address and a missing field', async () => {
    const wrong = await call(VALIDATE_USER_URL, { username: 'acme.glance.net', password: 'nope' });
    expect(wrong.status).toBe(FAULT_HTTP_STATUS);
    expect(tag(body(wrong), 'code')).toBe(GLANCE_FAULT.invalidPassword);
    const unknown = await call(VALIDATE_USER_URL, { username: 'nobody.glance.net', password: 'x' });
    expect(tag(body(unknown), 'code')).toBe(GLANCE_FAULT.unknownUser);
    const missing = await call(VALIDATE_USER_URL, { username: 'acme.glance.net' });
    expect(tag(body(missing), 'code')).toBe(GLANCE_FAULT.invalidRequest);
    expect(tag(body(missing), 'message')).toBe('Missing parameter: password.');
  });

  it('accepts only form POSTs', async () => {
    expect((await call(VALIDATE_USER_URL, undefined, 'GET')).status).toBe(405);
    const jsonBody = await glanceHandler(glance)({
      ...request('POST', VALIDATE_USER_URL),
      headers: { 'content-type': 'application/json' },
      body: '{"username":"acme.glance.net","password":"correct-horse"}',
    });
    expect(jsonBody?.status).toBe(FAULT_HTTP_STATUS);
    expect(tag(String(jsonBody?.body), 'code')).toBe(GLANCE_FAULT.invalidRequest);
  });

  it('reports, switches and ends a session the Glance Client started, by its key (A6, A7, A11, A12)', async () => {
    const auth = await connect();
    const launched = launch('4821');
    const started = body(await op(SESSION_OP.status, auth, { [SESSION_FIELD.key]: '4821' }));
    expect(tag(started, 'sessionId')).toBe(launched.sessionId);
    expect(tag(started, 'key')).toBe('4821');
    expect(tag(started, 'joinUrl')).toBe('https://acme.glance.net/?key=4821');
    expect(tag(started, 'status')).toBe('W');
    expect(tag(started, 'sessionType')).toBe(SESSION_TYPE.screenShare);
    const startedAt = Date.parse(tag(started, 'startedAt')!);
    expect(Date.parse(tag(started, 'expiresAt')!) - startedAt).toBe(UNJOINED_SESSION_LIFETIME_MS);
    expect(tag(started, 'endedAt')).toBe('');

    glance.join('acme.glance.net', '4821', { name: 'Wanda Guest', email: 'wanda@example.com', phone: '+1 555 0100' });
    const status = body(await op(SESSION_OP.status, auth, { key: '4821' }));
    expect(tag(status, 'status')).toBe('A');
    expect(status).toMatch(
      /<guests><guest><name>Wanda Guest<\/name><email>wanda@example.com<\/email><phone>\+1 555 0100<\/phone><joinedAt>[^<]+<\/joinedAt><leftAt \/><\/guest><\/guests>/,
    );

    const switched = body(await op(SESSION_OP.setType, auth, { key: '4821', sessionType: SESSION_TYPE.cobrowse }));
    expect(tag(switched, 'sessionType')).toBe(SESSION_TYPE.cobrowse);
    expect(tag(switched, 'sessionId')).toBe(launched.sessionId);
    const toVideo = await op(SESSION_OP.setType, auth, { key: '4821', sessionType: SESSION_TYPE.viewGuest });
    expect(tag(body(toVideo), 'code')).toBe(GLANCE_FAULT.invalidRequest);
    const unknownType = await op(SESSION_OP.setType, auth, { key: '4821', sessionType: 'Z' });
    expect(tag(body(unknownType), 'code')).toBe(GLANCE_FAULT.invalidRequest);

    glance.advance(125_000);
    const ended = body(await op(SESSION_OP.end, auth, { key: '4821' }));
    expect(tag(ended, 'status')).toBe('C');
    expect(tag(ended, 'durationSeconds')).toBe('125');
    expect(tag(ended, 'leftAt')).toBe(tag(ended, 'endedAt'));
    // A12: ending again is harmless, switching an ended session is not.
    expect(body(await op(SESSION_OP.end, auth, { key: '4821' }))).toBe(ended);
    const late = await op(SESSION_OP.setType, auth, { key: '4821', sessionType: SESSION_TYPE.screenShare });
    expect(tag(body(late), 'code')).toBe(GLANCE_FAULT.sessionNotLive);
  });

  it('answers the no-key session for an empty key, the latest session of a key, and faults without one', async () => {
    const auth = await connect();
    launch('');
    const noKey = body(await op(SESSION_OP.status, auth, { key: '' }));
    expect(tag(noKey, 'key')).toBe('');
    expect(tag(noKey, 'joinUrl')).toBe('https://acme.glance.net/');
    // The rep shares again with the same key: the client ended the first (C), the key answers the second.
    const first = launch('1234');
    const second = launch('1234');
    const latest = body(await op(SESSION_OP.status, auth, { key: '1234' }));
    expect(tag(latest, 'sessionId')).toBe(second.sessionId);
    expect(tag(latest, 'status')).toBe('W');
    expect(first.status).toBe('C');
    const unknown = await op(SESSION_OP.status, auth, { key: '9999' });
    expect(unknown.status).toBe(FAULT_HTTP_STATUS);
    expect(tag(body(unknown), 'code')).toBe(GLANCE_FAULT.unknownSession);
    // Asked with the identity alone (the client's probe, client.has): a fault of the op's own.
    const bare = await op(SESSION_OP.status, auth);
    expect(tag(body(bare), 'code')).toBe(GLANCE_FAULT.invalidRequest);
    expect(tag(body(bare), 'message')).toBe('Missing parameter: key.');
  });

  it('reports expiry of an unjoined session through GetSessionStatus', async () => {
    const auth = await connect();
    launch('5678');
    glance.advance(UNJOINED_SESSION_LIFETIME_MS);
    const status = body(await op(SESSION_OP.status, auth, { key: '5678' }));
    expect(tag(status, 'status')).toBe('T');
    expect(tag(status, 'durationSeconds')).toBe('600');
  });

  it('faults on bad credentials and on sessions of another user; an op it lacks is ASMX’s unknown method', async () => {
    const auth = await connect();
    const bad = await op(SESSION_OP.status, { ...auth, adminCredentials: '0'.repeat(32) }, { key: '1' });
    expect(bad.status).toBe(FAULT_HTTP_STATUS);
    expect(tag(body(bad), 'code')).toBe(GLANCE_FAULT.invalidCredentials);
    launch('2468');
    const other = await connect('ja.acme.glance.net', 'battery-staple');
    expect(tag(body(await op(SESSION_OP.end, other, { key: '2468' })), 'code')).toBe(GLANCE_FAULT.unknownSession);
    expect(glance.liveSessions('acme.glance.net').map((s) => s.key)).toEqual(['2468']);
    // Even with the assumed ops on, a name the service does not have is no Glance fault.
    const unknownOp = await call(`https://www.glance.net/services/SessionService.asmx/StartSession`, auth);
    expect(unknownOp).toMatchObject({ status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    expect(body(unknownOp)).toMatch(
      /^System\.InvalidOperationException: StartSession Web Service method name is not valid\./,
    );
  });

  it('answers conference numbers, or empty ones for a user without Glance conferencing', async () => {
    const acme = body(await op(SESSION_OP.conference, await connect()));
    expect(acme).toContain(`<${CONFERENCE_XML.phone} country="US">+1 866 555 0134</${CONFERENCE_XML.phone}>`);
    expect(tag(acme, 'accessCode')).toBe('724310');
    const ja = body(await op(SESSION_OP.conference, await connect('ja.acme.glance.net', 'battery-staple')));
    expect(ja).toContain('<phoneNumbers />');
    expect(tag(ja, 'accessCode')).toBe('');
  });

  it('serves the trial page with the prefilled values escaped', async () => {
    const page = body(await call(trialSignupUrl('Riley "<Rep>"', 'riley@acme.example'), undefined, 'GET'));
    expect(page).toContain('value="Riley &#34;&#60;Rep&#62;&#34;"');
    expect(page).toContain('value="riley@acme.example"');
    expect(page).not.toContain('<Rep>');
  });

  it('leaves other hosts and paths to other handlers', async () => {
    const handler = glanceHandler(glance);
    expect(await handler(request('GET', 'https://acme.my.salesforce.com/'))).toBeUndefined();
    expect(await handler(request('GET', 'https://www.glance.net/nothing-here'))).toBeUndefined();
  });
});
