/**
 * Glance Presence: whether a visitor is on the company's website now ("1-Click" join).
 * - [presence] help.glance.net/glance-cobrowse/glance-cobrowse-customizing/presence/presence_rest_api/:
 *   `GET https://presence.glance.net/lookupvisitor?groupid=&visitorid=` with `Authorization: Bearer
 *   <auth token>` answers `{visitorpresent, …}`; callable only from an agent origin the company
 *   allow-lists in Glance's settings. The extension asks from its own origin (chrome-extension://<id>)
 *   and holds no host permission for presence.glance.net, so the browser enforces that allow-list:
 *   an origin Glance does not allow gets no answer at all, which is said as "refused".
 * - [authorize] api.glance.cx/authorization.html: an auth token for the `presence` service, from the
 *   Glance for Salesforce credential (`{username, g4scredentials}`) or a login key.
 */
import { readCappedText } from '../../shared/answer-limits.js';
import type { GlanceAccount } from '../storage/glance-account.js';
import { GLANCE_TIMEOUT_MS, GlanceError } from './client.js';
import { AUTHORIZE_URL } from './single-sign-on.js';

const PRESENCE_LOOKUP_URL = 'https://presence.glance.net/lookupvisitor';
/** [authorize]: 1–120 minutes; an hour covers a working stretch without asking again. */
const TOKEN_MINUTES = 60;

export interface PresenceToken {
  token: string;
  groupId: string;
  /** When to stop using it (epoch ms): a minute before Glance's own expiry. */
  until: number;
}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const value: unknown = JSON.parse(await readCappedText(response));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    throw new GlanceError('unavailable', 'not JSON');
  }
}

/** [authorize] An auth token for Presence, as this account signs in (credential or SSO login key). */
export async function presenceToken(
  fetcher: typeof fetch,
  account: GlanceAccount,
  now: number,
  timeoutMs = GLANCE_TIMEOUT_MS,
): Promise<PresenceToken> {
  const groupId = account.sso?.partnerId ?? account.groupId;
  const query = new URLSearchParams({ groupid: groupId, service: 'presence', duration: String(TOKEN_MINUTES) });
  const body = account.sso
    ? { partnerid: account.sso.partnerId, partneruserid: account.sso.partnerUserId, loginkey: account.sso.loginKey }
    : { username: account.address, g4scredentials: account.credentials };
  let response: Response;
  try {
    response = await fetcher(`${AUTHORIZE_URL}?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new GlanceError('unavailable');
  }
  if (response.status === 401 || response.status === 403) throw new GlanceError('credentials', String(response.status));
  if (!response.ok) throw new GlanceError('unavailable', String(response.status));
  const answer = await readJson(response);
  if (typeof answer.authToken !== 'string' || !answer.authToken) throw new GlanceError('unavailable', 'no token');
  return { token: answer.authToken, groupId, until: now + (TOKEN_MINUTES - 1) * 60_000 };
}

/** [presence] Whether the visitor is on the site now; 'refused' when the browser got no answer Glance allowed. */
export async function lookupVisitor(
  fetcher: typeof fetch,
  token: PresenceToken,
  visitorId: string,
  timeoutMs = GLANCE_TIMEOUT_MS,
): Promise<boolean | 'refused'> {
  let response: Response;
  try {
    response = await fetcher(
      `${PRESENCE_LOOKUP_URL}?${new URLSearchParams({ groupid: token.groupId, visitorid: visitorId })}`,
      {
        headers: { Authorization: `Bearer ${token.token}` },
        credentials: 'omit',
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      },
    );
  } catch (error) {
    // A CORS refusal and an unreachable host look the same to a page: a TypeError, no status.
    if (error instanceof DOMException && error.name === 'TimeoutError') throw new GlanceError('unavailable', 'timeout');
    return 'refused';
  }
  if (response.status === 401 || response.status === 403) throw new GlanceError('credentials', String(response.status));
  if (!response.ok) throw new GlanceError('unavailable', String(response.status));
  const answer = await readJson(response);
  if (typeof answer.visitorpresent !== 'boolean') throw new GlanceError('unavailable', 'answer shape');
  return answer.visitorpresent;
}
