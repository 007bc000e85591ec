// The org check as a table: each row one call of the extension's, run in this order. A row that
// needs the test Lead is skipped when none could be made; clean-up always runs last.
import type { OrgCheckId, OrgCheckResult, OrgSetting } from '../shared/org-check.js';
import type { OrgCheckRun } from './context.js';
import { guestKnown, guestLeadCreated } from './guest-checks.js';
import { meetingCancelled, meetingScheduled } from './meeting-checks.js';
import { cleanUp, testLead, whoAmI } from './org-checks.js';
import { chatterPost, eventEnd, eventStart, leadRule } from './session-checks.js';

export interface OrgCheck {
  id: OrgCheckId;
  /** Runs only once the test Lead exists. */
  needsLead?: boolean;
  /** A refusal here is Chatter's (an org with Chatter off refuses it). */
  chatter?: boolean;
  /** After this row's result, nothing else is worth running (no API access at all). */
  stopsTheRest?(result: OrgCheckResult): boolean;
  /** What was checked, in record ids and Salesforce's words; throws (Refused, SalesforceError) on a failure. */
  run(run: OrgCheckRun): Promise<string | { detail: string; refusedBy: OrgSetting }>;
}

export const ORG_CHECKS: readonly OrgCheck[] = [
  whoAmI,
  testLead,
  eventStart,
  chatterPost,
  eventEnd,
  meetingScheduled,
  meetingCancelled,
  leadRule,
  guestLeadCreated,
  guestKnown,
  cleanUp,
];
