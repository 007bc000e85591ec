// The team view, queried from the options page itself (admin-salesforce.ts says why): the org's Glance
// sessions of the last 30 days by rep, as the signed-in user may see them in Salesforce. No list of
// reps is kept or guessed: Salesforce's sharing decides (a manager reads the Events of everyone below
// them in the role hierarchy, a rep their own and those on records they may read), and one query per
// view asks for them all.

import { EVENT_SUBJECT_PREFIX } from '../../../shared/event-subject.js';
import { SalesforceClient, soqlString } from '../../../shared/salesforce/client.js';
import { SalesforceError } from '../../../shared/salesforce/errors.js';
import { type StatusPorts, salesforceStatus } from '../../../shared/salesforce/status.js';
import { lightningHostFor } from '../../../shared/salesforce-hosts.js';
import { to18 } from '../../../shared/salesforce-id.js';
import { type OwnedSession, sessionShape, type TeamSessions, teamTotals } from '../../../shared/team-sessions.js';

const TEAM_DAYS = 30;
/** One page of a query answer (REST API Developer Guide, "Query": 2,000 records per batch by default). */
export const TEAM_LIMIT = 2000;

/**
 * The one query. Subject LIKE is a leading-wildcard-free prefix, but Subject has no index, so alone it
 * scans every Event of the org; CreatedDate has a standard index (Salesforce Help, "Make SOQL Query
 * Selective": CreatedDate among the fields indexed by default), and a session's Event is created when
 * the session starts or later (a synced one), so the same 30 days on it lose nothing and keep the query
 * selective in a large org. LAST_N_DAYS:30 is today and the 30 days before it, in the user's Salesforce
 * time zone (SOQL reference, date literals). One page: LIMIT 2000 needs no second request, except that
 * Description (a long text area, read for sessions logged before the Location convention) may make
 * Salesforce answer in smaller batches (Salesforce Help 000386264, "Maximum number of rows returned by
 * SOQL queries over the REST API"): the client then follows the same query's nextRecordsUrl.
 */
export function teamSoql(): string {
  const marker = soqlString(`${EVENT_SUBJECT_PREFIX} (%`);
  return (
    'SELECT Id, OwnerId, Owner.Name, StartDateTime, DurationInMinutes, Location, Description FROM Event' +
    ` WHERE CreatedDate = LAST_N_DAYS:${TEAM_DAYS} AND StartDateTime = LAST_N_DAYS:${TEAM_DAYS}` +
    ` AND Subject LIKE ${marker} ORDER BY StartDateTime DESC LIMIT ${TEAM_LIMIT}`
  );
}

interface EventRow {
  Id?: unknown;
  OwnerId?: unknown;
  Owner?: { Name?: unknown } | null;
  StartDateTime?: unknown;
  DurationInMinutes?: unknown;
  Location?: unknown;
  Description?: unknown;
}

/** Salesforce writes dateTimes as 2026-11-26T15:00:00.000+0000; ISO 8601 wants a colon in the offset. */
const isoOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

/** A row as the view counts it; a row without an id, owner or start (garbage) is left out. */
function toSession(row: EventRow, lightningHost: string): OwnedSession | undefined {
  const eventId = typeof row.Id === 'string' ? to18(row.Id) : undefined;
  const ownerId = typeof row.OwnerId === 'string' ? to18(row.OwnerId) : undefined;
  const startedAt = isoOf(row.StartDateTime);
  if (!eventId || !ownerId || !startedAt) return undefined;
  const name = row.Owner && typeof row.Owner === 'object' ? row.Owner.Name : undefined;
  const minutes = typeof row.DurationInMinutes === 'number' ? row.DurationInMinutes : 0;
  return {
    eventId,
    ownerId,
    ownerName: typeof name === 'string' && name.trim() !== '' ? name : ownerId,
    startedAt,
    minutes: Number.isFinite(minutes) && minutes > 0 ? Math.round(minutes) : 0,
    ...sessionShape(row.Location, row.Description),
    eventUrl: `https://${lightningHost}/lightning/r/Event/${eventId}/view`,
  };
}

/** The sessions the user of this Salesforce page may see, by rep, with the browser's own session there. */
export async function teamSessions(pageUrl: string, ports: StatusPorts, storeId?: string): Promise<TeamSessions> {
  const status = await salesforceStatus(pageUrl, ports, { storeId });
  if (!status) return { ok: false, problem: 'no-salesforce-tab' };
  if (status.state !== 'ready') return { ok: false, problem: status.state };
  let rows: EventRow[];
  try {
    rows = await new SalesforceClient(status.apiHost, ports, storeId).query<EventRow>(teamSoql());
  } catch (error) {
    if (error instanceof SalesforceError) return { ok: false, problem: error.problem };
    throw error;
  }
  const lightningHost = lightningHostFor(status.apiHost);
  const sessions = rows.flatMap((row) => (row && typeof row === 'object' ? (toSession(row, lightningHost) ?? []) : []));
  return {
    ok: true,
    apiHost: status.apiHost,
    days: TEAM_DAYS,
    reps: teamTotals(sessions, lightningHost),
    more: rows.length >= TEAM_LIMIT,
  };
}
