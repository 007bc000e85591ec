// Who sent a message. The background acts only for our own extension's pages and for our content
// script running in a Salesforce tab's top frame.
import { isSalesforceUiHost } from '../shared/salesforce-url.js';

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

export type SenderKind = 'content' | 'extension-page';

/** scheme://host of a URL; URL.origin is "null" for the extension schemes outside a browser. */
function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}

/**
 * @param extensionOrigin where our own pages live, from runtime.getURL(''): chrome-extension://<id>
 *   in Chrome, but moz-extension://<per-profile uuid> in Firefox, whose host is not the extension id.
 */
export function classifySender(
  sender: MessageSender,
  extensionId: string,
  extensionOrigin = `chrome-extension://${extensionId}`,
): SenderKind | undefined {
  if (sender.id !== extensionId || !sender.url) return undefined;
  let url: URL;
  let own: URL;
  try {
    url = new URL(sender.url);
    own = new URL(extensionOrigin);
  } catch {
    return undefined;
  }
  const extensionScheme = url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:';
  if (extensionScheme && originOf(url) === originOf(own)) return 'extension-page';
  if (sender.tab && sender.frameId === 0 && url.protocol === 'https:' && isSalesforceUiHost(url.hostname)) {
    return 'content';
  }
  return undefined;
}
