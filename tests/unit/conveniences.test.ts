// The conveniences' background logic (issue 12, item 5) with in-memory storage and the real emulators:
// the badge's text and its minute alarm, the guest-joined notification and the rep's choice, and
// the keyboard shortcut's Start with its answers where Start cannot happen.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionTimeBadge, updateBadge } from '../../src/background/session/badge.js';
import { guestNoticeText, oneLine } from '../../src/background/session/guest-notice.js';
import { endSession, refreshSession } from '../../src/background/session/service.js';
import { startFromShortcut } from '../../src/background/session/shortcut.js';
import { useMessages } from '../../src/shared/i18n.js';
import type { SessionProblem } from '../../src/shared/protocol/index.js';
import { type Harness, harness, LIGHTNING, start } from '../support/background-harness.js';
import { chromeGetMessage } from '../support/chrome-i18n.js';
import { HOSTILE_TEXT } from '../support/hostile-text.js';
import { currentSession } from '../support/session.js';

beforeEach(() => useMessages(chromeGetMessage));
afterEach(() => useMessages((key) => key));

describe("the badge's session time", () => {
  it('counts whole minutes under an hour, then whole hours', () => {
    expect(sessionTimeBadge(0)).toBe('0m');
    expect(sessionTimeBadge(59_999)).toBe('0m');
    expect(sessionTimeBadge(3 * 60_000 + 5_000)).toBe('3m');
    expect(sessionTimeBadge(59 * 60_000)).toBe('59m');
    expect(sessionTimeBadge(60 * 60_000)).toBe('1h');
    expect(sessionTimeBadge(150 * 60_000)).toBe('2h');
    // A clock that went back never shows a negative time.
    expect(sessionTimeBadge(-5_000)).toBe('0m');
  });

  it("writes the number in the rep's locale", () => {
    expect(sessionTimeBadge(3 * 60_000, 'ar-EG')).toBe('٣m');
  });

  it('runs an alarm at each minute of the session only while one runs', async () => {
    const h = harness();
    await h.connect();
    await updateBadge(h.ports);
    expect(h.badge).toEqual({ text: '', timer: undefined });
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    // The session's clock is Glance's start; the harness's own clock is set apart from it.
    const started = h.ports.now() - 20_000;
    const stored = h.local.get('activeSession') as { startedAt: string };
    h.local.set('activeSession', { ...stored, startedAt: new Date(started).toISOString() });
    await updateBadge(h.ports);
    expect(h.badge.text).toBe('0m');
    expect(h.badge.timer).toBe(started + 60_000);
    h.tick(61 * 60_000);
    await updateBadge(h.ports);
    expect(h.badge.text).toBe('1h');
    expect(h.badge.timer).toBe(started + 62 * 60_000);
    // Ending clears the badge and removes the alarm.
    expect((await endSession(session.sessionId, h.ports)).ok).toBe(true);
    expect(h.badge).toEqual({ text: '', timer: undefined });
  });
});

describe('the guest-joined notification', () => {
  it('names one guest, or the first and how many more, each on one line of plain text', () => {
    expect(guestNoticeText([{ name: 'Casey Customer' }])).toBe('Casey Customer joined.');
    expect(guestNoticeText([{ name: 'Casey' }, { name: 'Dana' }, { name: 'Eli' }])).toBe('Casey and 2 more joined.');
    expect(guestNoticeText([{ name: '  \n ' }])).toBe('A guest joined.');
    for (const payload of HOSTILE_TEXT) {
      const text = guestNoticeText([{ name: payload.text }]);
      expect(text).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    }
    expect(oneLine('x'.repeat(200))).toHaveLength(80);
  });

  /** A guest joins at Glance, which reports them (the assumed GetSessionStatus, A6), and the next poll sees them. */
  async function joinedSession(h: Harness) {
    const session = await start(h, 'Lead', h.seeded('Lead').Id);
    h.sandbox.state.glance.join('acme.glance.net', session.key, { name: 'Wanda\nGuest', email: 'w@newco.example' });
    h.tick(5000);
    await refreshSession(h.ports);
    return session;
  }

  it('tells the rep who joined, without the key, when the setting is on (the default)', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect();
    const session = await joinedSession(h);
    expect(h.notifications).toEqual([
      {
        id: `glance-guest-${session.sessionId}-0`,
        title: 'Guest joined your Glance session',
        message: 'Wanda Guest joined.',
      },
    ]);
    // The next poll finds no one new: no second notice.
    h.tick(5000);
    await refreshSession(h.ports);
    expect(h.notifications).toHaveLength(1);
  });

  it('stays quiet when the rep turned it off', async () => {
    const h = harness();
    h.assumeGlanceOps();
    await h.connect({ notifyGuestJoined: false });
    await joinedSession(h);
    // The guest was seen all the same.
    expect((await currentSession(h.ports))?.guests.map((g) => g.email)).toEqual(['w@newco.example']);
    expect(h.notifications).toEqual([]);
  });
});

describe('the keyboard shortcut', () => {
  function withTabAnswer(h: Harness, shown: boolean) {
    const told: { tabId: number; problem: SessionProblem }[] = [];
    const ports = {
      ...h.ports,
      tellTabStartProblem: async (tabId: number, problem: SessionProblem) => {
        told.push({ tabId, problem });
        return shown;
      },
    };
    return { ports, told };
  }

  it('starts a screen share on the record of the tab the browser names, and tells its tabs', async () => {
    const h = harness();
    await h.connect();
    const { ports, told } = withTabAnswer(h, true);
    const url = `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`;
    h.tabs.push({ id: 2, url, incognito: false });
    await startFromShortcut(ports, { id: 2, url, incognito: false });
    expect(await currentSession(h.ports)).toMatchObject({ mode: 'screenshare', record: { sobject: 'Lead' } });
    // The tabs are told after the start answers (as after a toolbar click).
    await vi.waitFor(() =>
      expect(h.tabMessages.filter((m) => m.tabId === 2).at(-1)?.session).toMatchObject({ mode: 'screenshare' }),
    );
    expect(told).toEqual([]);
    expect(h.notifications).toEqual([]);
  });

  it("hands Start's problem to the tab's toolbar, and notifies only when no toolbar answered", async () => {
    const h = harness(); // no Glance account
    const url = `${LIGHTNING}/lightning/r/Lead/${h.seeded('Lead').Id}/view`;
    const withToolbar = withTabAnswer(h, true);
    await startFromShortcut(withToolbar.ports, { id: 2, url });
    expect(withToolbar.told).toEqual([{ tabId: 2, problem: 'glance-not-connected' }]);
    expect(h.notifications).toEqual([]);
    const withoutToolbar = withTabAnswer(h, false);
    await startFromShortcut(withoutToolbar.ports, { id: 2, url });
    expect(h.notifications.map((n) => n.message)).toEqual([
      'Glance could not start a session from this tab. Reload the Salesforce page and try again.',
    ]);
  });

  it('on a tab that is no record, or whose address the extension may not read, says where it works', async () => {
    const h = harness();
    await h.connect();
    const { ports, told } = withTabAnswer(h, true);
    await startFromShortcut(ports, { id: 3, url: `${LIGHTNING}/lightning/page/home` });
    await startFromShortcut(ports, { id: 4 }); // no host access: the browser gives no URL
    await startFromShortcut(ports, undefined);
    expect(h.notifications).toHaveLength(3);
    expect(new Set(h.notifications.map((n) => n.id))).toEqual(new Set(['glance-shortcut']));
    expect(h.notifications[0]?.message).toMatch(/^Open a Lead, Contact, Opportunity, Campaign or Case/);
    expect(told).toEqual([]);
  });
});
