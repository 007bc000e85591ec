// The .ics writer (issue 11, items 3, 4 and 6), read back with Mozilla's iCalendar parser (ical.js)
// and checked field by field, and line by line for what a parser would forgive.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type CalendarInvite, foldLine, writeIcs } from '../../src/shared/meeting/ics.js';
import { multiLine, singleLine } from '../../src/shared/meeting/text.js';
import { HOSTILE_TEXT } from '../support/hostile-text.js';

const invite = (overrides: Partial<CalendarInvite> = {}): CalendarInvite => ({
  method: 'REQUEST',
  uid: '00U5e00000AbCdEf-glance-meeting@glance.net',
  sequence: 0,
  stamp: Date.parse('2026-02-20T09:15:30Z'),
  startUtc: '2026-03-05T15:00:00.000Z',
  endUtc: '2026-03-05T15:30:00.000Z',
  summary: 'Glance meeting with Casey Customer',
  location: 'https://acme.glance.net/?key=4567',
  description: 'Join: https://acme.glance.net/?key=4567\nSession key: 4567',
  organizer: { name: 'Riley Rep', email: 'riley@acme.example' },
  attendee: { name: 'Casey Customer', email: 'casey@example.com' },
  ...overrides,
});

const parse = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return { calendar, event };
};

const utf8Length = (line: string) => new TextEncoder().encode(line).length;
/** Physical lines, without the final CRLF. */
const physicalLines = (ics: string) => ics.slice(0, -2).split('\r\n');
/** Content lines as RFC 5545 section 3.1 unfolds them. */
const unfolded = (ics: string) =>
  ics
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n');
const names = (ics: string) => unfolded(ics).map((line) => /^[A-Z-]+/.exec(line)?.[0]);

/** Every property the writer may write, in order: nothing text can add to or take from. */
const EXPECTED_NAMES = [
  'BEGIN',
  'PRODID',
  'VERSION',
  'CALSCALE',
  'METHOD',
  'BEGIN',
  'UID',
  'SEQUENCE',
  'DTSTAMP',
  'DTSTART',
  'DTEND',
  'SUMMARY',
  'LOCATION',
  'DESCRIPTION',
  'ORGANIZER',
  'ATTENDEE',
  'STATUS',
  'END',
  'END',
];

const expectWellFormed = (ics: string) => {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of physicalLines(ics)) expect(utf8Length(line)).toBeLessThanOrEqual(75);
  expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(ics))).toBe(ics);
};

describe('the .ics of a meeting', () => {
  it('reads back field by field', () => {
    const ics = writeIcs(invite());
    expectWellFormed(ics);
    expect(names(ics)).toEqual(EXPECTED_NAMES);
    const { calendar, event } = parse(ics);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Glance Networks//Glance for Salesforce//EN');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe('00U5e00000AbCdEf-glance-meeting@glance.net');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    const time = (name: string) => (event.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
    expect(time('dtstamp')).toBe('2026-02-20T09:15:30.000Z');
    expect(time('dtstart')).toBe('2026-03-05T15:00:00.000Z');
    expect(time('dtend')).toBe('2026-03-05T15:30:00.000Z');
    expect(unfolded(ics)).toContain('DTSTART:20260305T150000Z');
    expect(unfolded(ics)).toContain('DTEND:20260305T153000Z');
    expect(unfolded(ics)).toContain('DTSTAMP:20260220T091530Z');
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).zone?.tzid).toBe('UTC');
    expect(event.getFirstPropertyValue('summary')).toBe('Glance meeting with Casey Customer');
    expect(event.getFirstPropertyValue('location')).toBe('https://acme.glance.net/?key=4567');
    expect(event.getFirstPropertyValue('description')).toBe(
      'Join: https://acme.glance.net/?key=4567\nSession key: 4567',
    );
    const organizer = event.getFirstProperty('organizer');
    expect(organizer?.getFirstValue()).toBe('mailto:riley@acme.example');
    expect(organizer?.getParameter('cn')).toBe('Riley Rep');
    const attendees = event.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(attendees[0]?.getFirstValue()).toBe('mailto:casey@example.com');
    expect(attendees[0]?.getParameter('cn')).toBe('Casey Customer');
    expect(attendees[0]?.getParameter('rsvp')).toBe('TRUE');
    expect(attendees[0]?.getParameter('role')).toBe('REQ-PARTICIPANT');
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('re-issues a reschedule with the same UID and the SEQUENCE given', () => {
    const { event } = parse(
      writeIcs(invite({ sequence: 1, startUtc: '2026-03-06T15:00:00Z', endUtc: '2026-03-06T16:00:00Z' })),
    );
    expect(event.getFirstPropertyValue('uid')).toBe('00U5e00000AbCdEf-glance-meeting@glance.net');
    expect(event.getFirstPropertyValue('sequence')).toBe(1);
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2026-03-06T15:00:00.000Z',
    );
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, the same UID and a higher SEQUENCE', () => {
    const { calendar, event } = parse(writeIcs(invite({ method: 'CANCEL', sequence: 2 })));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event.getFirstPropertyValue('uid')).toBe('00U5e00000AbCdEf-glance-meeting@glance.net');
    expect(event.getFirstPropertyValue('sequence')).toBe(2);
  });

  it.each([-1, 1.5, Number.NaN])('writes SEQUENCE:0 for the nonsense sequence %d', (sequence) => {
    expect(unfolded(writeIcs(invite({ sequence })))).toContain('SEQUENCE:0');
  });

  it('escapes backslash, semicolon, comma and line breaks in TEXT, and they read back', () => {
    const description = 'a\\b; c, d\ne\r\nf\rg\\n not a break';
    const ics = writeIcs(invite({ summary: 'x;y,z\\w', description }));
    expect(unfolded(ics)).toContain('SUMMARY:x\\;y\\,z\\\\w');
    expect(unfolded(ics)).toContain('DESCRIPTION:a\\\\b\\; c\\, d\\ne\\nf\\ng\\\\n not a break');
    const { event } = parse(ics);
    expect(event.getFirstPropertyValue('summary')).toBe('x;y,z\\w');
    expect(event.getFirstPropertyValue('description')).toBe('a\\b; c, d\ne\nf\ng\\n not a break');
  });

  it('folds at 75 octets without splitting a UTF-8 character, and unfolds to the text', () => {
    const summary = `${'Zoë 名前 👩🏽‍💻 '.repeat(30)}end`;
    const ics = writeIcs(invite({ summary, description: 'é'.repeat(200) }));
    expectWellFormed(ics);
    const lines = physicalLines(ics);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    // Folded lines are filled: a break only where the next character would pass 75 octets.
    expect(lines.some((line) => utf8Length(line) === 75)).toBe(true);
    const { event } = parse(ics);
    expect(event.getFirstPropertyValue('summary')).toBe(summary.trim());
    expect(event.getFirstPropertyValue('description')).toBe('é'.repeat(200));
  });

  it('folds exactly: 75 octets stay one line, 76 fold, a 4-octet character moves whole', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
    expect(foldLine(`${'x'.repeat(73)}😀`)).toBe(`${'x'.repeat(73)}\r\n 😀`);
    expect(foldLine('x'.repeat(75 + 74 + 1))).toBe(`${'x'.repeat(75)}\r\n ${'x'.repeat(74)}\r\n x`);
  });

  it('leaves out an ORGANIZER or ATTENDEE whose address is not an addr-spec', () => {
    for (const email of [
      'casey',
      'casey@example.com\r\nATTENDEE:mailto:evil@x',
      'a@b.com;RSVP=FALSE',
      '"x"@y.com',
      'a b@c.com',
    ]) {
      const ics = writeIcs(invite({ attendee: { name: 'Casey', email }, organizer: { name: 'Riley', email } }));
      expectWellFormed(ics);
      expect(names(ics)).toEqual(EXPECTED_NAMES.filter((name) => name !== 'ATTENDEE' && name !== 'ORGANIZER'));
      expect(ics).not.toContain('evil');
    }
    expect(names(writeIcs(invite({ attendee: undefined })))).not.toContain('ATTENDEE');
  });

  it('percent-encodes what atext allows but a URI does not', () => {
    const { event } = parse(writeIcs(invite({ attendee: { name: 'Al', email: 'al%20x?y#z@example.com' } })));
    expect(event.getFirstProperty('attendee')?.getFirstValue()).toBe('mailto:al%2520x%3Fy%23z@example.com');
  });

  it('quotes CN and strips what a quoted parameter cannot hold; "^" survives RFC 6868', () => {
    const name = 'Casey "The Boss" O\'Brien; ROLE=CHAIR:mailto:evil@x ^n^^^\'\r\nATTENDEE:mailto:evil@x';
    const ics = writeIcs(invite({ attendee: { name, email: 'casey@example.com' } }));
    expectWellFormed(ics);
    expect(names(ics)).toEqual(EXPECTED_NAMES);
    const attendees = parse(ics).event.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(attendees[0]?.getFirstValue()).toBe('mailto:casey@example.com');
    expect(attendees[0]?.getParameter('cn')).toBe(singleLine(name).replaceAll('"', ''));
    expect(attendees[0]?.getParameter('role')).toBe('REQ-PARTICIPANT');
  });
});

describe('hostile text never breaks the .ics', () => {
  const injections = [
    ...HOSTILE_TEXT,
    { label: 'CRLF ATTENDEE', text: 'Demo\r\nATTENDEE:mailto:evil@x' },
    { label: 'LF ATTENDEE', text: 'Demo\nATTENDEE:mailto:evil@x' },
    { label: 'CR ATTENDEE', text: 'Demo\rATTENDEE:mailto:evil@x' },
    { label: 'folded continuation', text: 'Demo\r\n ATTENDEE:mailto:evil@x' },
    { label: 'END:VEVENT', text: 'Demo\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil' },
    { label: 'END:VCALENDAR', text: 'x\nEND:VCALENDAR\nBEGIN:VCALENDAR' },
    { label: 'NEL, VT, FF', text: 'a\u0085ATTENDEE:mailto:evil@x\u000bb\u000cc' },
    { label: 'escaped-looking text', text: 'a\\nATTENDEE:mailto:evil@x\\;b\\,' },
    { label: 'lone surrogate', text: 'half \uD83D of an emoji' },
  ];

  it.each(injections)('$label, in every text field, stays in its field', ({ text }) => {
    const ics = writeIcs(
      invite({
        uid: `uid-${text}`,
        summary: text,
        location: text,
        description: `${text}\n${text}`,
        organizer: { name: text, email: 'riley@acme.example' },
        attendee: { name: text, email: 'casey@example.com' },
      }),
    );
    expectWellFormed(ics);
    expect(names(ics)).toEqual(EXPECTED_NAMES);
    const { calendar, event } = parse(ics);
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);
    const attendees = event.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(attendees[0]?.getFirstValue()).toBe('mailto:casey@example.com');
    expect(event.getFirstPropertyValue('summary')).toBe(singleLine(text));
    expect(event.getFirstPropertyValue('location')).toBe(singleLine(text));
    expect(event.getFirstPropertyValue('uid')).toBe(singleLine(`uid-${text}`));
    // Multi-line text keeps its lines inside DESCRIPTION, as text: it reads back whole.
    expect(event.getFirstPropertyValue('description')).toBe(multiLine(`${text}\n${text}`));
    expect(event.getFirstProperty('organizer')?.getFirstValue()).toBe('mailto:riley@acme.example');
    // Whatever text holds, no physical line starts a property the writer did not write.
    expect(physicalLines(ics).filter((line) => /^ATTENDEE/.test(line))).toHaveLength(1);
  });
});
