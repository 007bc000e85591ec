// The org check as a table: each row one call of the extension's, run in this order. A row that
// needs the test Lead is skipped when none could be made; clean-up always runs last.
import type { OrgCheck } from './context.js';
import { guestKnown, guestLeadCreated } from './guest-checks.js';
import { meetingCancelled, meetingScheduled } from './meeting-checks.js';
import { cleanUp, testLead, whoAmI } from './org-checks.js';
import { chatterPost, eventEnd, eventStart, leadRule } from './session-checks.js';

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
