/**
 * What Glance documents, and only that: the interfaces a session rests on. A session starts, shows,
 * is logged and ends on these alone; what is only assumed sits in assumptions.ts, used where a
 * connection has shown it to exist (capabilities.ts). Pure data and pure helpers (no chrome.*, no
 * Node): the service worker, the tests and the sandbox's emulator import the same list.
 *
 * Sources (each item below names its own):
 * - [login-key-usage] help.glance.cx/integrations/login-key/integration_usage/ (the launch, the start
 *   page and the agent viewer, with their parameters; `username` is "the Glance Address").
 * - [status] help.glance.net/integrations/webservices/activity/status (the status letters).
 * - [target-urls] help.glance.cx/integrations/service-target-urls/ (AgentView.aspx: SessionKey or
 *   VisitorId, Wait, name, email, phone).
 * - [visitor] help.glance.cx/glance-cobrowse/glance-cobrowse-customizing/visitor_agent/agent_side/
 *   (a visitor id or key: letters, digits, `_` and `-`, up to 50).
 * - [screen-share] help.glance.net: session keys for screen share are 4 digits; guests open the
 *   Glance address and type the key; an unjoined session ends after about 10 minutes.
 */

export { GLANCE_WEB_ORIGIN } from '../../shared/glance-trial.js';

import { GLANCE_WEB_ORIGIN } from '../../shared/glance-trial.js';

/** The custom protocol that starts the Glance Client [login-key-usage]. */
export const CLIENT_LAUNCH_PREFIX = 'glance://startssn';

/** Who the client starts the session as: the Glance address, or (SSO) a partner user with a login key. */
export type LaunchIdentity = { username: string } | { partnerId: string; partnerUserId: string; loginKey: string };

/**
 * `glance://startssn?key=…&username=…` (or partnerid, partneruserid and loginkey) [login-key-usage]:
 * the integration supplies the key, so it is known before anyone joins. No key: the parameter is left
 * out and the client starts the session as the rep's Glance settings say.
 */
export function clientLaunchUrl(key: string, identity: LaunchIdentity): string {
  const query = new URLSearchParams();
  if (key) query.set('key', key);
  if ('username' in identity) query.set('username', identity.username);
  else {
    query.set('partnerid', identity.partnerId);
    query.set('partneruserid', identity.partnerUserId);
    query.set('loginkey', identity.loginKey);
  }
  return `${CLIENT_LAUNCH_PREFIX}?${query}`;
}

/**
 * The page that "checks for an installed client, optionally installs it, and signals it to start a
 * session" [login-key-usage]; its documented parameters are SSO's, so without SSO it is opened bare.
 */
export const AGENT_START_PATH = '/agent/start';
export function agentStartUrl(identity?: Extract<LaunchIdentity, { loginKey: string }>): string {
  if (!identity) return `${GLANCE_WEB_ORIGIN}${AGENT_START_PATH}`;
  const query = new URLSearchParams({
    partnerid: identity.partnerId,
    partneruserid: identity.partnerUserId,
    loginkey: identity.loginKey,
  });
  return `${GLANCE_WEB_ORIGIN}${AGENT_START_PATH}?${query}`;
}

/** The agent viewer that joins a visitor's cobrowse session [target-urls]. */
export const AGENT_VIEW_PATH = '/agentjoin/AgentView.aspx';
interface AgentViewRequest {
  /** The key the visitor reads out, or the visitor id the company's site sets. */
  key: string;
  by: 'key' | 'visitor-id';
  name: string;
  email: string;
  phone?: string;
  /** Signed in with single sign-on: the viewer authenticates with the login key [login-key-usage]. */
  login?: Extract<LaunchIdentity, { loginKey: string }>;
}
/** With Wait=1 the viewer waits for the session to start instead of showing an error [target-urls]. */
export function agentViewUrl(request: AgentViewRequest): string {
  const query = new URLSearchParams();
  query.set(request.by === 'visitor-id' ? 'VisitorId' : 'SessionKey', request.key);
  query.set('Wait', '1');
  if (request.name) query.set('name', request.name);
  if (request.email) query.set('email', request.email);
  if (request.phone) query.set('phone', request.phone);
  if (request.login) {
    query.set('partnerid', request.login.partnerId);
    query.set('partneruserid', request.login.partnerUserId);
    query.set('loginkey', request.login.loginKey);
  }
  return `${GLANCE_WEB_ORIGIN}${AGENT_VIEW_PATH}?${query}`;
}

/** [visitor]: what a visitor id or cobrowse key may hold. */
export { VISITOR_KEY_PATTERN } from '../../shared/visitor-key.js';
/** [screen-share]: a screen-share session key is 4 digits. */
export const SESSION_KEY_PATTERN = /^\d{4}$/;

/** [screen-share]: an unjoined session ends after about this long. */
export const UNJOINED_SESSION_LIFETIME_MS = 10 * 60 * 1000;

/** Glance's session type letters [status]. */
export const SESSION_TYPE = { screenShare: 'G', viewGuest: 'V', cobrowse: 'C' } as const;
export type SessionType = (typeof SESSION_TYPE)[keyof typeof SESSION_TYPE];

/** Glance's session status letters, exactly as published [status]. */
const SESSION_STATUS = {
  A: 'active',
  C: 'completed',
  D: 'dropped or declined',
  E: 'error',
  J: 'setting up',
  K: 'killed',
  L: 'locked',
  Q: 'quit',
  T: 'timed out',
  U: 'unknown',
  W: 'waiting',
  X: 'completed without a clean close',
} as const;
export type SessionStatusLetter = keyof typeof SESSION_STATUS;

/** Over, however it ended. U (unknown) is neither: it tells nothing about the session. */
const ENDED_STATUSES: readonly SessionStatusLetter[] = ['C', 'D', 'E', 'K', 'Q', 'T', 'X'];

export const isEndedStatus = (letter: string) => (ENDED_STATUSES as readonly string[]).includes(letter);

/** True for host names shaped like a Glance address (`acme.glance.net`, `ja.acme.glance.net`). */
export function isGlanceAddress(value: string): boolean {
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+glance\.net$/.test(value) && value !== 'www.glance.net';
}
