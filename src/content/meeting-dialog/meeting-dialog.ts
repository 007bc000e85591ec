// The meeting dialog (issue 11): schedule a meeting from the record, reschedule or cancel its
// upcoming one, and send the invitation. A modal in its own open shadow root (as the toolbar and
// panel: see docs/architecture.md "Only a person presses our buttons"), keyboard-usable: focus
// moves in, Tab and Shift+Tab stay inside, Escape closes, and focus goes back where it came from.
// Lazily injected (meeting-dialog-entry.ts); nothing is sent to the background until checkMeeting() accepts it.
import { type MessageKey, t } from '../../shared/i18n.js';
import type { CalendarPerson } from '../../shared/meeting/ics.js';
import { meetingWhen } from '../../shared/meeting/invitation.js';
import type { MeetingProblem, MeetingResult, MeetingView } from '../../shared/protocol/index.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { ask } from '../common/messaging.js';
import { lookAgain, ownHost } from '../common/press-guard.js';
import { uiLocale } from './locale.js';
import { DIALOG_CSS } from './meeting-dialog-styles.js';
import { MeetingFormFields } from './meeting-form.js';
import { invitationActions } from './meeting-invitation.js';

interface MeetingDialogContext {
  pageUrl: string;
  /** The rep, from the toolbar's Salesforce status: the .ics ORGANIZER. */
  organizer: CalendarPerson;
  /** A new meeting's defaults. */
  subject: string;
  invitee: string;
  /** Told of every meeting the dialog created or changed, so the toolbar shows it. */
  changed: (meeting: MeetingView) => void;
  /** Where focus goes back on close (the button that opened the dialog). */
  returnFocus: () => void;
}

const INPUT_PROBLEMS: MeetingProblem[] = [
  'invalid-time',
  'start-in-past',
  'duration-out-of-bounds',
  'subject-missing',
  'subject-too-long',
  'notes-too-long',
  'invalid-email',
];

function refusedText(problem: MeetingProblem | undefined): string {
  const keys: Partial<Record<MeetingProblem, MessageKey>> = {
    'not-a-record': 'meetingRefusedNotRecord',
    'glance-not-connected': 'meetingRefusedGlanceNotConnected',
    'glance-address-not-allowed': 'meetingRefusedAddress',
    'key-not-allowed': 'meetingRefusedKey',
    'meeting-gone': 'meetingRefusedGone',
    'meeting-not-due': 'meetingRefusedNotDue',
    'meeting-other-address': 'meetingRefusedOtherAddress',
    'meeting-in-progress': 'meetingRefusedInProgress',
  };
  if (problem && INPUT_PROBLEMS.includes(problem)) return t('meetingRefusedInput');
  return t((problem && keys[problem]) || 'meetingRefusedUnknown');
}

const FOCUSABLE = 'button,input,select,textarea,a[href]';
let nextId = 0;

export class MeetingDialog {
  readonly host = element('div');
  private readonly dialog = element(
    'div',
    { className: 'dialog', tabIndex: -1 },
    { role: 'dialog', 'aria-modal': 'true' },
  );
  private readonly title = element('h2', { id: `meeting-title-${++nextId}` });
  private readonly body = element('div', { className: 'view' });
  private readonly alert = element('p', { className: 'alert' }, { role: 'alert' });
  private context: MeetingDialogContext | undefined;
  private readonly timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  private readonly locale = uiLocale();

  constructor() {
    this.host.dataset.glanceSfx = 'meeting-dialog';
    const root = this.host.attachShadow({ mode: 'open' });
    ownHost(this.host);
    this.dialog.setAttribute('aria-labelledby', this.title.id);
    this.dialog.append(this.title, this.alert, this.body);
    // Focus guards either side (the focus-trap pattern): Tab past the last control lands on the end
    // guard and wraps to the first, Shift+Tab past the first wraps to the last. Guards, not Tab key
    // handling, because date and time inputs take several Tabs each (month, day, year).
    const start = element('span', { tabIndex: 0 });
    const end = element('span', { tabIndex: 0 });
    onTrusted(start, 'focus', () => this.focusables().at(-1)?.focus());
    onTrusted(end, 'focus', () => this.focusables()[0]?.focus());
    // Our text is in the translation's language, whatever Salesforce's page says: screen readers speak it so.
    this.dialog.lang = t('formatLocale');
    adoptStyle(root, DIALOG_CSS);
    root.append(start, this.dialog, end);
    onTrusted(this.dialog, 'keydown', (event) => this.onKey(event));
    // A press on the backdrop keeps focus in the dialog (modal: the page behind is not reachable).
    this.host.addEventListener('mousedown', (event) => {
      if (event.composedPath()[0] === this.host) event.preventDefault();
    });
  }

  get isOpen(): boolean {
    return this.host.isConnected;
  }

  schedule(context: MeetingDialogContext): void {
    const fields = new MeetingFormFields(this.timeZone, this.locale);
    fields.fillNew(context.subject, context.invitee, Date.now());
    this.openForm(context, 'meetingDialogTitle', 'meetingSave', fields, async () => {
      const valid = fields.check(Date.now());
      if (!valid) return 'invalid';
      return ask('content:schedule-meeting', {
        meeting: {
          pageUrl: context.pageUrl,
          startsAt: valid.startUtc,
          durationMinutes: valid.durationMinutes,
          subject: valid.subject,
          invitee: valid.inviteeEmail,
          notes: valid.notes,
        },
      });
    });
  }

  reschedule(context: MeetingDialogContext, meeting: MeetingView): void {
    const fields = new MeetingFormFields(this.timeZone, this.locale);
    fields.fillExisting(meeting);
    this.openForm(context, 'meetingRescheduleTitle', 'meetingSaveReschedule', fields, async () => {
      const valid = fields.check(Date.now());
      if (!valid) return 'invalid';
      return ask('content:reschedule-meeting', {
        meetingId: meeting.meetingId,
        startsAt: valid.startUtc,
        durationMinutes: valid.durationMinutes,
      });
    });
  }

  cancel(context: MeetingDialogContext, meeting: MeetingView): void {
    const when = meetingWhen({ ...meeting, startUtc: meeting.startsAt, endUtc: meeting.endsAt, ...this.zone() });
    const confirm = element('button', {
      type: 'button',
      className: 'destructive',
      textContent: t('meetingCancelConfirmButton'),
    });
    const keep = element('button', { type: 'button', textContent: t('meetingKeep') });
    onTrusted(keep, 'click', () => this.close());
    onTrusted(
      confirm,
      'click',
      () => void this.send(confirm, () => ask('content:cancel-meeting', { meetingId: meeting.meetingId })),
    );
    const actions = element('div', { className: 'actions' });
    actions.append(keep, confirm);
    const question = element('p', {
      textContent: t('meetingConfirmCancel', meeting.subject, `${when.local} (${when.zone})`),
    });
    this.open(context, 'meetingCancelTitle', question, actions);
    keep.focus();
  }

  close(): void {
    if (!this.isOpen) return;
    this.host.remove();
    // What the dialog covered is pressable again as soon as the browser has drawn it uncovered.
    lookAgain();
    this.context?.returnFocus();
    this.context = undefined;
  }

  private zone() {
    return { timeZone: this.timeZone, locale: this.locale };
  }

  private openForm(
    context: MeetingDialogContext,
    title: MessageKey,
    saveLabel: MessageKey,
    fields: MeetingFormFields,
    submit: () => Promise<MeetingResult | undefined | 'invalid'>,
  ): void {
    const save = element('button', { type: 'submit', className: 'brand', textContent: t(saveLabel) });
    const dismiss = element('button', { type: 'button', textContent: t('meetingDismiss') });
    onTrusted(dismiss, 'click', () => this.close());
    const actions = element('div', { className: 'actions' });
    actions.append(dismiss, save);
    fields.form.append(actions);
    // Never the form's own submission: the browser fires a trusted "submit" even for a page
    // script's save.click() or form.requestSubmit(). Only a person's click on Save, or Enter in a
    // one-line field, sends.
    fields.form.addEventListener('submit', (event) => event.preventDefault());
    onTrusted(save, 'click', () => void this.send(save, submit));
    onTrusted(fields.form, 'keydown', (event) => {
      if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement)) return;
      event.preventDefault();
      void this.send(save, submit);
    });
    this.open(context, title, fields.form);
    fields.date.focus();
  }

  /** Sends what a button asked for; shows the result view, or the background's problem. */
  private async send(
    button: HTMLButtonElement,
    request: () => Promise<MeetingResult | undefined | 'invalid'>,
  ): Promise<void> {
    if (button.disabled) return;
    this.alert.textContent = '';
    const label = button.textContent ?? '';
    button.disabled = true;
    button.textContent = t('meetingSaving');
    let result: MeetingResult | undefined | 'invalid';
    try {
      result = await request();
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
    if (result === 'invalid') return; // the form shows its problems; nothing was sent
    if (!result?.ok) {
      this.alert.textContent = refusedText(result?.ok === false ? result.problem : undefined);
      return;
    }
    this.context?.changed(result.meeting);
    this.showResult(result.meeting);
  }

  private showResult(meeting: MeetingView): void {
    const context = this.context;
    if (!context) return;
    const when = meetingWhen({ startUtc: meeting.startsAt, endUtc: meeting.endsAt, ...this.zone() });
    const heading: MessageKey = meeting.cancelled
      ? 'meetingCancelled'
      : meeting.sequence > 0
        ? 'meetingRescheduled'
        : 'meetingScheduled';
    const facts = element('div', { className: 'facts' });
    facts.append(
      element('p', { textContent: t(heading) }),
      element('p', { textContent: `${meeting.subject}` }),
      element('p', { textContent: `${when.local} (${when.zone})` }),
    );
    if (!meeting.cancelled) {
      facts.append(element('p', { textContent: t('meetingResultJoin', meeting.joinUrl) }));
      if (meeting.key) facts.append(element('p', { textContent: t('meetingResultKey', meeting.key) }));
    }
    const close = element('button', { type: 'button', className: 'brand', textContent: t('meetingClose') });
    onTrusted(close, 'click', () => this.close());
    const actions = element('div', { className: 'actions' });
    actions.append(close);
    this.body.replaceChildren(
      facts,
      invitationActions(meeting, { organizer: context.organizer, ...this.zone() }),
      actions,
    );
    this.body.querySelector<HTMLElement>('[data-action]')?.focus();
  }

  private open(context: MeetingDialogContext, title: MessageKey, ...content: HTMLElement[]): void {
    this.context = context;
    this.title.textContent = t(title);
    this.alert.textContent = '';
    this.body.replaceChildren(...content);
    if (!this.host.isConnected) document.body.append(this.host);
  }

  private focusables(): HTMLElement[] {
    return [...this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (node) => !node.closest('[hidden]') && !(node as HTMLButtonElement).disabled,
    );
  }

  /** Escape closes (WAI-ARIA modal dialog pattern); the focus guards keep Tab inside. */
  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close();
  }
}
