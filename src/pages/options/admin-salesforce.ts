// The options page's own Salesforce session, for what an administrator runs there on a press: the org
// check, "Create Glance reports" and the team view. They run here, not in the service worker: a worker
// cannot load code when it is needed (no import() in a service worker), so each byte of them loaded at
// every wake for a button pressed once in a while. They need nothing of the worker's: fetch and the
// org's sid cookie, which an extension page has with the same host permissions, and the Salesforce
// client and status check the worker uses too (src/shared/salesforce, chrome-free, ports injected).
//
// Through webextension-polyfill, the options page's one browser API (docs/architecture.md, "The
// browser API"): the page has no size or time target. The worker, the popup and the content script
// call chrome.* directly: the polyfill would cost the worker 2,836 B gzip and the popup its first draw.
import browser from 'webextension-polyfill';
import { type CookiesApi, cookieStorePorts, type TabsApi } from '../../shared/salesforce/cookie-stores.js';
import { type StatusPorts, sidDigest } from '../../shared/salesforce/status.js';
import { salesforceTab } from '../background-channel.js';

interface AdminSalesforce {
  /** The Salesforce tab whose org the admin's tools act on; null when none is open. */
  pageUrl: string | null;
  ports: StatusPorts;
  /** That tab's cookie store (an incognito window's, a Firefox container's); undefined for the regular one. */
  storeId: string | undefined;
}

/** The browser's cookies, tabs and storage.session as the shared Salesforce code's ports. */
export function pagePorts(): StatusPorts & { cookieStoreOfTab(tabId: number): Promise<string | undefined> } {
  const stores = cookieStorePorts(browser.cookies as unknown as CookiesApi, browser.tabs as unknown as TabsApi);
  return {
    fetch: (input, init) => fetch(input, init),
    readSid: stores.readSid,
    listSids: stores.listSids,
    cookieStoreOfTab: stores.cookieStoreOfTab,
    // The worker's cache of who the user is (storage.session is open to extension pages, main.ts
    // keeps content scripts out): a status the worker just asked for costs no second API call.
    cache: {
      get: async (key) => (await browser.storage.session.get(key))[key],
      set: (key, value) => browser.storage.session.set({ [key]: value }),
      remove: (key) => browser.storage.session.remove(key),
    },
    now: () => Date.now(),
    digest: sidDigest,
  };
}

/** The admin's Salesforce tab, with the ports to act as them there. */
export async function adminSalesforce(): Promise<AdminSalesforce> {
  const tab = await salesforceTab().catch(() => null);
  const ports = pagePorts();
  const storeId = tab?.tabId === undefined ? undefined : await ports.cookieStoreOfTab(tab.tabId);
  return { pageUrl: tab?.pageUrl ?? null, ports, storeId };
}
