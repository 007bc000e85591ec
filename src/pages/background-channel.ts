// The extension pages' one channel to the background: typed requests.
import browser from 'webextension-polyfill';
import type { PopupRequests, ResponseOf } from '../shared/messages.js';
import { proxiedSalesforcePatterns, salesforceHostPatterns } from '../shared/salesforce-hosts.js';

export function request<K extends keyof PopupRequests>(
  type: K,
  payload: PopupRequests[K]['request'],
): Promise<ResponseOf<PopupRequests, K>> {
  return browser.runtime.sendMessage({ type, ...payload }) as Promise<ResponseOf<PopupRequests, K>>;
}

/** Salesforce tabs, and Salesforce behind a proxy (where the popup says the extension cannot work). */
const SALESFORCE_TABS = [...salesforceHostPatterns(), ...proxiedSalesforcePatterns()];

/**
 * The Salesforce page whose org the popup describes: the active tab when it is one, else the
 * Salesforce tab used last. Only Salesforce URLs are visible to us (host permissions, no "tabs").
 */
export async function salesforceTabUrl(): Promise<string | null> {
  const [active] = await browser.tabs.query({ active: true, currentWindow: true, url: SALESFORCE_TABS });
  if (active?.url) return active.url;
  const tabs = await browser.tabs.query({ url: SALESFORCE_TABS });
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return tabs[0]?.url ?? null;
}

/** The keys the rep's browser binds to "start a session" ('' when none: the rep removed it, or another extension has them). */
export async function startShortcut(): Promise<string> {
  const commands = await browser.commands.getAll().catch(() => []);
  return commands.find((command) => command.name === 'start-session')?.shortcut ?? '';
}
