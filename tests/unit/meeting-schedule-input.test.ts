// The meeting a rep asks for: local time in the rep's zone to UTC with Intl alone, and each kind of
// bad input named by field (issue 11, items 1 and 6).
import { describe, expect, it } from 'vitest';
import {
  checkMeeting,
  instantsForWallTime,
  MEETING_LIMITS,
  type MeetingForm,
} from '../../src/shared/meeting/schedule-input.js';

const NOW = Date.parse('2026-01-15T12:00:00Z');

const request = (overrides: Partial<MeetingForm> = {}): MeetingForm => ({
  date: '2026-03-05',
  time: '10:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
  subject: 'Glance meeting with Casey Customer',
  inviteeEmail: 'casey@example.com',
  notes: '',
  now: NOW,
  ...overrides,
});

const startOf = (overrides: Partial<MeetingForm>) => {
  const result = checkMeeting(request(overrides));
  if (!result.ok) throw new Error(`expected a valid meeting, got ${JSON.stringify(result.problems)}`);
  return result.startUtc;
};

const problemsOf = (overrides: Partial<MeetingForm>) => {
  const result = checkMeeting(request(overrides));
  if (result.ok) throw new Error(`expected problems, got a meeting at ${result.startUtc}`);
  return result.problems;
};

describe('local time to UTC', () => {
  it.each([
    ['America/New_York', '2026-03-05', '10:00', '2026-03-05T15:00:00.000Z'],
    ['America/New_York', '2026-07-01', '10:00', '2026-07-01T14:00:00.000Z'],
    ['Europe/Berlin', '2026-01-20', '09:30', '2026-01-20T08:30:00.000Z'],
    ['Europe/Berlin', '2026-07-01', '12:00', '2026-07-01T10:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-07-01', '12:00', '2026-07-01T01:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-01-20', '12:00', '2026-01-20T01:00:00.000Z'],
    ['Asia/Kolkata', '2026-03-08', '02:30', '2026-03-07T21:00:00.000Z'],
    ['Asia/Kolkata', '2026-11-01', '01:30', '2026-10-31T20:00:00.000Z'],
    ['UTC', '2026-03-08', '02:30', '2026-03-08T02:30:00.000Z'],
    ['UTC', '2026-12-31', '23:59', '2026-12-31T23:59:00.000Z'],
    ['America/New_York', '2026-12-31', '23:30', '2027-01-01T04:30:00.000Z'],
    ['Asia/Kolkata', '2026-02-01', '00:00', '2026-01-31T18:30:00.000Z'],
  ])('%s %s %s is %s', (timeZone, date, time, utc) => {
    expect(startOf({ timeZone, date, time })).toBe(utc);
  });

  it('ends the duration after the start, in UTC', () => {
    const result = checkMeeting(request({ durationMinutes: 45 }));
    expect(result).toMatchObject({
      ok: true,
      startUtc: '2026-03-05T15:00:00.000Z',
      endUtc: '2026-03-05T15:45:00.000Z',
    });
  });

  it('takes a leap day, and refuses the 29th of February of other years', () => {
    expect(startOf({ timeZone: 'UTC', date: '2028-02-29', time: '10:00' })).toBe('2028-02-29T10:00:00.000Z');
    expect(startOf({ timeZone: 'Europe/Berlin', date: '2028-02-29', time: '00:30' })).toBe('2028-02-28T23:30:00.000Z');
    expect(problemsOf({ date: '2027-02-29' })).toEqual([{ field: 'when', code: 'invalidDate' }]);
    expect(problemsOf({ date: '2100-02-29' })).toEqual([{ field: 'when', code: 'invalidDate' }]);
  });

  it.each(['2026-13-01', '2026-04-31', '2026-3-5', '05/03/2026', '', '2026-03-05T10:00'])(
    'refuses the date %j',
    (date) => {
      expect(problemsOf({ date })).toEqual([{ field: 'when', code: 'invalidDate' }]);
    },
  );

  it.each(['24:00', '10:60', '9:00', '10:00:00', '', '10h00'])('refuses the time %j', (time) => {
    expect(problemsOf({ time })).toEqual([{ field: 'when', code: 'invalidTime' }]);
  });

  it('refuses a zone Intl does not know', () => {
    expect(problemsOf({ timeZone: 'Mars/Olympus_Mons' })).toEqual([{ field: 'when', code: 'invalidTimeZone' }]);
  });

  // Property check: instants all through 2026, every 67 minutes (so every minute-of-hour offset
  // comes up), read on each zone's clock, convert back to a list of instants that holds them.
  it.each(['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'])(
    'instants all through 2026 in %s convert back to themselves',
    (timeZone) => {
      const clock = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      let checked = 0;
      for (let instant = Date.UTC(2026, 0, 1); instant < Date.UTC(2027, 0, 1); instant += 67 * 60_000) {
        const p = Object.fromEntries(clock.formatToParts(instant).map((part) => [part.type, Number(part.value)]));
        const wall = Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute);
        const instants = instantsForWallTime(wall, timeZone);
        expect(instants).toContain(instant);
        expect(instants.length).toBeLessThanOrEqual(timeZone === 'Asia/Kolkata' || timeZone === 'UTC' ? 1 : 2);
        checked++;
      }
      expect(checked).toBe(7845);
    },
  );
});

describe('daylight-saving gap (the local time does not exist)', () => {
  it.each([
    // New York springs forward 2026-03-08 02:00 EST -> 03:00 EDT.
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T07:00:00.000Z'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-03-08', '02:59', '2026-03-08T07:59:00.000Z'],
    // Berlin: 2026-03-29 02:00 CET -> 03:00 CEST.
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T01:30:00.000Z'],
    // Lord Howe moves only 30 minutes: 2026-10-04 02:00 (+10:30) -> 02:30 (+11).
    ['Australia/Lord_Howe', '2026-10-04', '02:00', '2026-10-03T15:30:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00.000Z'],
  ])('%s %s %s is reported, with where the clock lands', (timeZone, date, time, suggestedUtc) => {
    expect(problemsOf({ timeZone, date, time })).toEqual([{ field: 'when', code: 'dstGap', suggestedUtc }]);
  });

  it.each([
    ['America/New_York', '2026-03-08', '01:59', '2026-03-08T06:59:00.000Z'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04', '01:59', '2026-10-03T15:29:00.000Z'],
    ['Australia/Lord_Howe', '2026-10-04', '02:30', '2026-10-03T15:30:00.000Z'],
  ])('the edges %s %s %s exist', (timeZone, date, time, utc) => {
    expect(startOf({ timeZone, date, time })).toBe(utc);
  });

  it('an overlap choice does not make a missing time exist', () => {
    expect(problemsOf({ date: '2026-03-08', time: '02:30', overlapChoice: 'later' })[0]?.code).toBe('dstGap');
  });
});

describe('daylight-saving overlap (the local time happens twice)', () => {
  it.each([
    // New York falls back 2026-11-01 02:00 EDT -> 01:00 EST.
    ['America/New_York', '2026-11-01', '01:00', '2026-11-01T05:00:00.000Z', '2026-11-01T06:00:00.000Z'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z'],
    ['America/New_York', '2026-11-01', '01:59', '2026-11-01T05:59:00.000Z', '2026-11-01T06:59:00.000Z'],
    // Berlin: 2026-10-25 03:00 CEST -> 02:00 CET.
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z'],
    // Lord Howe: 2026-04-05 02:00 (+11) -> 01:30 (+10:30); thirty minutes apart.
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00.000Z', '2026-04-04T15:15:00.000Z'],
  ])('%s %s %s is reported with both instants, never one picked', (timeZone, date, time, earlierUtc, laterUtc) => {
    expect(problemsOf({ timeZone, date, time })).toEqual([{ field: 'when', code: 'dstOverlap', earlierUtc, laterUtc }]);
    expect(startOf({ timeZone, date, time, overlapChoice: 'earlier' })).toBe(earlierUtc);
    expect(startOf({ timeZone, date, time, overlapChoice: 'later' })).toBe(laterUtc);
  });

  it.each([
    ['America/New_York', '2026-11-01', '00:59', '2026-11-01T04:59:00.000Z'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '01:59', '2026-10-24T23:59:00.000Z'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:29', '2026-04-04T14:29:00.000Z'],
    ['Australia/Lord_Howe', '2026-04-05', '02:00', '2026-04-04T15:30:00.000Z'],
  ])('the edges %s %s %s happen once', (timeZone, date, time, utc) => {
    expect(startOf({ timeZone, date, time })).toBe(utc);
  });

  it('checks the chosen instant against now', () => {
    const now = Date.parse('2026-11-01T06:00:00Z');
    const overlap = { date: '2026-11-01', time: '01:30', now };
    expect(problemsOf({ ...overlap, overlapChoice: 'earlier' })).toEqual([{ field: 'when', code: 'inPast' }]);
    expect(startOf({ ...overlap, overlapChoice: 'later' })).toBe('2026-11-01T06:30:00.000Z');
  });
});

describe('bad input', () => {
  it('a start at or before now is in the past; a minute later is not', () => {
    const start = Date.parse('2026-03-05T15:00:00Z');
    expect(problemsOf({ now: start })).toEqual([{ field: 'when', code: 'inPast' }]);
    expect(problemsOf({ now: start + 1 })).toEqual([{ field: 'when', code: 'inPast' }]);
    expect(startOf({ now: start - 60_000 })).toBe('2026-03-05T15:00:00.000Z');
  });

  const { minDurationMinutes: min, maxDurationMinutes: max } = MEETING_LIMITS;
  it.each([min - 1, max + 1, 0, -30, 30.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'duration %d is out of bounds',
    (d) => {
      expect(problemsOf({ durationMinutes: d })).toEqual([
        { field: 'duration', code: 'durationOutOfBounds', min, max },
      ]);
    },
  );

  it.each([min, 60, max])('duration %d is fine', (durationMinutes) => {
    expect(checkMeeting(request({ durationMinutes })).ok).toBe(true);
  });

  it.each([
    'casey',
    'casey@example',
    'casey@@example.com',
    'ca sey@example.com',
    '"casey"@example.com',
    'casey@[127.0.0.1]',
    'casey@example.com\r\nBcc: evil@example.com',
    'casey@example.com?bcc=evil@example.com',
    'casey@example.com,evil@example.com',
    'casey@exa_mple.com',
    '.casey@example.com',
    'casey.@example.com',
    'zoë@example.com',
    `${'a'.repeat(65)}@example.com`,
  ])('refuses the invitee %j', (inviteeEmail) => {
    expect(problemsOf({ inviteeEmail })).toEqual([{ field: 'invitee', code: 'invalidEmail' }]);
  });

  it.each(['', undefined, 'casey@example.com', "o'brien+glance@mail.example.co.uk", ' casey@example.com '])(
    'takes the invitee %j',
    (inviteeEmail) => {
      expect(checkMeeting(request({ inviteeEmail })).ok).toBe(true);
    },
  );

  it('a subject must say something and fit Salesforce’s 255 characters', () => {
    expect(problemsOf({ subject: ' \t ' })).toEqual([{ field: 'subject', code: 'subjectEmpty' }]);
    expect(problemsOf({ subject: 'x'.repeat(256) })).toEqual([{ field: 'subject', code: 'subjectTooLong', max: 255 }]);
    expect(checkMeeting(request({ subject: 'x'.repeat(255) })).ok).toBe(true);
  });

  it('notes fit the Event Description’s 32,000 characters', () => {
    expect(problemsOf({ notes: 'n'.repeat(32001) })).toEqual([{ field: 'notes', code: 'notesTooLong', max: 32000 }]);
    expect(checkMeeting(request({ notes: 'n'.repeat(32000) })).ok).toBe(true);
  });

  it('names every field that is wrong at once, one problem each', () => {
    const problems = problemsOf({
      date: '2026-03-08',
      time: '02:30',
      durationMinutes: 1000,
      inviteeEmail: 'nope',
      subject: '',
      notes: 'n'.repeat(40000),
    });
    expect(problems.map((p) => p.field)).toEqual(['when', 'duration', 'invitee', 'subject', 'notes']);
  });
});
