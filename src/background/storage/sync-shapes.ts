// What the sync of Glance's session records (src/background/sync) keeps in storage, and how it is read
// back: whatever storage holds is checked, so a damaged or older value reads as "not set up" or
// "nothing synced yet". Declared here, below the sync, because storage/items.ts declares every item.
import { SYNC_SCHEDULES, type SyncSchedule } from '../../shared/glance-sync.js';
import type { SyncProblem } from '../../shared/protocol/index.js';

export interface SyncConfig {
  username: string;
  password: string;
  partnerId: number;
  apiKey: string;
  /** The org's API host the sync writes to. */
  apiHost: string;
  schedule: SyncSchedule;
}

export interface SyncState {
  /** The window and page being read; persisted only after the page's jobs are queued. */
  cursor?: { start: string; end: string; pageId: number };
  /** The end of the last window read to its last page. */
  doneUntil?: string;
  /** Glance session id → its end (ms): queued already, so a window read again queues it no more. */
  seen: Record<string, number>;
  last?: { at: number; found: number; queued: number; finished: boolean; problem?: SyncProblem };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const number = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

export function readSyncConfig(raw: unknown): SyncConfig | undefined {
  if (
    !isObject(raw) ||
    typeof raw.username !== 'string' ||
    typeof raw.password !== 'string' ||
    typeof raw.apiKey !== 'string' ||
    typeof raw.apiHost !== 'string' ||
    !Number.isSafeInteger(raw.partnerId)
  )
    return undefined;
  return {
    username: raw.username,
    password: raw.password,
    partnerId: raw.partnerId as number,
    apiKey: raw.apiKey,
    apiHost: raw.apiHost,
    schedule: SYNC_SCHEDULES.includes(raw.schedule as SyncSchedule) ? (raw.schedule as SyncSchedule) : 'never',
  };
}

export function readSyncState(raw: unknown): SyncState {
  if (!isObject(raw)) return { seen: {} };
  const cursor = isObject(raw.cursor) ? raw.cursor : undefined;
  const last = isObject(raw.last) ? raw.last : undefined;
  return {
    ...(cursor && typeof cursor.start === 'string' && typeof cursor.end === 'string'
      ? { cursor: { start: cursor.start, end: cursor.end, pageId: number(cursor.pageId) } }
      : {}),
    ...(typeof raw.doneUntil === 'string' ? { doneUntil: raw.doneUntil } : {}),
    seen: isObject(raw.seen)
      ? Object.fromEntries(Object.entries(raw.seen).filter((e): e is [string, number] => typeof e[1] === 'number'))
      : {},
    ...(last
      ? {
          last: {
            at: number(last.at),
            found: number(last.found),
            queued: number(last.queued),
            finished: last.finished === true,
            ...(typeof last.problem === 'string' ? { problem: last.problem as SyncProblem } : {}),
          },
        }
      : {}),
  };
}
