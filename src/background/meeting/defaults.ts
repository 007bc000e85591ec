// What the meeting dialog prefills (issue 11): the record's name for a default subject and the email
// of the record or its contact for the invitee. One SOQL query per dialog opening, chosen by record
// type. Optional by nature: any failure (logged out, API Access Control, the daily limit, a field the
// rep's profile may not read) answers empty strings, and the dialog works without them.

import { isEmailAddress } from '../../shared/meeting/email-address.js';
import { singleLine } from '../../shared/meeting/text.js';
import type { MeetingDefaults } from '../../shared/protocol/index.js';
import { type ApiHostPorts, resolveApiHost } from '../../shared/salesforce/api-host.js';
import { SalesforceClient, soqlString } from '../../shared/salesforce/client.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';

const NO_MEETING_DEFAULTS: MeetingDefaults = { inviteeEmail: '', recordName: '' };

/** Object Reference: Name fields hold at most 255 characters, Email fields 80. */
const NAME_MAX = 255;
const EMAIL_MAX = 80;

/** A row of any of the queries below: whichever of these fields it selected. */
interface DefaultsRow {
  Name?: unknown;
  Email?: unknown;
  Subject?: unknown;
  CaseNumber?: unknown;
  Contact?: { Email?: unknown } | null;
  OpportunityContactRoles?: { records?: { Contact?: { Email?: unknown } | null }[] } | null;
}

/**
 * The one query for a record type. Case: the case's contact by its parent relationship (Contact.Email,
 * SOQL and SOSL Reference, "Relationship Queries"). Opportunity: a parent-to-child subquery on the
 * contact roles, primary first and else the earliest, the same contact the meeting's Event is related
 * to (src/background/records/session-event.ts relationLookup). Campaign: members are many, so no invitee.
 */
function defaultsQuery(sobject: GlanceSObject, recordId: string): string {
  const id = soqlString(recordId);
  switch (sobject) {
    case 'Lead':
    case 'Contact':
      return `SELECT Name, Email FROM ${sobject} WHERE Id = ${id}`;
    case 'Case':
      return `SELECT Subject, CaseNumber, Contact.Email FROM Case WHERE Id = ${id}`;
    case 'Opportunity':
      return `SELECT Name, (SELECT Contact.Email FROM OpportunityContactRoles ORDER BY IsPrimary DESC, CreatedDate ASC LIMIT 1) FROM Opportunity WHERE Id = ${id}`;
    case 'Campaign':
      return `SELECT Name FROM Campaign WHERE Id = ${id}`;
  }
}

const text = (value: unknown) => (typeof value === 'string' ? singleLine(value) : '');

/** Salesforce's text is untrusted: one line, capped; an email only when it is one we may use whole. */
function defaultsFromRow(sobject: GlanceSObject, row: DefaultsRow | undefined): MeetingDefaults {
  if (!row) return NO_MEETING_DEFAULTS;
  const name = sobject === 'Case' ? text(row.Subject) || text(row.CaseNumber) : text(row.Name);
  const email =
    sobject === 'Lead' || sobject === 'Contact'
      ? text(row.Email)
      : sobject === 'Case'
        ? text(row.Contact?.Email)
        : sobject === 'Opportunity'
          ? text(row.OpportunityContactRoles?.records?.[0]?.Contact?.Email)
          : '';
  return {
    // Cut, then made one line again: the cut may split a surrogate pair, which singleLine mends.
    recordName: singleLine(name.slice(0, NAME_MAX)),
    // Never cut: a shortened address would invite someone else.
    inviteeEmail: email.length <= EMAIL_MAX && isEmailAddress(email) ? email : '',
  };
}

/** The dialog's prefill for the record page `pageUrl`, read with the tab's own session; never throws. */
export async function meetingDefaults(
  pageUrl: string,
  storeId: string | undefined,
  ports: ApiHostPorts,
): Promise<MeetingDefaults> {
  try {
    const page = parseSalesforceUrl(pageUrl);
    if (page?.kind !== 'record') return NO_MEETING_DEFAULTS;
    const resolved = await resolveApiHost(new URL(pageUrl).hostname, ports, storeId);
    // Logged out: nothing to ask with, and no call spent to learn it.
    if (!resolved?.sid) return NO_MEETING_DEFAULTS;
    const client = new SalesforceClient(resolved.apiHost, ports, storeId);
    const rows = await client.query<DefaultsRow>(defaultsQuery(page.sobject, page.recordId));
    return defaultsFromRow(page.sobject, rows[0]);
  } catch {
    return NO_MEETING_DEFAULTS;
  }
}
