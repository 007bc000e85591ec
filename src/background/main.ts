// The service worker entry. Listeners are registered synchronously at top level, as MV3 requires
// for a worker woken by an event.
import { useMessages } from '../shared/i18n.js';
import { cookieStorePorts } from '../shared/salesforce/cookie-stores.js';
import { forgetStatus } from '../shared/salesforce/status.js';
import { apiHostFor } from '../shared/salesforce-url.js';
import { browserPorts } from './adapters/browser-ports.js';
import { inBackground } from './in-background.js';
import { markMeetingHeld } from './meeting/store.js';
import { alarmWork } from './on-alarm.js';
import { recordUsage, retryNow, runOutbox } from './outbox/runner.js';
import { type BackgroundPorts, routeMessage } from './router.js';
import { viewerClosed } from './session/join.js';
import { enforcePolicy } from './session/poll.js';
import { announce } from './session/service.js';
import { type ShortcutPorts, START_COMMAND, startFromShortcut } from './session/shortcut.js';
import { signInWindowClosed } from './settings/single-sign-on.js';
import { settingsItem } from './storage/items.js';
import { freshPolicy } from './storage/policy.js';
import { keepSyncScheduled } from './sync/settings.js';

// The badge, notifications and the shortcut's notices speak the browser's language.
useMessages((key, substitutions) => chrome.i18n.getMessage(key, substitutions));

// The platform ports, and what the features do when the queue or Salesforce reports something.
const ports: BackgroundPorts & ShortcutPorts = {
  ...browserPorts(),
  // Which cookie store a tab's Salesforce session is in, read through the browser's cookies API.
  ...cookieStorePorts(chrome.cookies, chrome.tabs),
  onLogChanged: () => announce(ports),
  onSessionRejected: (apiHost, storeId) => forgetStatus(apiHost, ports, storeId),
  onApiUsage: (apiHost, usage) => void recordUsage(ports, apiHost, usage),
  onPolicyChanged: () => enforcePolicy(ports),
  onMeetingHeld: (meetingId) => markMeetingHeld(ports, ports.now(), meetingId),
};

// chrome.* answers later only through sendResponse, with `true` returned at once (a returned
// Promise is not an answer in Chrome 140). Every message gets its answer that way, undefined for a
// sender the router ignores, as before. A failure is logged and answered with undefined: our pages'
// request() takes that as a rejection, our content script's ask() as no answer.
chrome.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
  routeMessage(message, sender, ports)
    .catch((error: unknown) => void console.warn('Glance for Salesforce: a request failed', error))
    .then(sendResponse);
  return true;
});

chrome.alarms.onAlarm.addListener((alarm) => {
  const fired = alarmWork(alarm.name, ports);
  if (fired) inBackground(fired.task, fired.what);
});

// The rep closed the agent viewer of a session they joined: they left it (Glance's own way to leave).
chrome.windows.onRemoved.addListener((windowId) => {
  inBackground(viewerClosed(windowId, ports), 'the viewer window');
  // Or the Glance sign-in window, before the sign-in finished.
  inBackground(signInWindowClosed(windowId, ports), 'the sign-in window');
});

// The keyboard shortcut: the browser names the rep's tab (Chrome 86+; the manifest asks for 140).
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === START_COMMAND) inBackground(startFromShortcut(ports, tab), 'the keyboard shortcut');
});

// A new Salesforce session cookie on an org's API host means the rep logged in there again: send
// what waited for that org (and only that org).
chrome.cookies.onChanged.addListener(({ cookie, removed }) => {
  const host = cookie.domain.replace(/^\./, '');
  if (!removed && cookie.name === 'sid' && apiHostFor(host) === host)
    inBackground(retryNow(ports, { apiHost: host }), 'the Salesforce queue');
});

// An administrator changed the company policy (or the browser's policy loader settled on one): the
// last known policy follows it, and a running session it forbids ends now.
chrome.storage.managed.onChanged.addListener(() => inBackground(freshPolicy(ports), 'the company policy'));
// And asked now, as the worker starts (with the browser, or woken by an event): after a browser start
// it answers once the policy loader settles, and the last known policy is replaced (and enforced) as
// soon as it can be, not only at its next use. A read; it writes only a policy that changed.
inBackground(freshPolicy(ports), 'the company policy');

// Content scripts run inside Salesforce's renderer and never need storage: keep the Glance
// credential and the session state out of their reach from the worker's first moment (the access
// level is kept by the browser; Connect sets it again and refuses to store a credential without it).
void ports.lockStorageToExtension();

// A browser start wakes the worker (alarms may not survive a restart), so queued writes go on.
chrome.runtime.onStartup.addListener(() => inBackground(runOutbox(ports), 'the Salesforce queue'));

// Opens storage.sync while nothing waits: its first read after a browser start took up to tens of
// ms here, and the rep's settings are read on Start's click path. A read, never a write: a worker
// start stays free for an idle day.
void settingsItem.read(ports).catch(() => undefined);

// The records sync's alarm as its saved schedule wants it (a read; it writes only a missing alarm).
inBackground(keepSyncScheduled(ports), "the sync of Glance's session records");

// Whatever was queued before the worker stopped continues now.
inBackground(runOutbox(ports), 'the Salesforce queue');
