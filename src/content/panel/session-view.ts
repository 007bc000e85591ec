// The session view made drawable before the panel draws it. The content script checked only the
// session's id and mode (session-shape.ts); a background of another version (an update under an open
// tab) may send other fields or none: what is missing or of another type is drawn as empty, never
// as "undefined" or a crash. In the panel's lazily injected script, so pages without a session do not load it.
import type { RelatedChoiceView, SessionView } from '../../shared/protocol/index.js';

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];

export function drawableView(view: SessionView): SessionView {
  const raw = view as unknown as Loose;
  const record = isObject(raw.record) ? raw.record : {};
  const leftOut = isObject(raw.salesforceLeftOut) ? raw.salesforceLeftOut : {};
  const guests = Array.isArray(raw.guests) ? raw.guests.filter(isObject) : [];
  return {
    ...view,
    key: text(raw.key),
    joinUrl: text(raw.joinUrl),
    glanceAddress: text(raw.glanceAddress),
    startedAt: text(raw.startedAt),
    record: { sobject: text(record.sobject), recordId: text(record.recordId) } as SessionView['record'],
    guests: guests.map((guest) => ({
      name: text(guest.name),
      email: text(guest.email),
      joinedAt: text(guest.joinedAt),
      leftAt: text(guest.leftAt),
      byRep: guest.byRep === true,
    })),
    salesforce: text(raw.salesforce) as SessionView['salesforce'],
    salesforceError: text(raw.salesforceError),
    salesforceLeftOut: { fields: texts(leftOut.fields), reason: text(leftOut.reason) },
    chatterError: text(raw.chatterError),
    chatterMoved: text(raw.chatterMoved),
    glanceUnreachable: raw.glanceUnreachable === true,
    salesforceBudgetLow: raw.salesforceBudgetLow === true,
    launchUrl: text(raw.launchUrl),
    joinedCustomer: raw.joinedCustomer === true,
    startPageUrl: text(raw.startPageUrl),
    glanceReportsGuests: raw.glanceReportsGuests === true,
    canSwitch: raw.canSwitch === true,
    related: relatedOf(raw.related),
  };
}

/** The open records to choose from: none unless it is a list of two or more with ids, for a type we ask about. */
function relatedOf(raw: unknown): RelatedChoiceView | null {
  if (!isObject(raw) || (raw.sobject !== 'Opportunity' && raw.sobject !== 'Case')) return null;
  const candidates = (Array.isArray(raw.candidates) ? raw.candidates.filter(isObject) : [])
    .map((c) => ({ id: text(c.id), name: text(c.name), detail: text(c.detail) }))
    .filter((c) => c.id !== '');
  if (candidates.length < 2) return null;
  const chosen = candidates.some((c) => c.id === raw.chosen) ? text(raw.chosen) : '';
  return { sobject: raw.sobject, candidates, more: raw.more === true, chosen };
}
