// The extension pages' one channel to the background: typed requests. Chrome's own promise-based
// APIs (MV3), not webextension-polyfill: the popup loads and evaluates less before it can draw.
import type { PopupOverview, PopupRequests, ResponseOf } from '../shared/messages.js';
import { proxiedSalesforcePatterns, salesforceHostPatterns } from '../shared/salesforce-hosts.js';

export function request<K extends keyof PopupRequests>(
  type: K,
  payload: PopupRequests[K]['request'],
): Promise<ResponseOf<PopupRequests, K>> {
  return chrome.runtime.sendMessage({ type, ...payload }) as Promise<ResponseOf<PopupRequests, K>>;
}

let first: Promise<PopupOverview> | undefined;
/**
 * The settings and the account on the last known policy, asked once per page: the popup's entry asks
 * before its components are even evaluated, so the worker answers while the page draws.
 */
export function firstOverview(): Promise<PopupOverview> {
  first ??= request('popup:overview', { fresh: false });
  return first;
}

/** Salesforce tabs, and Salesforce behind a proxy (where the popup says the extension cannot work). */
const SALESFORCE_TABS = [...salesforceHostPatterns(), ...proxiedSalesforcePatterns()];

/**
 * The Salesforce page whose org the popup describes: the active tab when it is one, else the
 * Salesforce tab used last. Only Salesforce URLs are visible to us (host permissions, no "tabs").
 */
export async function salesforceTabUrl(): Promise<string | null> {
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true, url: SALESFORCE_TABS });
  if (active?.url) return active.url;
  const tabs = await chrome.tabs.query({ url: SALESFORCE_TABS });
  tabs.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return tabs[0]?.url ?? null;
}
