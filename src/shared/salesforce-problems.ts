// The one vocabulary of what can stand between the extension and Salesforce. The client's errors,
// the write queue, the toolbar's status and the popup all speak it, so "why is it waiting" has
// one answer everywhere.

export type SalesforceProblem =
  /** No answer, a timeout, a 5xx, a locked row, a query timeout, maintenance: retry with backoff. */
  | 'unavailable'
  /** The org spent its rolling 24-hour API allowance: wait until it frees. */
  | 'daily-limit'
  /** No `sid` cookie, or Salesforce says the session expired: the rep logs in again. */
  | 'session-expired'
  /** The org does not let this browser session use the API (API Access Control, API disabled): the admin decides. */
  | 'api-blocked'
  /** A duplicate rule matched an existing record: the record is already known. */
  | 'duplicate'
  /** Salesforce refused the write for good (validation rule, field security, bad data). */
  | 'refused'
  /**
   * A send was cut off, and looking it up afterwards failed again and again (a query that times out
   * in an org with millions of activities): whether Salesforce saved it is unknown, so the rep
   * decides (Retry looks again, Discard lets it go) instead of the queue retrying blindly.
   */
  | 'unconfirmed';

/** Problems that stop every write to the org, not just one record's. */
export const ORG_WIDE_PROBLEMS: ReadonlySet<SalesforceProblem> = new Set([
  'daily-limit',
  'session-expired',
  'api-blocked',
]);

/**
 * Where one session's Salesforce records stand, as the panel and popup show it: done, on its way,
 * waiting for one of the problems above, or waiting for the rep (Retry / Discard).
 */
export type SalesforceLogState =
  | 'pending'
  | 'logged'
  | 'unavailable'
  | 'daily-limit'
  | 'session-expired'
  | 'api-blocked'
  | 'needs-attention'
  /** Whether Salesforce saved it could not be confirmed (the problem of that name): Retry or Discard. */
  | 'unconfirmed'
  /** Queued by another Salesforce user than the one signed in now: held until its author is back. */
  | 'other-user'
  | 'discarded';
