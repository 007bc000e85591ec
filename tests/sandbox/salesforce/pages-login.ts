// Logging in and out, as Salesforce does it across its two hosts: the login form on the My Domain
// host sets a host-only `sid` there, then a frontdoor.jsp hop sets a separate host-only `sid` on
// the Lightning host. The two are different sessions (Salesforce Help "getSessionId": "Session
// identifiers from different contexts, and the sessions themselves, are different"): the Lightning
// one opens Lightning pages but the REST API refuses it. The extension must read the My Domain
// cookie for the API; keeping the two cookies and values apart is what makes a wrong choice show up.
import { escapeHtml, html, redirect, type SandboxRequest, type SandboxResponse } from '../http.js';
import type { SalesforceOrg } from './org.js';
import { LOGIN_CSS } from './page-assets.js';
import { LIGHTNING_HOME_PATH } from './record-display.js';

/** The hosts of one org, as the login routes need them. */
export type OrgHosts = Pick<
  SalesforceOrg,
  'lightningHost' | 'classicHost' | 'lightningOrigin' | 'classicOrigin' | 'setupHost' | 'setupOrigin'
>;

export const SESSION_COOKIE = 'sid';
export const FRONTDOOR_PATH = '/secur/frontdoor.jsp';
export const LOGOUT_PATH = '/secur/logout.jsp';
export const LOGIN_ERROR =
  "Please check your username and password. If you still can't log in, contact your Salesforce administrator.";

const COOKIE_ATTRIBUTES = 'Path=/; Secure; HttpOnly; SameSite=None';
const sessionCookie = (sid: string) => `${SESSION_COOKIE}=${sid}; ${COOKIE_ATTRIBUTES}`;
const clearedCookie = () => `${SESSION_COOKIE}=; Max-Age=0; ${COOKIE_ATTRIBUTES}`;

/**
 * Where to go after logging in. Only the org's own hosts (Lightning, My Domain, Setup): an open redirect on a login page is a classic
 * hole, and a test that passes a foreign startURL should see it ignored.
 */
export function safeStartUrl(raw: string | null | undefined, org: OrgHosts): string {
  const fallback = `${org.lightningOrigin}${LIGHTNING_HOME_PATH}`;
  if (!raw) return fallback;
  try {
    const relativeOrigin = /^\/(?:lightning|one)\//.test(raw) ? org.lightningOrigin : org.classicOrigin;
    const url = raw.startsWith('/') ? new URL(raw, relativeOrigin) : new URL(raw);
    const ours =
      url.protocol === 'https:' &&
      !url.port &&
      (url.hostname === org.lightningHost || url.hostname === org.classicHost || url.hostname === org.setupHost);
    return ours ? url.href : fallback;
  } catch {
    return fallback;
  }
}

/** The login page a protected page sends an anonymous visitor to, remembering where they were going. */
export function loginRedirect(org: OrgHosts, req: SandboxRequest): SandboxResponse {
  const back = `${req.url.pathname}${req.url.search}`;
  return redirect(`${org.classicOrigin}/?ec=302&startURL=${encodeURIComponent(back)}`);
}

/**
 * The hop to the Lightning host, carrying the My Domain sid it trades for a Lightning sid; to the
 * Setup host instead when the rep was going to Setup (it trades it for a Setup sid of its own).
 */
function frontdoorUrl(org: OrgHosts, sid: string, startUrl: string): string {
  const toSetup = !!org.setupOrigin && startUrl.startsWith(`${org.setupOrigin}/`);
  const origin = toSetup ? org.setupOrigin : org.lightningOrigin;
  return `${origin}${FRONTDOOR_PATH}?sid=${encodeURIComponent(sid)}&retURL=${encodeURIComponent(startUrl)}`;
}

export function loginPage(username: string, startUrl: string, error?: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Login | Salesforce</title><style>${LOGIN_CSS}</style></head>
<body><main>
  <div class="logo">salesforce</div>
  ${error ? `<div id="error" class="loginError" role="alert">${escapeHtml(error)}</div>` : ''}
  <form id="login_form" name="login" method="post" action="/">
    <label for="username">Username</label>
    <input class="input" id="username" name="username" type="email" autocomplete="username" value="${escapeHtml(username)}">
    <label for="password">Password</label>
    <input class="input" id="password" name="pw" type="password" autocomplete="current-password">
    <input type="hidden" name="startURL" value="${escapeHtml(startUrl)}">
    <input class="button" id="Login" name="Login" type="submit" value="Log In">
  </form>
</main></body></html>`;
}

/** Login, frontdoor and logout routes on both hosts; undefined for every other path. */
export function loginRoutes(org: SalesforceOrg, req: SandboxRequest): SandboxResponse | undefined {
  const path = req.url.pathname;
  const onClassic = req.host === org.classicHost;
  if (onClassic && (path === '/' || path === '/login')) {
    return req.method === 'POST' ? logIn(org, req) : showLogin(org, req);
  }
  if (path === FRONTDOOR_PATH) return frontdoor(org, req);
  if (path === LOGOUT_PATH) return logOut(org, req, onClassic);
  return undefined;
}

function showLogin(org: SalesforceOrg, req: SandboxRequest): SandboxResponse {
  const startUrl = req.url.searchParams.get('startURL') ?? '';
  const session = org.validSession(req.cookies[SESSION_COOKIE]);
  // Already logged in: Salesforce skips the form and goes on, re-issuing the Lightning cookie.
  if (session) return redirect(frontdoorUrl(org, session.sid, safeStartUrl(startUrl, org)));
  return html(200, loginPage(org.profile.username, startUrl));
}

function logIn(org: SalesforceOrg, req: SandboxRequest): SandboxResponse {
  const form = new URLSearchParams(req.body);
  const username = (form.get('username') ?? '').trim();
  const password = form.get('pw') ?? form.get('password') ?? '';
  const startUrl = form.get('startURL') ?? req.url.searchParams.get('startURL') ?? '';
  const user = org.ofType('User').find((u) => String(u.fields.Username ?? '').toLowerCase() === username.toLowerCase());
  // The sandbox takes any non-empty password: tests must not depend on a secret.
  if (!user || !password) return html(200, loginPage(username, startUrl, LOGIN_ERROR));
  const session = org.createSession(user.Id);
  return redirect(frontdoorUrl(org, session.sid, safeStartUrl(startUrl, org)), {
    'set-cookie': [sessionCookie(session.sid)],
  });
}

/**
 * frontdoor.jsp on the Lightning (or Setup) host takes the My Domain sid and sets this host's own
 * session cookie: the login's Lightning (or Setup) sid, a different value (Help "getSessionId").
 */
function frontdoor(org: SalesforceOrg, req: SandboxRequest): SandboxResponse {
  const session = org.validSession(req.url.searchParams.get('sid') ?? undefined);
  const target = safeStartUrl(req.url.searchParams.get('retURL'), org);
  if (!session) return redirect(`${org.classicOrigin}/?startURL=${encodeURIComponent(target)}`);
  const cookie =
    req.host === org.lightningHost ? session.lightningSid : req.host === org.setupHost ? session.setupSid : session.sid;
  return redirect(target, { 'set-cookie': [sessionCookie(cookie)] });
}

/**
 * Ends the session and clears the cookie of this host, then hops to the other host to clear its
 * cookie too: My Domain → Lightning (with retURL = the login page) → login page.
 */
function logOut(org: SalesforceOrg, req: SandboxRequest, onClassic: boolean): SandboxResponse {
  const cookie = req.cookies[SESSION_COOKIE];
  // Either host's sid names the same login; ending it ends both sessions.
  const session = onClassic ? org.validSession(cookie) : org.validLightningSession(cookie);
  if (session) session.valid = false;
  const cleared = { 'set-cookie': [clearedCookie()] };
  if (onClassic) {
    const back = encodeURIComponent(`${org.classicOrigin}/`);
    return redirect(`${org.lightningOrigin}${LOGOUT_PATH}?retURL=${back}`, cleared);
  }
  const retUrl = req.url.searchParams.get('retURL');
  return redirect(retUrl ? safeStartUrl(retUrl, org) : `${org.classicOrigin}${LOGOUT_PATH}`, cleared);
}
