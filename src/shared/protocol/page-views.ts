// What the worker answers the extension's pages (the popup and the options page): the account, the
// settings, recent sessions, the Salesforce write queue. Never a credential.
import type { GlanceSObject } from '../salesforce-id.js';
import type { CompanyPolicy, ConferencePhone, SettingsField, UserSettings } from '../settings.js';
import type { GlanceProblem, SalesforceLogState, SalesforceProblem } from './problems.js';

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

export interface PageOverview {
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

/** What the pages show first besides the accounts: the running session, else the next meeting. */
export interface PageNow {
  session: { sobject: GlanceSObject; startedAt: string; key: string } | null;
  meeting: { subject: string; startsAt: string; sobject: GlanceSObject } | null;
}
