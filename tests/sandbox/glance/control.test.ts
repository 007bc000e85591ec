import { describe, expect, it } from 'vitest';
import { KEY_MODE, SESSION_STATUS, SESSION_TYPE } from '../../../src/background/glance/assumptions.js';
import { controlHandler } from '../control.js';
import { SandboxState } from '../state.js';

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
});
