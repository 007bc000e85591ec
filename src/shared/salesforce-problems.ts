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
  /** The org or the rep's profile has the API turned off (API_DISABLED_FOR_ORG, API_CURRENTLY_DISABLED): the admin decides. */
  | 'api-blocked'
  /**
   * "This session is not valid for use with the REST API": API Access Control, a High Assurance
   * requirement, login IP ranges or another domain's session answer alike, so the cause is unknown.
   * A new login may help (a second factor, another network): a short pause, and a new cookie retries.
   */
  | 'session-not-for-api'
  /** A duplicate rule matched an existing record: the record is already known. */
  | 'duplicate'
  /** Salesforce refused the write for good (validation rule, field security, bad data). */
  | 'refused'
  /**
   * The org's My Domain was renamed: its previous host redirects to the new one (Salesforce Help,
   * "Understand Redirections for Previous My Domain Host Names"). The rep opens Salesforce at the new
   * address; the writes queued for the old host go to the new one.
   */
  | 'my-domain-moved'
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
  'session-not-for-api',
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
  | 'session-not-for-api'
  | 'needs-attention'
  /** Whether Salesforce saved it could not be confirmed (the problem of that name): Retry or Discard. */
  | 'unconfirmed'
  /** Queued by another Salesforce user than the one signed in now: held until its author is back. */
  | 'other-user'
  | 'discarded';
