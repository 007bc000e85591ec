// Requests the extension's own pages send: `page:` for those the popup and the options page both
// send (their shared components), `options:` for those only the options page sends. The worker
// answers them only from our own extension's origin (src/background/sender.ts); a content script
// sending one is refused.
import { SYNC_SCHEDULES, type SyncSchedule, type SyncSettingsInput, type SyncView } from '../glance-sync.js';
import { readSettings, type UserSettings } from '../settings.js';
import type {
  ConferenceResult,
  ConnectResult,
  GlanceAccountView,
  GlanceCheckResult,
  PageNow,
  PageOverview,
  RecentSessionView,
  SalesforceHistory,
  SalesforceQueueView,
  SettingsView,
  SignInStatus,
} from './page-views.js';
import type { GlanceProblem, SyncProblem } from './problems.js';
import type { SalesforceStatus } from './session-views.js';
import { isString, type MessageOf, type NoPayload, parseWith, type Validator, type ValidatorsOf } from './validate.js';

/** Requests the popup and the options page both send. */
export interface PageRequests {
  /**
   * `tabId`: the Salesforce tab the page describes; its cookie store (an incognito window's, a Firefox
   * container's, or the regular one) holds the Salesforce session to ask about.
   */
  'page:salesforce-status': {
    request: { pageUrl: string | null; tabId?: number };
    response: SalesforceStatus | null;
  };
  'page:glance-account': { request: NoPayload; response: GlanceAccountView | null };
  'page:connect-glance': { request: { address: string; password: string }; response: ConnectResult };
  /** A running session is ended at Glance first; if that fails the account stays connected. */
  'page:sign-in-glance': { request: NoPayload; response: { ok: true } | { ok: false; problem: GlanceProblem } };
  'page:sign-in-status': { request: NoPayload; response: SignInStatus };
  /** `forget`: also this browser's scheduled meetings, recent sessions and Salesforce writes still waiting. */
  'page:disconnect-glance': {
    request: { forget?: boolean };
    response: { ok: true } | { ok: false; problem: GlanceProblem };
  };
  'page:settings': { request: NoPayload; response: SettingsView };
  /**
   * What a page draws first, in one round trip: the settings and the account, on the last known
   * company policy (`policyFresh` false until managed storage answered; then ask again with `fresh`).
   */
  'page:overview': { request: { fresh: boolean }; response: PageOverview };
  /** The running session, else this browser's next scheduled meeting (any record). */
  'page:now': { request: NoPayload; response: PageNow };
  'page:save-settings': {
    request: { settings: UserSettings };
    response: { ok: true; view: SettingsView } | { ok: false; invalid: string[] };
  };
  'page:conference-info': { request: NoPayload; response: ConferenceResult };
  'page:recent-sessions': { request: NoPayload; response: RecentSessionView[] };
  /** The rep's Glance Events of the last 30 days in the org of this Salesforce page (one query). */
  'page:salesforce-history': {
    request: { pageUrl: string | null; tabId?: number };
    response: SalesforceHistory;
  };
  'page:salesforce-queue': { request: NoPayload; response: SalesforceQueueView };
  /** Sends one session's waiting writes again now (all sessions' when activityId is ''). */
  'page:retry-salesforce': { request: { activityId: string }; response: SalesforceQueueView };
  /** Gives up on one session's waiting writes. */
  'page:discard-salesforce': { request: { activityId: string }; response: SalesforceQueueView };
}

/** Requests only the options page sends (its Company Settings tab). */
export interface OptionsRequests {
  /** Probes the connected account's assumed Glance operations again, and keeps what it found. */
  'options:check-glance': { request: NoPayload; response: GlanceCheckResult };
  /** The Company Settings tab's sync of Glance's session records: its status, never its secrets. */
  'options:sync-view': { request: NoPayload; response: SyncView };
  /** Saves the sync's credentials and schedule once Glance's records service accepts them. */
  'options:save-sync': {
    request: SyncSettingsInput;
    response: { ok: true; view: SyncView } | { ok: false; problem: SyncProblem };
  };
  /** Syncs now; answers when the run's writes are queued (and the queue has run). */
  'options:sync-now': { request: NoPayload; response: SyncView };
  /** Stops syncing and forgets the credentials. */
  'options:forget-sync': { request: NoPayload; response: SyncView };
}

/** Everything an extension page may ask: the background channel's one table. */
export interface ExtensionPageRequests extends PageRequests, OptionsRequests {}
export type ExtensionPageMessage = MessageOf<ExtensionPageRequests>;

const tabIdOf = (raw: Record<string, unknown>) =>
  Number.isSafeInteger(raw.tabId) && (raw.tabId as number) >= 0 ? { tabId: raw.tabId as number } : {};

const pageValidators: ValidatorsOf<PageRequests> = {
  'page:salesforce-status': (raw) =>
    raw.pageUrl === null || isString(raw.pageUrl)
      ? { pageUrl: raw.pageUrl as string | null, ...tabIdOf(raw) }
      : undefined,
  'page:glance-account': () => ({}),
  'page:connect-glance': (raw) =>
    isString(raw.address, 300) && isString(raw.password, 1000)
      ? { address: raw.address, password: raw.password }
      : undefined,
  'page:disconnect-glance': (raw) => ({ ...(raw.forget === true ? { forget: true } : {}) }),
  'page:sign-in-glance': () => ({}),
  'page:sign-in-status': () => ({}),
  'page:settings': () => ({}),
  'page:overview': (raw) => ({ fresh: raw.fresh === true }),
  'page:now': () => ({}),
  // readSettings keeps only known keys with allowed values; the background then checks the policy.
  'page:save-settings': (raw) =>
    typeof raw.settings === 'object' && raw.settings !== null ? { settings: readSettings(raw.settings) } : undefined,
  'page:conference-info': () => ({}),
  'page:recent-sessions': () => ({}),
  'page:salesforce-history': (raw) =>
    raw.pageUrl === null || isString(raw.pageUrl)
      ? { pageUrl: raw.pageUrl as string | null, ...tabIdOf(raw) }
      : undefined,
  'page:salesforce-queue': () => ({}),
  'page:retry-salesforce': (raw) => (isString(raw.activityId, 100) ? { activityId: raw.activityId } : undefined),
  'page:discard-salesforce': (raw) =>
    isString(raw.activityId, 100) && raw.activityId !== '' ? { activityId: raw.activityId } : undefined,
};

const optionsValidators: ValidatorsOf<OptionsRequests> = {
  'options:check-glance': () => ({}),
  'options:sync-view': () => ({}),
  'options:save-sync': (raw) =>
    isString(raw.username, 300) &&
    raw.username.trim() !== '' &&
    isString(raw.password, 1000) &&
    isString(raw.apiKey, 1000) &&
    Number.isSafeInteger(raw.partnerId) &&
    (raw.partnerId as number) > 0 &&
    (SYNC_SCHEDULES as readonly unknown[]).includes(raw.schedule) &&
    (raw.pageUrl === null || isString(raw.pageUrl))
      ? {
          username: raw.username,
          password: raw.password,
          apiKey: raw.apiKey,
          partnerId: raw.partnerId as number,
          schedule: raw.schedule as SyncSchedule,
          pageUrl: raw.pageUrl as string | null,
        }
      : undefined,
  'options:sync-now': () => ({}),
  'options:forget-sync': () => ({}),
};

const extensionPageValidators: Record<string, Validator<object>> = { ...pageValidators, ...optionsValidators };

export function parseExtensionPageMessage(raw: unknown): ExtensionPageMessage | undefined {
  return parseWith<ExtensionPageMessage>(extensionPageValidators, raw);
}
