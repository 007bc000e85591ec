// A minimal shape check of session views arriving from the background. The sender is already
// checked; this guards against a background of another version (an update under an open tab). The
// content script every Salesforce page loads checks only what it acts on itself (the session's id
// and mode); the panel, which draws the rest, makes every other field drawable first
// (session-view.ts, in the panel's lazily injected script).
import type { BackgroundBroadcast, SessionMode, SessionProblem, SessionView } from '../../shared/protocol/index.js';

type Loose = Record<string, unknown>;

const MODES: readonly unknown[] = ['screenshare', 'view', 'cobrowse'] satisfies SessionMode[];
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;

/** The view, null for "no session", or undefined when the value is neither. */
export function readSessionView(raw: unknown): SessionView | null | undefined {
  if (raw === null) return null;
  const valid = isObject(raw) && typeof raw.sessionId === 'string' && raw.sessionId && MODES.includes(raw.mode);
  return valid ? (raw as unknown as SessionView) : undefined;
}

/**
 * The background's message: its session broadcast (`session` undefined when it is not one, or not
 * valid), the keyboard shortcut's failed Start (`problem`; an unknown problem shows the generic text),
 * or an ended session's wrap-up that waits or is over (`wrapUp`).
 */
export function readBackgroundMessage(raw: unknown): {
  session?: SessionView | null | undefined;
  reason?: BackgroundBroadcast['reason'];
  problem?: SessionProblem;
  wrapUp?: { sessionId: string; open: boolean };
} {
  if (!isObject(raw)) return {};
  const { type, reason, problem, sessionId, open } = raw;
  if (type === 'background:start-problem' && typeof problem === 'string') return { problem: problem as SessionProblem };
  if (type === 'background:wrap-up')
    return typeof sessionId === 'string' && sessionId && typeof open === 'boolean'
      ? { wrapUp: { sessionId, open } }
      : {};
  if (type !== 'background:session') return {};
  return {
    session: readSessionView(raw.session),
    reason: reason === 'glance-address-not-allowed' || reason === 'key-not-allowed' ? reason : undefined,
  };
}
