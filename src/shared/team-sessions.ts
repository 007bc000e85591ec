// The team view's numbers (options page, "Team" tab): the Glance session Events the signed-in user
// may see in Salesforce, per rep. Pure, so the worker and the tests share one way of counting.

import type { SalesforceProblem } from './protocol/problems.js';
import type { SessionMode } from './protocol/session-views.js';

/** One session Event as the team view shows it. */
interface TeamSession {
  eventId: string;
  startedAt: string;
  /** Salesforce's DurationInMinutes (derived from the real start and end once the session ended). */
  minutes: number;
  /** From the Event's Location, or for a session logged before item 1 its Description (sessionShape); 0 while it runs. */
  guests: number;
  /** How the session was run, in order (a switch adds one); empty when the Event does not say. */
  modes: SessionMode[];
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
 * The mode names the product writes (src/background/records/session-event.ts, MODE_NAME; the same
 * since the first release): Salesforce data, in English.
 */
const MODE_OF_NAME: Readonly<Record<string, SessionMode>> = {
  'Screen share': 'screenshare',
  'View customer screen': 'view',
  Cobrowse: 'cobrowse',
};

/** "Screen share → Cobrowse" as modes; none when any name is not one the product writes. */
function modesOf(text: string | undefined): SessionMode[] {
  const modes = (text ?? '').split(' → ').map((name) => MODE_OF_NAME[name]);
  return modes.every((mode) => mode !== undefined) ? modes : [];
}

interface SessionShape {
  guests: number;
  modes: SessionMode[];
}

const NOTHING: SessionShape = { guests: 0, modes: [] };

/**
 * What an ended session's Location carries: "Glance · <mode> · <n> guest(s)[ · <outcome>]"
 * (session-event.ts, reportCategory); undefined for any other Location (the join link of a running
 * session or of one logged before that convention, a rep's own edit).
 */
function shapeFromLocation(location: unknown): SessionShape | undefined {
  if (typeof location !== 'string') return undefined;
  const parts = location.split(' · ');
  const count = parts[0] === 'Glance' ? /^(\d{1,6}) guests?$/.exec(parts[2] ?? '')?.[1] : undefined;
  return count === undefined ? undefined : { guests: Number(count), modes: modesOf(parts[1]) };
}

/**
 * A session logged before the Location convention (issue 27, item 1), from its Description as the
 * product wrote it then (git show bf1f9cd:src/background/session/event-fields.ts, and later
 * records/session-event.ts eventDescription): "Glance session: <id>" first, "Mode: <a> → <b>" second,
 * then "Guests: <n>" and one "- <name> …, joined …" line per guest; a scheduled meeting's details
 * follow after a blank line. The first release wrote a guest's name as typed, line breaks included,
 * so a name could forge lines: the count is the product's own "Guests:" line (the first one: every
 * guest's text comes after it), and never more than the guest lines below it bear out.
 */
function shapeFromDescription(description: unknown): SessionShape {
  if (typeof description !== 'string') return NOTHING;
  const lines = description.split(/\r\n|\n|\r/);
  if (!lines[0]?.startsWith('Glance session: ')) return NOTHING;
  const modes = lines[1]?.startsWith('Mode: ') ? modesOf(lines[1].slice('Mode: '.length)) : [];
  const at = lines.findIndex((line) => line.startsWith('Guests: '));
  // Plain ASCII digits, no more than a Description of 32,000 characters could list.
  const count = at < 0 ? undefined : /^Guests: (\d{1,5})$/.exec(lines[at] ?? '')?.[1];
  if (count === undefined) return { guests: 0, modes };
  const below = lines.slice(at + 1);
  const end = below.indexOf('');
  const guestLines = (end < 0 ? below : below.slice(0, end)).filter((line) => line.startsWith('- ')).length;
  return { guests: Math.min(Number(count), guestLines), modes };
}

/** The guests and modes of a session Event: by the Location convention, else from an older Description. */
export function sessionShape(location: unknown, description: unknown): SessionShape {
  return shapeFromLocation(location) ?? shapeFromDescription(description);
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
