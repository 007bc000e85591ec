// The session panel that replaces the toolbar while a Glance session runs: the key, the join link,
// what to tell the customer, a timer, the guests, Switch and End, and how Salesforce logging stands.
// Its script is injected only when a session exists (panel-loader.ts), so pages without one never pay for it.
// Guest names and emails come from whoever typed them on Glance's join page: text only, always.
import { type MessageKey, t } from '../../shared/i18n.js';
import type { SessionMode, SessionProblem, SessionView } from '../../shared/protocol/index.js';
import { sobjectName } from '../../shared/sobject-name.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { panelIsLive } from '../common/draw-decision.js';
import { ask } from '../common/messaging.js';
import { dockHost } from '../common/placement.js';
import { lookAgain, ownHost } from '../common/press-guard.js';
import { readSessionView } from '../common/session-shape.js';
import { launchGlance } from './glance-launch.js';
import { GuestForm } from './guest-form.js';
import { RelatedChoice } from './related-choice.js';
import { ClientRow } from './session-panel-client.js';
import { drawSalesforceLog } from './session-panel-salesforce.js';
import { PANEL_CSS } from './session-panel-styles.js';
import { problemText } from './session-problems.js';
import { drawableView } from './session-view.js';
import { addToggleTooltip } from './toggle-tooltip.js';

type PanelAction = 'switch' | 'end';

/** While the panel is on screen in a visible tab the background re-reads the guests from Glance at this pace. */
const SESSION_REFRESH_MS = 5000;

const MODE_TEXT: Record<SessionMode, MessageKey> = {
  screenshare: 'panelModeScreenShare',
  view: 'panelModeView',
  cobrowse: 'panelModeCobrowse',
};
const COPIED_NOTICE_MS = 2500;

/**
 * Elapsed time as the rep reads it, as a clock: 01:15, and 1:02:03 past an hour. Clock notation
 * reads the same in every language we ship (ja-JP writes 1:02:03 too), so no Intl here.
 */
function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000)) || 0;
  const two = (n: number) => String(n).padStart(2, '0');
  const [hours, minutes, seconds] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}

const button = (key: MessageKey, className = '') =>
  element('button', { type: 'button', className, textContent: t(key) });

export class SessionPanel {
  readonly host = element('div');
  private readonly region = element('section', { className: 'panel', tabIndex: -1 }, { role: 'region' });
  private readonly mode = element('span', { className: 'badge' });
  private readonly timer = element('span', { className: 'timer' }, { role: 'timer', 'aria-label': t('panelElapsed') });
  private readonly key = element('div', { className: 'key' }, { role: 'group', 'aria-label': t('panelKeyLabel') });
  private readonly copyKey = button('copyKey');
  private readonly tell = element('p');
  private readonly link = element('input', { readOnly: true, id: 'join-link', spellcheck: false });
  private readonly copyLink = button('copyJoinLink');
  private readonly linkLabel = element('label', {
    htmlFor: 'join-link',
    className: 'caption',
    textContent: t('panelJoinLink'),
  });
  private readonly linkRow = element('div', { className: 'link-row' });
  private readonly guestsHeading = element('h3', { id: 'guests-heading', textContent: t('panelGuests') });
  private readonly guests = element('ul', {}, { 'aria-labelledby': 'guests-heading' });
  private readonly noGuests = element('p', { className: 'muted', textContent: t('panelNoGuests') });
  private readonly record = element('p', { className: 'muted' });
  private readonly salesforce = element('p', { className: 'sf' }, { 'aria-live': 'polite' });
  private readonly glanceWarning = element(
    'p',
    { className: 'sf', textContent: t('panelGlanceUnreachable'), hidden: true },
    { 'aria-live': 'polite', 'data-state': 'failed' },
  );
  private readonly client = new ClientRow();
  private readonly switchHint = element('p', { className: 'muted', textContent: t('panelSwitchInGlance') });
  private readonly guestForm: GuestForm;
  /** Which open Opportunity or Case the session is about, when Salesforce found more than one. */
  private readonly related: RelatedChoice;
  private readonly switchMode = element('button', { type: 'button' });
  private readonly end = button('endSession', 'destructive');
  private readonly status = element('p', { className: 'status' }, { role: 'status' });
  /** What a screen reader hears without looking: the new session's key, each guest who joins. */
  private readonly announce = element('p', { className: 'announce' }, { 'aria-live': 'polite' });
  private readonly toggle = element(
    'button',
    { type: 'button', className: 'logo' },
    { 'aria-expanded': 'true', 'aria-label': t('panelToggle') },
  );
  private view: SessionView | undefined;
  /** Sessions whose launch this tab opened (a redraw of the same answer opens nothing twice). */
  private readonly launched = new Set<string>();
  private isBusy = false;
  /** The guests already seen in this session (name and email), so only newcomers are announced. */
  private seenGuests = new Set<string>();
  /** What is drawn now, so a 5-second refresh that changed nothing does not re-announce anything. */
  private drawn = { guests: '', salesforce: '' };
  private ticker: ReturnType<typeof setInterval> | undefined;
  private refresher: ReturnType<typeof setInterval> | undefined;
  private clearNotice: ReturnType<typeof setTimeout> | undefined;

  /**
   * `onChange`: what Switch or End changed, for the content script to take: the session now (null:
   * ended; undefined: a switched session whose view did not come back, to be asked for), and why it
   * ended when Glance had ended it already. A refusal is said here, in the panel. `refresh`: asks
   * the background for the session again (Glance's guests), every SESSION_REFRESH_MS while ticking.
   */
  constructor(
    onChange: (session: SessionView | null | undefined, why?: SessionProblem) => void,
    private readonly refresh: () => void,
  ) {
    this.host.dataset.glanceSfx = 'session-panel';
    const root = this.host.attachShadow({ mode: 'open' });
    ownHost(this.host);
    this.region.setAttribute('aria-label', t('panelLabel'));
    const title = element('h2', { textContent: t('panelLabel') });
    const header = element('header');
    header.append(this.toggle, title, this.mode, this.timer);
    // Collapsed to its header and key (the rep's choice, shared with the toolbar and remembered by
    // the background), the panel covers little of Salesforce's page.
    onTrusted(this.toggle, 'click', () => {
      const collapsed = this.toggle.getAttribute('aria-expanded') === 'true';
      this.setCollapsed(collapsed);
      void ask('content:toolbar-collapsed', { collapsed });
    });
    void ask('content:toolbar-collapsed', {}).then((answer) => this.setCollapsed(answer?.collapsed === true));
    const keyRow = element('div', { className: 'key-row' });
    keyRow.append(this.key, this.copyKey);
    const { linkLabel, linkRow } = this;
    linkRow.append(this.link, this.copyLink);
    const { guestsHeading } = this;
    const actions = element('div', { className: 'actions' });
    actions.append(this.switchMode, this.end);
    this.guestForm = new GuestForm(async (guest) => {
      const view = this.view;
      if (!view) return false;
      const result = await ask('content:add-guest', { sessionId: view.sessionId, ...guest });
      if (result?.ok) {
        onChange(readSessionView(result.session) || undefined);
        return true;
      }
      if (result?.problem === 'session-gone') onChange(null, 'session-gone');
      else this.say(problemText(result?.problem), 'error');
      return false;
    });
    this.related = new RelatedChoice(async (recordId) => {
      const view = this.view;
      if (!view) return;
      const result = await ask('content:choose-related', { sessionId: view.sessionId, recordId });
      if (result?.ok) onChange(readSessionView(result.session) || undefined);
      else if (result?.problem === 'session-gone') onChange(null, 'session-gone');
      else this.say(problemText(result?.problem), 'error');
    });
    this.region.append(
      header,
      element('p', { className: 'caption', textContent: t('panelKeyLabel') }, { 'aria-hidden': 'true' }),
      keyRow,
      this.tell,
      ...this.client.elements,
      linkLabel,
      linkRow,
      guestsHeading,
      this.guests,
      this.noGuests,
      this.guestForm.root,
      this.glanceWarning,
      this.record,
      this.related.root,
      this.salesforce,
      this.switchHint,
      actions,
      this.status,
      this.announce,
    );
    // Our text is in the translation's language, whatever Salesforce's page says: screen readers speak it so.
    this.region.lang = t('formatLocale');
    adoptStyle(root, PANEL_CSS);
    root.append(this.region);
    // Its round button says what a press does, to sighted reps too.
    addToggleTooltip(this.toggle, 'panelCollapseTip', 'panelExpandTip');

    onTrusted(this.copyKey, 'click', () => this.copy(this.view?.key ?? '', () => this.selectKey()));
    // The session's own link, never the field's value: a page script can write into the field.
    onTrusted(this.copyLink, 'click', () => this.copy(this.view?.joinUrl ?? '', () => this.link.select()));
    const act = async (action: PanelAction) => {
      const view = this.view;
      if (!view || this.isBusy) return;
      this.busy(true);
      const { sessionId } = view;
      const result =
        action === 'end'
          ? await ask('content:end-session', { sessionId })
          : await ask('content:switch-mode', {
              sessionId,
              mode: view.mode === 'cobrowse' ? 'screenshare' : 'cobrowse',
            });
      this.busy(false);
      // The end is on its way to Salesforce already; the worker offers the wrap-up (wrap-up-offer.ts).
      if (result?.ok && action === 'end') onChange(null);
      else if (result?.ok) onChange(readSessionView(result.session) || undefined);
      // Glance ended it already (it expired, or was ended elsewhere): nothing left to switch or end.
      else if (result?.problem === 'session-gone') onChange(null, 'session-gone');
      // Start's words ("no session was started") would be wrong here: the session goes on.
      else
        this.say(
          result?.problem === 'glance-unavailable' ? 'panelGlanceNoAnswer' : problemText(result?.problem),
          'error',
        );
    };
    onTrusted(this.switchMode, 'click', () => act('switch'));
    onTrusted(this.end, 'click', () => act('end'));
    // The panel is made at the Start click, while Glance answers: warmed then (after this task, in
    // which main.ts draws what it knows).
    setTimeout(() => this.warmUp());
  }

  /**
   * Has Chromium match the panel's rules and resolve its fonts once, while nothing waits for it: the
   * first panel drawn in a page paid for both when the key arrived (4–5 ms of click to key on a cold
   * browser, measured 2026-11-27, when the sheet was also parsed then; now it is parsed as it is
   * adopted, in the constructor). In one task, fixed and hidden: added, laid out and taken away
   * before any frame, so it is never painted and nobody can see or reach it. A panel already placed
   * (a session shown meanwhile) is left alone.
   */
  private warmUp(): void {
    if (this.host.isConnected) return;
    this.host.dataset.docked = 'warming';
    document.body.append(this.host);
    this.region.getBoundingClientRect();
    this.host.remove();
    delete this.host.dataset.docked;
  }

  /**
   * `shown`: as the background sent it, only its id and mode checked (session-shape.ts). `focus`: the
   * rep started the session from the toolbar by keyboard, so the panel that replaces it takes focus.
   */
  show(shown: SessionView, focus = false): void {
    // Whatever this draws moves the panel's buttons: our own layout, no steering (press-guard.ts).
    lookAgain();
    const view = drawableView(shown);
    const guestKey = (guest: SessionView['guests'][number]) => `${guest.name}\n${guest.email}`;
    if (this.view?.sessionId !== view.sessionId) {
      this.say(undefined);
      // The guests already there when the panel first shows a session are not news.
      this.seenGuests = new Set(view.guests.map(guestKey));
      this.announce.textContent = view.key ? t('panelAnnounceKey', view.key) : t('panelAnnounceNoKey');
    } else {
      const joined = view.guests.filter((guest) => !guest.leftAt && !this.seenGuests.has(guestKey(guest)));
      for (const guest of joined) this.seenGuests.add(guestKey(guest));
      if (joined.length > 0)
        this.announce.textContent = joined.map((guest) => t('panelAnnounceGuest', guest.name || guest.email)).join(' ');
    }
    this.view = view;
    // The answer to this tab's own Start click: the Glance Client opens now, inside that click's activation.
    if (shown.launchNow && !this.launched.has(view.sessionId)) {
      this.launched.add(view.sessionId);
      launchGlance(shown.launchNow);
    }
    this.host.dataset.sessionId = view.sessionId;
    this.host.dataset.mode = view.mode;
    this.mode.textContent = t(MODE_TEXT[view.mode]);
    this.key.textContent = view.key || t('panelNoKey');
    this.key.toggleAttribute('data-none', !view.key);
    this.copyKey.hidden = !view.key;
    this.tell.textContent = view.joinedCustomer
      ? t('panelJoinedCustomer')
      : view.key
        ? t('panelTellCustomer', view.glanceAddress, view.key)
        : t('panelTellCustomerNoKey', view.glanceAddress);
    this.link.value = view.joinUrl;
    // A joined session has no link for guests: the customer is already in their own session.
    this.linkRow.hidden = view.joinedCustomer;
    this.linkLabel.hidden = view.joinedCustomer;
    this.guestForm.root.hidden = view.joinedCustomer;
    this.record.textContent = t('panelRecord', sobjectName(view.record.sobject));
    this.related.show(view);
    this.client.show(view);
    // Only where Glance lets us switch (an optional operation the account has); else in Glance's window.
    this.switchMode.hidden = !view.canSwitch;
    // A joined session is the customer's own cobrowse: no guests of ours to list or add, nothing to switch.
    this.switchHint.hidden = view.canSwitch || view.mode === 'view' || view.joinedCustomer;
    this.guestsHeading.hidden = view.joinedCustomer;
    this.switchMode.textContent = t(view.mode === 'cobrowse' ? 'switchToScreenShare' : 'switchToCobrowse');
    this.showGuests(view);
    this.glanceWarning.hidden = !view.glanceUnreachable;
    this.showSalesforce(view);
    this.tick();
    // Docked first (main.ts docks right after), then focused: the element must be in the page to take focus.
    if (focus) queueMicrotask(() => this.focus());
  }

  setCollapsed(collapsed: boolean): void {
    this.host.toggleAttribute('data-collapsed', collapsed);
    this.toggle.setAttribute('aria-expanded', String(!collapsed));
  }

  /**
   * The panel's clock and its guest refresh run only while it is on screen in a visible tab
   * (`session`: the content script's, as last known; null stops them). Decided here, in the panel's
   * lazily injected script, not in the content script every Salesforce page loads.
   */
  updateTicking(session: SessionView | null | undefined): void {
    const on = panelIsLive(session, this.host.isConnected, document.visibilityState === 'visible');
    if (on && !this.ticker) {
      this.tick();
      this.ticker = setInterval(() => this.tick(), 1000);
      this.refresher = setInterval(this.refresh, SESSION_REFRESH_MS);
    } else if (!on && this.ticker) {
      clearInterval(this.ticker);
      clearInterval(this.refresher);
      this.ticker = undefined;
    }
  }

  /** While Switch or End is on its way: no second click. */
  private busy(on: boolean): void {
    // aria-disabled, not disabled: a disabled button drops keyboard focus, and the rep who pressed
    // End or Switch by keyboard must keep it (End then hands it to the toolbar's Start).
    this.isBusy = on;
    this.switchMode.setAttribute('aria-disabled', String(on));
    this.end.setAttribute('aria-disabled', String(on));
  }

  focus(): void {
    this.region.focus();
  }

  dock(anchor: Element | undefined): void {
    dockHost(this.host, anchor);
  }

  remove(): void {
    this.updateTicking(null);
    this.host.remove();
  }

  private tick(): void {
    if (this.view) this.timer.textContent = formatElapsed(Date.now() - Date.parse(this.view.startedAt));
  }

  private showGuests(view: SessionView): void {
    const drawn = JSON.stringify([
      view.glanceReportsGuests,
      view.joinedCustomer,
      view.guests.map((g) => [g.name, g.email, g.leftAt]),
    ]);
    if (drawn === this.drawn.guests) return;
    this.drawn.guests = drawn;
    this.guests.replaceChildren(
      ...view.guests.map((guest) => {
        const item = element('li');
        item.append(element('strong', { textContent: guest.name || guest.email }));
        if (guest.name && guest.email)
          item.append(' ', element('span', { className: 'email', textContent: guest.email }));
        if (guest.leftAt) item.append(' ', element('span', { className: 'email', textContent: t('panelGuestLeft') }));
        return item;
      }),
    );
    this.guests.hidden = view.guests.length === 0;
    this.noGuests.hidden = view.guests.length > 0 || view.joinedCustomer;
    this.noGuests.textContent = t(view.glanceReportsGuests ? 'panelNoGuests' : 'panelNoGuestsAddThem');
  }

  private showSalesforce(view: SessionView): void {
    const leftOut = view.salesforceLeftOut.fields.join(', ');
    const drawn = [
      view.salesforce,
      view.salesforceError,
      view.salesforceBudgetLow,
      leftOut,
      view.chatterError,
      view.chatterMoved,
    ].join('\n');
    if (drawn === this.drawn.salesforce) return;
    this.drawn.salesforce = drawn;
    drawSalesforceLog(this.salesforce, view);
  }

  private async copy(text: string, selectByHand: () => void): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.say('copied');
      this.clearNotice = setTimeout(() => this.say(undefined), COPIED_NOTICE_MS);
    } catch {
      // The page's permissions policy or the browser refused: leave the text selected instead.
      selectByHand();
      this.say('copyByHand');
    }
  }

  private selectKey(): void {
    getSelection()?.selectAllChildren(this.key);
  }

  private say(key: MessageKey | undefined, tone: 'info' | 'error' = 'info'): void {
    clearTimeout(this.clearNotice);
    this.status.textContent = key ? t(key) : '';
    this.status.dataset.tone = tone;
    // Problems interrupt (assertive); a copy's confirmation waits for a pause (role=status is polite).
    this.status.setAttribute('aria-live', tone === 'error' ? 'assertive' : 'polite');
  }
}
