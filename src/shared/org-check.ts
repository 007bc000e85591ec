// The org check's vocabulary, shared by the options page that runs and shows it and
// `npm run org-check`: which call was checked, and which org setting refused it.
import type { MessageKey } from './i18n.js';

/** One check, in the order they run. */
export type OrgCheckId =
  | 'who-am-i'
  | 'test-lead'
  | 'event-start'
  | 'chatter-post'
  | 'event-end'
  | 'meeting-scheduled'
  | 'meeting-cancelled'
  | 'lead-rule'
  | 'guest-lead'
  | 'guest-known'
  | 'clean-up';

/** What refused a call, read from Salesforce's answer by the extension's one classification. */
export type OrgSetting =
  | 'session-not-for-api'
  | 'api-disabled'
  | 'session'
  | 'daily-limit'
  | 'unavailable'
  | 'chatter-off'
  | 'field-permissions'
  | 'validation-rule'
  | 'duplicate-rule'
  | 'other';

export interface OrgCheckResult {
  id: OrgCheckId;
  ok: boolean;
  /** Record ids, field names and Salesforce's own words: data, not prose. */
  detail: string;
  /** Set when the org refused the call (or part of it). */
  refusedBy?: OrgSetting;
}

/** The org check's answer: each call's outcome, or why no org could be checked. */
export type OrgCheckView =
  | { ok: true; apiHost: string; results: OrgCheckResult[] }
  | { ok: false; problem: 'no-salesforce-tab' };

/** The message (extension/_locales) that names each check. */
export const ORG_CHECK_MESSAGE: Record<OrgCheckId, MessageKey> = {
  'who-am-i': 'orgCheckWhoAmI',
  'test-lead': 'orgCheckTestLead',
  'event-start': 'orgCheckEventStart',
  'chatter-post': 'orgCheckChatterPost',
  'event-end': 'orgCheckEventEnd',
  'meeting-scheduled': 'orgCheckMeetingScheduled',
  'meeting-cancelled': 'orgCheckMeetingCancelled',
  'lead-rule': 'orgCheckLeadRule',
  'guest-lead': 'orgCheckGuestLead',
  'guest-known': 'orgCheckGuestKnown',
  'clean-up': 'orgCheckCleanUp',
};

/** The message that says which org setting refused, and what to change. */
export const ORG_SETTING_MESSAGE: Record<OrgSetting, MessageKey> = {
  'session-not-for-api': 'orgCheckBySessionNotForApi',
  'api-disabled': 'orgCheckByApiDisabled',
  session: 'orgCheckBySession',
  'daily-limit': 'orgCheckByDailyLimit',
  unavailable: 'orgCheckByUnavailable',
  'chatter-off': 'orgCheckByChatterOff',
  'field-permissions': 'orgCheckByFieldPermissions',
  'validation-rule': 'orgCheckByValidationRule',
  'duplicate-rule': 'orgCheckByDuplicateRule',
  other: 'orgCheckByOther',
};
