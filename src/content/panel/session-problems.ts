// What the rep reads when the background says no. In the panel's lazily injected script (which a
// Start click injects at once), not in the content script every Salesforce page loads: the toolbar
// asks for these words only after a refused start or an ended session.
import type { MessageKey } from '../../shared/i18n.js';
import type { MeetingProblem, SessionProblem } from '../../shared/protocol/index.js';

/** What toolbar.notice takes: the message, its tone, and whether to offer the settings. */
export type Notice = [MessageKey, 'info' | 'error', boolean];

const PROBLEM_TEXT: Record<SessionProblem, MessageKey> = {
  'glance-not-connected': 'problemGlanceNotConnected',
  'glance-reconnect': 'problemGlanceReconnect',
  'glance-unavailable': 'problemGlanceUnavailable',
  'key-in-use': 'problemKeyInUse',
  'switch-in-glance': 'problemSwitchInGlance',
  'invalid-visitor-key': 'joinKeyInvalid',
  'viewer-blocked': 'problemViewerBlocked',
  'session-running': 'problemSessionRunning',
  'session-gone': 'problemSessionGone',
  'not-a-record': 'problemNotARecord',
  'glance-address-not-allowed': 'problemGlanceAddressNotAllowed',
  'key-not-allowed': 'problemKeyNotAllowed',
  'choice-not-offered': 'problemChoiceNotOffered',
};

/** The message for a problem; an unknown one (a newer background) or no answer at all gets a generic text. */
export function problemText(problem: SessionProblem | undefined): MessageKey {
  return (problem && PROBLEM_TEXT[problem]) || 'problemNoAnswer';
}

/**
 * Problems the rep fixes in Glance settings, so we offer the button that opens them; their words
 * name that button and no other way (tests/unit/toolbar-notices.test.ts). A fixed key in use is
 * fixed there too: the rep chooses a random key (the other session may be anyone's, anywhere).
 */
function problemNeedsSettings(problem: SessionProblem | undefined): boolean {
  return (
    problem === 'glance-not-connected' ||
    problem === 'glance-reconnect' ||
    problem === 'glance-address-not-allowed' ||
    problem === 'key-in-use'
  );
}

/**
 * What the toolbar says when the session it replaced ended, as toolbar.notice's key, tone and offer
 * of the settings: ended by the company's policy is an error, and a reason fixed in the settings
 * (a forbidden Glance address) offers them. `why` is undefined when someone simply ended it.
 */
export function endedNotice(why: SessionProblem | undefined): Notice {
  const forbidden = why === 'glance-address-not-allowed';
  return [
    why ? problemText(why) : 'sessionEnded',
    forbidden || why === 'key-not-allowed' ? 'error' : 'info',
    problemNeedsSettings(why),
  ];
}

/**
 * Meeting problems Start scheduled meeting may answer, beside the session's own. Another address is
 * fixed in the settings, which the toolbar offers: its words name that button (the meeting dialog's
 * own words for it, without the button, stay meetingRefusedOtherAddress).
 */
const MEETING_START_TEXT: Partial<Record<MeetingProblem, MessageKey>> = {
  'meeting-gone': 'meetingRefusedGone',
  'meeting-not-due': 'meetingRefusedNotDue',
  'meeting-other-address': 'problemMeetingOtherAddress',
};

/** What the toolbar says when a start was refused, as toolbar.notice's key, tone and offer of the settings. */
export function startRefusal(problem: SessionProblem | MeetingProblem | undefined): Notice {
  const meetingText = problem && MEETING_START_TEXT[problem as MeetingProblem];
  if (meetingText) return [meetingText, 'error', problem === 'meeting-other-address'];
  const sessionProblem = problem as SessionProblem | undefined;
  return [problemText(sessionProblem), 'error', problemNeedsSettings(sessionProblem)];
}
