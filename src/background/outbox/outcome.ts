// What one failed attempt means for a job and its session: how long it waits, when the rep must
// decide (Retry or Discard), and the state the panel and popup show. Split from runner.ts, which sends.

import { ORG_WIDE_PROBLEMS } from '../../shared/protocol/index.js';
import type { SalesforceError } from '../../shared/salesforce/errors.js';
import type { OutboxJob, SessionLog } from '../storage/outbox-shapes.js';
import { dueAfterFailure, PAUSE_MS, pauseOf } from './pauses.js';
import type { QueueState } from './store.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** A job still failing this long after it was queued is shown to the rep instead of retried. */
const ATTENTION_AFTER_MS = 7 * 24 * HOUR;
/**
 * Look-ups after an interrupted send that may fail in a row before the rep is asked: with the
 * back-off (30 s, 1, 2, 4, then 5 min) about a quarter of an hour. A look-up that times out every
 * time (a non-selective query in a large org) would otherwise leave the job in doubt for ever.
 */
export const MAX_LOOKUP_FAILURES = 6;

/**
 * Wait after the n-th transient failure: 30 s, 1, 2, 4 min, then every 5 min. The retry rides on an
 * alarm (the worker is long stopped by then), and a rep's (packed) build fires none sooner than 30 s
 * after it is set (alarms.ts), so a shorter first wait would be one the tests see and reps never do.
 * No in-process timer for quicker retries: the worker may be stopped ~30 s after its last event and a
 * pending setTimeout does not keep it alive, so such a retry would happen only sometimes; a failure
 * that clears in seconds is met by the rep's Retry, a new login (cookies.onChanged) or the session's
 * next write, each of which runs the queue at once.
 */
export function backoffMs(attempts: number): number {
  return Math.min(5 * MINUTE, 30 * SECOND * 2 ** Math.max(0, attempts - 1));
}

export { PAUSE_MS };

/** The job after a failed attempt: when it is tried again, or that the rep must decide. */
export function failedJob(job: OutboxJob, failure: SalesforceError, now: number, stillInDoubt = false): OutboxJob {
  const attempts = job.attempts + 1;
  const tooOld = now - job.createdAt > ATTENTION_AFTER_MS;
  // Only a look-up that Salesforce itself could not run counts (QUERY_TIMEOUT and its like: a 4xx
  // answer that is still temporary). Salesforce away (no answer, 5xx) is an outage: the queue keeps
  // waiting for it on its own, as for any other write. An org-wide pause has its own end; a refusal
  // goes to the rep at once; a look-up that answered starts the count again.
  const lookupFailed =
    stillInDoubt && failure.problem === 'unavailable' && failure.status >= 400 && failure.status < 500;
  const lookupFailures = lookupFailed ? (job.lookupFailures ?? 0) + 1 : undefined;
  const unconfirmed = (lookupFailures ?? 0) >= MAX_LOOKUP_FAILURES;
  return {
    ...job,
    attempts,
    lookupFailures,
    // Salesforce refused it in its own words: it was not applied. Otherwise it may have been. A refused
    // look-up says nothing about the earlier send it was looking for.
    inFlight: stillInDoubt || !failure.refusedCleanly,
    problem: unconfirmed ? 'unconfirmed' : failure.problem,
    error: failure.salesforceMessage,
    attention: unconfirmed || failure.problem === 'refused' || failure.problem === 'duplicate' || tooOld,
    notBefore: dueAfterFailure(failure.problem, job, now, backoffMs(attempts)),
  };
}

export function pauseOrg(state: QueueState, apiHost: string, failure: SalesforceError, now: number): void {
  const org = state.orgs[apiHost] ?? {};
  state.orgs[apiHost] = {
    ...org,
    paused: {
      problem: failure.problem,
      until: now + (PAUSE_MS[failure.problem] ?? HOUR),
      error: failure.salesforceMessage,
    },
  };
}

/** Each session's state follows from its waiting jobs: the worst reason any of them waits. */
export function settleStates(state: QueueState, now: number): void {
  for (const [sessionId, log] of Object.entries(state.logs)) {
    if (log.state === 'discarded') continue;
    const jobs = state.jobs.filter((j) => j.activityId === sessionId);
    state.logs[sessionId] = { ...log, ...stateOf(log, jobs, state, now) };
  }
}

function stateOf(log: SessionLog, jobs: OutboxJob[], state: QueueState, now: number): Partial<SessionLog> {
  // Done: what was left out stays in `leftOut`; no failure is current any more.
  if (jobs.length === 0)
    return log.eventId || log.state === 'logged' ? { state: 'logged', error: '' } : { state: 'pending' };
  const attention = jobs.find((j) => j.attention);
  if (attention)
    return {
      state: attention.problem === 'unconfirmed' ? 'unconfirmed' : 'needs-attention',
      error: attention.error ?? '',
    };
  if (jobs.some((j) => j.otherUser)) return { state: 'other-user', error: '' };
  const paused = jobs[0] && pauseOf(state.orgs, jobs[0], now);
  if (paused && ORG_WIDE_PROBLEMS.has(paused.problem))
    return { state: paused.problem as SessionLog['state'], error: paused.error };
  // A login its own cookie store lacks (pauses.ts): it waits alone, and says so.
  const loggedOut = jobs.find((j) => j.problem === 'session-expired' && j.notBefore > now);
  if (loggedOut) return { state: 'session-expired', error: loggedOut.error ?? '' };
  const failing = jobs.find((j) => j.problem === 'unavailable' && j.attempts > 0);
  if (failing) return { state: 'unavailable', error: failing.error ?? '' };
  return { state: 'pending' };
}
