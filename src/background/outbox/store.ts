// The queue's state (jobs, per-session logs, per-org state) is read and changed as one, by one
// writer at a time, and written in one storage write: a log update and the job removal that goes
// with it land together or not at all.
import { Lock } from '../lock.js';
import { entry, writeTogether } from '../storage/define-item.js';
import { orgStatesItem, outboxItem, sessionLogsItem } from '../storage/items.js';
import type { OrgState, OutboxJob, SessionLog } from '../storage/outbox-shapes.js';
import type { StoragePorts } from '../storage/ports.js';

export interface QueueState {
  jobs: OutboxJob[];
  logs: Record<string, SessionLog>;
  orgs: Record<string, OrgState>;
}

const lock = new Lock();
/** Keep the logs of the last 50 sessions, and every log a queued job still needs. */
const KEEP_LOGS = 50;

export function emptyLog(): SessionLog {
  return { state: 'pending', error: '', leads: {} };
}

export async function readQueue(ports: StoragePorts): Promise<QueueState> {
  const [jobs, logs, orgs] = await Promise.all([
    outboxItem.read(ports),
    sessionLogsItem.read(ports),
    orgStatesItem.read(ports),
  ]);
  return { jobs, logs, orgs };
}

export async function readLog(ports: StoragePorts, sessionId: string): Promise<SessionLog> {
  return (await sessionLogsItem.read(ports))[sessionId] ?? emptyLog();
}

/**
 * Changes the queue's state in place inside `change`. What changed is written in one storage write;
 * nothing is written when nothing changed (an idle pass costs no write, and a pass that only looked
 * never writes back a state read before someone else's write).
 */
export function changeQueue<T>(ports: StoragePorts, change: (state: QueueState) => T): Promise<T> {
  return lock.run(async () => {
    const state = await readQueue(ports);
    const before = snapshot(state);
    const result = change(state);
    const needed = new Set(state.jobs.map((j) => j.activityId));
    const ids = Object.keys(state.logs);
    const keep = new Set([...ids.slice(-KEEP_LOGS), ...ids.filter((id) => needed.has(id))]);
    state.logs = Object.fromEntries(Object.entries(state.logs).filter(([id]) => keep.has(id)));
    const after = snapshot(state);
    const changed = [
      ...(after.jobs !== before.jobs ? [entry(outboxItem, state.jobs)] : []),
      ...(after.logs !== before.logs ? [entry(sessionLogsItem, state.logs)] : []),
      ...(after.orgs !== before.orgs ? [entry(orgStatesItem, state.orgs)] : []),
    ];
    if (changed.length > 0) await writeTogether(ports, changed);
    return result;
  });
}

const snapshot = (state: QueueState) => ({
  jobs: JSON.stringify(state.jobs),
  logs: JSON.stringify(state.logs),
  orgs: JSON.stringify(state.orgs),
});
