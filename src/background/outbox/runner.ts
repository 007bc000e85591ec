// Works through the outbox until every Salesforce write has landed. The rep's clicks never wait for
// this: it runs after the answer, again on an alarm, and again when the Salesforce cookie changes.
import { SalesforceClient, type SalesforceClientPorts } from '../salesforce/client.js';
import { SalesforceError } from '../salesforce/errors.js';
import type { StoragePorts } from '../settings/storage.js';
import { guestLead, logEnd, logStart } from './jobs.js';
import { changeJobs, changeLog, readJobs, readLogs } from './store.js';
import type { OutboxJob, SessionLog } from './types.js';

export interface OutboxPorts extends SalesforceClientPorts, StoragePorts {
  now(): number;
  /** Wakes the outbox at this time (an alarm survives the worker being stopped). */
  wakeOutboxAt(time: number): Promise<void>;
  /** Called after a session's Salesforce state changed, so the panel can show it. */
  onLogChanged(sessionId: string): Promise<void>;
  /** Salesforce refused the session cookie of this host (expired, logged out elsewhere). */
  onSessionRejected(apiHost: string): Promise<void>;
}

/** Seconds to wait after the n-th failure: quick at first, then at most every five minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(300, 5 * 3 ** Math.max(0, attempts - 1)) * 1000;
}

let running: Promise<void> | undefined;
/** Set when asked to run while running: a job queued during the last pass must not wait for an alarm. */
let again = false;

/** Runs the outbox unless it already runs; resolves when this run has nothing more to do now. */
export function runOutbox(ports: OutboxPorts): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await drain(ports);
    } while (again);
  })().finally(() => {
    running = undefined;
  });
  return running;
}

type Step = { job: OutboxJob; log: SessionLog } | { drop: OutboxJob } | undefined;

function nextStep(jobs: OutboxJob[], logs: Record<string, SessionLog>, now: number): Step {
  for (const job of jobs) {
    if (job.notBefore > now) continue;
    const log = logs[job.sessionId] ?? { state: 'pending', error: '', leads: {} };
    if (job.kind === 'log-end' && !log.eventId) {
      if (log.startFailed) return { drop: job };
      continue; // waits for its session's Event to exist
    }
    return { job, log };
  }
  return undefined;
}

async function drain(ports: OutboxPorts): Promise<void> {
  for (;;) {
    const jobs = await readJobs(ports);
    const step = nextStep(jobs, await readLogs(ports), ports.now());
    if (!step) {
      const waiting = jobs.map((j) => j.notBefore).filter((t) => t > ports.now());
      if (waiting.length > 0) await ports.wakeOutboxAt(Math.min(...waiting));
      return;
    }
    if ('drop' in step) {
      await changeJobs(ports, (all) => all.filter((j) => j.id !== step.drop.id));
      continue;
    }
    const { job, log } = step;
    const client = new SalesforceClient(job.apiHost, ports);
    try {
      const change =
        job.kind === 'log-start'
          ? await logStart(client, job)
          : job.kind === 'log-end'
            ? await logEnd(client, job, log)
            : await guestLead(client, job);
      await changeLog(ports, job.sessionId, change);
      await changeJobs(ports, (all) => all.filter((j) => j.id !== job.id));
      await ports.onLogChanged(job.sessionId);
    } catch (error) {
      if (!(error instanceof SalesforceError)) throw error;
      const stop = await recordFailure(ports, job, error);
      if (stop) return;
    }
  }
}

/** Decides what a failure means for the job; true when the outbox should stop for now. */
async function recordFailure(ports: OutboxPorts, job: OutboxJob, error: SalesforceError): Promise<boolean> {
  const permanent = error.failure === 'request' || error.failure === 'api-disabled';
  if (permanent) {
    // Salesforce refused this write for good (validation, permissions): retrying cannot help.
    await changeJobs(ports, (all) => all.filter((j) => j.id !== job.id));
    if (job.kind !== 'guest-lead') {
      await changeLog(ports, job.sessionId, (log) => ({
        ...log,
        state: 'failed',
        error: error.errors[0]?.message ?? error.message,
        startFailed: log.startFailed || job.kind === 'log-start',
      }));
      await ports.onLogChanged(job.sessionId);
    }
    return false;
  }
  const retryAt = ports.now() + backoffMs(job.attempts + 1);
  await changeJobs(ports, (all) =>
    all.map((j) =>
      j.id === job.id
        ? {
            ...j,
            attempts: j.attempts + 1,
            notBefore: retryAt,
            uncertain: j.uncertain || error.failure === 'unavailable',
          }
        : j,
    ),
  );
  if (error.failure === 'session') {
    await ports.onSessionRejected(job.apiHost);
    await changeLog(ports, job.sessionId, (log) => ({ ...log, state: 'login-needed' }));
    await ports.onLogChanged(job.sessionId);
  }
  await ports.wakeOutboxAt(retryAt);
  return true;
}

export async function enqueue(ports: OutboxPorts, job: OutboxJob): Promise<void> {
  await changeJobs(ports, (all) => [...all, job]);
}

/** Makes every waiting job due now: the user just logged in to Salesforce again. */
export async function retryNow(ports: OutboxPorts): Promise<void> {
  await changeJobs(ports, (all) => all.map((j) => ({ ...j, notBefore: Math.min(j.notBefore, ports.now()) })));
  await runOutbox(ports);
}
