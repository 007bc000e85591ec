// The meeting a rep asks for in the dialog, checked before anything is written. The rep picks a
// local date and time in their own IANA time zone; the Event stores UTC. The conversion uses Intl
// only (no date library: this is lazy-loaded with the dialog and must stay small).
import { isEmailAddress } from './email-address.js';

/**
 * Bounds. Salesforce Event (object reference, "Event" — developer.salesforce.com/docs/platform/
 * object-reference/references/standard-objects/object-event.html): DurationInMinutes is an int
 * length in minutes, Subject a 255-character string (combobox), Description a 32,000-character
 * textarea. Salesforce allows multiday events up to 14 days; a Glance meeting is a call, so we
 * bound it far inside that: 5 minutes (the shortest choice the dialog offers) to 8 hours (a
 * working day). Salesforce would refuse a longer Subject or Description with STRING_TOO_LONG, and
 * the outbox must never hold a write Salesforce will refuse, so they are checked here.
 */
export const MEETING_LIMITS = {
  minDurationMinutes: 5,
  maxDurationMinutes: 480,
  subjectMaxLength: 255,
  notesMaxLength: 32000,
} as const;

export type OverlapChoice = 'earlier' | 'later';

export interface MeetingForm {
  /** Local date as an <input type="date"> gives it: "YYYY-MM-DD". */
  date: string;
  /** Local time as an <input type="time"> gives it: "HH:MM" (24-hour). */
  time: string;
  /** The rep's IANA zone, e.g. Intl.DateTimeFormat().resolvedOptions().timeZone. */
  timeZone: string;
  durationMinutes: number;
  subject: string;
  /** Empty or absent when the meeting has no invitee yet. */
  inviteeEmail?: string;
  notes: string;
  /** The current time in ms (given, so tests and the worker decide what "now" is). */
  now: number;
  /** Which of the two instants the rep meant when the local time happens twice (DST ends). */
  overlapChoice?: OverlapChoice;
}

export interface ValidMeeting {
  ok: true;
  startUtc: string;
  endUtc: string;
  durationMinutes: number;
  subject: string;
  inviteeEmail: string;
  notes: string;
  timeZone: string;
}

/** One problem per field, so the dialog shows one message beside each field. */
export type MeetingFormProblem =
  | { field: 'when'; code: 'invalidDate' | 'invalidTime' | 'invalidTimeZone' | 'inPast' }
  /** The local time does not exist that day (clocks jump forward); suggestedUtc is where the clock lands. */
  | { field: 'when'; code: 'dstGap'; suggestedUtc: string }
  /** The local time happens twice (clocks go back): ask which one and pass overlapChoice. */
  | { field: 'when'; code: 'dstOverlap'; earlierUtc: string; laterUtc: string }
  | { field: 'duration'; code: 'durationOutOfBounds'; min: number; max: number }
  | { field: 'invitee'; code: 'invalidEmail' }
  | { field: 'subject'; code: 'subjectEmpty' }
  | { field: 'subject'; code: 'subjectTooLong'; max: number }
  | { field: 'notes'; code: 'notesTooLong'; max: number };

type MeetingCheck = ValidMeeting | { ok: false; problems: MeetingFormProblem[] };

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Creating a DateTimeFormat is costly; one per zone, kept. Throws RangeError for an unknown zone. */
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    // hourCycle h23, not hour12:false: with hour12:false some engines print midnight as "24".
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The zone's wall clock at an instant, read as if it were UTC (ms), so offset = wall - instant. */
function wallTimeAt(instant: number, timeZone: string): number {
  const parts: Record<string, string> = {};
  for (const part of wallClock(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  wall.setUTCFullYear(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  wall.setUTCHours(Number(parts.hour), Number(parts.minute), Number(parts.second), 0);
  return wall.getTime();
}

const offsetAt = (instant: number, timeZone: string) => wallTimeAt(instant, timeZone) - instant;

/**
 * Every instant at which the zone's clock shows `wall` (local fields read as UTC ms), earliest
 * first: none in a DST gap, two in an overlap, one otherwise. Offsets a day either side cover any
 * real transition, which never moves the clock by more than a day.
 */
export function instantsForWallTime(wall: number, timeZone: string): number[] {
  const offsets = new Set([offsetAt(wall - DAY, timeZone), offsetAt(wall, timeZone), offsetAt(wall + DAY, timeZone)]);
  const instants = new Set<number>();
  for (const offset of offsets) {
    const instant = wall - offset;
    if (wallTimeAt(instant, timeZone) === wall) instants.add(instant);
  }
  return [...instants].sort((a, b) => a - b);
}

/** "YYYY-MM-DD" + "HH:MM" as UTC ms of the same fields, or which of the two is not a real value. */
function parseWallTime(date: string, time: string): number | 'invalidDate' | 'invalidTime' {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) return 'invalidDate';
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const midnight = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2027-02-29 over to March 1: a day that does not exist is caught by reading back.
  const back = new Date(midnight);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return 'invalidDate';
  }
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t || Number(t[1]) > 23 || Number(t[2]) > 59) return 'invalidTime';
  return midnight + (Number(t[1]) * 60 + Number(t[2])) * MINUTE;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    wallClock(timeZone);
    return true;
  } catch {
    return false;
  }
}

const iso = (instant: number) => new Date(instant).toISOString();

/** The start instant, or the problem with the date, time or zone. */
function startOf(request: MeetingForm): number | MeetingFormProblem {
  if (!isKnownTimeZone(request.timeZone)) return { field: 'when', code: 'invalidTimeZone' };
  const wall = parseWallTime(request.date, request.time);
  if (typeof wall === 'string') return { field: 'when', code: wall };
  const instants = instantsForWallTime(wall, request.timeZone);
  const [earlier, later] = instants;
  if (earlier === undefined) {
    // Read with the offset from before the jump, the time falls just after it: the clock shows
    // the wall time moved on by the jump (02:30 becomes 03:30 EDT), as Temporal's "compatible" does.
    return { field: 'when', code: 'dstGap', suggestedUtc: iso(wall - offsetAt(wall - DAY, request.timeZone)) };
  }
  if (later === undefined) return earlier;
  // Never pick one silently: the two are an hour (Lord Howe: 30 minutes) apart.
  if (request.overlapChoice === 'earlier') return earlier;
  if (request.overlapChoice === 'later') return later;
  return { field: 'when', code: 'dstOverlap', earlierUtc: iso(earlier), laterUtc: iso(later) };
}

/** Checks what the rep typed; a valid meeting carries its UTC start and end. */
export function checkMeeting(request: MeetingForm): MeetingCheck {
  const problems: MeetingFormProblem[] = [];
  const start = startOf(request);
  if (typeof start !== 'number') problems.push(start);
  else if (start <= request.now) problems.push({ field: 'when', code: 'inPast' });

  const { minDurationMinutes: min, maxDurationMinutes: max } = MEETING_LIMITS;
  const duration = request.durationMinutes;
  if (!Number.isInteger(duration) || duration < min || duration > max) {
    problems.push({ field: 'duration', code: 'durationOutOfBounds', min, max });
  }

  const inviteeEmail = (request.inviteeEmail ?? '').trim();
  if (inviteeEmail && !isEmailAddress(inviteeEmail)) problems.push({ field: 'invitee', code: 'invalidEmail' });

  const subject = request.subject.trim();
  if (!subject) problems.push({ field: 'subject', code: 'subjectEmpty' });
  else if (subject.length > MEETING_LIMITS.subjectMaxLength) {
    problems.push({ field: 'subject', code: 'subjectTooLong', max: MEETING_LIMITS.subjectMaxLength });
  }

  if (request.notes.length > MEETING_LIMITS.notesMaxLength) {
    problems.push({ field: 'notes', code: 'notesTooLong', max: MEETING_LIMITS.notesMaxLength });
  }

  if (problems.length > 0 || typeof start !== 'number') return { ok: false, problems };
  return {
    ok: true,
    startUtc: iso(start),
    endUtc: iso(start + duration * MINUTE),
    durationMinutes: duration,
    subject,
    inviteeEmail,
    notes: request.notes,
    timeZone: request.timeZone,
  };
}
