// The content script: draws either the Glance toolbar (on Lead, Contact, Opportunity, Campaign and
// Case records, nothing elsewhere) or, while a Glance session runs, the session panel in its place on
// every Salesforce page. It never calls a network itself; the background does, and tells every tab
// when the session changes. This file only wires the parts: navigation.ts (URL → page),
// session-state.ts (the session as last known, stale answers refused), draw-decision.ts (what to
// draw) and placement.ts (where it docks), and carries out the drawing.
import { useMessages } from '../../shared/i18n.js';
import type { MeetingProblem, SessionProblem, SessionResult, SessionView } from '../../shared/protocol/index.js';
import type { SalesforceView } from '../../shared/salesforce-url.js';
import { decideDrawing, type RecordPage, recordKey } from '../common/draw-decision.js';
import { ask, message } from '../common/messaging.js';
import { loadLazyScript, type PanelModule } from '../common/panel-loader.js';
import { type Dockable, keepDocked } from '../common/placement.js';
import { onPressRefused } from '../common/press-guard.js';
import { readBackgroundMessage, readSessionView } from '../common/session-shape.js';
import type { SessionPanel } from '../panel/session-panel.js';
import type { Notice } from '../panel/session-problems.js';
import { activityScheduleButton } from './activity-button.js';
import { meetings as meetingsOf } from './meetings.js';
import { type NavigationWindow, watchNavigation } from './navigation.js';
import { type SessionChange, SessionState } from './session-state.js';
import { createToolbar } from './toolbar.js';
import type { StartChoice, Toolbar } from './toolbar-types.js';
import { wrapUpOffer } from './wrap-up-offer.js';

useMessages(message);
const choose = (choice: StartChoice) =>
  void startSession(() => ask('content:start-session', { pageUrl: location.href, ...choice }));
const toolbar = createToolbar(choose, () => void meetings.act('schedule'));
// A press the page steered (press-guard.ts) is not used: the toolbar says so, quietly.
onPressRefused(() => toolbar.notice('pressRefused', 'warning'));
const sessions = new SessionState();
const meetings = meetingsOf(toolbar, (meeting) =>
  startSession(() => ask('content:start-scheduled-meeting', { meetingId: meeting.meetingId, pageUrl: location.href })),
);
let page: SalesforceView | undefined;
let panel: SessionPanel | undefined;
let focusPanelWhenShown = false;
/** The record whose Salesforce status the toolbar shows (or deliberately does not refresh). */
let statusShownFor: string | undefined;

/** An ended session's wrap-up: docked after the toolbar, it follows wherever the toolbar docks. */
const wrapUp = wrapUpOffer({
  scheduleFollowUp: (closed) => void meetings.act('schedule', undefined, { closed }),
  anchor: () => (toolbar.host.isConnected ? toolbar.host : undefined),
  returnFocus: () => toolbar.focus(),
});
const dockedToolbar: Dockable = {
  host: toolbar.host,
  dock(anchor) {
    toolbar.dock(anchor);
    wrapUp.follow();
  },
};
const drawing = () => decideDrawing<Dockable, SessionPanel>(page, sessions.current, dockedToolbar, panel);
const placeActivityButton = activityScheduleButton((button) => void meetings.act('schedule', button));
const dock = keepDocked(drawing, (leaving, shown) =>
  placeActivityButton(leaving ? undefined : drawing()?.toolbar, shown),
);

/** Draws what the URL and the session call for; safe to call any number of times. */
function render(): void {
  const draw = drawing();
  if (!draw) return;
  meetings.show(draw.toolbar);
  if (draw.toolbar) showToolbar(draw.toolbar);
  else {
    toolbar.remove();
    // Coming back to a record later asks again: the rep may have logged in or out meanwhile.
    statusShownFor = undefined;
  }
  if (!draw.panel) panel?.remove();
  else {
    // A session shows: the wrap-up of the one before is over here (what was saved is on its way).
    wrapUp.close();
    if (panel) {
      panel.show(draw.panel, focusPanelWhenShown);
      focusPanelWhenShown = false;
    } else loadPanel();
  }
  dock(draw.observe);
  // Off a record, or just navigated (the toolbar docks in the new view once Lightning shows it): the
  // card floats meanwhile, never left in the hidden view of the page left.
  wrapUp.follow();
  updateLiveness();
}

function showToolbar(record: RecordPage): void {
  toolbar.showRecord(record.sobject, record.recordId, record.ui);
  if (statusShownFor === recordKey(record)) return;
  statusShownFor = recordKey(record);
  // Asked after Lightning's navigation, not inside it: this runs in its pushState.
  setTimeout(refreshSalesforceStatus, 0, record);
}

/** The panel's code is fetched the first time a session shows up in this tab. */
function loadPanel(): void {
  // One injection however often this is called (panel-loader.ts); one panel however many answers.
  loadLazyScript('panel').then(
    ({ SessionPanel }) => {
      if (panel) return;
      panel = new SessionPanel(onPanelChange, () => void loadSession(true));
      render();
    },
    // The extension was updated under this tab, or the injection failed: the next render tries again.
    () => {},
  );
}

async function refreshSalesforceStatus(record: RecordPage): Promise<void> {
  const status = await ask('content:salesforce-status', {});
  meetings.setStatus(status);
  if (statusShownFor === recordKey(record) && !sessions.current) toolbar.showSalesforceStatus(status);
  // The company uses Glance Presence: its row comes with the panel's script (presence-row.ts).
  if (status?.state === 'ready' && status.presence)
    loadLazyScript('panel').then(
      (code) => code.showPresence(toolbar, location.href, choose),
      () => {},
    );
}

/** Says in the toolbar what the panel's script words (`fallback` when it cannot be injected). */
function say(words: (code: PanelModule) => Notice, fallback: Notice): void {
  void loadLazyScript('panel')
    .then(words, () => fallback)
    .then((notice) => toolbar.notice(...notice));
}

/**
 * Shows what taking a session state (an answer to us, or the background's broadcast) changed; `why`
 * a session ended, when not simply ended by someone.
 */
function showChange(ended: SessionChange, why?: SessionProblem): void {
  if (ended === undefined) return;
  const panelHadFocus = !!panel && document.activeElement === panel.host;
  // Back to the toolbar after a session: it says the session ended, instead of re-asking Salesforce.
  const record = page?.kind === 'record' ? page : undefined;
  if (ended && record) statusShownFor = recordKey(record);
  render();
  if (ended && record) {
    // Its words are in the panel's script, here since the panel showed (else loaded now).
    say((code) => code.endedNotice(why), ['sessionEnded', 'info', false]);
    if (panelHadFocus) toolbar.focus();
  }
}

async function loadSession(refresh: boolean): Promise<void> {
  showChange(await sessions.answer(ask('content:session', { refresh }).then(readSessionView)));
}

/** The panel's clock and its guest refresh run only while it is on screen in a visible tab (session-panel.ts). */
function updateLiveness(): void {
  panel?.updateTicking(sessions.current);
}

type StartResult = SessionResult | { ok: false; problem: MeetingProblem };

async function startSession(request: () => Promise<StartResult | undefined>): Promise<void> {
  // Keyboard focus in the toolbar: the panel that replaces it takes it.
  focusPanelWhenShown = document.activeElement === toolbar.host;
  toolbar.starting(true);
  // The panel's code is injected while Glance starts the session, not after: the key shows as soon
  // as the answer arrives (click_to_key_ratio), and a failed start has loaded it for nothing but once.
  loadPanel();
  const result = await request();
  toolbar.starting(false);
  const view = result?.ok ? readSessionView(result.session) : undefined;
  if (view) {
    // Shown at once, not on the broadcast that follows.
    showChange(sessions.take(view));
    return;
  }
  focusPanelWhenShown = false;
  const problem = result && !result.ok ? result.problem : undefined;
  showStartProblem(problem);
}

/** Why Start failed, in the toolbar (a click's, or the keyboard shortcut's); false when no toolbar shows. */
function showStartProblem(problem: SessionProblem | MeetingProblem | undefined): boolean {
  const draw = drawing();
  // The shortcut pressed while this tab shows the running session: that session is the answer.
  if (problem === 'session-running' && draw?.panel && panel) {
    panel.focus();
    return true;
  }
  if (!draw?.toolbar) return false;
  // What the rep reads is in the panel's script, injected at the click (a failed injection: no answer either).
  say((code) => code.startRefusal(problem), ['problemNoAnswer', 'error', false]);
  // Another tab already runs one: show it here too.
  if (problem === 'session-running') void loadSession(false);
  return true;
}

/** What the panel's Switch or End changed (undefined: a switched session to ask for). */
function onPanelChange(view: SessionView | null | undefined, why?: SessionProblem): void {
  if (view === undefined) void loadSession(false);
  else showChange(sessions.take(view), why);
}

chrome.runtime.onMessage.addListener((raw: unknown, sender: chrome.runtime.MessageSender, reply) => {
  // Only our background may move the panel; other extensions and pages cannot reach this listener
  // through runtime messaging, but a content script of ours in another tab could, so tabs are refused.
  if (sender.id !== chrome.runtime.id || sender.tab) return;
  const { session, reason, problem, wrapUp: ended } = readBackgroundMessage(raw);
  // The keyboard shortcut's Start failed here: the background asks whether the toolbar could say so.
  if (problem) return void reply(showStartProblem(problem));
  if (ended) wrapUp.take(ended.sessionId, ended.open);
  if (session !== undefined) showChange(sessions.take(session), reason);
});

document.addEventListener('visibilitychange', () => {
  updateLiveness();
  // Coming back to the tab: catch up with guests who joined meanwhile.
  if (document.visibilityState === 'visible' && sessions.current) void loadSession(true);
});

watchNavigation(globalThis as NavigationWindow, (next) => {
  page = next;
  render();
});
// A wrap-up may wait from before this page loaded (a reload, another record opened after the end).
void loadSession(false).then(() => {
  if (sessions.current === null) wrapUp.askPending(() => sessions.current === null);
});
