// One sync run: Glance's completed sessions since the last window (overlapping it by a day), page by
// page, each page's sessions queued as sync jobs (outbox/jobs/sync-sessions.ts) BEFORE the cursor
// moves past the page. A run stopped anywhere (worker stopped, connection cut) starts again from the
// last page whose jobs are queued; a page read twice queues nothing twice (`seen`, and the queued
// jobs' own ids), and a job that did run twice writes nothing twice (it looks first).
import { readPolicy } from '../../shared/settings.js';
import { Lock } from '../lock.js';
import { SYNC_BATCH } from '../outbox/jobs.js';
import { enqueue, type OutboxPorts, runOutbox } from '../outbox/runner.js';
import { readQueue } from '../outbox/store.js';
import { syncConfigItem, syncStateItem } from '../storage/items.js';
import type { SyncedSession } from '../storage/outbox-shapes.js';
import { freshPolicy } from '../storage/policy.js';
import type { SyncState } from '../storage/sync-shapes.js';
import { RecordsError, recordsPage, recordsToken } from './glance-records.js';
import { syncedSession } from './synced-session.js';

const DAY = 24 * 60 * 60 * 1000;
/** Each window starts a day before the last one ended: a session listed late (R4) is still read. */
const OVERLAP_MS = DAY;
/** The first sync reaches back a week. */
const FIRST_SYNC_MS = 7 * DAY;
/** Pages one run reads at most; the next run goes on from the cursor. */
const MAX_PAGES = 200;

const lock = new Lock();

interface SyncPorts extends OutboxPorts {
  glanceTimeoutMs?: number;
}

const syncJobId = (batch: SyncedSession[]) => `glance-sync-${batch[0]?.glanceId ?? ''}`;

/** Runs a sync now if one is set up; resolves when its jobs are queued (and the queue has run). */
export function runSync(ports: SyncPorts): Promise<void> {
  return lock.run(() => syncOnce(ports));
}

async function syncOnce(ports: SyncPorts): Promise<void> {
  const config = await syncConfigItem.read(ports);
  if (!config) return;
  const state = await syncStateItem.read(ports);
  const now = ports.now();
  if (!state.cursor) {
    const since = state.doneUntil ? Date.parse(state.doneUntil) : now - FIRST_SYNC_MS;
    state.cursor = { start: new Date(since - OVERLAP_MS).toISOString(), end: new Date(now).toISOString(), pageId: 0 };
  }
  const cursor = state.cursor;
  const last: NonNullable<SyncState['last']> = { at: now, found: 0, queued: 0, finished: false };
  const save = () => syncStateItem.write(ports, { ...state, last });
  const policy = readPolicy(await freshPolicy(ports));
  try {
    const token = await recordsToken(ports.fetch, config, ports.glanceTimeoutMs);
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await recordsPage(
        ports.fetch,
        token,
        {
          partnerId: config.partnerId,
          apiKey: config.apiKey,
          startDate: cursor.start,
          endDate: cursor.end,
          pageId: cursor.pageId,
        },
        'completed',
        ports.glanceTimeoutMs,
      );
      const queuedIds = new Set(
        (await readQueue(ports)).jobs.flatMap((j) =>
          j.kind === 'sync-sessions' ? j.sessions.map((s) => s.glanceId) : [],
        ),
      );
      const fresh = page.sessions
        .map(syncedSession)
        .filter((s): s is SyncedSession => !!s && state.seen[s.glanceId] === undefined && !queuedIds.has(s.glanceId));
      for (let i = 0; i < fresh.length; i += SYNC_BATCH) {
        const batch = fresh.slice(i, i + SYNC_BATCH);
        await enqueue(ports, {
          id: syncJobId(batch),
          kind: 'sync-sessions',
          activityId: syncJobId(batch),
          apiHost: config.apiHost,
          sessions: batch,
          leadLevel: policy.maxLeadCreation,
        });
      }
      last.found += page.sessions.length;
      last.queued += fresh.length;
      for (const s of fresh) state.seen[s.glanceId] = Date.parse(s.endedAt);
      // Only now, with the page's jobs in the queue, does the cursor move past it.
      const next = page.nextPageId;
      if (next === null || next === cursor.pageId) {
        state.doneUntil = cursor.end;
        state.cursor = undefined;
        last.finished = true;
        // What no later window can list again is forgotten.
        const keepFrom = Date.parse(cursor.end) - OVERLAP_MS - DAY;
        state.seen = Object.fromEntries(Object.entries(state.seen).filter(([, ended]) => ended >= keepFrom));
        await save();
        break;
      }
      cursor.pageId = next;
      await save();
    }
  } catch (error) {
    if (!(error instanceof RecordsError)) throw error;
    last.problem = error.problem;
    await save();
  }
  await runOutbox(ports);
}
