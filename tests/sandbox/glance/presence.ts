// Glance's Presence REST API (help.glance.net/glance-cobrowse/glance-cobrowse-customizing/presence/
// presence_rest_api/): `GET https://presence.glance.net/lookupvisitor?groupid=&visitorid=` with
// `Authorization: Bearer <auth token>` (an Authorization API token for the `presence` service) answers
// `{visitorpresent, …}`. Browsers may call it only from an agent origin the company allow-lists in
// Glance's settings: the emulator answers CORS for those origins alone (a preflight first, as the
// Authorization header requires: Fetch standard, CORS-preflight request), so an origin nobody allowed
// gets no Access-Control-Allow-Origin and the browser refuses the answer. None is allowed by default.
import { json, type SandboxRequest, type SandboxResponse } from '../http.js';
import type { GlanceService } from './service.js';

export const PRESENCE_HOST = 'presence.glance.net';

export interface PresenceState {
  /** Agent origins each group allow-listed (Glance's settings), e.g. chrome-extension://<id>. */
  agentOrigins: Map<string, Set<string>>;
  /** Visitors on each group's website now (the Cobrowse script reports them). */
  visitors: Map<string, Set<string>>;
}

export function presenceRoutes(glance: GlanceService, req: SandboxRequest): SandboxResponse | undefined {
  if (req.url.pathname !== '/lookupvisitor') return undefined;
  const groupId = req.url.searchParams.get('groupid') ?? '';
  const origin = String(req.headers.origin ?? '');
  const allowed = !!origin && !!glance.presence.agentOrigins.get(groupId)?.has(origin);
  const cors: Record<string, string> = allowed ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
  if (req.method === 'OPTIONS') {
    return {
      status: 204,
      headers: allowed
        ? { ...cors, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': 'authorization' }
        : {},
    };
  }
  if (req.method !== 'GET') return json(405, { message: 'Method not allowed.' }, cors);
  const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  const grant = glance.authTokens.get(token);
  if (!grant || grant.service !== 'presence' || grant.groupId !== groupId || grant.expires <= glance.now()) {
    return json(401, { message: 'Not authorized.' }, cors);
  }
  const visitorId = req.url.searchParams.get('visitorid') ?? '';
  if (!visitorId) return json(400, { message: 'visitorid is required.' }, cors);
  return json(200, { visitorpresent: !!glance.presence.visitors.get(groupId)?.has(visitorId) }, cors);
}
