// Firefox containers (issue 26, item 3): a container tab (contextual identity) keeps its cookies in its
// own store, named by the tab's cookieStoreId ("firefox-container-<n>"; MDN, tabs.Tab.cookieStoreId and
// contextualIdentities). Every Salesforce call made for that tab reads the `sid` there, as Salesforce
// Inspector Reloaded does (cookies.get({url, name: "sid", storeId: sender.tab.cookieStoreId})); never
// the default container's, which may hold nobody's session or another user's.
import { describe, expect, it } from 'vitest';
import { retryNow, runOutbox } from '../../src/background/outbox/runner.js';
import { salesforceQueueView } from '../../src/background/outbox/view.js';
import { routeMessage } from '../../src/background/router.js';
import { sessionLock } from '../../src/background/session/core.js';
import { endSession } from '../../src/background/session/service.js';
import { startFromShortcut } from '../../src/background/session/shortcut.js';
import type { SessionResult } from '../../src/shared/protocol/index.js';
import { eventOf, harness, LIGHTNING } from '../support/background-harness.js';
import { containerStore } from '../support/browser-cookies.js';
import { readJobs } from '../support/queue.js';
import { currentSession } from '../support/session.js';

const API = 'acme.my.salesforce.com';
const WORK = containerStore(2);
const SHOPPING = containerStore(4);

/** Firefox, where the rep is Riley in the default container and has Work and Shopping container tabs on a Contact. */
function firefox() {
  const h = harness({ browser: 'firefox' });
  const org = h.sandbox.state.salesforce;
  // A Contact: every user of the org may log a session on it (Leads are private to their owner here).
  const contact = h.seeded('Contact');
  const url = `${LIGHTNING}/lightning/r/Contact/${contact.Id}/view`;
  const user = (name: string) => org.insert('User', { Name: name, Email: `${name}@acme.example`, IsActive: true }).Id;
  h.tabs.push(
    { id: 5, url, incognito: false, cookieStoreId: WORK },
    { id: 6, url, incognito: false, cookieStoreId: SHOPPING },
  );
  // Firefox gives the message's sender.tab as a tabs.Tab: with its cookieStoreId.
  const asTab = (tabId: number, message: unknown) => {
    const tab = h.tabs.find((t) => t.id === tabId);
    return routeMessage(message, { id: 'test', url, frameId: 0, tab }, h.ports);
  };
  /** The sid each Salesforce API request was sent with (the Authorization header). */
  const sentWith: string[] = [];
  const fetch = h.ports.fetch;
  h.ports.fetch = async (input, init) => {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth) sentWith.push(auth.replace(/^Bearer /, ''));
    return fetch(input, init);
  };
  return { h, org, url, user, asTab, sentWith };
}

describe('Firefox container tabs', () => {
  it("show who is signed in in the tab's own container, not in the default one", async () => {
    const { h, org, user, asTab } = firefox();
    const cora = user('Cora Container');
    h.setStoreSid(WORK, API, org.createSession(cora).sid);
    expect(await asTab(1, { type: 'content:salesforce-status' })).toMatchObject({
      state: 'ready',
      user: { name: 'Riley Rep' },
    });
    expect(await asTab(5, { type: 'content:salesforce-status' })).toMatchObject({
      state: 'ready',
      user: { name: 'Cora Container' },
    });
    // Not logged in in the Shopping container: "log in", whoever is signed in elsewhere.
    expect(await asTab(6, { type: 'content:salesforce-status' })).toMatchObject({ state: 'session-expired' });
  });

  it("send a session's writes with its container's sid only, and hold them while only other stores have one", async () => {
    const { h, org, url, user, asTab, sentWith } = firefox();
    await h.connect();
    const cora = user('Cora Container');
    const rileySid = org.createSession(org.defaultUserId).sid;
    h.setSid(rileySid);
    const coraSid = org.createSession(cora).sid;
    h.setStoreSid(WORK, API, coraSid);
    // Started in the Shopping container, where nobody is logged in yet.
    const started = (await asTab(6, {
      type: 'content:start-session',
      pageUrl: url,
      mode: 'screenshare',
    })) as SessionResult;
    if (!started.ok || !started.session) throw new Error(`no session: ${JSON.stringify(started)}`);
    const { sessionId } = started.session;
    await sessionLock.run(async () => undefined);
    await runOutbox(h.ports);
    const events = () => h.records('Event').filter((e) => String(e.fields.Subject).includes(sessionId));
    expect(events()).toHaveLength(0);
    expect(sentWith).not.toContain(rileySid);
    expect(sentWith).not.toContain(coraSid);
    expect(await readJobs(h.ports)).toMatchObject([{ storeId: SHOPPING, problem: 'session-expired' }]);
    // The popup's queue says why, in the words it uses for a login Salesforce waits for.
    expect((await salesforceQueueView(h.ports)).waiting).toMatchObject([
      { activityId: sessionId, state: 'session-expired' },
    ]);

    // The rep logs in in the Shopping container (as Sam): the writes land with that session, and only it.
    const sam = user('Sam Shopper');
    const samSid = org.createSession(sam).sid;
    h.setStoreSid(SHOPPING, API, samSid);
    await retryNow(h.ports, { apiHost: API });
    expect(events()).toHaveLength(1);
    expect(events()[0]?.fields.CreatedById).toBe(sam);
    expect(await readJobs(h.ports)).toEqual([]);
    expect(new Set(sentWith)).toEqual(new Set([samSid]));
  });

  it('keep a session started in the default container from a container tab of the same org', async () => {
    const { h, org, url, user, asTab } = firefox();
    await h.connect();
    h.setStoreSid(WORK, API, org.createSession(user('Cora Container')).sid);
    const started = (await asTab(1, {
      type: 'content:start-session',
      pageUrl: url,
      mode: 'screenshare',
    })) as SessionResult;
    if (!started.ok || !started.session) throw new Error('no session');
    expect(await asTab(1, { type: 'content:session', refresh: false })).toMatchObject({
      sessionId: started.session.sessionId,
    });
    expect(await asTab(5, { type: 'content:session', refresh: false })).toBeNull();
    // Nor is the container tab told of it when the tabs are.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(h.tabMessages.filter((m) => m.tabId === 1).map((m) => m.session?.sessionId)).toContain(
      started.session.sessionId,
    );
    expect(JSON.stringify(h.tabMessages.filter((m) => m.tabId === 5))).not.toContain(started.session.sessionId);
    expect(await asTab(5, { type: 'content:end-session', sessionId: started.session.sessionId })).toEqual({
      ok: false,
      problem: 'session-gone',
    });
  });
});

describe('a login missing in one cookie store', () => {
  const startIn = async (asTab: (tabId: number, message: unknown) => Promise<unknown>, tabId: number, url: string) => {
    const started = (await asTab(tabId, {
      type: 'content:start-session',
      pageUrl: url,
      mode: 'screenshare',
    })) as SessionResult;
    if (!started.ok || !started.session) throw new Error(`no session: ${JSON.stringify(started)}`);
    await sessionLock.run(async () => undefined);
    return started.session.sessionId;
  };

  it("holds that container's writes only: the default container's go at once", async () => {
    const { h, url, asTab } = firefox();
    await h.connect();
    const waiting = await startIn(asTab, 6, url); // Shopping: nobody logged in there
    await runOutbox(h.ports);
    await endSession(waiting, h.ports);
    const fine = await startIn(asTab, 1, url); // the default container: Riley
    await runOutbox(h.ports);
    eventOf(h, fine);
    expect((await readJobs(h.ports)).map((j) => [j.activityId, j.storeId])).toEqual([
      [waiting, SHOPPING],
      [waiting, SHOPPING],
    ]);
    expect((await salesforceQueueView(h.ports)).waiting).toMatchObject([
      { activityId: waiting, state: 'session-expired' },
    ]);
  });

  it("in the default container never holds a container's writes", async () => {
    const { h, org, url, user, asTab } = firefox();
    await h.connect();
    h.setStoreSid(WORK, API, org.createSession(user('Cora Container')).sid);
    h.setSid(undefined); // logged out in the default container
    const waiting = await startIn(asTab, 1, url);
    await runOutbox(h.ports);
    await endSession(waiting, h.ports);
    const fine = await startIn(asTab, 5, url); // Work: Cora
    await runOutbox(h.ports);
    eventOf(h, fine);
    expect((await readJobs(h.ports)).map((j) => [j.activityId, j.storeId])).toEqual([
      [waiting, undefined],
      [waiting, undefined],
    ]);
    expect((await salesforceQueueView(h.ports)).waiting).toMatchObject([
      { activityId: waiting, state: 'session-expired' },
    ]);
  });
});

describe('the keyboard shortcut in a Firefox container tab', () => {
  it("starts the session in the tab's container: its writes go with that container's session", async () => {
    const { h, org, user } = firefox();
    await h.connect();
    const cora = user('Cora Container');
    h.setStoreSid(WORK, API, org.createSession(cora).sid);
    // Firefox names the tab with the command (commands.onCommand): a tabs.Tab, with its cookieStoreId.
    await startFromShortcut(
      { ...h.ports, tellTabStartProblem: async () => true },
      h.tabs.find((t) => t.id === 5),
    );
    const session = await currentSession(h.ports);
    await sessionLock.run(async () => undefined);
    await runOutbox(h.ports);
    expect(eventOf(h, session?.sessionId ?? '-').CreatedById).toBe(cora);
  });
});

describe('the popup over a Firefox container tab', () => {
  it("asks who is signed in in that tab's container, and reads that user's history", async () => {
    const { h, org, url, user } = firefox();
    const cora = user('Cora Container');
    h.setStoreSid(WORK, API, org.createSession(cora).sid);
    const popup = { id: 'test', url: 'moz-extension://test/src/pages/popup/index.html' };
    const ports = { ...h.ports, extensionOrigin: 'moz-extension://test' };
    const regular = await routeMessage({ type: 'page:salesforce-status', pageUrl: url, tabId: 1 }, popup, ports);
    expect(regular).toMatchObject({ state: 'ready', user: { name: 'Riley Rep' } });
    const work = await routeMessage({ type: 'page:salesforce-status', pageUrl: url, tabId: 5 }, popup, ports);
    expect(work).toMatchObject({ state: 'ready', user: { name: 'Cora Container' } });
    const shopping = await routeMessage({ type: 'page:salesforce-status', pageUrl: url, tabId: 6 }, popup, ports);
    expect(shopping).toMatchObject({ state: 'session-expired' });
    const history = await routeMessage({ type: 'page:salesforce-history', pageUrl: url, tabId: 5 }, popup, ports);
    expect(history).toMatchObject({ ok: true, events: [] });
    expect(decodeURIComponent(h.salesforceCalls().at(-1)?.path ?? '')).toContain(`OwnerId = '${cora}'`);
  });
});
