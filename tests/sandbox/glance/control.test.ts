import { describe, expect, it } from 'vitest';
import {
  KEY_MODE,
  SESSION_OP,
  SESSION_STATUS,
  SESSION_TYPE,
  sessionServiceUrl,
  VALIDATE_USER_PATH,
  VALIDATE_USER_URL,
} from '../../../src/background/glance/assumptions.js';
import { controlHandler } from '../control.js';
import { SandboxState } from '../state.js';
import { glanceHandler } from './api.js';
import { request, tag } from './test-helpers.js';

describe('Glance control routes', () => {
  const state = new SandboxState();
  state.glance.wallClock = () => Date.parse('2026-03-01T10:00:00Z');
  const control = controlHandler(() => state);
  const post = async (path: string, body: unknown) => {
    const answer = await control({
      method: 'POST',
      url: new URL(`http://127.0.0.1${path}`),
      host: '127.0.0.1',
      headers: {},
      body: JSON.stringify(body),
      cookies: {},
    });
    return { status: answer?.status, body: JSON.parse(String(answer?.body)) };
  };

  it('joins, leaves, ends, advances time and revokes credentials without a browser', async () => {
    const { account, credentials } = state.glance.validateUser('acme.glance.net', 'correct-horse');
    const session = state.glance.startSession(account, {
      sessionType: SESSION_TYPE.screenShare,
      keyMode: KEY_MODE.fixed,
      key: '7777',
    });

    expect((await post('/glance/join', { address: 'acme.glance.net', key: '0000', name: 'X' })).status).toBe(404);
    const joined = await post('/glance/join', {
      address: 'acme.glance.net',
      key: '7777',
      name: 'Wanda',
      email: 'w@example.com',
    });
    expect(joined).toEqual({ status: 200, body: { ok: true, sessionId: session.sessionId } });
    expect((await post('/glance/advance', { ms: 30_000 })).status).toBe(200);
    expect((await post('/glance/leave', { sessionId: session.sessionId, guest: 'w@example.com' })).status).toBe(200);
    expect(session.guests[0]!.leftAt! - session.guests[0]!.joinedAt).toBe(30_000);
    expect(await post('/glance/end', { sessionId: session.sessionId })).toEqual({
      status: 200,
      body: { ok: true, status: SESSION_STATUS.ended },
    });
    expect(session.endedBy).toBe('glance');

    expect((await post('/glance/revoke', { address: 'acme.glance.net' })).status).toBe(200);
    expect(() => state.glance.authenticate(account.groupId, account.address, credentials)).toThrow();
    expect((await post('/glance/nope', {})).status).toBe(404);
  });

  it("sets an account's display name, which ValidateUser then answers", async () => {
    const name = '<svg onload=alert(1)> Riley';
    expect((await post('/glance/account', { address: 'acme.glance.net', displayName: name })).status).toBe(200);
    expect(state.glance.validateUser('acme.glance.net', 'correct-horse').account.displayName).toBe(name);
    expect((await post('/glance/account', { address: 'nobody.glance.net', displayName: 'x' })).status).toBe(404);
  });

  it('answers a hostile joinUrl and 307 redirects while their switches are on, then behaves again', async () => {
    const glance = glanceHandler(state.glance);
    const asmx = async (url: string, form: Record<string, string>) => (await glance(request('POST', url, form)))!;
    const login = await asmx(VALIDATE_USER_URL, { username: 'acme.glance.net', password: 'correct-horse' });
    const auth = {
      groupId: tag(String(login.body), 'groupId')!,
      adminName: tag(String(login.body), 'userName')!,
      adminCredentials: tag(String(login.body), 'credentials')!,
    };
    const start = () =>
      asmx(sessionServiceUrl(SESSION_OP.start), { ...auth, sessionType: SESSION_TYPE.screenShare, keyMode: 'random' });

    expect(await post('/glance/join-url', { joinUrl: 'javascript:alert(1)' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(tag(String((await start()).body), 'joinUrl')).toBe('javascript:alert(1)');
    expect((await post('/glance/join-url', {})).status).toBe(200);
    expect(tag(String((await start()).body), 'joinUrl')).toMatch(/^https:\/\/acme\.glance\.net\/\?key=\d{4}$/);

    expect((await post('/glance/redirect', { to: 'collector.example', count: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const redirected = await asmx(VALIDATE_USER_URL, { username: 'acme.glance.net', password: 'correct-horse' });
      expect(redirected).toEqual({
        status: 307,
        headers: { location: `https://collector.example${VALIDATE_USER_PATH}` },
      });
    }
    expect((await start()).status).toBe(200);
    expect((await post('/glance/redirect', {})).status).toBe(400);

    await post('/glance/redirect', { to: 'collector.example' });
    state.reset();
    expect(state.glance.misbehaviour).toEqual({});
  });
});
