// How a Glance session is written to Salesforce: one Event on the right records, in one consistent
// form that reports can filter and group ("Subject starts with Glance session", Type Meeting).
import type { SessionMode } from '../../shared/messages.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';
import type { SalesforceUsage } from '../../shared/settings.js';
import { soqlString } from '../salesforce/client.js';

export const EVENT_SUBJECT_PREFIX = 'Glance session';
const MODE_NAME: Record<SessionMode, string> = {
  screenshare: 'Screen share',
  view: 'View customer screen',
  cobrowse: 'Cobrowse',
};

export interface LoggedRecord {
  sobject: GlanceSObject;
  recordId: string;
}

export interface EventGuest {
  name: string;
  email: string;
  joinedAt: string;
  leftAt?: string;
}

export interface SessionFacts {
  sessionId: string;
  key: string;
  joinUrl: string;
  glanceAddress: string;
  modes: SessionMode[];
  startedAt: string;
  endedAt?: string;
  guests: EventGuest[];
}

/** A related record found by one query at start; applied to the Event when the session ends. */
export interface RelationLookup {
  soql: string;
  /** The Event field it fills. */
  field: 'WhoId' | 'WhatId';
  /** 'only-record': use the Id when exactly one record matches; 'contact': the record's ContactId. */
  pick: 'only-record' | 'contact';
}

export function eventSubject(sessionId: string): string {
  return `${EVENT_SUBJECT_PREFIX} (${sessionId})`;
}

/** WhoId/WhatId known from the page alone. A Lead as WhoId allows no WhatId (Salesforce's rule). */
export function directRelation(record: LoggedRecord): { WhoId?: string; WhatId?: string } {
  return record.sobject === 'Lead' || record.sobject === 'Contact'
    ? { WhoId: record.recordId }
    : { WhatId: record.recordId };
}

/** The one query, sent inside the start request, that finds the rest of the relation. */
export function relationLookup(record: LoggedRecord, usage: SalesforceUsage): RelationLookup | undefined {
  const id = soqlString(record.recordId);
  switch (record.sobject) {
    case 'Contact': {
      const type = usage === 'sales' ? 'Opportunity' : 'Case';
      return {
        soql: `SELECT Id FROM ${type} WHERE ContactId = ${id} AND IsClosed = false LIMIT 2`,
        field: 'WhatId',
        pick: 'only-record',
      };
    }
    case 'Opportunity':
    case 'Case':
      return { soql: `SELECT ContactId FROM ${record.sobject} WHERE Id = ${id}`, field: 'WhoId', pick: 'contact' };
    default:
      return undefined;
  }
}

/** Reads the lookup's query result into the Event field it fills, if the choice is obvious. */
export function relationFromQuery(lookup: RelationLookup, records: { Id?: string; ContactId?: string | null }[]) {
  if (lookup.pick === 'only-record')
    return records.length === 1 && records[0]?.Id ? { [lookup.field]: records[0].Id } : {};
  const contactId = records[0]?.ContactId;
  return contactId ? { [lookup.field]: contactId } : {};
}

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60000));

export function eventDescription(facts: SessionFacts): string {
  const lines = [
    `Glance session: ${facts.sessionId}`,
    `Mode: ${facts.modes.map((m) => MODE_NAME[m]).join(' → ')}`,
    `Session key: ${facts.key || 'none'}`,
    `Join link: ${facts.joinUrl}`,
    `Glance address: ${facts.glanceAddress}`,
    `Started: ${facts.startedAt}`,
    facts.endedAt ? `Ended: ${facts.endedAt} (${minutes(facts.startedAt, facts.endedAt)} min)` : 'Status: in progress',
    `Guests: ${facts.guests.length}`,
    ...facts.guests.map(
      (g) =>
        `- ${g.name || '(no name)'}${g.email ? ` <${g.email}>` : ''}, joined ${g.joinedAt}${g.leftAt ? `, left ${g.leftAt}` : ''}`,
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
    Location: facts.joinUrl,
    Description: eventDescription(facts),
    ...directRelation(record),
  };
}

export function endEventFields(facts: SessionFacts & { endedAt: string }): Record<string, unknown> {
  return { EndDateTime: facts.endedAt, Description: eventDescription(facts) };
}
