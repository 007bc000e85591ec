// The rep's Glance sessions of the last 30 days, as Salesforce has them: their Events, read in one
// query for the popup's chart and list. The local list (recent.ts) stays the fallback when
// Salesforce cannot answer, and for sessions whose Event is still on its way.

import { EVENT_SUBJECT_PREFIX } from '../../shared/event-subject.js';
import type { SalesforceHistory, SalesforceSessionEvent } from '../../shared/protocol/index.js';
import { SalesforceClient, soqlString } from '../../shared/salesforce/client.js';
import { SalesforceError } from '../../shared/salesforce/errors.js';
import { type StatusPorts, salesforceStatus } from '../../shared/salesforce/status.js';
import { lightningHostFor } from '../../shared/salesforce-hosts.js';
import { to18 } from '../../shared/salesforce-id.js';

const HISTORY_DAYS = 30;
/** More than any rep holds in a month of sessions; the popup says when there were more. */
export const HISTORY_LIMIT = 200;

/**
 * The one query. The marker is the Subject every session Event gets (records/session-event.ts eventSubject:
 * "Glance session (<id>)"), the owner is the rep (a colleague's sessions on the same records are
 * theirs), and LAST_N_DAYS:30 is today and the 30 days before it in the rep's Salesforce time zone
 * (SOQL reference, date literals). A session started from a scheduled meeting writes to the meeting's
 * Event instead, whose Subject is the rep's own: those are not counted here.
 */
export function historySoql(userId: string): string {
  const marker = soqlString(`${EVENT_SUBJECT_PREFIX} (%`);
  return (
    'SELECT Id, StartDateTime, EndDateTime FROM Event' +
    ` WHERE OwnerId = ${soqlString(userId)} AND Subject LIKE ${marker} AND StartDateTime = LAST_N_DAYS:${HISTORY_DAYS}` +
    ` ORDER BY StartDateTime DESC LIMIT ${HISTORY_LIMIT + 1}`
  );
}

interface EventRow {
  Id?: unknown;
  StartDateTime?: unknown;
  EndDateTime?: unknown;
}

/** Salesforce writes dateTimes as 2026-11-26T15:00:00.000+0000; the popup wants ISO 8601 with a colon. */
const isoOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

function toEvent(row: EventRow, lightningHost: string): SalesforceSessionEvent | undefined {
  const eventId = typeof row.Id === 'string' ? to18(row.Id) : undefined;
  const startedAt = isoOf(row.StartDateTime);
  if (!eventId || !startedAt) return undefined;
  const endedAt = isoOf(row.EndDateTime) ?? startedAt;
  return {
    eventId,
    startedAt,
    endedAt,
    minutes: Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000)),
    eventUrl: `https://${lightningHost}/lightning/r/Event/${eventId}/view`,
  };
}

/** The rep's session Events in the org of this page, with the browser's own session there. */
export async function salesforceHistory(
  pageUrl: string,
  ports: StatusPorts,
  storeId?: string,
): Promise<SalesforceHistory> {
  // Who the rep is: usually answered from the popup's own status question a moment ago (cached).
  const status = await salesforceStatus(pageUrl, ports, { storeId });
  if (!status) return { ok: false, problem: 'no-salesforce-tab' };
  if (status.state !== 'ready') return { ok: false, problem: status.state };
  if (!status.user.id) return { ok: false, problem: 'unavailable' };
  let rows: EventRow[];
  try {
    rows = await new SalesforceClient(status.apiHost, ports, storeId).query<EventRow>(historySoql(status.user.id));
  } catch (error) {
    if (error instanceof SalesforceError) return { ok: false, problem: error.problem };
    throw error;
  }
  const lightningHost = lightningHostFor(status.apiHost);
  const events = rows.flatMap((row) => toEvent(row, lightningHost) ?? []);
  return {
    ok: true,
    apiHost: status.apiHost,
    days: HISTORY_DAYS,
    events: events.slice(0, HISTORY_LIMIT),
    more: events.length > HISTORY_LIMIT,
  };
}
