// The plain-text invitation (Copy invitation) and the mail that carries it (Email invitation). The
// wording comes from the caller's t() so this module stays free of chrome.i18n and runs in every
// context; the dates are formatted with Intl in the locale the caller names.
import type { MessageKey } from '../i18n.js';
import type { ConferencePhone } from '../settings.js';
import { isEmailAddress, mailtoAddress } from './email-address.js';
import { singleLine, textLines, wellFormed } from './text.js';

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export interface InvitationFacts {
  subject: string;
  startUtc: string;
  endUtc: string;
  /** The rep's IANA zone: the invitee reads the time as the rep set it, with the zone named. */
  timeZone: string;
  /** BCP 47 locale for the dates, e.g. chrome.i18n.getUILanguage(). */
  locale: string;
  joinUrl: string;
  /** The key the meeting will use; absent when the rep's key behaviour is "none". */
  key?: string;
  conference: ConferencePhone;
  notes: string;
}

/** Lines under a heading are indented, so no line of free text can pass for a field of ours. */
const INDENT = '  ';

/** An unknown locale makes Intl throw; the runtime's default is better than no invitation. */
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, options);
  } catch {
    return new Intl.DateTimeFormat(undefined, options);
  }
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/** The zone as people say it ("Eastern Standard Time"), with its IANA name to be unambiguous. */
function zoneName(instant: Date, timeZone: string, locale: string): string {
  const parts = dateFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(instant);
  const name = parts.find((part) => part.type === 'timeZoneName')?.value;
  return name && name !== timeZone ? `${name}, ${timeZone}` : timeZone;
}

/**
 * ICU (Chrome 110+) puts narrow and thin no-break spaces around "–" and before "AM"; plain text
 * travels through mail clients and chat boxes that show those as boxes or break on them.
 */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u2009\u202f]/g, ' ');

/** When, in the rep's zone and in UTC, e.g. "Thursday, March 5, 2026, 10:00 – 10:30 AM". */
export function meetingWhen(facts: Pick<InvitationFacts, 'startUtc' | 'endUtc' | 'timeZone' | 'locale'>) {
  const start = new Date(facts.startUtc);
  const end = new Date(facts.endUtc);
  const local = dateFormat(facts.locale, { ...DATE_TIME, timeZone: facts.timeZone }).formatRange(start, end);
  const utc = dateFormat(facts.locale, { ...DATE_TIME, timeZone: 'UTC', timeZoneName: 'short' }).formatRange(
    start,
    end,
  );
  return {
    local: plainSpaces(local),
    zone: plainSpaces(zoneName(start, facts.timeZone, facts.locale)),
    utc: plainSpaces(utc),
  };
}

/** Free text (notes, conference notes) as indented lines, empty lines at its ends dropped. */
function indented(text: string): string[] {
  const lines = textLines(text);
  while (lines.length > 0 && !lines[0]) lines.shift();
  while (lines.length > 0 && !lines.at(-1)) lines.pop();
  return lines.map((line) => (line ? `${INDENT}${line}` : ''));
}

function phoneLines(conference: ConferencePhone, t: Translate): string[] {
  const numbers = textLines(conference.phoneNumbers).filter(Boolean);
  const accessCode = singleLine(conference.accessCode);
  const notes = indented(conference.notes);
  if (numbers.length === 0 && !accessCode && notes.length === 0) return [];
  return [
    '',
    t('invitationPhoneHeading'),
    ...numbers.map((number) => `${INDENT}${number}`),
    ...(accessCode ? [`${INDENT}${t('invitationAccessCode', accessCode)}`] : []),
    ...notes,
  ];
}

/** The invitation as the rep copies it; "\n" line breaks (the clipboard's and a mail body's norm). */
export function invitationText(facts: InvitationFacts, t: Translate): string {
  const when = meetingWhen(facts);
  const key = singleLine(facts.key ?? '');
  const notes = indented(facts.notes);
  return [
    t('invitationTitle', singleLine(facts.subject)),
    '',
    t('invitationWhen', when.local, when.zone),
    t('invitationWhenUtc', when.utc),
    t('invitationJoin', singleLine(facts.joinUrl)),
    ...(key ? [t('invitationKey', key)] : []),
    ...phoneLines(facts.conference, t),
    ...(notes.length > 0 ? ['', t('invitationNotesHeading'), ...notes] : []),
  ].join('\n');
}

/**
 * A mailto: URL (RFC 6068) to the invitee. Subject and body are percent-encoded whole, so "&",
 * "=", "?", "#" and line breaks in them stay text and never add a header (bcc, cc, to). Line
 * breaks in the body are sent as %0D%0A, as section 5 asks. An address that is not a plain
 * addr-spec is left out: the rep fills the To field instead.
 */
export function mailtoUrl(to: string, subject: string, body: string): string {
  const address = isEmailAddress(to.trim()) ? mailtoAddress(to.trim()) : '';
  const crlfBody = wellFormed(body).replace(/\r\n|\r|\n/g, '\r\n');
  return `mailto:${address}?subject=${encodeURIComponent(singleLine(subject))}&body=${encodeURIComponent(crlfBody)}`;
}
