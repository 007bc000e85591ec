import { describe, expect, it } from 'vitest';
import {
  SESSION_OP,
  sessionServiceUrl,
  VALIDATE_USER_PATH,
  VALIDATE_USER_URL,
} from '../../../src/background/glance/assumptions.js';
import { clientLaunchUrl } from '../../../src/background/glance/documented.js';
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
    const launched = state.glance.launchClient(clientLaunchUrl('7777', { username: 'acme.glance.net' }));
    if (typeof launched === 'string') throw new Error(launched);
    const session = launched;

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
      body: { ok: true, status: 'X' },
    });
    expect(session.endedBy).toBe('glance');

    expect((await post('/glance/revoke', { address: 'acme.glance.net' })).status).toBe(200);
    expect(() => state.glance.authenticate(account.groupId, account.address, credentials)).toThrow();
    expect((await post('/glance/nope', {})).status).toBe(404);
  });

  it('hands a launch to the Glance Client stand-in, ends sharing there, and starts a visitor’s cobrowse', async () => {
    state.reset();
    state.glance.wallClock = () => Date.parse('2026-03-01T10:00:00Z');
    const url = clientLaunchUrl('3141', { username: 'acme.glance.net' });
    const launched = await post('/glance/client/launch', { url });
    expect(launched).toEqual({ status: 200, body: { ok: true, sessionId: expect.any(String), key: '3141' } });
    expect(state.glance.sessions.get(launched.body.sessionId)).toMatchObject({ startedBy: 'client', status: 'W' });
    // What the real client would not start is said, and starts nothing.
    expect(await post('/glance/client/launch', { url: 'https://acme.glance.net/' })).toEqual({
      status: 422,
      body: { error: 'not a session launch: https://acme.glance.net/' },
    });
    expect(
      (await post('/glance/client/launch', { url: clientLaunchUrl('1', { username: 'acme.glance.net' }) })).status,
    ).toBe(422);
    expect(state.glance.sessions.size).toBe(1);

    expect(await post('/glance/client/end', { address: 'acme.glance.net' })).toEqual({
      status: 200,
      body: { ok: true, sessionId: launched.body.sessionId },
    });
    expect(state.glance.sessions.get(launched.body.sessionId)?.status).toBe('C');
    expect(await post('/glance/client/end', { address: 'acme.glance.net' })).toEqual({
      status: 404,
      body: { error: 'no session in the client' },
    });

    const visitor = await post('/glance/cobrowse/start', { address: 'acme.glance.net', key: 'cart-7' });
    expect(visitor).toEqual({ status: 200, body: { ok: true, sessionId: expect.any(String), key: 'cart-7' } });
    expect(state.glance.cobrowseSession('cart-7')?.sessionId).toBe(visitor.body.sessionId);
    expect((await post('/glance/cobrowse/start', { address: 'acme.glance.net', key: 'no spaces' })).status).toBe(422);

    expect(await post('/glance/assumed', { on: true })).toEqual({ status: 200, body: { ok: true, assumedOps: true } });
    expect(await post('/glance/assumed', {})).toEqual({ status: 200, body: { ok: true, assumedOps: false } });
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
    // A session the rep's Glance Client started, read through the assumed GetSessionStatus (A6).
    expect(await post('/glance/assumed', { on: true })).toEqual({ status: 200, body: { ok: true, assumedOps: true } });
    expect(
      (await post('/glance/client/launch', { url: clientLaunchUrl('2580', { username: 'acme.glance.net' }) })).status,
    ).toBe(200);
    const status = () => asmx(sessionServiceUrl(SESSION_OP.status), { ...auth, key: '2580' });

    expect(await post('/glance/join-url', { joinUrl: 'javascript:alert(1)' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(tag(String((await status()).body), 'joinUrl')).toBe('javascript:alert(1)');
    expect((await post('/glance/join-url', {})).status).toBe(200);
    expect(tag(String((await status()).body), 'joinUrl')).toBe('https://acme.glance.net/?key=2580');

    expect((await post('/glance/redirect', { to: 'collector.example', count: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const redirected = await asmx(VALIDATE_USER_URL, { username: 'acme.glance.net', password: 'correct-horse' });
      expect(redirected).toEqual({
        status: 307,
        headers: { location: `https://collector.example${VALIDATE_USER_PATH}` },
      });
    }
    expect((await status()).status).toBe(200);
    expect((await post('/glance/redirect', {})).status).toBe(400);

    await post('/glance/redirect', { to: 'collector.example' });
    state.reset();
    expect(state.glance.misbehaviour).toEqual({});
    expect(state.glance.assumedOps).toBe(false);
  });
});
