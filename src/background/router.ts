// Routes validated messages from checked senders to the feature that answers them.
import {
  type ContentMessage,
  type ContentRequests,
  type ExtensionPageMessage,
  type ExtensionPageRequests,
  INVALID_MESSAGE,
  type InvalidMessageAnswer,
  type LazyScript,
  parseContentMessage,
  parseExtensionPageMessage,
  parseLoginKeyMessage,
  type ResponseOf,
} from '../shared/protocol/index.js';
import { salesforceStatus } from '../shared/salesforce/status.js';
import { inBackground } from './in-background.js';
import { meetingDefaults } from './meeting/defaults.js';
import { popupNow } from './meeting/popup-now.js';
import {
  cancelMeeting,
  forgetUnwrittenMeeting,
  rescheduleMeeting,
  scheduleMeeting,
  startScheduledMeeting,
  upcomingMeeting,
} from './meeting/service.js';
import { changeMeetings } from './meeting/store.js';
import { discardSession, retryNow } from './outbox/runner.js';
import { changeQueue } from './outbox/store.js';
import { salesforceQueueView } from './outbox/view.js';
import { classifySender, type MessageSender } from './sender.js';
import { learnCapabilities } from './session/capabilities-store.js';
import { salesforceHistory } from './session/history.js';
import { joinCustomerSession } from './session/join.js';

import { visitorPresence } from './session/presence.js';
import { recentSessions } from './session/recent.js';
import { chooseRelated } from './session/related-choice.js';
import {
  addGuest,
  adoptConnectedAccount,
  endBeforeAccountChange,
  endSession,
  type SessionPorts,
  sessionForTab,
  startSessionForTab,
  switchMode,
  tabMayControl,
} from './session/service.js';
import { pendingWrapUp, saveWrapUp, skipWrapUp, wrapUpSummary } from './session/wrap-up.js';
import {
  checkGlance,
  conferenceInfo,
  connectAccount,
  disconnectAccount,
  glanceAccountView,
  popupOverview,
  saveSettings,
  settingsView,
} from './settings/account.js';
import { finishSignIn, type SignInPorts, signInStatus, startSignIn } from './settings/single-sign-on.js';
import { endedSessionsItem, recentSessionsItem, toolbarCollapsedItem } from './storage/items.js';
import { runSync } from './sync/run.js';
import { forgetSync, saveSync, syncView } from './sync/settings.js';

export interface BackgroundPorts extends SessionPorts, SignInPorts {
  extensionId: string;
  /** Our pages' origin (runtime.getURL): in Firefox its host is a per-profile uuid, not the id. */
  extensionOrigin?: string;
  openOptionsPage(): Promise<void>;
  /** Opens the reps' guide (help-links.ts) in a new tab. */
  openHelp(): Promise<void>;
  /** Runs the session panel's script in a tab's content-script world (top frame); false when it could not. */
  injectLazyScript(tabId: number, script: LazyScript): Promise<boolean>;
  /** The cookie store of a tab known by its id; undefined for the regular one. */
  cookieStoreOfTab(tabId: number): Promise<string | undefined>;
  /** The records sync's alarm (alarms.ts): every so many minutes, or none. */
  setSyncAlarm(periodInMinutes: number | undefined): Promise<void>;
}

/**
 * Disconnect, and forget what this browser keeps of the rep's Glance use: scheduled meetings, the
 * recent sessions list, the sessions kept for a wrap-up, and the Salesforce writes still waiting
 * (with their texts: guests, notes).
 */
async function forgetGlanceData(ports: BackgroundPorts): Promise<void> {
  await changeMeetings(ports, ports.now(), () => []);
  await changeQueue(ports, (state) => {
    state.jobs = [];
    state.logs = {};
  });
  await recentSessionsItem.write(ports, []);
  await endedSessionsItem.write(ports, []);
}

/** The cookie store of the Salesforce tab the popup describes (an incognito window's, a Firefox container's). */
const popupStore = (tabId: number | undefined, ports: BackgroundPorts) =>
  tabId === undefined ? Promise.resolve(undefined) : ports.cookieStoreOfTab(tabId);

const usesPresence = async (ports: BackgroundPorts) =>
  Object.keys((await settingsView(ports)).policy.presenceFields).length > 0;

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
  tabId: number | undefined,
  ports: BackgroundPorts,
): Promise<ResponseOf<ContentRequests, ContentMessage['type']> | InvalidMessageAnswer | undefined> {
  switch (message.type) {
    case 'content:salesforce-status': {
      const status = await salesforceStatus(senderUrl, ports, { storeId });
      // Where the company uses Glance Presence, the toolbar asks about each record (content:presence).
      if (status?.state === 'ready' && (await usesPresence(ports))) return { ...status, presence: true };
      return status ?? undefined;
    }
    case 'content:presence':
      if (!sameHost(message.pageUrl, senderUrl)) return INVALID_MESSAGE;
      return visitorPresence(message.pageUrl, ports, storeId);
    case 'content:start-session':
      // A start for another page than the sender's own is not a request its toolbar makes.
      if (!sameHost(message.pageUrl, senderUrl)) return INVALID_MESSAGE;
      if (message.join !== undefined) return joinCustomerSession(message.pageUrl, message.join, ports, storeId);
      return startSessionForTab(message.pageUrl, message.mode, ports, storeId);
    case 'content:session':
      return sessionForTab(senderUrl, storeId, ports, message.refresh);
    case 'content:switch-mode':
      if (!(await tabMayControl(senderUrl, storeId, message.sessionId, ports))) return SESSION_NOT_HERE;
      return switchMode(message.sessionId, message.mode, ports);
    case 'content:end-session':
      if (!(await tabMayControl(senderUrl, storeId, message.sessionId, ports))) return SESSION_NOT_HERE;
      return endSession(message.sessionId, ports);
    // The wrap-up after End: only from a tab of the ended session's org and cookie store (wrap-up.ts).
    case 'content:wrap-up-summary':
      return wrapUpSummary(ports, message.sessionId, senderUrl, storeId);
    case 'content:save-wrap-up':
      return saveWrapUp(ports, message.wrapUp, senderUrl, storeId);
    case 'content:pending-wrap-up':
      return pendingWrapUp(ports, senderUrl, storeId);
    case 'content:skip-wrap-up':
      return skipWrapUp(ports, message.sessionId, senderUrl, storeId);
    case 'content:add-guest':
      if (!(await tabMayControl(senderUrl, storeId, message.sessionId, ports))) return SESSION_NOT_HERE;
      return addGuest(message.sessionId, { name: message.name, email: message.email }, ports);
    case 'content:choose-related':
      if (!(await tabMayControl(senderUrl, storeId, message.sessionId, ports))) return SESSION_NOT_HERE;
      return chooseRelated(message.sessionId, message.recordId, ports);
    case 'content:open-settings':
      await ports.openOptionsPage();
      return { ok: true };
    case 'content:open-help':
      await ports.openHelp();
      return { ok: true };
    case 'content:toolbar-collapsed':
      if (message.collapsed !== undefined) await toolbarCollapsedItem.write(ports, message.collapsed);
      return { collapsed: await toolbarCollapsedItem.read(ports) };
    case 'content:load-panel':
      // Into the sender's own tab and top frame only (the sender check made sure it is ours there).
      return { ok: tabId !== undefined && (await ports.injectLazyScript(tabId, message.script)) };
    // Meetings: a record page of the sender's own host; a meeting only from a tab of its own org and store.
    case 'content:schedule-meeting':
      if (!sameHost(message.meeting.pageUrl, senderUrl)) return INVALID_MESSAGE;
      return scheduleMeeting(message.meeting, storeId, ports);
    case 'content:upcoming-meeting':
      if (!sameHost(message.pageUrl, senderUrl)) return INVALID_MESSAGE;
      return upcomingMeeting(message.pageUrl, storeId, ports);
    case 'content:meeting-defaults':
      if (!sameHost(message.pageUrl, senderUrl)) return INVALID_MESSAGE;
      return meetingDefaults(message.pageUrl, storeId, ports);
    case 'content:reschedule-meeting':
      return rescheduleMeeting(message, senderUrl, storeId, ports);
    case 'content:cancel-meeting':
      return cancelMeeting(message.meetingId, senderUrl, storeId, ports);
    case 'content:start-scheduled-meeting':
      if (!sameHost(message.pageUrl, senderUrl)) return INVALID_MESSAGE;
      return startScheduledMeeting(message.meetingId, message.pageUrl, storeId, ports);
  }
}

async function answerExtensionPage(
  message: ExtensionPageMessage,
  ports: BackgroundPorts,
): Promise<ResponseOf<ExtensionPageRequests, ExtensionPageMessage['type']> | undefined> {
  switch (message.type) {
    case 'page:salesforce-status':
      return message.pageUrl
        ? salesforceStatus(message.pageUrl, ports, { storeId: await popupStore(message.tabId, ports) })
        : null;
    case 'page:glance-account':
      return glanceAccountView(ports);
    case 'page:connect-glance': {
      const connected = await connectAccount(message.address, message.password, ports, (account) =>
        adoptConnectedAccount(ports, account),
      );
      // Once per connection, while the rep is still in the popup: which of Glance's assumed
      // operations this account has, known before its first Start (never on a Start's click path).
      if (connected.ok) inBackground(learnCapabilities(ports), "Glance's optional operations");
      return connected;
    }
    case 'page:sign-in-glance':
      return startSignIn(ports);
    case 'page:sign-in-status':
      return signInStatus(ports);
    case 'page:disconnect-glance':
      // A session started with this account is ended at Glance first, or the account stays.
      if (await endBeforeAccountChange(ports)) return { ok: false, problem: 'session-not-ended' };
      if (message.forget) await forgetGlanceData(ports);
      return disconnectAccount(ports);
    case 'page:settings':
      return settingsView(ports);
    case 'page:overview':
      return popupOverview(ports, message.fresh);
    case 'page:now':
      return popupNow(ports);
    case 'page:save-settings':
      return saveSettings(message.settings, ports);
    case 'page:conference-info':
      return conferenceInfo(ports);
    case 'options:check-glance':
      return checkGlance(ports);
    case 'page:recent-sessions':
      return recentSessions(ports);
    case 'page:salesforce-history':
      return message.pageUrl
        ? salesforceHistory(message.pageUrl, ports, await popupStore(message.tabId, ports))
        : { ok: false, problem: 'no-salesforce-tab' };
    case 'page:salesforce-queue':
      return salesforceQueueView(ports);
    case 'page:retry-salesforce':
      await retryNow(ports, { activityId: message.activityId || undefined, includeAttention: true });
      return salesforceQueueView(ports);
    case 'page:discard-salesforce':
      await discardSession(ports, message.activityId);
      await forgetUnwrittenMeeting(ports, message.activityId);
      return salesforceQueueView(ports);
    case 'options:sync-view':
      return syncView(ports);
    case 'options:save-sync': {
      const { type: _type, ...input } = message;
      return saveSync(input, ports);
    }
    case 'options:sync-now':
      await runSync(ports);
      return syncView(ports);
    case 'options:forget-sync':
      return forgetSync(ports);
  }
}

/**
 * Answers one runtime message; never throws on what a sender can put in a message.
 * - Our own extension pages and our content script in a Salesforce tab's top frame get a typed
 *   answer to every request, and INVALID_MESSAGE for a payload that does not validate.
 * - Any other sender (a subframe, a page that is not Salesforce, a sender without a tab or URL,
 *   another extension) gets undefined: no answer at all. A refusal would tell it that the extension is
 *   installed and listening and which of its guesses came close; undefined is what it would also get
 *   from an extension that ignores it, so it learns nothing. Our own code never sends from there,
 *   so no caller of ours waits on that missing answer.
 */
export async function routeMessage(raw: unknown, sender: MessageSender, ports: BackgroundPorts): Promise<unknown> {
  const kind = classifySender(sender, ports.extensionId, ports.extensionOrigin);
  if (kind === 'content' && sender.url) {
    const message = parseContentMessage(raw);
    if (!message) return INVALID_MESSAGE;
    const storeId = sender.tab ? await ports.cookieStoreOf(sender.tab) : undefined;
    return answerContent(message, sender.url, storeId, sender.tab?.id, ports);
  }
  if (kind === 'glance-sign-in' && sender.tab?.id !== undefined) {
    const message = parseLoginKeyMessage(raw);
    // The page's answer is checked there; only the window this sign-in opened counts.
    if (message)
      await finishSignIn(message.answer, sender.tab.id, ports, (account) => adoptConnectedAccount(ports, account));
    return undefined;
  }
  if (kind === 'extension-page') {
    const message = parseExtensionPageMessage(raw);
    return message ? answerExtensionPage(message, ports) : INVALID_MESSAGE;
  }
  return undefined;
}
