// The messages of meeting scheduling (issue 11): what the record page's dialog sends, the limits the
// background checks again, and what it answers. Pure: the content script validates with the same
// rules before sending, the background on arrival.
import { isEmailAddress } from '../meeting/email-address.js';
import { MEETING_LIMITS } from '../meeting/schedule-input.js';
import type { GlanceSObject } from '../salesforce-id.js';
import type { MeetingInputProblem, MeetingProblem } from './problems.js';
import type { SessionResult } from './session-views.js';
import { isString, type ValidatorsOf } from './validate.js';

/** A meeting as the rep entered it; the dialog has already turned the rep's local time into UTC. */
export interface MeetingRequest {
  /** The record page the meeting is scheduled from. */
  pageUrl: string;
  /** The start as an ISO 8601 instant (UTC). */
  startsAt: string;
  durationMinutes: number;
  subject: string;
  /** The invitee's email, or '' for none. */
  invitee: string;
  notes: string;
}

/**
 * The one table of bounds (Salesforce's Event limits and the product's duration), shared with the
 * dialog's check of what the rep typed, so the two can never disagree.
 */
const LIMITS = {
  minMinutes: MEETING_LIMITS.minDurationMinutes,
  maxMinutes: MEETING_LIMITS.maxDurationMinutes,
  subject: MEETING_LIMITS.subjectMaxLength,
  notes: MEETING_LIMITS.notesMaxLength,
} as const;

/** A scheduled meeting as the record page sees it (the key only when the meeting chose one). */
export interface MeetingView {
  meetingId: string;
  record: { sobject: GlanceSObject; recordId: string };
  subject: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  invitee: string;
  notes: string;
  /** 'random': the key chosen when it was scheduled; 'fixed': the rep's fixed key; 'none'. */
  keyKind: 'random' | 'fixed' | 'none';
  /** The meeting's key when it chose one ('' for a fixed key or none). */
  key: string;
  joinUrl: string;
  glanceAddress: string;
  /** Phone details from settings, as written to the Event ('' when none). */
  phone: { numbers: string; accessCode: string; notes: string };
  /** Raised at each reschedule or cancellation (the invitation's SEQUENCE). */
  sequence: number;
  cancelled: boolean;
}

/**
 * What the dialog prefills: the record's name for a default subject and the invitee's email, each ''
 * when Salesforce did not say (logged out, API blocked, a field the rep may not read, no contact).
 */
export interface MeetingDefaults {
  inviteeEmail: string;
  recordName: string;
}

export type MeetingResult = { ok: true; meeting: MeetingView } | { ok: false; problem: MeetingProblem };

/** What is wrong with a meeting's input at `now` (ms), or undefined when it may be written. */
export function meetingInputProblem(
  input: Pick<MeetingRequest, 'startsAt' | 'durationMinutes' | 'subject' | 'invitee' | 'notes'>,
  now: number,
): MeetingInputProblem | undefined {
  // Only a full ISO instant with its zone: a local time without one would be read in the worker's zone.
  const start = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/.test(input.startsAt)
    ? Date.parse(input.startsAt)
    : Number.NaN;
  if (!Number.isFinite(start)) return 'invalid-time';
  if (start <= now) return 'start-in-past';
  const minutes = input.durationMinutes;
  if (!Number.isInteger(minutes) || minutes < LIMITS.minMinutes || minutes > LIMITS.maxMinutes)
    return 'duration-out-of-bounds';
  if (input.subject.trim() === '') return 'subject-missing';
  if (input.subject.length > LIMITS.subject) return 'subject-too-long';
  if (input.notes.length > LIMITS.notes) return 'notes-too-long';
  const email = input.invitee.trim();
  if (email !== '' && !isEmailAddress(email)) return 'invalid-email';
  return undefined;
}

/** Requests about meetings a content script may send (merged into ContentRequests). */
export interface MeetingContentRequests {
  'content:schedule-meeting': { request: { meeting: MeetingRequest }; response: MeetingResult };
  /** The record's next meeting that has not ended (null when none), for Reschedule, Cancel and Start. */
  'content:upcoming-meeting': { request: { pageUrl: string }; response: MeetingView | null };
  /** The dialog's prefill for the record page, read from Salesforce once per opening. */
  'content:meeting-defaults': { request: { pageUrl: string }; response: MeetingDefaults };
  'content:reschedule-meeting': {
    request: { meetingId: string; startsAt: string; durationMinutes: number };
    response: MeetingResult;
  };
  'content:cancel-meeting': { request: { meetingId: string }; response: MeetingResult };
  /** Starts the Glance session of a meeting that is due, with the meeting's key. */
  'content:start-scheduled-meeting': {
    request: { meetingId: string; pageUrl: string };
    response: SessionResult | { ok: false; problem: MeetingProblem };
  };
}

const isMinutes = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isMeetingId = (value: unknown): value is string => isString(value, 100) && value !== '';

/**
 * Shapes only (types and sizes a little above the limits, so an over-long subject answers its own
 * problem instead of "invalid message"); the background checks the limits in meetingInputProblem.
 */
function readMeetingRequest(raw: unknown): MeetingRequest | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (
    !isString(m.pageUrl, 4096) ||
    !isString(m.startsAt, 40) ||
    !isMinutes(m.durationMinutes) ||
    !isString(m.subject, LIMITS.subject * 4) ||
    !isString(m.invitee, 1000) ||
    !isString(m.notes, LIMITS.notes * 2)
  )
    return undefined;
  return {
    pageUrl: m.pageUrl,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    subject: m.subject,
    invitee: m.invitee,
    notes: m.notes,
  };
}

export const meetingValidators: ValidatorsOf<MeetingContentRequests> = {
  'content:schedule-meeting': (raw) => {
    const meeting = readMeetingRequest(raw.meeting);
    return meeting ? { meeting } : undefined;
  },
  'content:upcoming-meeting': (raw) => (isString(raw.pageUrl, 4096) ? { pageUrl: raw.pageUrl } : undefined),
  'content:meeting-defaults': (raw) => (isString(raw.pageUrl, 4096) ? { pageUrl: raw.pageUrl } : undefined),
  'content:reschedule-meeting': (raw) =>
    isMeetingId(raw.meetingId) && isString(raw.startsAt, 40) && isMinutes(raw.durationMinutes)
      ? { meetingId: raw.meetingId, startsAt: raw.startsAt, durationMinutes: raw.durationMinutes }
      : undefined,
  'content:cancel-meeting': (raw) => (isMeetingId(raw.meetingId) ? { meetingId: raw.meetingId } : undefined),
  'content:start-scheduled-meeting': (raw) =>
    isMeetingId(raw.meetingId) && isString(raw.pageUrl, 4096)
      ? { meetingId: raw.meetingId, pageUrl: raw.pageUrl }
      : undefined,
};
