// The last sessions, for the popup: when, on which record, who joined, and whether Salesforce has
// them (with a link to the logged Event).
import type { RecentSessionView } from '../../shared/messages.js';
import { lightningHostFor } from '../../shared/salesforce-url.js';
import { readLogs } from '../outbox/store.js';
import type { StoragePorts } from '../settings/storage.js';
import { type ActiveSession, RECENT_SESSIONS_KEY } from './state.js';

interface RecentSession {
  sessionId: string;
  startedAt: string;
  endedAt: string;
  guests: number;
  record: ActiveSession['record'];
}

const KEEP = 10;

async function readRecent(ports: StoragePorts): Promise<RecentSession[]> {
  const stored = await ports.readLocal(RECENT_SESSIONS_KEY);
  return Array.isArray(stored) ? (stored as RecentSession[]) : [];
}

export async function rememberSession(ports: StoragePorts, session: ActiveSession, endedAt: string): Promise<void> {
  const entry: RecentSession = {
    sessionId: session.sessionId,
    startedAt: session.startedAt,
    endedAt,
    guests: session.guests.length,
    record: session.record,
  };
  const rest = (await readRecent(ports)).filter((r) => r.sessionId !== session.sessionId);
  await ports.writeLocal(RECENT_SESSIONS_KEY, [entry, ...rest].slice(0, KEEP));
}

export async function recentSessions(ports: StoragePorts): Promise<RecentSessionView[]> {
  const logs = await readLogs(ports);
  return (await readRecent(ports)).map((recent) => {
    const log = logs[recent.sessionId];
    return {
      sessionId: recent.sessionId,
      sobject: recent.record.sobject,
      startedAt: recent.startedAt,
      minutes: Math.max(0, Math.round((Date.parse(recent.endedAt) - Date.parse(recent.startedAt)) / 60000)),
      guests: recent.guests,
      salesforce: log?.state ?? 'pending',
      eventUrl: log?.eventId
        ? `https://${lightningHostFor(recent.record.apiHost)}/lightning/r/Event/${log.eventId}/view`
        : '',
    };
  });
}
