// Which host answers the API for a page. The host table (src/shared/salesforce-hosts.ts) says it for
// every family; when that host holds no session cookie, the org is found the way trusted Salesforce
// tools find it (Salesforce Inspector Reloaded, addon/background.js): the page's own `sid` starts
// with its org id, and the API host is the My Domain host whose `sid` starts with the same org id.
import { apiHostFor, isLightningHost } from '../salesforce-hosts.js';
import type { SalesforceClientPorts } from './client.js';

export interface ApiHostPorts extends SalesforceClientPorts {
  /** Every `sid` cookie in the store, by host (host-only cookies, as Salesforce sets them). */
  listSids?(storeId?: string): Promise<{ host: string; value: string }[]>;
}

const orgOf = (sid: string | undefined) => (sid && /^00D[a-zA-Z0-9]{12}!/.test(sid) ? sid.slice(0, 15) : undefined);

export async function resolveApiHost(
  pageHost: string,
  ports: ApiHostPorts,
  storeId?: string,
): Promise<{ apiHost: string; sid?: string } | undefined> {
  const mapped = apiHostFor(pageHost);
  if (!mapped) return undefined;
  // The session read here is the one the caller acts with: the cookie is read once.
  const sid = await ports.readSid(mapped, storeId);
  if (sid || !ports.listSids) return { apiHost: mapped, sid };
  const org = orgOf(await ports.readSid(pageHost.toLowerCase(), storeId));
  if (!org) return { apiHost: mapped };
  const sids = await ports.listSids(storeId);
  const match = sids.find(
    (c) => orgOf(c.value) === org && apiHostFor(c.host) === c.host.toLowerCase() && !isLightningHost(c.host),
  );
  return match ? { apiHost: match.host.toLowerCase(), sid: match.value } : { apiHost: mapped };
}
