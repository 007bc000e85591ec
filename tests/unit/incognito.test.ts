// An incognito tab acts only with its own Salesforce session (issue 9): the extension runs in
// "spanning" mode (one worker), so every Salesforce call made for a tab reads the `sid` of that tab's
// cookie store, and the writes a session queues keep it.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src/background/outbox/runner.js';
import { routeMessage } from '../../src/background/router.js';
import { sessionLock } from '../../src/background/session/core.js';
import { endSession } from '../../src/background/session/service.js';
import type { SessionResult } from '../../src/shared/protocol/index.js';
import { eventOf, harness, LIGHTNING } from '../support/background-harness.js';
import { readJobs } from '../support/queue.js';

const API = 'acme.my.salesforce.com';

function tabSender(incognito: boolean, url: string) {
  return { id: 'test', url, frameId: 0, tab: { id: incognito ? 7 : 3, url, incognito } };
}

describe('incognito tabs', () => {
  it("use their own Salesforce session for the toolbar and the session's writes, never the regular one", async () => {
    const h = harness();
    await h.connect();
    const org = h.sandbox.state.salesforce;
    const lead = h.seeded('Lead');
    const url = `${LIGHTNING}/lightning/r/Lead/${lead.Id}/view`;
    // Logged in in the regular window only; the incognito tab (7) is open in its own window.
    h.tabs.push({ id: 7, url, incognito: true });
    const asTab = (incognito: boolean, message: unknown) => routeMessage(message, tabSender(incognito, url), h.ports);

    expect(await asTab(false, { type: 'content:salesforce-status' })).toMatchObject({ state: 'ready' });
    expect(await asTab(true, { type: 'content:salesforce-status' })).toMatchObject({ state: 'session-expired' });

    const started = (await asTab(true, {
      type: 'content:start-session',
      pageUrl: url,
      mode: 'screenshare',
    })) as SessionResult;
    if (!started.ok || !started.session) throw new Error('no session');
    // The tab is answered while the start's own writes are on their way; they land under the lock.
    await sessionLock.run(async () => undefined);
    await runOutbox(h.ports);
    // The regular window's session was not used: the Event waits for the incognito window's login.
    expect(
      h.records('Event').filter((e) => String(e.fields.Subject).includes(started.session?.sessionId ?? '-')),
    ).toHaveLength(0);
    expect(await readJobs(h.ports)).toMatchObject([{ storeId: '1', problem: 'session-expired' }]);

    // The rep logs in inside the incognito window; the writes land with that session.
    h.setStoreSid('1', API, org.createSession(org.defaultUserId).sid);
    const { retryNow } = await import('../../src/background/outbox/runner.js');
    await retryNow(h.ports, { apiHost: API });
    eventOf(h, started.session.sessionId);
    expect(await asTab(true, { type: 'content:salesforce-status' })).toMatchObject({ state: 'ready' });
    await endSession(started.session.sessionId, h.ports);
    await runOutbox(h.ports);
    expect(String(eventOf(h, started.session.sessionId).Description)).toContain('Ended:');
    expect(await readJobs(h.ports)).toEqual([]);
  });
});

describe('the popup over an incognito Salesforce tab (issue 25, item 7)', () => {
  it("asks who is signed in there, in that window's own cookie store, and reads that user's history", async () => {
    const h = harness();
    const org = h.sandbox.state.salesforce;
    const incognitoUser = org.insert('User', { Name: 'Ivy Incognito', Email: 'ivy@acme.example', IsActive: true }).Id;
    h.setStoreSid('1', 'acme.my.salesforce.com', org.createSession(incognitoUser).sid);
    const popup = { id: 'test', url: 'chrome-extension://test/src/pages/popup/index.html' };
    const pageUrl = `${LIGHTNING}/lightning/page/home`;
    h.tabs.push({ id: 7, url: pageUrl, incognito: true });
    const regular = await routeMessage({ type: 'page:salesforce-status', pageUrl }, popup, h.ports);
    expect(regular).toMatchObject({ state: 'ready', user: { name: 'Riley Rep' } });
    const incognito = await routeMessage({ type: 'page:salesforce-status', pageUrl, tabId: 7 }, popup, h.ports);
    expect(incognito).toMatchObject({ state: 'ready', user: { name: 'Ivy Incognito' } });
    const history = await routeMessage({ type: 'page:salesforce-history', pageUrl, tabId: 7 }, popup, h.ports);
    expect(history).toMatchObject({ ok: true, events: [] });
    const query = h.salesforceCalls().at(-1);
    expect(decodeURIComponent(query?.path ?? '')).toContain(`OwnerId = '${incognitoUser}'`);
  });
});

describe('Disconnect (issue 25, item 8)', () => {
  it("offers to forget this browser's meetings, recent sessions and waiting writes; without it, keeps them", async () => {
    const h = harness();
    await h.connect();
    const popup = { id: 'test', url: 'chrome-extension://test/src/pages/popup/index.html' };
    const seed = async () => {
      await h.ports.writeLocal('scheduledMeetings', [
        { meetingId: 'm-1', endsAt: new Date(h.ports.now() + 3_600_000).toISOString() },
      ]);
      await h.ports.writeLocal('recentSessions', [{ sessionId: 's-1' }]);
    };
    await seed();
    expect(await routeMessage({ type: 'page:disconnect-glance' }, popup, h.ports)).toEqual({ ok: true });
    expect(h.local.get('recentSessions')).toHaveLength(1);
    await h.connect();
    expect(await routeMessage({ type: 'page:disconnect-glance', forget: true }, popup, h.ports)).toEqual({ ok: true });
    expect(h.local.get('recentSessions')).toEqual([]);
    expect(h.local.get('scheduledMeetings')).toEqual([]);
    expect(h.local.has('glanceAccount')).toBe(false);
  });
});
