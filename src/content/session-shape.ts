// A minimal shape check of session views arriving from the background. The sender is already
// checked; this guards against a background of another version (an update under an open tab)
// handing the panel something it would draw wrongly.
import type { BackgroundBroadcast, SessionMode, SessionProblem, SessionView } from '../shared/messages.js';

const MODES: readonly string[] = ['screenshare', 'view', 'cobrowse'] satisfies SessionMode[];
const isText = (value: unknown): value is string => typeof value === 'string';
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function readLeftOut(raw: unknown): SessionView['salesforceLeftOut'] {
  if (!isObject(raw) || !Array.isArray(raw.fields) || !isText(raw.reason)) return { fields: [], reason: '' };
  return { fields: raw.fields.filter(isText), reason: raw.reason };
}

/** The view, null for "no session", or undefined when the value is neither. */
export function readSessionView(raw: unknown): SessionView | null | undefined {
  if (raw === null) return null;
  if (!isObject(raw) || !isObject(raw.record) || !Array.isArray(raw.guests)) return undefined;
  const texts = ['sessionId', 'key', 'joinUrl', 'glanceAddress', 'startedAt', 'salesforce', 'salesforceError'];
  if (!texts.every((name) => isText(raw[name])) || !raw.sessionId) return undefined;
  if (!MODES.includes(raw.mode as string) || !isText(raw.record.sobject)) return undefined;
  if (!raw.guests.every((guest) => isObject(guest) && isText(guest.name) && isText(guest.email))) return undefined;
  return {
    ...(raw as unknown as SessionView),
    glanceUnreachable: raw.glanceUnreachable === true,
    salesforceBudgetLow: raw.salesforceBudgetLow === true,
    salesforceLeftOut: readLeftOut(raw.salesforceLeftOut),
    chatterError: isText(raw.chatterError) ? raw.chatterError : '',
  };
}

export function readBroadcast(raw: unknown): BackgroundBroadcast | undefined {
  if (!isObject(raw) || raw.type !== 'background:session') return undefined;
  const session = readSessionView(raw.session);
  if (session === undefined) return undefined;
  const reason =
    raw.reason === 'glance-address-not-allowed' || raw.reason === 'key-not-allowed' ? raw.reason : undefined;
  return { type: 'background:session', session, ...(reason ? { reason } : {}) };
}

/** The keyboard shortcut's failed Start, or undefined; an unknown problem shows the generic text. */
export function readStartProblem(raw: unknown): SessionProblem | undefined {
  if (!isObject(raw) || raw.type !== 'background:start-problem' || !isText(raw.problem)) return undefined;
  return raw.problem as SessionProblem;
}
