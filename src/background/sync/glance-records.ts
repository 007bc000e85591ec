// The client of Glance's session-records service (crr.ts): a token per run, then pages. Only
// cloud.glance.net ever sees the reporting credentials; they appear in no error or log.
import type { SyncProblem } from '../../shared/protocol/index.js';
import {
  CRR_AUTH_PATH,
  CRR_CHANNEL_BATCH,
  CRR_ERROR,
  CRR_ORIGIN,
  CRR_SESSIONS_PATH,
  type CrrEndpoint,
  type CrrPage,
  type CrrQuery,
} from './crr.js';

export class RecordsError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(`Glance's session records: ${problem}`);
  }
}

const TIMEOUT_MS = 30_000;

async function post(
  fetcher: typeof fetch,
  path: string,
  body: unknown,
  timeoutMs: number,
  token?: string,
): Promise<unknown> {
  let answer: Response;
  try {
    answer = await fetcher(`${CRR_ORIGIN}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      // The credentials go to this origin only: a redirect elsewhere is refused, not followed.
      redirect: 'error',
      credentials: 'omit',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw new RecordsError('glance-unavailable');
  }
  const json = (await answer.json().catch(() => undefined)) as { error?: unknown } | undefined;
  if (answer.ok && json) return json;
  // R1–R3: which credential Glance refused decides what the admin is asked to fix.
  if (answer.status === 401 && json?.error === CRR_ERROR.credentials) throw new RecordsError('glance-credentials');
  if (answer.status === 403) throw new RecordsError('glance-key');
  throw new RecordsError('glance-unavailable');
}

/** D1: a token for this run. */
export async function recordsToken(
  fetcher: typeof fetch,
  credentials: { username: string; password: string },
  timeoutMs = TIMEOUT_MS,
): Promise<string> {
  const answer = (await post(fetcher, CRR_AUTH_PATH, credentials, timeoutMs)) as { access_token?: unknown };
  if (typeof answer.access_token !== 'string' || !answer.access_token) throw new RecordsError('glance-unavailable');
  return answer.access_token;
}

/** D2/D3: one page of the window. */
export async function recordsPage(
  fetcher: typeof fetch,
  token: string,
  query: Omit<CrrQuery, 'channelBatchSize'>,
  endpoint: CrrEndpoint = 'completed',
  timeoutMs = TIMEOUT_MS,
): Promise<CrrPage> {
  const answer = (await post(
    fetcher,
    CRR_SESSIONS_PATH[endpoint],
    { ...query, channelBatchSize: CRR_CHANNEL_BATCH },
    timeoutMs,
    token,
  )) as Partial<CrrPage>;
  const next = answer.nextPageId;
  return {
    nextPageId: typeof next === 'number' && Number.isSafeInteger(next) ? next : null,
    sessions: Array.isArray(answer.sessions) ? answer.sessions : [],
  };
}
