/**
 * Glance SAML single sign-on: a login key without a password or any company secret in the browser.
 * - [stu] help.glance.net/integrations/saml/session_cookie/: service target URLs authorise with the
 *   GSSNID cookie any Glance login sets and start an SP-initiated sign-on when there is none; the
 *   login-key STU is `/account/GetLoginKey.aspx?sso=1&idpid=…` (also the ACS URL: saml_setup), with
 *   `idpname` or `idptoken` in place of `idpid`.
 * - [embedded] seen only in Glance's shipped agent script (glance.md, C): `mode=embedded&fmt=html`
 *   answers with a message posted to the page's parent, `{glanceEvent: "authenticateSucceeded",
 *   data: {loginKey: "partnerid=…&partneruserid=…~$1$…"}}`. Opened as a window of its own, its
 *   parent is itself, where the extension's sign-in listener hears it. If Glance changes it, sign-on
 *   says it did not finish and the rep can still connect with a password where the company allows.
 * - [login-key] help.glance.net …/quickstart/sso_login/: `$1$<expiry, epoch s>$<43 base64url
 *   characters>`, valid until expiry, at most one day ahead; passed as partnerid, partneruserid and
 *   loginkey (help.glance.cx/integrations/login-key/integration_usage/).
 * - [authorize] api.glance.cx/authorization.html: `{partnerid, partneruserid, loginkey}` → `{authToken,
 *   groupId, glanceAddress, …}`; the path is the one Glance's own script calls (C).
 */

import { readCappedText } from '../../shared/answer-limits.js';
import type { IdentityProvider } from '../../shared/glance-sign-in.js';
import type { GlanceAccount, SingleSignOnLogin } from '../storage/glance-account.js';
import { GLANCE_TIMEOUT_MS, GlanceError } from './client.js';
import { GLANCE_WEB_ORIGIN, isGlanceAddress, type LaunchIdentity } from './documented.js';

const LOGIN_KEY_PAGE_PATH = '/account/GetLoginKey.aspx';
export const AUTHORIZE_URL = `${GLANCE_WEB_ORIGIN}/services/AuthorizationService.svc/rest/Authorize`;
/** [login-key]: a key is never valid for more than a day; a little clock skew is forgiven. */
const MAX_AHEAD_MS = 24 * 60 * 60 * 1000 + 5 * 60 * 1000;

/** [stu] + [embedded]: the page the rep signs in through, in a window of its own. */
export function loginKeyPageUrl(idp: IdentityProvider): string {
  const query = new URLSearchParams({ sso: '1', mode: 'embedded', fmt: 'html', [idp.selector]: idp.value });
  return `${GLANCE_WEB_ORIGIN}${LOGIN_KEY_PAGE_PATH}?${query}`;
}

/** True for the login-key page on Glance's own host (ASP.NET paths are case-insensitive). */
export function isLoginKeyPage(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.origin === GLANCE_WEB_ORIGIN && parsed.pathname.toLowerCase() === LOGIN_KEY_PAGE_PATH.toLowerCase();
  } catch {
    return false;
  }
}

const LOGIN_KEY_PATTERN = /^\$1\$(\d{1,12})\$[A-Za-z0-9_-]{43}$/;
const PARTNER_ID_PATTERN = /^\d{1,12}$/;
const PARTNER_USER_ID_PATTERN = /^[^\s~&=]{1,100}$/;

/** [embedded] + [login-key]: the page's answer read strictly; null for anything else or a key not valid now. */
export function parseLoginKeyAnswer(answer: string, now: number): SingleSignOnLogin | null {
  const tilde = answer.indexOf('~');
  if (tilde < 0) return null;
  const identity = new URLSearchParams(answer.slice(0, tilde));
  const loginKey = answer.slice(tilde + 1);
  const partnerId = identity.get('partnerid') ?? '';
  const partnerUserId = identity.get('partneruserid') ?? '';
  const match = LOGIN_KEY_PATTERN.exec(loginKey);
  if (!match || !PARTNER_ID_PATTERN.test(partnerId) || !PARTNER_USER_ID_PATTERN.test(partnerUserId)) return null;
  const expiresAt = Number(match[1]) * 1000;
  if (expiresAt <= now || expiresAt > now + MAX_AHEAD_MS) return null;
  return { partnerId, partnerUserId, loginKey, expiresAt };
}

/**
 * [authorize]: Glance confirms the login key and says whose it is. Nothing else of the answer is
 * kept (the auth token is not needed: sessions run in the Glance Client and the viewer).
 */
export async function authorizeLoginKey(
  fetcher: typeof fetch,
  login: SingleSignOnLogin,
  timeoutMs = GLANCE_TIMEOUT_MS,
): Promise<{ glanceAddress: string; groupId: string }> {
  const query = new URLSearchParams({ groupid: login.partnerId, service: 'webservices', duration: '1' });
  let response: Response;
  let text: string;
  try {
    response = await fetcher(`${AUTHORIZE_URL}?${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        partnerid: login.partnerId,
        partneruserid: login.partnerUserId,
        loginkey: login.loginKey,
      }),
      credentials: 'omit',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await readCappedText(response);
  } catch {
    throw new GlanceError('unavailable');
  }
  if (response.status === 401 || response.status === 403) throw new GlanceError('credentials', String(response.status));
  if (!response.ok) throw new GlanceError('unavailable', String(response.status));
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    throw new GlanceError('unavailable', 'not JSON');
  }
  const fields = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
  const glanceAddress = typeof fields.glanceAddress === 'string' ? fields.glanceAddress.trim().toLowerCase() : '';
  const groupId = String(fields.groupId ?? '');
  if (!isGlanceAddress(glanceAddress) || groupId !== login.partnerId)
    throw new GlanceError('unavailable', 'answer shape');
  return { glanceAddress, groupId };
}

/** Who the Glance Client, the start page and the viewer act as: the login key when signed in with SSO. */
export function launchIdentityOf(account: GlanceAccount): LaunchIdentity {
  return account.sso
    ? { partnerId: account.sso.partnerId, partnerUserId: account.sso.partnerUserId, loginKey: account.sso.loginKey }
    : { username: account.address };
}

/** The login key no longer works (or is about to, within a minute): the rep signs in again first. */
export const signInExpired = (account: GlanceAccount, now: number) =>
  !!account.sso && account.sso.expiresAt <= now + 60_000;
