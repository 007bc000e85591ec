// The .ics of a scheduled meeting: one VEVENT in a VCALENDAR, as RFC 5545 writes it, with the iTIP
// method (RFC 5546) so calendars treat a re-issue as an update of the same meeting. Every text that
// comes from outside (subject, notes, record and people's names, e-mails) is escaped or refused so
// that it can never end a line and start a property of its own.
import { isEmailAddress, mailtoAddress } from './email-address.js';
import { multiLine, singleLine } from './text.js';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarInvite {
  /** REQUEST to create or update (re-issue), CANCEL to call the meeting off. */
  method: 'REQUEST' | 'CANCEL';
  /** Stable per meeting: every re-issue and the cancellation carry the same UID. */
  uid: string;
  /** Revision: 0 first, and higher on every reschedule or cancellation (RFC 5546 section 2.1.4). */
  sequence: number;
  /** When this .ics is written (DTSTAMP), ms. */
  stamp: number;
  startUtc: string;
  endUtc: string;
  summary: string;
  location: string;
  description: string;
  organizer: CalendarPerson;
  attendee?: CalendarPerson;
}

const PRODID = '-//Glance Networks//Glance for Salesforce//EN';

/** DATE-TIME in UTC form (RFC 5545 section 3.3.5, FORM #2): 20260305T150000Z. */
function icsDateTime(instant: string | number): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not a time: ${String(instant)}`);
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * A TEXT value (section 3.3.11): backslash, semicolon and comma escaped, line breaks as "\n".
 * Control characters are not TSAFE-CHAR and go (multiLine/singleLine), CR included.
 */
function text(value: string, lines: 'single' | 'multi' = 'single'): string {
  const clean = lines === 'multi' ? multiLine(value) : singleLine(value);
  return clean.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');
}

/**
 * A quoted parameter value (section 3.2): a quoted-string cannot hold DQUOTE or control
 * characters, so they are dropped. "^" is doubled because RFC 6868 parsers (ical.js, Apple) read
 * "^n" in a parameter as a line break and "^'" as a quote.
 */
function quotedParam(value: string): string {
  return `"${singleLine(value).replace(/"/g, '').replace(/\^/g, '^^')}"`;
}

const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds a content line (section 3.1): no physical line longer than 75 octets without its CRLF; a
 * continuation starts with one space, which counts. Breaks fall between code points, so a UTF-8
 * sequence is never split (a grapheme may be; unfolding joins it back).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const width = octets(char.codePointAt(0) ?? 0);
    if (size + width > 75) {
      out.push(current);
      current = ' ';
      size = 1;
    }
    current += char;
    size += width;
  }
  out.push(current);
  return out.join('\r\n');
}

/** ORGANIZER/ATTENDEE (a CAL-ADDRESS): only an address that passes the addr-spec check gets in. */
function person(property: string, who: CalendarPerson | undefined, extra = ''): string[] {
  if (!who || !isEmailAddress(who.email)) return [];
  const name = singleLine(who.name);
  const cn = name ? `;CN=${quotedParam(name)}` : '';
  return [`${property}${cn}${extra}:mailto:${mailtoAddress(who.email)}`];
}

/** The whole calendar object, CRLF line endings, folded. */
export function writeIcs(invite: CalendarInvite): string {
  const cancel = invite.method === 'CANCEL';
  const sequence = Number.isSafeInteger(invite.sequence) && invite.sequence > 0 ? invite.sequence : 0;
  const lines = [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `METHOD:${cancel ? 'CANCEL' : 'REQUEST'}`,
    'BEGIN:VEVENT',
    `UID:${text(invite.uid)}`,
    `SEQUENCE:${sequence}`,
    `DTSTAMP:${icsDateTime(invite.stamp)}`,
    `DTSTART:${icsDateTime(invite.startUtc)}`,
    `DTEND:${icsDateTime(invite.endUtc)}`,
    `SUMMARY:${text(invite.summary)}`,
    `LOCATION:${text(invite.location)}`,
    `DESCRIPTION:${text(invite.description, 'multi')}`,
    ...person('ORGANIZER', invite.organizer),
    ...person('ATTENDEE', invite.attendee, ';ROLE=REQ-PARTICIPANT;RSVP=TRUE'),
    `STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
