// The thin layer between background logic and the browser's APIs: platform only. What the
// background's features do with these events is wired in main.ts.
import browser from 'webextension-polyfill';
import type { BackgroundBroadcast } from '../../shared/messages.js';
import type { BackgroundPorts } from '../router.js';

export const SALESFORCE_TAB_PATTERNS = ['https://*.lightning.force.com/*', 'https://*.my.salesforce.com/*'];
export const OUTBOX_ALARM = 'outbox';
export const GUEST_POLL_ALARM = 'glance-guests';

async function readSid(apiHost: string): Promise<string | undefined> {
  const cookie = await browser.cookies.get({ url: `https://${apiHost}/`, name: 'sid' });
  return cookie?.value || undefined;
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function broadcast(message: BackgroundBroadcast): Promise<void> {
  const tabs = await browser.tabs.query({ url: SALESFORCE_TAB_PATTERNS });
  await Promise.all(
    tabs.map((tab) =>
      // A tab whose content script is not (yet) there has nobody to tell.
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

/** The platform ports; the feature callbacks (onLogChanged, …) are added by the worker's entry. */
export type PlatformPorts = Omit<BackgroundPorts, 'onLogChanged' | 'onSessionRejected' | 'onApiUsage'>;

export function browserPorts(): PlatformPorts {
  const ports: PlatformPorts = {
    extensionId: browser.runtime.id,
    fetch: (input, init) => fetch(input, init),
    readSid,
    digest,
    now: () => Date.now(),
    cache: {
      // storage.session lives in memory only and survives service-worker restarts.
      get: async (key) => (await browser.storage.session.get(key))[key],
      set: (key, value) => browser.storage.session.set({ [key]: value }),
    },
    openOptionsPage: () => browser.runtime.openOptionsPage(),
    readSync: async (key) => (await browser.storage.sync.get(key))[key],
    writeSync: (key, value) => browser.storage.sync.set({ [key]: value }),
    readLocal: async (key) => (await browser.storage.local.get(key))[key],
    writeLocal: (key, value) => browser.storage.local.set({ [key]: value }),
    writeLocalItems: (items) => browser.storage.local.set(items),
    removeLocal: (key) => browser.storage.local.remove(key),
    readManaged: async () => {
      try {
        return (await browser.storage.managed.get()) as Record<string, unknown>;
      } catch {
        // No managed storage (no policy backend on this platform): no company policy.
        return {};
      }
    },
    broadcast: (session) => broadcast({ type: 'background:session', session }),
    setGuestPolling: async (on, slow = false) => {
      if (!on) {
        await browser.alarms.clear(GUEST_POLL_ALARM);
        return;
      }
      const periodInMinutes = slow ? 2 : 0.5;
      const existing = await browser.alarms.get(GUEST_POLL_ALARM);
      if (existing?.periodInMinutes !== periodInMinutes)
        await browser.alarms.create(GUEST_POLL_ALARM, { periodInMinutes });
    },
    wakeOutboxAt: async (time) => {
      await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(time, Date.now() + 1000) });
    },
  };
  return ports;
}
