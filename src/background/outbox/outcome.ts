// What one failed attempt means for a job and its session: how long it waits, when the rep must
// decide (Retry or Discard), and the state the panel and popup show. Split from runner.ts, which sends.
import { ORG_WIDE_PROBLEMS, type SalesforceProblem } from '../../shared/salesforce-problems.js';
import type { SalesforceError } from '../salesforce/errors.js';
import type { QueueState } from './store.js';
import type { OutboxJob, SessionLog } from './types.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** A job still failing this long after it was queued is shown to the rep instead of retried. */
export const ATTENTION_AFTER_MS = 7 * 24 * HOUR;
/**
 * Look-ups after an interrupted send that may fail in a row before the rep is asked: with the
 * back-off (5 s, 15 s, 45 s, 135 s, then 5 min) about a quarter of an hour. A look-up that times out
 * every time (a non-selective query in a large org) would otherwise leave the job in doubt for ever.
 */
export const MAX_LOOKUP_FAILURES = 6;

/** Wait after the n-th transient failure: quick at first, then at most every five minutes. */
export function backoffMs(attempts: number): number {
  return Math.min(300, 5 * 3 ** Math.max(0, attempts - 1)) * SECOND;
}

/** How long an org-wide problem pauses the org (a new session cookie or Retry ends the pause sooner). */
export const PAUSE_MS: Partial<Record<SalesforceProblem, number>> = {
  // The allowance is a rolling 24 hours: some of it frees every few minutes.
  'daily-limit': 30 * MINUTE,
  'session-expired': HOUR,
  // An administrator's setting: it changes rarely, and Retry asks at once.
  'api-blocked': 6 * HOUR,
};

/** The job after a failed attempt: when it is tried again, or that the rep must decide. */
export function failedJob(job: OutboxJob, failure: SalesforceError, now: number, stillInDoubt = false): OutboxJob {
  const attempts = job.attempts + 1;
  const tooOld = now - job.createdAt > ATTENTION_AFTER_MS;
  // Only a look-up that found no answer counts (an org-wide pause has its own end; a refusal goes to
  // the rep at once); one that answered starts the count again.
  const lookupFailures = stillInDoubt && failure.problem === 'unavailable' ? (job.lookupFailures ?? 0) + 1 : undefined;
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
    notBefore: ORG_WIDE_PROBLEMS.has(failure.problem) ? 0 : now + backoffMs(attempts),
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
    const jobs = state.jobs.filter((j) => j.sessionId === sessionId);
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
  const paused = state.orgs[jobs[0]?.apiHost ?? '']?.paused;
  if (paused && paused.until > now && ORG_WIDE_PROBLEMS.has(paused.problem))
    return { state: paused.problem as SessionLog['state'], error: paused.error };
  const failing = jobs.find((j) => j.problem === 'unavailable' && j.attempts > 0);
  if (failing) return { state: 'unavailable', error: failing.error ?? '' };
  return { state: 'pending' };
}
