// Navigation (src/content/toolbar/navigation.ts): the page the tab shows, read from its URL at start and
// after every way Salesforce moves between pages, driven here through a stand-in window.
import { describe, expect, it } from 'vitest';
import { type NavigationWindow, watchNavigation } from '../../src/content/toolbar/navigation.js';
import { parseContentPage, type SalesforceView } from '../../src/shared/salesforce-url.js';

const LEAD = 'https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view';
const CONTACT = 'https://acme.lightning.force.com/lightning/r/Contact/0035g00000AbCdEAAV/view';
const CLASSIC = 'https://acme.my.salesforce.com/00Q5g00000AbCdE';
const LIST = 'https://acme.lightning.force.com/lightning/o/Lead/list?filterName=Recent';

/** A window whose URL the test sets, and whose events it fires. */
function fakeWindow(withNavigationApi: boolean) {
  const listeners = new Map<string, (() => void)[]>();
  const listen = (type: string, listener: () => void) => {
    listeners.set(type, [...(listeners.get(type) ?? []), listener]);
  };
  const win: NavigationWindow & { location: { href: string } } = {
    location: { href: LEAD },
    addEventListener: listen,
    ...(withNavigationApi ? { navigation: { addEventListener: listen } } : {}),
  };
  const fire = (type: string) => {
    for (const listener of listeners.get(type) ?? []) listener();
  };
  return { win, fire, listeners };
}

function watch(withNavigationApi: boolean) {
  const fake = fakeWindow(withNavigationApi);
  const pages: (SalesforceView | undefined)[] = [];
  watchNavigation(fake.win, (page) => pages.push(page));
  return { ...fake, pages };
}

describe('navigation', () => {
  it('reports the page at once, from the URL', () => {
    const { pages } = watch(true);
    expect(pages).toEqual([parseContentPage(LEAD)]);
    expect(pages[0]?.kind).toBe('record');
  });

  it('follows pushState through the Navigation API, Back and Forward, and hash changes', () => {
    const { win, fire, pages } = watch(true);
    win.location.href = CONTACT;
    fire('currententrychange');
    win.location.href = LEAD;
    fire('popstate');
    win.location.href = CLASSIC;
    fire('hashchange');
    // A page of the same host that is no record (a document never leaves its host: the content
    // script's parser is asked only about the hosts it runs on).
    win.location.href = LIST;
    fire('currententrychange');
    expect(pages).toEqual([LEAD, CONTACT, LEAD, CLASSIC, LIST].map((href) => parseContentPage(href)));
    expect(pages.at(-1)).toEqual({ kind: 'other', ui: 'lightning' });
  });

  it('reports the same page again when told (drawing is idempotent and re-places the toolbar)', () => {
    const { fire, pages } = watch(true);
    fire('hashchange');
    expect(pages).toEqual([parseContentPage(LEAD), parseContentPage(LEAD)]);
  });

  it('still follows Back, Forward and hash changes without the Navigation API', () => {
    const { win, fire, pages, listeners } = watch(false);
    expect([...listeners.keys()].sort()).toEqual(['hashchange', 'popstate']);
    win.location.href = CONTACT;
    fire('popstate');
    expect(pages.at(-1)).toEqual(parseContentPage(CONTACT));
  });
});
