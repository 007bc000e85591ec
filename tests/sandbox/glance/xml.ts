// The XML answers of the emulated Glance web services, shaped as assumptions.ts says (A3, A4, A7, A14).
import {
  CONFERENCE_XML,
  FAULT_XML,
  GLANCE_XML_NAMESPACE,
  type GlanceFaultCode,
  joinUrl,
  SESSION_XML,
  VALIDATE_USER_XML,
} from '../../../src/background/glance/assumptions.js';
import { durationSeconds, type GlanceAccount, type GlanceSession, isoTime } from './service.js';

const PROLOG = '<?xml version="1.0" encoding="utf-8"?>\n';

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** `<name>text</name>`, or `<name />` when there is no value, as ASMX serialises empty strings. */
function element(name: string, value: string | number | null | undefined): string {
  return value === null || value === undefined || value === ''
    ? `<${name} />`
    : `<${name}>${escapeXml(String(value))}</${name}>`;
}

function document(root: string, children: string[]): string {
  return `${PROLOG}<${root} xmlns="${GLANCE_XML_NAMESPACE}">${children.join('')}</${root}>`;
}

export function validateUserXml(account: GlanceAccount, credentials: string): string {
  const x = VALIDATE_USER_XML;
  return document(x.root, [
    element(x.credentials, credentials),
    element(x.groupId, account.groupId),
    element(x.userName, account.address),
    element(x.displayName, account.displayName),
    element(x.email, account.email),
  ]);
}

/** `answeredJoinUrl` replaces A15's link (a control switch: a hostile Glance). */
export function sessionInfoXml(session: GlanceSession, answeredJoinUrl?: string): string {
  const x = SESSION_XML;
  const time = (ms: number | undefined) => (ms === undefined ? '' : isoTime(ms));
  const guests = session.guests.map(
    (g) =>
      `<${x.guest}>${[
        element(x.guestName, g.name),
        element(x.guestEmail, g.email),
        element(x.guestPhone, g.phone),
        element(x.guestJoinedAt, time(g.joinedAt)),
        element(x.guestLeftAt, time(g.leftAt)),
      ].join('')}</${x.guest}>`,
  );
  return document(x.root, [
    element(x.sessionId, session.sessionId),
    element(x.key, session.key),
    element(x.joinUrl, answeredJoinUrl ?? joinUrl(session.address, session.key)),
    element(x.status, session.status),
    element(x.sessionType, session.sessionType),
    element(x.startedAt, time(session.startedAt)),
    element(x.expiresAt, time(session.expiresAt)),
    element(x.endedAt, time(session.endedAt)),
    element(x.durationSeconds, durationSeconds(session)),
    guests.length ? `<${x.guests}>${guests.join('')}</${x.guests}>` : `<${x.guests} />`,
  ]);
}

export function conferenceInfoXml(account: GlanceAccount): string {
  const x = CONFERENCE_XML;
  const phones = account.conference.phones.map(
    (p) => `<${x.phone} ${x.countryAttribute}="${escapeXml(p.country)}">${escapeXml(p.number)}</${x.phone}>`,
  );
  return document(x.root, [
    phones.length ? `<${x.phoneNumbers}>${phones.join('')}</${x.phoneNumbers}>` : `<${x.phoneNumbers} />`,
    element(x.accessCode, account.conference.accessCode),
    element(x.notes, account.conference.notes),
  ]);
}

export function faultXml(code: GlanceFaultCode, message: string): string {
  return document(FAULT_XML.root, [element(FAULT_XML.code, code), element(FAULT_XML.message, message)]);
}
