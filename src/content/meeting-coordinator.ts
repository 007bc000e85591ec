// The record's meetings as the toolbar shows them: the upcoming one (asked once per record), the
// dialog (its script injected the first time the rep opens it: meeting-opener.ts) and Start
// scheduled meeting while it is due.
// main.ts hands it the record the toolbar shows and the rep's toolbar clicks about meetings.
import type { CalendarPerson } from '../shared/meeting/ics.js';
import type { MeetingView } from '../shared/meeting-request.js';
import type { SalesforceStatus } from '../shared/messages.js';
import type { RecordPage } from './draw-decision.js';
import { uiLocale } from './locale.js';
import { meetingTiming } from './meeting-timing.js';
import { ask } from './messaging.js';
import { loadLazyScript } from './panel-loader.js';
import type { MeetingAction, Toolbar } from './toolbar.js';

const recordKey = (record: RecordPage) => `${record.ui} ${record.apiHost} ${record.recordId}`;

export class MeetingCoordinator {
  private record: RecordPage | undefined;
  private upcoming: MeetingView | null = null;
  private organizer: CalendarPerson = { name: '', email: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly toolbar: Toolbar,
    private readonly startMeeting: (meeting: MeetingView) => Promise<void>,
  ) {}

  /** The rep as Salesforce names them: the invitation's organizer. */
  setStatus(status: SalesforceStatus | undefined): void {
    if (status?.state === 'ready') this.organizer = { name: status.user.name, email: status.user.email };
  }

  /** The toolbar shows `record` (or nothing): ask for its upcoming meeting once per record. */
  show(record: RecordPage | undefined): void {
    if (record && this.record && recordKey(record) === recordKey(this.record)) {
      this.draw();
      return;
    }
    this.record = record;
    this.upcoming = null;
    this.draw();
    if (record) void this.refresh(record);
  }

  /** `opener`: the button outside the toolbar the rep pressed (focus returns there). */
  async act(kind: 'schedule' | MeetingAction, opener?: HTMLElement): Promise<void> {
    const record = this.record;
    const meeting = this.upcoming;
    if (!record) return;
    if (kind === 'start-meeting') {
      if (meeting) await this.startMeeting(meeting);
      return;
    }
    // The record's name and the invitee's email, asked while the dialog loads (one query; empty on any trouble).
    const defaults = kind === 'schedule' ? ask('content:meeting-defaults', { pageUrl: location.href }) : undefined;
    // The dialog and how it opens are in its own script, injected the first time (a failed injection,
    // the extension updated under the tab, is tried again on the next click).
    await loadLazyScript('meeting-dialog').then(
      ({ openMeeting }) =>
        openMeeting({
          kind,
          record,
          meeting,
          organizer: this.organizer,
          defaults,
          changed: (changed) => {
            if (this.record === record) this.take(changed.cancelled ? null : changed);
          },
          returnFocus: () => (opener?.isConnected ? opener.focus() : this.toolbar.focusAction(kind)),
        }),
      () => this.toolbar.notice('meetingRefusedUnknown', 'error'),
    );
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

  private draw(): void {
    clearTimeout(this.timer);
    const meeting = this.record ? this.upcoming : null;
    if (!meeting) {
      this.toolbar.showMeeting(undefined);
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
    this.toolbar.showMeeting(when, timing.due);
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
