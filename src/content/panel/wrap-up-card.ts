// The rep's wrap-up after End (issue 27, item 5): what the session was (its length, its guests, a
// link to its Event in Salesforce) and a short form (notes, outcome, next step, Schedule follow-up).
// The end is already on its way to Salesforce; Save queues one more write, Skip tells the worker the
// rep wants none (no tab offers it again). Offered at every end the worker records, in the tabs of the
// session's org (content/toolbar/wrap-up-offer.ts), and again after a navigation or a reload while
// the worker keeps it waiting. Not a modal: a card in its own open shadow root docked below the
// toolbar that comes back at the end (floating where there is none), following it wherever it docks,
// so nothing waits on it and the page stays usable: End still hands keyboard focus to the toolbar's
// Start, and the card is the next stop for Tab. Escape inside it skips. Guest names are what guests
// typed on Glance's join page: text only.
import { t } from '../../shared/i18n.js';
import { formatMinutes } from '../../shared/locale-format.js';
import type { WrapUpProblem, WrapUpSummary } from '../../shared/protocol/index.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { ask } from '../common/messaging.js';
import { dockHost } from '../common/placement.js';
import { lookAgain, ownHost } from '../common/press-guard.js';
import { DIALOG_CSS } from '../meeting-dialog/meeting-dialog-styles.js';
import { WrapUpForm } from './wrap-up-form.js';

export interface WrapUpHooks {
  /** Opens the meeting dialog for a follow-up on this page's record; `closed` runs when it closes. */
  scheduleFollowUp(closed: () => void): void;
  /** Where the card docks: after the toolbar when it shows (undefined: floating). */
  anchor(): Element | undefined;
  /** Where focus goes when the card closes with focus inside it (the toolbar). */
  returnFocus(): void;
}

/** While the Event's start is still on its way, the link is asked for again at this pace (no network: the worker's log). */
const LINK_POLL_MS = 2000;
/** The card's look: the dialog's fields and buttons (SLDS), as a card in the page instead of a modal. */
const CARD_CSS = `:host{position:static;display:block;margin:.5rem 0;background:none}
:host([data-docked=floating]){position:fixed;right:16px;bottom:16px;z-index:9000}
.dialog{width:auto;max-width:640px;border:1px solid #e5e5e5;box-shadow:0 2px 2px rgba(0,0,0,.1)}
:host([data-docked=floating]) .dialog{width:min(480px,calc(100vw - 32px))}
fieldset.next{display:grid;gap:.5rem;margin:0;padding:.5rem .75rem;border:1px solid #e5e5e5;border-radius:.25rem}
legend{font-size:12px;color:#444;padding:0 4px}
textarea{height:96px}
ul.guests{margin:0;padding-left:1.25rem}
.actions .left{margin-right:auto}`;

const PROBLEM_TEXT: Record<WrapUpProblem, Parameters<typeof t>[0]> = {
  'session-gone': 'wrapUpGone',
  'already-saved': 'wrapUpAlreadySaved',
  'outcome-not-offered': 'wrapUpOutcomeNotOffered',
};

export class WrapUpCard {
  readonly host = element('div');
  private readonly dialog = element('section', { className: 'dialog' }, { role: 'region' });
  private readonly title = element('h2', { id: 'wrap-up-title', textContent: t('wrapUpTitle') });
  private readonly alert = element('p', { className: 'alert' }, { role: 'alert' });
  private readonly body = element('div', { className: 'view' });
  private readonly eventLine = element('p', {}, { 'aria-live': 'polite' });
  private poll: ReturnType<typeof setInterval> | undefined;
  /** The session whose wrap-up is shown, and whether this card is saving it or saved it. */
  private shown: { sessionId: string; saving: boolean; saved: boolean } | undefined;

  constructor(private readonly hooks: WrapUpHooks) {
    this.host.dataset.glanceSfx = 'wrap-up';
    const root = this.host.attachShadow({ mode: 'open' });
    ownHost(this.host);
    this.dialog.setAttribute('aria-labelledby', this.title.id);
    this.dialog.append(this.title, this.alert, this.body);
    this.dialog.lang = t('formatLocale');
    adoptStyle(root, DIALOG_CSS + CARD_CSS);
    root.append(this.dialog);
    onTrusted(this.dialog, 'keydown', (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      event.stopPropagation();
      if (this.shown?.saved) this.close();
      else this.skip();
    });
  }

  get isOpen(): boolean {
    return this.host.isConnected;
  }

  /** The session whose wrap-up the card shows (undefined: closed). */
  get sessionId(): string | undefined {
    return this.shown?.sessionId;
  }

  /** Opens for a session that ended; nothing when the worker no longer keeps it or it was saved. */
  async open(sessionId: string): Promise<void> {
    if (this.shown?.sessionId === sessionId) return;
    this.show(await ask('content:wrap-up-summary', { sessionId }));
  }

  /** Opens with the summary the worker answered (null, or saved already: nothing). */
  show(summary: WrapUpSummary | null | undefined): void {
    if (!summary || summary.saved || this.shown?.sessionId === summary.sessionId) return;
    this.shown = { sessionId: summary.sessionId, saving: false, saved: false };
    this.draw(summary);
    this.follow();
  }

  /** Docks after the toolbar wherever it is now (floating without one); called after every placement. */
  follow(): void {
    if (!this.shown) return;
    const anchor = this.hooks.anchor();
    const inPlace = anchor
      ? this.host.previousElementSibling === anchor
      : this.host.parentElement === document.body && this.host.dataset.docked === 'floating';
    if (inPlace) return;
    dockHost(this.host, anchor);
    // Our own card moves what is below it: no steering (press-guard.ts).
    lookAgain();
  }

  /**
   * Saved or skipped in another tab: over here too. The card saving it keeps saying so (the worker's
   * notice can arrive before the answer to this card's own Save).
   */
  withdraw(sessionId: string): void {
    const shown = this.shown;
    if (shown?.sessionId === sessionId && !shown.saving && !shown.saved) this.close();
  }

  private skip(): void {
    const sessionId = this.shown?.sessionId;
    if (sessionId) void ask('content:skip-wrap-up', { sessionId });
    this.close();
  }

  close(): void {
    clearInterval(this.poll);
    this.poll = undefined;
    this.shown = undefined;
    if (!this.isOpen) return;
    const hadFocus = document.activeElement === this.host;
    this.host.remove();
    lookAgain();
    if (hadFocus) this.hooks.returnFocus();
  }

  private draw(summary: WrapUpSummary): void {
    this.alert.textContent = '';
    const minutes = Math.max(0, Math.round((Date.parse(summary.endedAt) - Date.parse(summary.startedAt)) / 60000));
    const facts = element('div', { className: 'facts' });
    // A session shorter than a minute did not last "0 minutes".
    const ended =
      minutes < 1 ? t('wrapUpEndedUnderMinute') : t('wrapUpEnded', formatMinutes(t('formatLocale'), minutes, 'long'));
    facts.append(element('p', { textContent: ended }));
    const guestsHeading = element('p', {
      className: 'label',
      id: 'wrap-up-guests',
      textContent: t('wrapUpGuestsHeading'),
    });
    if (summary.guests.length > 0) {
      const list = element('ul', { className: 'guests' }, { 'aria-labelledby': guestsHeading.id });
      list.append(...summary.guests.map((name) => element('li', { textContent: name })));
      facts.append(guestsHeading, list);
    } else facts.append(element('p', { className: 'muted', textContent: t('wrapUpNoGuests') }));
    facts.append(this.eventLine);
    this.showEvent(summary.eventUrl);
    if (!summary.eventUrl) this.waitForEvent(summary.sessionId);

    const form = new WrapUpForm(summary.outcomes);
    const save = element('button', { type: 'submit', className: 'brand', textContent: t('wrapUpSave') });
    const skip = element('button', { type: 'button', textContent: t('wrapUpSkip') });
    const followUp = element('button', { type: 'button', className: 'left', textContent: t('wrapUpScheduleFollowUp') });
    // Schedule follow-up schedules on the page's record: offered only where that is the session's.
    followUp.hidden = !onRecord(summary.record.recordId);
    onTrusted(skip, 'click', () => this.skip());
    onTrusted(followUp, 'click', () => this.hooks.scheduleFollowUp(() => followUp.focus()));
    // Never the form's own submission: the browser fires a trusted "submit" even for a page
    // script's requestSubmit(). Only a person's click on Save sends.
    form.form.addEventListener('submit', (event) => event.preventDefault());
    onTrusted(save, 'click', () => void this.save(save, form, summary.sessionId));
    const actions = element('div', { className: 'actions' });
    actions.append(followUp, skip, save);
    form.form.append(actions);
    this.body.replaceChildren(facts, form.form);
  }

  private showEvent(url: string): void {
    if (url) {
      const link = element('a', { href: url, target: '_blank', rel: 'noopener', textContent: t('wrapUpEventLink') });
      this.eventLine.replaceChildren(link);
    } else this.eventLine.replaceChildren(t('wrapUpEventPending'));
  }

  private waitForEvent(sessionId: string): void {
    clearInterval(this.poll);
    this.poll = setInterval(async () => {
      const summary = await ask('content:wrap-up-summary', { sessionId });
      if (!summary) return clearInterval(this.poll);
      if (!summary.eventUrl) return;
      clearInterval(this.poll);
      this.showEvent(summary.eventUrl);
      lookAgain();
    }, LINK_POLL_MS);
  }

  private async save(button: HTMLButtonElement, form: WrapUpForm, sessionId: string): Promise<void> {
    if (button.disabled) return;
    this.alert.textContent = '';
    const request = form.read(sessionId);
    if (!request) return;
    const label = button.textContent ?? '';
    button.disabled = true;
    button.textContent = t('wrapUpSaving');
    const shown = this.shown;
    if (shown) shown.saving = true;
    const result = await ask('content:save-wrap-up', { wrapUp: request });
    if (shown) shown.saving = false;
    button.disabled = false;
    button.textContent = label;
    if (!result?.ok) {
      this.alert.textContent = t(result ? PROBLEM_TEXT[result.problem] : 'wrapUpRefused');
      lookAgain();
      return;
    }
    if (shown) shown.saved = true;
    const done = element('p', { className: 'status', textContent: t('wrapUpSaved') }, { role: 'status' });
    const close = element('button', { type: 'button', className: 'brand', textContent: t('wrapUpClose') });
    onTrusted(close, 'click', () => this.close());
    const actions = element('div', { className: 'actions' });
    actions.append(close);
    const facts = this.body.firstElementChild;
    this.body.replaceChildren(...(facts ? [facts] : []), done, actions);
    lookAgain();
    close.focus();
  }
}

/** This page shows the session's record (the follow-up's meeting is scheduled for the page's record). */
function onRecord(recordId: string): boolean {
  const page = parseSalesforceUrl(location.href);
  return page?.kind === 'record' && page.recordId === recordId;
}
