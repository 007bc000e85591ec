// The record's meetings, as much as every record page needs: one question to the background whether
// the record has an upcoming meeting. Its row in the toolbar, the dialog and Start scheduled meeting
// are in the meeting dialog's lazily injected script (meeting-coordinator.ts), injected when the
// record has an upcoming meeting or the rep schedules (a failed injection is tried again next time).
import type { MeetingView, SalesforceStatus } from '../../shared/protocol/index.js';
import { type RecordPage, recordKey } from '../common/draw-decision.js';
import { ask } from '../common/messaging.js';
import { loadLazyScript } from '../common/panel-loader.js';
import type { FollowUp, MeetingAction, MeetingCoordinator } from '../meeting-dialog/meeting-coordinator.js';
import type { Toolbar } from './toolbar-types.js';

interface Meetings {
  setStatus(status: SalesforceStatus | undefined): void;
  /** The toolbar shows `record` (or nothing): ask once per record whether it has an upcoming meeting. */
  show(record: RecordPage | undefined): void;
  /**
   * `opener`: the button outside the toolbar the rep pressed (focus returns there). `followUp`: a
   * follow-up meeting from the session's wrap-up (its subject says so; `closed` runs as it closes).
   */
  act(kind: 'schedule' | MeetingAction, opener?: HTMLElement, followUp?: FollowUp): Promise<void>;
}

/** Closures, not a class: their names minify, a class's members do not. */
export function meetings(toolbar: Toolbar, startMeeting: (meeting: MeetingView) => Promise<void>): Meetings {
  let record: RecordPage | undefined;
  /** The record's upcoming meeting as the background answered; undefined until it did. */
  let upcoming: MeetingView | null | undefined;
  /** The last status that named the rep: the invitation's organizer. */
  let ready: SalesforceStatus | undefined;
  let coordinator: MeetingCoordinator | undefined;
  const load = async (): Promise<MeetingCoordinator> => {
    const { MeetingCoordinator } = await loadLazyScript('meeting-dialog');
    if (!coordinator) {
      coordinator = new MeetingCoordinator(toolbar, startMeeting, () => ready);
      coordinator.show(record, upcoming);
    }
    return coordinator;
  };
  return {
    setStatus(status) {
      if (status?.state === 'ready') ready = status;
    },
    show(next) {
      if (coordinator) {
        coordinator.show(next);
        return;
      }
      if (recordKey(next) === recordKey(record)) return;
      record = next;
      upcoming = undefined;
      if (!next) return;
      // Asked after Lightning's navigation, not inside its pushState (where this runs); for this page's URL.
      const pageUrl = location.href;
      setTimeout(() =>
        ask('content:upcoming-meeting', { pageUrl }).then((meeting) => {
          if (record !== next) return;
          // One that has ended meanwhile is not upcoming.
          upcoming = meeting && Date.parse(meeting.endsAt) > Date.now() ? meeting : null;
          if (upcoming) void load().catch(() => {});
        }),
      );
    },
    act: (kind, opener, followUp) =>
      load().then(
        (loaded) => loaded.act(kind, opener, followUp),
        () => toolbar.notice('meetingRefusedUnknown', 'error'),
      ),
  };
}
