// The last sessions, for the popup: when, on which record, who joined, and whether Salesforce has
// them (with a link to the logged Event).
import type { RecentSessionView } from '../../shared/protocol/index.js';
import { lightningHostFor } from '../../shared/salesforce-url.js';
import { readQueue } from '../outbox/store.js';
import { type RecentSession, recentSessionsItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';
import type { ActiveSession } from './state.js';

const KEEP = 10;

const readRecent = (ports: StoragePorts) => recentSessionsItem.read(ports);

export async function rememberSession(ports: StoragePorts, session: ActiveSession, endedAt: string): Promise<void> {
  const entry: RecentSession = {
    sessionId: session.sessionId,
    startedAt: session.startedAt,
    endedAt,
    guests: session.guests.length,
    record: session.record,
  };
  const rest = (await readRecent(ports)).filter((r) => r.sessionId !== session.sessionId);
  await recentSessionsItem.write(ports, [entry, ...rest].slice(0, KEEP));
}

export async function recentSessions(ports: StoragePorts): Promise<RecentSessionView[]> {
  const { logs } = await readQueue(ports);
  return (await readRecent(ports)).map((recent) => {
    const log = logs[recent.sessionId];
    return {
      sessionId: recent.sessionId,
      sobject: recent.record.sobject,
      startedAt: recent.startedAt,
      endedAt: recent.endedAt,
      minutes: Math.max(0, Math.round((Date.parse(recent.endedAt) - Date.parse(recent.startedAt)) / 60000)),
      guests: recent.guests,
      salesforce: log?.state ?? 'pending',
      salesforceError: log?.error ?? '',
      eventUrl: log?.eventId
        ? `https://${lightningHostFor(recent.record.apiHost)}/lightning/r/Event/${log.eventId}/view`
        : '',
    };
  });
}
