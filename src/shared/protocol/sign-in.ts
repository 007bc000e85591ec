// The one message of our sign-in listener on Glance's login-key page (src/content/glance-sign-in),
// registered only while a single sign-on runs: the page's answer, checked again by the worker.
import { LOGIN_KEY_ANSWER_MAX, LOGIN_KEY_MESSAGE } from '../glance-sign-in.js';
import { isString } from './validate.js';

/** What the sign-in listener on Glance's login-key page sends (src/content/glance-sign-in). */
export interface LoginKeyMessage {
  type: typeof LOGIN_KEY_MESSAGE;
  answer: string;
}

export function parseLoginKeyMessage(raw: unknown): LoginKeyMessage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { type, answer } = raw as Record<string, unknown>;
  return type === LOGIN_KEY_MESSAGE && isString(answer, LOGIN_KEY_ANSWER_MAX) ? { type, answer } : undefined;
}
