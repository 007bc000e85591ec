// The one vocabulary of problems: what can stand between the rep and Salesforce or Glance, as every
// part of the extension names it. The worker answers with these words; the popup, the options page,
// the toolbar and the panel each say them in the rep's language.

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

/**
 * Why Glance said no, in terms the user can act on. The problems a session start shares with the
 * pages (SessionProblem) are spelled the same in both: `glance-…`.
 */
export type GlanceProblem =
  | 'invalid-address'
  | 'glance-address-not-allowed'
  | 'password-missing'
  | 'wrong-password'
  | 'unknown-address'
  | 'glance-unavailable'
  | 'glance-not-connected'
  | 'glance-reconnect'
  /** A session is running with the current account and Glance could not end it first. */
  | 'session-not-ended'
  /** The browser cannot keep the credential from content scripts (storage.local's access level). */
  | 'browser-too-old'
  /** Glance offers no call that reads the account's conference numbers: the rep gets them from Glance. */
  | 'conference-not-offered'
  /** Single sign-on: the company policy names no identity provider (an admin removed it). */
  | 'sso-not-set-up'
  /** Single sign-on: Glance's answer was not a login key for this company, or Glance did not accept it. */
  | 'sign-in-refused'
  /** Single sign-on: the window was closed, or nothing came back in time. */
  | 'sign-in-unfinished';

/** The Glance problems a session start can meet: spelled as in GlanceProblem. */
type SessionGlanceProblem = Extract<
  GlanceProblem,
  'glance-not-connected' | 'glance-reconnect' | 'glance-unavailable' | 'glance-address-not-allowed'
>;

export type SessionProblem =
  | SessionGlanceProblem
  | 'key-in-use'
  /** Glance has no switch this extension can call: the rep switches in Glance's own window. */
  | 'switch-in-glance'
  /** What the rep typed to join is not a Glance key or visitor id (letters, digits, _ and -, up to 50). */
  | 'invalid-visitor-key'
  /** The browser would not open the agent viewer's window. */
  | 'viewer-blocked'
  | 'session-running'
  | 'session-gone'
  | 'not-a-record'
  /** The session's kind of key (fixed, or none) is one the company policy does not allow (any more). */
  | 'key-not-allowed'
  /** The record chosen is not one of those Salesforce offered for this session. */
  | 'choice-not-offered';

export type MeetingInputProblem =
  | 'invalid-time'
  | 'start-in-past'
  | 'duration-out-of-bounds'
  | 'subject-missing'
  | 'subject-too-long'
  | 'notes-too-long'
  | 'invalid-email';

export type MeetingProblem =
  | MeetingInputProblem
  | 'not-a-record'
  | 'glance-not-connected'
  | 'glance-address-not-allowed'
  | 'key-not-allowed'
  /** No such meeting for this tab's org, or it was cancelled. */
  | 'meeting-gone'
  /** Start scheduled meeting outside its window (15 minutes before the start to the end). */
  | 'meeting-not-due'
  /** Its session is running: a change now would be overwritten by the session's own end update. */
  | 'meeting-in-progress'
  /** Scheduled with another Glance address than the one connected now: its join link would not work. */
  | 'meeting-other-address';

export type WrapUpProblem = 'session-gone' | 'outcome-not-offered' | 'already-saved';

/**
 * Why a sync could not read Glance's records: the reporting username or password (R1), the partner
 * id or API key (R3), Glance unreachable, or this browser cannot keep the credentials locked.
 */
export type SyncProblem = 'glance-credentials' | 'glance-key' | 'glance-unavailable' | 'browser-too-old' | 'no-org';

/**
 * The background's answer to a request from our own pages or content script whose payload does not
 * validate (a bug, a version skew after an update, a compromised renderer): a typed refusal, so the
 * caller never waits on or misreads a missing answer. Senders the background does not trust get no
 * answer at all (src/background/router.ts says why).
 */
export type InvalidMessageAnswer = { ok: false; problem: 'invalid-message' };
export const INVALID_MESSAGE: Readonly<InvalidMessageAnswer> = Object.freeze({ ok: false, problem: 'invalid-message' });
