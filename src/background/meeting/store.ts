// The rep's scheduled meetings, kept in storage.local so the toolbar can offer "Start scheduled
// meeting" when one is due, and Reschedule and Cancel while it is upcoming.
import type { MeetingView } from '../../shared/protocol/index.js';
import { scheduledMeetingsItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';
import type { ScheduledMeeting } from '../storage/shapes.js';

export type { ScheduledMeeting } from '../storage/shapes.js';

const MINUTE = 60_000;
/** Start scheduled meeting is offered from 15 minutes before the start to the end (issue 11, item 5). */
const START_EARLY_MS = 15 * MINUTE;
/** Ended meetings are forgotten a day after their end. */
const KEEP_AFTER_END_MS = 24 * 60 * MINUTE;

export const readMeetings = (ports: StoragePorts) => scheduledMeetingsItem.read(ports);

/** Changes the stored list; meetings over for a day are dropped on the way. */
export async function changeMeetings(
  ports: StoragePorts,
  now: number,
  change: (meetings: ScheduledMeeting[]) => ScheduledMeeting[],
): Promise<void> {
  const kept = (await readMeetings(ports)).filter((m) => Date.parse(m.endsAt) + KEEP_AFTER_END_MS > now);
  await scheduledMeetingsItem.write(ports, change(kept));
}

/** A meeting is held once: starting it again would overwrite its Event with a second session. */
export const markMeetingHeld = (ports: StoragePorts, now: number, meetingId: string) =>
  changeMeetings(ports, now, (meetings) => meetings.map((m) => (m.meetingId === meetingId ? { ...m, held: true } : m)));

type RecordRef = { sobject: string; recordId: string; apiHost: string; storeId?: string };
const sameRecord = (m: ScheduledMeeting, record: RecordRef) =>
  m.record.recordId === record.recordId &&
  m.record.apiHost === record.apiHost &&
  (m.record.storeId ?? undefined) === (record.storeId ?? undefined);

/** The record's meeting that may be started now: not cancelled, from 15 minutes before its start to its end. */
export function meetingDueFor(
  meetings: ScheduledMeeting[],
  record: RecordRef,
  now: number,
): ScheduledMeeting | undefined {
  return meetings
    .filter(
      (m) =>
        !m.cancelled &&
        !m.held &&
        sameRecord(m, record) &&
        Date.parse(m.startsAt) - START_EARLY_MS <= now &&
        now < Date.parse(m.endsAt),
    )
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

/** The record's next meeting that has not ended and is not cancelled (for Reschedule, Cancel and Start). */
export function upcomingMeetingFor(
  meetings: ScheduledMeeting[],
  record: RecordRef,
  now: number,
): ScheduledMeeting | undefined {
  return meetings
    .filter((m) => !m.cancelled && !m.held && sameRecord(m, record) && now < Date.parse(m.endsAt))
    .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))[0];
}

export function toMeetingView(meeting: ScheduledMeeting): MeetingView {
  const { record, held: _held, ...rest } = meeting;
  return { ...rest, record: { sobject: record.sobject, recordId: record.recordId } };
}
