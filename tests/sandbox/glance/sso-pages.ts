// The HTTP face of Glance's single sign-on (single-sign-on.ts): the login-key service target URL,
// which is also the ACS URL an identity provider posts to, and the Authorization API.
import { randomBytes } from 'node:crypto';
import { escapeHtml, html, json, redirect, type SandboxRequest, type SandboxResponse } from '../http.js';
import { glancePage } from './page-layout.js';
import type { GlanceService } from './service.js';
import { LOGIN_KEY_PAGE_PATH, SESSION_COOKIE } from './single-sign-on.js';

/** api.glance.cx/authorization.html documents the API; this path is the one Glance's own script calls (C). */
export const AUTHORIZE_PATH = '/services/AuthorizationService.svc/rest/Authorize';
/** Services an auth token may be for (api.glance.cx/authorization.html). */
const AUTH_SERVICES = new Set(['presence', 'webservices', 'visitor', 'agent']);

const param = (query: URLSearchParams, name: string) =>
  [...query].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? '';

export function singleSignOnRoutes(glance: GlanceService, req: SandboxRequest): SandboxResponse | undefined {
  if (req.url.pathname === AUTHORIZE_PATH) return authorize(glance, req);
  if (req.url.pathname.toLowerCase() !== LOGIN_KEY_PAGE_PATH) return undefined;
  const group = glance.sso.groupOf(req.url.searchParams);
  if (!group) {
    return html(
      404,
      glancePage('Glance', '<h1 role="alert">Single sign-on is not set up for this identity provider.</h1>'),
    );
  }
  if (req.method === 'POST') {
    // The IdP's Response (HTTP-POST binding) at the ACS URL.
    const form = new URLSearchParams(req.body);
    const outcome = glance.sso.consumeResponse(group, form.get('SAMLResponse') ?? '');
    if (typeof outcome === 'string')
      return html(403, glancePage('Glance', `<h1 role="alert">${escapeHtml(outcome)}</h1>`));
    const cookie = `${SESSION_COOKIE}=${outcome.gssnid}; Path=/; Secure; HttpOnly; SameSite=None`;
    const relay = form.get('RelayState') ?? '';
    // Back to the service target URL that asked, on Glance's own host only.
    if (relay.startsWith('https://www.glance.net/')) return redirect(relay, { 'set-cookie': cookie });
    return html(200, loginKeyPage(glance, group, outcome.account, req.url.searchParams), { 'set-cookie': cookie });
  }
  const account = glance.sso.signedIn(group, req.cookies[SESSION_COOKIE]);
  if (!account) return redirect(glance.sso.signOnRedirect(group, req.url.href));
  return html(200, loginKeyPage(glance, group, account, req.url.searchParams));
}

function loginKeyPage(
  glance: GlanceService,
  group: Parameters<GlanceService['sso']['loginKeyAnswer']>[0],
  account: Parameters<GlanceService['sso']['loginKeyAnswer']>[1],
  query: URLSearchParams,
): string {
  const embedded = param(query, 'mode') === 'embedded';
  const message = {
    glanceEvent: 'authenticateSucceeded',
    data: { loginKey: glance.sso.loginKeyAnswer(group, account) },
  };
  // JSON inside a script element: "<" escaped so no text can close the element.
  const script = embedded
    ? `<script>parent.postMessage(${JSON.stringify(message).replace(/</g, '\\u003c')}, '*');</script>`
    : '';
  return glancePage('Glance', `<h1>You are signed in to Glance as ${escapeHtml(account.address)}.</h1>${script}`);
}

function authorize(glance: GlanceService, req: SandboxRequest): SandboxResponse {
  if (req.method !== 'POST') return json(405, { message: 'Method not allowed.' });
  const groupId = param(req.url.searchParams, 'groupid');
  const service = param(req.url.searchParams, 'service');
  const duration = Number(param(req.url.searchParams, 'duration'));
  if (!AUTH_SERVICES.has(service) || !Number.isInteger(duration) || duration < 1 || duration > 120) {
    return json(400, { message: 'groupid, service and duration (1-120 minutes) are required.' });
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(req.body) as Record<string, unknown>;
  } catch {
    return json(400, { message: 'The body is not JSON.' });
  }
  const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
  // Two of the documented bodies: a login key, or the Glance for Salesforce credential (ValidateUser's).
  const account = text('loginkey')
    ? glance.sso.verifyLoginKey(text('partnerid'), text('partneruserid'), text('loginkey'))
    : text('g4scredentials')
      ? [...glance.accounts.values()].find(
          (a) => a.address === text('username').toLowerCase() && a.credentials.has(text('g4scredentials')),
        )
      : undefined;
  if (!account || account.groupId !== groupId) return json(401, { message: 'Not authorized.' });
  const expires = glance.now() + duration * 60_000;
  const authToken = randomBytes(24).toString('base64url');
  glance.authTokens.set(authToken, { address: account.address, groupId, service, expires });
  return json(200, {
    authToken,
    authTokeExp: Math.floor(expires / 1000),
    gssnId: '',
    groupId: account.groupId,
    privilegeString: '',
    isTrial: false,
    glanceAddress: account.address,
  });
}
