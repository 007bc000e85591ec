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
import { checkOrg } from './org-check/run.js';
import { discardSession, retryNow } from './outbox/runner.js';
import { salesforceQueueView } from './outbox/view.js';
import { salesforceStatus } from './salesforce/status.js';
import { classifySender, type MessageSender } from './sender.js';
import { recentSessions } from './session/recent.js';
import {
  endBeforeAccountChange,
  endSession,
  type SessionPorts,
  sessionForTab,
  startSession,
  switchMode,
  tabMayControl,
} from './session/service.js';
import {
  conferenceInfo,
  connectAccount,
  disconnectAccount,
  glanceAccountView,
  saveSettings,
  settingsView,
} from './settings/account.js';

export interface BackgroundPorts extends SessionPorts {
  extensionId: string;
  openOptionsPage(): Promise<void>;
}

/** A tab of another org or cookie store asks about a session it may not see: as if none ran. */
const SESSION_NOT_HERE = { ok: false, problem: 'session-gone' } as const;

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
  storeId: string | undefined,
  ports: BackgroundPorts,
): Promise<ResponseOf<ContentRequests, ContentMessage['type']> | undefined> {
  switch (message.type) {
    case 'content:salesforce-status':
      return (await salesforceStatus(senderUrl, ports, { storeId })) ?? undefined;
    case 'content:start-session':
      if (!sameHost(message.pageUrl, senderUrl)) return undefined;
      return startSession(message.pageUrl, message.mode, ports, storeId);
    case 'content:session':
      return sessionForTab(senderUrl, storeId, ports, message.refresh);
    case 'content:switch-mode':
      if (!(await tabMayControl(senderUrl, storeId, message.sessionId, ports))) return SESSION_NOT_HERE;
      return switchMode(message.sessionId, message.mode, ports);
    case 'content:end-session':
      if (!(await tabMayControl(senderUrl, storeId, message.sessionId, ports))) return SESSION_NOT_HERE;
      return endSession(message.sessionId, ports);
    case 'content:open-settings':
      await ports.openOptionsPage();
      return { ok: true };
  }
}

async function answerPopup(
  message: PopupMessage,
  ports: BackgroundPorts,
): Promise<ResponseOf<PopupRequests, PopupMessage['type']> | undefined> {
  switch (message.type) {
    case 'popup:salesforce-status':
      return message.pageUrl ? salesforceStatus(message.pageUrl, ports) : null;
    case 'popup:glance-account':
      return glanceAccountView(ports);
    case 'popup:connect-glance':
      return connectAccount(message.address, message.password, ports, () => endBeforeAccountChange(ports));
    case 'popup:disconnect-glance':
      // A session started with this account is ended at Glance first, or the account stays.
      if (await endBeforeAccountChange(ports)) return { ok: false, problem: 'session-not-ended' };
      return disconnectAccount(ports);
    case 'popup:settings':
      return settingsView(ports);
    case 'popup:save-settings':
      return saveSettings(message.settings, ports);
    case 'popup:conference-info':
      return conferenceInfo(ports);
    case 'popup:recent-sessions':
      return recentSessions(ports);
    case 'popup:salesforce-queue':
      return salesforceQueueView(ports);
    case 'popup:retry-salesforce':
      await retryNow(ports, { sessionId: message.sessionId || undefined, includeAttention: true });
      return salesforceQueueView(ports);
    case 'popup:discard-salesforce':
      await discardSession(ports, message.sessionId);
      return salesforceQueueView(ports);
    case 'popup:check-org':
      return checkOrg(message.pageUrl, ports);
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
    if (!message) return undefined;
    const storeId = sender.tab ? await ports.cookieStoreOf(sender.tab) : undefined;
    return answerContent(message, sender.url, storeId, ports);
  }
  if (kind === 'extension-page') {
    const message = parsePopupMessage(raw);
    return message ? answerPopup(message, ports) : undefined;
  }
  return undefined;
}
