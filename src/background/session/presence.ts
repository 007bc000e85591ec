// Glance Presence on a record (glance/presence.ts): the company policy names, per record type, the
// field whose value its website gives Glance as the visitor id; the toolbar asks whether that visitor
// is on the site now and offers to join them with one click. Costs one Salesforce call per record
// per 10 minutes (the field's value, remembered in storage.session) and none when the company does not
// use Presence; the Glance auth token is asked for once an hour.
import type { PresenceView } from '../../shared/protocol/index.js';
import { resolveApiHost } from '../../shared/salesforce/api-host.js';
import { SalesforceClient } from '../../shared/salesforce/client.js';
import { SalesforceError } from '../../shared/salesforce/errors.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import { VISITOR_KEY_PATTERN } from '../../shared/visitor-key.js';
import { GlanceError } from '../glance/client.js';
import { lookupVisitor, type PresenceToken, presenceToken } from '../glance/presence.js';
import { signInExpired } from '../glance/single-sign-on.js';
import { settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import type { SessionPorts } from './core.js';

/** A record's visitor id changes rarely (a Case's contact): asked again after this long. */
const VISITOR_ID_TTL_MS = 10 * 60 * 1000;
const TOKEN_KEY = 'glancePresenceToken';
const visitorIdKey = (apiHost: string, recordId: string, field: string) =>
  `presenceVisitor:${apiHost}:${recordId}:${field}`;

export async function visitorPresence(
  pageUrl: string,
  ports: SessionPorts,
  storeId: string | undefined,
): Promise<PresenceView> {
  const page = parseSalesforceUrl(pageUrl);
  if (page?.kind !== 'record') return { state: 'off' };
  const [{ policy }, account] = await Promise.all([settingsView(ports), readGlanceAccount(ports)]);
  const field = policy.presenceFields[page.sobject];
  if (!field || !account) return { state: 'off' };
  if (signInExpired(account, ports.now())) return { state: 'unavailable' };
  let visitorId: string;
  try {
    visitorId = await recordVisitorId(pageUrl, page.sobject, page.recordId, field, ports, storeId);
  } catch (error) {
    if (error instanceof SalesforceError) return { state: 'unavailable' };
    throw error;
  }
  if (!VISITOR_KEY_PATTERN.test(visitorId)) return { state: 'no-visitor-id' };
  try {
    const present = await lookupVisitor(ports.fetch, await tokenFor(ports, account), visitorId, ports.glanceTimeoutMs);
    if (present === 'refused') return { state: 'refused' };
    return present ? { state: 'present', visitorId } : { state: 'absent' };
  } catch (error) {
    if (!(error instanceof GlanceError)) throw error;
    // A token Glance no longer takes is asked for anew next time.
    if (error.failure === 'credentials') await ports.cache.remove(TOKEN_KEY);
    return { state: 'unavailable' };
  }
}

async function recordVisitorId(
  pageUrl: string,
  sobject: string,
  recordId: string,
  field: string,
  ports: SessionPorts,
  storeId: string | undefined,
): Promise<string> {
  const resolved = await resolveApiHost(new URL(pageUrl).hostname, ports, storeId);
  if (!resolved) throw new SalesforceError(401, [{ errorCode: 'NO_SESSION', message: 'Not logged in' }]);
  const key = visitorIdKey(resolved.apiHost, recordId, field);
  const cached = (await ports.cache.get(key)) as { value: string; at: number } | undefined;
  if (cached && ports.now() - cached.at < VISITOR_ID_TTL_MS) return cached.value;
  const record = await new SalesforceClient(resolved.apiHost, ports, storeId).request<Record<string, unknown>>(
    'GET',
    `/sobjects/${sobject}/${recordId}?fields=${encodeURIComponent(field)}`,
  );
  const value = typeof record[field] === 'string' ? (record[field] as string) : '';
  await ports.cache.set(key, { value, at: ports.now() });
  return value;
}

async function tokenFor(ports: SessionPorts, account: Parameters<typeof presenceToken>[1]): Promise<PresenceToken> {
  const cached = (await ports.cache.get(TOKEN_KEY)) as PresenceToken | undefined;
  const groupId = account.sso?.partnerId ?? account.groupId;
  if (cached && cached.until > ports.now() && cached.groupId === groupId) return cached;
  const token = await presenceToken(ports.fetch, account, ports.now(), ports.glanceTimeoutMs);
  await ports.cache.set(TOKEN_KEY, token);
  return token;
}
