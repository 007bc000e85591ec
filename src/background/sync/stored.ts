// The sync's stored items (storage/items.ts declares them) read back: whatever storage holds is
// checked, so a damaged or older value reads as "not set up" or "nothing synced yet".
import type { SyncProblem } from '../../shared/protocol/index.js';
import { SYNC_SCHEDULES, type SyncConfig, type SyncSchedule, type SyncState } from './types.js';

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
