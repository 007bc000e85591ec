// Works through the queue until every Salesforce write has landed. The rep's clicks never wait for
// this: it runs after the answer, again on an alarm, and again when an org's session cookie changes.
// Each org is its own queue: a daily limit, an expired session or a blocked API in one org pauses
// that org only (a login missing in one cookie store holds only that store's writes: pauses.ts). Every failure has a defined outcome (classify.ts) and nothing is dropped silently,
// except what the company policy no longer allows when it is sent (policy.ts).

import type { SalesforceProblem } from '../../shared/protocol/index.js';
import { type ApiUsage, SalesforceClient, type SalesforceClientPorts } from '../../shared/salesforce/client.js';
import { SalesforceError } from '../../shared/salesforce/errors.js';
import { forgetStatus, type StatusPorts, salesforceStatus } from '../../shared/salesforce/status.js';
import { readPolicy } from '../../shared/settings.js';
import type { Author, OutboxJob } from '../storage/outbox-shapes.js';
import { freshPolicy, type PolicyPorts } from '../storage/policy.js';
import type { StoragePorts } from '../storage/ports.js';
import { guestLead, logEnd, logStart, meetingStart, type Progress, syncSessions, wrapUp } from './jobs.js';
import { currentHost, moveOrg } from './moved.js';
import { failedJob, pauseOrg, settleStates } from './outcome.js';
import { pauseOf, pausesOrg } from './pauses.js';
import { withinPolicy } from './policy.js';
import { changeQueue, emptyLog, type QueueState, readQueue } from './store.js';

export interface OutboxPorts extends SalesforceClientPorts, PolicyPorts, StatusPorts {
  now(): number;
  /** Wakes the outbox at this time (an alarm survives the worker being stopped); undefined: never. */
  wakeOutboxAt(time: number | undefined): Promise<void>;
  /** Called after a session's Salesforce state changed, so panels and the popup can show it. */
  onLogChanged(sessionId: string): Promise<void>;
  /** Salesforce refused the session cookie of this host in this store (expired, logged out, not for the API). */
  onSessionRejected(apiHost: string, storeId?: string): Promise<void>;
}

const SECOND = 1000;
const HOUR = 60 * 60 * SECOND;
/** After a storage error, try again this much later. */
const STORAGE_RETRY_MS = 30 * SECOND;

export { backoffMs, PAUSE_MS } from './outcome.js';

/** Answers about the session itself: its cached status is forgotten, so the toolbar asks again. */
const REJECTED_SESSION = new Set<SalesforceProblem>(['session-expired', 'api-blocked', 'session-not-for-api']);

/** The org loops now running, by API host; a host asked to run again while running is in `again`. */
const orgRuns = new Map<string, Promise<void>>();
const again = new Set<string>();

const warn = (error: unknown) =>
  console.warn('Glance for Salesforce: the Salesforce queue stopped and will try again', error);

/**
 * Runs every org's queue that is not already running, each on its own (one org's hanging call or
 * failures never hold another's writes); resolves when they have nothing more to do now.
 */
export async function runOutbox(ports: OutboxPorts): Promise<void> {
  let hosts: string[];
  try {
    hosts = [...new Set((await readQueue(ports)).jobs.map((j) => j.apiHost))];
  } catch (error) {
    // Storage refused (quota, shutdown): never an unhandled rejection; try again later.
    warn(error);
    await ports.wakeOutboxAt(ports.now() + STORAGE_RETRY_MS).catch(() => undefined);
    return;
  }
  await Promise.all(hosts.map((host) => runOrg(ports, host)));
}

function runOrg(ports: OutboxPorts, apiHost: string): Promise<void> {
  const running = orgRuns.get(apiHost);
  if (running) {
    // A job queued during this pass must not wait for an alarm.
    again.add(apiHost);
    return running;
  }
  const run = loopOrg(ports, apiHost);
  orgRuns.set(apiHost, run);
  return run;
}

async function loopOrg(ports: OutboxPorts, apiHost: string): Promise<void> {
  try {
    do {
      again.delete(apiHost);
      await drainOrg(ports, apiHost);
      // One alarm for the whole queue: the earliest time any waiting job of any org is due.
      // Nothing waits on time: the alarm is cleared, so an idle queue never wakes the worker.
      await ports.wakeOutboxAt(nextWake(await readQueue(ports), ports.now()));
      // Checked after the last await, and the run forgotten in the same turn: no request is missed.
    } while (again.has(apiHost));
  } catch (error) {
    warn(error);
    await ports.wakeOutboxAt(ports.now() + STORAGE_RETRY_MS).catch(() => undefined);
  } finally {
    orgRuns.delete(apiHost);
  }
}

/** The next job to send: due, not waiting for the rep, its org not paused, its session's start done first. */
function nextJob(state: QueueState, now: number, apiHost: string): OutboxJob | undefined {
  for (const job of state.jobs) {
    if (job.apiHost !== apiHost || job.attention || job.notBefore > now || pauseOf(state.orgs, job, now)) continue;
    if (
      job.kind === 'log-end' &&
      state.jobs.some((j) => (j.kind === 'log-start' || j.kind === 'meeting-start') && j.activityId === job.activityId)
    )
      continue; // the end updates the Event the start creates
    if (
      job.kind === 'wrap-up' &&
      state.jobs.some(
        (j) =>
          (j.kind === 'log-start' || j.kind === 'meeting-start' || j.kind === 'log-end') &&
          j.activityId === job.activityId,
      )
    )
      continue; // the wrap-up updates the Event the start creates, after the end's update (which it extends)
    if (
      job.kind === 'update-meeting' &&
      state.jobs.some((j) => j.kind === 'schedule-meeting' && j.activityId === job.activityId)
    )
      continue; // a reschedule or cancellation updates the Event the meeting's own write creates
    if (job.kind === 'meeting-start' && state.jobs.some((j) => j.activityId === job.meetingId)) continue;
    return job;
  }
  return undefined;
}

/** When the queue has something to do next (undefined: nothing waits on time). */
export function nextWake(state: QueueState, now: number): number | undefined {
  const times = state.jobs
    .filter((j) => !j.attention)
    .map((j) => Math.max(j.notBefore, pauseOf(state.orgs, j, now)?.until ?? 0))
    .filter((t) => t > now);
  return times.length > 0 ? Math.min(...times) : undefined;
}

async function drainOrg(ports: OutboxPorts, apiHost: string): Promise<void> {
  for (;;) {
    const now = ports.now();
    // Mark the chosen job in flight before sending (so an interruption takes the look-up path).
    const job = await changeQueue(ports, (state) => {
      dropOrphans(state);
      const next = nextJob(state, now, apiHost);
      // The first send's time, kept once: a job already in flight (kept from before it was recorded) may
      // have landed earlier, so it gets none rather than a later one.
      if (!next) return undefined;
      const firstSentAt = next.firstSentAt ?? (next.inFlight ? undefined : now);
      state.jobs = state.jobs.map((j) => (j.id === next.id ? { ...j, inFlight: true, firstSentAt } : j));
      // Sent as it was (in flight or not: that says whether to look first), with its first send's time.
      return { ...next, firstSentAt };
    });
    if (!job) return;
    // After a failure the org waits (its backoff or pause); its other writes would likely fail too.
    if (await attempt(ports, job)) return;
  }
}

/** An end whose start was discarded has no Event to update: it goes with it, and the log says so. */
function dropOrphans(state: QueueState): void {
  state.jobs = state.jobs.filter(
    (j) =>
      !(
        (j.kind === 'log-end' || j.kind === 'update-meeting' || j.kind === 'wrap-up') &&
        state.logs[j.activityId]?.state === 'discarded' &&
        !state.logs[j.activityId]?.eventId
      ),
  );
}

/** Sends one job and records what came of it; true when it failed (its org waits for the rest of this pass). */
async function attempt(ports: OutboxPorts, queued: OutboxJob): Promise<boolean> {
  // The policy as managed storage answers now, never the last known one: a sent write cannot be taken back.
  const job = withinPolicy(queued, readPolicy(await freshPolicy(ports)));
  if (!job) {
    await changeQueue(ports, (state) => {
      state.jobs = state.jobs.filter((j) => j.id !== queued.id);
    });
    await ports.onLogChanged(queued.activityId);
    return false;
  }
  if (await heldForItsAuthor(ports, job)) return false;
  // The org's usage from this job's answers is stored with the job's outcome, in the same write.
  let usage: ApiUsage | undefined;
  const client = new SalesforceClient(
    job.apiHost,
    { ...ports, onApiUsage: (_, reported) => (usage = reported) },
    job.storeId,
  );
  let progress: Progress;
  try {
    const { logs } = await readQueue(ports);
    const log = logs[job.activityId] ?? emptyLog();
    progress =
      job.kind === 'log-start' || job.kind === 'schedule-meeting'
        ? await logStart(client, job, log)
        : job.kind === 'log-end' || job.kind === 'update-meeting'
          ? await logEnd(client, job, log)
          : job.kind === 'meeting-start'
            ? await meetingStart(client, job, logs[job.meetingId])
            : job.kind === 'sync-sessions'
              ? await syncSessions(client, job, log)
              : job.kind === 'wrap-up'
                ? await wrapUp(client, job, log)
                : await guestLead(client, job, log);
  } catch (error) {
    if (!(error instanceof SalesforceError)) throw error;
    progress = { log: (l) => l, job, failure: error };
  }
  const { failure } = progress;
  if (failure?.problem === 'my-domain-moved' && failure.movedTo) {
    await movedOrg(ports, queued, progress, failure.movedTo);
    return true;
  }
  const now = ports.now();
  const orgWide = failure && pausesOrg(failure.problem, job);
  await changeQueue(ports, (state) => {
    if (usage) state.orgs[job.apiHost] = { ...state.orgs[job.apiHost], usage: { ...usage, at: now } };
    const log = progress.log(state.logs[job.activityId] ?? emptyLog());
    state.logs[job.activityId] = { ...log, apiHost: job.apiHost };
    const index = state.jobs.findIndex((j) => j.id === job.id);
    if (index < 0) return; // discarded while it was being sent
    // What this job's answers call for lands in the same write that settles it: never lost, never twice.
    for (const next of progress.follow ?? []) {
      if (state.jobs.some((j) => j.id === next.id)) continue;
      state.jobs.push({ ...next, createdAt: now, attempts: 0, notBefore: 0 });
      state.logs[next.activityId] ??= {
        ...emptyLog(),
        apiHost: next.apiHost,
        ...(next.author ? { author: next.author } : {}),
      };
    }
    if (!progress.job) {
      state.jobs.splice(index, 1);
    } else if (!failure) {
      state.jobs[index] = { ...progress.job, lookupFailures: undefined };
    } else {
      state.jobs[index] = failedJob(progress.job, failure, now, progress.stillInDoubt);
      if (orgWide) pauseOrg(state, job.apiHost, failure, now);
    }
    settleStates(state, now);
  });
  if (failure && REJECTED_SESSION.has(failure.problem)) await ports.onSessionRejected(job.apiHost, job.storeId);
  await ports.onLogChanged(job.activityId);
  return !!failure;
}

/**
 * The job's org answered from a renamed My Domain: what it queued goes to the new host (moved.ts), and
 * the new host's queue runs now. The redirect applied nothing: the job is in doubt only as before.
 */
async function movedOrg(ports: OutboxPorts, queued: OutboxJob, progress: Progress, movedTo: string): Promise<void> {
  await changeQueue(ports, (state) => {
    const log = progress.log(state.logs[queued.activityId] ?? emptyLog());
    state.logs[queued.activityId] = { ...log, apiHost: queued.apiHost };
    const attempted = progress.job && { ...progress.job, inFlight: !!(progress.stillInDoubt || queued.inFlight) };
    moveOrg(state, queued.apiHost, movedTo, attempted);
    settleStates(state, ports.now());
  });
  // The old host's remembered "ready" no longer holds: the popup and toolbar ask again and name the move.
  await forgetStatus(queued.apiHost, ports, queued.storeId);
  await ports.onLogChanged(queued.activityId);
  await runOrg(ports, movedTo);
}

/** Remembers the org's API usage from Salesforce's Sforce-Limit-Info (at most one write per call). */
export async function recordUsage(ports: StoragePorts & { now(): number }, apiHost: string, usage: ApiUsage) {
  await changeQueue(ports, (state) => {
    state.orgs[apiHost] = { ...state.orgs[apiHost], usage: { ...usage, at: ports.now() } };
  }).catch(() => undefined);
}

/** A job as features queue it; the queue adds its bookkeeping. */
export type NewJob = OutboxJob extends infer J
  ? J extends OutboxJob
    ? Omit<J, 'createdAt' | 'attempts' | 'notBefore'>
    : never
  : never;

/** The user signed in to the org now (in the job's cookie store); `cachedOnly`: without asking Salesforce. */
async function signedIn(
  ports: OutboxPorts,
  apiHost: string,
  storeId: string | undefined,
  cachedOnly: boolean,
): Promise<Author | undefined> {
  const status = await salesforceStatus(`https://${apiHost}/`, ports, { cachedOnly, storeId }).catch(() => null);
  return status?.state === 'ready' && status.orgId && status.user.id
    ? { orgId: status.orgId, userId: status.user.id }
    : undefined;
}

const sameAuthor = (a: Author, b: Author) => a.orgId === b.orgId && a.userId === b.userId;

/**
 * Queues a write with its author: the session's (its first job's), else who the toolbar found signed
 * in (remembered, no call), else none (sent as whoever is signed in, as before authors existed).
 */
export async function enqueue(ports: OutboxPorts, job: NewJob): Promise<void> {
  const current = job.author ?? (await signedIn(ports, job.apiHost, job.storeId, true));
  await changeQueue(ports, (state) => {
    const log = state.logs[job.activityId] ?? emptyLog();
    const author = log.author ?? current;
    // A host whose My Domain was renamed: the write goes where the org is now (moved.ts).
    const apiHost = currentHost(state, job.apiHost);
    state.jobs.push({
      ...job,
      apiHost,
      ...(apiHost !== job.apiHost ? { movedFrom: job.apiHost } : {}),
      ...(author ? { author } : {}),
      createdAt: ports.now(),
      attempts: 0,
      notBefore: 0,
    } as OutboxJob);
    state.logs[job.activityId] = { ...log, apiHost, ...(author ? { author } : {}) };
    settleStates(state, ports.now());
  });
}

/**
 * Another user is signed in now than the one who queued this job: held (not sent, no attempt
 * counted) until a new session cookie for the org retries it, or an hour passes.
 */
async function heldForItsAuthor(ports: OutboxPorts, job: OutboxJob): Promise<boolean> {
  if (!job.author) return false;
  const now = await signedIn(ports, job.apiHost, job.storeId, false);
  const held = !!now && !sameAuthor(now, job.author);
  if (held || job.otherUser) {
    await changeQueue(ports, (state) => {
      state.jobs = state.jobs.map((j) =>
        j.id === job.id
          ? {
              ...j,
              inFlight: job.inFlight,
              otherUser: held || undefined,
              notBefore: held ? ports.now() + HOUR : 0,
              // Why it waits is now who is signed in, not what an earlier attempt met.
              ...(held ? { problem: undefined, error: undefined } : {}),
            }
          : j,
      );
      settleStates(state, ports.now());
    });
    if (held) await ports.onLogChanged(job.activityId);
  }
  return held;
}

/**
 * Sends again now what waits: the rep pressed Retry, or logged in to an org again (a new `sid`
 * retries only its own org). Jobs that need the rep wait for Retry itself.
 */
export async function retryNow(
  ports: OutboxPorts,
  scope: { apiHost?: string; activityId?: string; includeAttention?: boolean } = {},
): Promise<void> {
  await changeQueue(ports, (state) => {
    const now = ports.now();
    const inScope = (j: OutboxJob) =>
      (!scope.apiHost || j.apiHost === scope.apiHost) && (!scope.activityId || j.activityId === scope.activityId);
    for (const [host, org] of Object.entries(state.orgs)) {
      if ((!scope.apiHost || host === scope.apiHost) && org.paused) state.orgs[host] = { ...org, paused: undefined };
    }
    state.jobs = state.jobs.map((j) => {
      if (!inScope(j) || (j.attention && !scope.includeAttention)) return j;
      // A retried job counts its 7 days and its failed look-ups again; fields already left out stay
      // out (no second refusal to pay for).
      return {
        ...j,
        notBefore: Math.min(j.notBefore, now),
        attention: false,
        createdAt: j.attention ? now : j.createdAt,
        lookupFailures: j.attention ? undefined : j.lookupFailures,
      };
    });
    settleStates(state, now);
  });
  await runOutbox(ports);
}

/** The rep gives up on a session's (or meeting's) waiting writes: they are removed, and the log says so. */
export async function discardSession(ports: OutboxPorts, activityId: string): Promise<void> {
  await changeQueue(ports, (state) => {
    state.jobs = state.jobs.filter((j) => j.activityId !== activityId);
    const log = state.logs[activityId] ?? emptyLog();
    state.logs[activityId] = { ...log, state: 'discarded' };
  });
  await ports.onLogChanged(activityId);
}
