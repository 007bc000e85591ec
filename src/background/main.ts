// The service worker entry. Listeners are registered synchronously at top level, as MV3 requires
// for a worker woken by an event.
import browser, { type Runtime } from 'webextension-polyfill';
import { apiHostFor } from '../shared/salesforce-url.js';
import { browserPorts, GUEST_POLL_ALARM, OUTBOX_ALARM } from './adapters/browser-ports.js';
import { retryNow, runOutbox } from './outbox/runner.js';
import { routeMessage } from './router.js';
import { refreshSession } from './session/service.js';

const ports = browserPorts();

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> => routeMessage(message, sender, ports),
);

browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) void runOutbox(ports);
  if (alarm.name === GUEST_POLL_ALARM) void refreshSession(ports, true);
});

// A new Salesforce session cookie means the rep logged in again: send what waited for it.
browser.cookies.onChanged.addListener(({ cookie, removed }) => {
  if (
    !removed &&
    cookie.name === 'sid' &&
    apiHostFor(cookie.domain.replace(/^\./, '')) === cookie.domain.replace(/^\./, '')
  ) {
    void retryNow(ports);
  }
});

// Content scripts run inside Salesforce's renderer and never need storage: keep the Glance
// credential and the session state out of their reach (Chrome 120+; older ones keep the default).
for (const area of [chrome.storage.local, chrome.storage.sync]) {
  area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
}

// Whatever was queued before the worker stopped continues now.
void runOutbox(ports);
