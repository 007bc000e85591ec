import { type MessageKey, t } from '../../shared/i18n.js';
import type { GlanceProblem } from '../../shared/protocol/index.js';

const PROBLEM_TEXT: Record<GlanceProblem, MessageKey> = {
  'invalid-address': 'problemInvalidAddress',
  'glance-address-not-allowed': 'problemAddressNotAllowed',
  'password-missing': 'problemPasswordMissing',
  'wrong-password': 'problemWrongPassword',
  'unknown-address': 'problemUnknownAddress',
  'glance-unavailable': 'problemUnavailable',
  'glance-not-connected': 'problemNotConnected',
  'glance-reconnect': 'problemReconnect',
  'session-not-ended': 'problemSessionNotEnded',
  'browser-too-old': 'problemBrowserTooOld',
  'conference-not-offered': 'problemConferenceNotOffered',
  'sso-not-set-up': 'problemSsoNotSetUp',
  'sign-in-refused': 'problemSignInRefused',
  'sign-in-unfinished': 'problemSignInUnfinished',
};

export const problemText = (problem: GlanceProblem) => t(PROBLEM_TEXT[problem]);
