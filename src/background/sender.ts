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

export function classifySender(sender: MessageSender, extensionId: string): SenderKind | undefined {
  if (sender.id !== extensionId || !sender.url) return undefined;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return undefined;
  }
  if (url.protocol === 'chrome-extension:' && url.hostname === extensionId) return 'extension-page';
  if (sender.tab && sender.frameId === 0 && url.protocol === 'https:' && isSalesforceUiHost(url.hostname)) {
    return 'content';
  }
  return undefined;
}
