// Hears Glance's login-key page at the end of a single sign-on (src/background/settings/single-sign-on.ts).
// The worker registers this script only while a sign-in runs, only on Glance's account pages, at
// document_start. Glance's page posts its answer to its parent, which in a window of its own is the
// page itself (glance.md, C); this passes the answer on as it is and stops listening. The worker
// checks that the sender is the sign-in window's tab on the login-key page, and reads the answer strictly.
import { LOGIN_KEY_ANSWER_MAX, LOGIN_KEY_MESSAGE, SIGNED_IN_EVENT } from '../../shared/glance-sign-in.js';

function onMessage(event: MessageEvent): void {
  if (event.source !== window || event.origin !== location.origin) return;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return;
  const { glanceEvent, data: payload } = data as { glanceEvent?: unknown; data?: unknown };
  const loginKey =
    typeof payload === 'object' && payload !== null ? (payload as { loginKey?: unknown }).loginKey : undefined;
  if (glanceEvent !== SIGNED_IN_EVENT || typeof loginKey !== 'string' || loginKey.length > LOGIN_KEY_ANSWER_MAX) return;
  window.removeEventListener('message', onMessage);
  void chrome.runtime.sendMessage({ type: LOGIN_KEY_MESSAGE, answer: loginKey });
}

window.addEventListener('message', onMessage);
