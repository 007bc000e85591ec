// How the meeting dialog opens from the toolbar or the activity button: in the dialog's own lazily
// injected script (meeting-dialog-entry.ts), so the content script every record page loads carries
// only the Schedule button and one question about the record's upcoming meeting (meetings.ts).
import { t } from '../../shared/i18n.js';
import type { CalendarPerson } from '../../shared/meeting/ics.js';
import type { MeetingDefaults, MeetingView } from '../../shared/protocol/index.js';
import type { RecordPage } from '../common/draw-decision.js';
import { MeetingDialog } from './meeting-dialog.js';

interface MeetingOpening {
  kind: 'schedule' | 'reschedule' | 'cancel-meeting';
  record: RecordPage;
  /** The record's upcoming meeting, which Reschedule and Cancel act on. */
  meeting: MeetingView | null;
  organizer: CalendarPerson;
  /** Asked while this script was injected; undefined unless scheduling. */
  defaults: Promise<MeetingDefaults | undefined> | undefined;
  changed: (meeting: MeetingView) => void;
  returnFocus: () => void;
  /** A follow-up from a session's wrap-up: the subject says so. */
  followUp?: boolean;
}

let dialog: MeetingDialog | undefined;

export async function openMeeting(opening: MeetingOpening): Promise<void> {
  dialog ??= new MeetingDialog();
  const { kind, meeting } = opening;
  const known = await opening.defaults;
  const context = {
    pageUrl: location.href,
    organizer: opening.organizer,
    subject: t(
      opening.followUp ? 'wrapUpFollowUpSubject' : 'meetingDefaultSubject',
      known?.recordName || opening.record.sobject,
    ),
    invitee: known?.inviteeEmail ?? '',
    changed: opening.changed,
    returnFocus: opening.returnFocus,
  };
  if (kind === 'schedule') dialog.schedule(context);
  else if (meeting && kind === 'reschedule') dialog.reschedule(context, meeting);
  else if (meeting) dialog.cancel(context, meeting);
}
