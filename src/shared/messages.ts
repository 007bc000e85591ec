// The one typed message protocol. Requests are named by direction (content:…, popup:…); every
// payload is validated on arrival by the receiver, because any page script bug or a compromised
// renderer can send us anything.
import { type CompanyPolicy, type ConferencePhone, readSettings, type UserSettings } from './settings.js';

export interface SalesforceUser {
  id: string;
  name: string;
  email: string;
  username: string;
}

export type SalesforceStatus =
  | { state: 'ready'; apiHost: string; orgId: string; user: SalesforceUser }
  | { state: 'logged-out'; apiHost: string; loginUrl: string }
  | { state: 'api-disabled'; apiHost: string }
  | { state: 'unreachable'; apiHost: string };

/** A request that carries nothing but its type. */
export type NoPayload = Record<never, never>;

export type SessionMode = 'screenshare' | 'view' | 'cobrowse';

export type StartSessionResult = { ok: true } | { ok: false; reason: 'glance-not-connected' | 'not-available' };

/** Requests a content script may send, and what each answers. */
export interface ContentRequests {
  /** About the sender tab's own org (the host comes from the browser's sender record, not the payload). */
  'content:salesforce-status': { request: NoPayload; response: SalesforceStatus };
  'content:start-session': { request: { pageUrl: string; mode: SessionMode }; response: StartSessionResult };
  'content:open-settings': { request: NoPayload; response: { ok: true } };
}

/** The connected Glance account as pages may see it: never the credential. */
export interface GlanceAccountView {
  address: string;
  displayName: string;
  email: string;
}

/** Why Glance said no, in terms the user can act on. */
export type GlanceProblem =
  | 'invalid-address'
  | 'address-not-allowed'
  | 'password-missing'
  | 'wrong-password'
  | 'unknown-address'
  | 'unavailable'
  | 'not-connected'
  | 'reconnect';

export type ConnectResult = { ok: true; account: GlanceAccountView } | { ok: false; problem: GlanceProblem };
export type ConferenceResult = { ok: true; conference: ConferencePhone } | { ok: false; problem: GlanceProblem };

export interface SettingsView {
  settings: UserSettings;
  policy: CompanyPolicy;
  /** True when an administrator set any policy. */
  managed: boolean;
}

/** Requests the popup and options pages may send. */
export interface PopupRequests {
  'popup:salesforce-status': { request: { pageUrl: string | null }; response: SalesforceStatus | null };
  'popup:glance-account': { request: NoPayload; response: GlanceAccountView | null };
  'popup:connect-glance': { request: { address: string; password: string }; response: ConnectResult };
  'popup:disconnect-glance': { request: NoPayload; response: { ok: true } };
  'popup:settings': { request: NoPayload; response: SettingsView };
  'popup:save-settings': {
    request: { settings: UserSettings };
    response: { ok: true; view: SettingsView } | { ok: false; invalid: string[] };
  };
  'popup:conference-info': { request: NoPayload; response: ConferenceResult };
}

type MessageOf<R> = { [K in keyof R]: { type: K } & (R[K] extends { request: infer Q } ? Q : never) }[keyof R];
export type ContentMessage = MessageOf<ContentRequests>;
export type PopupMessage = MessageOf<PopupRequests>;
export type ResponseOf<R, K extends keyof R> = R[K] extends { response: infer A } ? A : never;

type Validator<T> = (raw: Record<string, unknown>) => T | undefined;

const isString = (value: unknown, max = 4096): value is string => typeof value === 'string' && value.length <= max;
const MODES: readonly SessionMode[] = ['screenshare', 'view', 'cobrowse'];

const contentValidators: { [K in keyof ContentRequests]: Validator<{ type: K } & ContentRequests[K]['request']> } = {
  'content:salesforce-status': () => ({ type: 'content:salesforce-status' }),
  'content:start-session': (raw) =>
    isString(raw.pageUrl) && MODES.includes(raw.mode as SessionMode)
      ? { type: 'content:start-session', pageUrl: raw.pageUrl, mode: raw.mode as SessionMode }
      : undefined,
  'content:open-settings': () => ({ type: 'content:open-settings' }),
};

const popupValidators: { [K in keyof PopupRequests]: Validator<{ type: K } & PopupRequests[K]['request']> } = {
  'popup:salesforce-status': (raw) =>
    raw.pageUrl === null || isString(raw.pageUrl)
      ? { type: 'popup:salesforce-status', pageUrl: raw.pageUrl as string | null }
      : undefined,
  'popup:glance-account': () => ({ type: 'popup:glance-account' }),
  'popup:connect-glance': (raw) =>
    isString(raw.address, 300) && isString(raw.password, 1000)
      ? { type: 'popup:connect-glance', address: raw.address, password: raw.password }
      : undefined,
  'popup:disconnect-glance': () => ({ type: 'popup:disconnect-glance' }),
  'popup:settings': () => ({ type: 'popup:settings' }),
  // readSettings keeps only known keys with allowed values; the background then checks the policy.
  'popup:save-settings': (raw) =>
    typeof raw.settings === 'object' && raw.settings !== null
      ? { type: 'popup:save-settings', settings: readSettings(raw.settings) }
      : undefined,
  'popup:conference-info': () => ({ type: 'popup:conference-info' }),
};

function parseWith<M>(validators: Record<string, Validator<M>>, raw: unknown): M | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(validators, type)) return undefined;
  return validators[type]?.(record);
}

export function parseContentMessage(raw: unknown): ContentMessage | undefined {
  return parseWith<ContentMessage>(contentValidators as Record<string, Validator<ContentMessage>>, raw);
}

export function parsePopupMessage(raw: unknown): PopupMessage | undefined {
  return parseWith<PopupMessage>(popupValidators as Record<string, Validator<PopupMessage>>, raw);
}
