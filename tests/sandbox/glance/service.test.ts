import { beforeEach, describe, expect, it } from 'vitest';
import { GLANCE_FAULT } from '../../../src/background/glance/assumptions.js';
import {
  clientLaunchUrl,
  SESSION_TYPE,
  UNJOINED_SESSION_LIFETIME_MS,
} from '../../../src/background/glance/documented.js';
import { GlanceService, type GlanceSession } from './service.js';

describe('GlanceService', () => {
  let glance: GlanceService;
  beforeEach(() => {
    glance = new GlanceService();
    // A frozen wall clock: only advance() moves time, so durations and expiry are exact.
    glance.wallClock = () => Date.parse('2026-03-01T10:00:00Z');
  });

  const connect = (address = 'acme.glance.net', password = 'correct-horse') => glance.validateUser(address, password);
  /** The Glance Client signed in as `username` receives the extension's launch (documented.ts). */
  const launch = (key: string, username = 'acme.glance.net'): GlanceSession => {
    const started = glance.launchClient(clientLaunchUrl(key, { username }));
    if (typeof started === 'string') throw new Error(started);
    return started;
  };

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

  it('starts a screen share for the launch’s user with the launch’s key, and refuses what is no session launch', () => {
    const session = launch('2468');
    expect(session).toMatchObject({
      address: 'acme.glance.net',
      key: '2468',
      startedBy: 'client',
      sessionType: SESSION_TYPE.screenShare,
      status: 'W',
    });
    expect(session.expiresAt - session.startedAt).toBe(UNJOINED_SESSION_LIFETIME_MS);
    // Glance addresses are host names: the launch's user is matched as one.
    expect(launch('1357', 'JA.acme.glance.net').address).toBe('ja.acme.glance.net');
    expect(launch('').key).toBe('');
    expect(glance.launchClient('glance://somethingelse?key=1234&username=acme.glance.net')).toMatch(/not a session/);
    expect(glance.launchClient(clientLaunchUrl('1234', { username: 'nobody.glance.net' }))).toMatch(/no Glance user/);
    expect(glance.launchClient(clientLaunchUrl('12a4', { username: 'acme.glance.net' }))).toMatch(/not a session key/);
    // Refused launches start nothing: the three sessions above are all there is.
    expect(glance.sessions.size).toBe(3);
  });

  it('expires a session nobody joined after 10 minutes, and not one a guest joined', () => {
    const { account } = connect();
    const lonely = launch('1111');
    const joined = launch('2222', 'ja.acme.glance.net');
    glance.join('ja.acme.glance.net', joined.key, { name: 'Guest' });
    glance.advance(UNJOINED_SESSION_LIFETIME_MS - 1);
    expect(glance.sessionOf(account, lonely.sessionId).status).toBe('W');
    glance.advance(1);
    const expired = glance.sessionOf(account, lonely.sessionId);
    expect(expired.status).toBe('T');
    expect(expired.endedAt).toBe(expired.expiresAt);
    expect(glance.sessionOf(connect('ja.acme.glance.net', 'battery-staple').account, joined.sessionId).status).toBe(
      'A',
    );
  });

  it('lets a replaced clock drive expiry', () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    glance.now = () => now;
    const session = launch('');
    now += UNJOINED_SESSION_LIFETIME_MS;
    expect(glance.snapshot().sessions[0]).toMatchObject({
      sessionId: session.sessionId,
      status: 'T',
      endedAt: '2026-03-01T10:10:00Z',
      endedBy: 'expiry',
    });
  });

  it('hosts one session per client: a new launch ends the one it hosted, even with the same key', () => {
    const { account } = connect();
    const first = launch('4242');
    glance.advance(60_000);
    const second = launch('4242');
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(first).toMatchObject({ status: 'C', endedBy: 'host', endedAt: first.startedAt + 60_000 });
    expect(second.status).toBe('W');
    // The key answers the most recent session with it (A6/A7).
    expect(glance.sessionByKey(account, '4242').sessionId).toBe(second.sessionId);
    expect(() => glance.sessionByKey(account, '9999')).toThrow(
      expect.objectContaining({ code: GLANCE_FAULT.unknownSession }),
    );
    // Another address's client is another client: its session goes on.
    const ja = launch('4242', 'ja.acme.glance.net');
    launch('5353');
    expect(ja.status).toBe('W');
  });

  it('ends the client’s session when the rep ends sharing there, and says when there was none', () => {
    const session = launch('8080');
    glance.join('acme.glance.net', '8080', { name: 'Guest' });
    glance.advance(45_000);
    expect(glance.endInClient(' ACME.glance.net ')?.sessionId).toBe(session.sessionId);
    expect(session).toMatchObject({ status: 'C', endedBy: 'host' });
    expect(session.guests[0]?.leftAt).toBe(session.endedAt);
    expect(glance.endInClient('acme.glance.net')).toBeUndefined();
  });

  it('lets two addresses use the same key, each guest joining their own host’s session', () => {
    const acme = launch('1111');
    const ja = launch('1111', 'ja.acme.glance.net');
    expect(glance.join('ja.acme.glance.net', '1111', { name: 'Guest' })?.sessionId).toBe(ja.sessionId);
    expect(acme.guests).toHaveLength(0);
  });

  it('joins guests to the rep’s screen share, never to a visitor’s cobrowse session with the same key', () => {
    const visitor = glance.startCobrowse('acme.glance.net', '1234');
    if (typeof visitor === 'string') throw new Error(visitor);
    expect(glance.join('acme.glance.net', '1234', { name: 'Guest' })).toBeUndefined();
    const rep = launch('1234');
    expect(glance.join('acme.glance.net', '1234', { name: 'Guest' })?.sessionId).toBe(rep.sessionId);
    expect(visitor).toMatchObject({ status: 'W', guests: [] });
  });

  it('ends from the Glance side and marks guests as left', () => {
    const session = launch('');
    glance.join('ACME.glance.net', '', { name: 'Guest', email: 'g@example.com' });
    glance.advance(90_000);
    glance.endFromGlance(session.sessionId);
    const snapshot = glance.snapshot().sessions[0]!;
    expect(snapshot).toMatchObject({ status: 'X', endedBy: 'glance', durationSeconds: 90 });
    expect(snapshot.guests[0]).toMatchObject({ name: 'Guest', leftAt: snapshot.endedAt });
  });

  it('starts a visitor’s cobrowse session with a key or visitor id, which the agent viewer joins', () => {
    expect(glance.startCobrowse('nobody.glance.net', 'abc')).toMatch(/no Glance group/);
    expect(glance.startCobrowse('acme.glance.net', 'has space')).toMatch(/not a visitor key/);
    expect(glance.startCobrowse('acme.glance.net', 'x'.repeat(51))).toMatch(/not a visitor key/);
    const visitor = glance.startCobrowse('acme.glance.net', 'visitor_42-a');
    if (typeof visitor === 'string') throw new Error(visitor);
    expect(visitor).toMatchObject({ startedBy: 'visitor', sessionType: SESSION_TYPE.cobrowse, status: 'W' });
    expect(glance.cobrowseSession('visitor_42-a')).toBe(visitor);
    // A rep's screen share is no visitor's session, whatever its key.
    launch('4444');
    expect(glance.cobrowseSession('4444')).toBeUndefined();
    glance.agentJoins(visitor, { name: 'Riley Rep', email: 'riley.rep@acme.example' });
    expect(visitor.status).toBe('A');
    expect(glance.snapshot().sessions.find((s) => s.sessionId === visitor.sessionId)?.agents).toEqual([
      { name: 'Riley Rep', email: 'riley.rep@acme.example', joinedAt: '2026-03-01T10:00:00Z' },
    ]);
    // A visitor whose cobrowse nobody joined in time is gone for the viewer.
    const unjoined = glance.startCobrowse('acme.glance.net', 'later');
    glance.advance(UNJOINED_SESSION_LIFETIME_MS);
    expect(glance.cobrowseSession('later')).toBeUndefined();
    expect(typeof unjoined !== 'string' && unjoined.status).toBe('T');
    expect(glance.cobrowseSession('visitor_42-a')).toBe(visitor);
  });

  it('keeps passwords and credentials out of the snapshot', () => {
    connect();
    const text = JSON.stringify(glance.snapshot());
    expect(text).not.toContain('correct-horse');
    expect(text).not.toMatch(/[0-9a-f]{32}/);
    expect(glance.snapshot().accounts[0]).toMatchObject({ address: 'acme.glance.net', credentialsIssued: 1 });
  });
});
