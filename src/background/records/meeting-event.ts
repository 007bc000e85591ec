// How a scheduled Glance meeting is written to Salesforce: a future Event (Object Reference, "Event":
// StartDateTime/EndDateTime are dateTime values, which the API takes and stores in UTC;
// IsReminderSet with ReminderDateTime sets the reminder). Events have no status field (unlike Task's
// Status), so a cancelled meeting is marked in its Subject ("Cancelled: …"), its description, and
// shown as free time (ShowAs "Free", a value of Event's Show Time As picklist).

import type { EventGuest } from '../storage/record-shapes.js';
import type { ScheduledMeeting } from '../storage/shapes.js';
import { joinLinkToWrite, oneLine } from './session-event.js';

const MINUTE = 60_000;
/** The reminder Salesforce shows: 15 minutes before the start (Salesforce's default lead time). */
const REMINDER_BEFORE_MS = 15 * MINUTE;
const SUBJECT_MAX = 255;
const LOCATION_MAX = 255;
const DESCRIPTION_MAX = 32_000;
const CANCELLED_PREFIX = 'Cancelled: ';

/** " [Glance meeting m-…]": the Subject carries the meeting's id, so a resent write finds its Event. */
const idTag = (meetingId: string) => ` [Glance meeting ${oneLine(meetingId)}]`;

/** The Event's Subject: the rep's subject on one line, shortened to fit the id tag into 255. */
function meetingSubject(meeting: Pick<ScheduledMeeting, 'meetingId' | 'subject'>, cancelled = false): string {
  const tag = idTag(meeting.meetingId);
  const prefix = cancelled ? CANCELLED_PREFIX : '';
  return `${prefix}${oneLine(meeting.subject).slice(0, SUBJECT_MAX - tag.length - prefix.length)}${tag}`;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The key line: a fixed key is the rep's for every session and never written (issue 10). */
function keyLine(meeting: ScheduledMeeting): string {
  if (meeting.keyKind === 'fixed') return 'Session key: the rep’s fixed key (not recorded)';
  if (meeting.keyKind === 'none' || !meeting.key) return 'Session key: none';
  return `Session key: ${oneLine(meeting.key)}`;
}

/** The join link written: with the meeting's own key, or the address where guests type the key. */
function meetingJoinLink(meeting: ScheduledMeeting): string {
  return meeting.keyKind === 'random' && meeting.key
    ? oneLine(meeting.joinUrl)
    : `https://${oneLine(meeting.glanceAddress)}/`;
}

/** What the meeting's Event keeps even while its session runs: invitee, phone details, the rep's notes. */
export function meetingDetails(meeting: ScheduledMeeting): string {
  const phone = meeting.phone;
  const lines = [
    `Glance meeting: ${oneLine(meeting.meetingId)}`,
    ...(meeting.invitee ? [`Invitee: ${oneLine(meeting.invitee)}`] : []),
    ...(phone.numbers ? [`Conference phone: ${oneLine(phone.numbers)}`] : []),
    ...(phone.accessCode ? [`Access code: ${oneLine(phone.accessCode)}`] : []),
    ...(phone.notes ? [`Phone notes: ${oneLine(phone.notes)}`] : []),
  ];
  // The rep's own notes may span lines; they come last, under their heading, so no line of theirs
  // can pass for one of the lines above. Bidirectional overrides are removed all the same.
  const notes = meeting.notes.replace(/\p{Bidi_Control}/gu, '').trim();
  if (notes) lines.push('Notes:', notes);
  return lines.join('\n');
}

function meetingDescription(meeting: ScheduledMeeting, cancelledAt?: number): string {
  const lines = [
    ...(cancelledAt !== undefined ? [`Cancelled: this Glance meeting was cancelled at ${iso(cancelledAt)}.`] : []),
    `When: ${meeting.startsAt} to ${meeting.endsAt} (UTC, ${meeting.durationMinutes} min)`,
    cancelledAt !== undefined ? 'Session key: none (cancelled)' : keyLine(meeting),
    `Join link: ${cancelledAt !== undefined ? `https://${oneLine(meeting.glanceAddress)}/` : meetingJoinLink(meeting)}`,
    `Glance address: ${oneLine(meeting.glanceAddress)}`,
    meetingDetails(meeting),
  ];
  return lines.join('\n').slice(0, DESCRIPTION_MAX);
}

function times(meeting: ScheduledMeeting, now: number) {
  const start = Date.parse(meeting.startsAt);
  return {
    StartDateTime: meeting.startsAt,
    EndDateTime: meeting.endsAt,
    IsReminderSet: true,
    // A meeting less than 15 minutes ahead is reminded of now, not in the past.
    ReminderDateTime: iso(Math.max(now, start - REMINDER_BEFORE_MS)),
  };
}

/** The new Event: times, reminder, subject, where to join, the description, and the page's record. */
export function scheduledEventFields(
  meeting: ScheduledMeeting,
  relation: { WhoId?: string; WhatId?: string },
  now: number,
): Record<string, unknown> {
  return {
    Subject: meetingSubject(meeting),
    Type: 'Meeting',
    ...times(meeting, now),
    ShowAs: 'Busy',
    Location: meetingJoinLink(meeting).slice(0, LOCATION_MAX),
    Description: meetingDescription(meeting),
    ...relation,
  };
}

/** A reschedule: the same Event with new times, reminder and description. */
export function rescheduledEventFields(meeting: ScheduledMeeting, now: number): Record<string, unknown> {
  return { ...times(meeting, now), Description: meetingDescription(meeting) };
}

/** A cancellation: marked in Subject and description, shown as free, no reminder, no key. */
export function cancelledEventFields(meeting: ScheduledMeeting, now: number): Record<string, unknown> {
  return {
    Subject: meetingSubject(meeting, true),
    ShowAs: 'Free',
    IsReminderSet: false,
    Location: `https://${oneLine(meeting.glanceAddress)}/`.slice(0, LOCATION_MAX),
    Description: meetingDescription(meeting, now),
  };
}

/** The meeting's session started: the real start, its link, and the session's description above the meeting's details. */
export function meetingStartFields(
  meeting: ScheduledMeeting,
  sessionDescription: string,
  facts: {
    startedAt: string;
    key: string;
    keyKind: 'random' | 'fixed' | 'none';
    joinUrl: string;
    glanceAddress: string;
  },
): Record<string, unknown> {
  const end = Math.max(Date.parse(meeting.endsAt), Date.parse(facts.startedAt));
  return {
    StartDateTime: facts.startedAt,
    EndDateTime: iso(end),
    Location: joinLinkToWrite({ ...facts, sessionId: '', modes: [], guests: [] as EventGuest[] }).slice(
      0,
      LOCATION_MAX,
    ),
    Description: withMeetingDetails(sessionDescription, meeting),
  };
}

/** A session description followed by the meeting's details (for the session's start and end writes). */
export function withMeetingDetails(sessionDescription: string, meeting: ScheduledMeeting | string): string {
  const details = typeof meeting === 'string' ? meeting : meetingDetails(meeting);
  return `${sessionDescription}\n\n${details}`.slice(0, DESCRIPTION_MAX);
}
