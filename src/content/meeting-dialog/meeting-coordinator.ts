// The record's meetings as the toolbar shows them: the upcoming one (its row in the toolbar: time,
// Reschedule, Cancel and, while due, Start scheduled meeting), the dialog and Start scheduled meeting.
// It is in the meeting dialog's lazily injected script (meeting-dialog-entry.ts): the content script
// every record page loads only asks whether the record has an upcoming meeting (meetings.ts) and
// injects this script when it has one or when the rep schedules.
import { t } from '../../shared/i18n.js';
import type { CalendarPerson } from '../../shared/meeting/ics.js';
import type { MeetingView, SalesforceStatus } from '../../shared/protocol/index.js';
import { adoptStyle, element, onTrusted } from '../common/dom.js';
import { type RecordPage, recordKey } from '../common/draw-decision.js';
import { ask } from '../common/messaging.js';
import type { Toolbar } from '../toolbar/toolbar-types.js';
import { uiLocale } from './locale.js';
import { openMeeting } from './meeting-opener.js';
import { meetingTiming } from './meeting-timing.js';

export type MeetingAction = 'reschedule' | 'cancel-meeting' | 'start-meeting';

/** A follow-up meeting scheduled from a session's wrap-up: `closed` runs when the dialog closes. */
export interface FollowUp {
  closed: () => void;
}

/** The row's look, added to the toolbar's shadow root with the row (the toolbar's own CSS stays small). */
const ROW_CSS = `.meeting{display:flex;flex:1 1 100%;flex-wrap:wrap;align-items:center;gap:.5rem;padding-top:.5rem;border-top:1px solid #e5e5e5}
.when{font-weight:700}`;

export class MeetingCoordinator {
  private record: RecordPage | undefined;
  private upcoming: MeetingView | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The record's upcoming meeting (when it has one), last in the toolbar's bar. */
  private readonly row = element('div', { className: 'meeting', hidden: true }, { role: 'group' });
  private readonly when = element('span', { className: 'when' });
  private readonly buttons: Record<MeetingAction, HTMLButtonElement> = {
    'start-meeting': element('button', { type: 'button', className: 'brand', textContent: t('meetingStart') }),
    reschedule: element('button', { type: 'button', textContent: t('meetingReschedule') }),
    'cancel-meeting': element('button', { type: 'button', textContent: t('meetingCancel') }),
  };

  constructor(
    private readonly toolbar: Toolbar,
    private readonly startMeeting: (meeting: MeetingView) => Promise<void>,
    /** The last status that named the rep (meetings.ts): the invitation's organizer. */
    private readonly ready: () => SalesforceStatus | undefined,
  ) {
    for (const [kind, button] of Object.entries(this.buttons) as [MeetingAction, HTMLButtonElement][]) {
      onTrusted(button, 'click', () => void this.act(kind));
    }
    this.row.append(this.when, ...Object.values(this.buttons));
    toolbar.bar.append(this.row);
    if (toolbar.host.shadowRoot) adoptStyle(toolbar.host.shadowRoot, ROW_CSS);
  }

  /**
   * The toolbar shows `record` (or nothing): ask for its upcoming meeting once per record, unless
   * `known` already is the answer (the content script asked before injecting this script).
   */
  show(record: RecordPage | undefined, known?: MeetingView | null): void {
    if (record && this.record && recordKey(record) === recordKey(this.record)) {
      this.draw();
      return;
    }
    this.record = record;
    this.upcoming = known ?? null;
    this.draw();
    if (record && known === undefined) void this.refresh(record);
  }

  /** `opener`: the button outside the toolbar the rep pressed (focus returns there). */
  async act(kind: 'schedule' | MeetingAction, opener?: HTMLElement, followUp?: FollowUp): Promise<void> {
    const record = this.record;
    const meeting = this.upcoming;
    if (!record) return;
    if (kind === 'start-meeting') {
      if (meeting) await this.startMeeting(meeting);
      return;
    }
    // The record's name and the invitee's email (one query; empty on any trouble).
    const defaults = kind === 'schedule' ? ask('content:meeting-defaults', { pageUrl: location.href }) : undefined;
    await openMeeting({
      kind,
      record,
      meeting,
      organizer: this.organizer(),
      defaults,
      changed: (changed) => {
        if (this.record === record) this.take(changed.cancelled ? null : changed);
      },
      followUp: !!followUp,
      returnFocus: () => (followUp ? followUp.closed() : opener?.isConnected ? opener.focus() : this.focusAction(kind)),
    });
  }

  /** The rep as Salesforce names them, or nobody yet. */
  private organizer(): CalendarPerson {
    const status = this.ready();
    return status?.state === 'ready' ? { name: status.user.name, email: status.user.email } : { name: '', email: '' };
  }

  /** Focus back on the button that opened the meeting dialog (or Schedule, if that one is gone). */
  private focusAction(kind: 'schedule' | MeetingAction): void {
    const button = kind === 'schedule' ? undefined : this.buttons[kind];
    const shown = button && this.toolbar.host.isConnected && !button.closest('[hidden]') && !button.hidden;
    (shown ? button : this.toolbar.schedule).focus();
  }

  private async refresh(record: RecordPage): Promise<void> {
    const meeting = await ask('content:upcoming-meeting', { pageUrl: location.href });
    // The rep moved on meanwhile: the answer is about another record.
    // One that has ended meanwhile is not upcoming (and must not ask again and again).
    const upcoming = meeting && Date.parse(meeting.endsAt) > Date.now() ? meeting : null;
    if (this.record === record) this.take(upcoming);
  }

  private take(meeting: MeetingView | null): void {
    this.upcoming = meeting;
    this.draw();
  }

  /** The row as "Meeting Thu 3:00 PM", or hidden; Start only while it is due. */
  private draw(): void {
    clearTimeout(this.timer);
    const meeting = this.record ? this.upcoming : null;
    this.row.hidden = !meeting;
    if (!meeting) {
      this.when.textContent = '';
      this.row.removeAttribute('aria-label');
      return;
    }
    const timing = meetingTiming(meeting.startsAt, meeting.endsAt, Date.now());
    const when = new Intl.DateTimeFormat(uiLocale(), {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(meeting.startsAt));
    this.when.textContent = t('meetingUpcoming', when);
    this.row.setAttribute('aria-label', this.when.textContent);
    this.buttons['start-meeting'].hidden = !timing.due;
    const record = this.record;
    if (timing.changesAt === undefined) {
      // It ended: the record may have a later one.
      if (record) void this.refresh(record);
      return;
    }
    // Timers longer than ~24.8 days overflow; a day is plenty, the page is reloaded long before.
    this.timer = setTimeout(() => this.draw(), Math.min(timing.changesAt - Date.now() + 50, 86_400_000));
  }
}
