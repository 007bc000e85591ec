// Who sent a message. The background acts only for our own extension's pages, for our content
// script running in a Salesforce tab's top frame, and for our sign-in listener on Glance's login-key page.
import { isSalesforceUiHost } from '../shared/salesforce-url.js';
import { isLoginKeyPage } from './glance/single-sign-on.js';

export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  /** Firefox's carries the tab's cookieStoreId (its container's, or the private window's). */
  tab?: { id?: number; url?: string; incognito?: boolean; cookieStoreId?: string };
  frameId?: number;
}

type SenderKind = 'content' | 'extension-page' | 'glance-sign-in';

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
  // Our sign-in listener, registered only while a single sign-on runs, on Glance's login-key page.
  if (sender.tab && sender.frameId === 0 && isLoginKeyPage(sender.url)) return 'glance-sign-in';
  return undefined;
}
