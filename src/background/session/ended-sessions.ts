// What the end of a session wrote, kept for the rep's wrap-up (wrap-up.ts). To rebuild the Event's
// Description and Location with the outcome and notes, the worker needs the ended Description and
// what Location is made of (modes, guests). They are kept per ended session for one day, in
// storage.local (endedSessionsItem) so a browser restart between End and Save loses nothing; they are
// no more than the Event already holds, and go after a day or after the next four sessions. The
// newest one, neither saved nor skipped, is the wrap-up that waits (pendingEnded) until the next
// session starts.

import { endedSessionsItem } from '../storage/items.js';
import type { StoragePorts } from '../storage/ports.js';
import type { EndedSession } from '../storage/shapes.js';
import type { ActiveSession } from './state.js';

/** How long an ended session can still be wrapped up, and how many are kept. */
const WRAP_UP_KEEP_MS = 24 * 60 * 60 * 1000;
const KEEP = 5;

type Ports = StoragePorts & { now(): number };

export async function rememberEnded(
  ports: Ports,
  final: ActiveSession,
  endedAt: string,
  description: string,
): Promise<void> {
  const now = ports.now();
  const entry: EndedSession = {
    sessionId: final.sessionId,
    record: final.record,
    startedAt: final.startedAt,
    endedAt,
    modes: final.modes,
    guests: final.guests.map((g) => ({
      name: g.name,
      email: g.email,
      joinedAt: g.joinedAt,
      ...(g.leftAt ? { leftAt: g.leftAt } : {}),
    })),
    description,
    keepUntil: now + WRAP_UP_KEEP_MS,
  };
  const rest = (await endedSessionsItem.read(ports)).filter(
    (e) => e.sessionId !== final.sessionId && e.keepUntil > now,
  );
  await endedSessionsItem.write(ports, [entry, ...rest].slice(0, KEEP));
}

export async function keptEnded(ports: Ports, sessionId: string): Promise<EndedSession | undefined> {
  return (await endedSessionsItem.read(ports)).find((e) => e.sessionId === sessionId && e.keepUntil > ports.now());
}

/** The wrap-up that waits: the last session to end, while kept, not saved and not skipped. */
export async function pendingEnded(ports: Ports): Promise<EndedSession | undefined> {
  const [newest] = await endedSessionsItem.read(ports);
  return newest && newest.keepUntil > ports.now() && !newest.saved && !newest.skipped ? newest : undefined;
}

/** The wrap-up was saved, or skipped: it waits no more. */
export async function markDone(ports: Ports, sessionId: string, how: 'saved' | 'skipped'): Promise<void> {
  const now = ports.now();
  const kept = (await endedSessionsItem.read(ports)).filter((e) => e.keepUntil > now);
  await endedSessionsItem.write(
    ports,
    kept.map((e) => (e.sessionId === sessionId ? { ...e, [how]: true } : e)),
  );
}
