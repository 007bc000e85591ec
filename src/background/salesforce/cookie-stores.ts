// Which cookie store holds a tab's Salesforce session, and reading the `sid` there. The worker runs
// once for every window ("spanning"), so a call made for a tab must name the tab's own store: without
// a storeId, cookies.get reads the worker's own context's store, the regular window's (MDN,
// cookies.get: "By default, the current execution context's cookie store will be used").
// Written against the browser's cookies API as a port, so tests run it on a fake with each
// browser's semantics (tests/support/browser-cookies.ts).

/** What of chrome.cookies (browser.cookies in Firefox) the worker uses; promises in MV3 in both. */
export interface CookiesApi {
  get(details: { url: string; name: string; storeId?: string }): Promise<{ value: string } | null | undefined>;
  getAll(details: { name: string; storeId?: string }): Promise<{ domain: string; value: string }[]>;
  getAllCookieStores(): Promise<{ id: string; tabIds: number[] }[]>;
}

/** A tab as the browser describes it (tabs.Tab, or a message sender's tab). */
export interface StoreTab {
  id?: number;
  incognito?: boolean;
}

/** An incognito tab whose store cannot be found: a store id no browser has, so no session is read. */
export const UNKNOWN_STORE = 'incognito-unknown';

export function cookieStorePorts(cookies: CookiesApi) {
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

  /** An incognito tab's own cookie store (the extension runs "spanning": one worker for both). */
  async function cookieStoreOf(tab: StoreTab): Promise<string | undefined> {
    if (!tab.incognito || tab.id === undefined) return undefined;
    const stores = await cookies.getAllCookieStores();
    // An incognito tab whose store cannot be found must not fall back to the regular session.
    return stores.find((store) => store.tabIds.includes(tab.id as number))?.id ?? UNKNOWN_STORE;
  }

  return { readSid, listSids, cookieStoreOf };
}
