// Who the extension acts as in Salesforce, for a given tab (in the worker, and in the options page for
// an admin's tools). Asking costs one API call, so the answer is remembered per session cookie for a
// while (the org's API budget is shared by every user).
import type { SalesforceStatus } from '../protocol/session-views.js';
import { apiHostFor, proxiedSalesforceHost } from '../salesforce-hosts.js';
import { to18 } from '../salesforce-id.js';
import { type ApiHostPorts, resolveApiHost } from './api-host.js';
import { SalesforceClient } from './client.js';
import { SalesforceError } from './errors.js';

/** storage.session: memory only, survives worker restarts, gone when the browser closes. */
interface SessionCache {
  get(key: string): Promise<unknown>;
  /** Like chrome.storage, ignores undefined: use remove() to forget. */
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

export interface StatusPorts extends ApiHostPorts {
  cache: SessionCache;
  now(): number;
  /** A one-way digest, so the cache key never holds the session id itself. */
  digest(text: string): Promise<string>;
}

/**
 * Who the rep is in an org, per Salesforce session, in storage.session (memory only) for 10 minutes.
 * The key holds a digest of the session id, never the id itself. The worker and the options page
 * share it: storage.session is open to both (the content script is locked out, main.ts).
 */
const statusCacheKey = (apiHost: string, sidDigest: string) => `sfStatus:${apiHost}:${sidDigest}`;

/** The digest both the worker and the options page key the cache with (Web Crypto: no chrome.* here). */
export async function sidDigest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const STATUS_TTL_MS = 10 * 60 * 1000;

interface CachedStatus {
  status: SalesforceStatus;
  at: number;
}

/** Salesforce refused this session: the next status question must ask again, not trust the cache. */
export async function forgetStatus(apiHost: string, ports: StatusPorts, storeId?: string): Promise<void> {
  const sid = await ports.readSid(apiHost, storeId);
  if (sid) await ports.cache.remove(statusCacheKey(apiHost, await ports.digest(sid)));
}

/**
 * Who the extension acts as for this page's org. With `cachedOnly`, answers only what is already
 * known (null otherwise) and never calls Salesforce: for code on the rep's click path.
 */
export async function salesforceStatus(
  pageUrl: string,
  ports: StatusPorts,
  { cachedOnly = false, storeId }: { cachedOnly?: boolean; storeId?: string } = {},
): Promise<SalesforceStatus | null> {
  let host: string;
  try {
    host = new URL(pageUrl).hostname;
  } catch {
    return null;
  }
  const proxied = proxiedSalesforceHost(host);
  if (proxied) return { state: 'proxied', apiHost: apiHostFor(proxied) ?? proxied };
  const resolved = await resolveApiHost(host, ports, storeId);
  if (!resolved) return null;
  const { apiHost, sid } = resolved;
  const loggedOut: SalesforceStatus = { state: 'session-expired', apiHost, loginUrl: `https://${apiHost}/` };

  if (!sid) return loggedOut;
  const cacheKey = statusCacheKey(apiHost, await ports.digest(sid));
  const cached = (await ports.cache.get(cacheKey)) as CachedStatus | undefined;
  if (cached && ports.now() - cached.at < STATUS_TTL_MS) return cached.status;
  if (cachedOnly) return null;

  let status: SalesforceStatus;
  try {
    const user = await whoAmI(new SalesforceClient(apiHost, ports, storeId));
    status = { state: 'ready', apiHost, orgId: to18(sid.split('!')[0] ?? '') ?? '', user };
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error;
    if (error.problem === 'session-expired') return loggedOut;
    // Asked again next time (not remembered): the rep fixes it by going to the new host, not here.
    if (error.problem === 'my-domain-moved' && error.movedTo)
      return { state: 'my-domain-moved', apiHost, movedTo: error.movedTo };
    // The org's answer about this session holds until the session changes: remembered like "ready".
    if (error.problem === 'api-blocked') status = { state: 'api-blocked', apiHost };
    else if (error.problem === 'session-not-for-api')
      status = { state: 'session-not-for-api', apiHost, loginUrl: `https://${apiHost}/` };
    else if (error.problem === 'daily-limit') return { state: 'daily-limit', apiHost };
    else return { state: 'unavailable', apiHost };
  }
  await ports.cache.set(cacheKey, { status, at: ports.now() } satisfies CachedStatus);
  return status;
}

/**
 * The session's user. Chatter's /chatter/users/me first: documented for any REST session, so the
 * browser's sid works there (and it costs one API call, like any REST call). An org with Chatter off
 * refuses it (403 "Chatter is not enabled for this organization"); then OpenID Connect userinfo on
 * the My Domain host answers without Chatter (Salesforce Help, "Query for User Information").
 * Userinfo is not first because Salesforce documents it for connected apps' access tokens and does
 * not promise it for a browser session (reference/salesforce.md: *check*). Only a refusal in
 * Salesforce's words leads there: an expired session, API Access Control, the daily limit or no
 * answer mean the same for userinfo, and are reported as they are.
 */
export async function whoAmI(client: SalesforceClient) {
  try {
    const me = await client.me();
    return {
      id: String(me.id ?? ''),
      name: String(me.name ?? me.displayName ?? ''),
      email: String(me.email ?? ''),
      username: String(me.username ?? ''),
    };
  } catch (error) {
    if (!(error instanceof SalesforceError) || error.problem !== 'refused') throw error;
    let info: Awaited<ReturnType<SalesforceClient['userinfo']>>;
    try {
      info = await client.userinfo();
    } catch (fallback) {
      // Userinfo refused too (a session it does not take): Chatter's answer is the one to report.
      if (fallback instanceof SalesforceError && fallback.problem !== 'session-expired') throw error;
      throw fallback;
    }
    return {
      id: String(info.user_id ?? ''),
      name: String(info.name ?? ''),
      email: String(info.email ?? ''),
      username: String(info.preferred_username ?? ''),
    };
  }
}
