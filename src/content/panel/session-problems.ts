// What the rep reads when the background says no. In the panel's lazily injected script (which a
// Start click injects at once), not in the content script every Salesforce page loads: the toolbar
// asks for these words only after a refused start or an ended session.
import type { MessageKey } from '../../shared/i18n.js';
import type { MeetingProblem } from '../../shared/meeting-request.js';
import type { SessionProblem } from '../../shared/messages.js';

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

/** Problems the rep fixes in Glance settings, so we offer the button that opens them. */
function problemNeedsSettings(problem: SessionProblem | undefined): boolean {
  return (
    problem === 'glance-not-connected' || problem === 'glance-reconnect' || problem === 'glance-address-not-allowed'
  );
}

/**
 * What the toolbar says when the session it replaced ended, as toolbar.notice's key, tone and offer
 * of the settings: ended by the company's policy is an error, and a forbidden Glance address offers
 * the settings that fix it. `why` is undefined when someone simply ended it.
 */
export function endedNotice(why: SessionProblem | undefined): Notice {
  const forbidden = why === 'glance-address-not-allowed';
  return [
    why ? problemText(why) : 'sessionEnded',
    forbidden || why === 'key-not-allowed' ? 'error' : 'info',
    forbidden,
  ];
}

/** Meeting problems Start scheduled meeting may answer, beside the session's own. */
const MEETING_START_TEXT: Partial<Record<MeetingProblem, MessageKey>> = {
  'meeting-gone': 'meetingRefusedGone',
  'meeting-not-due': 'meetingRefusedNotDue',
  'meeting-other-address': 'meetingRefusedOtherAddress',
};

/** What the toolbar says when a start was refused, as toolbar.notice's key, tone and offer of the settings. */
export function startRefusal(problem: SessionProblem | MeetingProblem | undefined): Notice {
  const meetingText = problem && MEETING_START_TEXT[problem as MeetingProblem];
  if (meetingText) return [meetingText, 'error', false];
  const sessionProblem = problem as SessionProblem | undefined;
  return [problemText(sessionProblem), 'error', problemNeedsSettings(sessionProblem)];
}
