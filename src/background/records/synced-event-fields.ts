// Which Event a synced session belongs to, and what the sync writes on it. Pure: the job
// (outbox/jobs/sync-sessions.ts) feeds it one look-up's answers.

import type { SyncedSession } from '../storage/outbox-shapes.js';
import { eventEnd, eventSubject, oneLine, reportCategory, type SessionFacts } from './session-event.js';

/** An Event of the look-up: the extension's, a meeting's, or one the sync logged. */
export interface EventRow {
  Id: string;
  Subject?: string | null;
  OwnerId?: string | null;
  StartDateTime?: string | null;
  Location?: string | null;
  Description?: string | null;
}

/**
 * How far the Event's start may be from Glance's: the extension writes the start when the rep
 * clicks, and the Glance Client starts the session within seconds of the launch; a scheduled
 * meeting's Event holds its planned start until its session starts. 15 minutes either way.
 */
export const MATCH_WINDOW_MS = 15 * 60 * 1000;

/** The line that ties an Event to Glance's record once matched (Description is not filterable in SOQL). */
const RECORD_LINE = 'Glance record: ';

/** A session started elsewhere gets its own Event, found again by this unique Subject. */
const elsewhereSubject = (glanceId: string) => eventSubject(`glance-${glanceId}`);

const recordIdOf = (event: EventRow) =>
  (event.Description ?? '')
    .split('\n')
    .find((line) => line.startsWith(RECORD_LINE))
    ?.slice(RECORD_LINE.length)
    .trim();

/** The key the Event still shows (a session the extension never saw end); undefined once removed. */
const keyOf = (event: EventRow) => /^Session key: (\S+)$/m.exec(event.Description ?? '')?.[1];

const isOurs = (event: EventRow) =>
  (event.Subject ?? '').startsWith('Glance session (') || (event.Subject ?? '').includes('[Glance meeting m-');

type Match = { event: EventRow; how: 'record' | 'elsewhere' | 'matched' } | undefined;

/**
 * The Event this session fills in: the one that already names Glance's id (its own Subject for a
 * session logged from elsewhere, or the record line), else the rep's Glance Event that started
 * closest to Glance's start within the window, whose key (while it still shows one) is the same,
 * and that no other Glance record holds. `taken`: Events matched earlier in the same batch.
 */
export function matchEvent(session: SyncedSession, ownerId: string, events: EventRow[], taken: Set<string>): Match {
  const subject = elsewhereSubject(session.glanceId);
  const own = events.find((e) => e.Subject === subject);
  if (own) return { event: own, how: 'elsewhere' };
  const recorded = events.find((e) => recordIdOf(e) === session.glanceId);
  if (recorded) return { event: recorded, how: 'record' };
  const start = Date.parse(session.startedAt);
  const candidates = events
    .filter((e) => isOurs(e) && e.OwnerId === ownerId && !taken.has(e.Id) && !recordIdOf(e))
    .filter((e) => !e.Subject?.startsWith(eventSubject('glance-').slice(0, -1)))
    .filter((e) => {
      const key = keyOf(e);
      return key === undefined || !/^\d+$/.test(key) || key === session.key;
    })
    .map((e) => ({ e, distance: Math.abs(Date.parse(e.StartDateTime ?? '') - start) }))
    .filter(({ distance }) => distance <= MATCH_WINDOW_MS)
    .sort((a, b) => a.distance - b.distance);
  const best = candidates[0]?.e;
  return best ? { event: best, how: 'matched' } : undefined;
}

/** Twins of a session logged from elsewhere (a create that landed twice): all but the first. */
export function surplusOf(session: SyncedSession, events: EventRow[]): string[] {
  const subject = elsewhereSubject(session.glanceId);
  return events
    .filter((e) => e.Subject === subject)
    .slice(1)
    .map((e) => e.Id);
}

const minutes = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60000));

/** What Glance's record says, as the last lines of the Description. */
function recordLines(session: SyncedSession): string[] {
  return [
    `${RECORD_LINE}${oneLine(session.glanceId)}`,
    `Ended: ${session.endedAt} (${minutes(session.startedAt, session.endedAt)} min)`,
    `Guests: ${session.guests.length}`,
    ...session.guests.map(
      (g) =>
        `- ${oneLine(g.name) || '(no name)'}${g.email ? ` <${oneLine(g.email)}>` : ''}, joined ${g.joinedAt}${
          g.leftAt ? `, left ${g.leftAt}` : ''
        }`,
    ),
  ];
}

function facts(session: SyncedSession): SessionFacts {
  return {
    sessionId: `glance-${session.glanceId}`,
    key: '',
    joinUrl: '',
    glanceAddress: '',
    modes: [session.mode],
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    guests: session.guests,
  };
}

/** Lines the record replaces: the end, the guests, an earlier record line. */
const REPLACED = /^(Ended: |Status: |Guests: |- |Glance record: )/;

/**
 * The PATCH of the extension's Event: Glance's real start and end (Salesforce derives
 * DurationInMinutes from them), the guests with join and leave, the record line; Location keeps the
 * mode and outcome the rep's end wrote and gets the real guest count.
 */
export function filledFields(session: SyncedSession, event: EventRow): Record<string, unknown> {
  const kept = (event.Description ?? '').split('\n').filter((line) => line && !REPLACED.test(line));
  const location = event.Location ?? '';
  const parts = location.startsWith('Glance · ') ? location.split(' · ') : [];
  const category = reportCategory(facts(session), parts.slice(3).join(' · ') || undefined);
  const [, , guestPart = ''] = category.split(' · ');
  return {
    StartDateTime: session.startedAt,
    EndDateTime: eventEnd(session.startedAt, session.endedAt),
    Location:
      parts.length >= 3 ? ['Glance', parts[1], guestPart, ...parts.slice(3)].join(' · ').slice(0, 255) : category,
    Description: [...kept, ...recordLines(session)].join('\n').slice(0, 32000),
  };
}

/** The Event of a session started elsewhere, owned by the rep, on the guest's Contact or Lead when one is known. */
export function elsewhereFields(session: SyncedSession, ownerId: string, whoId?: string): Record<string, unknown> {
  return {
    Subject: elsewhereSubject(session.glanceId),
    Type: 'Meeting',
    OwnerId: ownerId,
    StartDateTime: session.startedAt,
    EndDateTime: eventEnd(session.startedAt, session.endedAt),
    Location: reportCategory(facts(session)),
    Description: [
      `Glance session: glance-${oneLine(session.glanceId)}`,
      `Mode: ${reportCategory(facts(session)).split(' · ')[1]}`,
      'Started outside Salesforce (from Glance’s session records)',
      `Glance user: ${oneLine(session.userName)} <${oneLine(session.userEmail)}>`,
      `Started: ${session.startedAt}`,
      ...recordLines(session),
    ]
      .join('\n')
      .slice(0, 32000),
    ...(whoId ? { WhoId: whoId } : {}),
  };
}
