// The content script's only channel: typed requests to the background. Uses chrome.runtime's own
// promise API (MV3) rather than webextension-polyfill, to keep what we inject into Salesforce small.
import type { ContentRequests, ResponseOf } from '../../shared/protocol/index.js';

export async function ask<K extends keyof ContentRequests>(
  type: K,
  payload: ContentRequests[K]['request'],
): Promise<ResponseOf<ContentRequests, K> | undefined> {
  try {
    return (await chrome.runtime.sendMessage({ type, ...payload })) as ResponseOf<ContentRequests, K> | undefined;
  } catch {
    // The extension was updated or reloaded under this tab: the old script can no longer talk.
    return undefined;
  }
}

export const message = (key: string, substitutions?: string[]) => chrome.i18n.getMessage(key, substitutions);
