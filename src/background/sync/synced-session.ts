// One of Glance's session records (crr.ts) made into what the sync keeps in the queue (SyncedSession,
// declared with the queue's stored shapes): only what the Event needs. Everything in it came from
// Glance's answer and is untrusted text (oneLine on the way out).
import type { SessionMode } from '../../shared/protocol/index.js';
import type { SyncedSession } from '../storage/outbox-shapes.js';
import { AGENT_PARTICIPANT, type CrrSession } from './crr.js';

const MODE_OF_CHANNEL: Record<string, SessionMode> = { screenshare: 'screenshare', cobrowse: 'cobrowse' };
const MAX_TEXT = 255;
const MAX_GUESTS = 50;

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : '');
const time = (value: unknown) => {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
};

/** The record as the sync keeps it; undefined when it lacks an id or real times. */
export function syncedSession(record: CrrSession): SyncedSession | undefined {
  const startedAt = time(record?.started_at);
  const endedAt = time(record?.ended_at);
  const glanceId = text(record?.id);
  if (!glanceId || !startedAt || !endedAt) return undefined;
  const channels = Array.isArray(record.channels) ? record.channels : [];
  const legs = channels.flatMap((c) => (Array.isArray(c?.legs) ? c.legs : []));
  const agent = legs.find((leg) => leg?.participant_type === AGENT_PARTICIPANT);
  const guests = legs
    .filter((leg) => leg && leg.participant_type !== AGENT_PARTICIPANT && (leg.extra?.name || leg.extra?.email))
    .slice(0, MAX_GUESTS)
    .map((leg) => {
      const leftAt = time(leg.ended_at);
      return {
        name: text(leg.extra?.name),
        email: text(leg.extra?.email),
        joinedAt: time(leg.started_at) ?? startedAt,
        ...(leftAt ? { leftAt } : {}),
      };
    });
  return {
    glanceId,
    key: text(record.key),
    startedAt,
    endedAt,
    mode: MODE_OF_CHANNEL[text(channels[0]?.type)] ?? 'screenshare',
    userEmail: text(agent?.extra?.email).toLowerCase(),
    userName: text(agent?.extra?.name),
    guests,
  };
}
