// The thin layer between background logic and the browser's APIs.
import browser from 'webextension-polyfill';
import type { BackgroundPorts } from '../router.js';

async function readSid(apiHost: string): Promise<string | undefined> {
  const cookie = await browser.cookies.get({ url: `https://${apiHost}/`, name: 'sid' });
  return cookie?.value || undefined;
}

async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function browserPorts(): BackgroundPorts {
  return {
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
    removeLocal: (key) => browser.storage.local.remove(key),
    readManaged: async () => {
      try {
        return (await browser.storage.managed.get()) as Record<string, unknown>;
      } catch {
        // No managed storage (no policy backend on this platform): no company policy.
        return {};
      }
    },
  };
}
