// Requests a content script sends from a Salesforce tab's top frame (`content:`), what each answers,
// and their check on arrival. The worker takes the tab's host and cookie store from the browser's
// sender record, never from the payload.
import { type MeetingContentRequests, meetingValidators } from './meeting.js';
import type {
  LazyScript,
  PresenceView,
  SalesforceStatus,
  SessionMode,
  SessionResult,
  SessionView,
  SwitchableMode,
} from './session-views.js';
import { isString, type MessageOf, type NoPayload, parseWith, type Validator, type ValidatorsOf } from './validate.js';
import { type WrapUpContentRequests, wrapUpValidators } from './wrap-up.js';

/** Requests a content script may send, and what each answers. */
export interface ContentRequests extends MeetingContentRequests, WrapUpContentRequests {
  /** About the sender tab's own org (the host comes from the browser's sender record, not the payload). */
  'content:salesforce-status': { request: NoPayload; response: SalesforceStatus };
  /** A screen share (`mode`), or joining the customer's cobrowse session with the key or visitor id they gave (`join`). */
  'content:start-session': {
    request: { pageUrl: string } & ({ mode: SessionMode; join?: undefined } | { join: string; mode?: undefined });
    response: SessionResult;
  };
  /** The running session, if any; while a panel shows, asking also refreshes the guests from Glance. */
  'content:session': { request: { refresh: boolean }; response: SessionView | null };
  /** Switches to the given mode; asking twice for the same mode changes nothing. */
  'content:switch-mode': { request: { sessionId: string; mode: SwitchableMode }; response: SessionResult };
  'content:end-session': { request: { sessionId: string }; response: SessionResult };
  /** A guest the rep adds by hand: in the Event at the end, and a Lead by the rep's policy. */
  'content:add-guest': { request: { sessionId: string; name: string; email: string }; response: SessionResult };
  /**
   * Which of the offered open records the session is about (`recordId` '' for none of them): checked
   * against the candidates the background holds, and written with the session's end.
   */
  'content:choose-related': { request: { sessionId: string; recordId: string }; response: SessionResult };
  'content:open-settings': { request: NoPayload; response: { ok: true } };
  /** Need more help?: the worker opens the reps' guide (an extension page a web page may not open). */
  'content:open-help': { request: NoPayload; response: { ok: true } };
  /** Whether the rep collapsed the toolbar (remembered across pages); with `collapsed`, stores it first. */
  'content:toolbar-collapsed': { request: { collapsed?: boolean }; response: { collapsed: boolean } };
  /** Injects one of the lazily loaded scripts (the session panel, the meeting dialog) into the sender's tab. */
  'content:load-panel': { request: { script: LazyScript }; response: { ok: boolean } };
  /** Whether the record's customer is on the company's website now (Glance Presence). */
  'content:presence': { request: { pageUrl: string }; response: PresenceView };
}

export type ContentMessage = MessageOf<ContentRequests>;

/** Lead.LastName holds 80 characters, Email 80 (Salesforce Object Reference); the panel's fields stop there too. */
export const GUEST_NAME_MAX = 80;
export const GUEST_EMAIL_MAX = 80;

/**
 * What a start may ask for: Glance's documented launch starts a screen share (its display and
 * direction parameters are not published), so viewing the customer's screen or cobrowsing is chosen
 * in Glance's own window, or joined from the customer's side.
 */
const MODES: readonly SessionMode[] = ['screenshare'];

const contentValidators: ValidatorsOf<ContentRequests> = {
  ...meetingValidators,
  ...wrapUpValidators,
  'content:salesforce-status': () => ({}),
  'content:start-session': (raw) => {
    if (!isString(raw.pageUrl)) return undefined;
    if (isString(raw.join, 100) && raw.mode === undefined) return { pageUrl: raw.pageUrl, join: raw.join };
    return MODES.includes(raw.mode as SessionMode) && raw.join === undefined
      ? { pageUrl: raw.pageUrl, mode: raw.mode as SessionMode }
      : undefined;
  },
  'content:open-settings': () => ({}),
  'content:open-help': () => ({}),
  'content:choose-related': (raw) =>
    isString(raw.sessionId, 100) && isString(raw.recordId, 18)
      ? { sessionId: raw.sessionId, recordId: raw.recordId }
      : undefined,
  'content:toolbar-collapsed': (raw) =>
    raw.collapsed === undefined || typeof raw.collapsed === 'boolean'
      ? { ...(raw.collapsed === undefined ? {} : { collapsed: raw.collapsed }) }
      : undefined,
  'content:load-panel': (raw) =>
    raw.script === 'panel' || raw.script === 'meeting-dialog' ? { script: raw.script } : undefined,
  'content:session': (raw) => ({ refresh: raw.refresh === true }),
  'content:presence': (raw) => (isString(raw.pageUrl) ? { pageUrl: raw.pageUrl } : undefined),
  'content:switch-mode': (raw) =>
    isString(raw.sessionId, 100) && (raw.mode === 'screenshare' || raw.mode === 'cobrowse')
      ? { sessionId: raw.sessionId, mode: raw.mode }
      : undefined,
  'content:end-session': (raw) => (isString(raw.sessionId, 100) ? { sessionId: raw.sessionId } : undefined),
  'content:add-guest': (raw) =>
    isString(raw.sessionId, 100) &&
    isString(raw.name, GUEST_NAME_MAX) &&
    raw.name.trim() !== '' &&
    isString(raw.email, GUEST_EMAIL_MAX)
      ? { sessionId: raw.sessionId, name: raw.name, email: raw.email }
      : undefined,
};

export function parseContentMessage(raw: unknown): ContentMessage | undefined {
  return parseWith<ContentMessage>(contentValidators as Record<string, Validator<object>>, raw);
}
