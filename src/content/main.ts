// The content script: watches the URL (Lightning navigates with history.pushState) and draws either
// the Glance toolbar (on Lead, Contact, Opportunity, Campaign and Case records, nothing elsewhere)
// or, while a Glance session runs, the session panel in its place on every Salesforce page.
// It never calls a network itself; the background does, and tells every tab when the session changes.
import { type MessageKey, useMessages } from '../shared/i18n.js';
import type { SessionMode, SessionView } from '../shared/messages.js';
import { parseSalesforceUrl, type SalesforcePage } from '../shared/salesforce-url.js';
import { ask, message } from './messaging.js';
import { loadSessionPanel } from './panel-loader.js';
import { AnchorFinder, type Dockable } from './placement.js';
import type { PanelAction, SessionPanel } from './session-panel.js';
import { problemNeedsSettings, problemText } from './session-problems.js';
import { readBroadcast, readSessionView } from './session-shape.js';
import { Toolbar, type ToolbarAction } from './toolbar.js';

type RecordPage = Extract<SalesforcePage, { kind: 'record' }>;

/** While the panel is on screen the background re-reads the guests from Glance at this pace. */
const SESSION_REFRESH_MS = 5000;

useMessages(message);
const anchors = new AnchorFinder();
const toolbar = new Toolbar(onToolbarAction);
let page: SalesforcePage | undefined;
let anchor: Element | undefined;
let placementScheduled = false;
const observer = new MutationObserver(schedulePlacement);

/** undefined until the background first answered: drawing nothing beats a toolbar that flips to a panel. */
let session: SessionView | null | undefined;
let panel: SessionPanel | undefined;
let panelRequested = false;
let focusPanelWhenShown = false;
/** The record whose Salesforce status the toolbar shows (or deliberately does not refresh). */
let statusShownFor: string | undefined;
/** Bumped on every session change, so a slow answer never overwrites a newer state. */
let sessionVersion = 0;
/** Sessions we saw end: a late answer about one of them must not bring its panel back. */
const endedSessions = new Set<string>();
let refreshTimer: ReturnType<typeof setInterval> | undefined;

const recordOf = (p: SalesforcePage | undefined): RecordPage | undefined => (p?.kind === 'record' ? p : undefined);
const recordKey = (record: RecordPage) => `${record.ui} ${record.apiHost} ${record.recordId}`;

function evaluate(): void {
  page = parseSalesforceUrl(location.href);
  render();
}

/** Draws what the URL and the session call for; safe to call any number of times. */
function render(): void {
  if (session === undefined) return;
  const record = recordOf(page);
  if (session) {
    toolbar.remove();
    statusShownFor = undefined;
    showPanel(session);
  } else {
    panel?.remove();
    if (record) showToolbar(record);
    else hideToolbar();
  }
  // Salesforce renders the page after the URL changes and re-renders parts of it later: keep
  // looking for the right place while on a record.
  if (record && (session ? panel : toolbar)) {
    observer.observe(document.body, { childList: true, subtree: true, attributeFilter: ['class', 'style', 'hidden'] });
  } else {
    observer.disconnect();
  }
  place();
  updateLiveness();
}

function showToolbar(record: RecordPage): void {
  toolbar.showRecord(record.sobject, record.recordId);
  if (statusShownFor === recordKey(record)) return;
  statusShownFor = recordKey(record);
  void refreshSalesforceStatus(record);
}

function hideToolbar(): void {
  toolbar.remove();
  // Coming back to a record later asks again: the rep may have logged in or out meanwhile.
  statusShownFor = undefined;
}

function showPanel(view: SessionView): void {
  if (!panel) {
    // The panel's code is fetched the first time a session shows up in this tab.
    if (panelRequested) return;
    panelRequested = true;
    loadSessionPanel().then(
      ({ SessionPanel }) => {
        panel = new SessionPanel(onPanelAction);
        render();
      },
      // The extension was updated under this tab, or the injection failed: try again later.
      () => {
        panelRequested = false;
      },
    );
    return;
  }
  panel.show(view);
  if (focusPanelWhenShown) {
    focusPanelWhenShown = false;
    // Docked first, then focused: the element must be in the page to take focus.
    queueMicrotask(() => panel?.focus());
  }
}

function place(): void {
  const record = recordOf(page);
  const shown: Dockable | undefined = session ? panel : record ? toolbar : undefined;
  if (!shown || session === undefined) return;
  if (!record) {
    shown.dock(undefined);
    return;
  }
  if (anchors.stillValid(anchor, record.recordId) && shown.host.previousElementSibling === anchor) return;
  anchor = anchors.find(record.ui, record.recordId);
  shown.dock(anchor);
  // Docked inside a component's native shadow root: its re-renders do not reach the body's observer.
  const root = anchor?.getRootNode();
  if (root instanceof ShadowRoot) observer.observe(root, { childList: true, subtree: true });
}

function schedulePlacement(): void {
  if (placementScheduled) return;
  placementScheduled = true;
  requestAnimationFrame(() => {
    placementScheduled = false;
    place();
  });
}

async function refreshSalesforceStatus(record: RecordPage): Promise<void> {
  const status = await ask('content:salesforce-status', {});
  if (statusShownFor === recordKey(record) && !session) toolbar.showSalesforceStatus(status);
}

/** Takes a new session state from any source: an answer to us, or the background's broadcast. */
function applySession(next: SessionView | null, endedNotice: MessageKey = 'sessionEnded') {
  if (next && endedSessions.has(next.sessionId)) return;
  const ended = !!session && !next;
  if (ended && session) endedSessions.add(session.sessionId);
  const panelHadFocus = !!panel && document.activeElement === panel.host;
  sessionVersion++;
  session = next;
  // Back to the toolbar after a session: it says the session ended, instead of re-asking Salesforce.
  const record = recordOf(page);
  if (ended && record) statusShownFor = recordKey(record);
  render();
  if (ended && record) {
    // Ended because the company forbade its Glance address: say so, and offer the settings to fix it.
    const forbidden = endedNotice === problemText('glance-address-not-allowed');
    const byPolicy = forbidden || endedNotice === problemText('key-not-allowed');
    toolbar.notice(endedNotice, byPolicy ? 'error' : 'info', forbidden);
    if (panelHadFocus) toolbar.focus();
  }
}

async function loadSession(refresh: boolean): Promise<void> {
  const asked = sessionVersion;
  const answer = readSessionView(await ask('content:session', { refresh }));
  if (asked !== sessionVersion) return;
  // No usable answer on the first ask (an older background, or none yet): behave as without a session.
  if (answer !== undefined) applySession(answer);
  else if (session === undefined) applySession(null);
}

/** The panel's clock and the guest refresh run only while the panel is on screen in a visible tab. */
function updateLiveness(): void {
  const live = !!session && !!panel?.host.isConnected && document.visibilityState === 'visible';
  panel?.setTicking(live);
  if (live && !refreshTimer) {
    refreshTimer = setInterval(() => void loadSession(true), SESSION_REFRESH_MS);
  } else if (!live && refreshTimer) {
    clearInterval(refreshTimer);
    refreshTimer = undefined;
  }
}

async function startSession(mode: SessionMode): Promise<void> {
  focusPanelWhenShown = toolbar.hasFocus();
  toolbar.starting(true);
  const result = await ask('content:start-session', { pageUrl: location.href, mode });
  toolbar.starting(false);
  const view = result?.ok ? readSessionView(result.session) : undefined;
  if (view) {
    // Shown at once, not on the broadcast that follows.
    applySession(view);
    return;
  }
  focusPanelWhenShown = false;
  const problem = result && !result.ok ? result.problem : undefined;
  toolbar.notice(problemText(problem), 'error', problemNeedsSettings(problem));
  // Another tab already runs one: show it here too.
  if (problem === 'session-running') void loadSession(false);
}

async function onToolbarAction(action: ToolbarAction): Promise<void> {
  if (action.kind === 'open-settings') await ask('content:open-settings', {});
  else if (action.kind === 'schedule') toolbar.notice('comingSoon');
  else await startSession(action.mode);
}

async function onPanelAction(action: PanelAction, sessionId: string): Promise<void> {
  panel?.busy(true);
  const result =
    action === 'end'
      ? await ask('content:end-session', { sessionId })
      : await ask('content:switch-mode', {
          sessionId,
          mode: session?.mode === 'cobrowse' ? 'screenshare' : 'cobrowse',
        });
  panel?.busy(false);
  if (result?.ok && action === 'end') {
    applySession(null);
  } else if (result?.ok) {
    const view = readSessionView(result.session);
    if (view) applySession(view);
    else void loadSession(false);
  } else if (result?.problem === 'session-gone') {
    // Glance ended it already (it expired, or was ended elsewhere): nothing left to switch or end.
    applySession(null, 'problemSessionGone');
  } else {
    panel?.problem(problemText(result?.problem));
  }
}

chrome.runtime.onMessage.addListener((raw: unknown, sender: chrome.runtime.MessageSender) => {
  // Only our background may move the panel; other extensions and pages cannot reach this listener
  // through runtime messaging, but a content script of ours in another tab could, so tabs are refused.
  if (sender.id !== chrome.runtime.id || sender.tab) return;
  const broadcast = readBroadcast(raw);
  if (broadcast) applySession(broadcast.session, broadcast.reason ? problemText(broadcast.reason) : 'sessionEnded');
});

document.addEventListener('visibilitychange', () => {
  updateLiveness();
  // Coming back to the tab: catch up with guests who joined meanwhile.
  if (document.visibilityState === 'visible' && session) void loadSession(true);
});

interface NavigationLike {
  addEventListener(type: 'currententrychange', listener: () => void): void;
}
// The Navigation API reports pushState from the page's own world within about a millisecond.
(globalThis as { navigation?: NavigationLike }).navigation?.addEventListener('currententrychange', evaluate);
addEventListener('popstate', evaluate);
addEventListener('hashchange', evaluate);
evaluate();
void loadSession(false);
