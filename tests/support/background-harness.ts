// The background with in-memory storage (following chrome.storage's semantics: values are copied,
// undefined is not stored) and the real emulators answering in-process. Glance answers as a real
// account does (only what it documents) unless a test turns the assumed operations on
// (assumeGlanceOps); a start's Glance Client launch goes to the emulator's client stand-in (start()).

import { expect } from 'vitest';
import { BADGE_ALARM } from '../../src/background/alarm-names.js';
import { alarmSchedule } from '../../src/background/alarms.js';
import { clientLaunchUrl } from '../../src/background/glance/documented.js';
import { markMeetingHeld } from '../../src/background/meeting/store.js';
import { alarmWork } from '../../src/background/on-alarm.js';
import type { BackgroundPorts } from '../../src/background/router.js';
import { learnCapabilities } from '../../src/background/session/capabilities-store.js';
import { enforcePolicy } from '../../src/background/session/poll.js';
import { startSession } from '../../src/background/session/service.js';
import { connectAccount, saveSettings } from '../../src/background/settings/account.js';
import { readGlanceAccount } from '../../src/background/settings/storage.js';
import { freshPolicy } from '../../src/background/storage/policy.js';
import type { SessionView } from '../../src/shared/protocol/index.js';
import { cookieStorePorts } from '../../src/shared/salesforce/cookie-stores.js';
import { forgetStatus } from '../../src/shared/salesforce/status.js';
import { DEFAULT_SETTINGS, type UserSettings } from '../../src/shared/settings.js';
import { type BrowserKind, browserCookies, DEFAULT_STORE, type FakeTab } from './browser-cookies.js';
import { fakeAlarms } from './fake-alarms.js';
import { inProcessSandbox } from './in-process-fetch.js';

export const LIGHTNING = 'https://acme.lightning.force.com';

/** `browser`: whose cookie stores and tabs the worker sees (browser-cookies.ts); Chrome's unless named. */
export function harness({ browser = 'chrome' }: { browser?: BrowserKind } = {}) {
  const sandbox = inProcessSandbox();
  const local = new Map<string, unknown>();
  const sync = new Map<string, unknown>();
  const session = new Map<string, unknown>();
  let clock = Date.parse('2026-11-24T10:00:00Z');
  // Glance's clock is the same wall clock (its advance() still moves Glance alone): the background
  // compares Glance's times with its own (poll.ts), so they must not depend on the day the tests run.
  sandbox.state.glance.wallClock = () => clock;
  // Salesforce's "now" too: an Event logged at the harness's time is within LAST_N_DAYS:30 of it,
  // whatever today's date (the harness's clock is fixed; the real one is not).
  for (const name of ['acme', 'globex'] as const) sandbox.state.org(name).wallClock = () => clock;
  /**
   * Managed storage as Chromium has it: the administrator's policy, which reads answer only once the
   * browser's policy loader has settled (a read before that waits for it; 1.8–4.8 s after a start in
   * Chromium), and at once after; a change fires storage.managed.onChanged, which main.ts handles.
   */
  let policy: Record<string, unknown> = {};
  let policySettlesAt = clock;
  let policyWaiters: (() => void)[] = [];
  const settlePolicy = () => {
    if (clock < policySettlesAt) return;
    for (const wake of policyWaiters) wake();
    policyWaiters = [];
  };
  const managedReader = () => async () => {
    if (clock < policySettlesAt) await new Promise<void>((resolve) => policyWaiters.push(resolve));
    return clone(policy);
  };
  /** What tab 1 (the rep's acme Lightning tab) was told; tests add tabs of other orgs and stores. */
  const broadcasts: (SessionView | null)[] = [];
  const tabs: FakeTab[] = [
    {
      id: 1,
      url: 'https://acme.lightning.force.com/lightning/page/home',
      incognito: false,
      ...(browser === 'firefox' ? { cookieStoreId: DEFAULT_STORE.firefox } : {}),
    },
  ];
  /** The browser's cookie stores: the rep is logged in to acme in the regular one. */
  const cookies = browserCookies(browser, tabs);
  cookies.setSid(
    'acme.my.salesforce.com',
    sandbox.state.salesforce.createSession(sandbox.state.salesforce.defaultUserId).sid,
  );
  const tabMessages: { tabId: number; session: SessionView | null; reason?: string }[] = [];
  /** The tabs told that a wrap-up waits (open) or is over. */
  const wrapUpNotices: { tabId: number; sessionId: string; open: boolean }[] = [];
  /** chrome.alarms as a rep's (packed) build has it: none fires sooner than 30 s (fake-alarms.ts). */
  const alarms = fakeAlarms(() => clock);
  /** The action badge's text, its minute alarm's time, and the desktop notifications shown. */
  const badge = {
    text: '',
    get timer() {
      return alarms.scheduledTime(BADGE_ALARM);
    },
  };
  const notifications: { id: string; title: string; message: string }[] = [];
  /** Whether the browser can keep storage from content scripts (Chrome 140+); tests turn it off. */
  let storageLockable = true;
  /** The agent viewer windows open now: window id → URL. */
  const viewers = new Map<number, string>();
  /** The sign-in windows open now, and whether the login-key listener is registered. */
  const signIn = { windows: new Map<number, { tabId: number; url: string }>(), listening: false };
  const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  const ports: BackgroundPorts = {
    extensionId: 'test',
    fetch: sandbox.fetch,
    // The product's own store logic, on the fake browser's cookies and tabs.
    ...cookieStorePorts(cookies.api, { get: cookies.tabById }),
    glanceTimeoutMs: 300,
    salesforceTimeoutMs: 300,
    digest: async (text) => `d${text.length}${text.slice(-6)}`,
    now: () => clock,
    // chrome.storage ignores undefined values in set(): a fake that stored them would hide bugs.
    cache: {
      get: async (k) => clone(session.get(k)),
      set: async (k, v) => {
        if (v !== undefined) session.set(k, clone(v));
      },
      remove: async (k) => void session.delete(k),
    },
    openOptionsPage: async () => {},
    openHelp: async () => {},
    injectLazyScript: async () => true,
    readSync: async (k) => clone(sync.get(k)),
    writeSync: async (k, v) => {
      if (v !== undefined) sync.set(k, clone(v));
    },
    readLocal: async (k) => clone(local.get(k)),
    writeLocal: async (k, v) => {
      if (v !== undefined) local.set(k, clone(v));
    },
    writeLocalItems: async (items) => {
      for (const [k, v] of Object.entries(items)) if (v !== undefined) local.set(k, clone(v));
    },
    removeLocal: async (k) => void local.delete(k),
    readManaged: managedReader(),
    salesforceTabs: async () => tabs.map((tab) => ({ ...tab })),
    tellTab: async (tabId, message) => {
      if (message.type === 'background:wrap-up') {
        wrapUpNotices.push({ tabId, sessionId: message.sessionId, open: message.open });
        return;
      }
      tabMessages.push({
        tabId,
        session: clone(message.session),
        ...(message.reason ? { reason: message.reason } : {}),
      });
      if (tabId === 1) broadcasts.push(clone(message.session));
    },
    lockStorageToExtension: async () => storageLockable,
    mayKeepSecrets: async () => storageLockable,
    showBadge: async (text) => {
      badge.text = text;
    },
    notify: async (id, title, message) => {
      notifications.push({ id, title, message });
    },
    // The worker's own alarm requests (alarms.ts), kept by the fake; h.advance() fires them.
    ...alarmSchedule(alarms.port, () => clock),
    onLogChanged: async () => {},
    // As main.ts wires it: the meeting feature marks a meeting held when its session ends.
    onMeetingHeld: (meetingId: string) => markMeetingHeld(ports, ports.now(), meetingId),
    onSessionRejected: (apiHost, storeId) => forgetStatus(apiHost, ports, storeId),
    onPolicyChanged: () => enforcePolicy(ports),
    // The agent viewer's window (join.ts): opened windows get ids from 100, and closing one forgets it.
    openViewer: async (url) => {
      const windowId = 100 + viewers.size;
      viewers.set(windowId, url);
      return windowId;
    },
    closeViewer: async (windowId) => {
      viewers.delete(windowId);
    },
    // Glance's single sign-on window (settings/single-sign-on.ts): ids from 200, its tab from 300.
    openSignInWindow: async (url) => {
      const windowId = 200 + signIn.windows.size;
      signIn.windows.set(windowId, { tabId: windowId + 100, url });
      return { windowId, tabId: windowId + 100 };
    },
    closeWindow: async (windowId) => {
      signIn.windows.delete(windowId);
    },
    listenForSignIn: async (on) => {
      signIn.listening = on;
    },
  };
  const tick = (ms: number) => {
    clock += ms;
    settlePolicy();
  };
  const salesforceCalls = () => sandbox.calls.filter((c) => c.host.endsWith('.my.salesforce.com'));
  return {
    ports,
    sandbox,
    broadcasts,
    tabs,
    tabMessages,
    wrapUpNotices,
    badge,
    notifications,
    viewers,
    signIn,
    salesforceCalls,
    alarms,
    /** Moves the clock only: no alarm fires meanwhile (one due fires at the next advance()). */
    tick,
    /**
     * Lets `ms` pass as a rep's browser would: each alarm fires when Chromium would fire it (never
     * sooner than 30 s after it was set) and does what main.ts's onAlarm does, finished before the
     * clock moves on.
     */
    async advance(ms: number) {
      const end = clock + ms;
      for (let at = alarms.nextPollBy(end); at !== undefined; at = alarms.nextPollBy(end)) {
        tick(Math.max(0, at - clock));
        for (const name of alarms.poll()) await alarmWork(name, ports)?.task;
      }
      tick(end - clock);
    },
    /** An administrator changes the policy: managed storage answers it, and its onChanged event is handled. */
    async setPolicy(next: Record<string, unknown>) {
      policy = structuredClone(next);
      if (clock >= policySettlesAt) await freshPolicy(ports);
    },
    /**
     * The browser starts again (storage.local and sync kept, storage.session emptied, a new worker):
     * managed storage answers `policy` once `settlesAfterMs` have passed on the harness clock.
     */
    restartBrowser(next: { policy?: Record<string, unknown>; settlesAfterMs: number }) {
      if (next.policy) policy = structuredClone(next.policy);
      policySettlesAt = clock + next.settlesAfterMs;
      session.clear();
      ports.readManaged = managedReader();
    },
    /** Reads of managed storage still waiting for the policy loader. */
    waitingPolicyReads: () => policyWaiters.length,
    setStorageLockable: (value: boolean) => {
      storageLockable = value;
    },
    /** acme's session in the regular store. */
    setSid: (value: string | undefined) => cookies.setSid('acme.my.salesforce.com', value),
    /** Another host's session in the regular store. */
    setSidFor: (apiHost: string, value: string | undefined) => cookies.setSid(apiHost, value),
    /** A host's session in another cookie store (incognito's, a Firefox container's). */
    setStoreSid: (storeId: string, apiHost: string, value: string | undefined) =>
      cookies.setSid(apiHost, value, storeId),
    cookies,
    local,
    /**
     * The account's Glance service has the assumed SessionService operations (assumptions.ts A6): the
     * probe a start runs after a connection finds them (capabilities.ts). Off (the default) as on a real account.
     */
    assumeGlanceOps(on = true) {
      sandbox.state.glance.assumedOps = on;
    },
    /**
     * The rep's Glance Client receives a start's launch (the tab opens it on the rep's click):
     * the emulator's client starts that session (tests/support/glance-client.ts does this in a browser).
     */
    launchClient(launch: string | undefined) {
      if (!launch) throw new Error('the start answered no Glance Client launch');
      const started = sandbox.state.glance.launchClient(launch);
      if (typeof started === 'string') throw new Error(`the Glance Client did not start: ${started}`);
      return started;
    },
    /** The Glance session the emulated client started with this key (the latest one). */
    glanceSession(key: string) {
      const session = [...sandbox.state.glance.sessions.values()]
        .filter((s) => s.startedBy === 'client' && s.key === key)
        .at(-1);
      if (!session) throw new Error(`no Glance session with key ${key}`);
      return session;
    },
    /** Waits for the probe of the assumed operations a start runs in the background (capabilities.ts). */
    /**
     * The probe of Glance's assumed operations, run now where the worker runs it later (after a
     * connection in the popup, or 2 s after a start for an account not yet probed): deterministic here.
     */
    async probed() {
      await learnCapabilities(ports);
      return (await readGlanceAccount(ports))?.capabilities;
    },
    records: (type: string) => sandbox.state.salesforce.ofType(type),
    async connect(settings: Partial<UserSettings> = {}) {
      expect((await connectAccount('acme.glance.net', 'correct-horse', ports)).ok).toBe(true);
      expect((await saveSettings({ ...DEFAULT_SETTINGS, ...settings }, ports)).ok).toBe(true);
    },
    seeded(type: string, index = 0) {
      const record = sandbox.state.salesforce.ofType(type)[index];
      if (!record) throw new Error(`no ${type}`);
      return record;
    },
  };
}

export type Harness = ReturnType<typeof harness>;

/**
 * A start from the record's page, as the rep's click makes it: the tab gets the session and the Glance
 * Client launch with its key, and opens the launch (the emulated client starts the session). With the
 * assumed operations on, it answers once the probe the first start runs (capabilities.ts) has found
 * them, so the session asks Glance what it may; otherwise at once, as the click is answered.
 */
export async function start(h: Harness, type: string, id: string, mode: 'screenshare' = 'screenshare') {
  const result = await startSession(`${LIGHTNING}/lightning/r/${type}/${id}/view`, mode, h.ports);
  if (!result.ok || !result.session) throw new Error(`start failed: ${JSON.stringify(result)}`);
  expect(result.session.launchNow).toBe(
    clientLaunchUrl(result.session.key, { username: result.session.glanceAddress }),
  );
  h.launchClient(result.session.launchNow);
  if (h.sandbox.state.glance.assumedOps) await h.probed();
  return result.session;
}

export function eventOf(h: Harness, sessionId: string) {
  const events = h.records('Event').filter((e) => String(e.fields.Subject).includes(sessionId));
  expect(events).toHaveLength(1);
  return events[0]?.fields as Record<string, unknown>;
}
