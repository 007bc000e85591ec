// What the worker answers about a Salesforce tab and the running session: the views the toolbar,
// the panel and the pages draw. No credential is ever in them.
import type { GlanceSObject } from '../salesforce-id.js';
import type { SalesforceLogState, SessionProblem } from './problems.js';

/** The content script's lazily injected classic scripts (scripts/content-script-bundle.ts). */
export type LazyScript = 'panel' | 'meeting-dialog';

export interface SalesforceUser {
  id: string;
  name: string;
  email: string;
  username: string;
}

/** Who the extension acts as in a tab's org, or the problem (in the one vocabulary) that stops it. */
export type SalesforceStatus =
  /** `presence`: the company uses Glance Presence (the toolbar asks whether the record's visitor is on the site). */
  | { state: 'ready'; apiHost: string; orgId: string; user: SalesforceUser; presence?: true }
  | { state: 'session-expired'; apiHost: string; loginUrl: string }
  | { state: 'api-blocked'; apiHost: string }
  | { state: 'session-not-for-api'; apiHost: string; loginUrl: string }
  | { state: 'daily-limit'; apiHost: string }
  | { state: 'unavailable'; apiHost: string }
  /** The tab shows Salesforce through a security proxy (…mcas.ms): the extension cannot work there. */
  | { state: 'proxied'; apiHost: string }
  /** The org's My Domain was renamed: `apiHost` redirects to `movedTo`, where the rep opens Salesforce now. */
  | { state: 'my-domain-moved'; apiHost: string; movedTo: string };

export type SessionMode = 'screenshare' | 'view' | 'cobrowse';
/** A running session switches between these two; a "view" session cannot switch. */
export type SwitchableMode = 'screenshare' | 'cobrowse';

export interface SessionGuestView {
  name: string;
  email: string;
  joinedAt: string;
  /** '' while the guest is still in the session. */
  leftAt: string;
  /** The rep added them in the panel (Glance did not report them). */
  byRep: boolean;
}

/** The records a session on a Contact may be about, by the rep's usage: sales → Opportunity, support → Case. */
export type RelatedSObject = 'Opportunity' | 'Case';

/** One open record the session may be about. Salesforce's text (hostile: drawn as text only). */
export interface RelatedCandidate {
  /** Its 18-character id: what the rep's choice names. */
  id: string;
  /** Opportunity.Name, or Case.CaseNumber. */
  name: string;
  /** Case.Subject; '' for an Opportunity. */
  detail: string;
}

/** More than one open record fits: the panel asks which one the Event is related to. */
export interface RelatedChoiceView {
  sobject: RelatedSObject;
  candidates: RelatedCandidate[];
  /** Salesforce has more than these: the rep relates another one in Salesforce. */
  more: boolean;
  /** The chosen candidate's id; '' while none is chosen. */
  chosen: string;
}

/** The running Glance session as content scripts and pages see it (no credential in it). */
export interface SessionView {
  sessionId: string;
  /** The 4-digit key; '' when the session has no key. */
  key: string;
  /** The join link (with the key where there is one). */
  joinUrl: string;
  /** The Glance address guests open, e.g. acme.glance.net. */
  glanceAddress: string;
  mode: SessionMode;
  status: 'waiting' | 'active';
  startedAt: string;
  expiresAt: string;
  guests: SessionGuestView[];
  record: { sobject: GlanceSObject; recordId: string };
  salesforce: SalesforceLogState;
  /** Salesforce's own words when it refused a write. */
  salesforceError: string;
  /** Optional Event fields Salesforce refused, so the session was logged without them (its words in the reason). */
  salesforceLeftOut: { fields: string[]; reason: string };
  /** Salesforce's words when it refused the Chatter post ('' when posted or not asked for). */
  chatterError: string;
  /** The post went to the rep's own feed: the record's feed refused it, in Salesforce's words ('' otherwise). */
  chatterMoved: string;
  /** The last time we asked, Glance did not answer: the guest list may be out of date. */
  glanceUnreachable: boolean;
  /** The org has spent over 90 % of its daily API allowance: guests are checked less often. */
  salesforceBudgetLow: boolean;
  /** The Glance Client launch of this session ('' when it has none): the panel's "Open Glance". */
  launchUrl: string;
  /**
   * Only in the answer to the tab whose click started the session: the launch to open now, while
   * that click's user activation lasts (Chromium launches an external protocol only then).
   */
  launchNow?: string;
  /** The rep joined the customer's cobrowse session in Glance's agent viewer (no join link for guests). */
  joinedCustomer: boolean;
  /** Glance's page that installs the client and starts it (for a rep whose Glance did not open). */
  startPageUrl: string;
  /** Glance reports this session's guests (an optional operation the account has). */
  glanceReportsGuests: boolean;
  /** Glance switches this session's mode from here (an optional operation the account has). */
  canSwitch: boolean;
  /** Which open Opportunity or Case the Event is about, when Salesforce found more than one; else null. */
  related: RelatedChoiceView | null;
}

export type SessionResult =
  /** `launch`: to the tab whose click started it, the Glance Client launch to open now (the rep's gesture). */
  { ok: true; session: SessionView | null; launch?: string } | { ok: false; problem: SessionProblem };

/**
 * Glance Presence for a record: `off` when the company does not use it for this record type (or no
 * account), `no-visitor-id` when the record's field holds none, `refused` when Glance did not let this
 * extension's origin ask, `unavailable` when Glance or Salesforce did not answer.
 */
export type PresenceView =
  | { state: 'off' | 'no-visitor-id' | 'absent' | 'refused' | 'unavailable' }
  | { state: 'present'; visitorId: string };
