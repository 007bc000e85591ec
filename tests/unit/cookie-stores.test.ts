// The one place that picks a tab's cookie store (src/shared/salesforce/cookie-stores.ts), run on
// Chrome's and Firefox's semantics (tests/support/browser-cookies.ts): a store that is not the tab's
// is never read, and a store that cannot be found reads as "not logged in", never as the regular one.
import { describe, expect, it } from 'vitest';
import { cookieStorePorts } from '../../src/shared/salesforce/cookie-stores.js';
import { type BrowserKind, browserCookies, containerStore, type FakeTab } from '../support/browser-cookies.js';

const API = 'acme.my.salesforce.com';
const URL = 'https://acme.lightning.force.com/lightning/page/home';

function browser(kind: BrowserKind, tabs: FakeTab[]) {
  const fake = browserCookies(kind, tabs);
  return { fake, ports: cookieStorePorts(fake.api, { get: fake.tabById }) };
}

describe('Chrome: tabs carry no cookieStoreId', () => {
  const tabs: FakeTab[] = [
    { id: 1, url: URL, incognito: false },
    { id: 2, url: URL, incognito: true },
  ];

  it('a regular tab reads the regular store; an incognito tab the incognito store ("1")', async () => {
    const { fake, ports } = browser('chrome', tabs);
    fake.setSid(API, 'regular');
    fake.setSid(API, 'incognito', '1');
    expect(await ports.cookieStoreOf(tabs[0] as FakeTab)).toBeUndefined();
    expect(await ports.cookieStoreOf(tabs[1] as FakeTab)).toBe('1');
    expect(await ports.cookieStoreOfTab(2)).toBe('1');
    expect(await ports.readSid(API, await ports.cookieStoreOfTab(1))).toBe('regular');
    expect(await ports.readSid(API, await ports.cookieStoreOfTab(2))).toBe('incognito');
  });

  it('an incognito tab the browser no longer lists, or a closed tab, reads no session at all', async () => {
    const { fake, ports } = browser('chrome', tabs);
    fake.setSid(API, 'regular');
    expect(await ports.readSid(API, await ports.cookieStoreOf({ id: 9, incognito: true }))).toBeUndefined();
    expect(await ports.readSid(API, await ports.cookieStoreOfTab(9))).toBeUndefined();
  });
});

describe('Firefox: every tab carries its cookieStoreId', () => {
  const tabs: FakeTab[] = [
    { id: 1, url: URL, incognito: false, cookieStoreId: 'firefox-default' },
    { id: 2, url: URL, incognito: false, cookieStoreId: containerStore(1) },
    { id: 3, url: URL, incognito: true, cookieStoreId: 'firefox-private' },
  ];

  it("reads each tab's own store: the default container as the regular one, a container's, a private window's", async () => {
    const { fake, ports } = browser('firefox', tabs);
    fake.setSid(API, 'default');
    fake.setSid(API, 'personal', containerStore(1));
    fake.setSid(API, 'private', 'firefox-private');
    const sidOf = async (tabId: number) => ports.readSid(API, await ports.cookieStoreOfTab(tabId));
    expect(await ports.cookieStoreOf(tabs[0] as FakeTab)).toBeUndefined();
    expect(await sidOf(1)).toBe('default');
    expect(await sidOf(2)).toBe('personal');
    expect(await sidOf(3)).toBe('private');
    expect(await ports.listSids(containerStore(1))).toEqual([{ host: API, value: 'personal' }]);
  });

  it('a container the rep removed has no session (and its tab never falls back to the default one)', async () => {
    const { fake, ports } = browser('firefox', tabs);
    fake.setSid(API, 'default');
    fake.setSid(API, 'personal', containerStore(1));
    fake.removeContainer(1);
    expect(await ports.readSid(API, await ports.cookieStoreOfTab(2))).toBeUndefined();
    expect(await ports.listSids(containerStore(1))).toEqual([]);
  });
});
