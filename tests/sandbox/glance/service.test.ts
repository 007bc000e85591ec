import { beforeEach, describe, expect, it } from 'vitest';
import {
  GLANCE_FAULT,
  KEY_MODE,
  SESSION_STATUS,
  SESSION_TYPE,
  UNJOINED_SESSION_LIFETIME_MS,
} from '../../../src/background/glance/assumptions.js';
import { GlanceService } from './service.js';

describe('GlanceService', () => {
  let glance: GlanceService;
  beforeEach(() => {
    glance = new GlanceService();
    // A frozen wall clock: only advance() moves time, so durations and expiry are exact.
    glance.wallClock = () => Date.parse('2026-03-01T10:00:00Z');
  });

  const connect = (address = 'acme.glance.net', password = 'correct-horse') => glance.validateUser(address, password);

  it('issues a new 32-hex credential on every ValidateUser and keeps the older ones valid (A5)', () => {
    const first = connect().credentials;
    const second = connect().credentials;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
    expect(glance.authenticate('72431', 'acme.glance.net', first).address).toBe('acme.glance.net');
  });

  it('rejects credentials of another address, a wrong group, or after a revoke', () => {
    const { credentials } = connect();
    const expectFault = (fn: () => unknown) =>
      expect(fn).toThrow(expect.objectContaining({ code: GLANCE_FAULT.invalidCredentials }));
    expectFault(() => glance.authenticate('72431', 'ja.acme.glance.net', credentials));
    expectFault(() => glance.authenticate('1', 'acme.glance.net', credentials));
    glance.revokeCredentials('acme.glance.net');
    expectFault(() => glance.authenticate('72431', 'acme.glance.net', credentials));
  });

  it('expires a session nobody joined after 10 minutes, and not one a guest joined', () => {
    const { account } = connect();
    const lonely = glance.startSession(account, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.random });
    const joined = glance.startSession(account, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.random });
    glance.join('acme.glance.net', joined.key, { name: 'Guest' });
    glance.advance(UNJOINED_SESSION_LIFETIME_MS - 1);
    expect(glance.sessionOf(account, lonely.sessionId).status).toBe(SESSION_STATUS.waiting);
    glance.advance(1);
    const expired = glance.sessionOf(account, lonely.sessionId);
    expect(expired.status).toBe(SESSION_STATUS.expired);
    expect(expired.endedAt).toBe(expired.expiresAt);
    expect(glance.sessionOf(account, joined.sessionId).status).toBe(SESSION_STATUS.active);
  });

  it('lets a replaced clock drive expiry', () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    glance.now = () => now;
    const { account } = connect();
    const session = glance.startSession(account, { sessionType: SESSION_TYPE.cobrowse, keyMode: KEY_MODE.none });
    now += UNJOINED_SESSION_LIFETIME_MS;
    expect(glance.snapshot().sessions[0]).toMatchObject({
      sessionId: session.sessionId,
      status: SESSION_STATUS.expired,
      endedAt: '2026-03-01T10:10:00Z',
      endedBy: 'expiry',
    });
  });

  it('frees a fixed key once its session ends', () => {
    const { account } = connect();
    const first = glance.startSession(account, {
      sessionType: SESSION_TYPE.screenShare,
      keyMode: KEY_MODE.fixed,
      key: '4242',
    });
    expect(() =>
      glance.startSession(account, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.fixed, key: '4242' }),
    ).toThrow(expect.objectContaining({ code: GLANCE_FAULT.keyInUse }));
    glance.endSession(account, first.sessionId);
    expect(
      glance.startSession(account, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.fixed, key: '4242' }).key,
    ).toBe('4242');
  });

  it('lets two addresses use the same fixed key', () => {
    const acme = connect().account;
    const ja = connect('ja.acme.glance.net', 'battery-staple').account;
    glance.startSession(acme, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.fixed, key: '1111' });
    expect(
      glance.startSession(ja, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.fixed, key: '1111' }).key,
    ).toBe('1111');
  });

  it('ends from the Glance side and marks guests as left', () => {
    const { account } = connect();
    const session = glance.startSession(account, { sessionType: SESSION_TYPE.screenShare, keyMode: KEY_MODE.none });
    glance.join('ACME.glance.net', '', { name: 'Guest', email: 'g@example.com' });
    glance.advance(90_000);
    glance.endFromGlance(session.sessionId);
    const snapshot = glance.snapshot().sessions[0]!;
    expect(snapshot).toMatchObject({ status: SESSION_STATUS.ended, endedBy: 'glance', durationSeconds: 90 });
    expect(snapshot.guests[0]).toMatchObject({ name: 'Guest', leftAt: snapshot.endedAt });
  });

  it('keeps passwords and credentials out of the snapshot', () => {
    connect();
    const text = JSON.stringify(glance.snapshot());
    expect(text).not.toContain('correct-horse');
    expect(text).not.toMatch(/[0-9a-f]{32}/);
    expect(glance.snapshot().accounts[0]).toMatchObject({ address: 'acme.glance.net', credentialsIssued: 1 });
  });
});
