// The one typed message protocol. Requests are named by direction (content:…, popup:…); every
// payload is validated on arrival by the receiver, because any page script bug or a compromised
// renderer can send us anything.

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

/** Requests the popup and options pages may send. */
export interface PopupRequests {
  'popup:salesforce-status': { request: { pageUrl: string | null }; response: SalesforceStatus | null };
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
