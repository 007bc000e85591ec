// The team view's numbers (options page, "Team" tab): the Glance session Events the signed-in user
// may see in Salesforce, per rep. Pure, so the worker and the tests share one way of counting.
import type { SalesforceProblem } from './salesforce-problems.js';

/** One session Event as the team view shows it. */
interface TeamSession {
  eventId: string;
  startedAt: string;
  /** Salesforce's DurationInMinutes (derived from the real start and end once the session ended). */
  minutes: number;
  /** From the Event's Location; 0 while the session runs or for a session logged before item 1. */
  guests: number;
  eventUrl: string;
}

/** A rep (the Events' owner) and their sessions, newest first. */
export interface TeamRep {
  userId: string;
  name: string;
  /** The rep's user page in Lightning Experience. */
  userUrl: string;
  sessions: number;
  minutes: number;
  guests: number;
  events: TeamSession[];
}

export type TeamSessions =
  | {
      ok: true;
      apiHost: string;
      days: number;
      /** Most sessions first. */
      reps: TeamRep[];
      /** Salesforce had more session Events than one answer holds (the latest are counted). */
      more: boolean;
    }
  | { ok: false; problem: 'no-salesforce-tab' | 'proxied' | SalesforceProblem };

/** A session Event with its owner, as the worker read it. */
export interface OwnedSession extends TeamSession {
  ownerId: string;
  ownerName: string;
}

/**
 * The guest count an ended session's Location carries: "Glance · <mode> · <n> guest(s)[ · <outcome>]"
 * (src/background/records/session-event.ts, reportCategory). Anything else (the join link of a
 * running session, an older session's address, a rep's own edit) counts no guests.
 */
export function guestsFromLocation(location: unknown): number {
  if (typeof location !== 'string') return 0;
  const parts = location.split(' · ');
  const count = parts[0] === 'Glance' ? /^(\d{1,6}) guests?$/.exec(parts[2] ?? '')?.[1] : undefined;
  return count === undefined ? 0 : Number(count);
}

/** Groups the sessions by rep: most sessions first, then most minutes, then by name. */
export function teamTotals(sessions: OwnedSession[], lightningHost: string): TeamRep[] {
  const reps = new Map<string, TeamRep>();
  for (const { ownerId, ownerName, ...session } of sessions) {
    let rep = reps.get(ownerId);
    if (!rep) {
      rep = {
        userId: ownerId,
        name: ownerName,
        userUrl: `https://${lightningHost}/lightning/r/User/${ownerId}/view`,
        sessions: 0,
        minutes: 0,
        guests: 0,
        events: [],
      };
      reps.set(ownerId, rep);
    }
    rep.sessions += 1;
    rep.minutes += session.minutes;
    rep.guests += session.guests;
    rep.events.push(session);
  }
  for (const rep of reps.values()) rep.events.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt));
  return [...reps.values()].sort(
    (a, b) => b.sessions - a.sessions || b.minutes - a.minutes || a.name.localeCompare(b.name),
  );
}
