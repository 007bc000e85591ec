// The extension pages' one channel to the background: typed requests.
import browser from 'webextension-polyfill';
import type { PopupRequests, ResponseOf } from '../messages.js';

export function request<K extends keyof PopupRequests>(
  type: K,
  payload: PopupRequests[K]['request'],
): Promise<ResponseOf<PopupRequests, K>> {
  return browser.runtime.sendMessage({ type, ...payload }) as Promise<ResponseOf<PopupRequests, K>>;
}

/** The URL of the active tab when it is a Salesforce page (other hosts' URLs are not visible to us). */
export async function activeTabUrl(): Promise<string | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url ?? null;
}
