// "Check this org" runs here, in the options page, not in the service worker: a worker cannot load
// code when it is needed, so the check (about 2.8 KB gzip) loaded at every wake for a button an admin
// presses once per org. It needs nothing of the worker's: fetch and the org's sid cookie, which an
// extension page has with the same host permissions. The one exception to "pages talk to the
// worker by message" (biome.json): the check must run the worker's own job code to be worth anything.
//
// It reads the cookie through webextension-polyfill, the project's chosen browser-API layer: the
// options page has no size or time target, so it keeps the one promise API that is the same in every
// browser. The worker, the popup and the content script call chrome.* directly (Chrome and Firefox
// MV3 both return promises): the polyfill cost the worker 2,646 B gzip and the popup its first draw.
import browser from 'webextension-polyfill';
import { checkOrg } from '../../background/org-check/run.js';
import type { OrgCheckView } from '../../shared/org-check.js';

async function readSid(apiHost: string): Promise<string | undefined> {
  // The regular window's cookie store, as the worker read it: an options page is never incognito.
  const cookie = await browser.cookies.get({ url: `https://${apiHost}/`, name: 'sid' }).catch(() => null);
  return cookie?.value || undefined;
}

/** Closing the page mid-check would leave its test records in the org: the browser asks first. */
const stay = (event: Event) => event.preventDefault();

export async function checkThisOrg(pageUrl: string | null): Promise<OrgCheckView> {
  addEventListener('beforeunload', stay);
  try {
    return await checkOrg(pageUrl, { fetch: (input, init) => fetch(input, init), readSid });
  } finally {
    removeEventListener('beforeunload', stay);
  }
}
