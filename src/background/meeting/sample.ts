// A made-up meeting for the org check and its dry run: the same Event fields a rep's meeting gets,
// on a record the check chose, starting a day after `now`.
import type { ScheduledMeeting } from './store.js';

const MINUTE = 60_000;

export function sampleMeeting(meetingId: string, record: ScheduledMeeting['record'], now: number): ScheduledMeeting {
  const start = Math.ceil((now + 24 * 60 * MINUTE) / MINUTE) * MINUTE;
  return {
    meetingId,
    record,
    subject: 'Glance for Salesforce org check',
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 30 * MINUTE).toISOString(),
    durationMinutes: 30,
    invitee: 'org.check@example.com',
    notes: 'Made by the org check; deleted when it ends.',
    keyKind: 'random',
    key: '1234',
    joinUrl: 'https://example.glance.net/?key=1234',
    glanceAddress: 'example.glance.net',
    phone: { numbers: '+1 555 0100', accessCode: '1234#', notes: '' },
    sequence: 0,
    cancelled: false,
  };
}
