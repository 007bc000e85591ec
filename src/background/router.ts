// Routes validated messages from checked senders to the feature that answers them.
import {
  type ContentMessage,
  type ContentRequests,
  type PopupMessage,
  type PopupRequests,
  parseContentMessage,
  parsePopupMessage,
  type ResponseOf,
} from '../shared/messages.js';
import { type StatusPorts, salesforceStatus } from './salesforce/status.js';
import { classifySender, type MessageSender } from './sender.js';

export interface BackgroundPorts extends StatusPorts {
  extensionId: string;
  openOptionsPage(): Promise<void>;
  /** True when a Glance credential is stored. */
  glanceConnected(): Promise<boolean>;
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).hostname === new URL(b).hostname;
  } catch {
    return false;
  }
}

async function answerContent(
  message: ContentMessage,
  senderUrl: string,
  ports: BackgroundPorts,
): Promise<ResponseOf<ContentRequests, ContentMessage['type']> | undefined> {
  switch (message.type) {
    case 'content:salesforce-status':
      return (await salesforceStatus(senderUrl, ports)) ?? undefined;
    case 'content:start-session':
      if (!sameHost(message.pageUrl, senderUrl)) return undefined;
      if (!(await ports.glanceConnected())) return { ok: false, reason: 'glance-not-connected' };
      return { ok: false, reason: 'not-available' };
    case 'content:open-settings':
      await ports.openOptionsPage();
      return { ok: true };
  }
}

async function answerPopup(
  message: PopupMessage,
  ports: BackgroundPorts,
): Promise<ResponseOf<PopupRequests, PopupMessage['type']>> {
  switch (message.type) {
    case 'popup:salesforce-status':
      return message.pageUrl ? salesforceStatus(message.pageUrl, ports) : null;
  }
}

/**
 * Answers one runtime message. Returns undefined (no answer) for senders we do not trust and
 * payloads that do not validate, so a misbehaving page learns nothing.
 */
export async function routeMessage(raw: unknown, sender: MessageSender, ports: BackgroundPorts): Promise<unknown> {
  const kind = classifySender(sender, ports.extensionId);
  if (kind === 'content' && sender.url) {
    const message = parseContentMessage(raw);
    return message ? answerContent(message, sender.url, ports) : undefined;
  }
  if (kind === 'extension-page') {
    const message = parsePopupMessage(raw);
    return message ? answerPopup(message, ports) : undefined;
  }
  return undefined;
}
