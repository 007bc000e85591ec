// The popup's one list of recent sessions: Salesforce's Events of the last 30 days and this
// browser's own sessions, merged so that a session appears once. A session this browser ran knows
// its Event (the queue keeps the Event id Salesforce gave it), so the two are joined on the Event.
// Pure: no chrome.*, so it is tested as it is.
import type { RecentSessionView, SalesforceSessionEvent } from '../../shared/protocol/index.js';
import type { GlanceSObject } from '../../shared/salesforce-id.js';

export interface SessionLine {
  key: string;
  startedAt: string;
  endedAt: string;
  /** Known only for sessions this browser ran. */
  sobject?: GlanceSObject;
  guests?: number;
  /** '' until Salesforce has the session. */
  eventUrl: string;
  /** Where this browser's record of it stands with Salesforce ('logged' for Salesforce's own Events). */
  salesforce: RecentSessionView['salesforce'];
}

/** Newest first; a local session whose Event Salesforce listed is one line, with both sides' facts. */
export function mergeSessions(events: SalesforceSessionEvent[], local: RecentSessionView[]): SessionLine[] {
  const localByEvent = new Map(local.filter((s) => s.eventUrl).map((s) => [s.eventUrl, s]));
  const lines: SessionLine[] = events.map((event) => {
    const mine = localByEvent.get(event.eventUrl);
    return {
      key: mine?.sessionId ?? event.eventId,
      startedAt: event.startedAt,
      endedAt: event.endedAt,
      eventUrl: event.eventUrl,
      salesforce: 'logged',
      ...(mine ? { sobject: mine.sobject, guests: mine.guests } : {}),
    };
  });
  const listed = new Set(events.map((e) => e.eventUrl));
  for (const s of local) {
    if (s.eventUrl && listed.has(s.eventUrl)) continue;
    lines.push({
      key: s.sessionId,
      startedAt: s.startedAt,
      endedAt: s.endedAt,
      sobject: s.sobject,
      guests: s.guests,
      eventUrl: s.eventUrl,
      salesforce: s.salesforce,
    });
  }
  return lines.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
}

/**
 * Whole minutes between start and end, rounded; undefined under a minute (the page says "< 1 min":
 * a session of 40 seconds was not "0 min", nor "1 min").
 */
export function wholeMinutes(startedAt: string, endedAt: string): number | undefined {
  const ms = Date.parse(endedAt) - Date.parse(startedAt);
  if (!Number.isFinite(ms) || ms < 60_000) return undefined;
  return Math.round(ms / 60_000);
}
