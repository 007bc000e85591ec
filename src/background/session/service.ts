// One-click Glance sessions from a Salesforce record: start, watch for guests, switch, end. Glance
// is called on the click path; Salesforce never is (its writes go through the outbox).
import type { SessionMode, SessionProblem, SessionResult, SessionView, SwitchableMode } from '../../shared/messages.js';
import { parseSalesforceUrl } from '../../shared/salesforce-url.js';
import type { LeadCreation } from '../../shared/settings.js';
import { SESSION_STATUS, SESSION_TYPE, type SessionType } from '../glance/assumptions.js';
import { GlanceClient, GlanceError, type GlanceGuest, type GlanceSession } from '../glance/client.js';
import { Lock } from '../lock.js';
import { usableEmail } from '../outbox/leads.js';
import { enqueue, type OutboxPorts, runOutbox } from '../outbox/runner.js';
import { changeLog, readLog } from '../outbox/store.js';
import { type StatusPorts, salesforceStatus } from '../salesforce/status.js';
import { type AccountPorts, settingsView } from '../settings/account.js';
import { readGlanceAccount } from '../settings/storage.js';
import { endEventFields, eventSubject, relationLookup, type SessionFacts, startEventFields } from './event-fields.js';
import { rememberSession } from './recent.js';
import { type ActiveSession, readActiveSession, toView, writeActiveSession } from './state.js';

export interface SessionPorts extends OutboxPorts, AccountPorts, StatusPorts {
  broadcast(view: SessionView | null): Promise<void>;
  /** Polls Glance for guests on an alarm while a session runs (panels poll faster while shown). */
  setGuestPolling(on: boolean): Promise<void>;
}

const TYPE_OF_MODE: Record<SessionMode, SessionType> = {
  screenshare: SESSION_TYPE.screenShare,
  view: SESSION_TYPE.viewGuest,
  cobrowse: SESSION_TYPE.cobrowse,
};
/** Panels ask every 5 s; never ask Glance more often than this. */
export const MIN_POLL_INTERVAL_MS = 4000;

const problemOf = (error: unknown): SessionProblem => {
  if (!(error instanceof GlanceError)) throw error;
  if (error.failure === 'credentials') return 'glance-reconnect';
  if (error.failure === 'key-in-use') return 'key-in-use';
  if (error.failure === 'session-gone') return 'session-gone';
  return 'glance-unavailable';
};

/** One change to the running session at a time: a guest poll in flight must not undo an End. */
const sessionLock = new Lock();

let jobCounter = 0;
const jobId = (ports: OutboxPorts) =>
  `${ports.now().toString(36)}-${(++jobCounter).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

function facts(session: ActiveSession, endedAt?: string): SessionFacts {
  return { ...session, modes: session.modes, endedAt };
}

async function view(ports: SessionPorts, session: ActiveSession | undefined): Promise<SessionView | null> {
  return session ? toView(session, await readLog(ports, session.sessionId)) : null;
}

export async function currentSession(ports: SessionPorts): Promise<SessionView | null> {
  return view(ports, await readActiveSession(ports));
}

/** Tells every Salesforce tab about the session (after any change, including its Salesforce state). */
export async function announce(ports: SessionPorts): Promise<void> {
  await ports.broadcast(await currentSession(ports));
}

async function startSessionUnlocked(pageUrl: string, mode: SessionMode, ports: SessionPorts): Promise<SessionResult> {
  const page = parseSalesforceUrl(pageUrl);
  if (page?.kind !== 'record') return { ok: false, problem: 'not-a-record' };
  const account = await readGlanceAccount(ports);
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  if (await readActiveSession(ports)) return { ok: false, problem: 'session-running' };
  const { settings } = await settingsView(ports);

  const glance = new GlanceClient(account, ports.fetch);
  let started: GlanceSession;
  try {
    started = await glance.start(TYPE_OF_MODE[mode], settings.keyBehavior, settings.fixedKey);
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const session: ActiveSession = {
    sessionId: started.sessionId,
    key: started.key,
    joinUrl: started.joinUrl,
    glanceAddress: account.address,
    mode,
    modes: [mode],
    status: 'waiting',
    startedAt: started.startedAt || new Date(ports.now()).toISOString(),
    expiresAt: started.expiresAt,
    guests: [],
    record: { sobject: page.sobject, recordId: page.recordId, apiHost: page.apiHost },
    lastPolledAt: ports.now(),
  };
  await writeActiveSession(ports, session);
  await changeLog(ports, session.sessionId, (log) => log);

  // The Chatter post goes to the rep's own feed when the toolbar already learned who they are, else
  // to the record's feed: asking Salesforce now would make the click wait for it.
  const me = settings.chatterOnStart ? await salesforceStatus(pageUrl, ports, { cachedOnly: true }) : null;
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'log-start',
    sessionId: session.sessionId,
    apiHost: page.apiHost,
    attempts: 0,
    notBefore: 0,
    fields: startEventFields(facts(session), page),
    lookup: relationLookup(page, settings.usage),
    chatter: settings.chatterOnStart
      ? {
          parentId: me?.state === 'ready' && me.user.id ? me.user.id : page.recordId,
          title: eventSubject(session.sessionId),
          body: `Glance session started on this ${page.sobject}. Guests join at ${session.joinUrl}${
            session.key ? ` with key ${session.key}` : ''
          }.`,
        }
      : undefined,
  });
  const answer = await view(ports, session);
  void announce(ports);
  void ports.setGuestPolling(true);
  void runOutbox(ports);
  return { ok: true, session: answer };
}

const sameGuest = (a: GlanceGuest, b: GlanceGuest) =>
  a.name === b.name && a.email === b.email && a.joinedAt === b.joinedAt;

function wantsLead(guest: GlanceGuest, level: LeadCreation): boolean {
  if (level === 'never' || !usableEmail(guest.email)) return false;
  return level === 'email' || guest.name.trim().length > 0;
}

/** Asks Glance how the session stands: new guests, or its end. */
async function refreshSessionUnlocked(ports: SessionPorts, force = false): Promise<SessionView | null> {
  const session = await readActiveSession(ports);
  if (!session) return null;
  if (!force && ports.now() - session.lastPolledAt < MIN_POLL_INTERVAL_MS) return view(ports, session);
  const account = await readGlanceAccount(ports);
  if (!account) return view(ports, session);
  let latest: GlanceSession;
  try {
    latest = await new GlanceClient(account, ports.fetch).status(session.sessionId);
  } catch (error) {
    if (problemOf(error) === 'session-gone') {
      await finish(ports, session, new Date(ports.now()).toISOString());
      return null;
    }
    // The session goes on at Glance; say that the guest list may be stale, and ask again later.
    const stale = { ...session, lastPolledAt: ports.now(), glanceUnreachable: true };
    await writeActiveSession(ports, stale);
    if (!session.glanceUnreachable) await announce(ports);
    return view(ports, stale);
  }
  if (latest.status === SESSION_STATUS.ended || latest.status === SESSION_STATUS.expired) {
    await finish(ports, { ...session, guests: latest.guests }, latest.endedAt || new Date(ports.now()).toISOString());
    return null;
  }
  const newGuests = latest.guests.filter((g) => !session.guests.some((known) => sameGuest(known, g)));
  const updated: ActiveSession = {
    ...session,
    guests: latest.guests,
    status: latest.status === SESSION_STATUS.active || latest.guests.length > 0 ? 'active' : 'waiting',
    lastPolledAt: ports.now(),
    glanceUnreachable: false,
  };
  await writeActiveSession(ports, updated);
  // Glance answers again: take the warning away (new guests announce below anyway).
  if (session.glanceUnreachable && newGuests.length === 0) await announce(ports);
  const someoneLeft = latest.guests.some((g) => g.leftAt && !session.guests.some((k) => sameGuest(k, g) && k.leftAt));
  if (someoneLeft && newGuests.length === 0) await announce(ports);
  if (newGuests.length > 0) {
    // settingsView answers the effective settings: the user's choice held within the policy.
    const level = (await settingsView(ports)).settings.leadCreation;
    for (const guest of newGuests.filter((g) => wantsLead(g, level))) {
      await enqueue(ports, {
        id: jobId(ports),
        kind: 'guest-lead',
        sessionId: session.sessionId,
        apiHost: session.record.apiHost,
        attempts: 0,
        notBefore: 0,
        guest: { name: guest.name.trim(), email: usableEmail(guest.email), joinedAt: guest.joinedAt },
      });
    }
    void runOutbox(ports);
    await announce(ports);
  }
  return view(ports, updated);
}

async function switchModeUnlocked(
  sessionId: string,
  mode: SwitchableMode,
  ports: SessionPorts,
): Promise<SessionResult> {
  const session = await readActiveSession(ports);
  const account = await readGlanceAccount(ports);
  if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
  if (!account) return { ok: false, problem: 'glance-not-connected' };
  // Two tabs clicking Switch at once ask for the same mode: the second changes nothing.
  if (session.mode === mode || session.mode === 'view') return { ok: true, session: await view(ports, session) };
  try {
    await new GlanceClient(account, ports.fetch).setType(sessionId, TYPE_OF_MODE[mode]);
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  const updated = { ...session, mode, modes: [...session.modes, mode] };
  await writeActiveSession(ports, updated);
  void announce(ports);
  return { ok: true, session: await view(ports, updated) };
}

async function endSessionUnlocked(sessionId: string, ports: SessionPorts): Promise<SessionResult> {
  const session = await readActiveSession(ports);
  if (!session || session.sessionId !== sessionId) return { ok: false, problem: 'session-gone' };
  const account = await readGlanceAccount(ports);
  let ended: GlanceSession | undefined;
  try {
    if (account) ended = await new GlanceClient(account, ports.fetch).end(sessionId);
  } catch (error) {
    const problem = problemOf(error);
    // A session Glance no longer knows is over; anything else leaves it running, as it is.
    if (problem !== 'session-gone') return { ok: false, problem };
  }
  await finish(
    ports,
    { ...session, guests: ended?.guests ?? session.guests },
    ended?.endedAt || new Date(ports.now()).toISOString(),
  );
  return { ok: true, session: null };
}

/** The session is over: queue the Event's final update, forget the session, tell the tabs. */
async function finish(ports: SessionPorts, session: ActiveSession, endedAt: string): Promise<void> {
  await enqueue(ports, {
    id: jobId(ports),
    kind: 'log-end',
    sessionId: session.sessionId,
    apiHost: session.record.apiHost,
    attempts: 0,
    notBefore: 0,
    fields: endEventFields({ ...facts(session), endedAt }),
  });
  await rememberSession(ports, session, endedAt);
  await writeActiveSession(ports, undefined);
  await ports.setGuestPolling(false);
  await ports.broadcast(null);
  void runOutbox(ports);
}

export const startSession = (pageUrl: string, mode: SessionMode, ports: SessionPorts) =>
  sessionLock.run(() => startSessionUnlocked(pageUrl, mode, ports));
export const refreshSession = (ports: SessionPorts, force = false) =>
  sessionLock.run(() => refreshSessionUnlocked(ports, force));
export const switchMode = (sessionId: string, mode: SwitchableMode, ports: SessionPorts) =>
  sessionLock.run(() => switchModeUnlocked(sessionId, mode, ports));
export const endSession = (sessionId: string, ports: SessionPorts) =>
  sessionLock.run(() => endSessionUnlocked(sessionId, ports));
