/**
 * Everything about Glance's web services that no public Glance page confirms, in one place.
 *
 * The extension's Glance client and the sandbox's Glance emulator both import this module, so the
 * two cannot drift apart: when a real Glance account shows one of these to be wrong, change it here
 * and both follow. Pure data and tiny pure helpers only (no chrome.*, no Node), so it loads in the
 * service worker, in Node tests and in the emulator alike.
 *
 * D = documented on Glance's public help pages (kept here only because the constants sit beside
 * the assumptions); A = assumed. Each A names the public page that would confirm or refute it.
 *
 * A1  ValidateUser has an HTTP form-POST binding at
 *     POST https://www.glance.net/services/ProvisioningService.asmx/ValidateUser
 *     (the .asmx path is D; the `/<Op>` form-POST binding is how ASMX exposes "HTTPS POST returning
 *     XML"). Confirm: the ASMX help page https://www.glance.net/services/ProvisioningService.asmx?op=ValidateUser
 *     lists an "HTTP POST" section when that binding is enabled.
 * A2  ValidateUser's form fields are `username` (the Glance address, e.g. `acme.glance.net`) and
 *     `password`. Confirm: the same ?op= page shows the parameter names.
 * A3  ValidateUser answers `<ValidateUserResult>` holding `credentials` (32 hex characters, new on
 *     each call: D), `groupId`, `userName`, `displayName` and `email`. Confirm: the ?op= page's
 *     sample response.
 * A4  Failures answer HTTP 500 with an XML body `<Fault><code>…</code><message>…</message></Fault>`;
 *     codes in GLANCE_FAULT: a wrong password is `InvalidPassword`, an unknown address
 *     `UnknownUser`, bad or revoked credentials `InvalidCredentials`. A body that is not a form
 *     POST answers 500 with `InvalidRequest`, as ASMX rejects an unknown request format. Confirm:
 *     call ValidateUser with a wrong password against the real service (the org-check tool does).
 * A5  A new ValidateUser does not revoke credentials issued earlier (a rep connected on two
 *     machines keeps both). The client must still treat InvalidCredentials as "reconnect needed".
 *     Confirm: ValidateUser twice, then call GetSessionStatus with the first credentials.
 * A6  Optional, used only where a probe showed them (capabilities.ts): SessionService form-POST ops
 *     at https://www.glance.net/services/SessionService.asmx/<Op>, each carrying the identity fields
 *     (D: groupId + adminName + adminCredentials) and the session's key, since the Glance Client, not
 *     the extension, starts the session and no session id reaches us:
 *     GetSessionStatus (key), SetSessionType (key, sessionType), EndSession (key), GetConferenceInfo ().
 *     Only LookupPartnerSession2 and AgentInSession are seen (in Glance's shipped agent script); the
 *     names here are ours. A real account answers them as ASMX answers an unknown operation (500,
 *     "… Web Service method name is not valid."), and the extension then goes on without them.
 *     Confirm: `npm run org-check -- --glance`, or the WSDL https://www.glance.net/services/SessionService.asmx?WSDL.
 * A7  Those ops answer `<SessionInfo>` with sessionId, key, joinUrl, status (D letters), sessionType,
 *     startedAt, expiresAt, endedAt, durationSeconds and `<guests>` of `<guest>` with name, email,
 *     phone, joinedAt, leftAt; the account's most recent session with that key. Dates are ISO 8601
 *     UTC (D for Glance's records). Confirm: the WSDL's response types.
 * A11 SetSessionType switches a live session between G (screen share) and C (cobrowse) in place:
 *     same key, guests stay. Switching to V is not allowed (`InvalidRequest`).
 * A12 EndSession on an already ended session answers its SessionInfo unchanged (so a retried end is
 *     harmless); a key with no session of this user is `UnknownSession`; other ops on a session
 *     that is no longer live answer `SessionNotLive`.
 * A14 GetConferenceInfo answers `<ConferenceInfo>` with `<phoneNumbers>` of
 *     `<phone country="US">+1 …</phone>`, `accessCode` and `notes`; all empty when the user has no
 *     Glance conferencing. D: provisioning with AudioProvider=1 returns the audio account details;
 *     a read call for an existing user is not public.
 * A15 The guest join link is `https://<address>/?key=<key>` and prefills the key on Glance's join
 *     page (D: guests open the address and type the key, so the panel always says the key too).
 *     The client keeps A7's joinUrl only when it is an https link on that address, and builds this
 *     link otherwise (join-link.ts): an answer is input, and the link goes to customers.
 * A16 The join page asks for name (required), email and phone (optional); in reality the host
 *     chooses which are asked for and required.
 * A17 The free trial sign-up page is https://www.glance.net/signup/trial and accepts `name` and
 *     `email` query parameters to prefill the form (no API). Confirm: visit the page.
 *
 * Now documented, and moved to documented.ts: the status letters (were A8), the unjoined session's
 * end (A9), the client launch with a key the integration chooses (the old StartSession, A10 and A18
 * are gone with it: the extension picks the key, Glance never does).
 */

import { GLANCE_WEB_ORIGIN } from '../../shared/glance-trial.js';
import { SESSION_TYPE, type SessionType } from './documented.js';

export { GLANCE_WEB_ORIGIN, TRIAL_SIGNUP_PATH, TRIAL_SIGNUP_QUERY, trialSignupUrl } from '../../shared/glance-trial.js';
/** XML namespace of the ASMX answers (ASMX services name one; ours is assumed, A3). */
export const GLANCE_XML_NAMESPACE = 'http://www.glance.net/';
/** The content type of every request body to the ASMX services (A1, A6). */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

// --- Connect (A1, A2, A3) -------------------------------------------------------------------
export const VALIDATE_USER_PATH = '/services/ProvisioningService.asmx/ValidateUser';
export const VALIDATE_USER_URL = `${GLANCE_WEB_ORIGIN}${VALIDATE_USER_PATH}`;
export const VALIDATE_USER_FIELD = { username: 'username', password: 'password' } as const;
/** Element names in the ValidateUser answer. */
export const VALIDATE_USER_XML = {
  root: 'ValidateUserResult',
  credentials: 'credentials',
  groupId: 'groupId',
  userName: 'userName',
  displayName: 'displayName',
  email: 'email',
} as const;
/** D: the credential is 32 hexadecimal characters. */
export const CREDENTIALS_PATTERN = /^[0-9a-f]{32}$/i;

// --- Optional calls made as the user (D fields, A6 ops) ----------------------------------------
export const SESSION_SERVICE_PATH = '/services/SessionService.asmx';
export const SESSION_OP = {
  status: 'GetSessionStatus',
  setType: 'SetSessionType',
  end: 'EndSession',
  conference: 'GetConferenceInfo',
} as const;
export type SessionOp = (typeof SESSION_OP)[keyof typeof SESSION_OP];

export function sessionServiceUrl(op: SessionOp): string {
  return `${GLANCE_WEB_ORIGIN}${SESSION_SERVICE_PATH}/${op}`;
}

/**
 * The service's own list of its operations: an ASMX service describes itself at `?WSDL` (one GET
 * answering 200, where asking each operation draws a 500 per absent one, which Chromium's extension
 * request throttling counts). A6's confirm step reads the same list.
 */
export const SESSION_SERVICE_WSDL_URL = `${GLANCE_WEB_ORIGIN}${SESSION_SERVICE_PATH}?WSDL`;
/** Operation names in a WSDL (`<wsdl:operation name="…">`, any namespace prefix). */
export const WSDL_OPERATION = /<(?:[A-Za-z][\w.-]*:)?operation\s[^>]*?name="([A-Za-z_][\w]*)"/g;

/** D: the identity fields every call "as the user" carries. */
export const AUTH_FIELD = { groupId: 'groupId', adminName: 'adminName', adminCredentials: 'adminCredentials' } as const;
export const SESSION_FIELD = { key: 'key', sessionType: 'sessionType' } as const;

/** A11: the types SetSessionType may switch between. */
export const SWITCHABLE_SESSION_TYPES: readonly SessionType[] = [SESSION_TYPE.screenShare, SESSION_TYPE.cobrowse];

/**
 * How an ASMX service answers a web method it does not have (HTTP 500, text/plain, .NET's own
 * wording): what a real account answers for every A6 op. The probe reads this as "absent".
 */
export const ASMX_UNKNOWN_METHOD = (op: string) =>
  `System.InvalidOperationException: ${op} Web Service method name is not valid.`;
export const ASMX_UNKNOWN_METHOD_PATTERN = /Web Service method name is not valid/;

/** Element names in the session answers (A7). */
export const SESSION_XML = {
  root: 'SessionInfo',
  sessionId: 'sessionId',
  key: 'key',
  joinUrl: 'joinUrl',
  status: 'status',
  sessionType: 'sessionType',
  startedAt: 'startedAt',
  expiresAt: 'expiresAt',
  endedAt: 'endedAt',
  durationSeconds: 'durationSeconds',
  guests: 'guests',
  guest: 'guest',
  guestName: 'name',
  guestEmail: 'email',
  guestPhone: 'phone',
  guestJoinedAt: 'joinedAt',
  guestLeftAt: 'leftAt',
} as const;

/** Element names in the GetConferenceInfo answer (A14). */
export const CONFERENCE_XML = {
  root: 'ConferenceInfo',
  phoneNumbers: 'phoneNumbers',
  phone: 'phone',
  countryAttribute: 'country',
  accessCode: 'accessCode',
  notes: 'notes',
} as const;

// --- Faults (A4, A12) --------------------------------------------------------------------
export const FAULT_HTTP_STATUS = 500;
export const FAULT_XML = { root: 'Fault', code: 'code', message: 'message' } as const;
export const GLANCE_FAULT = {
  invalidPassword: 'InvalidPassword',
  unknownUser: 'UnknownUser',
  invalidCredentials: 'InvalidCredentials',
  unknownSession: 'UnknownSession',
  sessionNotLive: 'SessionNotLive',
  invalidRequest: 'InvalidRequest',
} as const;
export type GlanceFaultCode = (typeof GLANCE_FAULT)[keyof typeof GLANCE_FAULT];

// --- Guests and trial (A15, A17) --------------------------------------------------------------
export const JOIN_KEY_QUERY = 'key';

/** A15: where a guest joins; without a key it is the bare address, where the guest types one. */
export function joinUrl(address: string, key: string): string {
  const base = `https://${address}/`;
  return key ? `${base}?${JOIN_KEY_QUERY}=${encodeURIComponent(key)}` : base;
}
