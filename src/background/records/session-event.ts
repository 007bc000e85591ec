// How a Glance session is written to Salesforce: one Event on the right records, in one consistent
// form that reports can filter and group ("Subject starts with Glance session", Type Meeting).

import { EVENT_SUBJECT_PREFIX } from '../../shared/event-subject.js';
import type { RelatedCandidate, RelatedSObject, SessionMode } from '../../shared/protocol/index.js';
import { soqlString } from '../../shared/salesforce/client.js';
import { sobjectOfId, to18 } from '../../shared/salesforce-id.js';
import type { SalesforceUsage } from '../../shared/settings.js';
import type { EventGuest, LoggedRecord, RelationChoices, RelationLookup } from '../storage/record-shapes.js';

const MODE_NAME: Record<SessionMode, string> = {
  screenshare: 'Screen share',
  view: 'View customer screen',
  cobrowse: 'Cobrowse',
};

export interface SessionFacts {
  sessionId: string;
  key: string;
  /** How the key was chosen; a fixed key is the rep's for every session and is never written. */
  keyKind?: 'random' | 'fixed' | 'none';
  joinUrl: string;
  glanceAddress: string;
  modes: SessionMode[];
  startedAt: string;
  endedAt?: string;
  guests: EventGuest[];
  /** The rep joined the customer's cobrowse session with the key or visitor id the customer gave. */
  joined?: unknown;
}

/** How many open records the panel offers; the query asks for one more, to know that there are more. */
const CHOICES_SHOWN = 10;

export function eventSubject(sessionId: string): string {
  return `${EVENT_SUBJECT_PREFIX} (${oneLine(sessionId)})`;
}

/** WhoId/WhatId known from the page alone. A Lead as WhoId allows no WhatId (Salesforce's rule). */
export function directRelation(record: LoggedRecord): { WhoId?: string; WhatId?: string } {
  return record.sobject === 'Lead' || record.sobject === 'Contact'
    ? { WhoId: record.recordId }
    : { WhatId: record.recordId };
}

/**
 * The one query, sent inside the start request, that finds the rest of the relation. Real orgs keep
 * an opportunity's contacts in OpportunityContactRole; Opportunity.ContactId holds at most the primary
 * one and is often empty (Object Reference, "OpportunityContactRole" and "Opportunity").
 */
export function relationLookup(record: LoggedRecord, usage: SalesforceUsage): RelationLookup | undefined {
  const id = soqlString(record.recordId);
  switch (record.sobject) {
    case 'Contact':
      // An opportunity created with a ContactId gets that contact as its primary role at the same
      // time (Object Reference, "Opportunity": ContactId), so the roles hold both kinds. One query:
      // "ContactId = … OR Id IN (SELECT OpportunityId …)" is refused by Salesforce (MALFORMED_QUERY
      // "Semi join sub-selects are not allowed with the 'OR' operator"). Missed: an opportunity whose
      // primary role was deleted after it was created with a ContactId.
      return usage === 'sales'
        ? // The names ride on the same rows (a parent field through the role's Opportunity relationship),
          // so the rep's choice costs no request. Soonest close date first: the deal most likely discussed.
          {
            soql: `SELECT OpportunityId, Opportunity.Name FROM OpportunityContactRole WHERE ContactId = ${id} AND Opportunity.IsClosed = false ORDER BY Opportunity.CloseDate ASC LIMIT ${CHOICES_SHOWN + 1}`,
            field: 'WhatId',
            pick: 'role-opportunity',
            choose: 'Opportunity',
          }
        : {
            soql: `SELECT Id, CaseNumber, Subject FROM Case WHERE ContactId = ${id} AND IsClosed = false ORDER BY CreatedDate DESC LIMIT ${CHOICES_SHOWN + 1}`,
            field: 'WhatId',
            pick: 'only-record',
            choose: 'Case',
          };
    case 'Opportunity':
      // A parent-to-child subquery (SOQL and SOSL Reference, "Relationship Queries"): the roles and
      // ContactId in one query.
      return {
        soql: `SELECT ContactId, (SELECT ContactId, IsPrimary FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate ASC LIMIT 1) FROM Opportunity WHERE Id = ${id}`,
        field: 'WhoId',
        pick: 'role-contact',
      };
    case 'Case':
      return { soql: `SELECT ContactId FROM Case WHERE Id = ${id}`, field: 'WhoId', pick: 'contact' };
    default:
      return undefined;
  }
}

/** A row of a relation look-up's answer: whichever of these its query selected. */
interface RelationRow {
  Id?: string;
  ContactId?: string | null;
  OpportunityId?: string | null;
  /** The role's opportunity, with the fields the look-up named (its Name). */
  Opportunity?: { Name?: string | null } | null;
  CaseNumber?: string | null;
  Subject?: string | null;
  /** A parent-to-child subquery's answer: null when the opportunity has no roles. */
  OpportunityContactRoles?: { records?: { ContactId?: string | null; IsPrimary?: boolean }[] } | null;
}

/** Reads the lookup's query result into the Event field it fills, if the choice is obvious. */
export function relationFromQuery(lookup: RelationLookup, records: RelationRow[]): { WhoId?: string; WhatId?: string } {
  const fill = (id: string | null | undefined) => (id ? { [lookup.field]: id } : {});
  switch (lookup.pick) {
    case 'only-record':
      return records.length === 1 ? fill(records[0]?.Id) : {};
    case 'contact':
      return fill(records[0]?.ContactId);
    case 'role-contact': {
      const opportunity = records[0];
      const roles = (opportunity?.OpportunityContactRoles?.records ?? []).filter((r) => r.ContactId);
      const role = roles.find((r) => r.IsPrimary === true) ?? roles[0];
      return fill(role?.ContactId ?? opportunity?.ContactId);
    }
    case 'role-opportunity': {
      const ids = new Set(records.flatMap((r) => (r.OpportunityId ? [r.OpportunityId] : [])));
      return ids.size === 1 ? fill([...ids][0]) : {};
    }
  }
}

/**
 * Salesforce's text, kept short: Opportunity.Name holds 120 characters, Case.Subject 255, CaseNumber
 * 30 (Object Reference, "Opportunity" and "Case"); anything longer is not Salesforce's answer.
 */
const shortText = (value: unknown, max: number) => (typeof value === 'string' ? oneLine(value).slice(0, max) : '');

function candidateOf(sobject: RelatedSObject, row: RelationRow): RelatedCandidate | undefined {
  const raw = sobject === 'Opportunity' ? row.OpportunityId : row.Id;
  const id = typeof raw === 'string' ? to18(raw) : undefined;
  if (!id || sobjectOfId(id) !== sobject) return undefined;
  return sobject === 'Opportunity'
    ? { id, name: shortText(row.Opportunity?.Name, 120), detail: '' }
    : { id, name: shortText(row.CaseNumber, 30), detail: shortText(row.Subject, 255) };
}

/**
 * The records the rep chooses from when more than one fits (relationFromQuery then relates none):
 * undefined when one or none fits, or for a look-up queued before the rows carried names.
 */
export function choicesFromQuery(lookup: RelationLookup, records: RelationRow[]): RelationChoices | undefined {
  const sobject = lookup.choose;
  if (!sobject || lookup.field !== 'WhatId') return undefined;
  const found = new Map<string, RelatedCandidate>();
  for (const row of records) {
    const candidate = candidateOf(sobject, row);
    // A contact may hold two roles on one opportunity: it is offered once.
    if (candidate && !found.has(candidate.id)) found.set(candidate.id, candidate);
  }
  if (found.size < 2) return undefined;
  const candidates = [...found.values()].slice(0, CHOICES_SHOWN);
  return { sobject, field: 'WhatId', candidates, more: records.length > CHOICES_SHOWN };
}

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60000));

/**
 * Text from outside (Glance's answers, what guests typed) as one line: a line break, another control
 * character or a Unicode line separator would let it forge lines of the description ("Session key:
 * …"), and bidirectional overrides would let it disguise what a reader sees.
 */
export function oneLine(text: string): string {
  return text
    .replace(/\p{Bidi_Control}/gu, '')
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

/** The key a colleague may use to join: only while the session runs, and never the rep's fixed key. */
function keyToWrite(facts: SessionFacts): string | undefined {
  return facts.keyKind === 'fixed' || facts.endedAt || !facts.key ? undefined : facts.key;
}

function keyLine(facts: SessionFacts): string {
  if (facts.keyKind === 'fixed') return 'Session key: the rep’s fixed key (not recorded)';
  if (!facts.key) return 'Session key: none';
  return facts.endedAt ? 'Session key: removed when the session ended' : `Session key: ${oneLine(facts.key)}`;
}

/** Glance's join link while it may carry the key; the address alone (what guests open) otherwise. */
export function joinLinkToWrite(facts: SessionFacts): string {
  return keyToWrite(facts) ? oneLine(facts.joinUrl) : `https://${oneLine(facts.glanceAddress)}/`;
}

export function eventDescription(facts: SessionFacts): string {
  const lines = [
    `Glance session: ${oneLine(facts.sessionId)}`,
    `Mode: ${facts.modes.map((m) => MODE_NAME[m]).join(' → ')}`,
    ...(facts.joined ? ['Joined: the customer’s session, with the key or visitor ID they gave'] : []),
    keyLine(facts),
    `Join link: ${joinLinkToWrite(facts)}`,
    `Glance address: ${oneLine(facts.glanceAddress)}`,
    `Started: ${oneLine(facts.startedAt)}`,
    facts.endedAt
      ? `Ended: ${oneLine(facts.endedAt)} (${minutes(facts.startedAt, facts.endedAt)} min)`
      : 'Status: in progress',
    `Guests: ${facts.guests.length}`,
    ...facts.guests.map(
      (g) =>
        `- ${oneLine(g.name) || '(no name)'}${g.email ? ` <${oneLine(g.email)}>` : ''}, joined ${oneLine(g.joinedAt)}${
          g.leftAt ? `, left ${oneLine(g.leftAt)}` : ''
        }`,
    ),
  ];
  return lines.join('\n').slice(0, 32000);
}

export function startEventFields(facts: SessionFacts, record: LoggedRecord): Record<string, unknown> {
  return {
    Subject: eventSubject(facts.sessionId),
    Type: 'Meeting',
    StartDateTime: facts.startedAt,
    // Salesforce needs an end; the real one is written when the session ends.
    EndDateTime: facts.startedAt,
    Location: joinLinkToWrite(facts),
    Description: eventDescription(facts),
    ...directRelation(record),
  };
}

/**
 * The longest Event Salesforce takes: 14 days (Object Reference, "Event", multiday events; a longer
 * one is refused with FIELD_INTEGRITY_EXCEPTION on DurationInMinutes). A session left running
 * longer (a rep who never pressed End, a laptop asleep for weeks) still gets logged.
 */
const MAX_EVENT_MS = 14 * 24 * 60 * 60 * 1000;

/** The Event's end: the session's, or 14 days after its start when it ran longer (the description keeps the real end). */
export function eventEnd(startedAt: string, endedAt: string): string {
  const start = Date.parse(startedAt);
  if (!(Date.parse(endedAt) - start > MAX_EVENT_MS)) return endedAt;
  return new Date(start + MAX_EVENT_MS).toISOString();
}

/**
 * What a report groups an ended session by, in the one groupable text field a standard Event has
 * (no package, no custom field: Subject is unique per session so that a write in doubt can be found
 * again; Type and ShowAs are restricted picklists). "Glance · Screen share · 2 guests · Demo given":
 * a manager's report filters on Subject starting with "Glance session" and groups by Location; the
 * minutes are DurationInMinutes, which Salesforce derives from the real start and end. Salesforce
 * data, so English like the description; Location holds 255 characters (Object Reference, "Event").
 */
export function reportCategory(facts: Pick<SessionFacts, 'modes' | 'guests'>, outcome?: string): string {
  const guests = facts.guests.length;
  const parts = [
    'Glance',
    facts.modes.map((m) => MODE_NAME[m]).join(' → ') || MODE_NAME.screenshare,
    `${guests} ${guests === 1 ? 'guest' : 'guests'}`,
    ...(outcome ? [oneLine(outcome)] : []),
  ];
  return parts.join(' · ').slice(0, 255);
}

export function endEventFields(facts: SessionFacts & { endedAt: string }, outcome?: string): Record<string, unknown> {
  // The key stops working when the session ends; it leaves the Event with it, and the Location that
  // held the join link now holds what reports group by (the Glance address stays in the description).
  return {
    EndDateTime: eventEnd(facts.startedAt, facts.endedAt),
    Location: reportCategory(facts, outcome),
    Description: eventDescription(facts),
  };
}
