// The Company Settings tab's "Sync sessions from Glance": the administrator's reporting credentials
// (kept in this browser only, storage.local locked to the extension: items.ts), the schedule, and
// the status (the last run, what the synced writes did, what waits).
import { SYNC_PERIOD_MINUTES, type SyncSettingsInput, type SyncView } from '../../shared/glance-sync.js';
import type { SyncProblem } from '../../shared/protocol/index.js';
import { apiHostFor } from '../../shared/salesforce-url.js';
import { readQueue } from '../outbox/store.js';
import { syncConfigItem, syncStateItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';
import type { SyncConfig } from '../storage/sync-shapes.js';
import { RecordsError, recordsToken } from './glance-records.js';

interface SyncSettingsPorts extends StoragePorts {
  fetch: typeof fetch;
  now(): number;
  mayKeepSecrets(): Promise<boolean>;
  setSyncAlarm(periodInMinutes: number | undefined): Promise<void>;
  glanceTimeoutMs?: number;
}

const periodOf = (config: SyncConfig | undefined) =>
  config && config.schedule !== 'never' ? SYNC_PERIOD_MINUTES[config.schedule] : undefined;

/** The alarm as the saved schedule wants it (at every worker start: an alarm may not survive a browser restart). */
export async function keepSyncScheduled(ports: SyncSettingsPorts): Promise<void> {
  await ports.setSyncAlarm(periodOf(await syncConfigItem.read(ports)));
}

/**
 * Saves the sync's credentials once Glance accepted them (one sign-in to the records service). A
 * blank password or API key keeps the saved one, so the page never needs to read them back.
 */
export async function saveSync(
  input: SyncSettingsInput,
  ports: SyncSettingsPorts,
): Promise<{ ok: true; view: SyncView } | { ok: false; problem: SyncProblem }> {
  const saved = await syncConfigItem.read(ports);
  let host = '';
  try {
    host = input.pageUrl ? (apiHostFor(new URL(input.pageUrl).hostname) ?? '') : '';
  } catch {
    host = '';
  }
  const apiHost = host || saved?.apiHost || '';
  if (!apiHost) return { ok: false, problem: 'no-org' };
  if (!(await ports.mayKeepSecrets())) return { ok: false, problem: 'browser-too-old' };
  const config: SyncConfig = {
    username: input.username.trim(),
    password: input.password || saved?.password || '',
    partnerId: input.partnerId,
    apiKey: input.apiKey.trim() || saved?.apiKey || '',
    apiHost,
    schedule: input.schedule,
  };
  try {
    await recordsToken(ports.fetch, config, ports.glanceTimeoutMs);
  } catch (error) {
    if (error instanceof RecordsError) return { ok: false, problem: error.problem };
    throw error;
  }
  await syncConfigItem.write(ports, config);
  await ports.setSyncAlarm(periodOf(config));
  return { ok: true, view: await syncView(ports) };
}

/** Stops syncing and forgets the credentials (the queued writes still go). */
export async function forgetSync(ports: SyncSettingsPorts): Promise<SyncView> {
  await syncConfigItem.remove(ports);
  await ports.setSyncAlarm(undefined);
  return syncView(ports);
}

export async function syncView(ports: StoragePorts & { now(): number }): Promise<SyncView> {
  const [config, state, queue] = await Promise.all([
    syncConfigItem.read(ports),
    syncStateItem.read(ports),
    readQueue(ports),
  ]);
  const waitingJobs = queue.jobs.filter((j) => j.kind === 'sync-sessions');
  const written = { filled: 0, logged: 0, leads: 0, noUser: 0 };
  for (const log of Object.values(queue.logs)) {
    if (!log.sync) continue;
    written.filled += log.sync.filled;
    written.logged += log.sync.logged;
    written.leads += log.sync.leads;
    written.noUser += log.sync.noUser;
  }
  const first = waitingJobs[0];
  const paused = first && queue.orgs[first.apiHost]?.paused;
  return {
    configured: !!config,
    username: config?.username ?? '',
    partnerId: config?.partnerId ?? null,
    schedule: config?.schedule ?? 'never',
    apiHost: config?.apiHost ?? '',
    ...(state.last ? { last: state.last } : {}),
    waiting: {
      sessions: waitingJobs.reduce((n, j) => n + (j.kind === 'sync-sessions' ? j.sessions.length : 0), 0),
      problem: (paused && paused.until > ports.now() ? paused.problem : first?.problem) ?? '',
    },
    written,
  };
}
