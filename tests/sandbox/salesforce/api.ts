// The emulated Salesforce REST API on https://<mydomain>.my.salesforce.com/services/data: routing,
// session check, the Sforce-Limit-Info header and the API-usage count. The resources live in
// sobjects.ts, query.ts, search.ts and composite.ts; all of them throw ApiError to fail.
import type { IncomingHttpHeaders } from 'node:http';
import { type Handler, json, redirect, type SandboxRequest, type SandboxResponse } from '../http.js';
import { analyticsResource } from './analytics.js';
import { compositeResource } from './composite.js';
import {
  allowsDuplicateSave,
  DUPLICATE_RULE_HEADER,
  duplicatesAsCurrentUser as duplicatesAsCurrentUserOf,
} from './duplicates.js';
import { ApiError, invalidSession, methodNotAllowed, notFound, sessionNotValidForApi } from './errors.js';
import { API_VERSION, type SalesforceOrg } from './org.js';
import { queryResource } from './query.js';
import {
  API_BASE,
  type ApiAnswer,
  type ApiCall,
  type ApiContext,
  AUTO_ASSIGN_HEADER,
  autoAssignOff,
  type JsonObject,
} from './records.js';
import { searchResource } from './search.js';
import { signInRoutes } from './sign-in.js';
import { sobjectsResource } from './sobjects.js';

const LIGHTNING_SUFFIX = '.lightning.force.com';
const API_SUFFIX = '.my.salesforce.com';
const DATA_ROOT = '/services/data';
const USERINFO_PATH = '/services/oauth2/userinfo';

/** Serves the REST API of every org given, each on its own My Domain host. */
export function salesforceApiHandler(orgs: SalesforceOrg | readonly SalesforceOrg[]): Handler {
  const list = Array.isArray(orgs) ? orgs : [orgs as SalesforceOrg];
  return (req) => {
    const path = req.url.pathname;
    const onLightning = list.find((o) => o.lightningHost === req.host);
    if (onLightning || req.host.endsWith(LIGHTNING_SUFFIX)) {
      // Salesforce serves no API on the Lightning host: it redirects, and the redirect loses the
      // Authorization header. That is why clients must call the My Domain host directly.
      if (!path.startsWith('/services/')) return undefined;
      const apiHost = onLightning?.classicHost ?? `${req.host.slice(0, -LIGHTNING_SUFFIX.length)}${API_SUFFIX}`;
      return redirect(`https://${apiHost}${path}${req.url.search}`);
    }
    const signIn = signInRoutes(list, req);
    if (signIn) return signIn;
    const org = list.find((o) => o.classicHost === req.host);
    if (!org) return undefined;
    if (path === USERINFO_PATH) return userinfo(org, req);
    if (path !== DATA_ROOT && !path.startsWith(`${DATA_ROOT}/`)) return undefined;
    return answer(org, req);
  };
}

function answer(org: SalesforceOrg, req: SandboxRequest): SandboxResponse {
  let result: ApiAnswer;
  try {
    result = route(org, req);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    result = { status: error.status, body: error.errors };
  }
  // Every answer, errors included, tells the client how much of the org's daily allowance is used.
  const headers = { 'Sforce-Limit-Info': `api-usage=${org.apiUsage}/${org.apiLimit}`, ...result.headers };
  if (result.body === undefined) return { status: result.status, headers };
  return json(result.status, result.body, headers);
}

function route(org: SalesforceOrg, req: SandboxRequest): ApiAnswer {
  const rest = req.url.pathname.slice(DATA_ROOT.length);
  if (rest === '' || rest === '/') {
    // The version list is public in Salesforce: no session needed, not counted.
    if (req.method !== 'GET') throw methodNotAllowed(req.method, ['GET', 'HEAD']);
    return { status: 200, body: [{ label: "Spring '26", url: API_BASE, version: API_VERSION }] };
  }
  const versioned = /^\/v(\d+\.\d+)(\/.*)?$/.exec(rest);
  if (!versioned || versioned[1] !== API_VERSION) throw notFound();

  const token = bearerToken(req.headers.authorization);
  const session = org.validSession(token);
  if (!session) {
    // The Lightning host's sid is a session of its own that is not enabled for the API (Help
    // "getSessionId"; LWC guide: "sessions created by Lightning components aren't enabled for API
    // access"): a live one is refused as such, not as expired.
    if (org.validLightningSession(token)) throw sessionNotValidForApi();
    throw invalidSession();
  }
  // Every org setting that keeps a browser session off the REST API answers with the same words, so
  // a client cannot tell them apart (the issue 26 review of real orgs; Salesforce Help "API Access
  // Control", "Session Security Levels", "Restrict Login IP Addresses"): API Access Control for a
  // user without "Use Any API Client", a High Assurance requirement met by a Standard session, login
  // IP ranges enforced on every request, and (above) another domain's session.
  if (org.setup.apiAccessControl) throw sessionNotValidForApi();
  if (org.setup.highAssuranceForApi && session.level !== 'high-assurance') throw sessionNotValidForApi();
  if (org.setup.ipRestricted) throw sessionNotValidForApi();
  if (org.apiUsage >= org.apiLimit) {
    throw ApiError.one(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
  }
  org.apiUsage += 1;

  const call: ApiCall = {
    method: req.method,
    path: versioned[2] ?? '/',
    search: req.url.searchParams,
    body: req.body,
    headers: flattenHeaders(req.headers),
  };
  const allowDuplicateSave = allowsDuplicateSave(call.headers[DUPLICATE_RULE_HEADER]);
  const duplicatesAsCurrentUser = duplicatesAsCurrentUserOf(call.headers[DUPLICATE_RULE_HEADER]);
  const noAutoAssign = autoAssignOff(call.headers[AUTO_ASSIGN_HEADER]);
  return dispatch({ org, userId: session.userId, allowDuplicateSave, duplicatesAsCurrentUser, noAutoAssign }, call);
}

/** Routes one call; composite subrequests come back through here without counting again. */
export function dispatch(ctx: ApiContext, call: ApiCall): ApiAnswer {
  let segments: string[];
  try {
    segments = call.path
      .split('/')
      .filter((s) => s !== '')
      .map(decodeURIComponent);
  } catch {
    throw notFound();
  }
  const [resource, ...rest] = segments;
  switch (resource) {
    case undefined:
      if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
      return { status: 200, body: resourceList(ctx) };
    case 'sobjects':
      return sobjectsResource(ctx, call, rest);
    case 'query':
    case 'queryAll':
      return queryResource(ctx, call, rest);
    case 'search':
      if (rest.length > 0) throw notFound();
      return searchResource(ctx, call);
    case 'composite':
      return compositeResource(ctx, call, rest, dispatch);
    case 'chatter':
      return chatterResource(ctx, call, rest);
    case 'analytics':
      return analyticsResource(ctx, call, rest);
    default:
      throw notFound();
  }
}

function bearerToken(header: string | undefined): string | undefined {
  // Salesforce accepts the older "OAuth <token>" scheme as well as "Bearer <token>".
  const match = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name.toLowerCase(),
      Array.isArray(value) ? value.join(', ') : value,
    ]),
  );
}

function resourceList(ctx: ApiContext): JsonObject {
  const names = ['sobjects', 'query', 'queryAll', 'search', 'composite', 'chatter', 'analytics'];
  return {
    ...Object.fromEntries(names.map((name) => [name, `${API_BASE}/${name}`])),
    identity: `https://login.salesforce.com/id/${ctx.org.orgId18}/${ctx.userId}`,
  };
}

/**
 * Chatter off (Setup › Chatter Settings): Chatter REST resources answer 403. The status is what a
 * real org gave GET /chatter/users/me with Chatter off (Alfresco's Salesforce integration guide: "GET
 * request for …/chatter/users/me resulted in 403 (Forbidden)"); the message is the one public clients
 * test for ("Chatter is not enabled for this organization"); FUNCTIONALITY_NOT_ENABLED is the code
 * Connect REST resources answer 403 with for a feature that is not enabled. The code is not confirmed
 * for Chatter itself: the extension reads any refusal here as "no Chatter", whatever its code.
 */
export const chatterNotEnabled = () =>
  ApiError.one(403, 'FUNCTIONALITY_NOT_ENABLED', 'Chatter is not enabled for this organization');

/** GET /chatter/users/me (or /chatter/users/<id>): the Chatter user representation, in part. */
function chatterResource(ctx: ApiContext, call: ApiCall, segments: string[]): ApiAnswer {
  if (!ctx.org.setup.chatter) throw chatterNotEnabled();
  const [collection, who, ...rest] = segments;
  if (collection !== 'users' || !who || rest.length > 0) throw notFound();
  if (call.method !== 'GET') throw methodNotAllowed(call.method, ['GET', 'HEAD']);
  const user = ctx.org.get(who === 'me' ? ctx.userId : who);
  if (user?.type !== 'User') throw notFound();
  const text = (name: string) => (typeof user.fields[name] === 'string' ? (user.fields[name] as string) : null);
  const name = text('Name') ?? [text('FirstName'), text('LastName')].filter((p) => p).join(' ');
  return {
    status: 200,
    body: {
      id: user.Id,
      name,
      firstName: text('FirstName'),
      lastName: text('LastName'),
      displayName: name,
      email: text('Email'),
      username: text('Username'),
      companyName: text('CompanyName'),
      title: text('Title'),
      isActive: user.fields.IsActive !== false,
      userType: 'Internal',
      url: `${API_BASE}/chatter/users/${user.Id}`,
      type: 'User',
    },
  };
}

/**
 * GET /services/oauth2/userinfo on the My Domain host: OpenID Connect's UserInfo endpoint, with the
 * claims Salesforce answers (Salesforce Help, "Query for User Information"; OpenID Connect Core 1.0
 * §5.3). Salesforce documents it for a connected app's access token; whether a browser session's sid
 * is taken as well is not documented (reference/salesforce.md: *check*). The emulator takes the My
 * Domain sid, so the extension uses it only after Chatter refused who-am-I. It is Identity, not the
 * REST API: not refused by API Access Control here, not counted in Sforce-Limit-Info, and it answers
 * whether Chatter is on or off. A bad token: 403 "Bad_OAuth_Token" in plain text, as identity URLs do.
 */
function userinfo(org: SalesforceOrg, req: SandboxRequest): SandboxResponse {
  if (req.method !== 'GET' && req.method !== 'POST') return { status: 405, headers: { Allow: 'GET, POST' } };
  const session = org.validSession(bearerToken(req.headers.authorization));
  if (!session) return { status: 403, headers: { 'Content-Type': 'text/plain' }, body: 'Bad_OAuth_Token' };
  const user = org.get(session.userId);
  const text = (name: string) => (typeof user?.fields[name] === 'string' ? (user.fields[name] as string) : null);
  const rest = `${org.classicOrigin}/services/data/v{version}/`;
  return json(200, {
    sub: `https://login.salesforce.com/id/${org.orgId18}/${session.userId}`,
    user_id: session.userId,
    organization_id: org.orgId18,
    preferred_username: text('Username'),
    nickname: (text('Username') ?? '').split('@')[0],
    name: text('Name'),
    email: text('Email'),
    email_verified: true,
    given_name: text('FirstName'),
    family_name: text('LastName'),
    zoneinfo: 'America/Los_Angeles',
    photos: {
      picture: `${org.classicOrigin}/profilephoto/005/F`,
      thumbnail: `${org.classicOrigin}/profilephoto/005/T`,
    },
    profile: `${org.classicOrigin}/${session.userId}`,
    picture: `${org.classicOrigin}/profilephoto/005/F`,
    address: { country: 'US' },
    is_salesforce_integration_user: false,
    urls: {
      rest,
      sobjects: `${rest}sobjects/`,
      search: `${rest}search/`,
      query: `${rest}query/`,
      profile: `${org.classicOrigin}/${session.userId}`,
      users: `${rest}chatter/users`,
      custom_domain: org.classicOrigin,
    },
    active: user?.fields.IsActive !== false,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    updated_at: '2026-01-01T00:00:00Z',
  });
}
