// Which cookie store holds a tab's Salesforce session, and reading the `sid` there. The worker runs
// once for every window ("spanning"), so a call made for a tab must name the tab's own store: without
// a storeId, cookies.get reads the worker's own context's store, the regular window's (MDN,
// cookies.get: "By default, the current execution context's cookie store will be used").
// - Firefox names it on every tab: tabs.Tab.cookieStoreId, "firefox-default", "firefox-private" in a
//   private window, "firefox-container-<n>" in a container tab (MDN, tabs.Tab and contextualIdentities;
//   without the "cookies" permission since Firefox 82, Mozilla bug 1662329). Salesforce Inspector
//   Reloaded reads the sid the same way: cookies.get({url, name: "sid", storeId: sender.tab.cookieStoreId}).
// - Chrome's tabs have no cookieStoreId: an incognito tab's store ("1") is the one whose tabIds hold
//   it (cookies.getAllCookieStores; MDN, cookies.CookieStore).
// Written against the browser's cookies API as a port, so tests run it on a fake with each
// browser's semantics (tests/support/browser-cookies.ts).

/** What of chrome.cookies (browser.cookies in Firefox) the worker uses; promises in MV3 in both. */
export interface CookiesApi {
  get(details: { url: string; name: string; storeId?: string }): Promise<{ value: string } | null | undefined>;
  getAll(details: { name: string; storeId?: string }): Promise<{ domain: string; value: string }[]>;
  getAllCookieStores(): Promise<{ id: string; tabIds: number[] }[]>;
}

/** A tab as the browser describes it (tabs.Tab, or a message sender's tab). */
interface StoreTab {
  id?: number;
  incognito?: boolean;
  /** Firefox only. */
  cookieStoreId?: string;
}

/** What of chrome.tabs the store logic uses: tabs.get, which needs no permission. */
export interface TabsApi {
  get(tabId: number): Promise<StoreTab>;
}

/**
 * Firefox's regular store. Sessions and writes of the regular store carry no storeId (what a read
 * without one gets, in every browser), so what was queued before containers were known stays valid.
 */
const FIREFOX_DEFAULT_STORE = 'firefox-default';

/** An incognito tab whose store cannot be found: a store id no browser has, so no session is read. */
const UNKNOWN_STORE = 'incognito-unknown';

export function cookieStorePorts(cookies: CookiesApi, tabs: TabsApi) {
  async function readSid(apiHost: string, storeId?: string): Promise<string | undefined> {
    try {
      const cookie = await cookies.get({ url: `https://${apiHost}/`, name: 'sid', ...(storeId ? { storeId } : {}) });
      return cookie?.value || undefined;
    } catch {
      return undefined; // a store that closed (the incognito window is gone): no session
    }
  }

  /** Every `sid` cookie in a store (the extension sees those of its host permissions only). */
  async function listSids(storeId?: string): Promise<{ host: string; value: string }[]> {
    const all = await cookies.getAll({ name: 'sid', ...(storeId ? { storeId } : {}) }).catch(() => []);
    return all.map((c) => ({ host: c.domain.replace(/^\./, ''), value: c.value }));
  }

  /** The tab's own cookie store; undefined for the regular one. */
  async function cookieStoreOf(tab: StoreTab): Promise<string | undefined> {
    if (typeof tab.cookieStoreId === 'string' && tab.cookieStoreId !== '')
      return tab.cookieStoreId === FIREFOX_DEFAULT_STORE ? undefined : tab.cookieStoreId;
    if (!tab.incognito || tab.id === undefined) return undefined;
    const stores = await cookies.getAllCookieStores();
    // An incognito tab whose store cannot be found must not fall back to the regular session.
    return stores.find((store) => store.tabIds.includes(tab.id as number))?.id ?? UNKNOWN_STORE;
  }

  /** The store of a tab known by its id (the popup's Salesforce tab); a closed tab's is no store at all. */
  async function cookieStoreOfTab(tabId: number): Promise<string | undefined> {
    const tab = await tabs.get(tabId).catch(() => undefined);
    return tab ? cookieStoreOf({ ...tab, id: tabId }) : UNKNOWN_STORE;
  }

  return { readSid, listSids, cookieStoreOf, cookieStoreOfTab };
}
