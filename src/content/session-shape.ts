// A minimal shape check of session views arriving from the background. The sender is already
// checked; this guards against a background of another version (an update under an open tab). The
// content script every Salesforce page loads checks only what it acts on itself (the session's id
// and mode); the panel, which draws the rest, makes every other field drawable first
// (session-view.ts, in the panel's lazily injected script).
import type { BackgroundBroadcast, SessionMode, SessionProblem, SessionView } from '../shared/messages.js';

type Loose = Record<string, unknown>;

const MODES: readonly unknown[] = ['screenshare', 'view', 'cobrowse'] satisfies SessionMode[];
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/** The view, null for "no session", or undefined when the value is neither. */
export function readSessionView(raw: unknown): SessionView | null | undefined {
  if (raw === null) return null;
  const valid = isObject(raw) && typeof raw.sessionId === 'string' && raw.sessionId && MODES.includes(raw.mode);
  return valid ? (raw as unknown as SessionView) : undefined;
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
  if (!isObject(raw) || raw.type !== 'background:start-problem' || typeof raw.problem !== 'string') return undefined;
  return raw.problem as SessionProblem;
}
