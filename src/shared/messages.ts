// The one typed message protocol. Requests are named by direction (content:…, popup:…); every
// payload is validated on arrival by the receiver, because any page script bug or a compromised
// renderer can send us anything.

import { LOGIN_KEY_ANSWER_MAX, LOGIN_KEY_MESSAGE } from './glance-sign-in.js';
import {
  SYNC_SCHEDULES,
  type SyncProblem,
  type SyncSchedule,
  type SyncSettingsInput,
  type SyncView,
} from './glance-sync.js';
import { type MeetingContentRequests, meetingValidators } from './meeting-request.js';
import type { GlanceSObject } from './salesforce-id.js';
import type { SalesforceLogState, SalesforceProblem } from './salesforce-problems.js';
import {
  type CompanyPolicy,
  type ConferencePhone,
  readSettings,
  type SettingsField,
  type UserSettings,
} from './settings.js';
import { type WrapUpContentRequests, wrapUpValidators } from './wrap-up.js';

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

/** A request that carries nothing but its type. */
export type NoPayload = Record<never, never>;

export type SessionMode = 'screenshare' | 'view' | 'cobrowse';
/** A running session switches between these two; a "view" session cannot switch. */
export type SwitchableMode = 'screenshare' | 'cobrowse';

export type { SalesforceLogState, SalesforceProblem } from './salesforce-problems.js';

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

export type SessionResult =
  /** `launch`: to the tab whose click started it, the Glance Client launch to open now (the rep's gesture). */
  { ok: true; session: SessionView | null; launch?: string } | { ok: false; problem: SessionProblem };

/** Requests a content script may send, and what each answers. */
export interface ContentRequests extends MeetingContentRequests, WrapUpContentRequests {
  /** About the sender tab's own org (the host comes from the browser's sender record, not the payload). */
  'content:salesforce-status': { request: NoPayload; response: SalesforceStatus };
  /** A screen share (`mode`), or joining the customer's cobrowse session with the key or visitor id they gave (`join`). */
  'content:start-session': {
    request: { pageUrl: string } & ({ mode: SessionMode; join?: undefined } | { join: string; mode?: undefined });
    response: SessionResult;
  };
  /** The running session, if any; while a panel shows, asking also refreshes the guests from Glance. */
  'content:session': { request: { refresh: boolean }; response: SessionView | null };
  /** Switches to the given mode; asking twice for the same mode changes nothing. */
  'content:switch-mode': { request: { sessionId: string; mode: SwitchableMode }; response: SessionResult };
  'content:end-session': { request: { sessionId: string }; response: SessionResult };
  /** A guest the rep adds by hand: in the Event at the end, and a Lead by the rep's policy. */
  'content:add-guest': { request: { sessionId: string; name: string; email: string }; response: SessionResult };
  /**
   * Which of the offered open records the session is about (`recordId` '' for none of them): checked
   * against the candidates the background holds, and written with the session's end.
   */
  'content:choose-related': { request: { sessionId: string; recordId: string }; response: SessionResult };
  'content:open-settings': { request: NoPayload; response: { ok: true } };
  /** Need more help?: the worker opens the reps' guide (an extension page a web page may not open). */
  'content:open-help': { request: NoPayload; response: { ok: true } };
  /** Whether the rep collapsed the toolbar (remembered across pages); with `collapsed`, stores it first. */
  'content:toolbar-collapsed': { request: { collapsed?: boolean }; response: { collapsed: boolean } };
  /** Injects the session panel's script into the sender tab's content-script world (top frame). */
  /** Injects one of the lazily loaded scripts (the session panel, the meeting dialog) into the sender's tab. */
  'content:load-panel': { request: { script: LazyScript }; response: { ok: boolean } };
  /** Whether the record's customer is on the company's website now (Glance Presence). */
  'content:presence': { request: { pageUrl: string }; response: PresenceView };
}

/**
 * Glance Presence for a record: `off` when the company does not use it for this record type (or no
 * account), `no-visitor-id` when the record's field holds none, `refused` when Glance did not let this
 * extension's origin ask, `unavailable` when Glance or Salesforce did not answer.
 */
export type PresenceView =
  | { state: 'off' | 'no-visitor-id' | 'absent' | 'refused' | 'unavailable' }
  | { state: 'present'; visitorId: string };

/** What the background pushes to content scripts in Salesforce tabs. */
export type BackgroundBroadcast = {
  type: 'background:session';
  session: SessionView | null;
  /** Why the session ended, when it was not the rep's End (the policy forbade its Glance address). */
  reason?: SessionProblem;
};

/**
 * The keyboard shortcut's Start failed in this tab: the toolbar says why, as after a click. The tab
 * answers true when its toolbar showed it.
 */
export type StartProblemNotice = { type: 'background:start-problem'; problem: SessionProblem };

/** The connected Glance account as pages may see it: never the credential. */
export interface GlanceAccountView {
  address: string;
  displayName: string;
  email: string;
  /** False when the company policy does not allow this address (set after the rep connected). */
  allowed: boolean;
  /** Signed in with single sign-on: when the login key stops working (epoch ms). */
  signedInUntil?: number;
}

/**
 * Why Glance said no, in terms the user can act on: one vocabulary for the popup, the options page,
 * the toolbar and the panel. The problems a session start shares with the popup (SessionProblem)
 * are spelled the same in both: `glance-…`.
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

/** Where a single sign-on started from the popup or options page stands (settings/single-sign-on.ts). */
export type SignInStatus = { state: 'none' | 'waiting' | 'signed-in' } | { state: 'failed'; problem: GlanceProblem };

export interface RecentSessionView {
  sessionId: string;
  sobject: GlanceSObject;
  startedAt: string;
  /** When it ended: the popup shows the real duration (a session of seconds is not "0 min"). */
  endedAt: string;
  minutes: number;
  guests: number;
  salesforce: SalesforceLogState;
  /** Salesforce's own words when it refused a write, or which optional fields were left out. */
  salesforceError: string;
  /** The logged Event in Lightning; '' until Salesforce has it. */
  eventUrl: string;
}

/** One of the rep's Glance session Events in Salesforce (the popup's chart and list). */
export interface SalesforceSessionEvent {
  eventId: string;
  /** When the session started and ended (Salesforce's StartDateTime and EndDateTime). */
  startedAt: string;
  /** Salesforce's EndDateTime (the start when it has none). */
  endedAt: string;
  minutes: number;
  /** The Event in the org's Lightning Experience. */
  eventUrl: string;
}

/** The rep's Glance sessions of the last 30 days, read from Salesforce in one query, or why not. */
export type SalesforceHistory =
  | { ok: true; apiHost: string; days: number; events: SalesforceSessionEvent[]; more: boolean }
  | { ok: false; problem: 'no-salesforce-tab' | 'proxied' | SalesforceProblem };

/** One session's (or scheduled meeting's) Salesforce writes that wait, and why. */
export interface WaitingSessionView {
  /** The session's or meeting's id: what its writes are for (the outbox job's activityId). */
  activityId: string;
  sobject: GlanceSObject | '';
  startedAt: string;
  /** The org (API host) the writes go to. */
  apiHost: string;
  state: SalesforceLogState;
  problem: SalesforceProblem | '';
  /** Salesforce's own words about the last failure. */
  error: string;
  /** How many writes (Event, end, guest Leads) wait. */
  writes: number;
  /** The host they were queued for, when the org's My Domain was renamed since (they go to `apiHost`). */
  movedFrom?: string;
}

/** What the popup shows of the Salesforce write queue and each org's API budget. */
export interface SalesforceQueueView {
  waiting: WaitingSessionView[];
  orgs: { apiHost: string; used: number; max: number; problem: SalesforceProblem | ''; until: number }[];
}

export type ConnectResult = { ok: true; account: GlanceAccountView } | { ok: false; problem: GlanceProblem };
export type ConferenceResult = { ok: true; conference: ConferencePhone } | { ok: false; problem: GlanceProblem };

/** Glance's assumed operations, as a fresh probe of the connected account found them (Check Glance). */
export type GlanceCheckResult =
  | {
      ok: true;
      address: string;
      /** Each assumed operation and whether the account's service has it. */
      operations: { name: 'status' | 'setType' | 'end' | 'conference'; present: boolean }[];
    }
  | { ok: false; problem: GlanceProblem };

export interface SettingsView {
  settings: UserSettings;
  policy: CompanyPolicy;
  /** True when an administrator set any policy. */
  managed: boolean;
  /** What the browser's managed storage holds, as the administrator set it (the Company Settings tab). */
  managedPolicy: Record<string, unknown>;
  /** The rep's saved choices the policy overrides now (the settings above show what applies instead). */
  overridden: SettingsField[];
}

export interface PopupOverview {
  settings: SettingsView;
  account: GlanceAccountView | null;
  /** False while the policy is the last known one and managed storage has not answered yet. */
  policyFresh: boolean;
  /**
   * False on a brand-new profile before managed storage first answered: no policy is known yet, the
   * settings are the defaults, and whatever depends on the policy is shown as being checked.
   */
  policyKnown: boolean;
}

/** What the popup shows first besides the accounts: the running session, else the next meeting. */
export interface PopupNow {
  session: { sobject: GlanceSObject; startedAt: string; key: string } | null;
  meeting: { subject: string; startsAt: string; sobject: GlanceSObject } | null;
}

/** Requests the popup and options pages may send. */
export interface PopupRequests {
  /**
   * `tabId`: the Salesforce tab the popup describes; its cookie store (an incognito window's, a Firefox
   * container's, or the regular one) holds the Salesforce session to ask about.
   */
  'popup:salesforce-status': {
    request: { pageUrl: string | null; tabId?: number };
    response: SalesforceStatus | null;
  };
  'popup:glance-account': { request: NoPayload; response: GlanceAccountView | null };
  'popup:connect-glance': { request: { address: string; password: string }; response: ConnectResult };
  /** A running session is ended at Glance first; if that fails the account stays connected. */
  'popup:sign-in-glance': { request: NoPayload; response: { ok: true } | { ok: false; problem: GlanceProblem } };
  'popup:sign-in-status': { request: NoPayload; response: SignInStatus };
  /** `forget`: also this browser's scheduled meetings, recent sessions and Salesforce writes still waiting. */
  'popup:disconnect-glance': {
    request: { forget?: boolean };
    response: { ok: true } | { ok: false; problem: GlanceProblem };
  };
  'popup:settings': { request: NoPayload; response: SettingsView };
  /**
   * What the popup draws first, in one round trip: the settings and the account, on the last known
   * company policy (`policyFresh` false until managed storage answered; then ask again with `fresh`).
   */
  'popup:overview': { request: { fresh: boolean }; response: PopupOverview };
  /** The running session, else this browser's next scheduled meeting (any record). */
  'popup:now': { request: NoPayload; response: PopupNow };
  'popup:save-settings': {
    request: { settings: UserSettings };
    response: { ok: true; view: SettingsView } | { ok: false; invalid: string[] };
  };
  'popup:conference-info': { request: NoPayload; response: ConferenceResult };
  /** Probes the connected account's assumed Glance operations again, and keeps what it found. */
  'popup:check-glance': { request: NoPayload; response: GlanceCheckResult };
  'popup:recent-sessions': { request: NoPayload; response: RecentSessionView[] };
  /** The rep's Glance Events of the last 30 days in the org of this Salesforce page (one query). */
  'popup:salesforce-history': {
    request: { pageUrl: string | null; tabId?: number };
    response: SalesforceHistory;
  };
  'popup:salesforce-queue': { request: NoPayload; response: SalesforceQueueView };
  /** Sends one session's waiting writes again now (all sessions' when activityId is ''). */
  'popup:retry-salesforce': { request: { activityId: string }; response: SalesforceQueueView };
  /** Gives up on one session's waiting writes. */
  'popup:discard-salesforce': { request: { activityId: string }; response: SalesforceQueueView };
  /** The Company Settings tab's sync of Glance's session records: its status, never its secrets. */
  'popup:sync-view': { request: NoPayload; response: SyncView };
  /** Saves the sync's credentials and schedule once Glance's records service accepts them. */
  'popup:save-sync': {
    request: SyncSettingsInput;
    response: { ok: true; view: SyncView } | { ok: false; problem: SyncProblem };
  };
  /** Syncs now; answers when the run's writes are queued (and the queue has run). */
  'popup:sync-now': { request: NoPayload; response: SyncView };
  /** Stops syncing and forgets the credentials. */
  'popup:forget-sync': { request: NoPayload; response: SyncView };
}

type MessageOf<R> = { [K in keyof R]: { type: K } & (R[K] extends { request: infer Q } ? Q : never) }[keyof R];
export type ContentMessage = MessageOf<ContentRequests>;
export type PopupMessage = MessageOf<PopupRequests>;
export type ResponseOf<R, K extends keyof R> = R[K] extends { response: infer A } ? A : never;

/** Lead.LastName holds 80 characters, Email 80 (Salesforce Object Reference); the panel's fields stop there too. */
export const GUEST_NAME_MAX = 80;
export const GUEST_EMAIL_MAX = 80;

type Validator<T> = (raw: Record<string, unknown>) => T | undefined;

const tabIdOf = (raw: Record<string, unknown>) =>
  Number.isSafeInteger(raw.tabId) && (raw.tabId as number) >= 0 ? { tabId: raw.tabId as number } : {};
const isString = (value: unknown, max = 4096): value is string => typeof value === 'string' && value.length <= max;
/**
 * What a start may ask for: Glance's documented launch starts a screen share (its display and
 * direction parameters are not published), so viewing the customer's screen or cobrowsing is chosen
 * in Glance's own window, or joined from the customer's side.
 */
const MODES: readonly SessionMode[] = ['screenshare'];

const contentValidators: { [K in keyof ContentRequests]: Validator<{ type: K } & ContentRequests[K]['request']> } = {
  ...meetingValidators,
  ...wrapUpValidators,
  'content:salesforce-status': () => ({ type: 'content:salesforce-status' }),
  'content:start-session': (raw) => {
    if (!isString(raw.pageUrl)) return undefined;
    if (isString(raw.join, 100) && raw.mode === undefined)
      return { type: 'content:start-session', pageUrl: raw.pageUrl, join: raw.join };
    return MODES.includes(raw.mode as SessionMode) && raw.join === undefined
      ? { type: 'content:start-session', pageUrl: raw.pageUrl, mode: raw.mode as SessionMode }
      : undefined;
  },
  'content:open-settings': () => ({ type: 'content:open-settings' }),
  'content:open-help': () => ({ type: 'content:open-help' }),
  'content:choose-related': (raw) =>
    isString(raw.sessionId, 100) && isString(raw.recordId, 18)
      ? { type: 'content:choose-related', sessionId: raw.sessionId, recordId: raw.recordId }
      : undefined,
  'content:toolbar-collapsed': (raw) =>
    raw.collapsed === undefined || typeof raw.collapsed === 'boolean'
      ? { type: 'content:toolbar-collapsed', ...(raw.collapsed === undefined ? {} : { collapsed: raw.collapsed }) }
      : undefined,
  'content:load-panel': (raw) =>
    raw.script === 'panel' || raw.script === 'meeting-dialog'
      ? { type: 'content:load-panel', script: raw.script }
      : undefined,
  'content:session': (raw) => ({ type: 'content:session', refresh: raw.refresh === true }),
  'content:presence': (raw) => (isString(raw.pageUrl) ? { type: 'content:presence', pageUrl: raw.pageUrl } : undefined),
  'content:switch-mode': (raw) =>
    isString(raw.sessionId, 100) && (raw.mode === 'screenshare' || raw.mode === 'cobrowse')
      ? { type: 'content:switch-mode', sessionId: raw.sessionId, mode: raw.mode }
      : undefined,
  'content:end-session': (raw) =>
    isString(raw.sessionId, 100) ? { type: 'content:end-session', sessionId: raw.sessionId } : undefined,
  'content:add-guest': (raw) =>
    isString(raw.sessionId, 100) &&
    isString(raw.name, GUEST_NAME_MAX) &&
    raw.name.trim() !== '' &&
    isString(raw.email, GUEST_EMAIL_MAX)
      ? { type: 'content:add-guest', sessionId: raw.sessionId, name: raw.name, email: raw.email }
      : undefined,
};

const popupValidators: { [K in keyof PopupRequests]: Validator<{ type: K } & PopupRequests[K]['request']> } = {
  'popup:salesforce-status': (raw) =>
    raw.pageUrl === null || isString(raw.pageUrl)
      ? { type: 'popup:salesforce-status', pageUrl: raw.pageUrl as string | null, ...tabIdOf(raw) }
      : undefined,
  'popup:glance-account': () => ({ type: 'popup:glance-account' }),
  'popup:connect-glance': (raw) =>
    isString(raw.address, 300) && isString(raw.password, 1000)
      ? { type: 'popup:connect-glance', address: raw.address, password: raw.password }
      : undefined,
  'popup:disconnect-glance': (raw) => ({
    type: 'popup:disconnect-glance',
    ...(raw.forget === true ? { forget: true } : {}),
  }),
  'popup:sign-in-glance': () => ({ type: 'popup:sign-in-glance' }),
  'popup:sign-in-status': () => ({ type: 'popup:sign-in-status' }),
  'popup:settings': () => ({ type: 'popup:settings' }),
  'popup:overview': (raw) => ({ type: 'popup:overview', fresh: raw.fresh === true }),
  'popup:now': () => ({ type: 'popup:now' }),
  // readSettings keeps only known keys with allowed values; the background then checks the policy.
  'popup:save-settings': (raw) =>
    typeof raw.settings === 'object' && raw.settings !== null
      ? { type: 'popup:save-settings', settings: readSettings(raw.settings) }
      : undefined,
  'popup:conference-info': () => ({ type: 'popup:conference-info' }),
  'popup:check-glance': () => ({ type: 'popup:check-glance' }),
  'popup:recent-sessions': () => ({ type: 'popup:recent-sessions' }),
  'popup:salesforce-history': (raw) =>
    raw.pageUrl === null || isString(raw.pageUrl)
      ? { type: 'popup:salesforce-history', pageUrl: raw.pageUrl as string | null, ...tabIdOf(raw) }
      : undefined,
  'popup:salesforce-queue': () => ({ type: 'popup:salesforce-queue' }),
  'popup:retry-salesforce': (raw) =>
    isString(raw.activityId, 100) ? { type: 'popup:retry-salesforce', activityId: raw.activityId } : undefined,
  'popup:discard-salesforce': (raw) =>
    isString(raw.activityId, 100) && raw.activityId !== ''
      ? { type: 'popup:discard-salesforce', activityId: raw.activityId }
      : undefined,
  'popup:sync-view': () => ({ type: 'popup:sync-view' }),
  'popup:save-sync': (raw) =>
    isString(raw.username, 300) &&
    raw.username.trim() !== '' &&
    isString(raw.password, 1000) &&
    isString(raw.apiKey, 1000) &&
    Number.isSafeInteger(raw.partnerId) &&
    (raw.partnerId as number) > 0 &&
    (SYNC_SCHEDULES as readonly unknown[]).includes(raw.schedule) &&
    (raw.pageUrl === null || isString(raw.pageUrl))
      ? {
          type: 'popup:save-sync',
          username: raw.username,
          password: raw.password,
          apiKey: raw.apiKey,
          partnerId: raw.partnerId as number,
          schedule: raw.schedule as SyncSchedule,
          pageUrl: raw.pageUrl as string | null,
        }
      : undefined,
  'popup:sync-now': () => ({ type: 'popup:sync-now' }),
  'popup:forget-sync': () => ({ type: 'popup:forget-sync' }),
};

function parseWith<M>(validators: Record<string, Validator<M>>, raw: unknown): M | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(validators, type)) return undefined;
  return validators[type]?.(record);
}

export function parseContentMessage(raw: unknown): ContentMessage | undefined {
  return parseWith<ContentMessage>(contentValidators as Record<string, Validator<ContentMessage>>, raw);
}

/** What the sign-in listener on Glance's login-key page sends (src/content/glance-sign-in). */
export interface LoginKeyMessage {
  type: typeof LOGIN_KEY_MESSAGE;
  answer: string;
}

export function parseLoginKeyMessage(raw: unknown): LoginKeyMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, answer } = raw as Record<string, unknown>;
  return type === LOGIN_KEY_MESSAGE && isString(answer, LOGIN_KEY_ANSWER_MAX) ? { type, answer } : undefined;
}

export function parsePopupMessage(raw: unknown): PopupMessage | undefined {
  return parseWith<PopupMessage>(popupValidators as Record<string, Validator<PopupMessage>>, raw);
}

/**
 * The background's answer to a request from our own pages or content script whose payload does not
 * validate (a bug, a version skew after an update, a compromised renderer): a typed refusal, so the
 * caller never waits on or misreads a missing answer. Senders the background does not trust get no
 * answer at all (src/background/router.ts says why).
 */
export type InvalidMessageAnswer = { ok: false; problem: 'invalid-message' };
export const INVALID_MESSAGE: Readonly<InvalidMessageAnswer> = Object.freeze({ ok: false, problem: 'invalid-message' });
