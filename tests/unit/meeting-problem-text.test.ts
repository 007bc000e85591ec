// Each kind of bad input in the schedule dialog gets a clear message from _locales (issue 11, item 6).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t, useMessages } from '../../src/shared/i18n.js';
import { meetingProblemText } from '../../src/shared/meeting/problem-text.js';
import { checkMeeting, type MeetingForm } from '../../src/shared/meeting/schedule-input.js';
import { chromeGetMessage } from '../support/chrome-i18n.js';

const request = (overrides: Partial<MeetingForm>): MeetingForm => ({
  date: '2026-03-05',
  time: '10:00',
  timeZone: 'America/New_York',
  durationMinutes: 30,
  subject: 'Demo',
  notes: '',
  now: Date.parse('2026-01-15T12:00:00Z'),
  ...overrides,
});

/** The messages shown for what checkMeeting() finds wrong, field by field. */
const messagesFor = (overrides: Partial<MeetingForm>) => {
  const input = request(overrides);
  const result = checkMeeting(input);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((problem) => [problem.field, meetingProblemText(problem, t, input.timeZone, 'en-US')]);
};

beforeEach(() => useMessages(chromeGetMessage));
afterEach(() => useMessages((key) => key));

describe('messages for bad input', () => {
  it.each([
    [{ date: '2027-02-29' }, 'when', 'Choose a date.'],
    [{ time: '25:00' }, 'when', 'Choose a time.'],
    [
      { timeZone: 'Mars/Olympus_Mons' },
      'when',
      "Your browser's time zone (Mars/Olympus_Mons) is unknown, so the meeting time cannot be worked out.",
    ],
    [{ date: '2025-12-01' }, 'when', 'This time has passed. Choose a time in the future.'],
    [{ durationMinutes: 600 }, 'duration', 'Choose a duration from 5 to 480 minutes.'],
    [{ inviteeEmail: 'casey@' }, 'invitee', 'Enter an email address like name@example.com, or leave it empty.'],
    [{ subject: ' ' }, 'subject', 'Enter a subject.'],
    [{ subject: 'x'.repeat(300) }, 'subject', 'Salesforce takes at most 255 characters for the subject.'],
    [{ notes: 'x'.repeat(32001) }, 'notes', 'Salesforce takes at most 32000 characters for the notes.'],
  ])('%j: %s says %j', (overrides, field, message) => {
    expect(messagesFor(overrides)).toEqual([[field, message]]);
  });

  it('a daylight-saving gap names where the clock lands', () => {
    expect(messagesFor({ date: '2026-03-08', time: '02:30' })).toEqual([
      [
        'when',
        'This time does not exist that day in America/New_York: the clocks move forward. Did you mean 3:30 AM EDT?',
      ],
    ]);
  });

  it('a daylight-saving overlap offers both times, told apart by their zone', () => {
    expect(messagesFor({ date: '2026-11-01', time: '01:30' })).toEqual([
      [
        'when',
        'This time happens twice that day in America/New_York: the clocks go back. Choose the first (1:30 AM EDT) or the second (1:30 AM EST).',
      ],
    ]);
  });

  it('Lord Howe’s half-hour overlap is told apart too', () => {
    const [[, message]] = messagesFor({ timeZone: 'Australia/Lord_Howe', date: '2026-04-05', time: '01:45' }) as [
      [string, string],
    ];
    expect(message).toMatch(/first \(1:45 AM GMT\+11\) or the second \(1:45 AM GMT\+10:30\)/);
  });
});
