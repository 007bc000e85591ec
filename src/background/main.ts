// The service worker entry. Listeners are registered synchronously at top level, as MV3 requires
// for a worker woken by an event.
import browser, { type Runtime } from 'webextension-polyfill';
import { browserPorts } from './adapters/browser-ports.js';
import { routeMessage } from './router.js';

const ports = browserPorts();

browser.runtime.onMessage.addListener(
  (message: unknown, sender: Runtime.MessageSender): Promise<unknown> => routeMessage(message, sender, ports),
);
