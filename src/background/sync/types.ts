// What the sync keeps in storage (storage/items.ts reads it).
import type { SyncSchedule } from '../../shared/glance-sync.js';
import type { SyncProblem } from '../../shared/protocol/index.js';

export { SYNC_SCHEDULES, type SyncSchedule } from '../../shared/glance-sync.js';
export type { SyncProblem } from '../../shared/protocol/index.js';

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
