// Where a renamed My Domain went. Salesforce redirects an org's previous My Domain host names to the
// new ones, with 301 or 307, until the next change (Salesforce Help, "Understand Redirections for
// Previous My Domain Host Names"). The client calls with `redirect: 'manual'`, so a redirect is seen
// as one (following it would take the call somewhere unchecked); but what fetch then gives is an
// opaque redirect, without its Location (Fetch Standard, "manual" redirect mode; whatwg/fetch#763,
// #1010). So this asks the old host once more, for the public version list (/services/data/, which
// needs no session): without the session or any cookie, following the redirects, and reads where
// the answer came from. Only a My Domain host of the host table counts as the org's new home.
import { apiHostFor } from '../salesforce-hosts.js';

export async function newMyDomainHost(
  apiHost: string,
  fetch: typeof globalThis.fetch,
  timeoutMs: number,
): Promise<string | undefined> {
  try {
    const response = await fetch(`https://${apiHost}/services/data/`, {
      headers: { Accept: 'application/json' },
      credentials: 'omit',
      redirect: 'follow',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    if (!response.ok || !response.redirected) return undefined;
    const url = new URL(response.url);
    const host = url.hostname.toLowerCase();
    return url.protocol === 'https:' && host !== apiHost && apiHostFor(host) === host ? host : undefined;
  } catch {
    return undefined;
  }
}
