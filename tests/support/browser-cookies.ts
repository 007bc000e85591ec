// The browser's cookie stores and tabs, as the worker sees them through chrome.cookies and tabs, in
// Chrome's semantics or Firefox's. The product's own store logic (src/shared/salesforce/
// cookie-stores.ts) runs on this fake, so a test sees what a rep's browser would do.
//
// Chrome (developer.chrome.com, chrome.cookies; MDN cookies.CookieStore): the regular store is "0",
// the incognito one "1" (it exists only while an incognito window is open); tabs carry no
// cookieStoreId.
// Firefox (MDN tabs.Tab.cookieStoreId, contextualIdentities, cookies.CookieStore; Firefox's
// ext-toolkit.js getCookieStoreIdForTab): every tab carries cookieStoreId: "firefox-default",
// "firefox-private" in a private window, "firefox-container-<n>" in a container tab (contextual
// identity n; a new profile has four: Personal, Work, Banking, Shopping). Since Firefox 82 the tab
// carries it without the "cookies" permission (Mozilla bug 1662329).
// Both (MDN cookies.get, cookies.getAll): without a storeId, "the current execution context's cookie
// store" is read: for the worker, the regular one. A store id the browser does not have is refused
// ("Invalid cookie store id"). Salesforce's sid is a host-only cookie of the host that set it.
import type { CookiesApi } from '../../src/shared/salesforce/cookie-stores.js';

export type BrowserKind = 'chrome' | 'firefox';

export interface FakeTab {
  id: number;
  url: string;
  incognito: boolean;
  /** Firefox only: the tab's cookie store. */
  cookieStoreId?: string;
}

export const DEFAULT_STORE: Record<BrowserKind, string> = { chrome: '0', firefox: 'firefox-default' };
export const PRIVATE_STORE: Record<BrowserKind, string> = { chrome: '1', firefox: 'firefox-private' };
export const containerStore = (n: number) => `firefox-container-${n}`;

export function browserCookies(kind: BrowserKind, tabs: FakeTab[]) {
  /** store id → host → the sid cookie's value. */
  const jar = new Map<string, Map<string, string>>();
  /** Firefox's contextual identities (containers) that exist now, by their number. */
  const containers = new Set([1, 2, 3, 4]);

  /** The store a tab's cookies live in, as the browser itself decides it. */
  const storeOfTab = (tab: FakeTab) =>
    kind === 'firefox' ? (tab.cookieStoreId ?? DEFAULT_STORE.firefox) : tab.incognito ? '1' : '0';

  function storeExists(id: string): boolean {
    if (id === DEFAULT_STORE[kind]) return true;
    if (kind === 'chrome') return id === '1' && tabs.some((t) => t.incognito);
    if (id === PRIVATE_STORE.firefox) return true;
    const n = /^firefox-container-(\d+)$/.exec(id)?.[1];
    return n !== undefined && containers.has(Number(n));
  }

  function storeOf(storeId: string | undefined): Map<string, string> {
    const id = storeId ?? DEFAULT_STORE[kind];
    if (!storeExists(id)) throw new Error(`Invalid cookie store id: "${id}"`);
    return jar.get(id) ?? new Map<string, string>();
  }

  const api: CookiesApi = {
    get: async ({ url, name, storeId }) => {
      const value = name === 'sid' ? storeOf(storeId).get(new URL(url).hostname) : undefined;
      return value === undefined ? null : { value };
    },
    getAll: async ({ name, storeId }) =>
      name === 'sid' ? [...storeOf(storeId)].map(([domain, value]) => ({ domain, value })) : [],
    getAllCookieStores: async () => {
      const byStore = new Map<string, number[]>([[DEFAULT_STORE[kind], []]]);
      for (const tab of tabs) byStore.set(storeOfTab(tab), [...(byStore.get(storeOfTab(tab)) ?? []), tab.id]);
      return [...byStore].map(([id, tabIds]) => ({ id, tabIds }));
    },
  };

  return {
    api,
    /** tabs.get: the tab as the browser describes it (Chrome's has no cookieStoreId); rejects for a closed one. */
    async tabById(id: number) {
      const tab = tabs.find((t) => t.id === id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      return { ...tab };
    },
    /** Sets (or, with undefined, removes) the sid of a host in a store; the default store when none is named. */
    setSid(host: string, value: string | undefined, storeId = DEFAULT_STORE[kind]) {
      const store = jar.get(storeId) ?? new Map<string, string>();
      jar.set(storeId, store);
      if (value === undefined) store.delete(host);
      else store.set(host, value);
    },
    /** The rep removes a container (contextualIdentities.remove): its store is gone, and its cookies. */
    removeContainer(n: number) {
      containers.delete(n);
      jar.delete(containerStore(n));
    },
  };
}
