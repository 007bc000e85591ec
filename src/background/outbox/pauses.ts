// What holds a write besides its own backoff: a pause of its org. Most problems that pause are the
// org's (its daily API allowance, API Access Control): every write to the org waits. A login is not:
// it lives in one cookie store (the regular window's, an incognito window's, a Firefox container's),
// so a store without one holds only the writes queued there, and the regular window's own pause
// never holds another store's writes, which go with their own store's session.
import { ORG_WIDE_PROBLEMS, type SalesforceProblem } from '../../shared/protocol/index.js';
import type { OrgState, OutboxJob } from '../storage/outbox-shapes.js';

const HOUR = 60 * 60 * 1000;

/** How long an org-wide problem pauses the org (a new session cookie or Retry ends the pause sooner). */
export const PAUSE_MS: Partial<Record<SalesforceProblem, number>> = {
  // The allowance is a rolling 24 hours: some of it frees every few minutes.
  'daily-limit': 30 * 60 * 1000,
  'session-expired': HOUR,
  // An administrator's setting: it changes rarely, and Retry asks at once.
  'api-blocked': 6 * HOUR,
  // Perhaps a setting, perhaps this login (a second factor, another network): asked again soon, and at
  // once when a new session cookie appears.
  'session-not-for-api': 15 * 60 * 1000,
};

type StoreOf = Pick<OutboxJob, 'apiHost' | 'storeId'>;

/** The failure pauses the job's whole org (else it waits alone: a login its own store lacks). */
export const pausesOrg = (problem: SalesforceProblem, job: StoreOf) =>
  ORG_WIDE_PROBLEMS.has(problem) &&
  !((problem === 'session-expired' || problem === 'session-not-for-api') && job.storeId);

/** The org's pause that holds this job now, if any. */
export function pauseOf(orgs: Record<string, OrgState>, job: StoreOf, now: number): OrgState['paused'] {
  const paused = orgs[job.apiHost]?.paused;
  if (!paused || paused.until <= now) return undefined;
  return pausesOrg(paused.problem, job) ? paused : undefined;
}

/** When a failed job is due again: at once after its org's pause, after its own wait otherwise. */
export function dueAfterFailure(problem: SalesforceProblem, job: StoreOf, now: number, backoff: number): number {
  if (pausesOrg(problem, job)) return 0;
  return now + (ORG_WIDE_PROBLEMS.has(problem) ? (PAUSE_MS[problem] ?? HOUR) : backoff);
}
