// Glance's session-records service (CRR) on cloud.glance.net: sign-in for a token, then completed or
// ended sessions of the group in a date window, page by page, with each session's channels and legs
// (src/background/sync/crr.ts: D = documented shapes, R = assumed ones). What it lists is what this
// emulator's Glance really ran (service.ts), plus sessions tests add as started elsewhere (addElsewhere).
import { randomBytes } from 'node:crypto';
import { SESSION_TYPE, type SessionStatusLetter, type SessionType } from '../../../src/background/glance/documented.js';
import {
  AGENT_PARTICIPANT,
  CRR_AUTH_PATH,
  CRR_ERROR,
  CRR_SESSIONS_PATH,
  type CrrLeg,
  type CrrSession,
} from '../../../src/background/sync/crr.js';
import { json, type SandboxRequest, type SandboxResponse } from '../http.js';
import { type GlanceService, type GlanceSession, isLive, isoTime } from './service.js';

export const RECORDS_HOST = 'cloud.glance.net';
const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

const CHANNEL_TYPE: Record<SessionType, string> = {
  [SESSION_TYPE.screenShare]: 'screenshare',
  [SESSION_TYPE.cobrowse]: 'cobrowse',
  [SESSION_TYPE.viewGuest]: 'screenshare',
};

const failure = (status: number, error: string, message: string) => json(status, { error, message });

export function recordsRoutes(glance: GlanceService, req: SandboxRequest): SandboxResponse | undefined {
  if (req.host !== RECORDS_HOST) return undefined;
  const path = req.url.pathname;
  const endpoint = Object.entries(CRR_SESSIONS_PATH).find(([, p]) => p === path)?.[0] as
    | keyof typeof CRR_SESSIONS_PATH
    | undefined;
  if (path !== CRR_AUTH_PATH && !endpoint) return json(404, { error: 'not_found', message: `No route ${path}.` });
  if (req.method !== 'POST') return json(405, { error: 'method_not_allowed', message: 'POST only.' });
  // D1/D2: JSON bodies.
  if (
    !String(req.headers['content-type'] ?? '')
      .toLowerCase()
      .startsWith('application/json')
  )
    return failure(400, CRR_ERROR.request, 'Content-Type must be application/json.');
  let body: Record<string, unknown>;
  try {
    const parsed = JSON.parse(req.body) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    body = parsed as Record<string, unknown>;
  } catch {
    return failure(400, CRR_ERROR.request, 'The body is not a JSON object.');
  }
  return endpoint ? sessions(glance, req, body, endpoint) : signIn(glance, body);
}

function signIn(glance: GlanceService, body: Record<string, unknown>): SandboxResponse {
  const access = glance.records.access.find((a) => a.username === body.username && a.password === body.password);
  if (!access) return failure(401, CRR_ERROR.credentials, 'Invalid username or password.');
  const token = `eyJ${randomBytes(24).toString('base64url')}`;
  glance.records.tokens.set(token, { partnerId: access.partnerId, expires: glance.now() + TOKEN_LIFETIME_MS });
  return json(200, { access_token: token });
}

function sessions(
  glance: GlanceService,
  req: SandboxRequest,
  body: Record<string, unknown>,
  endpoint: keyof typeof CRR_SESSIONS_PATH,
): SandboxResponse {
  const bearer = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  const token = glance.records.tokens.get(bearer);
  if (!token || token.expires <= glance.now()) return failure(401, CRR_ERROR.token, 'The token is missing or expired.');
  const { partnerId, apiKey, startDate, endDate, pageId } = body;
  if (typeof partnerId !== 'number' || typeof apiKey !== 'string')
    return failure(400, CRR_ERROR.request, 'partnerId (a number) and apiKey are required.');
  const access = glance.records.access.find((a) => a.partnerId === partnerId && a.apiKey === apiKey);
  if (!access || partnerId !== token.partnerId)
    return failure(403, CRR_ERROR.forbidden, 'The partnerId and apiKey do not match.');
  const from = typeof startDate === 'string' ? Date.parse(startDate) : Number.NaN;
  const to = typeof endDate === 'string' ? Date.parse(endDate) : Number.NaN;
  if (!Number.isFinite(from) || !Number.isFinite(to) || from > to)
    return failure(400, CRR_ERROR.request, 'startDate and endDate must be ISO 8601 dates, start before end.');
  const offset = pageId === undefined ? 0 : Number(pageId);
  if (!Number.isSafeInteger(offset) || offset < 0) return failure(400, CRR_ERROR.request, 'Bad pageId.');
  const group = String(partnerId);
  // R4: by end, in [start, end); R5: oldest end first.
  const listed = [...glance.sessions.values()]
    .filter((s) => groupOf(glance, s) === group)
    .filter((s) => !isLive(glance.refresh(s)) && s.endedAt !== undefined)
    .filter((s) => (endpoint === 'completed' ? s.status === 'C' : true))
    .filter((s) => (s.endedAt as number) >= from && (s.endedAt as number) < to)
    .sort((a, b) => (a.endedAt as number) - (b.endedAt as number) || Number(a.sessionId) - Number(b.sessionId));
  const size = glance.records.pageSize;
  const page = listed.slice(offset, offset + size);
  return json(200, {
    nextPageId: offset + size < listed.length ? offset + size : null,
    sessions: page.map((s) => recordOf(glance, s)),
  });
}

function groupOf(glance: GlanceService, session: GlanceSession): string | undefined {
  return glance.account(session.address)?.groupId;
}

/** D3's record of one session; R6 for who is who. */
export function recordOf(glance: GlanceService, session: GlanceSession): CrrSession {
  const iso = (ms: number | undefined) => (ms === undefined ? null : isoTime(ms));
  const account = glance.account(session.address);
  const user = session.host ?? { name: account?.displayName ?? '', email: account?.email ?? '' };
  const guestLegs: CrrLeg[] = session.guests.map((g) => ({
    type: 'guest',
    participant_type: 'visitor',
    started_at: isoTime(g.joinedAt),
    ended_at: iso(g.leftAt),
    extra: { name: g.name, email: g.email, phone: g.phone },
  }));
  const legs: CrrLeg[] =
    session.startedBy === 'visitor'
      ? [
          // The documented example: a cobrowse session's host is the visitor; agents join it.
          {
            type: 'host',
            participant_type: 'visitor',
            started_at: isoTime(session.startedAt),
            ended_at: iso(session.endedAt),
            extra: {},
          },
          ...session.agents.map((a) => ({
            type: 'guest',
            participant_type: AGENT_PARTICIPANT,
            started_at: isoTime(a.joinedAt),
            ended_at: iso(session.endedAt),
            extra: { name: a.name, email: a.email },
          })),
        ]
      : [
          {
            type: 'host',
            participant_type: AGENT_PARTICIPANT,
            started_at: isoTime(session.startedAt),
            ended_at: iso(session.endedAt),
            extra: { name: user.name, email: user.email },
          },
          ...guestLegs,
        ];
  return {
    id: session.sessionId,
    key: session.key,
    status: session.status === 'C' ? 'completed' : 'ended',
    started_at: isoTime(session.startedAt),
    ended_at: isoTime(session.endedAt ?? session.startedAt),
    extra: {},
    channels: [{ type: CHANNEL_TYPE[session.sessionType], id: session.sessionId, key: session.key, legs }],
  };
}

export interface ElsewhereSession {
  address: string;
  key?: string;
  host?: { name: string; email: string };
  startedAt: string;
  endedAt: string;
  status?: SessionStatusLetter;
  sessionType?: SessionType;
  guests?: { name: string; email?: string; phone?: string; joinedAt?: string; leftAt?: string }[];
}

/** A session the group ran outside Salesforce (Glance's own pages, another integration), already over. */
export function addElsewhere(glance: GlanceService, input: ElsewhereSession): GlanceSession | string {
  const account = glance.account(input.address);
  if (!account) return `no Glance user ${input.address}`;
  const startedAt = Date.parse(input.startedAt);
  const endedAt = Date.parse(input.endedAt);
  if (!Number.isFinite(startedAt) || !Number.isFinite(endedAt) || endedAt < startedAt) return 'bad start or end';
  const session = glance.open(
    account.address,
    input.key ?? '',
    input.sessionType ?? SESSION_TYPE.screenShare,
    'elsewhere',
  );
  session.startedAt = startedAt;
  if (input.host) session.host = input.host;
  for (const guest of input.guests ?? []) {
    const joinedAt = guest.joinedAt ? Date.parse(guest.joinedAt) : startedAt;
    session.guests.push({
      name: guest.name,
      email: guest.email ?? '',
      phone: guest.phone ?? '',
      joinedAt,
      leftAt: guest.leftAt ? Date.parse(guest.leftAt) : endedAt,
    });
  }
  glance.finish(session, input.status ?? 'C', endedAt, 'host');
  return session;
}
