/**
 * Glance's session-records service (Customer Records Retriever, "CRR"), as the extension's sync and
 * the sandbox's emulator both read it: one module, so the two cannot drift apart (as assumptions.ts
 * is for the web services). Pure data and pure helpers: it loads in the worker, in Node and in tests.
 *
 * D = documented at help.glance.cx/webservices/crr/ (also help.glance.net/integrations/webservices/crr/):
 * D1  POST https://cloud.glance.net/api/auth/service, JSON {username, password} (credentials from
 *     the company's Glance representative) → {access_token} (a JWT).
 * D2  POST https://cloud.glance.net/api/crr/sessions/completed (sessions with a clean close) or
 *     …/sessions/ended (those and the ones without a clean close, such as time-outs); JSON body
 *     {partnerId, apiKey, startDate, endDate, pageId, channelBatchSize}; header Authorization:
 *     Bearer <access_token>. partnerId is the Glance group id; the apiKey is the group's, set by an
 *     administrator in My Account › Settings (help.glance.net …/webservices_conventions/).
 * D3  200 → {nextPageId, sessions: [{id, key, status, started_at, ended_at, extra, channels: [{type,
 *     id, key, legs: [{type, participant_type, started_at, ended_at, extra: {name, email, phone}}]}]}]}.
 * D4  Dates in ISO 8601; "Date values are returned in UTC" (webservices conventions).
 *
 * A = assumed (no public page shows it); the emulator follows these and the client copes with them:
 * R1  Wrong username or password: 401 with JSON {"error": "invalid_credentials", "message": …}.
 * R2  A missing, malformed or expired token: 401 {"error": "invalid_token", "message": …}; a token
 *     lives 60 minutes (the sync asks for a new one each run, so the lifetime never matters).
 * R3  A partnerId/apiKey pair that does not match (another group's, a reset key): 403
 *     {"error": "forbidden", "message": …}; a body without them or with bad dates: 400
 *     {"error": "invalid_request", "message": …}.
 * R4  The window is half-open [startDate, endDate) on a session's ended_at (records exist once a
 *     session ended). The sync overlaps its windows by a day (sync/run.ts), so a window on started_at
 *     would lose nothing either.
 * R5  A page holds up to 25 sessions, oldest end first; the last page answers nextPageId null (the
 *     client also stops on a missing nextPageId or one equal to the page it asked for).
 * R6  The Glance user who ran a session is its leg with participant_type "agent"; that leg's extra
 *     carries the user's name and e-mail. Customers' legs are participant_type "visitor" (the
 *     documented example's cobrowse host is a visitor). Channel types: "screenshare", "cobrowse",
 *     "video".
 */

export const CRR_ORIGIN = 'https://cloud.glance.net';
export const CRR_AUTH_PATH = '/api/auth/service';
export const CRR_SESSIONS_PATH = {
  completed: '/api/crr/sessions/completed',
  ended: '/api/crr/sessions/ended',
} as const;
export type CrrEndpoint = keyof typeof CRR_SESSIONS_PATH;

/** R5: a page's size; the channelBatchSize the sync asks for (D2's example). */
export const CRR_PAGE_SIZE = 25;
export const CRR_CHANNEL_BATCH = 1000;

/** R1–R3: the error codes the emulator answers and the client tells apart. */
export const CRR_ERROR = {
  credentials: 'invalid_credentials',
  token: 'invalid_token',
  forbidden: 'forbidden',
  request: 'invalid_request',
} as const;

export interface CrrLeg {
  type: string;
  participant_type: string;
  started_at: string;
  ended_at: string | null;
  extra?: { name?: string; email?: string; phone?: string };
}

interface CrrChannel {
  type: string;
  id?: string;
  key?: string;
  legs: CrrLeg[];
}

export interface CrrSession {
  id: string;
  key: string;
  status: string;
  started_at: string;
  ended_at: string;
  extra?: Record<string, unknown>;
  channels: CrrChannel[];
}

export interface CrrPage {
  nextPageId: number | null;
  sessions: CrrSession[];
}

export interface CrrQuery {
  partnerId: number;
  apiKey: string;
  startDate: string;
  endDate: string;
  pageId: number;
  channelBatchSize: number;
}

/** R6: the participant type of the Glance user's own leg. */
export const AGENT_PARTICIPANT = 'agent';
