// What the rep reads when the background says no. Kept apart from the panel so the toolbar (loaded
// with every Salesforce page) and the lazily loaded panel share one table.
import type { MessageKey } from '../shared/i18n.js';
import type { SessionProblem } from '../shared/messages.js';

const PROBLEM_TEXT: Record<SessionProblem, MessageKey> = {
  'glance-not-connected': 'problemGlanceNotConnected',
  'glance-reconnect': 'problemGlanceReconnect',
  'glance-unavailable': 'problemGlanceUnavailable',
  'key-in-use': 'problemKeyInUse',
  'session-running': 'problemSessionRunning',
  'session-gone': 'problemSessionGone',
  'not-a-record': 'problemNotARecord',
  'glance-address-not-allowed': 'problemGlanceAddressNotAllowed',
  'key-not-allowed': 'problemKeyNotAllowed',
};

/** The message for a problem; an unknown one (a newer background) or no answer at all gets a generic text. */
export function problemText(problem: SessionProblem | undefined): MessageKey {
  return (problem && PROBLEM_TEXT[problem]) || 'problemNoAnswer';
}

/** Problems the rep fixes in Glance settings, so we offer the button that opens them. */
export function problemNeedsSettings(problem: SessionProblem | undefined): boolean {
  return (
    problem === 'glance-not-connected' || problem === 'glance-reconnect' || problem === 'glance-address-not-allowed'
  );
}

/**
 * What the toolbar says when the session it replaced ended, as toolbar.notice's key, tone and offer
 * of the settings: ended by the company's policy is an error, and a forbidden Glance address offers
 * the settings that fix it. `why` is undefined when someone simply ended it.
 */
export function endedNotice(why: SessionProblem | undefined): [MessageKey, 'info' | 'error', boolean] {
  const forbidden = why === 'glance-address-not-allowed';
  return [
    why ? problemText(why) : 'sessionEnded',
    forbidden || why === 'key-not-allowed' ? 'error' : 'info',
    forbidden,
  ];
}
