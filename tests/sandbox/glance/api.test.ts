import { beforeEach, describe, expect, it } from 'vitest';
import {
  AUTH_FIELD,
  CONFERENCE_XML,
  FAULT_HTTP_STATUS,
  GLANCE_FAULT,
  KEY_MODE,
  SESSION_FIELD,
  SESSION_OP,
  SESSION_STATUS,
  SESSION_TYPE,
  type SessionOp,
  sessionServiceUrl,
  trialSignupUrl,
  UNJOINED_SESSION_LIFETIME_MS,
  VALIDATE_USER_URL,
} from '../../../src/background/glance/assumptions.js';
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

  it('starts, reports, switches and ends a session', async () => {
    const auth = await connect();
    const started = body(
      await op(SESSION_OP.start, auth, {
        [SESSION_FIELD.sessionType]: SESSION_TYPE.screenShare,
        [SESSION_FIELD.keyMode]: KEY_MODE.random,
      }),
    );
    const sessionId = tag(started, 'sessionId')!;
    const key = tag(started, 'key')!;
    expect(key).toMatch(/^\d{4}$/);
    expect(tag(started, 'joinUrl')).toBe(`https://acme.glance.net/?key=${key}`);
    expect(tag(started, 'status')).toBe(SESSION_STATUS.waiting);
    const startedAt = Date.parse(tag(started, 'startedAt')!);
    expect(Date.parse(tag(started, 'expiresAt')!) - startedAt).toBe(UNJOINED_SESSION_LIFETIME_MS);
    expect(tag(started, 'endedAt')).toBe('');

    glance.join('acme.glance.net', key, { name: 'Wanda Guest', email: 'wanda@example.com', phone: '+1 555 0100' });
    const status = body(await op(SESSION_OP.status, auth, { sessionId }));
    expect(tag(status, 'status')).toBe(SESSION_STATUS.active);
    expect(status).toMatch(
      /<guests><guest><name>Wanda Guest<\/name><email>wanda@example.com<\/email><phone>\+1 555 0100<\/phone><joinedAt>[^<]+<\/joinedAt><leftAt \/><\/guest><\/guests>/,
    );

    const switched = body(await op(SESSION_OP.setType, auth, { sessionId, sessionType: SESSION_TYPE.cobrowse }));
    expect(tag(switched, 'sessionType')).toBe(SESSION_TYPE.cobrowse);
    expect(tag(switched, 'key')).toBe(key);
    const toVideo = await op(SESSION_OP.setType, auth, { sessionId, sessionType: SESSION_TYPE.viewGuest });
    expect(tag(body(toVideo), 'code')).toBe(GLANCE_FAULT.invalidRequest);

    glance.advance(125_000);
    const ended = body(await op(SESSION_OP.end, auth, { sessionId }));
    expect(tag(ended, 'status')).toBe(SESSION_STATUS.ended);
    expect(tag(ended, 'durationSeconds')).toBe('125');
    expect(tag(ended, 'leftAt')).toBe(tag(ended, 'endedAt'));
    // A12: ending again is harmless, switching an ended session is not.
    expect(body(await op(SESSION_OP.end, auth, { sessionId }))).toBe(ended);
    const late = await op(SESSION_OP.setType, auth, { sessionId, sessionType: SESSION_TYPE.screenShare });
    expect(tag(body(late), 'code')).toBe(GLANCE_FAULT.sessionNotLive);
  });

  it('starts sessions with no key and with a fixed key, and refuses a fixed key in use', async () => {
    const auth = await connect();
    const noKey = body(await op(SESSION_OP.start, auth, { sessionType: 'G', keyMode: KEY_MODE.none }));
    expect(tag(noKey, 'key')).toBe('');
    expect(tag(noKey, 'joinUrl')).toBe('https://acme.glance.net/');
    const fixed = body(await op(SESSION_OP.start, auth, { sessionType: 'G', keyMode: KEY_MODE.fixed, key: '1234' }));
    expect(tag(fixed, 'key')).toBe('1234');
    const again = await op(SESSION_OP.start, auth, { sessionType: 'C', keyMode: KEY_MODE.fixed, key: '1234' });
    expect(again.status).toBe(FAULT_HTTP_STATUS);
    expect(tag(body(again), 'code')).toBe(GLANCE_FAULT.keyInUse);
    const badKey = await op(SESSION_OP.start, auth, { sessionType: 'G', keyMode: KEY_MODE.fixed, key: '12a4' });
    expect(tag(body(badKey), 'code')).toBe(GLANCE_FAULT.invalidRequest);
  });

  it('reports expiry of an unjoined session through GetSessionStatus', async () => {
    const auth = await connect();
    const sessionId = tag(
      body(await op(SESSION_OP.start, auth, { sessionType: 'G', keyMode: KEY_MODE.random })),
      'sessionId',
    )!;
    glance.advance(UNJOINED_SESSION_LIFETIME_MS);
    const status = body(await op(SESSION_OP.status, auth, { sessionId }));
    expect(tag(status, 'status')).toBe(SESSION_STATUS.expired);
    expect(tag(status, 'durationSeconds')).toBe('600');
  });

  it('faults on bad credentials and on sessions of another user', async () => {
    const auth = await connect();
    const bad = await op(SESSION_OP.status, { ...auth, adminCredentials: '0'.repeat(32) }, { sessionId: '1' });
    expect(bad.status).toBe(FAULT_HTTP_STATUS);
    expect(tag(body(bad), 'code')).toBe(GLANCE_FAULT.invalidCredentials);
    const sessionId = tag(
      body(await op(SESSION_OP.start, auth, { sessionType: 'G', keyMode: KEY_MODE.random })),
      'sessionId',
    )!;
    const other = await connect('ja.acme.glance.net', 'battery-staple');
    expect(tag(body(await op(SESSION_OP.end, other, { sessionId })), 'code')).toBe(GLANCE_FAULT.unknownSession);
    const unknownOp = await call(`https://www.glance.net/services/SessionService.asmx/Nope`, auth);
    expect(tag(body(unknownOp), 'code')).toBe(GLANCE_FAULT.invalidRequest);
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
