// Reading and changing the outbox and the session logs, one writer at a time.
import { Lock } from '../lock.js';
import type { StoragePorts } from '../settings/storage.js';
import { OUTBOX_KEY, type OutboxJob, SESSION_LOGS_KEY, type SessionLog } from './types.js';

const lock = new Lock();

export function emptyLog(): SessionLog {
  return { state: 'pending', error: '', leads: {} };
}

export async function readJobs(ports: StoragePorts): Promise<OutboxJob[]> {
  const jobs = await ports.readLocal(OUTBOX_KEY);
  return Array.isArray(jobs) ? (jobs as OutboxJob[]) : [];
}

export async function readLogs(ports: StoragePorts): Promise<Record<string, SessionLog>> {
  const logs = await ports.readLocal(SESSION_LOGS_KEY);
  return typeof logs === 'object' && logs !== null ? (logs as Record<string, SessionLog>) : {};
}

export async function readLog(ports: StoragePorts, sessionId: string): Promise<SessionLog> {
  return (await readLogs(ports))[sessionId] ?? emptyLog();
}

export function changeJobs(ports: StoragePorts, change: (jobs: OutboxJob[]) => OutboxJob[]): Promise<void> {
  return lock.run(async () => ports.writeLocal(OUTBOX_KEY, change(await readJobs(ports))));
}

export function changeLog(
  ports: StoragePorts,
  sessionId: string,
  change: (log: SessionLog) => SessionLog,
): Promise<SessionLog> {
  return lock.run(async () => {
    const logs = await readLogs(ports);
    const next = change(logs[sessionId] ?? emptyLog());
    // Keep the logs of the last 50 sessions: enough to finish any queued write.
    const kept = Object.entries({ ...logs, [sessionId]: next }).slice(-50);
    await ports.writeLocal(SESSION_LOGS_KEY, Object.fromEntries(kept));
    return next;
  });
}
