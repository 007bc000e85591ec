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
 * A6  SessionService (D: the calls "as the user" carry groupId + adminName + adminCredentials)
 *     has form-POST ops at https://www.glance.net/services/SessionService.asmx/<Op>:
 *     StartSession (sessionType, keyMode, key), GetSessionStatus (sessionId),
 *     SetSessionType (sessionId, sessionType), EndSession (sessionId), GetConferenceInfo ().
 *     Only LookupPartnerCobrowseSession is public; the names here are ours. Confirm: the service's
 *     WSDL https://www.glance.net/services/SessionService.asmx?WSDL lists its operations.
 * A7  Session ops answer `<SessionInfo>` with sessionId, key (empty for "no key"), joinUrl, status,
 *     sessionType, startedAt, expiresAt, endedAt, durationSeconds and `<guests>` of `<guest>` with
 *     name, email, phone, joinedAt, leftAt. Dates are ISO 8601 UTC (D for Glance's records).
 *     Confirm: the WSDL's response types.
 * A8  Status letters (D: the letters exist; A: what they mean for a live session): W waiting for
 *     guests, A active (a guest has joined), E ended, X expired unjoined. Confirm: Glance's session
 *     report documentation, or a live call before and after a guest joins.
 * A9  An unjoined session expires 10 minutes after it started (D: "about 10 minutes"; A: exactly
 *     10 and measured from the start). A session a guest has joined does not expire by itself.
 * A10 A fixed key (or "no key") may be used by only one live session of an address at a time;
 *     starting a second answers fault `KeyInUse`. Random keys never collide with a live session of
 *     the same address. Confirm: start two fixed-key sessions with the same key on a real account.
 * A11 SetSessionType switches a live session between G (screen share) and C (cobrowse) in place:
 *     same session id, same key, guests stay. Switching to V is not allowed (`InvalidRequest`).
 * A12 EndSession on an already ended or expired session answers its SessionInfo unchanged (so a
 *     retried end is harmless); an unknown id, or one of another user, is `UnknownSession`; other
 *     ops on a session that is no longer live answer `SessionNotLive`.
 * A13 durationSeconds is from startedAt to endedAt in whole seconds (not only the time with guests).
 * A14 GetConferenceInfo answers `<ConferenceInfo>` with `<phoneNumbers>` of
 *     `<phone country="US">+1 …</phone>`, `accessCode` and `notes`; all empty when the user has no
 *     Glance conferencing. D: provisioning with AudioProvider=1 returns the audio account details;
 *     a read call for an existing user is not public.
 * A15 The guest join link is `https://<address>/?key=<key>` and prefills the key on Glance's join
 *     page (D: guests open the address and type the key). Confirm: open such a link.
 *     The client keeps A7's joinUrl only when it is an https link on that address, and builds this
 *     link otherwise (join-link.ts): an answer is input, and the link goes to customers.
 * A16 The join page asks for name (required), email and phone (optional); in reality the host
 *     chooses which are asked for and required.
 * A17 The free trial sign-up page is https://www.glance.net/signup/trial and accepts `name` and
 *     `email` query parameters to prefill the form (no API). Confirm: visit the page.
 * A18 A key chosen in advance (a scheduled meeting's random key, picked when it is scheduled so the
 *     invitation can carry it) is started as StartSession keyMode `fixed` with that key: Glance has
 *     no call that reserves a key for later. Like any fixed key it is refused with `KeyInUse` while
 *     a live session of the address has it (A10), and the rep is told so. Confirm: start a session
 *     with keyMode fixed and a key that is not the account's usual one.
 */

import { GLANCE_WEB_ORIGIN } from '../../shared/glance-trial.js';

export { GLANCE_WEB_ORIGIN, TRIAL_SIGNUP_PATH, TRIAL_SIGNUP_QUERY, trialSignupUrl } from '../../shared/glance-trial.js';
/** The host part every Glance address ends with (D). */
export const GLANCE_ADDRESS_SUFFIX = '.glance.net';
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

// --- Calls made as the user (D fields, A6 ops) -----------------------------------------------
export const SESSION_SERVICE_PATH = '/services/SessionService.asmx';
export const SESSION_OP = {
  start: 'StartSession',
  status: 'GetSessionStatus',
  setType: 'SetSessionType',
  end: 'EndSession',
  conference: 'GetConferenceInfo',
} as const;
export type SessionOp = (typeof SESSION_OP)[keyof typeof SESSION_OP];

export function sessionServiceUrl(op: SessionOp): string {
  return `${GLANCE_WEB_ORIGIN}${SESSION_SERVICE_PATH}/${op}`;
}

/** D: the identity fields every call "as the user" carries. */
export const AUTH_FIELD = { groupId: 'groupId', adminName: 'adminName', adminCredentials: 'adminCredentials' } as const;
export const SESSION_FIELD = {
  sessionId: 'sessionId',
  sessionType: 'sessionType',
  keyMode: 'keyMode',
  key: 'key',
} as const;

/** D: Glance's session type letters. */
export const SESSION_TYPE = { screenShare: 'G', viewGuest: 'V', cobrowse: 'C' } as const;
export type SessionType = (typeof SESSION_TYPE)[keyof typeof SESSION_TYPE];
/** A11: the types SetSessionType may switch between. */
export const SWITCHABLE_SESSION_TYPES: readonly SessionType[] = [SESSION_TYPE.screenShare, SESSION_TYPE.cobrowse];

export const KEY_MODE = { random: 'random', fixed: 'fixed', none: 'none' } as const;
export type KeyMode = (typeof KEY_MODE)[keyof typeof KEY_MODE];
/** D: session keys are 4 digits. */
export const SESSION_KEY_PATTERN = /^\d{4}$/;

/** A8: the meaning we give Glance's status letters for a live session. */
export const SESSION_STATUS = { waiting: 'W', active: 'A', ended: 'E', expired: 'X' } as const;
export type SessionStatus = (typeof SESSION_STATUS)[keyof typeof SESSION_STATUS];
export const LIVE_SESSION_STATUSES: readonly SessionStatus[] = [SESSION_STATUS.waiting, SESSION_STATUS.active];

/** A9: an unjoined session expires this long after it started. */
export const UNJOINED_SESSION_LIFETIME_MS = 10 * 60 * 1000;

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

// --- Faults (A4, A10, A12) --------------------------------------------------------------------
export const FAULT_HTTP_STATUS = 500;
export const FAULT_XML = { root: 'Fault', code: 'code', message: 'message' } as const;
export const GLANCE_FAULT = {
  invalidPassword: 'InvalidPassword',
  unknownUser: 'UnknownUser',
  invalidCredentials: 'InvalidCredentials',
  keyInUse: 'KeyInUse',
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

/** True for host names shaped like a Glance address (`acme.glance.net`, `ja.acme.glance.net`). */
export function isGlanceAddress(value: string): boolean {
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+glance\.net$/.test(value) && value !== 'www.glance.net';
}
