// The record's meetings, as much as every record page needs: one question to the background whether
// the record has an upcoming meeting. Its row in the toolbar, the dialog and Start scheduled meeting
// are in the meeting dialog's lazily injected script (meeting-coordinator.ts), injected when the
// record has an upcoming meeting or the rep schedules (a failed injection is tried again next time).
import type { MeetingView } from '../shared/meeting-request.js';
import type { SalesforceStatus } from '../shared/messages.js';
import type { RecordPage } from './draw-decision.js';
import type { MeetingAction, MeetingCoordinator } from './meeting-coordinator.js';
import { ask } from './messaging.js';
import { loadLazyScript } from './panel-loader.js';
import type { Toolbar } from './toolbar.js';

const key = (record: RecordPage | undefined) => record && `${record.ui} ${record.apiHost} ${record.recordId}`;

export class Meetings {
  private record: RecordPage | undefined;
  /** The record's upcoming meeting as the background answered; undefined until it did. */
  private upcoming: MeetingView | null | undefined;
  private status: SalesforceStatus | undefined;
  private coordinator: MeetingCoordinator | undefined;

  constructor(
    private readonly toolbar: Toolbar,
    private readonly startMeeting: (meeting: MeetingView) => Promise<void>,
  ) {}

  setStatus(status: SalesforceStatus | undefined): void {
    this.status = status;
    this.coordinator?.setStatus(status);
  }

  /** The toolbar shows `record` (or nothing): ask once per record whether it has an upcoming meeting. */
  show(record: RecordPage | undefined): void {
    if (this.coordinator) {
      this.coordinator.show(record);
      return;
    }
    if (key(record) === key(this.record)) return;
    this.record = record;
    this.upcoming = undefined;
    if (!record) return;
    void ask('content:upcoming-meeting', { pageUrl: location.href }).then((meeting) => {
      if (this.record !== record) return;
      // One that has ended meanwhile is not upcoming.
      this.upcoming = meeting && Date.parse(meeting.endsAt) > Date.now() ? meeting : null;
      if (this.upcoming) void this.load().catch(() => {});
    });
  }

  /** `opener`: the button outside the toolbar the rep pressed (focus returns there). */
  async act(kind: 'schedule' | MeetingAction, opener?: HTMLElement): Promise<void> {
    await this.load().then(
      (coordinator) => coordinator.act(kind, opener),
      () => this.toolbar.notice('meetingRefusedUnknown', 'error'),
    );
  }

  private async load(): Promise<MeetingCoordinator> {
    const { MeetingCoordinator } = await loadLazyScript('meeting-dialog');
    if (!this.coordinator) {
      this.coordinator = new MeetingCoordinator(this.toolbar, this.startMeeting);
      this.coordinator.setStatus(this.status);
      this.coordinator.show(this.record, this.upcoming);
    }
    return this.coordinator;
  }
}
